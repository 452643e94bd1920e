//! The grammar of party documents: one module per construct.
//!
//! [`document`] runs the productions in order over a [`Source`]:
//! header and title block ([`header`]), tail — recipients and signature ([`tail`]),
//! body lines joined into blocks ([`blocks`]), the outline tree with roles,
//! objectives and indicators ([`outline`]), and inside every text the citations
//! ([`citation`]) and, inside indicators, the measures ([`measure`]).

pub mod blocks;
pub mod citation;
pub mod date;
pub mod header;
pub mod lexicon;
pub mod line;
pub mod measure;
pub mod number;
pub mod outline;
pub mod tail;
pub mod tokens;

use crate::model::{Citation, Diagnostic, Document, Severity, Span};
use crate::text::{Source, Text};

/// A line of the normalised text: its byte range, without the line end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Start offset in the normalised text.
    pub start: usize,
    /// End offset (exclusive), before the line end.
    pub end: usize,
}

/// What the productions share while reading one document.
pub struct Ctx<'s, 'a> {
    /// The source.
    pub src: &'s Source<'a>,
    /// Diagnostics, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Citations, in document order.
    pub citations: Vec<Citation>,
    /// The document's own symbol and date, once the header is read: a reference to
    /// it ("Kèm theo Kế hoạch số 88-KH/HU") is no citation of another document.
    pub own: Option<(String, Option<String>)>,
}

impl<'s, 'a> Ctx<'s, 'a> {
    /// A context for reading `src`, with nothing found yet.
    pub fn new(src: &'s Source<'a>) -> Self {
        Ctx {
            src,
            diagnostics: Vec::new(),
            citations: Vec::new(),
            own: None,
        }
    }

    /// Whether `c` cites the document itself: its symbol, and no other date.
    pub fn is_own(&self, c: &Citation) -> bool {
        self.own.as_ref().is_some_and(|(symbol, date)| {
            c.symbol.as_deref() == Some(symbol.as_str())
                && (c.date.is_none() || date.is_none() || c.date == *date)
        })
    }

    /// The normalised text.
    pub fn text(&self) -> &'s str {
        self.src.text()
    }

    /// A span for a normalised range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.src.span(start, end)
    }

    /// A span for a range of a logical text.
    pub fn text_span(&self, t: &Text, start: usize, end: usize) -> Span {
        let (a, b) = t.norm_range(start, end);
        self.src.span(a, b)
    }

    /// Records a warning at a normalised range.
    pub fn warn(&mut self, start: usize, end: usize, message: impl Into<String>) {
        self.diagnose(Severity::Warning, start, end, message);
    }

    /// Records a diagnostic at a normalised range.
    pub fn diagnose(
        &mut self,
        severity: Severity,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) {
        let span = self.span(start, end);
        self.diagnostics.push(Diagnostic {
            severity,
            message: message.into(),
            line: span.line,
            column: span.column,
            span,
        });
    }

    /// A line the grammar cannot place, kept as a paragraph with a warning at its
    /// normalised range: nothing is lost.
    pub fn unplaced(
        &mut self,
        start: usize,
        end: usize,
        text: String,
        message: &str,
    ) -> crate::model::Node {
        self.warn(start, end, message);
        crate::model::Node::Paragraph(crate::model::Paragraph {
            text,
            citations: Vec::new(),
            span: self.span(start, end),
        })
    }

    /// A lone page number, dropped with a warning.
    pub fn drop_page_number(&mut self, start: usize, end: usize, mark: &str) {
        self.warn(
            start,
            end,
            format!("dropped a lone page number \"{}\"", mark.trim()),
        );
    }

    /// Reads the citations of a logical text and returns their indices.
    pub fn cite(&mut self, t: &Text) -> Vec<usize> {
        citation::scan(self, t)
    }
}

/// Splits the normalised text into lines.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 60 + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(Line { start, end: i });
        start = i + 1;
    }
    if start < text.len() {
        out.push(Line {
            start,
            end: text.len(),
        });
    }
    out
}

