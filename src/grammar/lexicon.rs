//! Every word list of the grammar, in one place, and the fold that compares words
//! tone-placement-insensitively.
//!
//! Two tone-mark placements are in use ("hóa"/"hoá", "ủy"/"uỷ"). [`fold`] lowercases a
//! word, decomposes it and moves its tone mark to the end of the syllable, so both
//! placements give the same key while words that differ in a vowel mark or tone
//! ("đạt"/"đặt", "tăng"/"tầng") stay different. Every list below is written in the
//! folded form's source spelling and folded once when compared.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// The precomposed range folded through the table: Latin-1 to Latin Extended Additional.
const TABLE_START: u32 = 0xC0;
const TABLE_END: u32 = 0x1F00;

/// For every character of the table range: its lowercase form without the tone mark
/// (None for a lone tone mark) and the tone (0 for none, 1..=5 for [`TONE_MARKS`]).
/// Built on first use from each character's canonical decomposition, without a string
/// per character (a test checks every entry against [`fold_entry_by_strings`]).
fn table() -> &'static [(Option<char>, u8)] {
    static TABLE: OnceLock<Vec<(Option<char>, u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (TABLE_START..TABLE_END)
            .map(|u| char::from_u32(u).map_or((None, 0), fold_entry))
            .collect()
    })
}

/// The table entry of `c`: its lowercase form decomposed, the tone mark taken out,
/// the rest composed again. Where that rest does not compose back into one character
/// by composing mark after mark (or the lowercase is several characters), the entry
/// is left to [`fold_entry_by_strings`], which normalises whole strings.
fn fold_entry(c: char) -> (Option<char>, u8) {
    use unicode_normalization::char::{compose, decompose_canonical};
    let mut lower = c.to_lowercase();
    let (Some(l), None) = (lower.next(), lower.next()) else {
        return fold_entry_by_strings(c);
    };
    let mut tone = 0;
    let mut rest = ['\0'; 4];
    let mut n = 0;
    decompose_canonical(l, |d| match TONE_MARKS.iter().position(|&t| t == d) {
        Some(i) => tone = i as u8 + 1,
        None => {
            if let Some(slot) = rest.get_mut(n) {
                *slot = d;
            }
            n += 1;
        }
    });
    if n > rest.len() {
        return fold_entry_by_strings(c);
    }
    let Some((&first, marks)) = rest[..n].split_first() else {
        return (None, tone);
    };
    let mut base = first;
    for &m in marks {
        match compose(base, m) {
            Some(b) => base = b,
            None => return fold_entry_by_strings(c),
        }
    }
    (Some(base), tone)
}

/// [`fold_entry`] by whole strings: lowercase, NFD, tone marks out, NFC; a rest that
/// is not one character keeps the lowercase character and no tone.
fn fold_entry_by_strings(c: char) -> (Option<char>, u8) {
    let lower: String = c.to_lowercase().collect();
    let mut tone = 0;
    let mut rest = String::new();
    for d in lower.nfd() {
        match TONE_MARKS.iter().position(|&t| t == d) {
            Some(i) => tone = i as u8 + 1,
            None => rest.push(d),
        }
    }
    let base: String = rest.nfc().collect();
    let mut chars = base.chars();
    match (chars.next(), chars.next()) {
        (Some(b), None) => (Some(b), tone),
        (None, _) => (None, tone),
        _ => (lower.chars().next(), 0),
    }
}

/// A character folded: its lowercase base without tone, and its tone (0 for none).
pub(crate) fn fold_char(c: char) -> (Option<char>, u8) {
    if c.is_ascii() {
        return (Some(c.to_ascii_lowercase()), 0);
    }
    if let Some(i) = TONE_MARKS.iter().position(|&t| t == c) {
        return (None, i as u8 + 1);
    }
    let u = c as u32;
    if (TABLE_START..TABLE_END).contains(&u) {
        return table()[(u - TABLE_START) as usize];
    }
    (c.to_lowercase().next(), 0)
}

/// Lowercases `s` and moves every syllable's tone mark to the syllable's end.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut tone = 0u8;
    for c in s.chars() {
        let (base, t) = fold_char(c);
        if t != 0 {
            tone = t;
        }
        let Some(b) = base else { continue };
        if !(b.is_alphanumeric() || is_mark(b)) && tone != 0 {
            out.push(TONE_MARKS[tone as usize - 1]);
            tone = 0;
        }
        out.push(b);
    }
    if tone != 0 {
        out.push(TONE_MARKS[tone as usize - 1]);
    }
    out
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn next_base(it: &mut std::str::Chars, tone: &mut u8) -> Option<char> {
    for c in it.by_ref() {
        let (base, t) = fold_char(c);
        if t != 0 {
            *tone = t;
        }
        if base.is_some() {
            return base;
        }
    }
    None
}

