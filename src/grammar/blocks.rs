//! Body lines joined into blocks: one block per paragraph, heading or item, with
//! page breaks and line wraps repaired and lone page numbers dropped.
//!
//! ```text
//! blocks        = *( block / blank / page-number / rule )
//! block         = first-line *continuation
//! continuation  = [ blank* page-number* blank* ] lowercase-line     ; a page break or a wrap
//!               / digit-or-paren-line       ; when the block does not end a sentence
//! heading-wrap  = caps-line                 ; under a part heading, with no blank between
//! row           = cell 2*( tab cell )       ; a table row: a block of its own
//! ```

use super::lexicon::{same_word, starts_with_words, OPEN_ENDINGS};
use super::line::{is_all_caps, is_page_number, is_rule, marker, starts_lowercase, Marker};
use super::{is_blank, Ctx, Line};
use crate::text::Text;

/// A paragraph, heading or item of the body, before it is placed in the tree.
#[derive(Debug, Clone)]
pub struct Block {
    /// The marker that opens it, if any.
    pub marker: Option<Marker>,
    /// Its text after the marker, joined across breaks.
    pub text: Text,
    /// Normalised offset of its first character (the marker included).
    pub start: usize,
    /// Normalised offset just past its last character.
    pub end: usize,
    /// How many lines it spans, and the length of the last one: in characters, or in
    /// bytes when that alone says it reaches [`WRAP_WIDTH`] characters.
    pub(crate) lines: usize,
    pub(crate) last_len: usize,
    /// A row of a table (cells split by tabs): it neither continues a block nor is
    /// continued.
    pub(crate) row: bool,
}

/// A line at least this long that stops mid-sentence was wrapped by the extraction
/// (unmarked sub-headings such as "Về kinh tế" are shorter).
const WRAP_WIDTH: usize = 45;

impl Block {
    /// The block complete: its text is copied to a buffer of its size, since it
    /// usually moves into the tree as it is and appending lines left room unused.
    fn done(mut self) -> Block {
        if self.text.s.capacity() > self.text.s.len() {
            self.text.s = self.text.s.as_str().to_owned();
        }
        self
    }

    /// After a blank line (a page break), only a lowercase line continues (C9, S13).
    fn takes_break_continuation(&self, line: &str) -> bool {
        let open = !self.ends_sentence();
        !matches!(
            self.marker,
            Some(Marker::Part(_) | Marker::Phan(_) | Marker::Article(_))
        ) && (starts_lowercase(line)
            || open
                && !is_attachment_note(line)
                && line.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '%'))
    }

    fn takes_continuation(&self, line: &str) -> bool {
        if matches!(
            self.marker,
            Some(Marker::Part(_) | Marker::Phan(_) | Marker::Article(_))
        ) {
            return false;
        }
        if starts_lowercase(line) {
            return true;
        }
        let open = !self.ends_sentence();
        // A note in parentheses under a title in capitals ("CÁC CHỈ TIÊU CHỦ YẾU" /
        // "(Kèm theo Kế hoạch số …)"), and an attachment note under any, is a line of
        // its own.
        let note_under_title =
            line.starts_with('(') && (is_all_caps(&self.text.s) || is_attachment_note(line));
        if open
            && !note_under_title
            && line.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '%')
        {
            return true;
        }
        // Word processors break a line after a hyphen: a symbol or a range cut there
        // ("… Kế hoạch số 63-" / "KH/TU ngày …") goes on, however short the line.
        if self.ends_after_digit_dash() && line.starts_with(char::is_alphanumeric) {
            return true;
        }
        // A hard-wrapped paragraph: its long line stops mid-sentence and the next line
        // starts with a capitalised word. A one-line numbered block is a title, not prose.
        let prose = self.marker.is_none() || self.lines > 1 || self.ends_open();
        open && prose
            && self.last_len >= WRAP_WIDTH
            && line.starts_with(char::is_uppercase)
            && !is_all_caps(line)
    }

    /// Whether the text ends a sentence: ". ; : ! ?", emphasis and closing quotes or
    /// brackets after it aside.
    fn ends_sentence(&self) -> bool {
        self.text
            .s
            .trim_end_matches(['*', '"', '”', ')'])
            .ends_with(['.', ';', ':', '!', '?'])
    }

    /// Whether the text ends with a digit and a dash or slash ("63-", "1234/").
    fn ends_after_digit_dash(&self) -> bool {
        let b = self.text.s.as_bytes();
        matches!(b, [.., d, b'-' | b'/'] if d.is_ascii_digit())
    }

    /// Whether the text ends with a word that cannot end a title ("… các chủ trương của").
    fn ends_open(&self) -> bool {
        let last = self.text.s.rsplit(' ').next().unwrap_or_default();
        OPEN_ENDINGS.iter().any(|w| same_word(last, w))
    }
}

