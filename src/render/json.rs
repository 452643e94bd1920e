//! JSON: the contract of `../shared/contract.md`, `schema_version` 1.
//!
//! The model's `Serialize` derive is the reference for the JSON: field names, order,
//! the fields left out when empty. This module writes the same bytes as
//! `serde_json::to_string` / `to_string_pretty` of that derive, directly from the
//! model: serde's generic path cost about 250 instructions a field (a sixth of
//! parse+JSON time), this one a tenth of that. Tests check the bytes against
//! serde_json's on every text of the repository, on a document with every field and
//! variant filled, and on any string (a property test). A field added to the model
//! is added here too; the every-field test fails until it is.

use std::io::Write;

use serde::Serializer;

use crate::model::{
    Change, Citation, Comparator, Diagnostic, Document, Heading, Indicator, IndicatorNode, Item,
    Measure, Metadata, Node, Objective, Paragraph, Recipient, Role, Scope, Severity, Signature,
    Span,
};

/// The document as JSON.
pub fn to_string(doc: &Document, pretty: bool) -> String {
    let mut out = Out::new(pretty, None);
    // The JSON of a parsed document runs to about twice the length of its text.
    out.buf.reserve(doc.text_len_hint() * 2);
    doc.write(&mut out);
    out.buf
}

/// Writes the document as JSON to `w` as it goes, without holding the whole text.
pub fn to_writer<W: Write>(doc: &Document, mut w: W, pretty: bool) -> std::io::Result<()> {
    let mut out = Out::new(pretty, Some(&mut w));
    doc.write(&mut out);
    out.finish()
}

/// Writes a measure value as an integer when it is one ("15043", not "15043.0").
pub fn serialize_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match number(*v) {
        Number::Int(i) => s.serialize_i64(i),
        Number::Float(f) => s.serialize_f64(f),
        Number::Null => s.serialize_none(),
    }
}

enum Number {
    Int(i64),
    Float(f64),
    Null,
}

fn number(v: f64) -> Number {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        Number::Int(v as i64)
    } else if v.is_finite() {
        Number::Float(v)
    } else {
        Number::Null
    }
}

/// Output flushed to the sink once it holds this many bytes.
const FLUSH_AT: usize = 1 << 16;

/// serde_json's layout: compact, or pretty with two-space indents, empty arrays and
/// objects as `[]` and `{}`.
struct Out<'w> {
    buf: String,
    pretty: bool,
    depth: usize,
    /// Whether the innermost open array or object has a value yet (serde_json's
    /// `has_value`).
    has_value: bool,
    sink: Option<&'w mut dyn Write>,
    error: Option<std::io::Error>,
}

impl<'w> Out<'w> {
    fn new(pretty: bool, sink: Option<&'w mut dyn Write>) -> Self {
        Out {
            buf: String::new(),
            pretty,
            depth: 0,
            has_value: false,
            sink,
            error: None,
        }
    }