/// Whether the single word `word` folds to the same key as `expected`, without
/// allocating: the bases must match letter by letter and the tones as a whole.
pub fn same_word(word: &str, expected: &str) -> bool {
    if word == expected {
        return true;
    }
    let (mut a, mut b) = (word.chars(), expected.chars());
    let (mut ta, mut tb) = (0u8, 0u8);
    loop {
        match (next_base(&mut a, &mut ta), next_base(&mut b, &mut tb)) {
            (None, None) => return ta == tb,
            (x, y) if x == y => {}
            _ => return false,
        }
    }
}

/// [`table`] packed for [`word_key`]: the base character in the low 21 bits (0 for
/// none), the tone above.
fn packed_table() -> &'static [u32] {
    static PACKED: OnceLock<Vec<u32>> = OnceLock::new();
    PACKED.get_or_init(|| {
        table()
            .iter()
            .map(|&(base, tone)| base.map_or(0, |c| c as u32) | u32::from(tone) << 24)
            .collect()
    })
}

/// A hash of a word's folded form: equal for words that [`same_word`] equates.
pub fn word_key(word: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let packed = packed_table();
    let mut tone = 0u8;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars() {
        let u = c as u32;
        let (base, t) = if u < 0x80 {
            (u32::from((u as u8).to_ascii_lowercase()), 0)
        } else if let Some(&e) = u
            .checked_sub(TABLE_START)
            .and_then(|k| packed.get(k as usize))
        {
            (e & 0x1F_FFFF, (e >> 24) as u8)
        } else {
            match fold_char(c) {
                (Some(b), t) => (b as u32, t),
                (None, t) => (0, t),
            }
        };
        if t != 0 {
            tone = t;
        }
        if base != 0 {
            h = (h ^ u64::from(base)).wrapping_mul(PRIME);
        }
    }
    (h ^ (tone as u64 + 0x100)).wrapping_mul(PRIME)
}

/// One phrase of an indexed word list: its text, its words' keys and its value.
pub struct Phrase<T> {
    /// The phrase as written in the list.
    pub text: &'static str,
    /// The [`word_key`] of each of its words.
    pub keys: Box<[u64]>,
    /// What the list says of it.
    pub value: T,
}

/// A word list indexed by the keys of its phrases' first and last words, so that a
/// lookup at a token tries only the phrases that can match there, comparing keys.
pub struct Phrases<T: 'static> {
    phrases: Vec<Phrase<T>>,
    by_first: rustc_hash::FxHashMap<u64, Vec<usize>>,
    by_last: rustc_hash::FxHashMap<u64, Vec<usize>>,
}

impl<T: Copy + 'static> Phrases<T> {
    fn new(list: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut p = Phrases {
            phrases: Vec::new(),
            by_first: rustc_hash::FxHashMap::default(),
            by_last: rustc_hash::FxHashMap::default(),
        };
        for (text, value) in list {
            let keys: Box<[u64]> = text.split(' ').map(word_key).collect();
            let (Some(&first), Some(&last)) = (keys.first(), keys.last()) else {
                continue;
            };
            let k = p.phrases.len();
            p.by_first.entry(first).or_insert_with(Vec::new).push(k);
            p.by_last.entry(last).or_insert_with(Vec::new).push(k);
            p.phrases.push(Phrase { text, keys, value });
        }
        p
    }

    /// The phrases whose first word has this key.
    pub fn starting_with(&self, key: u64) -> impl Iterator<Item = &Phrase<T>> {
        let found = self.by_first.get(&key).map_or(&[][..], Vec::as_slice);
        found.iter().filter_map(|&k| self.phrases.get(k))
    }

    /// The phrases whose last word has this key.
    pub fn ending_with(&self, key: u64) -> impl Iterator<Item = &Phrase<T>> {
        let found = self.by_last.get(&key).map_or(&[][..], Vec::as_slice);
        found.iter().filter_map(|&k| self.phrases.get(k))
    }
}

