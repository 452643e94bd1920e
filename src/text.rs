//! The text layer: the only place that rewrites text.
//!
//! [`Source`] turns the input into a normalised text — LF line ends, NFC, no-break
//! and other odd spaces as plain spaces, zero-width characters and the byte-order
//! mark removed, form feeds as line ends — and keeps a sparse map from every
//! normalised offset back to the original bytes. [`Text`] is a logical text assembled
//! from pieces of the normalised text (emphasis marks dropped, white space collapsed,
//! page-break halves joined with one space) with its own map back into it.
//!
//! Both maps only store a checkpoint where the offset difference changes, so a
//! clean NFC input with LF line ends costs no map at all; the source's map is packed
//! (about 1.4 bytes a checkpoint), as decomposed text has one every ten bytes or so.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::model::Span;

/// The input, its normalised text, and the map between them.
#[derive(Debug)]
pub struct Source<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// `(normalised offset, original offset)` where the difference changes.
    map: Checkpoints,
    /// Byte offsets of the original line starts (after LF, CRLF or lone CR).
    line_starts: Vec<usize>,
    /// The last column worked out: `(offset, column)`, so that spans asked for in
    /// order along one long line cost their distance, not the line's length.
    last_column: std::cell::Cell<(usize, usize)>,
}

impl<'a> Source<'a> {
    /// Normalises `original`.
    pub fn new(original: &'a str) -> Self {
        let line_starts = line_starts(original);
        // A byte-order mark first (as Windows saves UTF-8) is often the only change a
        // text needs: the rest is then borrowed as it is.
        let body = original.strip_prefix('\u{feff}').unwrap_or(original);
        let text = if is_clean(body) {
            let mut map = Checkpoints::default();
            if body.len() < original.len() {
                map.push(0, original.len() - body.len());
                map.finish();
            }
            (Cow::Borrowed(body), map)
        } else {
            match normalise(original) {
                // Nothing was rewritten (NFC text outside the ranges `is_clean` knows).
                (text, map) if map.is_empty() && text == original => (Cow::Borrowed(original), map),
                (text, map) => (Cow::Owned(text), map),
            }
        };
        Source {
            original,
            text: text.0,
            map: text.1,
            line_starts,
            last_column: std::cell::Cell::new((0, 1)),
        }
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The input as given.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The original byte offset of a normalised offset.
    pub fn original_offset(&self, norm: usize) -> usize {
        let (before, next) = self.map.around(norm);
        let off = match before {
            None => norm,
            Some((n, o)) => o + (norm - n),
        };
        // Inside a segment that composition made longer ("\u{f73}" is two characters
        // in NFC), offsets stop at the segment's end.
        let next = next.unwrap_or(self.original.len());
        off.min(next).min(self.original.len())
    }

    /// A span of the original input for a normalised range.
    pub fn span(&self, norm_start: usize, norm_end: usize) -> Span {
        let start = self.original_offset(norm_start);
        let end = self.original_offset(norm_end).max(start);
        let (line, column) = self.line_column(start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    /// Line and column (both from 1, column in characters) of an original offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let i = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[i - 1];
        let mut off = offset.min(self.original.len());
        while !self.original.is_char_boundary(off) {
            off -= 1;
        }
        let (last_off, last_col) = self.last_column.get();
        let (from, col) = if last_off >= start && last_off <= off {
            (last_off, last_col)
        } else {
            (start.min(off), 1)
        };
        // Both ends are character boundaries; the standard count goes a word at a time.
        let column = col
            + self
                .original
                .get(from..off)
                .map_or(0, |t| t.chars().count());
        self.last_column.set((off, column));
        (i, column)
    }
}

/// Whether `b` holds a run of `n` spaces (2 or 3).
pub(crate) fn has_spaces(b: &[u8], n: usize) -> bool {
    find_spaces(b, n).is_some()
}

/// Where the first run of `n` spaces (2 or 3) in `b` starts, found with a searcher
/// built once.
pub(crate) fn find_spaces(b: &[u8], n: usize) -> Option<usize> {
    use std::sync::OnceLock;
    static TWO: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static THREE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let finder = if n <= 2 {
        TWO.get_or_init(|| memchr::memmem::Finder::new(b"  "))
    } else {
        THREE.get_or_init(|| memchr::memmem::Finder::new(b"   "))
    };
    finder.find(b)
}

fn line_starts(s: &str) -> Vec<usize> {
    let bytes = s.as_bytes();
    let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
    starts.push(0);
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
    }
    starts
}

/// Whether the input is left as it is: every character is of a range known to be NFC
/// (ASCII, Latin-1 to IPA, Latin Extended Additional, general punctuation) and none
/// needs rewriting (see [`needs_rewrite`]).
///
/// Settled by a branch-free pass over byte pairs that the compiler vectorises and a
/// look at each C2 and E2 byte; a test checks it against a pass by characters.
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    // In one pass over byte pairs that the compiler vectorises: controls, first bytes of
    // characters outside the known ranges, and "E1" not followed by B8..BB (Latin
    // Extended Additional is U+1E00..U+1EFF).
    if doubtful_pairs(b) {
        return false;
    }
    // Latin-1 (C2 …) and general punctuation (E2 …) hold odd spaces and controls; they
    // are rarer, and read one by one.
    memchr::memchr2_iter(0xC2, 0xE2, b).all(|i| {
        let at = |k: usize| b.get(k).copied().unwrap_or(0);
        let (y, z) = (at(i + 1), at(i + 2));
        if b[i] == 0xC2 {
            // U+0080..U+00A0 (C1 controls, no-break space) and U+00AD (soft hyphen).
            y > 0xA0 && y != 0xAD
        } else {
            // Only U+2000..U+206F is known, and in it U+2000..U+200D, U+202F, U+205F
            // and U+2060 are odd spaces.
            (y == 0x80 && z > 0x8D && z != 0xAF)
                || (y == 0x81 && (z < 0x9F || (0xA1..=0xAF).contains(&z)))
        }
    })
}