    fn flush(&mut self) {
        if let Some(w) = self.sink.as_mut() {
            if self.error.is_none() {
                if let Err(e) = w.write_all(self.buf.as_bytes()) {
                    self.error = Some(e);
                }
            }
            self.buf.clear();
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.flush();
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn newline_indent(&mut self) {
        self.buf.push('\n');
        for _ in 0..self.depth {
            self.buf.push_str("  ");
        }
    }

    fn open(&mut self, c: char) {
        self.depth += 1;
        self.has_value = false;
        self.buf.push(c);
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if self.pretty && self.has_value {
            self.newline_indent();
        }
        self.buf.push(c);
        self.has_value = true;
    }

    /// Starts the next value of an array or object.
    fn next(&mut self, first: bool) {
        if !first {
            self.buf.push(',');
        }
        if self.pretty {
            self.newline_indent();
        }
    }

    /// An object: `fields` writes its fields with [`Out::field`].
    fn object(&mut self, fields: impl FnOnce(&mut Obj<'_, 'w>)) {
        self.open('{');
        let mut o = Obj {
            out: self,
            first: true,
        };
        fields(&mut o);
        self.close('}');
    }

    fn array<T: Json>(&mut self, items: &[T]) {
        self.open('[');
        for (k, x) in items.iter().enumerate() {
            self.next(k == 0);
            x.write(self);
            self.has_value = true;
            if self.depth <= 2 && self.buf.len() >= FLUSH_AT {
                self.flush();
            }
        }
        self.close(']');
    }

    fn str(&mut self, s: &str) {
        self.buf.push('"');
        escape(&mut self.buf, s);
        self.buf.push('"');
    }

    fn uint(&mut self, n: u64) {
        self.buf.push_str(itoa::Buffer::new().format(n));
    }
}

/// A key with its quotes, made at compile time.
macro_rules! q {
    ($key:literal) => {
        concat!("\"", $key, "\"")
    };
}

/// The fields of an open object.
struct Obj<'a, 'w> {
    out: &'a mut Out<'w>,
    first: bool,
}

impl Obj<'_, '_> {
    /// Writes a key, given with its quotes (keys need no escaping). Inlined, so that
    /// the key's length is known where it is copied.
    #[inline(always)]
    fn key(&mut self, quoted: &str) {
        self.out.next(self.first);
        self.first = false;
        self.out.buf.push_str(quoted);
        self.out.buf.push(':');
        if self.out.pretty {
            self.out.buf.push(' ');
        }
    }

    #[inline(always)]
    fn field<T: Json + ?Sized>(&mut self, quoted: &str, value: &T) {
        self.key(quoted);
        value.write(self.out);
        self.out.has_value = true;
    }

    /// A field left out when the list is empty.
    #[inline(always)]
    fn list<T: Json>(&mut self, quoted: &str, value: &[T]) {
        if !value.is_empty() {
            self.field(quoted, value);
        }
    }
}

/// Bytes that JSON strings escape, by serde_json's table: 0 for none, else the letter
/// after the backslash ('u' for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Appends `s` escaped as serde_json escapes. A string with something to escape is
/// read 32 bytes at a time, tested by a loop the compiler vectorises, each piece with
/// nothing to escape copied whole. (Vectorised with AVX2 where the CPU has it.)
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn escape(buf: &mut String, s: &str) {
    let b = s.as_bytes();
    // Most strings need no escape: one vectorised pass for controls, one search for
    // quotes and backslashes, and the string is copied whole.
    let lowest = b.iter().copied().min().unwrap_or(b' ');
    if lowest >= 0x20 && memchr::memchr2(b'"', b'\\', b).is_none() {
        buf.push_str(s);
        return;
    }
    let mut done = 0;
    let mut chunks = b.chunks_exact(CHUNK);
    for (n, chunk) in chunks.by_ref().enumerate() {
        if <&[u8; CHUNK]>::try_from(chunk).is_ok_and(needs) {
            for k in n * CHUNK..(n + 1) * CHUNK {
                escape_at(buf, s, &mut done, k);
            }
        }
    }
    // The rest, padded with spaces (never escaped), is tested the same way.
    let rest = chunks.remainder();
    let mut padded = [b' '; CHUNK];
    padded[..rest.len()].copy_from_slice(rest);
    if needs(&padded) {
        for k in b.len() - rest.len()..b.len() {
            escape_at(buf, s, &mut done, k);
        }
    }
    buf.push_str(&s[done..]);
}

const CHUNK: usize = 32;

/// Whether a byte of `chunk` needs escaping.
#[inline(always)]
fn needs(chunk: &[u8; CHUNK]) -> bool {
    let mut any = 0u8;
    for &x in chunk {
        any |= u8::from(x < 0x20) | u8::from(x == b'"') | u8::from(x == b'\\');
    }
    any != 0
}

/// Escapes byte `k` of `s` if it needs it, first copying what lies between `done` and
/// it. Escaped bytes are ASCII: every cut falls between characters.
#[inline(always)]
fn escape_at(buf: &mut String, s: &str, done: &mut usize, k: usize) {
    let x = s.as_bytes()[k];
    let e = ESCAPE[x as usize];
    if e == 0 {
        return;
    }
    buf.push_str(&s[*done..k]);
    *done = k + 1;
    buf.push('\\');
    buf.push(char::from(e));
    if e == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        buf.push_str("00");
        buf.push(char::from(HEX[(x >> 4) as usize]));
        buf.push(char::from(HEX[(x & 15) as usize]));
    }
}

/// A value written as JSON.
trait Json {
    fn write(&self, out: &mut Out<'_>);
}

impl Json for str {
    fn write(&self, out: &mut Out<'_>) {
        out.str(self);
    }
}

impl Json for String {
    fn write(&self, out: &mut Out<'_>) {
        out.str(self);
    }
}

impl Json for usize {
    fn write(&self, out: &mut Out<'_>) {
        out.uint(*self as u64);
    }
}

impl Json for u32 {
    fn write(&self, out: &mut Out<'_>) {
        out.uint(u64::from(*self));
    }
}

impl Json for f64 {
    fn write(&self, out: &mut Out<'_>) {
        match number(*self) {
            Number::Int(i) => out.buf.push_str(itoa::Buffer::new().format(i)),
            // serde_json's own float formatting, for the rare value with a fraction.
            Number::Float(f) => out
                .buf
                .push_str(&serde_json::to_string(&f).unwrap_or_else(|_| "null".into())),
            Number::Null => out.buf.push_str("null"),
        }
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut Out<'_>) {
        match self {
            Some(x) => x.write(out),
            None => out.buf.push_str("null"),
        }
    }
}

impl<T: Json> Json for [T] {
    fn write(&self, out: &mut Out<'_>) {
        out.array(self);
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut Out<'_>) {
        out.array(self);
    }
}

/// Unit enums, written as their lowercase names.
macro_rules! json_names {
    ($($t:ty { $($v:ident => $name:literal),* $(,)? })*) => {$(
        impl Json for $t {
            fn write(&self, out: &mut Out<'_>) {
                out.str(match self { $(<$t>::$v => $name),* });
            }
        }
    )*};
}

json_names! {
    Role {
        Assessment => "assessment", Viewpoints => "viewpoints", Objectives => "objectives",
        Targets => "targets", Tasks => "tasks", Implementation => "implementation",
    }
    Scope { General => "general", Specific => "specific" }
    Comparator { Eq => "eq", Gt => "gt", Ge => "ge", Lt => "lt", Le => "le", Approx => "approx" }
    Change { Increase => "increase", Decrease => "decrease" }
    Severity { Warning => "warning", Error => "error" }
}

impl Document {
    /// The combined length of the document's texts: a hint for the output's size.
    fn text_len_hint(&self) -> usize {
        self.body
            .iter()
            .map(|n| n.span().end - n.span().start)
            .sum()
    }
}

impl Json for Document {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("schema_version"), &self.schema_version);
            o.field(q!("metadata"), &self.metadata);
            o.field(q!("body"), &self.body);
            o.field(q!("objectives"), &self.objectives);
            o.field(q!("indicators"), &self.indicators);
            o.field(q!("citations"), &self.citations);
            o.field(q!("recipients"), &self.recipients);
            o.field(q!("signature"), &self.signature);
            o.field(q!("diagnostics"), &self.diagnostics);
        });
    }
}

