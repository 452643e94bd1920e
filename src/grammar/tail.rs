//! The tail: recipients ("Nơi nhận:") and the signature block, in either order or
//! side by side in two flattened columns.
//!
//! ```text
//! tail        = 1*( recipients / signature / blank )
//! recipients  = noi-nhan *recipient
//! noi-nhan    = "Nơi nhận" [":"] [ recipient-text ]
//! recipient   = [ bullet ] name [ "(" note ")" ] [ "," / ";" / "." ]
//! signature   = authority 1*position [ "(đã ký)" ] signer
//! authority   = ( "T/M" / "K/T" / "T/L" / "TM." / "KT." / "TL." / "TUQ." ) ws caps-words
//! position    = caps-line
//! signer      = mixed-case line
//! ```

use super::lexicon::{
    fold, same_word, signed_marks, starts_with_words, AUTHORITY_PREFIXES, FAMILY_NAMES,
};
use super::line::is_all_caps;
use super::{cells, is_blank, Ctx, Line};
use crate::model::{Node, Recipient, Signature};
use crate::text::Text;

/// What the tail gave.
pub struct Tail {
    /// The recipients.
    pub recipients: Vec<Recipient>,
    /// The signature.
    pub signature: Option<Signature>,
    /// Lines of the tail that are neither: kept as paragraphs.
    pub leftover: Vec<Node>,
}

fn is_noi_nhan(s: &str) -> bool {
    let s = s.trim_start_matches(['-', ' ']);
    // Most lines are passed over by their first letter.
    s.starts_with(['N', 'n']) && starts_with_words(s, "nơi nhận")
}

pub(crate) fn is_authority(s: &str) -> bool {
    // Every prefix opens with "T" or "K" (a test checks).
    s.starts_with(['T', 'K'])
        && (AUTHORITY_PREFIXES.iter().any(|p| {
            s.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with(char::is_uppercase))
        }) || BARE_AUTHORITY_PREFIXES.iter().any(|p| {
            // "TM BAN THƯỜNG VỤ": without a mark, only before a body in capitals.
            s.strip_prefix(p)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.starts_with(char::is_uppercase) && is_all_caps(rest))
        }))
}

/// The authority prefixes written without a slash or a dot: "TM", "KT", "TL".
const BARE_AUTHORITY_PREFIXES: &[&str] = &["TM", "KT", "TL"];

/// Whether some cell of a raw line of several cells may open the tail: where a cell
/// starts (the line's start, after a tab or three spaces), past spaces, tabs, dashes
/// and asterisks, "N"/"n" and "ơ" (of "Nơi nhận"), or the first two characters of an
/// authority prefix. Asterisks inside are passed over, as cleaning drops emphasis: a
/// cell that [`is_noi_nhan`] or [`is_authority`] accepts once cleaned always passes.
fn may_open_tail(raw: &str) -> bool {
    let opens = |k: usize| {
        let mut cs = raw
            .get(k..)
            .unwrap_or_default()
            .chars()
            .skip_while(|c| matches!(c, ' ' | '\t' | '-' | '*'))
            .filter(|&c| c != '*');
        match cs.next() {
            // `same_word` passes over characters that fold to nothing, as here.
            Some('N' | 'n') => cs
                .find_map(|y| super::lexicon::fold_char(y).0)
                .is_some_and(|y| y == 'ơ'),
            Some(x @ ('T' | 'K')) => cs.next().is_some_and(|y| {
                AUTHORITY_PREFIXES.iter().any(|p| {
                    let mut pc = p.chars();
                    pc.next() == Some(x) && pc.next() == Some(y)
                })
            }),
            _ => false,
        }
    };
    opens(0) || super::gaps(raw.as_bytes()).any(|(_, next)| opens(next))
}

/// The index of the first line of the tail: "Nơi nhận" or a signature authority.
pub fn tail_start(text: &str, lines: &[Line], from: usize) -> usize {
    for (i, &l) in lines.iter().enumerate().skip(from) {
        let raw = &text[l.start..l.end];
        // A line with one cell and no emphasis is its own cleaned cell, white space
        // aside: it is read as it is, without splitting it into cells.
        let b = raw.as_bytes();
        let one_cell = memchr::memchr(b'\t', b).is_none() && !crate::text::has_spaces(b, 3);
        let maybe = if !one_cell {
            may_open_tail(raw)
        } else if memchr::memchr(b'*', b).is_some() {
            raw.trim_start_matches([' ', '-', '*'])
                .starts_with(['T', 'K', 'N', 'n'])
        } else {
            let h = raw.trim_start();
            is_noi_nhan(h) || is_authority(h)
        };
        if maybe
            && cells(text, l)
                .iter()
                .any(|c| is_noi_nhan(&c.s) || is_authority(&c.s))
        {
            return i;
        }
    }
    lines.len()
}