/// Whether any byte pair of `b` raises a doubt (see [`is_clean`]); vectorised, with AVX2
/// where the CPU has it.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn doubtful_pairs(b: &[u8]) -> bool {
    let pairs = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(0u8, |acc, (&x, &y)| acc | doubt(x, y));
    pairs | b.last().map_or(0, |&x| doubt(x, 0)) != 0
}

/// Non-zero for a byte that raises a doubt alone, or for "E1" not followed by B8..BB.
#[inline(always)]
fn doubt(x: u8, y: u8) -> u8 {
    doubt_alone(x) | u8::from((x == 0xE1) & !(0xB8..=0xBB).contains(&y))
}

/// Non-zero for a control (but line feed and tab), or for the first byte of a
/// character of no range [`is_clean`] knows: two-byte characters past U+02FF, three-byte
/// ones but for U+1xxx and U+2xxx, four-byte ones.
#[inline(always)]
fn doubt_alone(x: u8) -> u8 {
    let control = (x < 0x20) & (x != b'\n') & (x != b'\t') | (x == 0x7f);
    let far = (0xCC..=0xDF).contains(&x) | (x == 0xE0) | (x >= 0xE3);
    u8::from(control | far)
}

/// [`is_clean`] by characters: whether every character is of a known range, and
/// whether any needs rewriting.
#[cfg(test)]
fn scan_chars(s: &str) -> (bool, bool) {
    let (mut simple, mut rewrite) = (true, false);
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            rewrite |= (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f;
            continue;
        }
        simple &= u < 0x300 || (0x1E00..0x1F00).contains(&u) || (0x2000..0x2070).contains(&u);
        rewrite |= needs_rewrite(c);
    }
    (simple, rewrite)
}

/// Characters the text layer replaces or removes.
#[cfg(test)]
fn needs_rewrite(c: char) -> bool {
    matches!(c, '\r' | '\u{0b}' | '\u{0c}')
        || (c.is_control() && c != '\n' && c != '\t')
        || rewrite(c) != Rewrite::Keep
}

#[derive(PartialEq)]
enum Rewrite {
    Keep,
    Drop,
    Space,
}

fn rewrite(c: char) -> Rewrite {
    match c {
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Rewrite::Drop,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Rewrite::Space,
        _ => Rewrite::Keep,
    }
}

/// The normalised text of `original` and its map back: line ends and odd spaces
/// rewritten, NFC composed a segment at a time (see [`starts_segment`]). Runs of
/// characters kept as they are — nearly all of any text — are copied whole.
fn normalise(original: &str) -> (String, Checkpoints) {
    let b = original.as_bytes();
    // Bytes, so that short pieces are copied sixteen at a time (see [`push_short`]).
    let mut out: Vec<u8> = Vec::with_capacity(original.len() + 16);
    let mut map = Checkpoints::default();
    let mut delta: isize = 0;
    let mut composed = Composed::default();
    // Original bytes from `run` to `i` are kept as they are, not yet copied.
    let mut run = 0;
    let mut i = 0;
    // Only the characters that may not be kept as they are are looked at.
    marked(b, mark_looks, |at| {
        if at < i {
            // Inside a segment already composed.
            return;
        }
        i = at;
        let (c, len) = crate::grammar::tokens::char_at(original, i);
        let mark = is_mark(b, i);
        let special = !mark && (c.is_control() || rewrite(c) != Rewrite::Keep);
        if !mark && !special && starts_segment(c) {
            i += len;
            return;
        }
        // A segment that needs composing starts at the character before this one, if
        // that one was kept; a rewritten character is a unit of its own.
        let start = if special || i == run {
            i
        } else {
            (run..i)
                .rev()
                .find(|&k| original.is_char_boundary(k))
                .unwrap_or(i)
        };
        push_short(&mut out, b, run, start);
        let mut next = i + len;
        checkpoint(&mut map, &mut delta, out.len(), start);
        match c {
            '\r' => {
                if b.get(next) == Some(&b'\n') {
                    next += 1;
                }
                out.push(b'\n');
            }
            '\u{0b}' | '\u{0c}' => out.push(b'\n'),
            // Never marked; kept should they be.
            '\n' | '\t' => out.push(c as u8),
            _ if c.is_control() => out.push(b' '),
            _ => match rewrite(c) {
                Rewrite::Drop => {}
                Rewrite::Space => out.push(b' '),
                Rewrite::Keep => {
                    // The segment goes on over every character that may compose with
                    // or reorder around it.
                    while next < b.len() {
                        if is_mark(b, next) {
                            next += 2;
                            continue;
                        }
                        let (d, len) = crate::grammar::tokens::char_at(original, next);
                        if starts_segment(d) {
                            break;
                        }
                        next += len;
                    }
                    composed.push(&original[start..next], &mut out);
                }
            },
        }
        checkpoint(&mut map, &mut delta, out.len(), next);
        run = next;
        i = next;
    });
    out.extend_from_slice(&b[run..]);
    // Whole characters were copied and composed segments are strings, so this holds;
    // it is checked all the same, by the vectorised validator (the standard one, which
    // `String::from_utf8` runs, takes 9 % of a decomposed text's parse). The buffer
    // then becomes the text without a copy, so a large text is never held twice (a
    // 100 MB decomposed input peaked 20-30 MB higher with the copy).
    let text = match simdutf8::basic::from_utf8(&out) {
        // SAFETY: `out` was checked to be valid UTF-8 on the line above. The crate's
        // only `unsafe`.
        Ok(_) => unsafe { String::from_utf8_unchecked(out) },
        Err(_) => String::from_utf8_lossy(&out).into_owned(),
    };
    map.finish();
    (text, map)
}

