//! Citations of other documents, anywhere in a text.
//!
//! ```text
//! citation       = numbered-ref / named-ref / standard
//! numbered-ref   = KIND [ "số" ] symbol [ [","] "ngày" date ] [ "của" body ] *listed
//! listed         = ( "," / ";" / "và" ) [ "số" ] symbol [ [","] "ngày" date ] [ "của" body ]
//!                                                           ; same type code, same kind
//! symbol         = party-symbol / state-symbol
//! party-symbol   = number "-" type "/" issuer-code          ; "63-KH/TU", "08-QĐi/TW", "45-TTr/ĐU"
//! state-symbol   = number "/" [ year "/" ] ( type "-" issuer-code / issuer-code )
//!                                                           ; "30/2020/NĐ-CP", "1234/QĐ-UBND", "30/2021/QH15"
//! type           = upper *( upper / lower )                 ; Unicode case: "QĐ", "CTr", "QĐi"
//! issuer-code    = upper *( upper / lower / digit )         ; "TW", "ĐU", "BGDĐT", "TTg"
//! standard       = ( "QCVN" / "TCVN" ) ws digit *( digit / "-" / ":" / "." ) [ "/" issuer-code ]
//! named-ref      = KIND name [ "của" body ]                 ; "Nghị quyết Đại hội XIII của Đảng"
//!                                                           ; KIND opens with an ASCII capital or "Đ"
//! name           = ( "Đại hội" / "Trung ương" / "Hội nghị" ) body-words
//!                / free-words                               ; after "Quy hoạch", "Luật"
//! body           = capitalised-word *( body-word )          ; C4, see `body_name`
//! implements     = citation [ opener ] "thực hiện" citation *( ( "và" / "," ) citation )
//!                                                           ; opener: "nhằm", "để", "về", "tiếp tục", …
//! ```

use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, space1};
use nom::combinator::{opt, recognize, verify};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

use super::date::{ngay_date, Date};
use super::lexicon::{
    body_name_words, implements_openers, kind_heads, kinds, name_stop_words, same_word, term_words,
    word_key, KINDS, LOWERCASE_NAMED_KINDS,
};
use super::tokens::{char_at, is_letter, word_end, Kind, Tokens};
use super::Ctx;
use crate::model::Citation;
use crate::text::Text;

/// A document symbol as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbol<'a> {
    /// The whole symbol.
    pub text: &'a str,
    /// The number (C1).
    pub number: &'a str,
    /// The type code, when the symbol has one.
    pub type_code: Option<&'a str>,
}

fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

fn digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

// type = upper *( upper / lower )
fn type_code(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        verify(nom::character::complete::anychar, |c| is_upper(*c)),
        nom::bytes::complete::take_while(char::is_alphabetic),
    ))
    .parse(i)
}

// issuer-code = upper *( upper / lower / digit )
fn issuer_code(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        verify(nom::character::complete::anychar, |c| is_upper(*c)),
        nom::bytes::complete::take_while(char::is_alphanumeric),
    ))
    .parse(i)
}

// party-symbol = number "-" type "/" issuer-code
fn party_symbol(i: &str) -> IResult<&str, Symbol<'_>> {
    let (rest, (number, _, ty, _, _)) =
        (digits, char('-'), type_code, char('/'), issuer_code).parse(i)?;
    let text = &i[..i.len() - rest.len()];
    Ok((
        rest,
        Symbol {
            text,
            number,
            type_code: Some(ty),
        },
    ))
}

// state-symbol = number "/" [ year "/" ] ( type "-" issuer-code / issuer-code )
fn state_symbol(i: &str) -> IResult<&str, Symbol<'_>> {
    let (rest, number) = terminated(digits, char('/')).parse(i)?;
    let (rest, _) = opt(terminated(
        verify(digits, |y: &str| y.len() == 4),
        char('/'),
    ))
    .parse(rest)?;
    let (rest, ty) = nom::branch::alt((
        nom::combinator::map(terminated(type_code, char('-')), Some),
        nom::combinator::success(None),
    ))
    .parse(rest)?;
    let (rest, _) =
        recognize(pair(issuer_code, opt(preceded(char('-'), issuer_code)))).parse(rest)?;
    let text = &i[..i.len() - rest.len()];
    Ok((
        rest,
        Symbol {
            text,
            number,
            type_code: ty,
        },
    ))
}

/// symbol = party-symbol / state-symbol, not followed by a letter or digit.
pub fn symbol(i: &str) -> IResult<&str, Symbol<'_>> {
    // Both forms open with digits and "-" or "/": other text is turned away at once.
    let b = i.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || !matches!(b.get(digits), Some(b'-' | b'/')) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, s) = nom::branch::alt((party_symbol, state_symbol)).parse(i)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, s))
}

// standard = ( "QCVN" / "TCVN" ) ws digit *( digit / "-" / ":" / "." ) [ "/" issuer-code ]
fn standard(i: &str) -> IResult<&str, (&str, &str, &str)> {
    let (rest, kind) = terminated(nom::branch::alt((tag("QCVN"), tag("TCVN"))), space1).parse(i)?;
    let (_, number) = recognize(pair(
        digits,
        nom::bytes::complete::take_while(|c: char| {
            c.is_ascii_digit() || c == '-' || c == ':' || (c == '.')
        }),
    ))
    .parse(rest)?;
    let number = number.trim_end_matches(['.', '-', ':']);
    let after = &rest[number.len()..];
    let (after2, _) = opt(preceded(char('/'), issuer_code)).parse(after)?;
    let _ = after;
    let designation = &i[..i.len() - after2.len()];
    Ok((after2, (kind, number, designation)))
}

