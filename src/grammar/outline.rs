//! The outline: blocks placed in the tree by the rank of their markers, with the
//! roles of headings, the objectives and the indicators.
//!
//! ```text
//! body       = *( paragraph / part-tree / section-tree / item-tree ) *closing
//! part-tree  = ( phan / part ) *( paragraph / lower-tree )         ; S1
//! section    = numbered title                                      ; no closing ". ; ! ?", or ends in ":"
//! item       = numbered sentence / lettered / bullet / indicator
//! rank       = phan < part < 1 < 1.1 < a) < (n) < "-" < "+" < "•"  ; S3
//! closing    = KIND "này" … ( "phổ biến" / "hiệu lực" / … )        ; S5, after which only paragraphs
//! role       = the earliest role word of a heading                 ; S9
//! ```

use super::blocks::Block;
use super::lexicon::{closing_words, fold, kinds, roles, starts_with_words};
use super::line::{is_all_caps, Marker};
use super::measure::measures;
use super::tokens::Tokens;
use super::Ctx;
use crate::model::{
    Heading, Indicator, IndicatorNode, Item, Measure, Node, Objective, Paragraph, Role, Scope, Span,
};
use crate::text::Text;

/// The tree and the lists read from it.
#[derive(Default)]
pub struct Outline {
    /// The body nodes.
    pub body: Vec<Node>,
    /// The objectives.
    pub objectives: Vec<Objective>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

struct Frame {
    rank: u32,
    node: Node,
    /// Parts, sections and titled items hold paragraphs; items with text do not.
    holds_paragraphs: bool,
    /// The role and title of a heading or heading-like item.
    role: Option<(Role, String)>,
}

struct Builder<'c, 's, 'a> {
    ctx: &'c mut Ctx<'s, 'a>,
    stack: Vec<Frame>,
    out: Outline,
    /// The plan's column in the last header row of a targets table, and how many
    /// cells that row has.
    plan_column: Option<(usize, usize)>,
}

/// role = the earliest role word of a heading (S9).
pub fn role_of(title: &str) -> Option<Role> {
    let t = Tokens::new(title);
    (0..t.toks.len()).find_map(|i| t.longest(i, roles()).map(|(_, _, r)| r))
}

/// closing = KIND "này" … ( "phổ biến" / "hiệu lực" / … )
pub fn is_closing(text: &str) -> bool {
    // A kind phrase and "này" open it: only the first words are tokenised.
    let head = text
        .as_bytes()
        .iter()
        .skip(80)
        .position(|&c| c == b' ')
        .map_or(text.len(), |p| 80 + p);
    let t = Tokens::range(text, 0, head);
    let Some((n, _, _)) = t.longest(0, kinds()) else {
        return false;
    };
    if t.phrase_at(n, "này").is_none() {
        return false;
    }
    let f = fold(text);
    closing_words().iter().any(|w| f.contains(w.as_str()))
}

fn closing_start(blocks: &[Block]) -> usize {
    let mut start = blocks.len();
    for (i, b) in blocks.iter().enumerate().rev() {
        if b.marker.is_some() {
            break;
        }
        if is_closing(&b.text.s) {
            start = i;
        }
    }
    start
}

/// A numbered line is a section title when it does not end a sentence (S2).
fn is_title(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '\'', ' ']);
    t.ends_with(':') || (!t.ends_with(['.', ';', '!', '?', '…']) && t.chars().count() <= 200)
}

/// A run-in heading: a few words naming a role, a colon, then the text
/// ("Mục tiêu tổng quát: Xây dựng …"). Returns where the text starts.
fn run_in_heading(s: &str) -> Option<usize> {
    let colon = s.find(": ")?;
    let head = &s[..colon];
    (head.split_whitespace().count() <= 8 && role_of(head).is_some()).then_some(colon + 2)
}

fn strip_colon(s: &str) -> String {
    s.trim_end().trim_end_matches(':').trim_end().to_string()
}

