//! JSON: the contract of `../shared/contract.md`, `schema_version` 1.

use serde::Serializer;

use crate::model::Document;

/// The document as JSON.
///
/// Written by `sonic_rs`, whose string escaping is vectorised (serde_json's goes byte
/// by byte and was an eighth of parse+JSON time); the bytes are serde_json's, which
/// a test checks on every text of the repository.
pub fn to_string(doc: &Document, pretty: bool) -> String {
    let r = if pretty {
        sonic_rs::to_string_pretty(doc)
    } else {
        sonic_rs::to_string(doc)
    };
    // Serialising plain structs of strings and numbers cannot fail; NaN is written as null.
    r.unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// Writes the document as JSON to `w` as it goes, without holding the whole text.
pub fn to_writer<W: std::io::Write>(doc: &Document, w: W, pretty: bool) -> std::io::Result<()> {
    let w = sonic_rs::writer::BufferedWriter::new(w);
    let r = if pretty {
        sonic_rs::to_writer_pretty(w, doc)
    } else {
        sonic_rs::to_writer(w, doc)
    };
    r.map_err(std::io::Error::other)
}

/// Writes a measure value as an integer when it is one ("15043", not "15043.0").
pub fn serialize_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}
