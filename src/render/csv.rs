//! CSV: one row per measure of every indicator.

use crate::model::{Comparator, Document};

/// The header row.
pub const HEADER: [&str; 9] = [
    "file",
    "indicator",
    "label",
    "value",
    "value_text",
    "unit",
    "comparator",
    "change",
    "line",
];

/// A CSV writer with the header written.
pub fn writer<W: std::io::Write>(w: W) -> ::csv::Writer<W> {
    let mut w = ::csv::Writer::from_writer(w);
    let _ = w.write_record(HEADER);
    w
}

/// Writes one row per measure of `doc`.
pub fn write_rows<W: std::io::Write>(w: &mut ::csv::Writer<W>, doc: &Document, file: &str) {
    for (ind, m) in doc.measures() {
        let value = if m.value.fract() == 0.0 && m.value.abs() < 9.0e15 {
            format!("{}", m.value as i64)
        } else {
            m.value.to_string()
        };
        let comparator = match m.comparator {
            Comparator::Eq => "eq",
            Comparator::Gt => "gt",
            Comparator::Ge => "ge",
            Comparator::Lt => "lt",
            Comparator::Le => "le",
            Comparator::Approx => "approx",
        };
        let change = match m.change {
            Some(crate::model::Change::Increase) => "increase",
            Some(crate::model::Change::Decrease) => "decrease",
            None => "",
        };
        let _ = w.write_record([
            file,
            &ind.number.to_string(),
            &m.label,
            &value,
            &m.value_text,
            m.unit.as_deref().unwrap_or(""),
            comparator,
            change,
            &m.span.line.to_string(),
        ]);
    }
    let _ = w.flush();
}
