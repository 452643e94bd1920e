//! The markers that open a line of the body, and the lines that are page marks.
//!
//! ```text
//! marker       = phan / appendix / chuong / article / division / part / numbered / indicator
//!              / lettered / bullet
//! phan         = "PHẦN" ws ( roman / "THỨ" ws ordinal-word / digits ) [ sep title ]
//! appendix     = "PHỤ LỤC" [ ws appendix-number ] [ sep title ]
//!              / "Phụ lục" ws appendix-number [ sep title ]   ; appendix-number = roman / [ "số" ] digits
//! division     = "A".."H" ws* ( "." / "-" / "–" ) ws caps-title   ; "A. KẾT QUẢ …"
//! part         = roman ( ws* sep ws* / "/" ws ) title   ; "I- MỤC TIÊU", "I. …", "I - …", "I/ …"
//! numbered     = 1*2digit *( "." 1*2digit ) ( "." / ")" / "-" / "/" ) ws text   ; "1.", "1.1.", "2)", "1/"
//! lettered     = letter ( ( ")" / "." / "/" ) ws / "-" ws capital ) text  ; "a)", "đ)", "b.", "a- Về"
//! indicator    = "(" 1*3digit ")" ws text           ; "(12) …"
//! bullet       = ( "-" / "+" / "•" / "–" / "—" / "·" ) ws* text
//! page-number  = page / "-" ws* 1*4digit ws* "-" / "Trang" ws page
//! page         = 1*4digit [ ws* "/" ws* 1*3digit ]      ; "2", "2/10": not past the total
//! sep          = "-" / "." / "–" / "—" / ":" / ")"
//! ```

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{char, one_of, space0, space1};
use nom::combinator::{eof, map, opt, peek, recognize, verify};
use nom::multi::many0;
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

use super::lexicon::same_word;
use super::tokens::is_letter;

/// What opens a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// A division above the Roman-numeral parts: "PHẦN I", "PHẦN THỨ NHẤT", "Chương I",
    /// an appendix ("PHỤ LỤC", "PHỤ LỤC II"), or a capital letter before a title in
    /// capitals ("A. KẾT QUẢ …"); the label as written.
    Phan(String),
    /// A Roman-numeral part: the numeral.
    Part(String),
    /// "Điều 5." of a regulation: the label as written ("Điều 5").
    Article(String),
    /// "1.", "1.1.": the label without the final dot, and its depth.
    Numbered(String, usize),
    /// "a)", "a.": the letter.
    Lettered(String),
    /// "(n)": the number.
    Indicator(u32),
    /// "-", "+", "•": the bullet as a label.
    Bullet(String),
}

impl Marker {
    /// The rank of the marker in the outline: a lower rank holds the higher ones (S3).
    pub fn rank(&self) -> u32 {
        match self {
            Marker::Phan(_) => 0,
            Marker::Part(_) | Marker::Article(_) => 1,
            Marker::Numbered(_, depth) => 1 + *depth as u32,
            Marker::Lettered(_) => 10,
            Marker::Indicator(_) => 11,
            Marker::Bullet(b) => match b.as_str() {
                "-" => 12,
                "+" => 13,
                _ => 14,
            },
        }
    }
}

fn roman_value(s: &str) -> Option<u32> {
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = s.chars().map(val).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d as i64,
            _ => total += d as i64,
        }
    }
    // Only canonical numerals: "IIII" or "VX" are words, not numbers.
    (total > 0 && to_roman(total as u32) == s).then_some(total as u32)
}

