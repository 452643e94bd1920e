//! Measures: the target figures of an indicator, with label, value, unit and comparator.
//!
//! ```text
//! measure     = [ label ] *comparator ( range / figure ) [ unit [ 0*2word ] "trở lên" ]
//! figure      = number                                  ; see number.rs
//! range       = [ "từ" ] figure ws* ( "-" / "–" ) ws* figure   ; "7,5-8%", "0,9 - 1%", "từ 1 - 1,5%"
//!             / "từ" figure [ unit ] "đến" figure       ; "từ 9.000 đến 9.500 tỷ đồng"
//! moved-to    = "từ" figure [ unit ] ( "lên" / "xuống" ) [ comparator ] figure [ unit ]
//!                                                       ; one measure, the second figure
//! unit        = ( "%" / "‰" ) *per / *scale-word [ unit-word ] *per
//! per         = "/" word / "/" scale-word word           ; "/người", "/năm", "/vạn dân"
//! comparator  = "đạt" / "trên" / "dưới" / "trở lên" / "ít nhất" / "tối thiểu" / "không quá"
//!             / "tối đa" / "khoảng" / "giảm còn" / "tăng" / "tăng thêm" / "giảm" / "duy trì" / …
//! label       = clause text before the comparators      ; M4
//! clause      = starts at the indicator, ";", a sentence ".", ": ", "(", or the previous measure
//! not-figure  = year / period / ordinal / date / symbol / standard / denominator / fraction
//!             / qualifier                               ; M6
//! ```

use super::citation::symbol;
use super::date::date;
use super::lexicon::{
    comparators, fold, is_time_link, not_figure_before, same_word, scale_words, units, Cmp,
    PERIOD_UNITS,
};
use super::number::value_of;
use super::tokens::{Kind, Tokens};
use super::Ctx;
use crate::model::{Change, Comparator, Measure};
use crate::text::Text;

/// A figure found in the text, before its label is known.
#[derive(Debug, Clone)]
struct Fig {
    /// Token of the number (the lower bound of a range).
    k: usize,
    /// Token of the upper bound of a range.
    upper: Option<usize>,
    /// First token of the comparator chain ("từ" of a range included).
    chain_start: usize,
    comparator: Option<Cmp>,
    change: Option<Cmp>,
    unit: Option<String>,
    /// One past the last token of the figure, its unit and a following "trở lên".
    end: usize,
    /// One past the unit (before "trở lên").
    unit_end: usize,
}

/// Reads every measure of an indicator's text.
pub fn measures(ctx: &Ctx, t: &Text) -> Vec<Measure> {
    let toks = Tokens::new(&t.s);
    let figs = qualifiers_dropped(&toks, figures(&toks));
    label_figures(ctx, t, &toks, &figs)
}

fn is_boundary(toks: &Tokens, k: usize) -> bool {
    toks.kind(k) == Some(Kind::Punct) && matches!(toks.text(k), ";" | "." | ":" | "(" | ")")
}

/// Whether the number at token `k` is not a figure, and how many tokens to skip.
fn not_figure(toks: &Tokens, k: usize) -> Option<usize> {
    let tok = toks.toks[k];
    let rest = &toks.s[tok.start..];
    if let Ok((r, _)) = symbol(rest) {
        return Some(toks.at_byte(toks.s.len() - r.len()) - k);
    }
    if let Ok((r, _)) = date(rest) {
        return Some(toks.at_byte(toks.s.len() - r.len()) - k);
    }
    // A denominator "/10.000", a fraction "13/13", "Covid-19", "QCVN 01-1:2018".
    if k > 0
        && toks.adjacent(k - 1, k)
        && (toks.is_punct(k - 1, "/")
            || toks.is_punct(k - 1, "-")
                && k > 1
                && toks.kind(k - 2) == Some(Kind::Word)
                && toks.adjacent(k - 2, k - 1))
    {
        return Some(1);
    }
    if toks.is_punct(k + 1, "/")
        && toks.adjacent(k, k + 1)
        && toks.kind(k + 2) == Some(Kind::Number)
    {
        return Some(3);
    }
    if k > 0 && matches!(toks.text(k - 1), "QCVN" | "TCVN") {
        let mut e = k + 1;
        while e < toks.toks.len() && toks.adjacent(e - 1, e) {
            e += 1;
        }
        return Some(e - k);
    }
    // A digit glued to letters: "5G", "4.0" is kept, "F1" is a word already.
    if toks.kind(k + 1) == Some(Kind::Word) && toks.adjacent(k, k + 1) {
        return Some(2);
    }
    // "mức 2" is a label, "ở mức 62%" a level: a unit after the number tells.
    let not_figure = toks
        .longest_ending(k, not_figure_before())
        .is_some_and(|(_, _, unless_unit)| !unless_unit || unit(toks, k + 1).is_none());
    if not_figure {
        let mut e = k + 1;
        // "giai đoạn 2021-2025", "khóa XI, XII"
        if (toks.is_punct(e, "-") || toks.is_punct(e, "–"))
            && toks.kind(e + 1) == Some(Kind::Number)
        {
            e += 2;
        }
        return Some(e - k);
    }
    let text = toks.text(k);
    let year = text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&text.parse::<u32>().unwrap_or(0));
    if year {
        let mut e = k + 1;
        if (toks.is_punct(e, "-") || toks.is_punct(e, "–"))
            && toks.kind(e + 1) == Some(Kind::Number)
        {
            e += 2;
        }
        if unit(toks, e).is_none() {
            return Some(e - k);
        }
    }
    None
}