impl Json for Metadata {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("kind"), &self.kind);
            o.field(q!("kind_text"), &self.kind_text);
            o.field(q!("title"), &self.title);
            o.field(q!("issuer"), &self.issuer);
            o.field(q!("superior"), &self.superior);
            o.field(q!("subject"), &self.subject);
            o.field(q!("number"), &self.number);
            o.field(q!("symbol"), &self.symbol);
            o.field(q!("place"), &self.place);
            o.field(q!("date"), &self.date);
            o.list(q!("marks"), &self.marks);
        });
    }
}

impl Json for Node {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("type"), self.type_name());
            match self {
                Node::Paragraph(p) | Node::Closing(p) => p.fields(o),
                Node::Part(h) | Node::Section(h) => h.fields(o),
                Node::Item(i) => i.fields(o),
                Node::Indicator(i) => i.fields(o),
            }
        });
    }
}

impl Paragraph {
    fn fields(&self, o: &mut Obj<'_, '_>) {
        o.field(q!("text"), &self.text);
        o.list(q!("citations"), &self.citations);
        o.field(q!("span"), &self.span);
    }
}

impl Heading {
    fn fields(&self, o: &mut Obj<'_, '_>) {
        o.field(q!("label"), &self.label);
        o.field(q!("title"), &self.title);
        o.field(q!("role"), &self.role);
        o.list(q!("children"), &self.children);
        o.list(q!("citations"), &self.citations);
        o.field(q!("span"), &self.span);
    }
}