/// A citation found in a text, with its extent in tokens and bytes; its span and
/// text are set when it is recorded.
struct Found {
    citation: Citation,
    first: usize,
    /// One past the last token of the citation, issuer included.
    last: usize,
    /// Byte offsets of the citation in the logical text.
    start: usize,
    end: usize,
}

/// Reads every citation of a logical text, in order; returns their indices in the document.
pub fn scan(ctx: &mut Ctx, t: &Text) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stretches = windows(&t.s).into_iter().peekable();
    while let Some((from, mut to)) = stretches.next() {
        loop {
            while let Some(&(next_from, next_to)) = stretches.peek() {
                if next_from > to {
                    break;
                }
                to = to.max(next_to);
                stretches.next();
            }
            let toks = Tokens::range(&t.s, from, to);
            let diagnostics = ctx.diagnostics.len();
            let found = find(ctx, t, &toks);
            // A citation that reaches the last tokens of its stretch may go on past it,
            // or implement one that starts there: the stretch is read again, longer.
            let cut = to < t.s.len()
                && found
                    .last()
                    .is_some_and(|f| f.last + CUT_TOKENS > toks.toks.len());
            if !cut {
                commit(ctx, t, found, &mut out);
                break;
            }
            ctx.diagnostics.truncate(diagnostics);
            to = stretch_end(t.s.as_bytes(), to + (to - from).max(CITATION_REACH));
        }
    }
    out
}

/// A citation that ends this close to the end of its stretch (in tokens) may have been
/// cut: enough for "nhằm thực hiện" and the start of the next citation.
const CUT_TOKENS: usize = 8;

/// The citations of one stretch of tokens, not yet recorded.
fn find(ctx: &mut Ctx, t: &Text, toks: &Tokens) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.toks.len() {
        match citation_at(ctx, t, toks, i) {
            Some(f) => {
                i = f.last.max(i + 1);
                let group = found.len();
                found.push(f);
                while let Some(next) = found.last().and_then(|f| listed_after(ctx, t, toks, f)) {
                    i = next.last.max(i + 1);
                    found.push(next);
                }
                share_issuer(&mut found[group..]);
            }
            None => i += 1,
        }
    }
    link_implements(toks, &mut found);
    found
}