macro_rules! phrases {
    ($(#[$doc:meta])* $name:ident: $t:ty = $init:expr) => {
        $(#[$doc])*
        pub fn $name() -> &'static Phrases<$t> {
            static P: OnceLock<Phrases<$t>> = OnceLock::new();
            P.get_or_init(|| Phrases::new($init))
        }
    };
}

phrases!(/// [`KINDS`], indexed.
    kinds: Option<&'static str> = KINDS.iter().copied());
phrases!(/// [`ROLE_WORDS`], indexed.
    roles: crate::model::Role = ROLE_WORDS.iter().copied());
phrases!(/// [`COMPARATOR_WORDS`], indexed.
    comparators: Cmp = COMPARATOR_WORDS.iter().copied());
phrases!(/// [`UNITS`], indexed.
    units: () = UNITS.iter().map(|u| (*u, ())));
phrases!(/// [`NOT_FIGURE_BEFORE`] (value `false`) and [`LABEL_BEFORE`] (`true`), indexed.
    not_figure_before: bool = NOT_FIGURE_BEFORE
        .iter()
        .map(|u| (*u, false))
        .chain(LABEL_BEFORE.iter().map(|u| (*u, true))));
phrases!(/// [`BODY_NAME_WORDS`], indexed.
    body_name_words: () = BODY_NAME_WORDS.iter().map(|u| (*u, ())));
phrases!(/// [`TERM_WORDS`], indexed.
    term_words: () = TERM_WORDS.iter().map(|u| (*u, ())));
phrases!(/// [`IMPLEMENTS_OPENERS`], indexed.
    implements_openers: () = IMPLEMENTS_OPENERS.iter().map(|u| (*u, ())));
phrases!(/// [`SCALE_WORDS`], indexed.
    scale_words: () = SCALE_WORDS.iter().map(|u| (*u, ())));
phrases!(/// [`TIME_LINK_WORDS`], indexed.
    time_link_words: () = TIME_LINK_WORDS.iter().map(|u| (*u, ())));
phrases!(/// [`NAME_STOP_WORDS`], indexed.
    name_stop_words: () = NAME_STOP_WORDS.iter().map(|u| (*u, ())));

/// A word list folded once, for comparing with folded text.
macro_rules! folded {
    ($(#[$doc:meta])* $name:ident = $list:expr) => {
        $(#[$doc])*
        pub fn $name() -> &'static [String] {
            static F: OnceLock<Vec<String>> = OnceLock::new();
            F.get_or_init(|| $list.iter().map(|s| fold(s)).collect())
        }
    };
}

folded!(/// [`NATIONAL_HEADINGS`], folded.
    national_headings = NATIONAL_HEADINGS);
folded!(/// [`HEADER_MARKS`], folded.
    header_marks = HEADER_MARKS);
folded!(/// [`CLOSING_WORDS`], folded.
    closing_words = CLOSING_WORDS);
folded!(/// [`SIGNED_MARKS`], folded.
    signed_marks = SIGNED_MARKS);

/// Which words may be the first word of a kind phrase, told from their first two
/// characters without working out a key: for each first letter (a–z, đ) that opens a
/// kind, the characters below U+2000 that fold to a second letter some kind's first
/// word has after it. Built from [`KINDS`] and the tone fold, so it only ever turns
/// away words whose key no kind has (a test checks every character).
pub struct KindHeads {
    /// By first letter: `None` when no kind opens with it.
    seconds: Vec<Option<Box<[u64; 0x2000 / 64]>>>,
    /// First letters that a kind's one-letter first word is.
    single: Vec<bool>,
    /// A kind opens with a letter outside a–z and đ: nothing is turned away.
    any: bool,
}

/// The slot of a first letter in [`KindHeads`]: a–z, then đ.
fn head_slot(c: char) -> Option<usize> {
    match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        'A'..='Z' => Some(c as usize - 'A' as usize),
        'đ' | 'Đ' => Some(26),
        _ => None,
    }
}

impl KindHeads {
    fn new() -> Self {
        let mut h = KindHeads {
            seconds: (0..27).map(|_| None).collect(),
            single: vec![false; 27],
            any: false,
        };
        // The second letters each first letter needs, then one pass over the
        // characters below U+2000 sets them all.
        let mut wanted: Vec<(char, usize)> = Vec::new();
        for (phrase, _) in KINDS {
            let first = phrase.split(' ').next().unwrap_or_default();
            let mut bases = first.chars().filter_map(|c| fold_char(c).0);
            let Some(slot) = bases.next().and_then(head_slot) else {
                h.any = true;
                continue;
            };
            match bases.next() {
                None => h.single[slot] = true,
                Some(second) => {
                    h.seconds[slot].get_or_insert_with(|| Box::new([0; 0x2000 / 64]));
                    wanted.push((second, slot));
                }
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let Some(base) = fold_char(c).0 else {
                continue;
            };
            let from = wanted.partition_point(|&(second, _)| second < base);
            let same = wanted[from..]
                .iter()
                .take_while(|&&(second, _)| second == base);
            for &(_, slot) in same {
                if let Some(set) = h.seconds[slot].as_mut() {
                    set[c as usize / 64] |= 1 << (c as u32 % 64);
                }
            }
        }
        h
    }

    /// Whether the word `s` starts with may be the first word of a kind phrase:
    /// `false` settles that it is not.
    pub fn may_open(&self, s: &str) -> bool {
        let mut chars = s.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let Some(slot) = head_slot(first) else {
            // Other first characters are left to the key (the Kelvin sign folds to "k").
            return true;
        };
        if self.any {
            return true;
        }
        let Some(c) = chars.next() else {
            return self.single[slot];
        };
        let u = c as u32;
        // Combining marks (a tone left decomposed) and characters from U+2000 on are
        // left to the key.
        if u >= 0x2000 || (0x300..0x370).contains(&u) {
            return true;
        }
        if let Some(set) = &self.seconds[slot] {
            if set[u as usize / 64] >> (u % 64) & 1 != 0 {
                return true;
            }
        }
        // The word may be one letter long, followed by a non-letter.
        let in_word = super::tokens::is_letter(c) || c.is_ascii_digit();
        !in_word && self.single[slot]
    }
}

/// [`KindHeads`] of [`KINDS`].
pub fn kind_heads() -> &'static KindHeads {
    static H: OnceLock<KindHeads> = OnceLock::new();
    H.get_or_init(KindHeads::new)
}

/// Whether `s` ends with the words of `suffix` (folded comparison).
pub fn ends_with_words(s: &str, suffix: &str) -> bool {
    let mut words = s.split_whitespace().rev();
    suffix.rsplit(' ').all(|p| {
        words
            .next()
            .is_some_and(|w| same_word(w.trim_end_matches(|c: char| !c.is_alphanumeric()), p))
    })
}

/// Whether `s` starts with the words of `prefix` (folded comparison).
pub fn starts_with_words(s: &str, prefix: &str) -> bool {
    let mut words = s.split_whitespace();
    prefix.split(' ').all(|p| {
        words
            .next()
            .is_some_and(|w| same_word(w.trim_end_matches(|c: char| !c.is_alphanumeric()), p))
    })
}

/// Document kinds: the phrase, its official code (None where there is none).
/// Longer phrases come first so that the longest one wins.
pub const KINDS: &[(&str, Option<&str>)] = &[
    ("chương trình hành động", Some("CTr")),
    ("thông báo kết luận", Some("TB")),
    ("thông tư liên tịch", Some("TTLT")),
    ("nghị quyết liên tịch", Some("NQLT")),
    ("nghị quyết", Some("NQ")),
    ("chỉ thị", Some("CT")),
    ("kết luận", Some("KL")),
    ("kế hoạch", Some("KH")),
    ("chương trình", Some("CTr")),
    ("quyết định", Some("QĐ")),
    ("quy định", Some("QĐi")),
    ("quy chế", Some("QC")),
    ("hướng dẫn", Some("HD")),
    ("thông báo", Some("TB")),
    ("báo cáo", Some("BC")),
    ("đề án", Some("ĐA")),
    ("tờ trình", Some("TTr")),
    ("công văn", Some("CV")),
    ("thông tri", Some("TT")),
    ("nghị định", Some("NĐ")),
    ("thông tư", Some("TT")),
    ("pháp lệnh", None),
    ("hiến pháp", None),
    ("luật", None),
    ("quy hoạch", None),
    // A document named only as such ("Văn bản số 99/SYT-NV"): its symbol makes it a
    // citation; the type code there is often the issuer's, so the kind stays null.
    ("văn bản", None),
];

/// Kinds whose named references take a free name, which may start with a lowercase word
/// ("Quy hoạch tỉnh …", "Luật Đất đai …", "Hiến pháp năm 2013", "Pháp lệnh Dân số").
pub const LOWERCASE_NAMED_KINDS: &[&str] = &["quy hoạch", "luật", "hiến pháp", "pháp lệnh"];

/// The official code of a kind phrase (folded comparison).
pub fn kind_code(phrase: &str) -> Option<(&'static str, Option<&'static str>)> {
    KINDS
        .iter()
        .find(|(k, _)| {
            let (mut a, mut b) = (phrase.split(' '), k.split(' '));
            loop {
                match (a.next(), b.next()) {
                    (None, None) => return true,
                    (Some(x), Some(y)) if same_word(x, y) => {}
                    _ => return false,
                }
            }
        })
        .map(|&(k, c)| (k, c))
}

/// Type codes that appear in party symbols, mapped to the kind code they stand for.
pub fn type_code_kind(code: &str) -> Option<&'static str> {
    Some(match code {
        "NQ" => "NQ",
        "QĐ" => "QĐ",
        "QĐi" => "QĐi",
        "CT" => "CT",
        "KL" => "KL",
        "QC" => "QC",
        "HD" => "HD",
        "TB" => "TB",
        "BC" => "BC",
        "KH" => "KH",
        "CTr" => "CTr",
        "ĐA" => "ĐA",
        "TTr" => "TTr",
        "CV" => "CV",
        "NĐ" => "NĐ",
        "TT" => "TT",
        _ => return None,
    })
}

/// Words of the role vocabulary (S9): the earliest in a heading wins.
pub const ROLE_WORDS: &[(&str, crate::model::Role)] = {
    use crate::model::Role::*;
    &[
        ("tổ chức thực hiện", Implementation),
        ("đánh giá", Assessment),
        ("tình hình", Assessment),
        ("kết quả", Assessment),
        ("quan điểm", Viewpoints),
        ("mục tiêu", Objectives),
        ("chỉ tiêu", Targets),
        ("nhiệm vụ", Tasks),
        ("giải pháp", Tasks),
    ]
};

/// Signature authorities: "T/M" (on behalf of), "K/T" (signing for), "T/L" (by order),
/// as typists also write them ("TM.", "T.M", "T/M.").
pub const AUTHORITY_PREFIXES: &[&str] = &[
    "T/M", "K/T", "T/L", "T/M.", "K/T.", "T/L.", "TM.", "KT.", "TL.", "T.M", "K.T", "T.L", "T.M.",
    "K.T.", "T.L.", "TUQ.",
];

/// The marks that stand for a signature in a text copy: "(đã ký)".
pub const SIGNED_MARKS: &[&str] = &[
    "đã ký",
    "ký",
    "đã ký và đóng dấu",
    "ký tên, đóng dấu",
    "ký, đóng dấu",
];

/// The commonest Vietnamese family names, which open a signer's name written in
/// capitals ("NGUYỄN VĂN HẢI") where the positions above it are in capitals too.
pub const FAMILY_NAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "mai", "đinh",
    "lương", "hà", "tô", "tạ", "cao", "chu", "châu", "lại", "quách", "thái", "triệu", "hứa",
    "kiều", "lưu", "nông", "phùng", "tăng", "thân", "khúc", "đàm", "lò", "giàng", "y",
];