/// body = *( paragraph / part-tree / section-tree / item-tree ) *closing
pub fn outline(ctx: &mut Ctx, blocks: Vec<Block>) -> Outline {
    let closing_from = closing_start(&blocks);
    let mut b = Builder {
        ctx,
        stack: Vec::new(),
        out: Outline::default(),
        plan_column: None,
    };
    let mut it = blocks.into_iter().enumerate().peekable();
    // The blocks split off one before it (inline indicators, a run-in heading's
    // text), last first, with the index of the block they came from.
    let mut pending: Vec<(usize, Block)> = Vec::new();
    while let Some((i, mut block)) = pending.pop().or_else(|| it.next()) {
        if i < closing_from {
            let pieces = b.inline_indicators(&mut block);
            pending.extend(pieces.into_iter().rev().map(|p| (i, p)));
        }
        if i < closing_from && b.table_target(&mut block) {
            continue;
        }
        if i >= closing_from {
            b.close_to(0);
            let p = b.paragraph(&mut block);
            b.attach(Node::Closing(p));
            continue;
        }
        match block.marker.take() {
            None => b.plain(&mut block),
            Some(Marker::Phan(label)) => {
                // An appendix's title may be in sentence case ("Danh mục các chỉ tiêu
                // chủ yếu năm 2024"); its "(Kèm theo …)" note is none.
                let appendix = starts_with_words(&label, "phụ lục");
                if block.text.is_empty() {
                    if let Some((_, next)) = it.next_if(|(j, n)| {
                        *j < closing_from
                            && n.marker.is_none()
                            && (is_all_caps(&n.text.s)
                                || appendix && is_title(&n.text.s) && !n.text.s.starts_with('('))
                    }) {
                        block.text = next.text;
                        block.end = next.end;
                    }
                }
                b.heading(&block, label, 0, true);
            }
            Some(Marker::Part(label)) => b.heading(&block, label, 1, true),
            Some(Marker::Article(label)) => {
                if is_title(&block.text.s) {
                    b.heading(&block, label, 1, false);
                } else {
                    b.item(&mut block, label, 1);
                }
            }
            Some(Marker::Numbered(label, depth)) => {
                let rank = 1 + depth as u32;
                if is_title(&block.text.s) {
                    b.heading(&block, label, rank, false);
                } else if let Some(at) = run_in_heading(&block.text.s) {
                    // "2. Mục tiêu tổng quát: Xây dựng …" — a heading with its text run in.
                    let rest = block.text.tail(at);
                    block.text.truncate(at);
                    b.heading(&block, label, rank, false);
                    let para = Block {
                        marker: None,
                        text: rest,
                        ..block.clone()
                    };
                    pending.push((i, para));
                } else {
                    b.item(&mut block, label, rank);
                }
            }
            Some(m @ Marker::Indicator(_)) => b.item(&mut block, indicator_label(&m), m.rank()),
            Some(Marker::Lettered(label)) => b.item(&mut block, label, 10),
            Some(Marker::Bullet(label)) => {
                let rank = Marker::Bullet(label.clone()).rank();
                b.item(&mut block, label, rank);
            }
        }
    }
    b.close_to(0);
    b.out
}

/// Whether a table header cell names a plan or a target: "KH 2024", "Kế hoạch năm
/// 2024", "Mục tiêu", "Phấn đấu", "Chỉ tiêu 2025" (not "Ước TH 2023", "So với KH").
fn names_plan(header: &str) -> bool {
    ["kh", "kế hoạch", "mục tiêu", "phấn đấu", "chỉ tiêu"]
        .iter()
        .any(|w| starts_with_words(header, w))
}

/// An inline indicator marker: its offset, its number, the separator before it, and
/// whether a capital or a digit follows it.
type Shaped = (usize, u32, u8, bool);