/// Records citations in the document, but those of the document itself
/// ([`Ctx::is_own`]); their indices go to `out`.
fn commit(ctx: &mut Ctx, t: &Text, found: Vec<Found>, out: &mut Vec<usize>) {
    // Where each found citation goes in the document, if it does.
    let mut next = ctx.citations.len();
    let index: Vec<Option<usize>> = found
        .iter()
        .map(|f| {
            (!ctx.is_own(&f.citation)).then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    for (k, mut f) in found.into_iter().enumerate() {
        let Some(at) = index[k] else {
            continue;
        };
        set_extent(ctx, t, &mut f.citation, f.start, f.end);
        let implements = std::mem::take(&mut f.citation.implements);
        f.citation.implements = implements
            .into_iter()
            .filter_map(|x| index.get(x).copied().flatten())
            .collect();
        ctx.citations.push(f.citation);
        out.push(at);
    }
}

/// The end of a stretch that reaches at least to byte `reach`: the next space, or the end.
fn stretch_end(b: &[u8], reach: usize) -> usize {
    let reach = reach.min(b.len());
    b[reach..]
        .iter()
        .position(|&c| c == b' ')
        .map_or(b.len(), |p| reach + p)
}

/// How far before its symbol a numbered reference may start ("chương trình hành động
/// số 12-CTr/TU"), in bytes.
const KIND_REACH: usize = 64;

/// How far after a symbol's number, or a named reference's kind word, a citation is
/// first looked for, in bytes: a symbol, a date, an issuer and the start of the next
/// citation it implements. A stretch is read again, longer, when a citation reaches
/// its end; what must fit at first is a symbol, or a kind phrase with a name opener.
const CITATION_REACH: usize = 160;

/// The stretches of `s` that may hold citations, found without tokenising it: one
/// around every symbol (digits, then "-" or "/" and a capital letter, or "/" and a
/// year — every numbered reference and standard has one), from [`KIND_REACH`] bytes
/// before its number to [`CITATION_REACH`] after, and one after every word that opens
/// with an ASCII capital or "Đ" and can open a named reference or a standard
/// ([`capitalised_kind_at`]); overlapping stretches merged. Each starts after a space
/// or at 0 and ends at a space or at the end, so that no token is cut.
fn windows(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    // Where each stretch starts, and the place its reach is counted from.
    let mut starts: Vec<(usize, usize)> = Vec::new();
    candidates(b, |i| {
        // A space before a dash or slash: the number of a spaced symbol ("12 - NQ/TW")
        // may end a space or two before it.
        let i = if b[i] == b' ' {
            match (1..=2).map(|k| i.saturating_sub(k)).find(|&k| b[k] != b' ') {
                Some(k) if k < i && b[k].is_ascii_digit() => k,
                _ => return,
            }
        } else {
            i
        };
        if b[i].is_ascii_digit() {
            if is_symbol_at(s, i) {
                let run = b[..i]
                    .iter()
                    .rposition(|c| !c.is_ascii_digit())
                    .map_or(0, |p| p + 1);
                starts.push((run.saturating_sub(KIND_REACH), run));
            }
        } else if !letter_before(s, i) && capitalised_kind_at(s, i) {
            starts.push((i, i));
        }
    });
    if starts.is_empty() {
        return Vec::new();
    }
    starts.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (from, anchor) in starts {
        let start = b[..from]
            .iter()
            .rposition(|&c| c == b' ')
            .map_or(0, |p| p + 1);
        let end = stretch_end(b, anchor + CITATION_REACH);
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Calls `f` with the byte offsets, in order, of every ASCII capital, every "Đ" and
/// every digit or space followed by "-" or "/": the places a citation can be seen from.
fn candidates(b: &[u8], f: impl FnMut(usize)) {
    crate::text::marked(b, mark, f);
}

/// Marks with 1 the bytes of `block` (all but its last) where a citation can be seen
/// from; vectorised, with AVX2 where the CPU has it.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn mark(block: &[u8], marks: &mut [u8]) {
    for ((m, &x), &y) in marks.iter_mut().zip(block).zip(&block[1..]) {
        *m = u8::from(hit(x, y));
    }
}

#[inline(always)]
fn hit(x: u8, y: u8) -> bool {
    x.is_ascii_uppercase()
        | ((x == 0xC4) & (y == 0x90))
        | (x.is_ascii_digit() & ((y == b'-') | (y == b'/')))
        | ((x == b' ') & ((y == b'-') | (y == b'/')))
}

/// Whether the character before byte `i` is a letter (then `i` is inside a word).
fn letter_before(s: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|k| s.as_bytes()[k]) {
        None => false,
        // ASCII is told from its byte; only a character of several bytes is decoded.
        Some(x) if x < 0x80 => x.is_ascii_alphabetic(),
        Some(_) => s[..i].chars().next_back().is_some_and(is_letter),
    }
}

/// Whether the digit at byte `i` ends a run of digits that a symbol goes on from:
/// "-" or "/" then a capital letter ("63-KH/TU", "1234/QĐ-UBND"), also with a space or
/// two around the dash or slash ("12 - NQ/TW"), or "/", a year and "/"
/// ("30/2020/NĐ-CP").
fn is_symbol_at(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let capital_at =
        |k: usize| k < b.len() && s.is_char_boundary(k) && char_at(s, k).0.is_uppercase();
    // "12 - NQ/TW": spaces around the dash or slash (see [`spaced_symbol`]).
    let spaces = |k: usize| {
        b.get(k..)
            .map_or(0, |r| r.iter().take(2).take_while(|&&c| c == b' ').count())
    };
    let k = i + 1 + spaces(i + 1);
    if !matches!(b.get(k), Some(b'-' | b'/')) {
        return false;
    }
    if capital_at(k + 1 + spaces(k + 1)) {
        return true;
    }
    // "30/2020/NĐ-CP": a year between two slashes.
    b.get(i + 1) == Some(&b'/')
        && b.get(i + 2..i + 6)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && b.get(i + 6) == Some(&b'/')
        && capital_at(i + 7)
}

/// Whether the word at byte `i` opens a standard, or a kind phrase that can open a
/// named reference: a name opener after it ("Nghị quyết Đại hội …", "Kết luận Hội nghị
/// Trung ương …"), or a kind that takes a free name ("Quy hoạch …", "Luật …"). A kind
/// phrase with a symbol is found from its symbol's stretch, which reaches back
/// [`KIND_REACH`] bytes; "Công tác", "Chỉ đạo", "Nghị quyết này" open no stretch.
fn capitalised_kind_at(s: &str, i: usize) -> bool {
    // A word folds its first ASCII letter to lowercase only: most capitals are passed
    // over by their initial.
    if let Some(&x) = s.as_bytes().get(i).filter(|x| x.is_ascii_uppercase()) {
        if x != b'Q' && x != b'T' && !kind_initial(x.to_ascii_lowercase()) {
            return false;
        }
    }
    let rest = &s[i..];
    if rest.starts_with("QCVN") || rest.starts_with("TCVN") {
        return word_end(rest, 0) == 4;
    }
    if !kind_heads().may_open(rest) {
        return false;
    }
    // The keys of the words from here on, while only spaces part them, worked out as
    // they are asked for: enough for the longest kind phrase and a name opener.
    let mut words = words_from(rest);
    let (mut keys, mut known) = ([0u64; 8], 0);
    let mut key = |n: usize| -> Option<u64> {
        while known <= n {
            *keys.get_mut(known)? = word_key(words.next()?);
            known += 1;
        }
        keys.get(n).copied()
    };
    let Some(first) = key(0) else {
        return false;
    };
    let phrase = kinds()
        .starting_with(first)
        .filter(|p| (1..p.keys.len()).all(|n| key(n) == p.keys.get(n).copied()))
        .max_by_key(|p| p.keys.len());
    let Some(p) = phrase else {
        return false;
    };
    if LOWERCASE_NAMED_KINDS.contains(&p.text) {
        return true;
    }
    let after = p.keys.len();
    NAME_OPENER_KEYS
        .iter()
        .any(|&(a, b)| key(after) == Some(a) && key(after + 1) == Some(b))
}

/// The words of `s` from its start, while only spaces part them.
fn words_from(s: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let b = s.as_bytes();
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        let end = word_end(s, i);
        let w = s.get(i..end).filter(|w| !w.is_empty())?;
        i = end;
        Some(w)
    })
}