/// The index one past the tail that starts at `from`: the tail ends where the body of
/// a further document or an appendix starts — a part heading, a numbered heading, a
/// kind line or a line of prose.
pub fn tail_end(text: &str, lines: &[Line], from: usize) -> usize {
    use super::line::{marker, Marker};
    for (i, &l) in lines.iter().enumerate().skip(from + 1) {
        let raw = text[l.start..l.end].trim();
        if raw.is_empty() || raw.starts_with(['-', '+', '•', '–']) {
            continue;
        }
        let clean = super::clean_line(text, l);
        let body_marker = matches!(
            marker(&clean.s),
            Some((
                Marker::Part(_)
                    | Marker::Phan(_)
                    | Marker::Article(_)
                    | Marker::Numbered(..)
                    | Marker::Indicator(_),
                _
            ))
        );
        let kind_line = is_all_caps(&clean.s) && super::lexicon::kind_code(&clean.s).is_some();
        if body_marker || kind_line || is_appendix(&clean.s) || clean.s.chars().count() > 160 {
            return i;
        }
    }
    lines.len()
}

/// appendix = "PHỤ LỤC" *6word: the heading of an appendix after the signature ("PHỤ
/// LỤC", "PHỤ LỤC II", "Phụ lục số 01: Danh mục …"), eight words at most.
fn is_appendix(line: &str) -> bool {
    starts_with_words(line, "phụ lục") && line.split_whitespace().nth(8).is_none()
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Recipients,
    Signature,
}

/// tail = 1*( recipients / signature / blank )
pub fn tail(ctx: &mut Ctx, lines: &[Line]) -> Tail {
    let text = ctx.text();
    let mut recipients = Vec::new();
    let mut sig: Vec<Text> = Vec::new();
    let mut leftover = Vec::new();
    let mut mode = Mode::Recipients;
    let mut blank_since_recipient = false;
    for &l in lines {
        if is_blank(text, l) {
            blank_since_recipient = true;
            continue;
        }
        let cs = cells(text, l);
        // A line that opens with a gap has an empty left-hand cell: once a signature has
        // started, what it holds is the right-hand column ("\tNguyễn Văn A" under the
        // last recipient).
        let raw = &text.as_bytes()[l.start..l.end];
        let empty_left = super::gaps(raw).next().is_some_and(|(gap, _)| gap == 0);
        for (col, c) in cs.iter().enumerate() {
            let s = c.s.as_str();
            let bulleted = s.starts_with(['-', '+', '•', '–']);
            if is_noi_nhan(s) {
                mode = Mode::Recipients;
                blank_since_recipient = false;
                if let Some(colon) = s.find(':') {
                    let rest = c.tail(colon + 1);
                    if !rest.s.trim().is_empty() {
                        recipients.extend(recipient(ctx, &rest));
                    }
                }
                continue;
            }
            if col > 0 || (empty_left && !bulleted && !sig.is_empty()) {
                // The right-hand column of a flattened two-column tail is the signature.
                sig.push(c.clone());
                continue;
            }
            if is_authority(s) {
                mode = Mode::Signature;
                sig.push(c.clone());
                continue;
            }
            let is_recipient = match mode {
                Mode::Recipients => {
                    bulleted || !(is_all_caps(s) || blank_since_recipient && !recipients.is_empty())
                }
                Mode::Signature => bulleted && cs.len() == 1 && !recipients.is_empty(),
            };
            if is_recipient {
                recipients.extend(recipient(ctx, c));
                blank_since_recipient = false;
            } else if mode == Mode::Signature
                || !sig.is_empty()
                || is_all_caps(s)
                || blank_since_recipient
            {
                mode = Mode::Signature;
                sig.push(c.clone());
            } else {
                let (a, b) = c.norm_range(0, c.s.len());
                leftover.push(ctx.unplaced(
                    a,
                    b,
                    c.s.clone(),
                    "a line of the tail that is neither a recipient nor part of the signature",
                ));
            }
        }
    }
    let signature = signature(ctx, &sig, &mut leftover);
    Tail {
        recipients,
        signature,
        leftover,
    }
}