/// unit = ( "%" / "‰" ) *per / *scale-word [ unit-word ] *per; the unit and one past it.
/// per  = "/" word / "/" scale-word word                    ; "/người", "/vạn dân"
fn unit(toks: &Tokens, k: usize) -> Option<(String, usize)> {
    let mut e = k;
    let mut unit = String::new();
    let mut push = |w: &str| {
        if !unit.is_empty() {
            unit.push(' ');
        }
        unit.push_str(w);
    };
    if toks.is_punct(e, "%") || toks.is_punct(e, "‰") {
        push(toks.text(e));
        e += 1;
    } else {
        while e < toks.toks.len()
            && toks.longest(e, scale_words()).is_some()
            && toks.kind(e) == Some(Kind::Word)
        {
            push(toks.text(e));
            e += 1;
        }
        if let Some((n, _, _)) = toks.longest(e, units()) {
            let a = toks.toks[e].start;
            let b = toks.toks[e + n - 1].end;
            push(&toks.s[a..b]);
            e += n;
        }
    }
    if unit.is_empty() {
        return None;
    }
    // "/người/năm", "%/năm", "/vạn dân", "/100 dân"
    while toks.is_punct(e, "/") && toks.adjacent(e - 1, e) && toks.adjacent(e, e + 1) {
        unit.push('/');
        if toks.kind(e + 1) == Some(Kind::Number) && toks.kind(e + 2) == Some(Kind::Word) {
            unit.push_str(toks.text(e + 1));
            unit.push(' ');
            e += 1;
        } else if toks.kind(e + 1) != Some(Kind::Word) {
            unit.pop();
            break;
        }
        unit.push_str(toks.text(e + 1));
        e += 2;
        if toks.longest(e - 1, scale_words()).is_some() && toks.kind(e) == Some(Kind::Word) {
            unit.push(' ');
            unit.push_str(toks.text(e));
            e += 1;
        }
    }
    Some((unit, e))
}

fn is_dash(toks: &Tokens, k: usize) -> bool {
    toks.is_punct(k, "-") || toks.is_punct(k, "–")
}

/// Whether token `k` is a number with a value: "1.2.3" and "2,2,2" are versions or
/// labels, not figures; nor is a run of more digits than a double holds exactly.
fn has_value(toks: &Tokens, k: usize) -> bool {
    let text = toks.text(k);
    toks.kind(k) == Some(Kind::Number)
        && text.bytes().filter(u8::is_ascii_digit).count() <= 15
        && value_of(text).is_finite()
}

/// Every figure of the text, with its range, unit and comparator chain.
fn figures(toks: &Tokens) -> Vec<Fig> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.toks.len() {
        if !has_value(toks, k) {
            k += 1;
            continue;
        }
        if let Some(skip) = not_figure(toks, k) {
            k += skip.max(1);
            continue;
        }
        // The comparator chain before the figure, nearest first.
        let mut chain_start = k;
        let mut chain = Vec::new();
        let from = toks.phrase_at(k.saturating_sub(1), "từ").is_some() && k > 0;
        if from {
            chain_start -= 1;
        }
        // Neutral words ("bình quân") join the chain only between comparator words:
        // "tăng bình quân 8%" is a change, "Tốc độ … bình quân đạt 8%" keeps its label.
        let mut decided_start = chain_start;
        while let Some((w, _, c)) = toks.longest_ending(chain_start, comparators()) {
            chain.push(c);
            chain_start -= w;
            if c != Cmp::Neutral {
                decided_start = chain_start;
            }
        }
        while chain.last() == Some(&Cmp::Neutral) {
            chain.pop();
        }
        chain_start = decided_start;
        let mut upper = None;
        let mut e = k + 1;
        let mut u = unit(toks, e);
        let unit_first = u.as_ref().map_or(e, |&(_, ue)| ue);
        // "từ 38% lên 40%": the first figure is where the level stands, the second
        // where it is to be; one measure, a level, not a change.
        let moved = from.then(|| moved_to(toks, unit_first)).flatten();
        let mut fig_k = k;
        if let Some((target, _)) = moved {
            fig_k = target;
            e = target + 1;
            u = unit(toks, e).or(u);
        } else if from
            && toks.phrase_at(unit_first, "đến").is_some()
            && has_value(toks, unit_first + 1)
        {
            upper = Some(unit_first + 1);
            e = unit_first + 2;
            u = unit(toks, e).or(u);
        } else if from && u.is_some() {
            e = unit_first;
        } else if u.is_none() && is_dash(toks, e) && has_value(toks, e + 1) {
            // "7,5 - 8%", "từ 1 - 1,5%/năm"
            upper = Some(e + 1);
            e += 2;
            u = unit(toks, e);
        }
        let unit_end = u.as_ref().map_or(e, |(_, ue)| *ue);
        let mut end = unit_end;
        let mut comparator = chain
            .iter()
            .copied()
            .find(|c| !matches!(c, Cmp::Increase | Cmp::Decrease | Cmp::Neutral));
        let mut change = chain
            .iter()
            .copied()
            .find(|c| matches!(c, Cmp::Increase | Cmp::Decrease));
        if let Some((_, to)) = moved {
            (comparator, change) = (to, None);
        }
        // "trở lên" right after the figure, or after a word or two that qualify its
        // unit ("150 đảng viên mới trở lên").
        // Words that cannot fold to "trở" are passed over without comparing.
        let tro_len = |x: usize| {
            let first = toks.text(x).chars().next().unwrap_or(' ');
            super::lexicon::fold_char(first).0 == Some('t')
                && toks.phrase_at(x, "trở lên").is_some()
        };
        let words = (end..end + 3)
            .take_while(|&x| toks.kind(x) == Some(Kind::Word) && !tro_len(x))
            .count();
        if words < 3 && tro_len(end + words) {
            comparator = Some(Cmp::Ge);
            end += words + 2;
        }
        out.push(Fig {
            k: fig_k,
            upper,
            chain_start,
            comparator,
            change,
            unit: u.map(|(s, _)| s),
            end,
            unit_end,
        });
        k = end.max(k + 1);
    }
    out
}