/// Every inline indicator marker of `s`, in order: a "(n)" after a separator ("; " "."
/// "," ":") before a letter or a digit.
fn shaped_markers(s: &str) -> Vec<Shaped> {
    memchr::memchr_iter(b'(', s.as_bytes())
        .filter_map(|at| {
            let (n, capital) = inline_number(&s[at..])?;
            match s[..at].trim_end().as_bytes().last().copied() {
                Some(sep @ (b';' | b'.' | b',' | b':')) => Some((at, n, sep, capital)),
                _ => None,
            }
        })
        .collect()
}

/// The run of inline indicator markers among `shaped`: `(offset, number)` of each
/// "(n)", the numbers running on from `first`, each before a capital or a digit (or a
/// lowercase letter too, when `lower`). With `after_intro`, the run opens after a
/// colon, at any number ("Chỉ tiêu xã hội: (3) …; (4) …"), and is at least two long.
/// Empty when there is none.
fn inline_run(shaped: &[Shaped], first: u32, after_intro: bool, lower: bool) -> Vec<(usize, u32)> {
    let shaped: Vec<&Shaped> = shaped.iter().filter(|x| lower || x.3).collect();
    // A run opens at `first`, or after an intro's colon; it goes up to the next place
    // one could open (each marker is looked at once).
    let opens = |&&(_, n, sep, _): &&Shaped| {
        if after_intro {
            sep == b':'
        } else {
            n == first
        }
    };
    let mut k = 0;
    while k < shaped.len() {
        let (at, n, _, _) = *shaped[k];
        k += 1;
        if !opens(&shaped[k - 1]) {
            continue;
        }
        let mut run = vec![(at, n)];
        while let Some(&&(next_at, m, _, _)) = shaped.get(k).filter(|x| !opens(x)) {
            if m == n + run.len() as u32 {
                run.push((next_at, m));
            }
            k += 1;
        }
        if !after_intro || run.len() >= 2 {
            return run;
        }
    }
    Vec::new()
}

/// The number of an inline marker "(n)" at the start of `s`, when a space and a letter
/// or a digit follow it, or a letter right after it; and whether that is a capital or
/// a digit.
fn inline_number(s: &str) -> Option<(u32, bool)> {
    let rest = s.strip_prefix('(')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let n = rest[..digits].parse().ok()?;
    let after = rest[digits..].strip_prefix(')')?;
    let next = after.trim_start_matches(' ').chars().next()?;
    let digit = next.is_ascii_digit() && after.starts_with(' ');
    (digit || next.is_alphabetic()).then_some((n, digit || next.is_uppercase()))
}

/// The length of the marker "(n)" at the start of `s` with the spaces after it.
fn marker_len(s: &str) -> usize {
    let close = s.find(')').map_or(0, |p| p + 1);
    close + (s.len() - close - s[close..].trim_start_matches(' ').len())
}

fn indicator_label(m: &Marker) -> String {
    match m {
        Marker::Indicator(n) => n.to_string(),
        _ => String::new(),
    }
}