/// blocks = *( block / blank / page-number / running-header / rule )
pub fn blocks(ctx: &mut Ctx, lines: &[Line]) -> Vec<Block> {
    let text = ctx.text();
    let mut b = Builder {
        out: Vec::new(),
        cur: None,
        blank: false,
    };
    let headers = running_headers(text, lines);
    let mut next_header = headers.iter().copied().peekable();
    // A marker alone on its line, held for the line after it: its text, start and end.
    let mut held: Option<(Text, usize, usize)> = None;
    // Lines are cleaned into one buffer: a line joined to the block before it costs
    // no allocation.
    let mut clean = Text::default();
    for (n, &l) in lines.iter().enumerate() {
        if is_blank(text, l) {
            b.blank = true;
            continue;
        }
        clean.clear();
        clean.push_clean(text, l.start, l.end);
        clean.trim_end();
        // A rule ("-----", "* * *") holds no word: it separates, as a blank line does.
        if clean.is_empty() || is_rule(&text[l.start..l.end]) {
            b.blank = true;
            continue;
        }
        if is_page_number(&clean.s) {
            ctx.drop_page_number(l.start, l.end, &clean.s);
            b.blank = true;
            continue;
        }
        if next_header.next_if_eq(&n).is_some() {
            ctx.warn(
                l.start,
                l.end,
                format!("dropped a running header \"{}\"", clean.s),
            );
            b.blank = true;
            continue;
        }
        let mut start = l.start + leading_space(&text[l.start..l.end]);
        let row = is_row(&text[l.start..l.end]);
        if let Some((mut m, m_start, m_end)) = held.take() {
            if row || marker(&clean.s).is_some() {
                b.place(&mut m, m_start, m_end, false);
            } else {
                m.append(&clean);
                clean = m;
                start = m_start;
            }
        }
        if bare_marker(&clean.s) && b.may_hold(&clean.s) {
            held = Some((std::mem::take(&mut clean), start, l.end));
            continue;
        }
        b.place(&mut clean, start, l.end, row);
    }
    if let Some((mut m, m_start, m_end)) = held {
        b.place(&mut m, m_start, m_end, false);
    }
    b.out.extend(b.cur.map(Block::done));
    b.out
}

/// The blocks read so far, the one being read, and whether a blank line (or a page
/// mark) came since its last line.
struct Builder {
    out: Vec<Block>,
    cur: Option<Block>,
    blank: bool,
}

impl Builder {
    /// Whether a bare marker line opens an item rather than ending the sentence before
    /// it: "(1)", "a)", "II-" cannot end a sentence; "2.", "b." can ("… tại khoản" /
    /// "2."), so they open an item only after a closed block or a title.
    fn may_hold(&self, line: &str) -> bool {
        if !line.ends_with('.') {
            return true;
        }
        self.cur
            .as_ref()
            .is_none_or(|b| b.ends_sentence() || (b.marker.is_some() && b.lines == 1))
    }

    /// Reads one cleaned line, from normalised offsets `start` (its first character)
    /// to `end`: it goes on with the block being read, or opens a new one.
    fn place(&mut self, clean: &mut Text, start: usize, end: usize, row: bool) {
        let blank = std::mem::take(&mut self.blank);
        let m = marker(&clean.s);
        if let (None, Some(b)) = (&m, self.cur.as_mut().filter(|b| !row && !b.row)) {
            let heading_wrap = !blank
                && matches!(b.marker, Some(Marker::Part(_) | Marker::Phan(_)))
                && is_all_caps(&clean.s)
                && !b.text.is_empty();
            let wrap = heading_wrap
                || (if blank {
                    b.takes_break_continuation(&clean.s)
                } else {
                    b.takes_continuation(&clean.s)
                });
            if wrap {
                b.text.append(clean);
                b.end = end;
                b.lines += 1;
                b.last_len = clean_len(clean);
                return;
            }
        }
        self.out.extend(self.cur.take().map(Block::done));
        let (marker, text) = match m {
            Some((mk, at)) => (Some(mk), clean.tail(at)),
            None => (None, std::mem::take(clean)),
        };
        let last_len = clean_len(&text);
        self.cur = Some(Block {
            marker,
            text,
            start,
            end,
            lines: 1,
            last_len,
            row,
        });
    }
}