/// moved-to = ( "lên" / "xuống" ) [ comparator ] figure    ; after "từ" figure [ unit ]
///
/// The figure a level is to be moved to ("từ 38% lên 40%", "từ 3% xuống dưới 2%") and
/// its comparator: the one written, else "xuống" reads as "giảm còn" (at most) and
/// "lên" as a level (eq).
fn moved_to(toks: &Tokens, j: usize) -> Option<(usize, Option<Cmp>)> {
    let down = if toks.phrase_at(j, "xuống").is_some() {
        true
    } else if toks.phrase_at(j, "lên").is_some() {
        false
    } else {
        return None;
    };
    let mut k = j + 1;
    let mut comparator = down.then_some(Cmp::Le);
    if let Some((w, _, c)) = toks.longest(k, comparators()) {
        if !matches!(c, Cmp::Increase | Cmp::Decrease | Cmp::Neutral) {
            comparator = Some(c);
        }
        k += w;
    }
    has_value(toks, k).then_some((k, comparator))
}

/// Drops figures that qualify the label's noun phrase (M6): "trẻ em dưới 5 tuổi …
/// giảm còn 17,5%" — a later figure with a comparator follows in the same clause,
/// with words between; or, right before it, a bare period ("bình quân 5 năm đạt
/// 7,5%", "sau 3 năm tăng 20%").
fn qualifiers_dropped(toks: &Tokens, mut figs: Vec<Fig>) -> Vec<Fig> {
    let qualifiers: Vec<bool> = figs
        .iter()
        .zip(figs.iter().skip(1))
        .map(|(f, b)| {
            let period = f.comparator.is_none()
                && f.change.is_none()
                && f.upper.is_none()
                && f.unit.as_deref().is_some_and(is_period);
            (b.comparator.is_some() || b.change.is_some())
                && !toks.is_punct(f.end, ",")
                && (f.end..b.chain_start).all(|x| !is_boundary(toks, x))
                && (period || (f.end..b.chain_start).any(|x| toks.kind(x) == Some(Kind::Word)))
        })
        .collect();
    let mut i = 0;
    figs.retain(|_| {
        i += 1;
        !qualifiers.get(i - 1).copied().unwrap_or(false)
    });
    figs
}

/// Whether a unit is a span of time (one of [`PERIOD_UNITS`]).
fn is_period(unit: &str) -> bool {
    PERIOD_UNITS.iter().any(|w| same_word(unit, w))
}

/// Removes parenthesised text, collapses white space (none before "," and ";") and
/// trims punctuation from a label. Runs of kept text are copied whole.
fn tidy(s: &str) -> String {
    if plain(s.as_bytes()) {
        return s.trim_matches(tidy_trimmed).to_string();
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    let mut space = false;
    let mut run: Option<usize> = None;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let (len, white) = if x < 0x80 {
            (1, x == b' ' || (0x09..=0x0D).contains(&x))
        } else {
            let len = match x {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            // Only these first bytes start white space outside ASCII.
            let white = matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                && s[i..].chars().next().is_some_and(char::is_whitespace);
            (len, white)
        };
        let kept = depth == 0 && !white && x != b'(' && x != b')';
        if !kept {
            if let Some(r) = run.take() {
                out.push_str(&s[r..i]);
            }
            match x {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => space = !out.is_empty(),
                _ => {}
            }
        } else if run.is_none() {
            if space && x != b',' && x != b';' {
                out.push(' ');
            }
            space = false;
            run = Some(i);
        }
        i += len;
    }
    if let Some(r) = run {
        out.push_str(&s[r..]);
    }
    let trimmed = out.trim_matches(tidy_trimmed);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// What [`tidy`] trims from both ends.
fn tidy_trimmed(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '-' | '–' | '*')
}

/// Whether [`tidy`] has nothing to do inside `b` but trim its ends: no parentheses, no
/// white space but single spaces, none before "," or ";". Bytes that may start other
/// white space (C2, E2, E3, and E1 9A / E1 A0) send it the long way. One pass over
/// byte pairs that the compiler vectorises.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn plain(b: &[u8]) -> bool {
    let next = b.get(1..).unwrap_or_default();
    let pairs = b
        .iter()
        .zip(next)
        .fold(0u8, |acc, (&x, &y)| acc | odd(x, y));
    pairs | b.last().map_or(0, |&x| odd(x, 0)) == 0
}