fn to_roman(mut n: u32) -> String {
    let table = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in table {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// roman = 1*( "I" / "V" / "X" / "L" / "C" ), canonical, at most 100
pub fn roman(i: &str) -> IResult<&str, &str> {
    verify(
        take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')),
        |r: &str| roman_value(r).is_some_and(|v| v <= 100),
    )
    .parse(i)
}

// sep = "-" / "." / "–" / "—" / ":" / ")"
fn sep(i: &str) -> IResult<&str, char> {
    one_of("-.–—:)").parse(i)
}

// part = roman ( ws* sep ws* / "/" ws ) title
fn part(i: &str) -> IResult<&str, Marker> {
    let (rest, r) = terminated(
        roman,
        alt((
            map((space0, sep, space0), |_| ()),
            map((char('/'), space1), |_| ()),
        )),
    )
    .parse(i)?;
    // The title must start with a word: "X.2" and the initials of "V.I. Lênin" are not parts.
    let initial = rest.chars().nth(1) == Some('.');
    if initial || !rest.starts_with(|c: char| c.is_alphabetic() || c == '"' || c == '“') {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, Marker::Part(r.to_string())))
}

fn ordinal_word(i: &str) -> IResult<&str, &str> {
    // Letters and combining marks, the Vietnamese ones told without a table lookup.
    take_while1(is_letter).parse(i)
}

// title-sep = end / ws* sep ws* / ws  — between a chapter label and its title
fn title_sep(i: &str) -> IResult<&str, ()> {
    alt((
        map(eof, |_| ()),
        map((space0, sep, space0), |_| ()),
        map(space1, |_| ()),
    ))
    .parse(i)
}

// phan = "PHẦN" ws ( roman / "THỨ" ws ordinal-word / digits ) [ sep title ]
fn phan(i: &str) -> IResult<&str, Marker> {
    let (rest, label) = recognize((
        upper_or_title("phần"),
        space1,
        alt((
            roman,
            recognize((upper_or_lower("thứ"), space1, ordinal_word)),
            take_while1(|c: char| c.is_ascii_digit()),
        )),
    ))
    .parse(i)?;
    let (rest, _) = title_sep(rest)?;
    Ok((rest, Marker::Phan(label.to_string())))
}

// appendix = "PHỤ LỤC" [ ws appendix-number ] [ sep title ] / "Phụ lục" ws appendix-number [ sep title ]
// appendix-number = roman / [ "số" ws ] digits       — an appendix, like PHẦN: "PHỤ LỤC II"
fn appendix(i: &str) -> IResult<&str, Marker> {
    let number = || {
        alt((
            roman,
            recognize((
                opt((upper_or_lower("số"), space1)),
                take_while1(|c: char| c.is_ascii_digit()),
            )),
        ))
    };
    let (rest, label) = alt((
        recognize((tag("PHỤ LỤC"), opt((space1, number())))),
        recognize((tag("Phụ lục"), space1, number())),
    ))
    .parse(i)?;
    let (rest, _) = title_sep(rest)?;
    Ok((rest, Marker::Phan(label.to_string())))
}

// chuong = ( "Chương" / "CHƯƠNG" ) ws ( roman / digits ) [ sep title ]  — a chapter, like PHẦN
fn chuong(i: &str) -> IResult<&str, Marker> {
    let (rest, label) = recognize((
        upper_or_title("chương"),
        space1,
        alt((roman, take_while1(|c: char| c.is_ascii_digit()))),
    ))
    .parse(i)?;
    let (rest, _) = title_sep(rest)?;
    Ok((rest, Marker::Phan(label.to_string())))
}

// division = ( "A" / "B" / "C" / "D" / "Đ" / "E" / "G" / "H" ) ws* ( "." / "-" / "–" ) ws
//            caps-title  — "A. KẾT QUẢ …", "B- PHƯƠNG HƯỚNG …": parts above the Roman ones
fn division(i: &str) -> IResult<&str, Marker> {
    let (rest, letter) = one_of("ABCDĐEGH").parse(i)?;
    let (rest, _) = (space0, one_of(".-–"), space1).parse(rest)?;
    if !rest.starts_with(char::is_alphabetic) || !is_all_caps(rest) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, Marker::Phan(letter.to_string())))
}