/// Header lines that are constant headings, not the issuing body.
pub const NATIONAL_HEADINGS: &[&str] = &[
    "đảng cộng sản việt nam",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "độc lập - tự do - hạnh phúc",
];

/// Administrative levels that open the place a body belongs to ("TỈNH SÔNG LAM",
/// "HUYỆN TÂN PHÚ"); followed by "ỦY" they name a committee instead ("TỈNH ỦY …").
pub const PLACE_LEVELS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "khối",
];

/// Secrecy, urgency and draft marks of the header.
pub const HEADER_MARKS: &[&str] = &[
    "mật",
    "tối mật",
    "tuyệt mật",
    "khẩn",
    "hỏa tốc",
    "thượng khẩn",
    "dự thảo",
];

/// Words that cannot end a title or a sentence: a line ending in one was cut by a wrap.
pub const OPEN_ENDINGS: &[&str] = &[
    "của", "và", "các", "với", "cho", "về", "trong", "để", "theo", "được", "là", "những", "tại",
    "từ", "đến", "hoặc", "nhằm", "bằng", "do", "khi", "mà", "thì", "đã", "sẽ", "đang", "như",
    "vào", "qua",
];

/// Words of a closing line after "… này": "phổ biến đến chi bộ", "có hiệu lực …".
pub const CLOSING_WORDS: &[&str] = &["phổ biến", "hiệu lực", "thi hành", "quán triệt"];

