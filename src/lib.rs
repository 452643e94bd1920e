//! # nghiquyet
//!
//! Turns the plain text of a Vietnamese party document — a resolution (nghị quyết),
//! directive, conclusion, plan, programme, report — into a typed tree: header and
//! title block, parts, sections, items, objectives, target indicators with their
//! measures, cited documents, closing, recipients and signature. Every node carries a
//! [`Span`] into the bytes you passed in.
//!
//! [`parse`] never fails and never panics: what the grammar cannot place becomes a
//! paragraph plus a [`Diagnostic`]. Only decoding bytes ([`parse_bytes`]) can fail.
//!
//! ```
//! let text = "NGHỊ QUYẾT\nvề nhiệm vụ năm 2025\n\nI- MỤC TIÊU\n\n2. Các chỉ tiêu chủ yếu\n\n\
//!             (1) Thu ngân sách đạt 12.500 tỷ đồng.\n";
//! let doc = nghiquyet::parse(text);
//! assert_eq!(doc.metadata.kind.as_deref(), Some("NQ"));
//! let m = &doc.indicators[0].measures[0];
//! assert_eq!((m.value, m.unit.as_deref()), (12500.0, Some("tỷ đồng")));
//! assert_eq!(&text[m.span.start..m.span.end], "12.500 tỷ đồng");
//! ```
//!
//! The output formats are in [`render`]: JSON (the stable contract, `schema_version`
//! 1), Markdown, CSV (one row per measure) and NDJSON.

#![warn(missing_docs)]

pub mod error;
pub mod grammar;
pub mod model;
pub mod render;
pub mod text;

pub use error::Error;
pub use model::*;

/// Parses a document. Total: any text gives a [`Document`].
///
/// ```
/// let doc = nghiquyet::parse("Nghị quyết này phổ biến đến chi bộ.");
/// assert_eq!(doc.body.len(), 1);
/// assert_eq!(doc.body[0].type_name(), "closing");
/// ```
pub fn parse(text: &str) -> Document {
    let src = text::Source::new(text);
    grammar::document(&src)
}

/// The JSON Schema of the output (`schema.json` in the repository is this, committed).
///
/// ```
/// let schema = nghiquyet::json_schema();
/// assert_eq!(schema["title"], "Document");
/// ```
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or_default()
}

/// Decodes UTF-8 bytes (a byte-order mark is allowed) and parses them.
///
/// ```
/// let err = nghiquyet::parse_bytes(b"Ngh\xe9 quy\xe9t").unwrap_err();
/// assert!(err.to_string().contains("byte 3"));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    // Vietnamese is mostly multi-byte: the vectorised check is several times faster
    // than the standard one, and still names the offset of the first bad byte.
    match simdutf8::compat::from_utf8(bytes) {
        Ok(s) => Ok(parse(s)),
        Err(e) => Err(Error::decode(bytes, e.valid_up_to())),
    }
}