/// attachment-note = "(" ( "Kèm theo" / "Ban hành kèm theo" ) …: what an appendix is
/// attached to ("(Kèm theo Kế hoạch số 15-KH/TU)"), a line of its own under its title.
fn is_attachment_note(line: &str) -> bool {
    line.strip_prefix('(').is_some_and(|rest| {
        starts_with_words(rest, "kèm theo") || starts_with_words(rest, "ban hành kèm theo")
    })
}

/// bare-marker = ( numbered / lettered / indicator / part ) label alone on a line ("1.",
/// "1.1.", "2)", "a)", "(3)", "II-"): some extractions put a list's numbers on lines of
/// their own, and the item's text follows on the next line.
fn bare_marker(line: &str) -> bool {
    let opens = line
        .bytes()
        .next()
        .is_some_and(|x| x.is_ascii_alphanumeric() || x == b'(');
    if !opens || line.len() > 8 || line.contains(' ') {
        return false;
    }
    // The marker grammar itself, with a title put after the label.
    let probe = format!("{line} A");
    matches!(
        marker(&probe),
        Some((Marker::Numbered(..) | Marker::Lettered(_) | Marker::Indicator(_) | Marker::Part(_), at))
            if at == probe.len() - 1
    )
}

/// Lines longer than this (in bytes) are no running header.
const HEADER_MAX: usize = 120;

/// running-header = a short line next to a page number (blank lines aside), written the
/// same next to another page number: the document's title or number repeated at the
/// top or foot of every page ("Nghị quyết số 05-NQ/TU" after "- 2 -"). Returns the
/// indices of such lines in `lines`, in order. A line repeated elsewhere (a heading
/// under two parts) is not next to page numbers, and is kept.
fn running_headers(text: &str, lines: &[Line]) -> Vec<usize> {
    let trimmed = |l: Line| text[l.start..l.end].trim();
    let page = |l: Line| {
        let t = trimmed(l);
        !t.is_empty() && t.len() <= 16 && is_page_number(t)
    };
    let mut beside: Vec<(&str, usize)> = Vec::new();
    for (j, &l) in lines.iter().enumerate() {
        if !page(l) {
            continue;
        }
        let before = (0..j).rev().find(|&k| !is_blank(text, lines[k]));
        let after = (j + 1..lines.len()).find(|&k| !is_blank(text, lines[k]));
        for k in before.into_iter().chain(after) {
            let t = trimmed(lines[k]);
            if t.len() <= HEADER_MAX && !page(lines[k]) && marker(t).is_none() {
                beside.push((t, k));
            }
        }
    }
    if beside.len() < 2 {
        return Vec::new();
    }
    // A line can stand beside two page numbers: it counts once.
    beside.sort_unstable_by_key(|&(_, k)| k);
    beside.dedup_by_key(|&mut (_, k)| k);
    let mut times: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for &(t, _) in &beside {
        *times.entry(t).or_default() += 1;
    }
    beside
        .iter()
        .filter(|&&(t, _)| times.get(t).is_some_and(|&n| n >= 2))
        .map(|&(_, k)| k)
        .collect()
}

/// The length of a line in characters, or in bytes when it has four times
/// [`WRAP_WIDTH`] bytes or more: it then has at least `WRAP_WIDTH` characters, which is
/// all that is asked of it.
fn clean_len(t: &Text) -> usize {
    if t.s.len() >= 4 * WRAP_WIDTH {
        t.s.len()
    } else {
        t.s.chars().count()
    }
}