/// Comparator and change words, and the comparison signs, longest first (M2). Each is
/// matched as whole words.
pub const COMPARATOR_WORDS: &[(&str, Cmp)] = &[
    ("không vượt quá", Cmp::Le),
    ("không quá", Cmp::Le),
    ("không dưới", Cmp::Ge),
    ("không thấp hơn", Cmp::Ge),
    ("ít nhất", Cmp::Ge),
    ("tối thiểu", Cmp::Ge),
    ("tối đa", Cmp::Le),
    ("giảm còn", Cmp::Le),
    ("giảm xuống còn", Cmp::Le),
    ("giảm xuống dưới", Cmp::Lt),
    ("xuống dưới", Cmp::Lt),
    ("xuống còn", Cmp::Le),
    ("tăng thêm", Cmp::Increase),
    ("tăng lên", Cmp::Increase),
    ("bình quân", Cmp::Neutral),
    ("duy trì", Cmp::Eq),
    ("khoảng", Cmp::Approx),
    ("gần", Cmp::Approx),
    ("trên", Cmp::Gt),
    ("hơn", Cmp::Gt),
    ("dưới", Cmp::Lt),
    ("còn", Cmp::Le),
    ("đạt", Cmp::Eq),
    ("là", Cmp::Neutral),
    // "Tỷ trọng dịch vụ chiếm 35%": the share it takes.
    ("chiếm", Cmp::Eq),
    ("ở mức", Cmp::Eq),
    ("bằng", Cmp::Eq),
    ("tăng", Cmp::Increase),
    ("giảm", Cmp::Decrease),
    // The signs of indicator tables ("≥ 95%"); ">=" is two marks to the tokenizer.
    ("≥", Cmp::Ge),
    ("≤", Cmp::Le),
    ("> =", Cmp::Ge),
    ("< =", Cmp::Le),
    (">", Cmp::Gt),
    ("<", Cmp::Lt),
];

