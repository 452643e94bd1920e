//! The document model: plain structs and enums, serialised as the JSON contract
//! (`schema_version` 1) names them. The model knows nothing of parsing.

use serde::{Deserialize, Serialize};

/// The version of the JSON contract this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole parsed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The header and title block.
    pub metadata: Metadata,
    /// The document tree, in order.
    pub body: Vec<Node>,
    /// Every stated objective, in order.
    pub objectives: Vec<Objective>,
    /// Every numbered target indicator, in order.
    pub indicators: Vec<Indicator>,
    /// Every reference to another document, in order.
    pub citations: Vec<Citation>,
    /// The "Nơi nhận" list.
    pub recipients: Vec<Recipient>,
    /// The signature block, if any.
    pub signature: Option<Signature>,
    /// What the parser noticed but could not place, or doubts.
    pub diagnostics: Vec<Diagnostic>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            metadata: Metadata::default(),
            body: Vec::new(),
            objectives: Vec::new(),
            indicators: Vec::new(),
            citations: Vec::new(),
            recipients: Vec::new(),
            signature: None,
            diagnostics: Vec::new(),
        }
    }
}

/// The header (issuing body, number, place and date) and the title block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Metadata {
    /// Official type code: NQ, CT, KL, KH, CTr, QĐ, QĐi, QC, HD, TB, BC, ĐA, TTr, CV, …
    pub kind: Option<String>,
    /// The kind line as written, e.g. "NGHỊ QUYẾT".
    pub kind_text: Option<String>,
    /// The title block, its lines joined by one space.
    pub title: Option<String>,
    /// The issuing body: from the header, else from the title's "CỦA …" line.
    pub issuer: Option<String>,
    /// The superior body named above the issuer in the header.
    pub superior: Option<String>,
    /// The summary ("trích yếu"), e.g. "về nhiệm vụ lãnh đạo năm 2023".
    pub subject: Option<String>,
    /// The number of the document's own symbol, e.g. "05".
    pub number: Option<String>,
    /// The document's own symbol, e.g. "05-NQ/TU".
    pub symbol: Option<String>,
    /// The place of issue.
    pub place: Option<String>,
    /// The date of issue, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Secrecy, urgency and draft marks of the header ("MẬT", "KHẨN", "DỰ THẢO").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<String>,
}

/// What a part or section heading says it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// đánh giá tình hình, kết quả
    Assessment,
    /// quan điểm
    Viewpoints,
    /// mục tiêu
    Objectives,
    /// chỉ tiêu
    Targets,
    /// nhiệm vụ, giải pháp
    Tasks,
    /// tổ chức thực hiện
    Implementation,
}

/// A node of the document tree, tagged by `"type"` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Node {
    /// A plain paragraph.
    Paragraph(Paragraph),
    /// A Roman-numeral or "PHẦN" part.
    Part(Heading),
    /// A numbered section with a title.
    Section(Heading),
    /// A numbered, lettered or bulleted item.
    Item(Item),
    /// A numbered target indicator "(n) …".
    Indicator(IndicatorNode),
    /// Text after the body, before the recipients.
    Closing(Paragraph),
}

/// A paragraph or closing line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Paragraph {
    /// The text, page breaks joined and emphasis marks removed.
    pub text: String,
    /// Indices into [`Document::citations`] of the references in this text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<usize>,
    /// Where it stands in the input.
    pub span: Span,
}

/// A part or a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Heading {
    /// "II", "PHẦN I", "1", "1.1".
    pub label: String,
    /// The heading's words, marks removed.
    pub title: String,
    /// What the heading says the part holds.
    pub role: Option<Role>,
    /// The nodes under the heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Indices into [`Document::citations`] of the references in the title.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<usize>,
    /// From the heading line to the end of its last child.
    pub span: Span,
}

/// A numbered ("1."), lettered ("a)") or bulleted ("-", "+") item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Item {
    /// "1", "2.1", "a", "-", "+".
    pub label: String,
    /// Set for a short heading-like item ("a) Về kinh tế") that holds paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Set for an item that is a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Lower-ranked items under this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Indices into [`Document::citations`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<usize>,
    /// Where it stands in the input.
    pub span: Span,
}

/// An indicator as it stands in the tree; its measures are in [`Document::indicators`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct IndicatorNode {
    /// "6" for "(6)".
    pub label: String,
    /// The indicator's number, the index into nothing: see [`Indicator::number`].
    pub number: u32,
    /// The indicator's text after its label.
    pub text: String,
    /// Items under the indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
    /// Indices into [`Document::citations`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<usize>,
    /// Where it stands in the input.
    pub span: Span,
}

impl Node {
    /// The node's span.
    pub fn span(&self) -> &Span {
        match self {
            Node::Paragraph(p) | Node::Closing(p) => &p.span,
            Node::Part(h) | Node::Section(h) => &h.span,
            Node::Item(i) => &i.span,
            Node::Indicator(i) => &i.span,
        }
    }

