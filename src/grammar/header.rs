//! The header block and the title block (Hướng dẫn 36-HD/VPTW parts 1–5).
//!
//! ```text
//! header-block = *header-row [ title-block ]
//! header-row   = header-cell *( column-gap header-cell )     ; columns flattened onto one row
//! header-cell  = national-heading / star / number-line / place-date / mark / body-line
//! number-line  = "Số" [":"] ws symbol
//! place-date   = place "," ws ( "ngày" ws date / blank-date ) ; a draft leaves the date blank
//! body-line    = caps words                                  ; the issuing body, or its superior
//! body-wrap    = body-line ending "ĐẢNG BỘ" / "BAN CHẤP HÀNH", then a line opening with a
//!                place level ("TỈNH …", not "TỈNH ỦY …") or "ĐẢNG BỘ": one body name
//! title-block  = kind-line [ issuer-line / occasion ] *subject-line
//! kind-line    = KIND in capitals                            ; "NGHỊ QUYẾT", "CHƯƠNG TRÌNH HÀNH ĐỘNG"
//! kind-wrap    = kind-line NL caps-line                      ; a kind phrase that goes on over the
//!                                                              ; next line: "THÔNG BÁO" / "KẾT LUẬN CỦA …"
//! issuer-line  = ( "CỦA" / "của" ) ws body [ ws "về" subject ]
//! occasion     = ( "HỘI NGHỊ" / "ĐẠI HỘI" ) words *caps-line ; the plenum or congress that resolved
//! ```

use super::citation::symbol;
use super::date::{blank_date, ngay_date};
use super::lexicon::{
    ends_with_words, fold, header_marks, national_headings, same_word, starts_with_words,
    PLACE_LEVELS,
};
use super::line::{is_all_caps, is_page_number, marker, so_prefix};
use super::{cells, clean_line, is_blank, Ctx, Line};
use crate::model::Metadata;
use crate::text::Text;

/// What the header and title block gave.
pub struct Head {
    /// The metadata.
    pub metadata: Metadata,
    /// The first line of the body.
    pub body_start: usize,
    /// Header lines the grammar cannot place, kept as paragraphs (with a warning).
    pub leftover: Vec<crate::model::Node>,
}

#[derive(Debug, PartialEq)]
enum Cell {
    Kind,
    National,
    Number,
    PlaceDate,
    Mark,
    Body,
    /// "V/v …": the subject of an official letter, under its number.
    Regarding,
    Other,
}

fn is_regarding(s: &str) -> bool {
    s.starts_with("V/v") || s.starts_with("v/v") || s.starts_with("V/V")
}

/// body-wrap: whether the body line `next` goes on with the name that `prev` left open
/// ("BAN CHẤP HÀNH ĐẢNG BỘ" / "TỈNH SÔNG LAM", "BAN CHẤP HÀNH" / "ĐẢNG BỘ TỈNH …") rather
/// than naming a body of its own ("ĐẢNG BỘ TỈNH …" / "HUYỆN ỦY …"). A place alone
/// ("TỈNH SÔNG LAM", not "TỈNH ỦY …") names no body: it always goes on with the line
/// above ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN" / "TỈNH SÔNG LAM").
fn continues_body(prev: &str, next: &str) -> bool {
    let place = PLACE_LEVELS.iter().any(|level| {
        starts_with_words(next, level)
            && !next
                .split_whitespace()
                .nth(level.split(' ').count())
                .is_some_and(|w| same_word(w, "ủy"))
    });
    place || (ends_with_words(prev, "ban chấp hành") && starts_with_words(next, "đảng bộ"))
}