/// Marks with 1 the bytes of `block` (all but its last, which only follows) that may
/// start a character [`normalise`] does not keep as it is: a doubt of [`is_clean`], or
/// a C2 or E2 byte (odd spaces). Never a byte that continues a character. Vectorised,
/// with AVX2 where the CPU has it.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn mark_looks(block: &[u8], marks: &mut [u8]) {
    for ((m, &x), &y) in marks.iter_mut().zip(block).zip(&block[1..]) {
        *m = u8::from((doubt(x, y) != 0) | (x == 0xC2) | (x == 0xE2));
    }
}

/// Marks with 1 the bytes of `block` (all but its last, which only follows) that may
/// end a piece of a cleaned line (see [`Text::push_clean`]): tabs, asterisks, and spaces
/// followed by a space, a tab or the end (0). Vectorised, with AVX2 where the CPU has it.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn mark_clean(block: &[u8], marks: &mut [u8]) {
    for ((m, &x), &y) in marks.iter_mut().zip(block).zip(&block[1..]) {
        let white_next = (y == b' ') | (y == b'\t') | (y == 0);
        *m = u8::from((x == b'\t') | (x == b'*') | ((x == b' ') & white_next));
    }
}

/// Calls `f` with the offsets, in order, of the bytes of `b` that `mark` marks with 1.
/// `mark` gets a block of bytes and the one after it (0 after the end), and marks all
/// but that last one: a block at a time, marked by a loop the compiler vectorises. The
/// marks are read back 32 at a time, skipped when all are 0, and else eight at a
/// time, each found by its bit (a call of `memchr` per mark cost more, even for marks
/// far apart).
#[inline(always)]
pub(crate) fn marked(b: &[u8], mark: impl Fn(&[u8], &mut [u8]), mut f: impl FnMut(usize)) {
    by_blocks(b, mark, |base, marks| {
        // Blocks are read whole, in groups of 32 (`by_blocks` hands a multiple of 32
        // marks): past the end of the text, marks are 0.
        let (groups, _) = marks.as_chunks::<32>();
        for (g, group) in groups.iter().enumerate() {
            let (words, _) = group.as_chunks::<8>();
            let w = words.iter().map(|&eight| u64::from_le_bytes(eight));
            if w.clone().fold(0, |a, w| a | w) == 0 {
                continue;
            }
            for (n, mut w) in w.enumerate() {
                // Marks are 0 or 1: clearing the lowest set bit clears the lowest mark.
                while w != 0 {
                    f(base + g * 32 + n * 8 + w.trailing_zeros() as usize / 8);
                    w &= w - 1;
                }
            }
        }
    });
}

/// Marks `b` a block at a time with `mark` and hands each block's offset and marks
/// to `read`.
#[inline(always)]
fn by_blocks(b: &[u8], mark: impl Fn(&[u8], &mut [u8]), mut read: impl FnMut(usize, &[u8])) {
    const BLOCK: usize = 256;
    let mut marks = [0u8; BLOCK];
    let mut padded = [0u8; BLOCK + 1];
    let mut base = 0;
    while base < b.len() {
        let n = BLOCK.min(b.len() - base);
        // The last block is copied out and padded, so that every block is read by
        // the same loop.
        let block = if base + n < b.len() {
            &b[base..=base + n]
        } else {
            padded[..n].copy_from_slice(&b[base..]);
            padded[n..].fill(0);
            &padded[..]
        };
        mark(block, &mut marks);
        marks[n..].fill(0);
        read(base, &marks[..n.next_multiple_of(32)]);
        base += n;
    }
}

/// Appends `b[from..to]` to `out`: a piece of up to sixteen bytes with sixteen bytes
/// after its start is copied as a block of sixteen and cut back, without a call to
/// `memcpy` (pieces between marks in decomposed text are a few bytes long).
#[inline(always)]
fn push_short(out: &mut Vec<u8>, b: &[u8], from: usize, to: usize) {
    let len = to - from;
    match b.get(from..from + 16).map(<&[u8; 16]>::try_from) {
        Some(Ok(block)) if len <= 16 => {
            let keep = out.len() + len;
            out.extend_from_slice(block);
            out.truncate(keep);
        }
        _ => out.extend_from_slice(&b[from..to]),
    }
}

/// Whether a combining mark of U+0300..U+036F but U+034F starts at byte `i` (a
/// character boundary): such a mark never starts a segment (see [`starts_segment`]).
#[inline(always)]
fn is_mark(b: &[u8], i: usize) -> bool {
    match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
        (0xCC, _) => true,
        (0xCD, y) => y < 0xB0 && y != 0x8F,
        _ => false,
    }
}

