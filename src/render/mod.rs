//! Renderers: the document as JSON, Markdown, CSV and NDJSON. Renderers know
//! nothing of parsing.

pub mod csv;
pub mod json;
pub mod markdown;

use crate::model::Document;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// The JSON contract, `schema_version` 1.
    Json,
    /// CommonMark.
    Markdown,
    /// One row per measure.
    Csv,
    /// One JSON document per line.
    Ndjson,
}

impl Format {
    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Ndjson => "ndjson",
        }
    }
}

impl Document {
    /// The document as JSON; `pretty` indents it.
    pub fn to_json(&self, pretty: bool) -> String {
        json::to_string(self, pretty)
    }

    /// Writes the document as JSON to `w` as it goes — the same bytes as
    /// [`to_json`](Document::to_json), without holding them all in memory.
    ///
    /// ```
    /// let doc = nghiquyet::parse("Nghị quyết này phổ biến đến chi bộ.");
    /// let mut out = Vec::new();
    /// doc.write_json(&mut out, false)?;
    /// assert_eq!(out, doc.to_json(false).into_bytes());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_json<W: std::io::Write>(&self, w: W, pretty: bool) -> std::io::Result<()> {
        json::to_writer(self, w, pretty)
    }

    /// The document as CommonMark.
    pub fn to_markdown(&self) -> String {
        markdown::to_string(self)
    }

    /// One CSV row per measure, with a header row; `file` fills the first column.
    pub fn to_csv(&self, file: &str) -> String {
        let mut w = csv::writer(Vec::new());
        csv::write_rows(&mut w, self, file);
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