/// What a comparator word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// A level comparison.
    Eq,
    /// Above.
    Gt,
    /// At least.
    Ge,
    /// Below.
    Lt,
    /// At most.
    Le,
    /// About.
    Approx,
    /// Change by (increase).
    Increase,
    /// Change by (decrease).
    Decrease,
    /// Joins a chain without deciding ("bình quân", "là").
    Neutral,
}

/// Scale words of figures: "nghìn tỷ", "triệu", …
pub const SCALE_WORDS: &[&str] = &["nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn"];

/// Units that a figure may carry, multi-word ones first.
pub const UNITS: &[&str] = &[
    "điểm phần trăm",
    "đô la mỹ",
    "đô la",
    "lượt khách quốc tế",
    "lượt khách",
    "lượt người",
    "đảng viên",
    "hợp tác xã",
    "doanh nghiệp",
    "bác sĩ",
    "bác sỹ",
    "dược sĩ",
    "dược sỹ",
    "giường bệnh",
    "giường",
    "lao động",
    "việc làm",
    "học sinh",
    "sinh viên",
    "cơ sở",
    "sản phẩm",
    "dự án",
    "công trình",
    "trường",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "thị xã",
    "thành phố",
    "thôn",
    "hộ",
    "người",
    "lượt",
    "đồng",
    "usd",
    "vnd",
    "vnđ",
    "ha",
    "km",
    "km2",
    "m2",
    "m3",
    "tấn",
    "kg",
    "tuổi",
    "điểm",
    "năm",
    "tháng",
    "ngày",
    "mw",
    "kwh",
    "con",
    "nhà",
    "căn",
    "chiếc",
    "cây",
    "lần",
    "tổ chức",
    "chi bộ",
    "đơn vị",
    "cơ quan",
    "mô hình",
    "thuê bao",
    "hồ sơ",
    "thủ tục",
    "điểm đến",
    "ca",
];

/// Units that are spans of time: a figure of one, bare before a comparator, says over
/// how long ("bình quân 5 năm đạt 7,5%"), not how much.
pub const PERIOD_UNITS: &[&str] = &["năm", "tháng", "quý"];

/// Words before a number that make it a year, a period or an ordinal, not a figure.
pub const NOT_FIGURE_BEFORE: &[&str] = &[
    "năm",
    "giai đoạn",
    "nhiệm kỳ",
    "thời kỳ",
    "khóa",
    "mức độ",
    "lần thứ",
    "trung ương",
    "quý",
    "tháng",
    "ngày",
    "số",
    "điều",
    "khoản",
    "chương",
    "phần",
    "kỳ họp",
    "hội nghị",
    "covid",
    "tiêu chí",
    "nhóm",
    "loại",
    "hạng",
    "cấp độ",
    "cấp",
    "vùng",
    "khu vực",
    "top",
    "thứ",
];