/// Whether `c` starts a segment of the normalisation: the text layer rewrites it, or
/// it is a starter that nothing before it composes with (canonical combining class 0
/// and NFC quick check "yes"), so that NFC of a text is NFC of its segments, one after
/// another. ASCII, Latin-1 to the spacing modifiers and Latin Extended Additional are
/// all such starters (a test checks every one).
#[inline]
fn starts_segment(c: char) -> bool {
    let u = c as u32;
    u < 0x300
        || (0x1E00..0x1F00).contains(&u)
        || c.is_control()
        || rewrite(c) != Rewrite::Keep
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// The NFC of segments, remembered: a decomposed text repeats the same few letters
/// with their marks, and each is composed once.
#[derive(Default)]
struct Composed {
    /// Short segments (up to 16 bytes, packed; a segment never holds a NUL) and their
    /// NFC, when it is 16 bytes or shorter: padded, and its length.
    known: rustc_hash::FxHashMap<u128, ([u8; 16], u8)>,
}

impl Composed {
    /// At most this many segments are remembered, whatever the input.
    const MAX: usize = 4096;

    /// Appends the NFC of `segment` to `out`.
    fn push(&mut self, segment: &str, out: &mut Vec<u8>) {
        let b = segment.as_bytes();
        if b.len() > 16 {
            out.extend(segment.nfc().collect::<String>().as_bytes());
            return;
        }
        let mut key = [0u8; 16];
        key[..b.len()].copy_from_slice(b);
        let key = u128::from_le_bytes(key);
        if let Some((nfc, len)) = self.known.get(&key) {
            let keep = out.len() + *len as usize;
            out.extend_from_slice(nfc);
            out.truncate(keep);
            return;
        }
        let nfc: String = segment.nfc().collect();
        out.extend_from_slice(nfc.as_bytes());
        if nfc.len() <= 16 && self.known.len() < Self::MAX {
            let mut value = [0u8; 16];
            value[..nfc.len()].copy_from_slice(nfc.as_bytes());
            self.known.insert(key, (value, nfc.len() as u8));
        }
    }
}

fn checkpoint(map: &mut Checkpoints, delta: &mut isize, norm: usize, orig: usize) {
    let d = orig as isize - norm as isize;
    if d != *delta {
        // A later checkpoint at the same normalised offset replaces an earlier one.
        if map.last().is_some_and(|(n, _)| n == norm) {
            map.replace_last(norm, orig);
        } else {
            map.push(norm, orig);
        }
        *delta = d;
    }
}

/// The map from normalised to original offsets: `(normalised, original)` where their
/// difference changes. A decomposed text has a checkpoint every ten bytes or so, so
/// they are packed: every [`ANCHOR_EVERY`]th in full (an anchor), the others as their
/// step from the one before — one byte when the step is under 127 bytes and the
/// difference grows by one or two (a letter composed with one or two marks), else
/// [`ESCAPE`] and two LEB128 numbers. About 1.4 bytes a checkpoint instead of 8.
#[derive(Debug, Default)]
struct Checkpoints {
    anchors: Vec<Anchor>,
    steps: Vec<u8>,
    /// How many checkpoints are packed.
    len: usize,
    /// Checkpoints not packed yet (while the map is made).
    pending: Vec<(usize, usize)>,
    /// The last checkpoint [`Checkpoints::around`] found.
    cursor: std::cell::Cell<Option<Cursor>>,
}

/// A checkpoint found by decoding: its block, its place in the block, its offsets,
/// and where the next step starts.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    block: usize,
    i: usize,
    norm: usize,
    orig: usize,
    at: usize,
}

/// A checkpoint stored in full, and where the steps after it start.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    norm: usize,
    orig: usize,
    at: usize,
}

/// One checkpoint in this many is an [`Anchor`]: a lookup decodes at most this many steps.
const ANCHOR_EVERY: usize = 64;
/// The first byte of a step that does not fit in one byte.
const ESCAPE: u8 = 0xFF;
/// One-byte steps from here on grow the difference by two, below it by one.
const GROW_TWO: u8 = 0x80;

impl Checkpoints {
    fn is_empty(&self) -> bool {
        self.len == 0 && self.pending.is_empty()
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.len
    }

    /// Appends a checkpoint; normalised offsets never go back. Checkpoints wait in
    /// `pending` and are packed a block at a time; one always stays there, so that the
    /// last can be replaced.
    fn push(&mut self, norm: usize, orig: usize) {
        self.pending.push((norm, orig));
        if self.pending.len() > ANCHOR_EVERY {
            let mut pending = std::mem::take(&mut self.pending);
            self.pack(&pending[..ANCHOR_EVERY]);
            pending.clear();
            pending.push((norm, orig));
            self.pending = pending;
        }
    }

    /// The last checkpoint.
    fn last(&self) -> Option<(usize, usize)> {
        self.pending.last().copied()
    }

    /// Replaces the last checkpoint, if there is one.
    fn replace_last(&mut self, norm: usize, orig: usize) {
        if let Some(last) = self.pending.last_mut() {
            *last = (norm, orig);
        }
    }

    /// Packs every checkpoint still pending, and frees what the map does not use.
    fn finish(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.pack(&pending);
        self.anchors.shrink_to_fit();
        self.steps.shrink_to_fit();
    }

