//! Properties that hold for any input: no panic, spans inside the input on character
//! boundaries, texts taken from their spans, nothing lost, the same tree whatever the
//! line ends.

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn check_spans(input: &str, doc: &nghiquyet::Document) -> Result<(), TestCaseError> {
    let mut spans: Vec<nghiquyet::Span> = doc.nodes().map(|n| *n.span()).collect();
    spans.extend(doc.citations.iter().map(|c| c.span));
    spans.extend(doc.measures().map(|(_, m)| m.span));
    spans.extend(doc.recipients.iter().map(|r| r.span));
    spans.extend(doc.diagnostics.iter().map(|d| d.span));
    spans.extend(doc.signature.iter().map(|s| s.span));
    for s in spans {
        prop_assert!(
            s.start <= s.end && s.end <= input.len(),
            "span {s:?} out of {}",
            input.len()
        );
        prop_assert!(
            input.is_char_boundary(s.start) && input.is_char_boundary(s.end),
            "span {s:?} not on a boundary"
        );
        prop_assert!(s.line >= 1 && s.column >= 1);
    }
    for c in &doc.citations {
        prop_assert_eq!(&input[c.span.start..c.span.end], c.text.as_str());
    }
    Ok(())
}

fn words(s: &str) -> Vec<String> {
    let nfc: String = s.nfc().collect();
    nfc.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every string of the JSON output, concatenated.
fn output_text(doc: &nghiquyet::Document) -> String {
    fn go(v: &serde_json::Value, out: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                out.push_str(s);
                out.push(' ');
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| go(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| go(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    go(
        &serde_json::from_str(&doc.to_json(false)).unwrap_or_default(),
        &mut out,
    );
    out
}

/// Structural labels the grammar consumes by design (README, "What is not kept").
const STRUCTURAL: &[&str] = &["Nơi", "nhận", "đã", "ký"];

const LINES: &[&str] = &[
    "NGHỊ QUYẾT",
    "về nhiệm vụ năm 2025",
    "CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
    "I- MỤC TIÊU",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "PHẦN THỨ NHẤT",
    "1. Mục tiêu tổng quát",
    "2. Các chỉ tiêu chủ yếu",
    "1.1. Đào tạo nghề",
    "(1) Tốc độ tăng trưởng GRDP đạt 7,5-8%.",
    "(2) Thu ngân sách đạt trên 15.043 tỷ đồng; tỷ lệ hộ nghèo giảm còn 2%.",
    "a) Hoàn thành kết nối mạng.",
    "b) Về kinh tế",
    "- Bổ sung thiết bị;",
    "+ Kết nối hệ thống.",
    "- 3 -",
    "4",
    "",
    "",
    "tiếp theo của câu trước.",
    "Thực hiện Kế hoạch số 63-KH/TU ngày 12/8/2022 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 12-NQ/TW của Bộ Chính trị.",
    "Nghị quyết Đại hội XIII của Đảng và Quy hoạch tỉnh thời kỳ 2021-2030, QCVN 01-1:2018/BYT.",
    "**Đoạn in đậm** với *chú thích* ở giữa.",
    "Nghị quyết này phổ biến đến chi bộ.",
    "Nơi nhận:",
    "- Ban Bí thư (để b/c),",
    "T/M TỈNH ỦY",
    "BÍ THƯ",
    "(đã ký)",
    "Nguyễn Văn An",
    "Tuy nhiên, một số nơi còn hạn chế.",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LINES), 0..40).prop_map(|ls| ls.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_with_valid_spans(s in any::<String>()) {
        let doc = nghiquyet::parse(&s);
        check_spans(&s, &doc)?;
        // The JSON writer's bytes are serde_json's, whatever the text holds.
        prop_assert_eq!(doc.to_json(false), serde_json::to_string(&doc).unwrap_or_default());
    }

    #[test]
    fn any_line_soup_parses_with_valid_spans(s in prop::collection::vec("[ -~\\n\\r\\tạđƯơỦỷ̀́*()]{0,12}", 0..30).prop_map(|v| v.join("\n"))) {
        let doc = nghiquyet::parse(&s);
        check_spans(&s, &doc)?;
    }

    #[test]
    fn documents_keep_every_word(text in document()) {
        let doc = nghiquyet::parse(&text);
        check_spans(&text, &doc)?;
        let out = output_text(&doc);
        let have: std::collections::HashSet<String> = words(&out).into_iter().collect();
        for w in words(&text) {
            prop_assert!(have.contains(&w) || STRUCTURAL.contains(&w.as_str()), "lost the word {w:?}");
        }
        for n in doc.nodes() {
            let slice: String = text[n.span().start..n.span().end].nfc().collect();
            for w in n.text().map(words).unwrap_or_default() {
                prop_assert!(slice.contains(&w), "{w:?} is not in the span of its node");
            }
        }
    }

    #[test]
    fn line_ends_do_not_change_the_tree(text in document()) {
        let lf = nghiquyet::parse(&text);
        let crlf = nghiquyet::parse(&text.replace('\n', "\r\n"));
        let strip = |d: &nghiquyet::Document| d.nodes().map(|n| (n.type_name(), n.label().map(str::to_string), n.text().map(str::to_string), n.title().map(str::to_string))).collect::<Vec<_>>();
        prop_assert_eq!(strip(&lf), strip(&crlf));
        prop_assert_eq!(lf.metadata, crlf.metadata);
        prop_assert_eq!(lf.indicators.len(), crlf.indicators.len());
    }
}
