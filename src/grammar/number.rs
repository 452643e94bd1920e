//! Vietnamese numbers: decimal comma, thousands dot.
//!
//! ```text
//! number      = int-part [ "," digits ]
//! int-part    = digits 1*( "." 3digit )      ; thousands groups: "15.043", "1.234"
//!             / digits [ "." digits ]        ; a dot not followed by a group of three is a decimal point
//! ```

use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::combinator::{not, opt, peek, recognize};
use nom::multi::many1;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

fn digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

// thousands-group = "." 3digit  (not followed by another digit)
fn thousands_group(i: &str) -> IResult<&str, &str> {
    preceded(
        tag("."),
        terminated(
            take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
            not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
        ),
    )
    .parse(i)
}

// number = int-part [ "," digits ]
/// Parses a number as written; returns the text and its value.
pub fn number(i: &str) -> IResult<&str, (&str, f64)> {
    let (rest, text) = recognize(pair(
        pair(
            digits,
            opt(nom::branch::alt((
                recognize(many1(thousands_group)),
                recognize(preceded(tag("."), digits)),
            ))),
        ),
        opt(preceded(tag(","), digits)),
    ))
    .parse(i)?;
    Ok((rest, (text, value_of(text))))
}

/// The value of a number written the Vietnamese way ("1.234,5" → 1234.5).
pub fn value_of(text: &str) -> f64 {
    // Most figures are plain digits that a double holds exactly.
    if text.len() <= 15 && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0')) as f64;
    }
    let (int, frac) = match text.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let dotted = int.contains('.');
    let thousands = dotted && int.split('.').skip(1).all(|g| g.len() == 3);
    // The canonical form, built on the stack: the integer digits ("1.5" keeps its
    // point, written the English way), then the fraction after a point.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut push = |bytes: &[u8]| {
        let end = n + bytes.len();
        if let Some(dst) = buf.get_mut(n..end) {
            dst.copy_from_slice(bytes);
        }
        n = end;
    };
    let point = if thousands || !dotted {
        int.split('.').for_each(|g| push(g.as_bytes()));
        false
    } else {
        push(int.as_bytes());
        true
    };
    if let Some(f) = frac {
        if !point {
            push(b".");
            push(f.as_bytes());
        }
    }
    if n > buf.len() {
        return f64::NAN;
    }
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &str, f64, &str)] = &[
            ("14,5%", "14,5", 14.5, "%"),
            ("15.043 tỷ", "15.043", 15043.0, " tỷ"),
            ("1.234,5", "1.234,5", 1234.5, ""),
            ("3,0%", "3,0", 3.0, "%"),
            ("05 điểm", "05", 5.0, " điểm"),
            ("10.000 dân", "10.000", 10000.0, " dân"),
            ("1.500.000", "1.500.000", 1_500_000.0, ""),
            ("1.5 ha", "1.5", 1.5, " ha"),
            ("2023.", "2023", 2023.0, "."),
            ("88,6 nghìn", "88,6", 88.6, " nghìn"),
        ];
        assert!(value_of("1.2.3").is_nan(), "a dotted label has no value");
        for &(input, text, value, rest) in cases {
            let (r, (t, v)) = number(input).unwrap();
            assert_eq!((t, r), (text, rest), "{input}");
            assert!((v - value).abs() < 1e-9, "{input}: {v}");
        }
    }

    #[test]
    fn not_a_number() {
        assert!(number("abc").is_err());
        assert!(number(",5").is_err());
    }
}