// article = ( "Điều" / "ĐIỀU" ) ws 1*3digit [ "." / ":" ] ws text
fn article(i: &str) -> IResult<&str, Marker> {
    let (rest, label) = recognize((
        upper_or_title("điều"),
        space1,
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
    ))
    .parse(i)?;
    let (rest, _) = (opt(one_of(".:")), space1).parse(rest)?;
    Ok((rest, Marker::Article(label.to_string())))
}

// numbered = 1*2digit *( "." 1*2digit ) ( ( "." / ")" / "-" / "/" ) ws / ( "." / ")" ) capital )
// text: "1.Mục tiêu" (the space lost in extraction) is a marker; "12-NQ/TW" and "1/2"
// are not.
fn numbered(i: &str) -> IResult<&str, Marker> {
    let comp = || take_while_m_n(1, 2, |c: char| c.is_ascii_digit());
    let (rest, label) = recognize(pair(comp(), many0(preceded(char('.'), comp())))).parse(i)?;
    let (rest, _) = alt((
        terminated(one_of(".)-/"), space1),
        terminated(one_of(".)"), peek(capital_word)),
    ))
    .parse(rest)?;
    let depth = label.split('.').count();
    Ok((rest, Marker::Numbered(label.to_string(), depth)))
}

// lettered = letter ( ( ")" / "." / "/" ) ws / "-" ws capital ) text
fn lettered(i: &str) -> IResult<&str, Marker> {
    let (rest, l) = verify(nom::character::complete::anychar, |c: &char| {
        c.is_lowercase() && c.is_alphabetic()
    })
    .parse(i)?;
    // "a- Phấn đấu …" (older documents, like "1- " and "I- "): only before a capital,
    // so that a hyphenated word is not taken for a marker.
    let (rest, _) = alt((
        terminated(one_of(")./").map(|_| ()), space1),
        terminated(char('-'), (space1, peek(capital_word))).map(|_| ()),
    ))
    .parse(rest)?;
    Ok((rest, Marker::Lettered(l.to_string())))
}

// indicator = "(" 1*3digit ")" ws text
fn indicator(i: &str) -> IResult<&str, Marker> {
    let (rest, n) = terminated(
        delimited(
            char('('),
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
            char(')'),
        ),
        space0,
    )
    .parse(i)?;
    Ok((rest, Marker::Indicator(n.parse().unwrap_or(0))))
}

// bullet = ( "-" / "+" / "•" / "–" / "—" / "·" ) ws* text
fn bullet(i: &str) -> IResult<&str, Marker> {
    let (rest, b) = one_of("-+•–—·").parse(i)?;
    let (rest, space) = space0(rest)?;
    // "-5%" is a number and "--" a rule; "- 100% …" is a bullet.
    let word = rest.starts_with(|c: char| c.is_alphabetic() || "\"“(".contains(c));
    let figure = !space.is_empty() && rest.starts_with(|c: char| c.is_ascii_digit());
    if !(word || figure) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    let label = match b {
        '+' => "+",
        '•' | '·' => "•",
        _ => "-",
    };
    Ok((rest, Marker::Bullet(label.to_string())))
}

/// marker = phan / chuong / article / division / part / numbered / indicator / lettered
/// / bullet
///
/// Returns the marker and the byte offset where the line's text starts.
pub fn marker(line: &str) -> Option<(Marker, usize)> {
    if !may_open_marker(line) {
        return None;
    }
    marker_parse(line)
}

/// Whether `line` opens as some marker can: an ASCII first character that opens one
/// ("PHẦN", "Chương", a Roman numeral, a digit, "(", "-", "+"), any other character but
/// a lowercase letter ("Điều", "•", and letters that fold to those words), or a
/// lowercase letter followed by ")", ".", "/" or "-". Most lines are settled here without
/// trying each production.
fn may_open_marker(line: &str) -> bool {
    let mut chars = line.chars();
    let lettered = |rest: &str| rest.starts_with([')', '.', '/', '-']);
    match chars.next() {
        Some('P' | 'C' | 'I' | 'V' | 'X' | 'L' | '0'..='9' | '(' | '-' | '+') => true,
        Some('A' | 'B' | 'D' | 'E' | 'G' | 'H') => chars
            .as_str()
            .trim_start_matches(' ')
            .starts_with(['.', '-', '–']),
        Some(c) if c.is_ascii() => c.is_ascii_lowercase() && lettered(chars.as_str()),
        Some(c) => !c.is_lowercase() || lettered(chars.as_str()),
        None => false,
    }
}