/// recipient = [ bullet ] name [ "(" note ")" ] [ "," / ";" / "." ]
fn recipient(ctx: &Ctx, c: &Text) -> Option<Recipient> {
    let s = c.s.as_str();
    let (note, name) = match (s.rfind('('), s.rfind(')')) {
        (Some(a), Some(b)) if a < b => (
            Some(s[a + 1..b].trim().to_string()),
            format!("{} {}", &s[..a], &s[b + 1..]),
        ),
        _ => (None, s.to_string()),
    };
    let name = name
        .trim()
        .trim_start_matches(['-', '+', '•', '–', ' '])
        .trim_end_matches([',', ';', '.', ' '])
        .trim()
        .to_string();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return None;
    }
    Some(Recipient {
        name,
        note: note.filter(|n| !n.is_empty()),
        span: ctx.text_span(c, 0, s.len()),
    })
}

fn is_signed_mark(s: &str) -> bool {
    let f = fold(s.trim_matches(['(', ')', '[', ']', ' ']));
    signed_marks().contains(&f)
}

/// signature = authority 1*position [ "(đã ký)" ] signer
fn signature(ctx: &mut Ctx, lines: &[Text], leftover: &mut Vec<Node>) -> Option<Signature> {
    let first = lines.first()?;
    let last = lines.last()?;
    let mut authority = None;
    let mut position: Vec<&str> = Vec::new();
    let mut signer = None;
    for t in lines {
        let s = t.s.trim();
        if is_signed_mark(s) {
            continue;
        }
        if authority.is_none() && position.is_empty() && is_authority(s) {
            authority = Some(s.to_string());
        } else if signer.is_none()
            && is_all_caps(s)
            && !(authority.is_some() && position.len() > 2)
            && (position.is_empty() || !is_caps_name(s))
        {
            position.push(s);
        } else if signer.is_none() && (authority.is_some() || !position.is_empty()) {
            signer = Some(s.to_string());
        } else if let Some(name) = signer.as_mut().filter(|n| continues_name(n, s)) {
            // A name cut over two lines ("Nguyễn" / "Văn Hải").
            name.push(' ');
            name.push_str(s);
        } else {
            let (a, b) = t.norm_range(0, t.s.len());
            leftover.push(ctx.unplaced(a, b, s.to_string(), "a line after the signature"));
        }
    }
    let (a, _) = first.norm_range(0, first.s.len());
    let (_, b) = last.norm_range(0, last.s.len());
    Some(Signature {
        authority,
        position: (!position.is_empty()).then(|| position.join(" ")),
        signer,
        span: ctx.span(a, b),
    })
}

/// A signer's name in capitals: two to five words, the first a family name.
fn is_caps_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        && FAMILY_NAMES.iter().any(|f| same_word(words[0], f))
}