fn classify(cell: &str) -> Cell {
    // The national headings are short: the cell is folded up to the first space past
    // twice their length (folding a cell cut at a space gives a prefix of its fold).
    let longest = 2 * national_headings()
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0);
    let cut = cell
        .as_bytes()
        .iter()
        .skip(longest)
        .position(|&c| c == b' ')
        .map_or(cell.len(), |p| longest + p);
    let f = fold(&cell[..cut]);
    if is_all_caps(cell) && kind_prefix(cell).is_some() {
        return Cell::Kind;
    }
    if cell
        .chars()
        .all(|c| c == '*' || c == '-' || c == '_' || c.is_whitespace())
    {
        return Cell::National;
    }
    if national_headings()
        .iter()
        .any(|h| f.starts_with(h.as_str()))
    {
        return Cell::National;
    }
    if number_line(cell).is_some() {
        return Cell::Number;
    }
    if place_date(cell).is_some() {
        return Cell::PlaceDate;
    }
    if is_regarding(cell) {
        return Cell::Regarding;
    }
    // A mark has as many words as its fold: longer cells are not folded.
    let bare = cell.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    let mark_words = header_marks().iter().map(|m| m.split(' ').count()).max();
    if bare
        .split_whitespace()
        .nth(mark_words.unwrap_or(0))
        .is_none()
        && header_marks().contains(&fold(bare))
    {
        return Cell::Mark;
    }
    if is_all_caps(cell)
        && cell.split_whitespace().count() <= 14
        && marker(cell).is_none()
        && !super::tail::is_authority(cell)
        && !cell.ends_with(['.', ';', ':'])
    {
        return Cell::Body;
    }
    Cell::Other
}

/// number-line = "Số" [":"] ws ( symbol / blank-number ): the number, the symbol and
/// the kind its type code names. A symbol typed or extracted with spaces around its
/// dashes and slashes ("Số 15 - NQ/ĐU") is read without them, when nothing else is on
/// the line.
fn number_line(cell: &str) -> Option<(Option<String>, String, Option<&'static str>)> {
    let rest = so_prefix(cell)?;
    let owned = |sym: super::citation::Symbol<'_>| {
        let kind = sym.type_code.and_then(super::lexicon::type_code_kind);
        (Some(sym.number.to_string()), sym.text.to_string(), kind)
    };
    if let Ok((_, sym)) = symbol(rest) {
        return Some(owned(sym));
    }
    if let Some((text, kind)) = blank_number(rest) {
        return Some((None, text, kind));
    }
    let (text, number, code, used) = super::citation::spaced_symbol(rest)?;
    let kind = code.as_deref().and_then(super::lexicon::type_code_kind);
    rest[used..]
        .trim()
        .is_empty()
        .then_some((Some(number), text, kind))
}

/// A draft's "Số" and its symbol, split into two cells by the blank left for the
/// number ("Số      -NQ/TU"), made one cell again.
fn join_blank_number(mut cs: Vec<Text>) -> Vec<Text> {
    let split = (1..cs.len()).find(|&k| {
        so_prefix(&cs[k - 1].s).is_some_and(|r| r.trim().is_empty())
            && blank_number(&cs[k].s).is_some()
    });
    if let Some(k) = split {
        let symbol = cs.remove(k);
        cs[k - 1].append(&symbol);
    }
    cs
}

/// A draft's place-date line split into cells by the blanks left for the day and the
/// month ("Long Giang, ngày      tháng 3 năm 2024"), made one cell again.
fn join_blank_date(mut cs: Vec<Text>) -> Vec<Text> {
    let mut k = 1;
    while k < cs.len() {
        let (a, b) = (&cs[k - 1].s, &cs[k].s);
        if (ends_with_words(a, "ngày") && starts_with_words(b, "tháng"))
            || (ends_with_words(a, "tháng") && starts_with_words(b, "năm"))
        {
            let next = cs.remove(k);
            cs[k - 1].append(&next);
        } else {
            k += 1;
        }
    }
    cs
}