impl Builder<'_, '_, '_> {
    fn span(&self, b: &Block) -> Span {
        self.ctx.span(b.start, b.end)
    }

    /// The block as a paragraph; its text is moved out.
    fn paragraph(&mut self, b: &mut Block) -> Paragraph {
        let citations = self.ctx.cite(&b.text);
        Paragraph {
            text: std::mem::take(&mut b.text.s),
            citations,
            span: self.span(b),
        }
    }

    /// The nearest heading with a role, and that role.
    fn governing(&self) -> Option<(Role, &str)> {
        self.stack
            .iter()
            .rev()
            .find_map(|f| f.role.as_ref().map(|(r, t)| (*r, t.as_str())))
    }

    fn objective(&mut self, text: &str, span: Span) {
        if let Some((Role::Objectives, title)) = self.governing() {
            let scope = if fold(title).contains(&fold("cụ thể")) {
                Scope::Specific
            } else {
                Scope::General
            };
            let title = title.to_string();
            self.out.objectives.push(Objective {
                scope,
                title,
                text: text.to_string(),
                span,
            });
        }
    }

    fn plain(&mut self, b: &mut Block) {
        while self.stack.last().is_some_and(|f| !f.holds_paragraphs) {
            self.pop();
        }
        let p = self.paragraph(b);
        self.objective(&p.text, p.span);
        self.attach(Node::Paragraph(p));
    }

    fn heading(&mut self, b: &Block, label: String, rank: u32, part: bool) {
        self.close_to(rank);
        let title = strip_colon(&b.text.s);
        let citations = self.ctx.cite(&b.text);
        let h = Heading {
            label,
            role: role_of(&title),
            title,
            children: Vec::new(),
            citations,
            span: self.span(b),
        };
        let role = h.role.map(|r| (r, h.title.clone()));
        let node = if part {
            Node::Part(h)
        } else {
            Node::Section(h)
        };
        self.push(rank, node, true, role);
    }

    /// The block as an item or an indicator; its text is moved out.
    fn item(&mut self, b: &mut Block, label: String, rank: u32) {
        self.place_item(b, label, rank, None);
    }

    /// table-target = number tab name *( tab cell )   ; a row under a targets heading
    ///
    /// A row of a targets table ("1<tab>Tốc độ tăng trưởng<tab>%<tab>8,5") is an
    /// indicator numbered by its first cell, its text the other cells. Its measure is
    /// read from the name, the plan's cell and the unit's cell (the first after the
    /// name without a figure, of at most four words), in that order: "Tốc độ tăng
    /// trưởng 8,5 %". The plan's cell is in the last column whose header names a plan
    /// ("KH 2024", "Kế hoạch", "Mục tiêu") when the table's header row has as many
    /// cells, else the last cell with a figure (tables put the plan after the last
    /// year's result).
    fn table_target(&mut self, b: &mut Block) -> bool {
        if !b.row || !matches!(self.governing(), Some((Role::Targets, _))) {
            return false;
        }
        // The row's cells as the header's are read: split at tabs (and runs of three
        // spaces), each cleaned, with its map.
        let line = super::Line {
            start: b.start,
            end: b.end,
        };
        let cells = super::cells(self.ctx.text(), line);
        let cell = |k: usize| cells.get(k).map_or("", |t| t.s.as_str());
        let number = cell(0).trim_end_matches(['.', ')']);
        if number.is_empty() || number.len() > 3 || !number.bytes().all(|x| x.is_ascii_digit()) {
            // A header row ("STT | Chỉ tiêu | ĐVT | Ước TH 2023 | KH 2024"): which
            // column holds the plan.
            if cells.len() > 2 {
                self.plan_column = (2..cells.len())
                    .rev()
                    .find(|&k| names_plan(cell(k)))
                    .map(|k| (k, cells.len()));
            }
            return false;
        }
        let Ok(number) = number.parse::<u32>() else {
            return false;
        };
        if cells.len() < 2 || !cell(1).chars().any(char::is_alphabetic) {
            return false;
        }
        let has_figure = |k: usize| cell(k).bytes().any(|x| x.is_ascii_digit());
        // The plan's column when the header names one and the row has as many cells,
        // else the last cell with a figure.
        let value = self
            .plan_column
            .filter(|&(k, n)| n == cells.len() && has_figure(k))
            .map(|(k, _)| k)
            .or_else(|| (2..cells.len()).rev().find(|&k| has_figure(k)));
        let unit = (2..cells.len())
            .find(|&k| !has_figure(k) && cell(k).split_whitespace().count() <= 4)
            .filter(|_| value.is_some());
        let mut reading = Text::default();
        for k in [Some(1), value, unit].into_iter().flatten() {
            reading.append(&cells[k]);
        }
        // Only the plan's figures are measures: a number in the name ("Tỷ lệ trẻ em
        // dưới 5 tuổi") is part of it.
        let plan = value.map(|k| {
            let (a, z) = cells[k].norm_range(0, cells[k].s.len());
            self.ctx.span(a, z)
        });
        let mut found = measures(self.ctx, &reading);
        found.retain(|m| plan.is_some_and(|p| (p.start..p.end).contains(&m.span.start)));
        let mut text = Text::default();
        for c in &cells[1..] {
            text.append(c);
        }
        b.text = text;
        self.place_item(b, number.to_string(), 11, Some(found));
        true
    }

    /// The block as an item or an indicator, with the measures given, else those read
    /// from its text; its text is moved out.
    fn place_item(&mut self, b: &mut Block, label: String, rank: u32, found: Option<Vec<Measure>>) {
        self.close_to(rank);
        let span = self.span(b);
        let citations = self.ctx.cite(&b.text);
        let titled = rank == 10 && is_title(&b.text.s) && !b.text.is_empty();
        let governing = self.governing().map(|(r, _)| r);
        let numbered_indicator = label.parse::<u32>().ok().filter(|_| rank == 11);
        let as_indicator = match numbered_indicator {
            Some(_) => !matches!(
                governing,
                Some(Role::Assessment | Role::Viewpoints | Role::Tasks | Role::Implementation)
            ),
            // Under a targets heading, numbered sentences, lettered items and bullets
            // are its indicators too ("1. Tốc độ tăng trưởng GRDP đạt 8% trở lên.").
            None => governing == Some(Role::Targets) && !titled && rank >= 2,
        };
        if as_indicator {
            let number = numbered_indicator.unwrap_or_else(|| self.next_target_number());
            let measures = found.unwrap_or_else(|| measures(self.ctx, &b.text));
            self.out.indicators.push(Indicator {
                number,
                text: b.text.s.clone(),
                measures,
                span,
            });
            let text = std::mem::take(&mut b.text.s);
            let node = Node::Indicator(IndicatorNode {
                label,
                number,
                text,
                children: Vec::new(),
                citations,
                span,
            });
            self.push(rank, node, false, None);
            return;
        }
        let (title, text) = if titled {
            (Some(strip_colon(&b.text.s)), None)
        } else {
            (None, Some(std::mem::take(&mut b.text.s)))
        };
        self.objective(
            title.as_deref().or(text.as_deref()).unwrap_or_default(),
            span,
        );
        // A heading-like item ("b) Mục tiêu cụ thể") governs what is under it like a heading.
        let role = title
            .as_deref()
            .and_then(|t| role_of(t).map(|r| (r, t.to_string())));
        let node = Node::Item(Item {
            label,
            title,
            text,
            children: Vec::new(),
            citations,
            span,
        });
        self.push(rank, node, titled, role);
    }

    fn push(
        &mut self,
        rank: u32,
        node: Node,
        holds_paragraphs: bool,
        role: Option<(Role, String)>,
    ) {
        self.stack.push(Frame {
            rank,
            node,
            holds_paragraphs,
            role,
        });
    }

    /// inline-indicators = [ intro ":" ] indicator 1*( sep indicator )   ; numbers run on
    ///
    /// Targets written in one paragraph ("(1) Tốc độ tăng trưởng đạt 8%; (2) Thu nhập
    /// …; (3) …"): the block keeps its first piece and the others are returned, each an
    /// indicator block with its own text and span. A block marked "(n)" is split at
    /// "(n+1)", "(n+2)" … after a separator ("; " "." "," ":"); an unmarked, numbered,
    /// lettered or bulleted one ("a) Chỉ tiêu kinh tế: (1) …; (2) …") at a run after a
    /// colon, at least two long, when it stands where targets are (a targets or
    /// objectives heading, or an intro naming targets): it keeps the intro.
    /// Each number is followed by a capital or a digit ("(2) Thu nhập", "(3) 100% xã"),
    /// or a lowercase letter under a targets heading or after an intro naming targets.
    fn inline_indicators(&self, block: &mut Block) -> Vec<Block> {
        // Text split off a run-in heading may open with its marker ("3. Chỉ tiêu về
        // xã hội: (5) Tỷ lệ …"): it is read as marked.
        if block.marker.is_none() {
            if let Some((n, true)) = inline_number(&block.text.s) {
                block.start = block.text.norm_offset(0);
                block.text = block.text.tail(marker_len(&block.text.s));
                block.marker = Some(Marker::Indicator(n));
            }
        }
        let s = &block.text.s;
        let (first, after_intro) = match block.marker {
            Some(Marker::Indicator(n)) => (n.saturating_add(1), false),
            None | Some(Marker::Numbered(..) | Marker::Lettered(_) | Marker::Bullet(_)) => {
                (1, true)
            }
            _ => return Vec::new(),
        };
        // Targets open with a capital; in lowercase ("…: (1) tốc độ tăng trưởng …;
        // (2) …") only where targets are named, since an objective's prose enumerates
        // so too ("tập trung: (1) phát triển hạ tầng; (2) …").
        let shaped = shaped_markers(s);
        let mut lower = false;
        let mut run = inline_run(&shaped, first, after_intro, false);
        if run.is_empty() && shaped.iter().any(|x| !x.3) {
            run = inline_run(&shaped, first, after_intro, true);
            lower = true;
        }
        let Some(&(start, _)) = run.first() else {
            return Vec::new();
        };
        let governing = self.governing().map(|(r, _)| r);
        let intro_names_targets = || after_intro && role_of(&s[..start]) == Some(Role::Targets);
        if lower && governing != Some(Role::Targets) && !intro_names_targets() {
            return Vec::new();
        }
        if after_intro {
            let where_targets = matches!(governing, Some(Role::Targets | Role::Objectives))
                || intro_names_targets();
            if run.len() < 2 || !where_targets {
                return Vec::new();
            }
        }
        // Each piece runs from its marker to the next one; the text after the marker.
        let mut pieces = Vec::with_capacity(run.len());
        for (k, &(at, n)) in run.iter().enumerate() {
            let end = run.get(k + 1).map_or(s.len(), |&(next, _)| next);
            let body = at + marker_len(&s[at..]);
            let end = s[..end].trim_end().len().max(body);
            let (a, z) = block.text.norm_range(at, end);
            pieces.push(Block {
                marker: Some(Marker::Indicator(n)),
                text: block.text.slice(body, end),
                start: a,
                end: z,
                lines: 1,
                last_len: 0,
                row: false,
            });
        }
        // The block keeps what stands before the first piece: its own marker's text,
        // or the intro.
        let end = s[..start].trim_end().len();
        block.end = block.text.norm_range(0, end).1;
        block.text.truncate(end);
        pieces
    }

    /// The number of an unnumbered indicator (a bullet or lettered item under a targets
    /// heading): the one after the document's last indicator, so that numbers go on
    /// across the targets headings ("Chỉ tiêu về kinh tế" 1–5, "… về xã hội" 6–9) and
    /// stay unique, as documents number their "(n)" targets.
    fn next_target_number(&self) -> u32 {
        self.out.indicators.last().map_or(1, |i| i.number + 1)
    }

    fn close_to(&mut self, rank: u32) {
        while self.stack.last().is_some_and(|f| f.rank >= rank) {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(f) = self.stack.pop() {
            self.attach(f.node);
        }
    }

    fn attach(&mut self, node: Node) {
        let end = node.span().end;
        match self.stack.last_mut() {
            Some(f) => {
                let (children, span) = match &mut f.node {
                    Node::Part(h) | Node::Section(h) => (&mut h.children, &mut h.span),
                    Node::Item(i) => (&mut i.children, &mut i.span),
                    Node::Indicator(i) => (&mut i.children, &mut i.span),
                    Node::Paragraph(_) | Node::Closing(_) => {
                        self.out.body.push(node);
                        return;
                    }
                };
                span.end = span.end.max(end);
                children.push(node);
            }
            None => self.out.body.push(node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let cases: &[(&str, Option<Role>)] = &[
            ("MỤC TIÊU", Some(Role::Objectives)),
            ("QUAN ĐIỂM, MỤC TIÊU", Some(Role::Viewpoints)),
            (
                "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023",
                Some(Role::Assessment),
            ),
            ("Một số chỉ tiêu chủ yếu năm 2023", Some(Role::Targets)),
            ("NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", Some(Role::Tasks)),
            ("TỔ CHỨC THỰC HIỆN", Some(Role::Implementation)),
            ("MỤC ĐÍCH, YÊU CẦU", None),
            ("Lãnh đạo phát triển kinh tế - xã hội", None),
            ("Đánh giá chung", Some(Role::Assessment)),
        ];
        for (t, want) in cases {
            assert_eq!(role_of(t), *want, "{t}");
        }
    }

    #[test]
    fn closings() {
        assert!(is_closing("Nghị quyết này phổ biến đến chi bộ."));
        assert!(is_closing(
            "Chương trình hành động này được phổ biến đến chi bộ."
        ));
        assert!(is_closing("Quy định này có hiệu lực từ ngày ký."));
        assert!(!is_closing("Nghị quyết số 12 phổ biến"));
        assert!(!is_closing("Căn cứ Nghị quyết này, các cấp ủy"));
    }

    #[test]
    fn inline_runs() {
        let numbers = |s: &str, first: u32, after_intro: bool| -> Vec<u32> {
            inline_run(&shaped_markers(s), first, after_intro, false)
                .iter()
                .map(|&(_, n)| n)
                .collect()
        };
        let intro = "Các chỉ tiêu: (1) Tăng 8%; (2) Thu 5 tỷ đồng, (3) 100% xã.";
        assert_eq!(numbers(intro, 1, true), [1, 2, 3]);
        assert_eq!(
            inline_run(&shaped_markers(intro), 1, true, false)[0].0,
            intro.find("(1)").unwrap_or(0)
        );
        // No colon before "(1)", lowercase after it, or a run of one: no run.
        assert!(numbers("Đạt (1) Tăng 8%; (2) Thu", 1, true).is_empty());
        assert!(numbers("gồm: (1) phát triển; (2) cải cách", 1, true).is_empty());
        assert!(numbers("gồm: (1) Phát triển hạ tầng.", 1, true).is_empty());
        // A marked block goes on from its own number; numbers out of turn stay text.
        assert_eq!(
            numbers("Tăng 8%; (2) Thu; (5) Giữ; (3) Có", 2, false),
            [2, 3]
        );
        assert!(numbers("theo mục (2) của Kết luận", 2, false).is_empty());
        // A second intro may open the run when the first has none; after an intro,
        // numbers go on from any ("Chỉ tiêu xã hội: (3) …; (4) …").
        assert_eq!(numbers("A: (1) Xa. B: (1) Ya; (2) Za", 1, true), [1, 2]);
        assert_eq!(numbers("Xã hội: (3) Ya; (4) Za; (6) Q", 1, true), [3, 4]);
        // Lowercase targets when asked.
        assert_eq!(
            inline_run(
                &shaped_markers("Các chỉ tiêu: (1) tăng 8%; (2) thu 5 tỷ."),
                1,
                true,
                true
            )
            .len(),
            2
        );
        // Each marker is looked at once: many openers stay linear.
        let many = "a: (1) B. ".repeat(50_000);
        assert!(numbers(&many, 1, true).is_empty());
    }

    #[test]
    fn titles() {
        assert!(is_title("Mục tiêu tổng quát"));
        assert!(is_title("Các nhiệm vụ sau:"));
        assert!(!is_title("Đẩy mạnh quảng bá du lịch."));
    }
}