/// capital-word = capital letter, not followed by "." (an initial): the start of a title.
fn capital_word(i: &str) -> IResult<&str, char> {
    let (rest, c) = verify(nom::character::complete::anychar, |c: &char| {
        c.is_uppercase()
    })
    .parse(i)?;
    if rest.starts_with('.') {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, c))
}

fn marker_parse(line: &str) -> Option<(Marker, usize)> {
    let (rest, m) = alt((
        phan, appendix, chuong, article, division, part, numbered, indicator, lettered, bullet,
    ))
    .parse(line)
    .ok()?;
    Some((m, line.len() - rest.len()))
}

/// rule = 3*( "-" / "_" / "=" / "*" / "~" / "." / "·" / "–" / "—" / "•" ) with spaces
/// between: a line drawn under a title or between sections. It holds no word.
pub fn is_rule(line: &str) -> bool {
    let mut n = 0;
    for c in line.chars() {
        match c {
            '-' | '_' | '=' | '*' | '~' | '.' | '·' | '–' | '—' | '•' => n += 1,
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    n >= 3
}

/// page-number = 1*4digit / "-" ws* 1*4digit ws* "-" / "Trang" ws 1*4digit
pub fn is_page_number(line: &str) -> bool {
    // Every form opens with a digit, a dash or "Trang": other lines are passed over.
    if !line
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–' | 'T'))
    {
        return false;
    }
    let digits = || take_while_m_n(1, 4, |c: char| c.is_ascii_digit());
    // "2/10": the page of how many, never a year ("12/2023").
    let of_total = |i| -> IResult<&str, &str> {
        let (rest, (page, _, _, _, total)) = (
            digits(),
            space0,
            char('/'),
            space0,
            take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        )
            .parse(i)?;
        let within = page.parse::<u32>().ok() <= total.parse::<u32>().ok();
        if !within {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Verify,
            )));
        }
        Ok((rest, &i[..i.len() - rest.len()]))
    };
    let r: IResult<&str, &str> = terminated(
        alt((
            of_total,
            recognize(digits()),
            recognize((one_of("-–"), space0, digits(), space0, one_of("-–"))),
            recognize((tag("Trang"), space1, alt((of_total, digits())))),
        )),
        eof,
    )
    .parse(line.trim());
    r.is_ok()
}

/// Whether a line has no lowercase letter and at least one letter.
pub fn is_all_caps(s: &str) -> bool {
    let mut letter = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return false;
            }
            letter |= c.is_ascii_uppercase();
        } else {
            if c.is_lowercase() {
                return false;
            }
            // Combining marks are letters for the tokenizer, not here.
            letter |= !('\u{300}'..='\u{36f}').contains(&c) && is_letter(c) || c.is_alphabetic();
        }
    }
    letter
}

/// Whether a line starts as the continuation of a sentence: a lowercase letter.
pub fn starts_lowercase(s: &str) -> bool {
    s.trim_start_matches(['"', '“', '(', '\''])
        .starts_with(char::is_lowercase)
}

/// Whether `opt` of a parser would match: used for "Số" lines.
pub fn so_prefix(i: &str) -> Option<&str> {
    let r: IResult<&str, &str> = preceded(
        (upper_or_title("số"), opt(char(':')), space0),
        nom::combinator::rest,
    )
    .parse(i);
    r.ok().map(|(_, s)| s)
}