/// blank-number = *( " " / "." / "_" / "…" ) ( "-" / "/" ) symbol-rest: a draft leaves
/// the number blank ("Số      -NQ/TU", "Số ...../QĐ-UBND"). The symbol is kept as
/// written without the blank ("-NQ/TU"), the number is null.
fn blank_number(rest: &str) -> Option<(String, Option<&'static str>)> {
    let tail = rest.trim_start_matches([' ', '.', '_', '…']);
    if !tail.starts_with(['-', '/']) {
        return None;
    }
    // Read as a numbered symbol would be, with a placeholder number.
    let probe = format!("0{tail}");
    let (after, sym) = symbol(&probe).ok()?;
    let kind = sym.type_code.and_then(super::lexicon::type_code_kind);
    let text = sym.text.get(1..)?.to_string();
    after.trim().is_empty().then_some((text, kind))
}

/// place-date = place "," ws ( "ngày" ws date / blank-date ); a blank date gives the place
/// and no date.
fn place_date(cell: &str) -> Option<(Option<String>, Option<String>)> {
    // At most six words of place, a comma, six words of date ("ngày 7 tháng 3 năm
    // 2021") and a full stop, and the date ends the cell: a longer cell is not read.
    if cell.split_whitespace().nth(14).is_some() {
        return None;
    }
    let f = cell.to_lowercase();
    let at = f.find("ngày")?;
    // The same byte offset holds in the original: lowercasing Vietnamese keeps lengths.
    if f.len() != cell.len() || !cell.is_char_boundary(at) {
        return None;
    }
    let (rest, d) = match ngay_date(&cell[at..]) {
        Ok((rest, d)) => (rest, d.iso()),
        Err(_) => (blank_date(&cell[at..]).ok()?.0, None),
    };
    let before = cell[..at].trim();
    let place = before.strip_suffix(',').unwrap_or(before).trim();
    // The place is a short name ending in a comma, and the date ends the cell.
    let short_name =
        place.split_whitespace().count() <= 6 && !place.contains(|c: char| c.is_ascii_digit());
    if !rest.trim().trim_end_matches('.').is_empty()
        || !short_name
        || (!place.is_empty() && !before.ends_with(','))
    {
        return None;
    }
    Some(((!place.is_empty()).then(|| place.to_string()), d))
}