/// row = cell 2*( tab cell ): a line of a table of three columns or more, its cells
/// split by tabs (an indent is no cell, and one tab, as after a list marker
/// "1.<tab>…", makes no row).
fn is_row(raw: &str) -> bool {
    let b = raw.as_bytes();
    memchr::memchr(b'\t', b).is_some()
        && raw
            .split('\t')
            .filter(|cell| !cell.trim().is_empty())
            .nth(2)
            .is_some()
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Source;

    fn run(input: &str) -> Vec<(Option<Marker>, String)> {
        let src = Source::new(input);
        let mut ctx = Ctx::new(&src);
        let lines = super::super::lines(src.text());
        blocks(&mut ctx, &lines)
            .into_iter()
            .map(|b| (b.marker, b.text.s))
            .collect()
    }

    #[test]
    fn page_break_joins_lowercase_continuation() {
        let got = run("Một câu bị cắt ở\n\n- 2 -\n\ngiữa trang.\n\nĐoạn mới.");
        assert_eq!(
            got,
            vec![
                (None, "Một câu bị cắt ở giữa trang.".into()),
                (None, "Đoạn mới.".into())
            ]
        );
    }

    #[test]
    fn running_headers_beside_page_numbers_are_dropped() {
        // The document's number at the top of pages 2 and 3, a page number above it.
        let got = run(
            "Một câu bị cắt ở\n\n- 2 -\nNghị quyết số 05-NQ/TU\ngiữa trang.\n\nVề kinh tế\n\n3\n\nNghị quyết số 05-NQ/TU\n\nĐoạn mới.",
        );
        assert_eq!(
            got,
            vec![
                (None, "Một câu bị cắt ở giữa trang.".into()),
                (None, "Về kinh tế".into()),
                (None, "Đoạn mới.".into())
            ]
        );
        // At the foot of the page, before its number, too.
        let got = run(
            "Đoạn một.\nTỈNH ỦY LONG GIANG\n- 1 -\nĐoạn hai.\nTỈNH ỦY LONG GIANG\n- 2 -\nĐoạn ba.",
        );
        assert_eq!(
            got.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
            ["Đoạn một.", "Đoạn hai.", "Đoạn ba."]
        );
        // Once beside a page number: the first line of the next page, kept.
        let got = run("Đoạn một.\n\n2\n\nVề kinh tế\nĐoạn hai.");
        assert_eq!(got[1].1, "Về kinh tế");
        // Repeated, but not beside page numbers: a heading under two parts, kept.
        let got = run("Về kinh tế\nĐoạn một.\n\nVề kinh tế\nĐoạn hai.");
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn markers_alone_on_their_lines_take_the_next_line() {
        let got = run(
            "1.\nMục tiêu chung\n(1)\n\nTốc độ tăng trưởng đạt 8%.\nII-\nNHIỆM VỤ\na)\nVề kinh tế.",
        );
        assert_eq!(
            got,
            vec![
                (
                    Some(Marker::Numbered("1".into(), 1)),
                    "Mục tiêu chung".into()
                ),
                (
                    Some(Marker::Indicator(1)),
                    "Tốc độ tăng trưởng đạt 8%.".into()
                ),
                (Some(Marker::Part("II".into())), "NHIỆM VỤ".into()),
                (Some(Marker::Lettered("a".into())), "Về kinh tế.".into()),
            ]
        );
        // "2." and "b." can end a sentence cut by a wrap: after open prose they go on
        // with it.
        let got =
            run("Thực hiện theo quy định tại khoản\n2.\nĐoạn mới.\nTheo điểm\nb.\nĐoạn khác.");
        assert_eq!(
            got.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
            [
                "Thực hiện theo quy định tại khoản 2.",
                "Đoạn mới.",
                "Theo điểm b.",
                "Đoạn khác."
            ]
        );
        // A marker alone before another marker, or at the end, is read as it was.
        let got = run("Đoạn.\n(1)\n(2) Có chữ.\n3)");
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[1], (Some(Marker::Indicator(1)), String::new()));
    }

    #[test]
    fn numbered_item_cut_by_page_break() {
        let got = run("1. Ban Chỉ đạo phân công phụ trách\n\n3\n\ncác thôn; định kỳ kiểm tra.");
        assert_eq!(
            got,
            vec![(
                Some(Marker::Numbered("1".into(), 1)),
                "Ban Chỉ đạo phân công phụ trách các thôn; định kỳ kiểm tra.".into()
            )]
        );
    }

    #[test]
    fn markers_start_new_blocks() {
        let got = run("a) Mục a;\n- gạch đầu dòng\nb) Mục b.");
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[1],
            (Some(Marker::Bullet("-".into())), "gạch đầu dòng".into())
        );
    }

    #[test]
    fn figure_continues_an_open_sentence() {
        let got = run("Tỷ lệ đạt\n90%.\nTỷ lệ khác.");
        assert_eq!(
            got,
            vec![
                (None, "Tỷ lệ đạt 90%.".into()),
                (None, "Tỷ lệ khác.".into())
            ]
        );
    }
}