/// Whether line `s` goes on with the signer's name `name` cut over two lines: a name of
/// one or two words so far, and words that are each a capital and lowercase letters,
/// at most five in all.
fn continues_name(name: &str, s: &str) -> bool {
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.as_str().chars().all(char::is_lowercase)
            && !cs.as_str().is_empty()
    };
    let (had, more) = (
        name.split_whitespace().count(),
        s.split_whitespace().count(),
    );
    (1..=2).contains(&had)
        && more > 0
        && had + more <= 5
        && name.split_whitespace().all(title_case)
        && s.split_whitespace().all(title_case)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorities() {
        for s in [
            "T/M TỈNH ỦY",
            "K/T BÍ THƯ",
            "T/L BAN THƯỜNG VỤ",
            "TM. BAN CHẤP HÀNH",
            "T.M BAN THƯỜNG VỤ",
            "T.M. BAN THƯỜNG VỤ",
            "T/M. BAN THƯỜNG VỤ",
            "K.T BÍ THƯ",
            "TM BAN THƯỜNG VỤ",
            "KT BÍ THƯ",
        ] {
            assert!(is_authority(s), "{s}");
        }
        for s in [
            "T/Mxyz",
            "Tỉnh ủy",
            "TMS",
            "T.Mục",
            "K.Toán",
            "TMĐT phát triển",
            "TM điện tử",
            "KT BÍ thư",
        ] {
            assert!(!is_authority(s), "{s}");
        }
        // `is_authority` looks only at lines opening with "T" or "K".
        assert!(AUTHORITY_PREFIXES.iter().all(|p| p.starts_with(['T', 'K'])));
    }

    /// The signer's name in capitals under positions in capitals, and a name cut over
    /// two lines, each as the signer; other lines after the name stay apart.
    #[test]
    fn signer_names_in_capitals_and_over_two_lines() {
        let sign = |tail: &str| {
            let doc = crate::parse(&format!("Nội dung.\n\nNơi nhận:\n- Lưu VP.\n{tail}\n"));
            let s = doc.signature;
            (
                s.as_ref().and_then(|s| s.position.clone()),
                s.and_then(|s| s.signer),
                doc.body.len(),
            )
        };
        let caps = sign("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nTRẦN THỊ LAN");
        assert_eq!(
            caps,
            (
                Some("PHÓ BÍ THƯ THƯỜNG TRỰC".into()),
                Some("TRẦN THỊ LAN".into()),
                1
            )
        );
        let cut = sign("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n**Hoàng\nVăn Minh**");
        assert_eq!(cut.1.as_deref(), Some("Hoàng Văn Minh"));
        let split = sign("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn\nHải");
        assert_eq!((split.1.as_deref(), split.2), (Some("Nguyễn Văn Hải"), 1));
        // A caps line not opening with a family name is a position line; a line that
        // is not a name goes after the signature.
        let position = sign("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nTHƯỜNG TRỰC\nLê Văn Tám");
        assert_eq!(position.0.as_deref(), Some("BÍ THƯ THƯỜNG TRỰC"));
        let after = sign("T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn Tám\nPhụ lục kèm theo");
        assert_eq!((after.1.as_deref(), after.2), (Some("Lê Văn Tám"), 2));
    }

    /// Cells of the tail and of the body, with the gaps, emphasis and dashes that
    /// flattened columns bring.
    const CELLS: &[&str] = &[
        "Nơi nhận:",
        "NƠI NHẬN",
        "**Nơi nhận**:",
        "- nơi nhận",
        "N*ơi nhận",
        "N\u{31b}ơi nhận",
        "T/M TỈNH ỦY",
        "K/T BÍ THƯ",
        "TM. BAN CHẤP HÀNH",
        "*TUQ. CHÁNH VĂN PHÒNG*",
        "Nơi ở",
        "Năm 2023",
        "Tỉnh ủy",
        "Thực hiện",
        "",
        "***",
    ];

    #[test]
    fn the_tail_filter_passes_every_line_the_full_check_accepts() {
        for a in CELLS {
            for b in CELLS {
                for gap in ["\t", "   ", "\t \t"] {
                    for line in [
                        format!("{a}{gap}{b}"),
                        format!("{gap}{a}"),
                        format!(" - {a}{gap}"),
                    ] {
                        let l = super::super::Line {
                            start: 0,
                            end: line.len(),
                        };
                        let full = cells(&line, l)
                            .iter()
                            .any(|c| is_noi_nhan(&c.s) || is_authority(&c.s));
                        assert!(!full || may_open_tail(&line), "{line:?}");
                    }
                }
            }
        }
        // Body lines are turned away without cleaning their cells.
        assert!(!may_open_tail("\tNăm 2023, tỉnh đã"));
        assert!(!may_open_tail("\tTỉnh ủy lãnh đạo\tThực hiện"));
        assert!(may_open_tail("\tNơi nhận:\tT/M TỈNH ỦY"));
    }

    #[test]
    fn noi_nhan() {
        assert!(is_noi_nhan("Nơi nhận:"));
        assert!(is_noi_nhan("NƠI NHẬN:"));
        assert!(!is_noi_nhan("Nơi ở"));
        assert!(is_noi_nhan("- nơi nhận"));
    }

    #[test]
    fn signed_marks() {
        assert!(is_signed_mark("(đã ký)"));
        assert!(is_signed_mark("(Đã ký)"));
        assert!(!is_signed_mark("Nguyễn Văn A"));
    }
}