    /// Packs a block: its first checkpoint as an anchor, the others as steps.
    fn pack(&mut self, block: &[(usize, usize)]) {
        let Some(&(n0, o0)) = block.first() else {
            return;
        };
        self.anchors.push(Anchor {
            norm: n0,
            orig: o0,
            at: self.steps.len(),
        });
        self.len += block.len();
        let (mut n, mut o) = (n0, o0);
        for &(norm, orig) in &block[1..] {
            let grow = (orig.wrapping_sub(norm) as isize).wrapping_sub(o.wrapping_sub(n) as isize);
            let step = norm.saturating_sub(n);
            match (grow, u8::try_from(step)) {
                (1, Ok(b)) if b < GROW_TWO => self.steps.push(b),
                (2, Ok(b)) if b < ESCAPE - GROW_TWO => self.steps.push(GROW_TWO + b),
                _ => {
                    self.steps.push(ESCAPE);
                    leb128(&mut self.steps, step as u64);
                    // Zigzag: small differences either way stay short.
                    leb128(
                        &mut self.steps,
                        ((grow << 1) ^ (grow >> (isize::BITS - 1))) as u64,
                    );
                }
            }
            (n, o) = (norm, orig);
        }
    }

    /// A cursor on the anchor of block `k`.
    fn anchor(&self, k: usize) -> Option<Cursor> {
        let a = self.anchors.get(k)?;
        Some(Cursor {
            block: k,
            i: 0,
            norm: a.norm,
            orig: a.orig,
            at: a.at,
        })
    }

    /// The checkpoint after `c` in its block.
    fn next_in_block(&self, c: &Cursor) -> Option<Cursor> {
        let count = self
            .len
            .saturating_sub(c.block * ANCHOR_EVERY)
            .min(ANCHOR_EVERY);
        if c.i + 1 >= count {
            return None;
        }
        let mut at = c.at;
        let b = *self.steps.get(at)?;
        at += 1;
        let (step, grow) = match b {
            ESCAPE => {
                let step = read_leb128(&self.steps, &mut at) as usize;
                let z = read_leb128(&self.steps, &mut at);
                (step, ((z >> 1) as isize) ^ -((z & 1) as isize))
            }
            _ if b >= GROW_TWO => (usize::from(b - GROW_TWO), 2),
            _ => (usize::from(b), 1),
        };
        let norm = c.norm + step;
        let diff = (c.orig.wrapping_sub(c.norm) as isize).wrapping_add(grow);
        Some(Cursor {
            block: c.block,
            i: c.i + 1,
            norm,
            orig: norm.wrapping_add(diff as usize),
            at,
        })
    }

    #[cfg(test)]
    fn get(&self, i: usize) -> Option<(usize, usize)> {
        let mut c = self.anchor(i / ANCHOR_EVERY)?;
        for _ in 0..i % ANCHOR_EVERY {
            c = self.next_in_block(&c)?;
        }
        Some((c.norm, c.orig))
    }

    /// The last checkpoint at or before `norm`, and the original offset of the next.
    /// Offsets asked for in order along the text cost their distance: the search goes
    /// on from the last answer when that is in the same block and not past `norm`.
    fn around(&self, norm: usize) -> (Option<(usize, usize)>, Option<usize>) {
        let k = self.anchors.partition_point(|a| a.norm <= norm);
        let Some(k) = k.checked_sub(1) else {
            return (None, self.anchors.first().map(|a| a.orig));
        };
        let start = match self.cursor.get() {
            Some(c) if c.block == k && c.norm <= norm => Some(c),
            _ => self.anchor(k),
        };
        let Some(mut c) = start else {
            return (None, None);
        };
        let next = loop {
            match self.next_in_block(&c) {
                Some(n) if n.norm <= norm => c = n,
                Some(n) => break Some(n.orig),
                None => break self.anchors.get(k + 1).map(|a| a.orig),
            }
        };
        self.cursor.set(Some(c));
        (Some((c.norm, c.orig)), next)
    }
}

/// Appends `x` in LEB128: seven bits a byte, low first, the high bit on all but the last.
fn leb128(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Reads a LEB128 number at `*at`, moving past it.
fn read_leb128(b: &[u8], at: &mut usize) -> u64 {
    let mut x = 0u64;
    let mut shift = 0;
    while let Some(&byte) = b.get(*at) {
        *at += 1;
        if shift < 64 {
            x |= u64::from(byte & 0x7f) << shift;
        }
        shift += 7;
        if byte < 0x80 {
            break;
        }
    }
    x
}

/// A logical text assembled from pieces of the normalised text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// The assembled text.
    pub s: String,
    /// `(offset in s, normalised offset)` at the start of every piece.
    pieces: Vec<(usize, usize)>,
}

impl Text {
    /// Appends a piece of the normalised text.
    pub fn push_piece(&mut self, piece: &str, norm_start: usize) {
        if piece.is_empty() {
            return;
        }
        let here = self.s.len();
        let contiguous = self
            .pieces
            .last()
            .is_some_and(|&(s0, n0)| n0 + (here - s0) == norm_start);
        if !contiguous {
            self.pieces.push((here, norm_start));
        }
        self.s.push_str(piece);
    }

    /// Appends one space (mapped to the end of the previous piece) unless the text
    /// is empty or already ends in white space.
    pub fn push_space(&mut self) {
        if !self.s.is_empty() && !self.s.ends_with(' ') {
            self.s.push(' ');
        }
    }