/// header-block = *header-row [ title-block ]
pub fn header(ctx: &mut Ctx, lines: &[Line]) -> Head {
    let text = ctx.text();
    let mut md = Metadata::default();
    let mut bodies: Vec<String> = Vec::new();
    let mut anchored = false;
    let mut i = 0;
    let mut rows_end = 0;
    let mut kind_line = None;
    let mut rows = 0;
    let mut symbol_kind = None;
    let mut leftover = Vec::new();
    // Where the warnings about lines passed over start, should they be read again.
    let mut kept_from = None;
    while i < lines.len() && rows < 14 {
        let l = lines[i];
        if is_blank(text, l) {
            i += 1;
            continue;
        }
        let cs = join_blank_date(join_blank_number(cells(text, l)));
        if cs.is_empty() {
            // A row of marks only ("*", "***"): the star under the issuing body.
            anchored = true;
            rows += 1;
            i += 1;
            rows_end = i;
            continue;
        }
        let kinds: Vec<Cell> = cs.iter().map(|c| classify(&c.s)).collect();
        if kinds.len() == 1 && kinds[0] == Cell::Kind {
            kind_line = Some(i);
            break;
        }
        if kinds.contains(&Cell::Other) || kinds.contains(&Cell::Kind) {
            // A lone page mark, or one line the grammar cannot place among header rows
            // that a kind line soon follows, does not end the header: the mark is
            // dropped and the line kept as a paragraph, each with a warning.
            let page = cs.len() == 1 && is_page_number(&cs[0].s);
            // Only a short line that is no sentence and opens no body marker.
            let stray = || {
                let raw = text[l.start..l.end].trim();
                leftover.len() < 2
                    && raw.split_whitespace().count() <= 12
                    && !raw.ends_with(['.', ';', ':'])
                    && marker(raw).is_none()
                    && kind_line_follows(text, lines, i + 1)
            };
            if page || stray() {
                let (a, b) = (l.start, l.end);
                kept_from.get_or_insert(ctx.diagnostics.len());
                if page {
                    ctx.drop_page_number(a, b, &cs[0].s);
                } else {
                    let t = clean_line(text, l).s;
                    let message = "a header line the grammar cannot place, kept as a paragraph";
                    leftover.push(ctx.unplaced(a, b, t, message));
                }
                rows += 1;
                i += 1;
                continue;
            }
            break;
        }
        for (c, k) in cs.iter().zip(&kinds) {
            match k {
                Cell::Number => {
                    if let Some((number, sym, kind)) = number_line(&c.s) {
                        md.number = number;
                        md.symbol = Some(sym);
                        symbol_kind = kind;
                    }
                    anchored = true;
                }
                Cell::PlaceDate => {
                    if let Some((place, date)) = place_date(&c.s) {
                        md.place = place;
                        md.date = date;
                    }
                    anchored = true;
                }
                Cell::National => anchored = true,
                Cell::Body => match bodies.last_mut() {
                    Some(last) if continues_body(last, &c.s) => {
                        last.push(' ');
                        last.push_str(&c.s);
                    }
                    _ => bodies.push(c.s.clone()),
                },
                Cell::Regarding => {
                    md.subject = Some(c.s.clone());
                    ctx.cite(c);
                }
                Cell::Mark => {
                    md.marks.push(c.s.clone());
                    anchored = true;
                }
                _ => {}
            }
        }
        rows += 1;
        i += 1;
        rows_end = i;
    }
    let body_start = match kind_line {
        Some(k) => title_block(ctx, lines, k, &mut md),
        None if anchored => rows_end,
        None => {
            bodies.clear();
            0
        }
    };
    // With no kind line (an official letter), the type code of its own symbol names the kind.
    if md.kind.is_none() {
        md.kind = symbol_kind.map(str::to_string);
    }
    if let Some(issuer) = bodies.pop() {
        md.issuer = Some(issuer);
        md.superior = (!bodies.is_empty()).then(|| bodies.join(" "));
    }
    if kind_line.is_none() && !anchored {
        // No header after all: the lines passed over are read again as body.
        leftover.clear();
        if let Some(n) = kept_from {
            ctx.diagnostics.truncate(n);
        }
    }
    Head {
        metadata: md,
        body_start,
        leftover,
    }
}

/// Whether a kind line comes within the next few rows from line `from`, every row
/// before it a header row (no cell the header cannot place).
fn kind_line_follows(text: &str, lines: &[Line], from: usize) -> bool {
    let mut rows = 0;
    for &l in lines.iter().skip(from) {
        if is_blank(text, l) {
            continue;
        }
        rows += 1;
        if rows > 6 {
            return false;
        }
        let cs = cells(text, l);
        let kinds: Vec<Cell> = cs.iter().map(|c| classify(&c.s)).collect();
        if kinds.len() == 1 && kinds[0] == Cell::Kind {
            return true;
        }
        if kinds.contains(&Cell::Other) || kinds.contains(&Cell::Kind) {
            return false;
        }
    }
    false
}

