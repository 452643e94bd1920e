//! Dates: "28/9/2021", "07/10/2022", "30-5-2019", "7 tháng 3 năm 2021".
//!
//! ```text
//! date         = numeric-date / worded-date
//! numeric-date = day sep month sep year        ; sep = "/" / "-" / "." (the same twice),
//!                                                ; "-" and "/" may have a space each side
//! worded-date  = day ws "tháng" ws month [ "," ] ws "năm" ws year
//! day, month   = 1*2digit ;  year = 4digit
//! blank-date   = "ngày" blank "tháng" blank [ month blank ] "năm" blank [ year ]
//! blank        = *( ws / "." / "_" / "…" )     ; a draft's date left to be filled in
//! ```

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, one_of, space1};
use nom::combinator::{map_res, opt, verify};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::lexicon::same_word;

/// A date as written, valid or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year.
    pub year: u32,
    /// The month, as written (may be out of range).
    pub month: u32,
    /// The day, as written (may be out of range).
    pub day: u32,
}

impl Date {
    /// Whether the date exists (leap years counted).
    pub fn is_valid(&self) -> bool {
        let leap = self.year.is_multiple_of(4)
            && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }

    /// `YYYY-MM-DD`, or None when the date does not exist.
    pub fn iso(&self) -> Option<String> {
        if !self.is_valid() {
            return None;
        }
        // `format!("{:04}-{:02}-{:02}")`, without the formatting machinery.
        let mut out = String::with_capacity(10);
        for (n, width) in [(self.year, 4), (self.month, 2), (self.day, 2)] {
            if width == 2 {
                out.push('-');
            }
            let mut digits = itoa::Buffer::new();
            let digits = digits.format(n);
            for _ in digits.len()..width {
                out.push('0');
            }
            out.push_str(digits);
        }
        Some(out)
    }
}

fn small(i: &str) -> IResult<&str, u32> {
    map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(i)
}

fn year(i: &str) -> IResult<&str, u32> {
    let (rest, y) = map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(i)?;
    match rest.chars().next() {
        Some(c) if c.is_ascii_digit() => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        ))),
        _ => Ok((rest, y)),
    }
}

// numeric-date = day sep month sep year; a "-" or "/" may have a space on each side
// ("25 - 10 - 2021"), as some typists leave them (and spaced symbols, "12 - NQ/TW").
fn numeric_date(i: &str) -> IResult<&str, Date> {
    let (i, day) = small(i)?;
    let (i, sep) = separator(i)?;
    let (i, month) = small(i)?;
    let (i, _) = verify(separator, |c| *c == sep).parse(i)?;
    let (i, year) = year(i)?;
    Ok((i, Date { year, month, day }))
}

// sep = "." / [ " " ] ( "/" / "-" ) [ " " ]
fn separator(i: &str) -> IResult<&str, char> {
    alt((
        delimited(opt(char(' ')), one_of("/-"), opt(char(' '))),
        char('.'),
    ))
    .parse(i)
}

fn word<'a>(w: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let end = i
            .find(|c: char| !c.is_alphanumeric() && !('\u{300}'..='\u{36f}').contains(&c))
            .unwrap_or(i.len());
        if end > 0 && same_word(&i[..end], w) {
            Ok((&i[end..], &i[..end]))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

// worded-date = day ws "tháng" ws month [ "," ] ws "năm" ws year
fn worded_date(i: &str) -> IResult<&str, Date> {
    let (i, day) = terminated(small, space1).parse(i)?;
    let (i, month) = preceded(
        terminated(word("tháng"), space1),
        terminated(small, (opt(char(',')), space1)),
    )
    .parse(i)?;
    let (i, year) = preceded(terminated(word("năm"), space1), year).parse(i)?;
    Ok((i, Date { year, month, day }))
}

/// date = numeric-date / worded-date
pub fn date(i: &str) -> IResult<&str, Date> {
    // Both forms open with one or two digits and a separator or white space: other
    // numbers are turned away without trying them.
    let b = i.as_bytes();
    let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits)
        || !matches!(b.get(digits), Some(b'/' | b'-' | b'.' | b' ' | b'\t'))
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    nom::branch::alt((numeric_date, worded_date)).parse(i)
}