/// Non-zero for a byte pair that sends [`tidy`] the long way.
#[inline(always)]
fn odd(x: u8, y: u8) -> u8 {
    let single = matches!(x, b'(' | b')' | 0x09..=0x0D | 0xC2 | 0xE2 | 0xE3);
    let space = (x == b' ') & ((y == b' ') | (y == b',') | (y == b';'));
    let e1 = (x == 0xE1) & ((y == 0x9A) | (y == 0xA0));
    u8::from(single | space | e1)
}

fn strip_trong_do(s: &str) -> &str {
    // "trong" folds to itself only from ASCII letters: most labels stop here.
    if !s.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("trong")) {
        return s;
    }
    // Four words hold the four tokens looked at. A "có" that is all there is after
    // "trong đó" goes with it ("trong đó có 30% xã …"); before words it is theirs
    // ("trong đó có bằng cấp …").
    let head = s.match_indices(' ').nth(3).map_or(s.len(), |(i, _)| i);
    let t = Tokens::range(s, 0, head);
    if t.phrase_at(0, "trong đó").is_none() {
        return s;
    }
    let rest = if t.toks.len() == 3 && t.phrase_at(2, "có").is_some() {
        3
    } else {
        2
    };
    t.toks.get(rest).map_or("", |tok| &s[tok.start..])
}

struct LabelState {
    clause_start: usize,
    /// The clause started at the end of the previous measure, after a comma.
    after_measure_comma: bool,
    structure: Option<String>,
    saved: Vec<(usize, Option<String>, Option<String>)>,
    paren_parent: Option<String>,
    prev_label: Option<String>,
    prev_end_byte: Option<usize>,
}

fn label_figures(ctx: &Ctx, t: &Text, toks: &Tokens, figs: &[Fig]) -> Vec<Measure> {
    let mut out = Vec::with_capacity(figs.len());
    let mut st = LabelState {
        clause_start: 0,
        after_measure_comma: false,
        structure: None,
        saved: Vec::new(),
        paren_parent: None,
        prev_label: None,
        prev_end_byte: None,
    };
    let mut f = 0;
    let mut k = 0;
    while k < toks.toks.len() {
        if f < figs.len() && k == figs[f].chain_start {
            let fig = &figs[f];
            let next_chain = figs.get(f + 1).map_or(toks.toks.len(), |n| n.chain_start);
            let (label, through) = label_for(toks, fig, &st, next_chain);
            push_measures(ctx, t, toks, fig, &label, &mut out);
            st.prev_label = Some(label);
            st.prev_end_byte = Some(toks.toks[fig.end - 1].end);
            // Past the words after the unit when they labelled it.
            st.clause_start = through.unwrap_or(toks.toks[fig.end - 1].end);
            st.after_measure_comma = toks.is_punct(fig.end, ",");
            k = fig.end;
            f += 1;
            continue;
        }
        if toks.kind(k) == Some(Kind::Punct) {
            let tok = toks.toks[k];
            match toks.text(k) {
                ";" => st.clause_start = tok.end,
                "." => {
                    st.clause_start = tok.end;
                    st.structure = None;
                }
                ":" if !toks.adjacent(k, k + 1) => {
                    // The clause starts before the colon: after a figure's words after
                    // its unit at the latest, which stop at any colon.
                    let name = tidy(toks.s.get(st.clause_start..tok.start).unwrap_or_default());
                    // A numbered label heads, not a structure: "Chỉ tiêu 1:", "Bước 2:".
                    let numbered = k > 0
                        && toks.kind(k - 1) == Some(Kind::Number)
                        && toks
                            .longest_ending(k - 1, not_figure_before())
                            .is_some_and(|(_, _, label)| label);
                    st.structure = (!name.is_empty() && !numbered).then_some(name);
                    st.clause_start = tok.end;
                }
                "(" => {
                    let glued = st
                        .prev_end_byte
                        .is_some_and(|e| toks.s[e..tok.start].trim().is_empty());
                    let parent = if glued { st.prev_label.clone() } else { None };
                    st.saved.push((
                        st.clause_start,
                        st.structure.take(),
                        std::mem::replace(&mut st.paren_parent, parent),
                    ));
                    st.clause_start = tok.end;
                }
                ")" => {
                    if let Some((c, s, p)) = st.saved.pop() {
                        st.clause_start = c;
                        st.structure = s;
                        st.paren_parent = p;
                    }
                }
                _ => {}
            }
            if matches!(toks.text(k), ";" | "." | ":" | "(" | ")") {
                st.after_measure_comma = false;
            }
        }
        k += 1;
    }
    out
}