    /// The node's children (empty for paragraphs).
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Paragraph(_) | Node::Closing(_) => &[],
            Node::Part(h) | Node::Section(h) => &h.children,
            Node::Item(i) => &i.children,
            Node::Indicator(i) => &i.children,
        }
    }

    /// The node's text, if it has one.
    pub fn text(&self) -> Option<&str> {
        match self {
            Node::Paragraph(p) | Node::Closing(p) => Some(&p.text),
            Node::Part(_) | Node::Section(_) => None,
            Node::Item(i) => i.text.as_deref(),
            Node::Indicator(i) => Some(&i.text),
        }
    }

    /// The node's title, if it has one.
    pub fn title(&self) -> Option<&str> {
        match self {
            Node::Part(h) | Node::Section(h) => Some(&h.title),
            Node::Item(i) => i.title.as_deref(),
            _ => None,
        }
    }

    /// The node's label, if it has one.
    pub fn label(&self) -> Option<&str> {
        match self {
            Node::Paragraph(_) | Node::Closing(_) => None,
            Node::Part(h) | Node::Section(h) => Some(&h.label),
            Node::Item(i) => Some(&i.label),
            Node::Indicator(i) => Some(&i.label),
        }
    }

    /// The `"type"` name of the node in JSON.
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Paragraph(_) => "paragraph",
            Node::Part(_) => "part",
            Node::Section(_) => "section",
            Node::Item(_) => "item",
            Node::Indicator(_) => "indicator",
            Node::Closing(_) => "closing",
        }
    }

    /// The role of a part or section.
    pub fn role(&self) -> Option<Role> {
        match self {
            Node::Part(h) | Node::Section(h) => h.role,
            _ => None,
        }
    }

    /// This node and every node below it, depth first, in document order.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let n = stack.pop()?;
            stack.extend(n.children().iter().rev());
            Some(n)
        })
    }
}

/// Whether an objective is the general one or a specific one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// "Mục tiêu tổng quát" and headings that say no scope.
    General,
    /// "Mục tiêu cụ thể".
    Specific,
}

/// One stated objective: a paragraph or item under an objectives heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Objective {
    /// General or specific.
    pub scope: Scope,
    /// The governing heading's title.
    pub title: String,
    /// The objective's text.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// A numbered target indicator with its measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Indicator {
    /// The number written in "(n)", or the position under a targets heading.
    pub number: u32,
    /// The indicator's text.
    pub text: String,
    /// Every target figure of the indicator.
    pub measures: Vec<Measure>,
    /// Where it stands in the input.
    pub span: Span,
}

/// How a target figure compares with the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Comparator {
    /// "đạt", "duy trì", a bare figure.
    Eq,
    /// "trên".
    Gt,
    /// "trở lên", "ít nhất", "tối thiểu", the lower bound of a range.
    Ge,
    /// "dưới".
    Lt,
    /// "không quá", "tối đa", "giảm còn", the upper bound of a range.
    Le,
    /// "khoảng".
    Approx,
}

/// Whether a figure is an amount of change rather than a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// "tăng", "tăng thêm".
    Increase,
    /// "giảm".
    Decrease,
}

/// One target figure of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Measure {
    /// What is measured, e.g. "Tốc độ tăng trưởng GRDP".
    pub label: String,
    /// The figure in ordinary decimal notation: "15.043" is 15043.
    #[serde(serialize_with = "crate::render::json::serialize_number")]
    pub value: f64,
    /// The figure as written.
    pub value_text: String,
    /// The unit with its scale word, e.g. "nghìn tỷ đồng", "%"; null when none is written.
    pub unit: Option<String>,
    /// How the target compares with the value.
    pub comparator: Comparator,
    /// Set when the figure is an amount of change.
    pub change: Option<Change>,
    /// The figure and its unit in the input.
    pub span: Span,
}

/// A reference to another document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Citation {
    /// The official type code, e.g. "KH"; null for kinds without one ("Luật").
    pub kind: Option<String>,
    /// The kind phrase as written, e.g. "Kế hoạch".
    pub kind_text: String,
    /// The number as written, leading zeros kept.
    pub number: Option<String>,
    /// The whole symbol, e.g. "63-KH/TU".
    pub symbol: Option<String>,
    /// The date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The issuing body as written after "của".
    pub issuer: Option<String>,
    /// For references without a number: the words after the kind word.
    pub name: Option<String>,
    /// Indices into [`Document::citations`] of the documents this one carries out.
    pub implements: Vec<usize>,
    /// The exact source text.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// One line of the "Nơi nhận" list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Recipient {
    /// The recipient, leading dash and trailing punctuation removed.
    pub name: String,
    /// The purpose in parentheses, as written ("báo cáo", "để b/c").
    pub note: Option<String>,
    /// Where the line stands in the input.
    pub span: Span,
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Signature {
    /// "T/M TỈNH ỦY", "K/T BÍ THƯ", "T/L …".
    pub authority: Option<String>,
    /// "BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC".
    pub position: Option<String>,
    /// The person's name.
    pub signer: Option<String>,
    /// From the first to the last line of the block.
    pub span: Span,
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was repaired or guessed; the output is still complete.
    Warning,
    /// Something could not be read as it should.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A note about the input, at a place in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// What was noticed.
    pub message: String,
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// The bytes concerned.
    pub span: Span,
}

/// A place in the original input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// Byte offset of the first byte, into the input as given.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The line of `start`, from 1.
    pub line: usize,
    /// The column of `start` in characters, from 1.
    pub column: usize,
}

impl Document {
    /// Every measure of every indicator, with its indicator.
    pub fn measures(&self) -> impl Iterator<Item = (&Indicator, &Measure)> {
        self.indicators
            .iter()
            .flat_map(|i| i.measures.iter().map(move |m| (i, m)))
    }

    /// Every node of the body, depth first, in document order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.body.iter().flat_map(|n| n.walk())
    }
}
