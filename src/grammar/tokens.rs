//! A word-level view of a logical text: words, numbers and single punctuation marks
//! with their byte ranges. Citations and measures are read over it, with the
//! character-level productions (numbers, dates, symbols) parsed by nom at token
//! offsets.

use std::cell::Cell;

use super::lexicon::{same_word, word_key, Phrase, Phrases};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with their combining marks) and digits mixed in: "Nghị", "GRDP", "km2".
    Word,
    /// Digits with inner "." and "," between digits: "1.234,5".
    Number,
    /// Any other single character.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// Whether `c` belongs to a word: letters, with their combining marks.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphabetic();
    }
    // Latin-1 to Latin Extended Additional: letters and combining marks, but for × and ÷.
    if (0xC0..0x1F00).contains(&u)
        && !(0x2B9..0x300).contains(&u)
        && u != 0xD7
        && u != 0xF7
        && !(0x370..0x1E00).contains(&u)
    {
        return true;
    }
    c.is_alphabetic()
}

/// One past the end of the word whose first character ends at byte `i`: letters and
/// ASCII digits.
#[inline]
pub(crate) fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(i) {
        if WORD_BYTE[x as usize] {
            i += 1;
        } else if x < 0x80 {
            break;
        } else if surely_letter(x, b.get(i + 1).copied().unwrap_or(0)) {
            i += if x < 0xE0 { 2 } else { 3 };
        } else {
            let (c, len) = char_at(s, i);
            if !is_letter(c) {
                break;
            }
            i += len;
        }
    }
    i
}

/// Bytes that go on a word whatever comes next: ASCII letters and digits, the first
/// bytes of U+0100..U+027F and U+0300..U+033F, and the bytes that continue a character
/// (met only inside a character whose first byte was taken).
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let x = i as u8;
        t[i] = x.is_ascii_alphanumeric()
            || (x >= 0x80 && x <= 0xBF)
            || (x >= 0xC4 && x <= 0xC9)
            || x == 0xCC;
        i += 1;
    }
    t
};

/// Whether the character whose first bytes are `x`, `y` is a letter for [`is_letter`],
/// told from those bytes alone: U+00C0..U+02B8 but for × and ÷, the combining marks
/// U+0300..U+036F, and Latin Extended Additional. `false` means "do not know".
#[inline(always)]
fn surely_letter(x: u8, y: u8) -> bool {
    match x {
        0xC3 => y != 0x97 && y != 0xB7,
        0xC4..=0xC9 | 0xCC => true,
        0xCA => y < 0xB9,
        0xCD => y < 0xB0,
        0xE1 => (0xB8..=0xBB).contains(&y),
        _ => false,
    }
}