/// Whether some kind phrase starts with the ASCII letter `x`.
fn kind_initial(x: u8) -> bool {
    static INITIALS: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    let mask = INITIALS.get_or_init(|| {
        KINDS
            .iter()
            .filter_map(|(k, _)| k.bytes().next())
            .filter(u8::is_ascii)
            .fold(0u128, |m, c| m | 1 << c)
    });
    x.is_ascii() && mask & (1 << x) != 0
}

/// A symbol typed or extracted with spaces around its dashes and slashes ("12 - NQ/TW",
/// "1234 / QĐ - UBND"), read without them: the symbol as read, its number, its type
/// code, and how many bytes of `s` it takes. `None` when there is no such space.
pub fn spaced_symbol(s: &str) -> Option<(String, String, Option<String>, usize)> {
    // Digits first, and a space beside a dash or slash soon after: other text is
    // turned away without building anything.
    let b = s.as_bytes();
    let head = &b[..b.len().min(24)];
    let spaced_mark = head
        .windows(2)
        .any(|w| matches!(w, [b' ', b'-' | b'/'] | [b'-' | b'/', b' ']));
    if !b.first().is_some_and(u8::is_ascii_digit) || !spaced_mark {
        return None;
    }
    let mut compact = String::new();
    // The byte of `s` just past each character of `compact`.
    let mut ends: Vec<usize> = Vec::new();
    let mut spaced = false;
    for (i, c) in s.char_indices().take(40) {
        if c == ' ' {
            let before = compact.ends_with(['-', '/']);
            let after = s[i..].trim_start_matches(' ').starts_with(['-', '/']);
            if !(before || after) {
                break;
            }
            spaced = true;
            continue;
        }
        compact.push(c);
        ends.extend(std::iter::repeat_n(i + c.len_utf8(), c.len_utf8()));
    }
    if !spaced {
        return None;
    }
    let (rest, sym) = symbol(&compact).ok()?;
    let used = compact.len() - rest.len();
    let end = *ends.get(used.checked_sub(1)?)?;
    // Only spaces that stand inside the symbol count.
    if !s[..end].contains(' ') {
        return None;
    }
    Some((
        sym.text.to_string(),
        sym.number.to_string(),
        sym.type_code.map(str::to_string),
        end,
    ))
}

// citation = numbered-ref / named-ref / standard
fn citation_at(ctx: &mut Ctx, t: &Text, toks: &Tokens, i: usize) -> Option<Found> {
    let tok = toks.toks[i];
    if tok.kind != Kind::Word {
        return None;
    }
    // A lowercase kind word can only open a numbered reference ("nghị quyết số 12-NQ/TW"):
    // without a number close after it, most words are passed over without a lookup.
    let number_near = || {
        toks.toks
            .get(i + 1..(i + 6).min(toks.toks.len()))
            .is_some_and(|next| next.iter().any(|t| t.kind == Kind::Number))
    };
    let lowercase = match t.s.as_bytes()[tok.start] {
        x if x < 0x80 => x.is_ascii_lowercase(),
        _ => t.s[tok.start..].starts_with(char::is_lowercase),
    };
    if lowercase && !number_near() {
        return None;
    }
    let word = toks.text(i);
    if word == "QCVN" || word == "TCVN" {
        let (_, (kind, number, designation)) = standard(&t.s[tok.start..]).ok()?;
        let end = tok.start + designation.len();
        return Some(found(
            toks,
            i,
            end,
            base_citation(
                Some(kind),
                kind.to_string(),
                Some(number),
                Some(designation),
            ),
        ));
    }
    if !kind_heads().may_open(word) {
        return None;
    }
    let (n, phrase, code) = toks.longest(i, kinds())?;
    let kind_text = &t.s[tok.start..toks.toks[i + n - 1].end];
    let mut j = i + n;
    if toks.phrase_at(j, "số").is_some() {
        j += 1;
    }
    if let Some(sym_tok) = toks.toks.get(j) {
        let at = &t.s[sym_tok.start..];
        let strict = symbol(at).ok().map(|(_, sym)| sym);
        // A symbol with spaces around a dash or slash, read further than the strict
        // parse stops ("1234/QĐ - UBND"), is read without them.
        let spaced = spaced_symbol(at).filter(|sp| strict.is_none_or(|sym| sp.3 > sym.text.len()));
        if let Some((text, number, _, len)) = spaced {
            let c = base_citation(code, kind_text.to_string(), Some(&number), Some(&text));
            let mut f = found(toks, i, sym_tok.start + len, c);
            tail_of_citation(ctx, t, toks, &mut f);
            return Some(f);
        }
        if let Some(sym) = strict {
            // C2: the kind word decides; kinds without an official code stay null.
            let c = base_citation(
                code,
                kind_text.to_string(),
                Some(sym.number),
                Some(sym.text),
            );
            let end = sym_tok.start + sym.text.len();
            let mut f = found(toks, i, end, c);
            tail_of_citation(ctx, t, toks, &mut f);
            return Some(f);
        }
    }
    named_ref(t, toks, i, n, phrase, code, kind_text)
}

fn base_citation(
    kind: Option<&str>,
    kind_text: String,
    number: Option<&str>,
    symbol: Option<&str>,
) -> Citation {
    Citation {
        kind: kind.map(str::to_string),
        kind_text,
        number: number.map(str::to_string),
        symbol: symbol.map(str::to_string),
        date: None,
        issuer: None,
        name: None,
        implements: Vec::new(),
        text: String::new(),
        span: Default::default(),
    }
}