/// Words before a number that make it a label, an ordinal or part of a name, unless a
/// unit follows it: "mức 2" but "ở mức 62%", "Chỉ tiêu 1:" but "vượt chỉ tiêu 10%",
/// "Phụ lục 1", "Bước 2", "Quốc lộ 37", "phường 5". Not "thôn": it ends "nông thôn",
/// which a figure follows ("nông thôn 72,5%").
pub const LABEL_BEFORE: &[&str] = &[
    "mức",
    "chỉ tiêu",
    "mục tiêu",
    "nhiệm vụ",
    "giải pháp",
    "nội dung",
    "phụ lục",
    "biểu",
    "bảng",
    "bước",
    "đợt",
    "mục",
    "quốc lộ",
    "tỉnh lộ",
    "đường tỉnh",
    "đường huyện",
    "quận",
    "phường",
    "ấp",
    "khu phố",
    "tổ dân phố",
];

/// Words that, with years and commas, only say when or join ("vào năm 2025 và",
/// "Đến năm 2025, có"): a clause of nothing else before a figure names nothing it
/// measures.
pub const TIME_LINK_WORDS: &[&str] = &[
    "vào", "đến", "tới", "năm", "và", "trong", "giai", "đoạn", "cuối", "đầu", "hết", "có",
];

/// Whether `s` holds words and only [`TIME_LINK_WORDS`], numbers and commas.
pub fn is_time_link(s: &str) -> bool {
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                || time_link_words()
                    .starting_with(word_key(w))
                    .next()
                    .is_some()
        })
}

/// Words before a term or session inside a body's name ("khóa XIII", "lần thứ tư").
pub const TERM_WORDS: &[&str] = &["khóa", "lần thứ", "nhiệm kỳ"];

/// Words that may come between a citation and the "thực hiện" of what it implements
/// ("Kết luận số … về tiếp tục thực hiện Chỉ thị số …").
pub const IMPLEMENTS_OPENERS: &[&str] = &[
    "nhằm",
    "để",
    "triển khai",
    "nhằm triển khai",
    "để triển khai",
    "tiếp tục",
    "nhằm tiếp tục",
    "để tiếp tục",
    "về",
    "về việc",
    "về tiếp tục",
    "về việc tiếp tục",
    "về triển khai",
    "về việc triển khai",
];

/// Lowercase syllables that belong inside the name of a body ("Ủy ban nhân dân tỉnh",
/// "Đảng ủy xã Tân Lập", "Đại hội đại biểu"), beside the syllable that follows a
/// capitalised one.
pub const BODY_NAME_WORDS: &[&str] = &[
    "nhân dân",
    "đại biểu",
    "toàn quốc",
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "thị trấn",
    "thị xã",
    "thành phố",
    "quận",
    "cơ sở",
    "trung ương",
    "thường vụ",
    "thường trực",
    "chấp hành",
    "đảng bộ",
    "đảng ủy",
    "ủy",
    "khối",
];