/// title-block = kind-line [ issuer-line ] *subject-line; returns the first body line.
fn title_block(ctx: &mut Ctx, lines: &[Line], k: usize, md: &mut Metadata) -> usize {
    let text = ctx.text();
    let mut kind_line = clean_line(text, lines[k]);
    let (mut end, mut code) = kind_prefix(&kind_line.s).unwrap_or((kind_line.s.len(), None));
    let mut title = kind_line.s.clone();
    let mut i = k + 1;
    // kind-wrap: a kind phrase that goes on over the next line ("THÔNG BÁO" / "KẾT LUẬN
    // CỦA BỘ CHÍNH TRỊ", "CHƯƠNG TRÌNH" / "HÀNH ĐỘNG …") is read whole; the rest of that
    // line is the first title line.
    if end == kind_line.s.len() && i < lines.len() && !is_blank(text, lines[i]) {
        let next = clean_line(text, lines[i]);
        let joined = format!("{} {}", kind_line.s, next.s);
        if let Some((e, c)) = kind_prefix(&joined).filter(|&(e, _)| e > kind_line.s.len()) {
            if is_all_caps(&next.s) {
                title = joined;
                (end, code) = (e - kind_line.s.len() - 1, c);
                md.kind_text = Some(title[..e].to_string());
                kind_line = next;
                i += 1;
            }
        }
    }
    md.kind = code.map(str::to_string);
    if md.kind_text.is_none() {
        md.kind_text = Some(kind_line.s[..end].to_string());
    }
    // The words after the kind on its own line ("BÁO CÁO CHÍNH TRỊ", "NGHỊ QUYẾT CỦA …")
    // read as the first title line.
    let mut pending = Some(kind_line.tail(end))
        .filter(|t| !t.s.trim().is_empty())
        .map(|t| t.tail(t.s.len() - t.s.trim_start().len()));
    let mut subject: Option<Text> = None;
    let mut occasion: Option<Text> = None;
    let mut first = true;
    loop {
        let t = match pending.take() {
            Some(t) => t,
            None => {
                if i >= lines.len() || i >= k + 8 || is_blank(text, lines[i]) {
                    break;
                }
                let t = clean_line(text, lines[i]);
                let goes_on =
                    continues_title(&t.s, first) || (first && summary_run(text, &lines[i..]));
                if !goes_on {
                    break;
                }
                title.push(' ');
                title.push_str(&t.s);
                i += 1;
                t
            }
        };
        // The plenum or congress that resolved, in capitals, is title but not summary;
        // a title block with nothing after it keeps it as its subject.
        if (first && is_occasion(&t.s))
            || (occasion.is_some()
                && subject.is_none()
                && is_all_caps(&t.s)
                && !starts_with_words(&t.s, "về"))
        {
            match occasion.as_mut() {
                Some(o) => o.append(&t),
                None => occasion = Some(t),
            }
            first = false;
            continue;
        }
        let rest = if first { issuer_line(&t, md) } else { Some(t) };
        if let Some(r) = rest {
            match subject.as_mut() {
                Some(s) => s.append(&r),
                None => subject = Some(r),
            }
        }
        first = false;
    }
    md.title = Some(title);
    if let Some(s) = subject.or(occasion) {
        md.subject = Some(s.s.clone());
        ctx.cite(&s);
    }
    i
}

/// The longest mixed-case line, in characters, that goes on a title block.
const TITLE_LINE_CHARS: usize = 200;

/// summary-run = 1*3 mixed-line, then a blank line or the end; no line ends a sentence
///
/// A summary in sentence case right under the kind line ("KẾ HOẠCH" / "Triển khai thực
/// hiện Nghị quyết số 12-NQ/TW" / "ngày 5/1/2024 của Bộ Chính trị"): a short run of
/// lines, none ending a sentence, that a blank line ends. A first paragraph right
/// under the kind line is longer or ends its sentence.
fn summary_run(text: &str, lines: &[Line]) -> bool {
    let run = lines
        .iter()
        .take(SUMMARY_LINES + 1)
        .take_while(|&&l| !is_blank(text, l))
        .count();
    run <= SUMMARY_LINES
        && lines[..run].iter().all(|&l| {
            let s = clean_line(text, l).s;
            s.chars().count() <= TITLE_LINE_CHARS
                && !s.ends_with(['.', ';', ':'])
                && marker(&s).is_none()
        })
}

/// The most lines a summary in sentence case runs over.
const SUMMARY_LINES: usize = 3;