fn found(toks: &Tokens, first: usize, end_byte: usize, citation: Citation) -> Found {
    Found {
        citation,
        first,
        last: toks.at_byte(end_byte),
        start: toks.toks[first].start,
        end: end_byte,
    }
}

fn set_extent(ctx: &Ctx, t: &Text, c: &mut Citation, start: usize, end: usize) {
    c.span = ctx.text_span(t, start, end);
    c.text = ctx
        .src
        .original()
        .get(c.span.start..c.span.end)
        .unwrap_or_default()
        .to_string();
}

/// After the symbol: `[ [","] "ngày" date ] [ "của" body ]`.
// listed = ( "," / ";" / "và" ) [ "số" ] symbol  — one kind word, several documents:
//          "các Nghị quyết số 12-NQ/TW, 13-NQ/TW", "Chỉ thị số 05-CT/TW và số 07-CT/TW"
/// The document listed right after citation `prev` under its kind word: a symbol of
/// the same type code after a comma, a semicolon or "và" (and an optional "số").
fn listed_after(ctx: &mut Ctx, t: &Text, toks: &Tokens, prev: &Found) -> Option<Found> {
    let code = symbol(prev.citation.symbol.as_deref()?).ok()?.1.type_code?;
    let mut j = prev.last;
    if !(toks.is_punct(j, ",") || toks.is_punct(j, ";") || toks.phrase_at(j, "và").is_some()) {
        return None;
    }
    j += 1;
    let first = j;
    if toks.phrase_at(j, "số").is_some() {
        j += 1;
    }
    let tok = toks.toks.get(j)?;
    let (_, sym) = symbol(&t.s[tok.start..]).ok()?;
    if sym.type_code != Some(code) {
        return None;
    }
    let c = base_citation(
        prev.citation.kind.as_deref(),
        prev.citation.kind_text.clone(),
        Some(sym.number),
        Some(sym.text),
    );
    let mut f = found(toks, first, tok.start + sym.text.len(), c);
    tail_of_citation(ctx, t, toks, &mut f);
    Some(f)
}

/// The issuer named after the last document of a list is every listed document's
/// that names none ("các Nghị quyết số 12-NQ/TW, 13-NQ/TW của Bộ Chính trị").
fn share_issuer(group: &mut [Found]) {
    let Some(issuer) = group.last().and_then(|f| f.citation.issuer.clone()) else {
        return;
    };
    for f in group.iter_mut().filter(|f| f.citation.issuer.is_none()) {
        f.citation.issuer = Some(issuer.clone());
    }
}

fn tail_of_citation(ctx: &mut Ctx, t: &Text, toks: &Tokens, f: &mut Found) {
    let mut j = f.last;
    if toks.is_punct(j, ",") && toks.phrase_at(j + 1, "ngày").is_some() {
        j += 1;
    }
    if toks.phrase_at(j, "ngày").is_some() {
        let at = toks.toks[j].start;
        if let Ok((rest, d)) = ngay_date(&t.s[at..]) {
            let end = t.s.len() - rest.len();
            set_date(ctx, t, f, d, toks.toks[j + 1].start, end);
            j = toks.at_byte(end);
            extend(toks, f, j);
        }
    }
    if toks.phrase_at(j, "của").is_some() {
        if let Some(e) = body_name(toks, j + 1) {
            let start = toks.toks[j + 1].start;
            let end = toks.toks[e - 1].end;
            f.citation.issuer = Some(t.s[start..end].to_string());
            extend(toks, f, e);
        }
    }
}

fn set_date(ctx: &mut Ctx, t: &Text, f: &mut Found, d: Date, start: usize, end: usize) {
    match d.iso() {
        Some(iso) => f.citation.date = Some(iso),
        None => {
            let (a, b) = t.norm_range(start, end);
            ctx.warn(
                a,
                b,
                format!(
                    "the date {}/{}/{} does not exist; left null",
                    d.day, d.month, d.year
                ),
            );
        }
    }
}

fn extend(toks: &Tokens, f: &mut Found, last: usize) {
    if last > f.last && last > 0 {
        f.last = last;
        f.end = toks.toks[last - 1].end;
    }
}

/// Words that open a plenum or congress name after a kind word (C5).
const NAME_OPENERS: &[&str] = &["đại hội", "trung ương", "hội nghị"];

/// The keys of the two words of each of [`NAME_OPENERS`].
static NAME_OPENER_KEYS: std::sync::LazyLock<Vec<(u64, u64)>> = std::sync::LazyLock::new(|| {
    NAME_OPENERS
        .iter()
        .filter_map(|o| {
            let mut w = o.split(' ').map(word_key);
            Some((w.next()?, w.next()?))
        })
        .collect()
});