/// Words that end a body's name (C4) even where they could follow a capitalised word.
pub const NAME_STOP_WORDS: &[&str] = &[
    "về", "và", "của", "thực", "nhằm", "đã", "được", "trước", "sau", "để", "theo", "tại", "trong",
    "với", "cho", "ngày", "số", "năm", "phê", "đến", "từ", "là", "có", "sẽ", "đang", "này", "đó",
    "các", "những", "như", "tháng", "bị", "do", "qua", "khi", "nếu", "thì", "mà", "hoặc", "hay",
    "vào", "ra", "lên", "xuống", "tiếp", "quy", "chỉ", "giao", "đề", "nêu", "bổ", "sửa", "triển",
    "hướng", "cụ",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_at_either_end() {
        assert!(starts_with_words("ĐẢNG BỘ TỈNH", "đảng bộ"));
        assert!(ends_with_words("BAN CHẤP HÀNH ĐẢNG BỘ", "đảng bộ"));
        assert!(ends_with_words("Long Giang, ngày", "ngày"));
        assert!(ends_with_words("ban chấp hành Đảng bộ.", "đảng bộ"));
        assert!(!ends_with_words("ĐẢNG BỘ TỈNH", "đảng bộ"));
        assert!(!ends_with_words("BỘ", "đảng bộ"));
    }

    #[test]
    fn fold_equates_tone_placements() {
        for (a, b) in [
            ("hóa", "hoá"),
            ("khóa", "khoá"),
            ("thủy", "thuỷ"),
            ("Ủy", "uỷ"),
            ("tùy", "tuỳ"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
    }

    #[test]
    fn fold_keeps_different_words_apart() {
        for (a, b) in [
            ("đạt", "đặt"),
            ("tăng", "tầng"),
            ("quy định", "quyết định"),
            ("trên", "trễn"),
        ] {
            assert_ne!(fold(a), fold(b), "{a} / {b}");
        }
    }

    #[test]
    fn same_word_compares_folded() {
        assert!(same_word("Hoá", "hóa"));
        assert!(same_word("UỶ", "ủy"));
        assert!(!same_word("đặt", "đạt"));
        assert!(!same_word("hoa", "hóa"));
        assert!(!same_word("hóan", "hóa"));
        assert!(starts_with_words("Nơi nhận:", "nơi nhận"));
        assert_eq!(word_key("Hoá"), word_key("hóa"));
        assert_ne!(word_key("đặt"), word_key("đạt"));
        assert!(!starts_with_words("Nơi ở", "nơi nhận"));
    }

    /// Keys are equal exactly when `same_word` says the words are the same: every pair
    /// of the sample's words, their uppercase forms, their decomposed forms and every
    /// character of the folding table's range.
    #[test]
    fn word_keys_agree_with_same_word() {
        use unicode_normalization::UnicodeNormalization;
        let text = crate::grammar::repo::read(crate::grammar::repo::SAMPLE);
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        words.sort();
        words.dedup();
        assert!(words.len() > 500);
        let mut all = words.clone();
        all.extend(words.iter().map(|w| w.to_uppercase()));
        all.extend(words.iter().take(200).map(|w| w.nfd().collect::<String>()));
        all.extend(["hoá", "khoá", "thuỷ", "uỷ", "tuỳ"].map(str::to_string));
        all.extend(
            (TABLE_START..TABLE_END)
                .filter_map(char::from_u32)
                .map(|c| c.to_string()),
        );
        let keys: Vec<u64> = all.iter().map(|w| word_key(w)).collect();
        for (a, ka) in all.iter().zip(&keys).step_by(3) {
            for (b, kb) in all.iter().zip(&keys) {
                assert_eq!(ka == kb, same_word(a, b), "{a:?} / {b:?}");
            }
        }
    }

    /// The table is built from decompositions; whole-string normalisation is the
    /// reference, for every character of its range.
    #[test]
    fn table_entries_agree_with_normalising_strings() {
        for u in TABLE_START..TABLE_END {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(
                table()[(u - TABLE_START) as usize],
                fold_entry_by_strings(c),
                "U+{u:04X}"
            );
        }
        // Vietnamese: the tone goes, the vowel marks stay.
        assert_eq!(fold_char('Ệ'), (Some('ê'), 5));
        assert_eq!(fold_char('ợ'), (Some('ơ'), 5));
        assert_eq!(fold_char('Đ'), (Some('đ'), 0));
        assert_eq!(fold_char('ằ'), (Some('ă'), 1));
    }

    /// The heads filter turns away no word whose key opens a kind: every character
    /// before and after every kind's first letter, and every pair of characters.
    #[test]
    fn kind_heads_turn_away_only_words_no_kind_opens_with() {
        let heads = kind_heads();
        let chars: Vec<char> = (0..0x2100u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
            .collect();
        let opens = |w: &str| kinds().starting_with(word_key(w)).next().is_some();
        let mut words: Vec<String> = Vec::new();
        for (k, _) in KINDS {
            let first = k.split(' ').next().unwrap_or_default().to_string();
            words.push(first.clone());
            words.push(first.to_uppercase());
            let mut cs = first.chars();
            let (a, rest) = (cs.next().unwrap_or('x'), cs.as_str().to_string());
            for &c in &chars {
                words.push(format!("{a}{c}{rest}"));
                words.push(format!("{c}{rest}"));
                words.push(format!("{c}{first}"));
            }
        }
        let mut turned_away = 0;
        for w in &words {
            let word_len = super::super::tokens::word_end(w, 0);
            let word = &w[..word_len];
            if !heads.may_open(w) {
                turned_away += 1;
                assert!(word.is_empty() || !opens(word), "{w:?} opens a kind");
            }
        }
        assert!(turned_away > 1000, "{turned_away}");
        assert!(heads.may_open("Nghị quyết") && heads.may_open("KẾ HOẠCH"));
        assert!(!heads.may_open("Tỉnh") && !heads.may_open("Đảng"));
    }

    #[test]
    fn kind_codes() {
        assert_eq!(kind_code("Quy định").map(|k| k.1), Some(Some("QĐi")));
        assert_eq!(
            kind_code("CHƯƠNG TRÌNH HÀNH ĐỘNG").map(|k| k.1),
            Some(Some("CTr"))
        );
        assert_eq!(kind_code("Luật").map(|k| k.1), Some(None));
        assert_eq!(kind_code("Bản tin"), None);
    }
}