    /// Appends a cleaned line: emphasis marks removed, white space collapsed.
    pub fn push_clean(&mut self, norm: &str, start: usize, end: usize) {
        let line = &norm[start..end];
        let bytes = line.as_bytes();
        // Most lines have nothing to clean: one piece, found with vectorised searches.
        let clean = !bytes.starts_with(b" ")
            && !bytes.ends_with(b" ")
            && memchr::memchr2(b'\t', b'*', bytes).is_none()
            && !has_spaces(bytes, 2);
        if clean {
            if !bytes.is_empty() {
                self.push_piece(line, start);
            }
            return;
        }
        // Only the bytes a vectorised pass marks can end a piece: tabs, asterisks, and
        // spaces followed by white space or the end. A single space between two
        // characters stays in its piece, so most lines are copied in a few pieces.
        let mut i = 0;
        let mut piece: Option<usize> = None;
        let mut event = |this: &mut Text, at: usize| {
            if at < i {
                // Inside a run already dropped.
                return;
            }
            if piece.is_none() && i < at {
                // A single space after something dropped is white space, not text.
                if bytes[i] == b' ' {
                    this.push_space();
                    i += 1;
                }
                if i < at {
                    piece = Some(i);
                }
            }
            let Some(&x) = bytes.get(at) else {
                return;
            };
            let run = |c: &dyn Fn(u8) -> bool| {
                at + bytes[at..]
                    .iter()
                    .position(|&y| !c(y))
                    .unwrap_or(bytes.len() - at)
            };
            if x == b'*' {
                let j = run(&|y| y == b'*');
                let spaced = |y: Option<&u8>| y.is_some_and(|&c| c == b' ' || c == b'\t');
                // A lone asterisk between spaces is a character, not emphasis.
                if at > 0 && spaced(bytes.get(at - 1)) && spaced(bytes.get(j)) {
                    if piece.is_none() {
                        piece = Some(at);
                    }
                } else if let Some(ps) = piece.take() {
                    this.push_piece(&line[ps..at], start + ps);
                }
                i = j;
            } else {
                let j = run(&|y| y == b' ' || y == b'\t');
                if let Some(ps) = piece.take() {
                    this.push_piece(&line[ps..at], start + ps);
                }
                this.push_space();
                i = j;
            }
        };
        marked(bytes, mark_clean, |at| event(self, at));
        event(self, bytes.len());
        if let Some(ps) = piece {
            self.push_piece(&line[ps..], start + ps);
        }
    }

    /// Empties the text, keeping its buffers.
    pub fn clear(&mut self) {
        self.s.clear();
        self.pieces.clear();
    }

    /// Removes trailing white space.
    pub fn trim_end(&mut self) {
        let t = self.s.trim_end().len();
        self.s.truncate(t);
    }

    /// The normalised offset of an offset in the assembled text.
    pub fn norm_offset(&self, pos: usize) -> usize {
        let i = self.pieces.partition_point(|&(s, _)| s <= pos);
        match i {
            0 => self.pieces.first().map_or(0, |&(_, n)| n),
            _ => {
                let (s, n) = self.pieces[i - 1];
                n + (pos - s)
            }
        }
    }

    /// The normalised range of a range of the assembled text.
    pub fn norm_range(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.norm_offset(start);
        // The end maps through the last character inside the range, so that a range
        // ending at a join does not reach into the next line.
        let b = if end > start {
            let last = self.s[..end].chars().next_back().map_or(0, char::len_utf8);
            self.norm_offset(end - last) + last
        } else {
            a
        };
        (a, b.max(a))
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.s.is_empty()
    }

    /// The text from byte `pos` on, with its map.
    pub fn tail(&self, pos: usize) -> Text {
        self.slice(pos, self.s.len())
    }

    /// The text from byte `pos` to byte `end` (character boundaries), with its map.
    pub fn slice(&self, pos: usize, end: usize) -> Text {
        let mut t = Text::default();
        let Some(piece) = self.s.get(pos..end).filter(|p| !p.is_empty()) else {
            return t;
        };
        t.s = piece.to_string();
        let first = self
            .pieces
            .partition_point(|&(s, _)| s <= pos)
            .saturating_sub(1);
        let last = self.pieces.partition_point(|&(s, _)| s < end);
        for (k, &(s, n)) in self.pieces.iter().enumerate().take(last).skip(first) {
            if k == first {
                t.pieces.push((0, n + (pos.saturating_sub(s))));
            } else {
                t.pieces.push((s - pos, n));
            }
        }
        t
    }

    /// The text up to byte `pos`.
    pub fn truncate(&mut self, pos: usize) {
        self.s.truncate(pos);
        let keep = self.pieces.partition_point(|&(s, _)| s < pos.max(1));
        self.pieces.truncate(keep.max(1).min(self.pieces.len()));
    }