fn continues_title(line: &str, first: bool) -> bool {
    // A rule under the title ("-----", "___") has no words: it ends the block.
    if !line.chars().any(char::is_alphanumeric) {
        return false;
    }
    if marker(line).is_some() && !line.starts_with(char::is_lowercase) {
        return false;
    }
    if is_all_caps(line)
        || line.starts_with(char::is_lowercase)
        || is_regarding(line)
        || starts_with_words(line, "về")
    {
        return true;
    }
    // A mixed-case line that ends a sentence is the first paragraph, not the title; a
    // summary may be long ("Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy
    // …", 120 characters), a paragraph that does not end a sentence is longer still.
    !first && line.chars().count() <= TITLE_LINE_CHARS && !line.ends_with(['.', ';', ':'])
}

/// occasion = ( "HỘI NGHỊ" / "ĐẠI HỘI" ) words: the line of a title block that names the
/// plenum or congress that resolved ("HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG
/// ĐẢNG KHÓA XIII", "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XX", or in sentence case
/// "Hội nghị lần thứ năm Ban Chấp hành Đảng bộ tỉnh").
fn is_occasion(line: &str) -> bool {
    starts_with_words(line, "hội nghị") || starts_with_words(line, "đại hội")
}

/// kind-line = KIND [ ws words ] in capitals: the end of the kind phrase and its code.
fn kind_prefix(line: &str) -> Option<(usize, Option<&'static str>)> {
    let t = super::tokens::Tokens::new(line);
    let (n, _, code) = t.longest(0, super::lexicon::kinds())?;
    Some((t.toks[n - 1].end, code))
}

/// issuer-line = ( "CỦA" / "của" ) ws body [ ws "về" subject ]; returns the subject part.
fn issuer_line(t: &Text, md: &mut Metadata) -> Option<Text> {
    let s = &t.s;
    let word_end = s.find(' ').unwrap_or(s.len());
    if fold(&s[..word_end]) != fold("của") {
        return Some(t.clone());
    }
    let rest = &s[word_end..];
    let ve = find_word(rest, "về").map(|p| p + word_end);
    let issuer_end = ve.unwrap_or(s.len());
    let issuer = s[word_end..issuer_end].trim();
    if !issuer.is_empty() && md.issuer.is_none() {
        md.issuer = Some(issuer.to_string());
    }
    ve.map(|p| t.tail(p))
}

