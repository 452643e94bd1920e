//! CommonMark: the title as the first heading, parts and sections as headings one
//! level per depth, items and indicators as list items, recipients and signature at
//! the end, and a table of the cited documents.

use std::fmt::Write;

use crate::model::{Document, Node};

/// Escapes text so that CommonMark reads it as plain text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // The marks are ASCII: the text between them is copied a run at a time.
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        if matches!(
            b,
            b'\\' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'`' | b'#' | b'|' | b'!' | b'&'
        ) {
            out.push_str(&s[run..i]);
            out.push('\\');
            run = i;
        }
    }
    out.push_str(&s[run..]);
    // A line that starts like a list marker or a numbered list is escaped at its start.
    let start = out.chars().take_while(|c| c.is_ascii_digit()).count();
    if start > 0 && (out[start..].starts_with(". ") || out[start..].starts_with(") ")) {
        out.insert(start, '\\');
    } else if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// The document as CommonMark.
pub fn to_string(doc: &Document) -> String {
    let mut out = String::new();
    let md = &doc.metadata;
    let title = md
        .title
        .as_deref()
        .or(md.kind_text.as_deref())
        .unwrap_or("Văn bản");
    let _ = writeln!(out, "# {}\n", escape(title));
    for (label, value) in [
        ("Cơ quan ban hành", &md.issuer),
        ("Cấp trên", &md.superior),
        ("Số", &md.symbol),
        ("Nơi ban hành", &md.place),
        ("Ngày", &md.date),
        ("Trích yếu", &md.subject),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "- {label}: {}", escape(v));
        }
    }
    out.push('\n');
    for n in &doc.body {
        node(&mut out, n, 2, 0);
    }
    if !doc.recipients.is_empty() {
        out.push_str("## Nơi nhận\n\n");
        for r in &doc.recipients {
            let note = r
                .note
                .as_deref()
                .map(|n| format!(" ({})", escape(n)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {}{note}", escape(&r.name));
        }
        out.push('\n');
    }
    if let Some(s) = &doc.signature {
        out.push_str("## Chữ ký\n\n");
        for v in [&s.authority, &s.position, &s.signer].into_iter().flatten() {
            let _ = writeln!(out, "{}  ", escape(v));
        }
        out.push('\n');
    }
    if !doc.citations.is_empty() {
        out.push_str("## Văn bản được trích dẫn\n\n| # | Loại | Số, ký hiệu | Ngày | Cơ quan | Tên |\n|---|---|---|---|---|---|\n");
        for (i, c) in doc.citations.iter().enumerate() {
            let cell = |v: &Option<String>| v.as_deref().map(escape).unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                i,
                escape(&c.kind_text),
                cell(&c.symbol),
                cell(&c.date),
                cell(&c.issuer),
                cell(&c.name)
            );
        }
        out.push('\n');
    }
    out
}

fn node(out: &mut String, n: &Node, level: usize, indent: usize) {
    let pad = "  ".repeat(indent);
    match n {
        Node::Part(h) | Node::Section(h) => {
            let hashes = "#".repeat(level.min(6));
            let _ = writeln!(out, "{hashes} {}. {}\n", escape(&h.label), escape(&h.title));
            for c in &h.children {
                node(out, c, level + 1, 0);
            }
        }
        Node::Paragraph(p) => {
            let _ = writeln!(out, "{pad}{}\n", escape(&p.text));
        }
        Node::Closing(p) => {
            let _ = writeln!(out, "{pad}*{}*\n", escape(&p.text));
        }
        Node::Item(i) => {
            let words = i.title.as_deref().or(i.text.as_deref()).unwrap_or_default();
            let label = match i.label.as_str() {
                "-" | "+" | "•" => String::new(),
                l => format!("{}) ", escape(l)),
            };
            let _ = writeln!(out, "{pad}- {label}{}\n", escape(words));
            for c in &i.children {
                node(out, c, level, indent + 1);
            }
        }
        Node::Indicator(i) => {
            let _ = writeln!(out, "{pad}- ({}) {}\n", escape(&i.label), escape(&i.text));
            for c in &i.children {
                node(out, c, level, indent + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_marks_and_list_starts() {
        assert_eq!(
            escape("Đạt *90%* [a]_b_ <c> `d` #e |f| !g &h \\i"),
            "Đạt \\*90%\\* \\[a\\]\\_b\\_ \\<c\\> \\`d\\` \\#e \\|f\\| \\!g \\&h \\\\i"
        );
        assert_eq!(escape("12. Mục"), "12\\. Mục");
        assert_eq!(escape("3) Mục"), "3\\) Mục");
        assert_eq!(escape("- gạch"), "\\- gạch");
        assert_eq!(escape("ổn định"), "ổn định");
        assert_eq!(escape(""), "");
    }
}