    /// Appends another text after one space.
    pub fn append(&mut self, other: &Text) {
        self.push_space();
        let base = self.s.len();
        self.s.push_str(&other.s);
        self.pieces
            .extend(other.pieces.iter().map(|&(s, n)| (s + base, n)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_input_borrows() {
        let s = Source::new("Nghị quyết\nsố 1");
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.original_offset(5), 5);
    }

    #[test]
    fn a_byte_order_mark_alone_is_skipped_and_the_rest_borrowed() {
        let input = "\u{feff}Nghị quyết\nsố 1";
        let s = Source::new(input);
        assert!(matches!(s.text, Cow::Borrowed(_)));
        assert_eq!(s.text(), "Nghị quyết\nsố 1");
        assert_eq!(s.original_offset(0), 3);
        assert_eq!(s.original_offset(s.text().len()), input.len());
        // The same map as the normaliser gives.
        let (text, map) = normalise(input);
        assert_eq!(text, s.text());
        assert_eq!((map.len(), map.get(0)), (s.map.len(), s.map.get(0)));
    }

    #[test]
    fn crlf_bom_nbsp_map_back() {
        let input = "\u{feff}A\r\nB\u{a0}C\rD";
        let s = Source::new(input);
        assert_eq!(s.text(), "A\nB C\nD");
        // 'B' is at normalised 2, original 3 + 2 = 5.
        assert_eq!(s.original_offset(2), 6);
        assert_eq!(&input[s.original_offset(4)..s.original_offset(5)], "C");
        assert_eq!(&input[s.original_offset(6)..], "D");
        assert_eq!(s.line_column(s.original_offset(6)), (3, 1));
    }

    #[test]
    fn nfd_composes_and_maps() {
        let nfd: String = "Nghị quyết".nfd().collect();
        let s = Source::new(&nfd);
        assert_eq!(s.text(), "Nghị quyết");
        let q = s.text().find('q').unwrap();
        assert_eq!(&nfd[s.original_offset(q)..s.original_offset(q) + 1], "q");
        let end = s.original_offset(s.text().len());
        assert_eq!(end, nfd.len());
    }

    #[test]
    fn clean_drops_emphasis_and_collapses_space() {
        let norm = "**T/M  TỈNH ỦY** (*ghi chú*) a * b";
        let mut t = Text::default();
        t.push_clean(norm, 0, norm.len());
        assert_eq!(t.s, "T/M TỈNH ỦY (ghi chú) a * b");
        let p = t.s.find("ghi").unwrap();
        assert_eq!(&norm[t.norm_offset(p)..t.norm_offset(p) + 3], "ghi");
    }

    #[test]
    fn byte_scan_agrees_with_the_character_scan_for_every_character() {
        let mut s = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for form in [0, 1, 2] {
                s.clear();
                match form {
                    0 => s.push(c),
                    1 => s.extend(['a', c]),
                    _ => s.extend(['ấ', c, '.', 'x']),
                }
                let reference = scan_chars(&s) == (true, false);
                assert_eq!(is_clean(&s), reference, "U+{:04X} in {s:?}", c as u32);
            }
        }
    }

    #[test]
    fn segments_start_where_the_fast_ranges_say() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if is_mark(bytes, 0) {
                assert!(!starts_segment(c), "U+{:04X}", c as u32);
                assert!(!c.is_control() && rewrite(c) == Rewrite::Keep);
            }
            let generic = c.is_control()
                || rewrite(c) != Rewrite::Keep
                || (canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes);
            assert_eq!(starts_segment(c), generic, "U+{:04X}", c as u32);
        }
    }

    /// The characters of the property test below: letters with and without marks,
    /// combining marks in any order, Hangul jamo, singletons and exclusions.
    const PIECES: &[char] = &[
        'a', 'e', 'o', 'u', 'A', 'Ơ', 'ư', 'â', 'ệ', 'đ', ' ', '.', '\u{300}', '\u{301}',
        '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31b}', '\u{34f}', '\u{1100}',
        '\u{1161}', '\u{11a8}', '\u{ac00}', '\u{2126}', '\u{340}', '\u{f73}', '\u{b47}', '\u{b3e}',
        '\u{3b9}', '\u{345}',
    ];

    proptest::proptest! {
        #[test]
        fn normalising_by_segments_is_nfc(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let s: String = picks.iter().map(|&k| PIECES[k]).collect();
            let (text, _) = normalise(&s);
            let nfc: String = s.nfc().collect();
            proptest::prop_assert_eq!(text, nfc);
        }
    }

    /// Rewritten characters are units of their own; what lies between them is composed.
    fn reference(s: &str) -> String {
        let mut out = String::new();
        let mut piece = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let unit = match c {
                '\r' => {
                    chars.next_if_eq(&'\n');
                    "\n"
                }
                '\u{0b}' | '\u{0c}' => "\n",
                '\n' => "\n",
                '\t' => "\t",
                _ if c.is_control() => " ",
                _ => match rewrite(c) {
                    Rewrite::Drop => "",
                    Rewrite::Space => " ",
                    Rewrite::Keep => {
                        piece.push(c);
                        continue;
                    }
                },
            };
            out.extend(piece.nfc());
            piece.clear();
            out.push_str(unit);
        }
        out.extend(piece.nfc());
        out
    }

    proptest::proptest! {
        #[test]
        fn rewritten_characters_and_composition_mix(
            picks in proptest::collection::vec(0..PIECES.len() + 8, 0..40)
        ) {
            const ODD: [char; 8] = ['\r', '\n', '\t', '\u{a0}', '\u{200b}', '\u{1}', '\u{2000}', '\u{c}'];
            let s: String = picks
                .iter()
                .map(|&k| PIECES.get(k).copied().unwrap_or_else(|| ODD[k - PIECES.len()]))
                .collect();
            let src = Source::new(&s);
            proptest::prop_assert_eq!(src.text(), reference(&s));
            // Every offset maps back inside the input, in order, and the end to the end.
            let back: Vec<usize> = (0..=src.text().len()).map(|k| src.original_offset(k)).collect();
            proptest::prop_assert!(back.windows(2).all(|w| w[0] <= w[1]));
            proptest::prop_assert_eq!(back.last().copied(), Some(s.len()));
        }
    }

    #[test]
    fn every_character_alone_and_after_a_letter_is_nfc() {
        let mut s = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_control() || rewrite(c) != Rewrite::Keep {
                continue;
            }
            for before in ["", "a", "\u{1ec7}", "\u{1100}"] {
                s.clear();
                s.push_str(before);
                s.push(c);
                s.push('\u{323}');
                let nfc: String = s.nfc().collect();
                assert_eq!(normalise(&s).0, nfc, "U+{:04X} after {before:?}", c as u32);
            }
        }
    }

    #[test]
    fn looks_mark_every_character_not_kept_and_only_character_starts() {
        let mut s = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            s.clear();
            s.extend(['a', c, '\u{1ec7}', c, '\u{301}']);
            let mut at = Vec::new();
            marked(s.as_bytes(), mark_looks, |k| at.push(k));
            for (k, d) in s.char_indices() {
                let kept = matches!(d, '\n' | '\t')
                    || (!d.is_control() && rewrite(d) == Rewrite::Keep && starts_segment(d));
                assert!(
                    kept || at.contains(&k),
                    "U+{:04X} at {k} in {s:?}",
                    d as u32
                );
            }
            assert!(at.iter().all(|&k| s.is_char_boundary(k)), "{s:?}");
        }
    }

    impl Text {
        /// [`Text::push_clean`] a byte at a time, as it first was: the reference.
        /// Every line goes through the loop, clean or not.
        fn push_clean_by_bytes(&mut self, norm: &str, start: usize, end: usize) {
            let line = &norm[start..end];
            let bytes = line.as_bytes();
            let mut i = 0;
            let mut piece_start: Option<usize> = None;
            while i < bytes.len() {
                let b = bytes[i];
                // One space between two characters of a piece stays in the piece: most
                // lines are then copied in one go.
                if b == b' '
                    && piece_start.is_some()
                    && bytes.get(i + 1).is_some_and(|&n| n != b' ' && n != b'\t')
                {
                    i += 1;
                    continue;
                }
                let drop_len = if b == b' ' || b == b'\t' {
                    let mut j = i;
                    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                        j += 1;
                    }
                    Some((j - i, true))
                } else if b == b'*' {
                    let mut j = i;
                    while j < bytes.len() && bytes[j] == b'*' {
                        j += 1;
                    }
                    let before = i.checked_sub(1).map(|k| bytes[k]);
                    let after = bytes.get(j).copied();
                    let spaced = |x: Option<u8>| x.is_none_or(|c| c == b' ' || c == b'\t');
                    // A lone asterisk between spaces is a character, not emphasis.
                    if spaced(before) && spaced(after) && before.is_some() && after.is_some() {
                        // The whole run stays, as a character.
                        if piece_start.is_none() {
                            piece_start = Some(i);
                        }
                        i = j;
                        continue;
                    } else {
                        Some((j - i, false))
                    }
                } else {
                    None
                };
                match drop_len {
                    Some((len, is_space)) => {
                        if let Some(ps) = piece_start.take() {
                            self.push_piece(&line[ps..i], start + ps);
                        }
                        if is_space {
                            self.push_space();
                        }
                        i += len;
                    }
                    None => {
                        if piece_start.is_none() {
                            piece_start = Some(i);
                        }
                        i += 1;
                    }
                }
            }
            if let Some(ps) = piece_start {
                self.push_piece(&line[ps..], start + ps);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn cleaning_by_marks_agrees_with_cleaning_by_bytes(
            picks in proptest::collection::vec(0..7usize, 0..60)
        ) {
            const BITS: [&str; 7] = ["a", " ", "\t", "*", "ệ", "  ", "**"];
            let line: String = picks.iter().map(|&k| BITS[k]).collect();
            let norm = format!("x{line}y");
            let (mut fast, mut slow) = (Text::default(), Text::default());
            fast.push_clean(&norm, 1, norm.len() - 1);
            slow.push_clean_by_bytes(&norm, 1, norm.len() - 1);
            proptest::prop_assert_eq!(&fast.s, &slow.s);
            for k in 0..=fast.s.len() {
                proptest::prop_assert_eq!(fast.norm_offset(k), slow.norm_offset(k));
            }
        }
    }

    #[test]
    fn column_counts_characters() {
        let s = Source::new("ấy\nđược x");
        assert_eq!(s.line_column("ấy\nđược ".len()), (2, 6));
    }

    proptest::proptest! {
        /// The packed map reads back what was pushed, for every kind of step: short and
        /// long, growing and shrinking the difference, replacing the last, past 4 GiB.
        #[test]
        fn packed_checkpoints_read_back(
            base in proptest::prop_oneof![proptest::strategy::Just(0usize), proptest::strategy::Just(5usize << 32)],
            ops in proptest::collection::vec((0usize..300, -4isize..5, 0u8..8), 0..300)
        ) {
            let mut map = Checkpoints::default();
            let mut reference: Vec<(usize, usize)> = Vec::new();
            let (mut norm, mut diff) = (base, 1_000_000isize);
            for (step, grow, what) in ops {
                diff += if what == 7 { grow * 100_000 } else { grow };
                let at = |n: usize| (n, n.wrapping_add(diff as usize));
                match reference.last() {
                    Some(&(n, _)) if what == 0 => {
                        reference.pop();
                        reference.push(at(n));
                        map.replace_last(n, at(n).1);
                    }
                    _ => {
                        norm += if what == 6 { step * 1000 } else { step };
                        reference.push(at(norm));
                        map.push(norm, at(norm).1);
                    }
                }
            }
            map.finish();
            proptest::prop_assert_eq!(map.len(), reference.len());
            for (i, &c) in reference.iter().enumerate() {
                proptest::prop_assert_eq!(map.get(i), Some(c));
            }
            proptest::prop_assert_eq!(map.get(reference.len()), None);
            let mut probes: Vec<usize> = reference.iter().flat_map(|&(n, _)| [n.saturating_sub(1), n, n + 1]).collect();
            probes.push(base);
            for x in probes {
                let i = reference.partition_point(|&(n, _)| n <= x);
                let want = (i.checked_sub(1).map(|k| reference[k]), reference.get(i).map(|c| c.1));
                proptest::prop_assert_eq!(map.around(x), want);
            }
        }
    }
}