// named-ref = KIND name [ "của" body ]
fn named_ref(
    t: &Text,
    toks: &Tokens,
    i: usize,
    n: usize,
    phrase: &str,
    code: Option<&str>,
    kind_text: &str,
) -> Option<Found> {
    let j = i + n;
    let free = LOWERCASE_NAMED_KINDS.contains(&phrase);
    // Named references open with an ASCII capital or "Đ" (what `windows` looks for).
    if !toks
        .text(i)
        .starts_with(|c: char| c.is_ascii_uppercase() || c == 'Đ')
    {
        return None;
    }
    let end = if free {
        free_name(toks, j)?
    } else {
        if !NAME_OPENERS.iter().any(|o| toks.phrase_at(j, o).is_some()) {
            return None;
        }
        body_name(toks, j)?
    };
    let c = base_citation(code, kind_text.to_string(), None, None);
    let mut f = found(toks, i, toks.toks[end - 1].end, c);
    if !free && toks.phrase_at(end, "của").is_some() {
        if let Some(e) = body_name(toks, end + 1) {
            f.citation.issuer =
                Some(t.s[toks.toks[end + 1].start..toks.toks[e - 1].end].to_string());
            extend(toks, &mut f, e);
        }
    }
    let name_start = toks.toks[j].start;
    let name_end = toks.toks[f.last - 1].end;
    f.citation.name = Some(t.s[name_start..name_end].to_string());
    Some(f)
}

/// Words of a free name ("Quy hoạch tỉnh thời kỳ 2021-2030", "Luật Đất đai năm 2024"):
/// up to punctuation or a word that starts a new clause.
fn free_name(toks: &Tokens, j: usize) -> Option<usize> {
    const STOPS: &[&str] = &[
        "về", "được", "đã", "và", "của", "để", "theo", "trong", "tại", "nhằm", "thực", "là", "có",
        "sẽ", "đang", "với", "trên", "cho", "này", "đó", "bảo", "làm",
    ];
    let mut k = j;
    while k < toks.toks.len() && k < j + 12 {
        match toks.kind(k) {
            Some(Kind::Word) if STOPS.iter().any(|s| same_word(toks.text(k), s)) => break,
            Some(Kind::Word | Kind::Number) => k += 1,
            Some(Kind::Punct)
                if toks.text(k) == "-" && toks.adjacent(k - 1, k) && toks.adjacent(k, k + 1) =>
            {
                k += 1
            }
            _ => break,
        }
    }
    (k > j).then_some(k)
}

/// body = capitalised-word *( body-word ): the name of a body after "của" (C4).
///
/// A capitalised syllable may take the lowercase syllable after it ("Giáo dục",
/// "Tỉnh ủy"), [`BODY_NAME_WORDS`](super::lexicon::BODY_NAME_WORDS) extend a name anywhere ("nhân dân tỉnh"),
/// a term ("khóa XI, XII", "lần thứ XXV") and a plenum number ("Trung ương 8") belong
/// to it, and "và" or "-" join two capitalised parts ("Giáo dục và Đào tạo").
/// Returns one past its last token.
pub fn body_name(toks: &Tokens, j: usize) -> Option<usize> {
    if !toks.is_capitalised(j) {
        return None;
    }
    let mut k = j;
    let mut after_cap = false;
    while k < toks.toks.len() {
        let here = toks.kind(k);
        if here == Some(Kind::Word) && toks.is_capitalised(k) {
            k += 1;
            after_cap = true;
            continue;
        }
        if here == Some(Kind::Word) {
            if let Some(m) = toks.longest(k, term_words()).map(|(m, _, _)| m) {
                if let Some(e) = term(toks, k + m) {
                    k = e;
                    after_cap = false;
                    // A second term after a comma: "lần thứ XX, nhiệm kỳ 2020 - 2025".
                    if toks.is_punct(k, ",") && toks.longest(k + 1, term_words()).is_some() {
                        k += 1;
                    }
                    continue;
                }
            }
            if let Some((m, _, _)) = toks.longest(k, body_name_words()) {
                k += m;
                after_cap = false;
                continue;
            }
            if same_word(toks.text(k), "và") {
                if toks.is_capitalised(k + 1) && toks.longest(k + 1, kinds()).is_none() {
                    k += 1;
                    continue;
                }
                break;
            }
            if after_cap && toks.longest(k, name_stop_words()).is_none() {
                k += 1;
                after_cap = false;
                continue;
            }
            break;
        }
        if here == Some(Kind::Number)
            && toks.text(k).len() <= 2
            && k > j
            && same_word(toks.text(k - 1), "ương")
        {
            k += 1;
            after_cap = false;
            continue;
        }
        if here == Some(Kind::Punct) && toks.text(k) == "-" && toks.is_capitalised(k + 1) {
            k += 1;
            continue;
        }
        // A term in parentheses: "Ban Chấp hành Trung ương Đảng (khóa X)".
        if here == Some(Kind::Punct) && toks.text(k) == "(" && k > j {
            let closed = toks
                .longest(k + 1, term_words())
                .and_then(|(m, _, _)| term(toks, k + 1 + m))
                .filter(|&e| toks.is_punct(e, ")"));
            if let Some(e) = closed {
                k = e + 1;
                after_cap = false;
                continue;
            }
        }
        break;
    }
    (k > j).then_some(k)
}

/// A term after "khóa" / "lần thứ" / "nhiệm kỳ": romans or words, commas between romans.
fn term(toks: &Tokens, k: usize) -> Option<usize> {
    let roman = |i: usize| {
        toks.kind(i) == Some(Kind::Word)
            && super::line::roman(toks.text(i)).is_ok_and(|(r, _)| r.is_empty())
    };
    let mut e = k;
    match toks.kind(k) {
        Some(Kind::Number) => {
            // "nhiệm kỳ 2020-2025"
            e += 1;
            if toks.is_punct(e, "-") && toks.kind(e + 1) == Some(Kind::Number) {
                e += 2;
            }
            return Some(e);
        }
        Some(Kind::Word) if roman(k) || toks.is_capitalised(k) => e += 1,
        Some(Kind::Word) => {
            // "lần thứ mười lăm"
            e += 1;
            return Some(e);
        }
        _ => return None,
    }
    while toks.is_punct(e, ",") && roman(e + 1) {
        e += 2;
    }
    Some(e)
}