/// Labels longer than this many words are cut: a label names a metric, and the
/// indicator's text keeps every word.
const MAX_LABEL_WORDS: usize = 40;

/// The label of figure `fig`, and, when the words after its unit make it, the byte
/// they end at (see [`after_unit`]; `next_chain` is where the next figure's
/// comparators start).
fn label_for(
    toks: &Tokens,
    fig: &Fig,
    st: &LabelState,
    next_chain: usize,
) -> (String, Option<usize>) {
    let (label, through) = compose_label(toks, fig, st, next_chain);
    if memchr::memchr_iter(b' ', label.as_bytes()).count() < MAX_LABEL_WORDS {
        return (label, through);
    }
    let cut = label
        .split(' ')
        .take(MAX_LABEL_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    (cut, through)
}

fn compose_label(
    toks: &Tokens,
    fig: &Fig,
    st: &LabelState,
    next_chain: usize,
) -> (String, Option<usize>) {
    let chain_byte = toks.toks[fig.chain_start].start;
    let own_raw = if st.clause_start <= chain_byte {
        &toks.s[st.clause_start..chain_byte]
    } else {
        ""
    };
    let written = tidy(own_raw);
    let in_paren = !st.saved.is_empty();
    let stripped = strip_trong_do(&written);
    if in_paren {
        if let Some(parent) = &st.paren_parent {
            let own = stripped.trim();
            let label = if own.is_empty() {
                parent.clone()
            } else {
                format!("{parent}: {own}")
            };
            return (label, None);
        }
    }
    // Only when-words ending in a joining word before the figure: right after a
    // measure, the figure goes on from it ("đạt 40% vào năm 2025 và 50% vào năm
    // 2030"); else they name nothing ("Đến năm 2025, có 50% số xã …"). Without the
    // joining word they are the label ("…, đến năm 2030 đạt 50%").
    // (A label is tidied: no space ends it.)
    let joined = ["và", "Và", "có", "Có"].iter().any(|j| {
        stripped
            .strip_suffix(j)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    });
    let time_link = joined && is_time_link(stripped);
    if time_link && st.prev_end_byte == Some(st.clause_start) {
        if let Some(prev) = &st.prev_label {
            return (prev.clone(), None);
        }
    }
    if stripped.trim().is_empty() || time_link {
        // Only comparator words (and "trong đó") before the figure: the words after
        // it, else what the colon right before it names ("Tỷ lệ hộ gia đình văn hóa:
        // 90% trở lên"), else the previous label.
        let (after, through) = after_unit(toks, fig, next_chain);
        if !after.is_empty() {
            return (after, through);
        }
        let after_measure = st.prev_end_byte == Some(st.clause_start);
        let label = st
            .structure
            .clone()
            .filter(|_| !after_measure)
            .or_else(|| st.prev_label.clone())
            .unwrap_or_default();
        return (label, None);
    }
    if stripped.len() != written.len() {
        if let Some(prev) = &st.prev_label {
            return (format!("{}: {}", prev, stripped.trim()), None);
        }
    }
    if st.after_measure_comma {
        if let Some(l) = st
            .prev_label
            .as_deref()
            .and_then(|prev| ellipsis(prev, &written))
        {
            return (l, None);
        }
    }
    let label = match &st.structure {
        Some(s) => format!("{s}: {written}"),
        None => written,
    };
    (label, None)
}

/// The ellipsis rule (M4): "…mức độ 1 đạt 90%, mức độ 2 đạt 25%" → the previous label
/// up to the clause's first word, then the clause's own words.
fn ellipsis(prev: &str, own: &str) -> Option<String> {
    let first = fold(own.split_whitespace().next()?);
    let words: Vec<&str> = prev.split(' ').collect();
    let at = words
        .iter()
        .rposition(|w| fold(w) == first)
        .filter(|&i| i > 0)?;
    Some(format!("{} {}", words[..at].join(" "), own))
}

/// The text after the unit up to the end of the clause, for a figure that nothing
/// but comparator words precede ("Duy trì 100% thôn, tổ dân phố có …"), and the byte
/// it ends at. The clause ends before the next figure's comparator chain (token
/// `next_chain`), at the last comma before it when there is one: "100% xã đạt chuẩn
/// nông thôn mới, trong đó có 30% xã …" → "xã đạt chuẩn nông thôn mới".
fn after_unit(toks: &Tokens, fig: &Fig, next_chain: usize) -> (String, Option<usize>) {
    let mut e = fig.end;
    let limit = (fig.end + 80)
        .min(toks.toks.len())
        .min(next_chain.max(fig.end));
    while e < limit && !is_boundary(toks, e) {
        e += 1;
    }
    let mut through = None;
    if e == next_chain && e < toks.toks.len() {
        if let Some(c) = (fig.end..e).rev().find(|&c| toks.is_punct(c, ",")) {
            e = c;
            through = Some(toks.toks[c].end);
        }
    }
    // Up to a colon, the words name what the next figures measure ("Tỷ lệ A: 90%,
    // tỷ lệ B: 80%"), not this one.
    if e == fig.end || toks.is_punct(e, ":") {
        return (String::new(), None);
    }
    let a = toks.toks[fig.end].start;
    let b = toks.toks[e - 1].end;
    let s = tidy(&toks.s[a..b]);
    if s.split_whitespace()
        .next()
        .is_some_and(|w| same_word(w, "so"))
    {
        return (String::new(), None);
    }
    (s, through.or(Some(b)))
}

fn to_comparator(c: Option<Cmp>) -> Comparator {
    match c {
        Some(Cmp::Gt) => Comparator::Gt,
        Some(Cmp::Ge) => Comparator::Ge,
        Some(Cmp::Lt) => Comparator::Lt,
        Some(Cmp::Le) => Comparator::Le,
        Some(Cmp::Approx) => Comparator::Approx,
        _ => Comparator::Eq,
    }
}

fn to_change(c: Option<Cmp>) -> Option<Change> {
    match c {
        Some(Cmp::Increase) => Some(Change::Increase),
        Some(Cmp::Decrease) => Some(Change::Decrease),
        _ => None,
    }
}

fn push_measures(
    ctx: &Ctx,
    t: &Text,
    toks: &Tokens,
    fig: &Fig,
    label: &str,
    out: &mut Vec<Measure>,
) {
    let change = to_change(fig.change);
    let one = |k: usize, comparator: Comparator| {
        let tok = toks.toks[k];
        let end = toks.toks[fig.unit_end.max(k + 1) - 1].end.max(tok.end);
        let text = toks.text(k);
        Measure {
            label: label.to_string(),
            value: value_of(text),
            value_text: text.to_string(),
            unit: fig.unit.clone(),
            comparator,
            change,
            span: {
                // A table row read out of order ("… 8,5 %" from "…<tab>%<tab>8,5"): the
                // unit stands before the figure, and the span is the figure's.
                let whole = t.norm_range(tok.start, end);
                let (a, z) = if whole.1 > whole.0 {
                    whole
                } else {
                    t.norm_range(tok.start, tok.end)
                };
                ctx.src.span(a, z)
            },
        }
    };
    match fig.upper {
        Some(u) => {
            out.push(one(fig.k, Comparator::Ge));
            out.push(one(u, Comparator::Le));
        }
        None => out.push(one(fig.k, to_comparator(fig.comparator))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label tidying as first written, by characters: the reference for `tidy`.
    fn tidy_by_chars(s: &str) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        let mut space = false;
        for c in s.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                c if c.is_whitespace() => space = !out.is_empty(),
                c => {
                    if space && c != ',' && c != ';' {
                        out.push(' ');
                    }
                    space = false;
                    out.push(c);
                }
            }
        }
        out.trim_matches(|c: char| c.is_whitespace() || ",;:.-–*".contains(c))
            .to_string()
    }

    #[test]
    fn tidy_agrees_with_the_character_reference() {
        let mut texts: Vec<String> = [
            "  Tỷ lệ (a (b) c)  hộ , nghèo ; giảm\u{a0}còn\u{3000}x\u{2028}y\u{85}z",
            "(mở",
            "đóng) còn",
            "- * Số giường/10.000 dân :",
            "\t\x0b\x0c a\r\nb ",
            "a\u{1680}b\u{180e}c ,d ;e",
            "- Tỷ lệ hộ nghèo; giảm còn:",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for f in [crate::grammar::repo::SAMPLE, "tests/spec/measures.json"] {
            let all = crate::grammar::repo::read(f);
            texts.extend(all.lines().map(str::to_string));
        }
        assert!(texts.len() > 100);
        for t in &texts {
            for (a, _) in t.char_indices().step_by(7) {
                let piece = &t[a..];
                assert_eq!(tidy(piece), tidy_by_chars(piece), "{piece:?}");
            }
        }
    }
    use crate::text::Source;

    type Row = (String, f64, Option<String>, Comparator, Option<Change>);

    fn run(input: &str) -> Vec<Row> {
        let src = Source::new(input);
        let ctx = Ctx::new(&src);
        let mut t = Text::default();
        t.push_clean(src.text(), 0, src.text().len());
        measures(&ctx, &t)
            .into_iter()
            .map(|m| (m.label, m.value, m.unit, m.comparator, m.change))
            .collect()
    }

    fn m(
        label: &str,
        value: f64,
        unit: Option<&str>,
        c: Comparator,
        ch: Option<Change>,
    ) -> (String, f64, Option<String>, Comparator, Option<Change>) {
        (label.to_string(), value, unit.map(str::to_string), c, ch)
    }

    #[test]
    fn a_range_needs_a_valued_upper_bound() {
        // "2,2,2" has no value: no range, and no measure without a value (fuzz find).
        for input in ["Tỷ lệ đạt 5-2,2,2%.", "Thu đạt từ 5 đến 2,2,2 tỷ đồng."]
        {
            let rows = run(input);
            assert!(rows.iter().all(|r| r.1.is_finite()), "{input}: {rows:?}");
            assert_eq!(rows.first().map(|r| r.1), Some(5.0), "{input}");
        }
    }

    #[test]
    fn table() {
        use Comparator::*;
        let cases: Vec<(&str, Vec<_>)> =
            vec![
            (
                "Thu ngân sách đạt 1.234,5 tỷ đồng.",
                vec![m("Thu ngân sách", 1234.5, Some("tỷ đồng"), Eq, None)],
            ),
            (
                "Tổng lượt khách đạt khoảng 2 triệu lượt khách.",
                vec![m(
                    "Tổng lượt khách",
                    2.0,
                    Some("triệu lượt khách"),
                    Approx,
                    None,
                )],
            ),
            (
                "Tỷ lệ thất nghiệp dưới 1,5%.",
                vec![m("Tỷ lệ thất nghiệp", 1.5, Some("%"), Lt, None)],
            ),
            (
                "Tỷ lệ nợ xấu không quá 5%.",
                vec![m("Tỷ lệ nợ xấu", 5.0, Some("%"), Le, None)],
            ),
            // Nothing between a colon and the figure: the colon's name is the label,
            // and the words before the next colon are the next figure's.
            (
                "Tỷ lệ gia đình văn hóa: 90% trở lên; tỷ lệ A: 70%, tỷ lệ B: 80%.",
                vec![
                    m("Tỷ lệ gia đình văn hóa", 90.0, Some("%"), Ge, None),
                    m("tỷ lệ A", 70.0, Some("%"), Eq, None),
                    m("tỷ lệ B", 80.0, Some("%"), Eq, None),
                ],
            ),
            // Per mille, a spelling variant of a unit, a denominator with a scale word.
            (
                "Tỷ suất sinh đạt 0,2‰/năm; số bác sỹ đạt 11 bác sỹ/vạn dân.",
                vec![
                    m("Tỷ suất sinh", 0.2, Some("‰/năm"), Eq, None),
                    m("số bác sỹ", 11.0, Some("bác sỹ/vạn dân"), Eq, None),
                ],
            ),
            // A level moved from one figure to another: the second is the target.
            (
                "Nâng tỷ lệ che phủ rừng từ 38% lên 40%.",
                vec![m("Nâng tỷ lệ che phủ rừng", 40.0, Some("%"), Eq, None)],
            ),
            (
                "Giảm tỷ lệ hộ nghèo từ 3,5% xuống dưới 2%; tăng số xã từ 10 lên 15 xã trở lên.",
                vec![
                    m("Giảm tỷ lệ hộ nghèo", 2.0, Some("%"), Lt, None),
                    m("tăng số xã", 15.0, Some("xã"), Ge, None),
                ],
            ),
            (
                "Tỷ lệ lao động thất nghiệp từ 3% xuống 2%.",
                vec![m("Tỷ lệ lao động thất nghiệp", 2.0, Some("%"), Le, None)],
            ),
            // "từ" before a dashed range.
            (
                "Tỷ lệ hộ nghèo giảm từ 1 - 1,5%/năm.",
                vec![
                    m("Tỷ lệ hộ nghèo", 1.0, Some("%/năm"), Ge, Some(Change::Decrease)),
                    m("Tỷ lệ hộ nghèo", 1.5, Some("%/năm"), Le, Some(Change::Decrease)),
                ],
            ),
            // The comparison signs of indicator tables.
            (
                "Tỷ lệ hộ dùng nước sạch ≥ 95%; tỷ lệ hộ nghèo ≤1,5%.",
                vec![
                    m("Tỷ lệ hộ dùng nước sạch", 95.0, Some("%"), Ge, None),
                    m("tỷ lệ hộ nghèo", 1.5, Some("%"), Le, None),
                ],
            ),
            (
                "Tăng trưởng > 8%; thất nghiệp < 3%; tiêm chủng >= 98%; nợ xấu <= 2%.",
                vec![
                    m("Tăng trưởng", 8.0, Some("%"), Gt, None),
                    m("thất nghiệp", 3.0, Some("%"), Lt, None),
                    m("tiêm chủng", 98.0, Some("%"), Ge, None),
                    m("nợ xấu", 2.0, Some("%"), Le, None),
                ],
            ),
            (
                "Tỷ lệ che phủ rừng tối thiểu 70%.",
                vec![m("Tỷ lệ che phủ rừng", 70.0, Some("%"), Ge, None)],
            ),
            // "trở lên" after a word or two that qualify the unit.
            (
                "Kết nạp 150 đảng viên mới trở lên.",
                vec![m("Kết nạp", 150.0, Some("đảng viên"), Ge, None)],
            ),
            // A level with a unit is a figure; "mức 4" without one is a label.
            (
                "Tỷ lệ che phủ rừng duy trì ở mức 62%.",
                vec![m("Tỷ lệ che phủ rừng", 62.0, Some("%"), Eq, None)],
            ),
            (
                "Dịch vụ công trực tuyến mức 4 đạt 80%.",
                vec![m(
                    "Dịch vụ công trực tuyến mức 4",
                    80.0,
                    Some("%"),
                    Eq,
                    None,
                )],
            ),
            // A bare period right before the figure says over how long (M6).
            (
                "Tốc độ tăng trưởng bình quân 5 năm đạt 7,5%.",
                vec![m(
                    "Tốc độ tăng trưởng bình quân 5 năm",
                    7.5,
                    Some("%"),
                    Eq,
                    None,
                )],
            ),
            (
                "Tuổi thọ trung bình đạt 74,5 năm.",
                vec![m("Tuổi thọ trung bình", 74.5, Some("năm"), Eq, None)],
            ),
            (
                "Tốc độ tăng trưởng tăng 8-8,5%.",
                vec![
                    m(
                        "Tốc độ tăng trưởng",
                        8.0,
                        Some("%"),
                        Ge,
                        Some(Change::Increase),
                    ),
                    m(
                        "Tốc độ tăng trưởng",
                        8.5,
                        Some("%"),
                        Le,
                        Some(Change::Increase),
                    ),
                ],
            ),
            (
                "Tỷ lệ hộ nghèo giảm còn 2%.",
                vec![m("Tỷ lệ hộ nghèo", 2.0, Some("%"), Le, None)],
            ),
            ("Hoàn thành xuất sắc nhiệm vụ diễn tập năm 2023.", vec![]),
            (
                "Số giường bệnh/10.000 dân đạt 31,8 giường.",
                vec![m(
                    "Số giường bệnh/10.000 dân",
                    31.8,
                    Some("giường"),
                    Eq,
                    None,
                )],
            ),
            (
                "Tỷ lệ trường mức độ 1 đạt 90%, mức độ 2 đạt 25%.",
                vec![
                    m("Tỷ lệ trường mức độ 1", 90.0, Some("%"), Eq, None),
                    m("Tỷ lệ trường mức độ 2", 25.0, Some("%"), Eq, None),
                ],
            ),
            // A numbered label is no figure and heads no structure; with a unit after
            // it, the number is a figure all the same.
            (
                "Chỉ tiêu 1: Tỷ lệ chất thải rắn được thu gom đạt 98%.",
                vec![m(
                    "Tỷ lệ chất thải rắn được thu gom",
                    98.0,
                    Some("%"),
                    Eq,
                    None,
                )],
            ),
            (
                "Tỷ lệ hộ nghèo giảm 1,5% (chi tiết tại Phụ lục 1).",
                vec![m(
                    "Tỷ lệ hộ nghèo",
                    1.5,
                    Some("%"),
                    Eq,
                    Some(Change::Decrease),
                )],
            ),
            ("Hoàn thành đợt 1 trước tháng 6.", vec![]),
            (
                "Thu ngân sách vượt chỉ tiêu 10%.",
                vec![m("Thu ngân sách vượt chỉ tiêu", 10.0, Some("%"), Eq, None)],
            ),
            // The words after the unit end where the next figure's clause starts, at
            // a comma; "trong đó có" before a figure leaves it only comparators.
            (
                "100% xã đạt chuẩn nông thôn mới, trong đó có 30% xã đạt chuẩn nâng cao.",
                vec![
                    m("xã đạt chuẩn nông thôn mới", 100.0, Some("%"), Eq, None),
                    m("xã đạt chuẩn nâng cao", 30.0, Some("%"), Eq, None),
                ],
            ),
            (
                "Tỷ trọng dịch vụ chiếm 35%; mật độ 120 thuê bao/100 dân.",
                vec![
                    m("Tỷ trọng dịch vụ", 35.0, Some("%"), Eq, None),
                    m("mật độ", 120.0, Some("thuê bao/100 dân"), Eq, None),
                ],
            ),
            (
                "Tỷ lệ hộ nghèo giảm 0,5 điểm phần trăm; xuất khẩu đạt 500 triệu đô la Mỹ.",
                vec![
                    m(
                        "Tỷ lệ hộ nghèo",
                        0.5,
                        Some("điểm phần trăm"),
                        Eq,
                        Some(Change::Decrease),
                    ),
                    m("xuất khẩu", 500.0, Some("triệu đô la Mỹ"), Eq, None),
                ],
            ),
            // When-words ending in "và" or "có" before a figure name nothing: it
            // goes on from the measure before, or takes the words after its unit.
            (
                "Tỷ lệ đô thị hóa đạt 40% vào năm 2025 và 50% vào năm 2030.",
                vec![
                    m("Tỷ lệ đô thị hóa", 40.0, Some("%"), Eq, None),
                    m("Tỷ lệ đô thị hóa", 50.0, Some("%"), Eq, None),
                ],
            ),
            (
                "Đến năm 2025, có 50% số xã đạt chuẩn; đến năm 2030 đạt 70%.",
                vec![
                    m("số xã đạt chuẩn", 50.0, Some("%"), Eq, None),
                    m("đến năm 2030", 70.0, Some("%"), Eq, None),
                ],
            ),
            (
                "Ít nhất 2 huyện đạt chuẩn nông thôn mới.",
                vec![m(
                    "đạt chuẩn nông thôn mới",
                    2.0,
                    Some("huyện"),
                    Ge,
                    None,
                )],
            ),
            (
                "Nâng cấp Quốc lộ 37 dài 25 km.",
                vec![m("Nâng cấp Quốc lộ 37 dài", 25.0, Some("km"), Eq, None)],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(run(input), want, "{input}");
        }
    }
}