/// The byte offset of the first whole word `w` (folded comparison) in `s`.
pub fn find_word(s: &str, w: &str) -> Option<usize> {
    let fw = fold(w);
    let mut pos = 0;
    for word in s.split(' ') {
        if fold(word) == fw && pos > 0 {
            return Some(pos);
        }
        pos += word.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_classify() {
        let cases: &[(&str, Cell)] = &[
            ("NGHỊ QUYẾT", Cell::Kind),
            ("CHƯƠNG TRÌNH HÀNH ĐỘNG", Cell::Kind),
            ("ĐẢNG CỘNG SẢN VIỆT NAM", Cell::National),
            ("*", Cell::National),
            ("Số 05-NQ/TU", Cell::Number),
            ("Số: 1234/QĐ-UBND", Cell::Number),
            ("Long Giang, ngày 15 tháng 01 năm 2024", Cell::PlaceDate),
            ("Hà Nội, ngày 07-10-2022", Cell::PlaceDate),
            (
                "Thực hiện Kế hoạch số 63-KH/TU ngày 12/8/2022 của Ban",
                Cell::Other,
            ),
            ("TỈNH ỦY LONG GIANG", Cell::Body),
            ("MẬT", Cell::Mark),
            ("Năm 2022, trong bối cảnh", Cell::Other),
            ("I- MỤC TIÊU", Cell::Other),
        ];
        for (c, want) in cases {
            assert_eq!(&classify(c), want, "{c}");
        }
    }

    #[test]
    fn wrapped_body_lines() {
        let cases: &[(&str, &str, bool)] = &[
            ("BAN CHẤP HÀNH ĐẢNG BỘ", "TỈNH SÔNG LAM", true),
            ("ĐẢNG BỘ", "KHỐI CÁC CƠ QUAN TỈNH", true),
            ("ĐẢNG BỘ", "THÀNH PHỐ HÒA AN", true),
            ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "TỈNH SÔNG LAM", true),
            ("THÀNH ỦY", "THÀNH PHỐ HÒA AN", true),
            ("BAN CHẤP HÀNH", "ĐẢNG BỘ HUYỆN TÂN PHÚ", true),
            // A committee of its own under its superior.
            ("ĐẢNG BỘ TỈNH LONG GIANG", "HUYỆN ỦY TÂN PHÚ", false),
            ("ĐẢNG BỘ", "TỈNH ỦY LONG GIANG", false),
            ("ĐẢNG BỘ", "HUYỆN UỶ TÂN PHÚ", false),
            ("TỈNH ỦY LONG GIANG", "BAN TUYÊN GIÁO", false),
            ("ĐẢNG BỘ TỈNH", "ĐẢNG BỘ HUYỆN", false),
        ];
        for (prev, next, want) in cases {
            assert_eq!(continues_body(prev, next), *want, "{prev} / {next}");
        }
    }

    #[test]
    fn kind_wrapped_over_two_lines() {
        let doc = crate::parse(
            "TỈNH ỦY LONG GIANG\nSố 20-CTr/TU\n\nCHƯƠNG TRÌNH\nHÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI\n\nNội dung.\n",
        );
        let md = &doc.metadata;
        assert_eq!(md.kind.as_deref(), Some("CTr"));
        assert_eq!(md.kind_text.as_deref(), Some("CHƯƠNG TRÌNH HÀNH ĐỘNG"));
        assert_eq!(
            md.title.as_deref(),
            Some("CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI")
        );
        // A kind line whole on its own line is left as it is.
        let doc = crate::parse("NGHỊ QUYẾT\nVỀ CÔNG TÁC CÁN BỘ\n\nNội dung.\n");
        assert_eq!(doc.metadata.kind_text.as_deref(), Some("NGHỊ QUYẾT"));
    }

    #[test]
    fn place_and_date() {
        assert_eq!(
            place_date("Bình Nguyên, ngày 28 tháng 3 năm 2024"),
            Some((Some("Bình Nguyên".into()), Some("2024-03-28".into())))
        );
        // The longest the grammar takes: six words of place, a comma and a full stop
        // standing alone.
        assert_eq!(
            place_date("Thị trấn Bình Nguyên huyện Long , ngày 28 tháng 3 năm 2024 ."),
            Some((
                Some("Thị trấn Bình Nguyên huyện Long".into()),
                Some("2024-03-28".into())
            ))
        );
        assert_eq!(
            place_date("Thị trấn Bình Nguyên huyện Long Giang , ngày 28 tháng 3 năm 2024"),
            None
        );
        // A draft's date left blank: the place is read, the date is null.
        for cell in [
            "Bình Nguyên, ngày      tháng 3 năm 2024",
            "Bình Nguyên, ngày ... tháng ... năm 2024",
            "Bình Nguyên, ngày …… tháng …… năm 20…",
            "Bình Nguyên, ngày   tháng   năm",
        ] {
            assert_eq!(
                place_date(cell),
                Some((Some("Bình Nguyên".into()), None)),
                "{cell}"
            );
        }
        assert_eq!(place_date("Bình Nguyên, ngày tháng 3 năm 2024 và"), None);
    }

    #[test]
    fn draft_blanks_split_into_cells_are_joined() {
        let text = "Số     -KH/TU\t\tLong Giang, ngày      tháng      năm 2024";
        let cs = join_blank_date(join_blank_number(cells(
            text,
            Line {
                start: 0,
                end: text.len(),
            },
        )));
        let got: Vec<&str> = cs.iter().map(|c| c.s.as_str()).collect();
        assert_eq!(got, ["Số -KH/TU", "Long Giang, ngày tháng năm 2024"]);
        assert_eq!(place_date(got[1]), Some((Some("Long Giang".into()), None)));
    }
}