/// implements = citation [ opener ] "thực hiện" citation *( ( "và" / "," ) citation ),
/// an opener one of [`IMPLEMENTS_OPENERS`](super::lexicon::IMPLEMENTS_OPENERS)
fn link_implements(toks: &Tokens, found: &mut [Found]) {
    for k in 0..found.len() {
        let mut j = found[k].last;
        if let Some(m) = toks.longest(j, implements_openers()).map(|(m, _, _)| m) {
            j += m;
        }
        let Some(m) = toks.phrase_at(j, "thực hiện") else {
            continue;
        };
        j += m;
        let mut next = k + 1;
        while next < found.len() && found[next].first == j {
            found[k].citation.implements.push(next);
            j = found[next].last;
            if toks.phrase_at(j, "và").is_some() || toks.is_punct(j, ",") {
                j += 1;
            } else {
                break;
            }
            next += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Source;

    /// Every text the repository holds, as lines and as whole files with their lines
    /// joined, and some joined end to end so that stretches merge and part.
    fn texts() -> Vec<String> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files = Vec::new();
        for dir in ["seeds", "tests/fixtures", "tests/spec/structure"] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    files.push(std::fs::read_to_string(e.path()).unwrap_or_default());
                }
            }
        }
        for name in ["citations", "measures"] {
            let json = crate::grammar::repo::read(&format!("tests/spec/{name}.json"));
            let cases: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap_or_default();
            let inputs: Vec<String> = cases
                .iter()
                .filter_map(|c| c["input"].as_str().map(str::to_string))
                .collect();
            files.push(inputs.join(" "));
            files.extend(inputs);
        }
        assert!(files.len() > 100, "the test texts were not found");
        let mut out = Vec::new();
        for f in &files {
            out.extend(f.lines().map(str::to_string));
            out.push(f.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        out
    }

    /// Symbols with spaces around their dashes and slashes, read without them.
    #[test]
    fn spaced_symbols() {
        let read = |s: &str| spaced_symbol(s).map(|(text, number, _, len)| (text, number, len));
        let r = |t: &str, n: &str, len: usize| Some((t.to_string(), n.to_string(), len));
        assert_eq!(read("12 - NQ/TW ngày"), r("12-NQ/TW", "12", 10));
        assert_eq!(read("1234 / QĐ - UBND."), r("1234/QĐ-UBND", "1234", 17));
        assert_eq!(read("1234/QĐ - UBND."), r("1234/QĐ-UBND", "1234", 15));
        assert_eq!(read("15-NQ / TU"), r("15-NQ/TU", "15", 10));
        assert_eq!(read("12-NQ/TW"), None);
        assert_eq!(read("12 - 15 đạt"), None);
        assert_eq!(read("kinh tế - xã hội"), None);
    }

    /// Several documents under one kind word; the issuer after the last is shared.
    #[test]
    fn documents_listed_under_one_kind() {
        type Row = (
            Option<String>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let cites = |s: &str| -> Vec<Row> {
            crate::parse(s)
                .citations
                .into_iter()
                .map(|c| (c.kind, c.symbol, c.date, c.issuer))
                .collect()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            cites("Thực hiện các Nghị quyết số 12-NQ/TW, 13-NQ/TW của Bộ Chính trị."),
            [
                (s("NQ"), s("12-NQ/TW"), None, s("Bộ Chính trị")),
                (s("NQ"), s("13-NQ/TW"), None, s("Bộ Chính trị")),
            ]
        );
        assert_eq!(
            cites("Chỉ thị số 05-CT/TW ngày 2/3/2016 và số 07-CT/TW ngày 5/4/2017 của Ban Bí thư; Quyết định số 1234/QĐ-UBND, 1235/QĐ-UBND."),
            [
                (s("CT"), s("05-CT/TW"), s("2016-03-02"), s("Ban Bí thư")),
                (s("CT"), s("07-CT/TW"), s("2017-04-05"), s("Ban Bí thư")),
                (s("QĐ"), s("1234/QĐ-UBND"), None, None),
                (s("QĐ"), s("1235/QĐ-UBND"), None, None),
            ]
        );
        // Another type code is another kind: not listed under the first.
        assert_eq!(cites("Nghị quyết số 12-NQ/TW, 05-CT/TW.").len(), 1);
        let tb = crate::parse("Theo Thông báo kết luận số 34-TB/TW của Ban Bí thư.");
        assert_eq!(
            (
                tb.citations[0].kind.as_deref(),
                tb.citations[0].kind_text.as_str()
            ),
            (Some("TB"), "Thông báo kết luận")
        );
    }

    #[test]
    fn stretches_find_what_the_whole_text_holds() {
        let mut total = 0;
        for text in texts() {
            let src = Source::new(&text);
            let mut t = Text::default();
            t.push_clean(src.text(), 0, src.text().len());
            let mut a = Ctx::new(&src);
            let mut b = Ctx::new(&src);
            let ia = scan(&mut a, &t);
            let mut ib = Vec::new();
            let whole = find(&mut b, &t, &Tokens::new(&t.s));
            commit(&mut b, &t, whole, &mut ib);
            assert_eq!(a.citations, b.citations, "{text}");
            assert_eq!(a.diagnostics, b.diagnostics, "{text}");
            assert_eq!(ia, ib);
            total += a.citations.len();
        }
        assert!(total > 300, "only {total} citations");
    }

    #[test]
    fn symbols() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            ("63-KH/TU ngày", "63-KH/TU", "63", Some("KH")),
            ("08-QĐi/TW", "08-QĐi/TW", "08", Some("QĐi")),
            ("45-TTr/ĐU,", "45-TTr/ĐU", "45", Some("TTr")),
            ("125-HD/BTGTW", "125-HD/BTGTW", "125", Some("HD")),
            ("30/2020/NĐ-CP ngày", "30/2020/NĐ-CP", "30", Some("NĐ")),
            ("1234/QĐ-UBND", "1234/QĐ-UBND", "1234", Some("QĐ")),
            ("1589/QĐ-TTg", "1589/QĐ-TTg", "1589", Some("QĐ")),
            ("30/2021/QH15 ngày", "30/2021/QH15", "30", None),
            ("14/2018/TT-BGDĐT", "14/2018/TT-BGDĐT", "14", Some("TT")),
        ];
        for &(input, text, number, ty) in cases {
            let (_, s) = symbol(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(
                (s.text, s.number, s.type_code),
                (text, number, ty),
                "{input}"
            );
        }
        for input in [
            "12.350/11.800",
            "13/13",
            "31/12/2025",
            "2021-2025",
            "19 ",
            "I/2024",
        ] {
            assert!(symbol(input).is_err(), "{input}");
        }
    }

    #[test]
    fn standards() {
        assert_eq!(
            standard("QCVN 01-1:2018/BYT trở").unwrap().1,
            ("QCVN", "01-1:2018", "QCVN 01-1:2018/BYT")
        );
        assert_eq!(
            standard("TCVN 6909:2001.").unwrap().1,
            ("TCVN", "6909:2001", "TCVN 6909:2001")
        );
        assert!(standard("QCVN về").is_err());
    }

    #[test]
    fn implements_after_an_opener() {
        let links = |text: &str| -> Vec<Vec<usize>> {
            crate::parse(text)
                .citations
                .iter()
                .map(|c| c.implements.clone())
                .collect()
        };
        for text in [
            "Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
            "Kế hoạch số 63-KH/TU về thực hiện Nghị quyết số 12-NQ/TW.",
            "Kế hoạch số 63-KH/TU nhằm triển khai thực hiện Nghị quyết số 12-NQ/TW.",
        ] {
            assert_eq!(links(text), [vec![1], Vec::<usize>::new()], "{text}");
        }
        // "về" opens a subject, not always an implementing one.
        assert_eq!(
            links("Nghị quyết số 12-NQ/TW về phát triển, Kết luận số 01-KL/TW."),
            [Vec::<usize>::new(), Vec::new()]
        );
    }

    #[test]
    fn body_names() {
        let cases = [
            ("Tỉnh ủy về phát triển", "Tỉnh ủy"),
            (
                "Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết",
                "Ban Thường vụ Tỉnh ủy",
            ),
            (
                "Ủy ban nhân dân tỉnh phê duyệt danh mục",
                "Ủy ban nhân dân tỉnh",
            ),
            ("Bộ Giáo dục và Đào tạo.", "Bộ Giáo dục và Đào tạo"),
            (
                "Bộ Lao động - Thương binh và Xã hội về",
                "Bộ Lao động - Thương binh và Xã hội",
            ),
            ("Đảng ủy xã Tân Lập về việc", "Đảng ủy xã Tân Lập"),
            (
                "Ban Chấp hành Trung ương Đảng khóa XIII và Kết luận số",
                "Ban Chấp hành Trung ương Đảng khóa XIII",
            ),
            (
                "Hội nghị Trung ương 8 khóa XIII về",
                "Hội nghị Trung ương 8 khóa XIII",
            ),
            ("Ban Thường vụ Tỉnh ủy trước ngày", "Ban Thường vụ Tỉnh ủy"),
            ("Đảng bộ tỉnh và nghị quyết", "Đảng bộ tỉnh"),
            (
                "Trung ương 4 khóa XI, XII trong",
                "Trung ương 4 khóa XI, XII",
            ),
            (
                "Đại hội đại biểu Đảng bộ huyện lần thứ XXV đã",
                "Đại hội đại biểu Đảng bộ huyện lần thứ XXV",
            ),
            // A second term after a comma, a term in parentheses.
            (
                "Đại hội Đảng bộ xã lần thứ XXV, nhiệm kỳ 2020 - 2025, đã",
                "Đại hội Đảng bộ xã lần thứ XXV, nhiệm kỳ 2020 - 2025",
            ),
            (
                "Ban Chấp hành Trung ương Đảng (khóa X) về nông nghiệp",
                "Ban Chấp hành Trung ương Đảng (khóa X)",
            ),
            ("Bộ Chính trị (đã ký)", "Bộ Chính trị"),
        ];
        for (input, want) in cases {
            let t = Tokens::new(input);
            let e = body_name(&t, 0).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(&input[..t.toks[e - 1].end], want);
        }
        assert_eq!(body_name(&Tokens::new("các cấp ủy"), 0), None);
    }
}