impl Item {
    fn fields(&self, o: &mut Obj<'_, '_>) {
        o.field(q!("label"), &self.label);
        if let Some(t) = &self.title {
            o.field(q!("title"), t);
        }
        if let Some(t) = &self.text {
            o.field(q!("text"), t);
        }
        o.list(q!("children"), &self.children);
        o.list(q!("citations"), &self.citations);
        o.field(q!("span"), &self.span);
    }
}

impl IndicatorNode {
    fn fields(&self, o: &mut Obj<'_, '_>) {
        o.field(q!("label"), &self.label);
        o.field(q!("number"), &self.number);
        o.field(q!("text"), &self.text);
        o.list(q!("children"), &self.children);
        o.list(q!("citations"), &self.citations);
        o.field(q!("span"), &self.span);
    }
}

impl Json for Objective {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("scope"), &self.scope);
            o.field(q!("title"), &self.title);
            o.field(q!("text"), &self.text);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Indicator {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("number"), &self.number);
            o.field(q!("text"), &self.text);
            o.field(q!("measures"), &self.measures);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Measure {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("label"), &self.label);
            o.field(q!("value"), &self.value);
            o.field(q!("value_text"), &self.value_text);
            o.field(q!("unit"), &self.unit);
            o.field(q!("comparator"), &self.comparator);
            o.field(q!("change"), &self.change);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Citation {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("kind"), &self.kind);
            o.field(q!("kind_text"), &self.kind_text);
            o.field(q!("number"), &self.number);
            o.field(q!("symbol"), &self.symbol);
            o.field(q!("date"), &self.date);
            o.field(q!("issuer"), &self.issuer);
            o.field(q!("name"), &self.name);
            o.field(q!("implements"), &self.implements);
            o.field(q!("text"), &self.text);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Recipient {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("name"), &self.name);
            o.field(q!("note"), &self.note);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Signature {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("authority"), &self.authority);
            o.field(q!("position"), &self.position);
            o.field(q!("signer"), &self.signer);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Diagnostic {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("severity"), &self.severity);
            o.field(q!("message"), &self.message);
            o.field(q!("line"), &self.line);
            o.field(q!("column"), &self.column);
            o.field(q!("span"), &self.span);
        });
    }
}

impl Json for Span {
    fn write(&self, out: &mut Out<'_>) {
        out.object(|o| {
            o.field(q!("start"), &self.start);
            o.field(q!("end"), &self.end);
            o.field(q!("line"), &self.line);
            o.field(q!("column"), &self.column);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        let mut s = String::from("a\"b\\c/\u{1}\u{8}\t\n\u{c}\r\u{1f}\u{7f}é “x” ");
        // Long enough for whole chunks, with escapes inside and across them.
        s = s.repeat(5);
        let mut buf = String::new();
        escape(&mut buf, &s);
        let ours = format!("\"{buf}\"");
        assert_eq!(ours, serde_json::to_string(&s).unwrap_or_default());
        for c in (0u8..0x80).map(char::from) {
            let s = c.to_string().repeat(40);
            let mut buf = String::new();
            escape(&mut buf, &s);
            let ours = format!("\"{buf}\"");
            assert_eq!(ours, serde_json::to_string(&s).unwrap_or_default());
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        for v in [
            0.0,
            1.0,
            -3.0,
            15043.0,
            7.5,
            0.1,
            1e20,
            1e-7,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut out = Out::new(false, None);
            v.write(&mut out);
            let expected = match number(v) {
                Number::Int(i) => serde_json::to_string(&i).ok(),
                Number::Float(f) => serde_json::to_string(&f).ok(),
                Number::Null => Some("null".into()),
            };
            assert_eq!(Some(out.buf), expected, "{v}");
        }
    }
}