/// Whether a line holds nothing but white space.
pub fn is_blank(text: &str, l: Line) -> bool {
    text[l.start..l.end].trim().is_empty()
}

/// A line's text cleaned: trimmed, emphasis marks removed, white space collapsed.
pub fn clean_line(text: &str, l: Line) -> Text {
    let mut t = Text::default();
    t.push_clean(text, l.start, l.end);
    t.trim_end();
    t
}

/// The cells of a line whose columns were flattened onto one row: split at tabs and
/// at runs of three or more spaces (S7), each cell cleaned.
pub fn cells(text: &str, l: Line) -> Vec<Text> {
    let bytes = &text.as_bytes()[l.start..l.end];
    let mut out = Vec::new();
    let mut cell_start = 0;
    for (gap, next) in gaps(bytes) {
        push_cell(&mut out, text, l.start + cell_start, l.start + gap);
        cell_start = next;
    }
    push_cell(&mut out, text, l.start + cell_start, l.end);
    out
}

/// The column gaps of a line, in order: where each starts (a tab, or three spaces) and
/// where the next cell starts (after the spaces and tabs). Each kind of gap is searched
/// for once past the last one found, so a line is read a bounded number of times.
pub(crate) fn gaps(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    let (mut tab, mut spaces): (Option<usize>, Option<usize>) = (None, None);
    std::iter::from_fn(move || {
        if tab.is_none_or(|t| t < from) {
            tab = memchr::memchr(b'\t', &b[from..]).map(|k| from + k);
        }
        if spaces.is_none_or(|s| s < from) {
            spaces = crate::text::find_spaces(&b[from..], 3).map(|k| from + k);
        }
        let gap = match (tab, spaces) {
            (Some(t), Some(s)) => t.min(s),
            (t, s) => t.or(s)?,
        };
        let next = gap
            + b[gap..]
                .iter()
                .position(|&c| c != b' ' && c != b'\t')
                .unwrap_or(b.len() - gap);
        from = next;
        Some((gap, next))
    })
}

fn push_cell(out: &mut Vec<Text>, text: &str, start: usize, end: usize) {
    let t = clean_line(text, Line { start, end });
    if !t.is_empty() {
        out.push(t);
    }
}

/// document = header-block? body tail?
pub fn document(src: &Source) -> Document {
    let mut ctx = Ctx::new(src);
    let text = src.text();
    if let Some(at) = legacy_encoding_at(text) {
        let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
        ctx.warn(
            at,
            end,
            "the text looks like a legacy Vietnamese encoding (TCVN3, VNI or VISCII) \
             decoded as Latin-1 or Windows-1252: convert the original file to UTF-8",
        );
    }
    let lines = lines(text);
    let head = header::header(&mut ctx, &lines);
    ctx.own = head
        .metadata
        .symbol
        .clone()
        .map(|s| (s, head.metadata.date.clone()));
    let mut body = head.leftover;
    let (mut objectives, mut indicators) = (Vec::new(), Vec::new());
    let (mut recipients, mut signature) = (Vec::new(), None);
    let mut start = head.body_start;
    // A body, then a tail; a further body after a tail (an appendix, or a second
    // document run together) is read the same way.
    while start < lines.len() {
        let tail_start = tail::tail_start(text, &lines, start);
        let blocks = blocks::blocks(&mut ctx, &lines[start..tail_start]);
        let outline = outline::outline(&mut ctx, blocks);
        body.extend(outline.body);
        objectives.extend(outline.objectives);
        indicators.extend(outline.indicators);
        if tail_start >= lines.len() {
            break;
        }
        let tail_end = tail::tail_end(text, &lines, tail_start);
        let tail = tail::tail(&mut ctx, &lines[tail_start..tail_end]);
        recipients.extend(tail.recipients);
        match (&signature, tail.signature) {
            (None, s) => signature = s,
            (Some(_), Some(extra)) => body.push(extra_signature(&mut ctx, extra)),
            (Some(_), None) => {}
        }
        body.extend(tail.leftover);
        start = tail_end;
    }
    Document {
        metadata: head.metadata,
        body,
        objectives,
        indicators,
        citations: ctx.citations,
        recipients,
        signature,
        diagnostics: ctx.diagnostics,
        ..Document::default()
    }
}