fn upper_or_lower<'a>(w: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let (rest, word) = ordinal_word(i)?;
        if same_word(word, w) {
            Ok((rest, word))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

fn upper_or_title<'a>(w: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let (rest, word) = ordinal_word(i)?;
        if same_word(word, w) && word.starts_with(char::is_uppercase) {
            Ok((rest, word))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-character filter never turns away a line a production would read:
    /// every character, alone and before the endings markers have.
    #[test]
    fn the_marker_filter_turns_away_only_lines_without_a_marker() {
        let seed = crate::grammar::repo::read(crate::grammar::repo::SAMPLE);
        let mut lines: Vec<String> = seed.lines().map(|l| l.trim().to_string()).collect();
        for c in (0..=0x2FFFu32).filter_map(char::from_u32) {
            for end in [
                "",
                ") a",
                ". a",
                " a",
                "HẦN I",
                "hương 2",
                "iều 3. a",
                "- a",
                "1. a",
                ". KẾT",
                " - KẾT",
                "/ a",
                ".Mục",
                ")Ban",
            ] {
                lines.push(format!("{c}{end}"));
            }
        }
        for w in [
            "PHẦN", "Phần", "CHƯƠNG", "Chương", "ĐIỀU", "Điều", "IV", "XII", "LX", "CX",
        ] {
            for end in [" I", " 2", " THỨ NHẤT", " 3. a", "- a", ". a"] {
                lines.push(format!("{w}{end}"));
            }
        }
        let mut opened = 0;
        for l in &lines {
            let whole = marker_parse(l);
            opened += usize::from(whole.is_some());
            assert_eq!(marker(l), whole, "{l:?}");
        }
        assert!(opened > 100, "{opened}");
    }

    #[test]
    fn all_caps_is_letters_without_lowercase_for_every_character() {
        let reference =
            |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("Đ{c}"), format!("1{c}")] {
                assert_eq!(is_all_caps(&s), reference(&s), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn markers() {
        let cases: &[(&str, Option<(Marker, &str)>)] = &[
            ("I- MỤC TIÊU", Some((Marker::Part("I".into()), "MỤC TIÊU"))),
            (
                "II. NHIỆM VỤ",
                Some((Marker::Part("II".into()), "NHIỆM VỤ")),
            ),
            ("IV - TỔ CHỨC", Some((Marker::Part("IV".into()), "TỔ CHỨC"))),
            ("PHẦN I", Some((Marker::Phan("PHẦN I".into()), ""))),
            (
                "PHẦN THỨ NHẤT",
                Some((Marker::Phan("PHẦN THỨ NHẤT".into()), "")),
            ),
            (
                "PHẦN II: PHƯƠNG HƯỚNG",
                Some((Marker::Phan("PHẦN II".into()), "PHƯƠNG HƯỚNG")),
            ),
            ("PHỤ LỤC", Some((Marker::Phan("PHỤ LỤC".into()), ""))),
            ("I/ MỤC TIÊU", Some((Marker::Part("I".into()), "MỤC TIÊU"))),
            (
                "1/ Mục tiêu chung",
                Some((Marker::Numbered("1".into(), 1), "Mục tiêu chung")),
            ),
            ("1/2 số xã", None),
            (
                "PHỤ LỤC II: CÁC CHỈ TIÊU",
                Some((Marker::Phan("PHỤ LỤC II".into()), "CÁC CHỈ TIÊU")),
            ),
            (
                "Phụ lục số 01: Danh mục dự án",
                Some((Marker::Phan("Phụ lục số 01".into()), "Danh mục dự án")),
            ),
            ("Phụ lục kèm theo Kế hoạch", None),
            (
                "1. Mục tiêu",
                Some((Marker::Numbered("1".into(), 1), "Mục tiêu")),
            ),
            (
                "1.1. Đào tạo",
                Some((Marker::Numbered("1.1".into(), 2), "Đào tạo")),
            ),
            (
                "2) Làm tốt",
                Some((Marker::Numbered("2".into(), 1), "Làm tốt")),
            ),
            (
                "a) Hoàn thành",
                Some((Marker::Lettered("a".into()), "Hoàn thành")),
            ),
            ("đ) Khác", Some((Marker::Lettered("đ".into()), "Khác"))),
            ("(12) Tỷ lệ", Some((Marker::Indicator(12), "Tỷ lệ"))),
            ("- Bổ sung", Some((Marker::Bullet("-".into()), "Bổ sung"))),
            ("+ Kết nối", Some((Marker::Bullet("+".into()), "Kết nối"))),
            ("• Điểm", Some((Marker::Bullet("•".into()), "Điểm"))),
            ("Chương II", Some((Marker::Phan("Chương II".into()), ""))),
            (
                "Điều 5. Phạm vi áp dụng",
                Some((Marker::Article("Điều 5".into()), "Phạm vi áp dụng")),
            ),
            ("Điều này áp dụng", None),
            (
                "Phần thứ hai: Nhiệm vụ",
                Some((Marker::Phan("Phần thứ hai".into()), "Nhiệm vụ")),
            ),
            (
                "1- Mục tiêu",
                Some((Marker::Numbered("1".into(), 1), "Mục tiêu")),
            ),
            (
                "A. KẾT QUẢ THỰC HIỆN",
                Some((Marker::Phan("A".into()), "KẾT QUẢ THỰC HIỆN")),
            ),
            (
                "B- PHƯƠNG HƯỚNG NĂM 2024",
                Some((Marker::Phan("B".into()), "PHƯƠNG HƯỚNG NĂM 2024")),
            ),
            ("Đ. NHIỆM VỤ", Some((Marker::Phan("Đ".into()), "NHIỆM VỤ"))),
            // A capital letter before a title in capitals, only: initials and
            // sentences are not divisions; "C" before a title is a division, not C = 100.
            ("C. KẾT LUẬN", Some((Marker::Phan("C".into()), "KẾT LUẬN"))),
            ("A. Nguyễn Văn", None),
            ("B. Kết quả đạt được", None),
            ("A.B.C", None),
            ("Phần lớn các xã", None),
            ("Năm 2022, tỉnh", None),
            ("2023 là năm", None),
            ("V.I. Lênin", None),
            ("Ví dụ", None),
            ("-5% so với", None),
            // The space after the number lost in extraction: a capital starts the title.
            (
                "1.Mục tiêu chung",
                Some((Marker::Numbered("1".into(), 1), "Mục tiêu chung")),
            ),
            (
                "2)Làm tốt",
                Some((Marker::Numbered("2".into(), 1), "Làm tốt")),
            ),
            ("12-NQ/TW ngày 5/1/2024", None),
            ("1.V.I. Lênin", None),
            ("1.5 triệu đồng", None),
            (
                "a/ Về kinh tế",
                Some((Marker::Lettered("a".into()), "Về kinh tế")),
            ),
            ("đ/c Nguyễn Văn A", None),
            ("b/c Ban Thường vụ", None),
            (
                "a- Phấn đấu tăng trưởng",
                Some((Marker::Lettered("a".into()), "Phấn đấu tăng trưởng")),
            ),
            (
                "đ- Về quốc phòng",
                Some((Marker::Lettered("đ".into()), "Về quốc phòng")),
            ),
            // Before a lowercase word a dash is no marker.
            ("e- learning cho cán bộ", None),
            ("a-b", None),
        ];
        for (line, want) in cases {
            let got = marker(line).map(|(m, at)| (m, &line[at..]));
            assert_eq!(got, want.clone(), "{line}");
        }
    }

    #[test]
    fn page_numbers() {
        for l in [
            "2",
            "- 3 -",
            "-12-",
            "Trang 4",
            " 15 ",
            "– 7 –",
            "2/10",
            "3 / 12",
            "Trang 3/10",
        ] {
            assert!(is_page_number(l), "{l}");
        }
        for l in [
            "2023 là", "- Ban", "1.", "(3)", "12/2023", "11/10", "2/10 xã",
        ] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn romans() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
    }
}