/// `"ngày" ws date` — the date after the word "ngày".
pub fn ngay_date(i: &str) -> IResult<&str, Date> {
    preceded(terminated(word("ngày"), space1), date).parse(i)
}

/// `blank-date = "ngày" blank "tháng" blank [ month blank ] "năm" blank [ year ]`: a
/// draft's date with the day, and maybe the month and year, left blank to be filled in
/// when it is signed ("ngày      tháng 3 năm 2024", "ngày ... tháng ... năm 20...").
pub fn blank_date(i: &str) -> IResult<&str, ()> {
    let blank = || take_while(|c: char| c.is_whitespace() || matches!(c, '.' | '_' | '…'));
    let (i, _) = (
        word("ngày"),
        blank(),
        word("tháng"),
        blank(),
        opt(terminated(small, blank())),
        word("năm"),
        blank(),
        opt(take_while_m_n(1, 4, |c: char| c.is_ascii_digit())),
        blank(),
    )
        .parse(i)?;
    Ok((i, ()))
}

/// `"tháng" ws month "/" year`, a month without a day ("tháng 12/2022").
pub fn month_year(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, _) = terminated(word("tháng"), space1).parse(i)?;
    let (i, m) = small(i)?;
    let (i, _) = tag("/").parse(i)?;
    let (i, y) = year(i)?;
    Ok((i, (m, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_is_zero_padded() {
        for year in [0, 7, 99, 999, 2024, 12345] {
            for (month, day) in [(1, 1), (2, 29), (12, 31)] {
                let d = Date { day, month, year };
                let want = format!("{year:04}-{month:02}-{day:02}");
                assert_eq!(d.iso(), d.is_valid().then_some(want));
            }
        }
        assert_eq!(
            Date {
                day: 5,
                month: 3,
                year: 2021
            }
            .iso()
            .as_deref(),
            Some("2021-03-05")
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("28/9/2021 của", Some("2021-09-28"), " của"),
            ("07/10/2022", Some("2022-10-07"), ""),
            ("30-5-2019", Some("2019-05-30"), ""),
            ("7 tháng 3 năm 2021,", Some("2021-03-07"), ","),
            ("15 tháng 01 năm 2024", Some("2024-01-15"), ""),
            ("5 tháng 3, năm 2024", Some("2024-03-05"), ""),
            ("31/2/2022", None, ""),
            ("29/2/2023", None, ""),
            ("29/02/2024", Some("2024-02-29"), ""),
            ("6 tháng 7 năm 2022", Some("2022-07-06"), ""),
            ("25.10.2021 của", Some("2021-10-25"), " của"),
            ("25 - 10 - 2021 của", Some("2021-10-25"), " của"),
            ("08/8 /2021", Some("2021-08-08"), ""),
            ("5/ 3/ 2021", Some("2021-03-05"), ""),
        ];
        for &(input, iso, rest) in cases {
            let (r, d) = date(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!((d.iso().as_deref(), r), (iso, rest), "{input}");
        }
    }

    #[test]
    fn rejects() {
        for input in [
            "12/2022",
            "13/13",
            "1/2/20245",
            "ngày",
            "25 - 10/2021",
            "25 . 10 . 2021",
            "8 - 10 - 12%",
            "2021 - 2025",
        ] {
            assert!(date(input).is_err(), "{input}");
        }
        assert_eq!(
            ngay_date("ngày 5/3/2021").unwrap().1.iso().as_deref(),
            Some("2021-03-05")
        );
        assert_eq!(month_year("tháng 12/2022").unwrap().1, (12, 2022));
    }
}