/// One past the end of the number whose first digit is at byte `i`: digits with inner
/// "." and "," between digits.
#[inline]
fn number_end(b: &[u8], mut i: usize) -> usize {
    while let Some(&d) = b.get(i) {
        let more = d.is_ascii_digit()
            || ((d == b'.' || d == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !more {
            break;
        }
        i += 1;
    }
    i
}

/// Splits `s` into tokens; white space separates and is dropped.
pub fn tokenize(s: &str) -> Vec<Token> {
    tokenize_range(s, 0, s.len())
}

/// Splits `s[from..to]` into tokens with offsets into `s`; `from` and `to` are
/// character boundaries, and `to` is the end of `s` or white space.
///
/// Words are measured on a map of the bytes a word cannot simply go on over
/// ([`stops`]), read eight bytes at a time: a word's end is found without a branch per
/// byte.
fn tokenize_range(s: &str, from: usize, to: usize) -> Vec<Token> {
    let b = &s.as_bytes()[..to];
    let stops = stops(&b[from..]);
    let word_end = |mut i: usize| -> usize {
        loop {
            let k = i - from;
            let eight = stops.get(k..k + 8).unwrap_or(&[1; 8]);
            let w = u64::from_le_bytes(eight.try_into().unwrap_or([1; 8]));
            if w == 0 {
                i += 8;
                continue;
            }
            i += w.trailing_zeros() as usize / 8;
            // A stop is ASCII (the word ends) or the first byte of a character to look at.
            match b.get(i) {
                Some(&x) if x >= 0x80 => {
                    let (c, len) = char_at(s, i);
                    if !is_letter(c) {
                        return i;
                    }
                    i += len;
                }
                _ => return i.min(to),
            }
        }
    };
    split(s, from, to, word_end)
}

/// The tokens of `s[from..to]`, a word's end found by `word_end` from the byte after
/// its first character.
#[inline(always)]
fn split(s: &str, from: usize, to: usize, word_end: impl Fn(usize) -> usize) -> Vec<Token> {
    let b = &s.as_bytes()[..to];
    let mut out = Vec::with_capacity((to - from) / 4);
    let mut i = from;
    while let Some(&x) = b.get(i) {
        let start = i;
        let (kind, end) = if x < 0x80 {
            if x.is_ascii_whitespace() || x == 0x0b {
                i += 1;
                continue;
            }
            if x.is_ascii_alphabetic() {
                (Kind::Word, word_end(i + 1))
            } else if x.is_ascii_digit() {
                (Kind::Number, number_end(b, i + 1))
            } else {
                (Kind::Punct, i + 1)
            }
        } else {
            let (c, len) = char_at(s, i);
            if is_letter(c) {
                (Kind::Word, word_end(i + len))
            } else if c.is_whitespace() {
                i += len;
                continue;
            } else {
                (Kind::Punct, i + len)
            }
        };
        out.push(Token { kind, start, end });
        i = end;
    }
    out
}

/// For each byte of `b`, 0 when a word goes on over it whatever comes before (ASCII
/// letters and digits, bytes that continue a character, and first bytes that
/// [`surely_letter`] settles with the byte after), else 1; eight 1s of padding after.
/// One pass over byte pairs that the compiler vectorises.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn stops(b: &[u8]) -> Vec<u8> {
    let mut out = vec![1u8; b.len() + 8];
    let next = b.get(1..).unwrap_or_default();
    for ((m, &x), &y) in out.iter_mut().zip(b).zip(next) {
        *m = u8::from(!goes_on(x, y));
    }
    if let (Some(m), Some(&x)) = (
        b.len().checked_sub(1).and_then(|k| out.get_mut(k)),
        b.last(),
    ) {
        *m = u8::from(!goes_on(x, 0));
    }
    out
}

/// Whether a word goes on over byte `x`, followed by `y`: [`WORD_BYTE`] or
/// [`surely_letter`], written without branches.
#[inline(always)]
fn goes_on(x: u8, y: u8) -> bool {
    let alnum = (x.wrapping_sub(b'0') < 10) | ((x | 0x20).wrapping_sub(b'a') < 26);
    let cont = (0x80..=0xBF).contains(&x);
    let lead = (0xC4..=0xC9).contains(&x) | (x == 0xCC);
    let c3 = (x == 0xC3) & (y != 0x97) & (y != 0xB7);
    let ca = (x == 0xCA) & (y < 0xB9);
    let cd = (x == 0xCD) & (y < 0xB0);
    let e1 = (x == 0xE1) & (0xB8..=0xBB).contains(&y);
    alnum | cont | lead | c3 | ca | cd | e1
}

/// The character at byte `i` of `s` (a character boundary) and its length; ASCII
/// without decoding.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    let bytes = s.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    // Two- and three-byte sequences (all of Vietnamese) decoded by hand; `s` is valid UTF-8.
    if b & 0xE0 == 0xC0 && i + 1 < bytes.len() {
        let u = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
        return (char::from_u32(u).unwrap_or(' '), 2);
    }
    if b & 0xF0 == 0xE0 && i + 2 < bytes.len() {
        let u = ((b as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        return (char::from_u32(u).unwrap_or(' '), 3);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// Tokens over a text, with helpers to match words.
#[derive(Debug)]
pub struct Tokens<'a> {
    /// The text.
    pub s: &'a str,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// The [`word_key`] of each token, worked out when first asked for (0: not yet).
    keys: Vec<Cell<u64>>,
}

impl<'a> Tokens<'a> {
    /// Tokenises `s`.
    pub fn new(s: &'a str) -> Self {
        Self::range(s, 0, s.len())
    }

    /// Tokenises `s[from..to]`, keeping offsets into `s`; `from` and `to` are
    /// character boundaries, and `to` is the end of `s` or white space.
    pub fn range(s: &'a str, from: usize, to: usize) -> Self {
        let toks = tokenize_range(s, from, to);
        let keys = vec![Cell::new(0); toks.len()];
        Tokens { s, toks, keys }
    }

    /// The [`word_key`] of token `i` (0 past the end).
    pub fn key(&self, i: usize) -> u64 {
        let Some(cell) = self.keys.get(i) else {
            return 0;
        };
        match cell.get() {
            0 => {
                // A key of 0 would be worked out again each time: it is taken as 1.
                let k = word_key(self.text(i)).max(1);
                cell.set(k);
                k
            }
            k => k,
        }
    }

    /// Whether the words of a listed phrase stand at token `i`: their keys are
    /// compared, then the words themselves (keys are hashes).
    fn listed_at<T>(&self, i: usize, p: &Phrase<T>) -> bool {
        p.keys
            .iter()
            .enumerate()
            .all(|(n, &k)| self.key(i + n) == k.max(1))
            && self.phrase_at(i, p.text).is_some()
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.s[t.start..t.end])
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is the punctuation `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i) == p
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.text(i).starts_with(char::is_uppercase)
    }

    /// Whether the words of `phrase` stand at token `i` (folded comparison);
    /// returns the number of tokens matched.
    pub fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        // Phrases are words with single spaces between them.
        for w in phrase.split_ascii_whitespace() {
            let tok = self.toks.get(i + n)?;
            if tok.kind == Kind::Punct {
                if &self.s[tok.start..tok.end] != w {
                    return None;
                }
            } else if !same_word(&self.s[tok.start..tok.end], w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// The longest phrase of an indexed list standing at token `i`.
    pub fn longest<T: Copy>(
        &self,
        i: usize,
        list: &Phrases<T>,
    ) -> Option<(usize, &'static str, T)> {
        list.starting_with(self.key(i))
            .filter(|p| self.listed_at(i, p))
            .map(|p| (p.keys.len(), p.text, p.value))
            .max_by_key(|&(n, _, _)| n)
    }

    /// The longest phrase of an indexed list that ends just before token `k`.
    pub fn longest_ending<T: Copy>(
        &self,
        k: usize,
        list: &Phrases<T>,
    ) -> Option<(usize, &'static str, T)> {
        list.ending_with(self.key(k.checked_sub(1)?))
            .filter(|p| k >= p.keys.len() && self.listed_at(k - p.keys.len(), p))
            .map(|p| (p.keys.len(), p.text, p.value))
            .max_by_key(|&(n, _, _)| n)
    }

    /// Whether tokens `a` and `b` are separated by nothing but white space.
    pub fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    /// The index of the first token starting at or after byte `pos`.
    pub fn at_byte(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer with words measured a byte at a time ([`word_end`]): the
    /// reference for the map of stops.
    fn tokenize_by_bytes(s: &str) -> Vec<Token> {
        split(s, 0, s.len(), |i| word_end(s, i))
    }

    #[test]
    fn tokens_agree_with_the_byte_reference() {
        use crate::grammar::repo;
        let mut texts: Vec<String> = [
            repo::SAMPLE,
            "tests/spec/citations.json",
            "tests/spec/measures.json",
        ]
        .map(repo::read)
        .to_vec();
        // Every character up to U+FFFF inside, before and after words, and alone.
        let all: String = (0x80..=0xFFFFu32).filter_map(char::from_u32).collect();
        for c in all.chars() {
            texts.push(format!("ab{c}cd {c}x 1{c}2 Đ{c}ệ ×{c}"));
        }
        texts.push(all);
        texts.push("a".repeat(40) + "×" + &"ệ".repeat(30) + " 1.234,5 km2");
        assert!(texts[0].len() > 10_000);
        for t in &texts {
            assert_eq!(tokenize(t), tokenize_by_bytes(t), "{t:?}");
            // Ranges: every start at white space, to the end.
            for (k, _) in t.match_indices(' ').step_by(97) {
                let range = tokenize_range(t, k, t.len());
                let whole: Vec<Token> = tokenize_by_bytes(t)
                    .into_iter()
                    .filter(|x| x.start >= k)
                    .collect();
                assert_eq!(range, whole, "{t:?} from {k}");
            }
        }
    }

    #[test]
    fn letters_told_by_their_first_bytes_are_letters() {
        for c in ('\u{80}'..='\u{FFFF}').filter(|c| c.len_utf8() <= 3) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if surely_letter(b[0], b[1]) {
                assert!(is_letter(c), "U+{:04X}", c as u32);
            }
        }
        assert!(surely_letter(0xE1, 0xBB) && surely_letter(0xC4, 0x91));
    }

    #[test]
    fn splits_words_numbers_punctuation() {
        let t = Tokens::new("đạt 1.234,5 tỷ đồng; 63-KH/TU, Covid-19.");
        let texts: Vec<&str> = (0..t.toks.len()).map(|i| t.text(i)).collect();
        assert_eq!(
            texts,
            [
                "đạt", "1.234,5", "tỷ", "đồng", ";", "63", "-", "KH", "/", "TU", ",", "Covid", "-",
                "19", "."
            ]
        );
        assert_eq!(t.kind(1), Some(Kind::Number));
        assert_eq!(t.phrase_at(2, "tỷ đồng"), Some(2));
        assert!(t.adjacent(5, 6));
        assert!(!t.adjacent(0, 1));
    }
}