/// How much of the text [`legacy_encoding_at`] reads: enough to tell, at a fixed cost.
const LEGACY_PROBE: usize = 4096;

/// Where a text decoded from a legacy Vietnamese encoding first shows it, if the start
/// of the text reads so: TCVN3, VNI and VISCII bytes decoded as Latin-1 or
/// Windows-1252 give Latin-1 symbols, C1 controls and Latin-1 letters Vietnamese does
/// not use ("TØnh ñy", "UÛy ban"), and never the letters only Vietnamese text has
/// (ă, đ, ơ, ư, ĩ, ũ and U+1E80..U+1EFF, where the tones are). Such characters,
/// at least eight and more than twice the Vietnamese ones, give the offset of the first.
pub(crate) fn legacy_encoding_at(text: &str) -> Option<usize> {
    let mut cut = text.len().min(LEGACY_PROBE);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let probe = &text[..cut];
    // Every trace starts with one of four bytes and most Vietnamese letters are
    // E1 BA xx or E1 BB xx: counting those settles a Vietnamese text in one
    // vectorised pass, as the scan by characters below would.
    let (leads, vietnamese) = legacy_counts(probe.as_bytes());
    if leads < 8 || leads <= 2 * vietnamese {
        return None;
    }
    let (mut first, mut odd, mut vietnamese) = (None, 0usize, 0usize);
    for (i, c) in probe.char_indices().filter(|(_, c)| !c.is_ascii()) {
        if is_legacy_trace(c) {
            first.get_or_insert(i);
            odd += 1;
        } else if matches!(
            c,
            'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
        ) || ('\u{1E80}'..='\u{1EFF}').contains(&c)
        {
            vietnamese += 1;
        }
    }
    first.filter(|_| odd >= 8 && odd > 2 * vietnamese)
}

/// In `b`: the bytes that start a Latin-1 character or a Windows-1252 letter above
/// U+0100 (C2, C3, C5, C6), and the characters U+1E80..U+1EFF (E1 BA, E1 BB).
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn legacy_counts(b: &[u8]) -> (usize, usize) {
    let (mut leads, mut vietnamese) = (0, 0);
    // Byte counters per block of 64 pairs, which the compiler vectorises.
    for (xs, ys) in b.chunks(64).zip(b.get(1..).unwrap_or_default().chunks(64)) {
        let (mut l, mut v) = (0u8, 0u8);
        for (&x, &y) in xs.iter().zip(ys) {
            l += u8::from((x == 0xC2) | (x == 0xC3) | (x == 0xC5) | (x == 0xC6));
            v += u8::from((x == 0xE1) & ((y == 0xBA) | (y == 0xBB)));
        }
        leads += usize::from(l);
        vietnamese += usize::from(v);
    }
    (leads, vietnamese)
}

/// A character that legacy Vietnamese bytes decoded as Latin-1 or Windows-1252 give
/// and Vietnamese text does not use: C1 controls, Latin-1 symbols (but for the degree,
/// plus-minus, squares, cubes and micro of measures), Latin-1 letters outside
/// the Vietnamese alphabet, and the Windows-1252 letters above U+0100 (Œ, Š, Ÿ, Ž, ƒ).
fn is_legacy_trace(c: char) -> bool {
    match c {
        '\u{80}'..='\u{9F}' => true,
        '°' | '±' | '²' | '³' | 'µ' => false,
        '\u{A1}'..='\u{BF}' => true,
        'À' | 'Á' | 'Â' | 'Ã' | 'È' | 'É' | 'Ê' | 'Ì' | 'Í' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ù' | 'Ú'
        | 'Ý' | 'à' | 'á' | 'â' | 'ã' | 'è' | 'é' | 'ê' | 'ì' | 'í' | 'ò' | 'ó' | 'ô' | 'õ'
        | 'ù' | 'ú' | 'ý' => false,
        '\u{C0}'..='\u{FF}' => true,
        'Œ' | 'œ' | 'Š' | 'š' | 'Ÿ' | 'Ž' | 'ž' | 'ƒ' => true,
        _ => false,
    }
}

/// A second signature block (documents run together) is kept as a paragraph.
fn extra_signature(ctx: &mut Ctx, extra: crate::model::Signature) -> crate::model::Node {
    let words: Vec<String> = [extra.authority, extra.position, extra.signer]
        .into_iter()
        .flatten()
        .collect();
    ctx.diagnostics.push(Diagnostic {
        severity: Severity::Warning,
        message: "a second signature block, kept as a paragraph".into(),
        line: extra.span.line,
        column: extra.span.column,
        span: extra.span,
    });
    crate::model::Node::Paragraph(crate::model::Paragraph {
        text: words.join(" "),
        citations: Vec::new(),
        span: extra.span,
    })
}

/// The repository's files that unit tests read their texts from.
#[cfg(test)]
pub(crate) mod repo {
    /// The bundled sample.
    pub const SAMPLE: &str = "seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt";

    /// A file by its path from the repository's root; empty when it cannot be read
    /// (the tests then fail on what they expect of it).
    pub fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gaps a byte at a time, as [`cells`] first found them: the reference.
    fn gaps_by_bytes(bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\t' || bytes[i..].starts_with(b"   ") {
                let mut j = i;
                while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                    j += 1;
                }
                out.push((i, j));
                i = j;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Legacy encodings read as Latin-1 are told from Vietnamese text, whatever a
    /// Vietnamese text borrows (units, foreign names).
    #[test]
    fn legacy_encodings_are_told_from_vietnamese() {
        // TCVN3 and VNI bytes decoded as Windows-1252 (synthetic lines).
        let tcvn3 = "TØnh ñy B¾c Giang\n\nNGHÞ QUYÕT\nvÒ nhiÖm vô l·nh ®¹o n¨m 2023\n";
        assert_eq!(legacy_encoding_at(tcvn3), Some(1));
        let vni =
            "Tænh uûy Baéc Giang\nNGHÒ QUYEÁT\nveà nhieäm vuï laõnh ñaïo naêm 2023 cuûa tænh\n";
        assert_eq!(legacy_encoding_at(vni), Some(1));
        // Past the probe, nothing is read.
        let late = format!("{}{tcvn3}", "a ".repeat(LEGACY_PROBE));
        assert_eq!(legacy_encoding_at(&late), None);
        let sample = repo::read(repo::SAMPLE);
        assert!(sample.len() > LEGACY_PROBE);
        assert_eq!(legacy_encoding_at(&sample), None);
        let borrowed =
            "Nhiệt độ 25°C ± 2°, diện tích 12 km², ông Müller, ½ số xã, ©, ®, «trích».\n".repeat(3);
        assert_eq!(legacy_encoding_at(&borrowed), None);
        let doc = crate::parse(tcvn3);
        assert_eq!(doc.diagnostics.len(), 1);
        assert_eq!((doc.diagnostics[0].line, doc.diagnostics[0].column), (1, 2));
        assert!(crate::parse(&sample).diagnostics.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn gaps_agree_with_the_byte_reference(picks in proptest::collection::vec(0..5usize, 0..60)) {
            const BITS: [&str; 5] = ["a", " ", "\t", "ệ", "  "];
            let line: String = picks.iter().map(|&k| BITS[k]).collect();
            let got: Vec<(usize, usize)> = gaps(line.as_bytes()).collect();
            proptest::prop_assert_eq!(got, gaps_by_bytes(line.as_bytes()));
        }
    }
}
