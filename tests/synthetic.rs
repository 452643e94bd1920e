//! Synthetic documents written for these tests (invented places and people), one per
//! variant of the family that domain.md describes and the sample lacks.

use nghiquyet::{Change, Comparator, Document, Node, Role, Scope};
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// The signature's authority, position and signer.
fn signature_fields(doc: &Document) -> (Option<&str>, Option<&str>, Option<&str>) {
    let sig = doc.signature.as_ref().expect("signature");
    (
        sig.authority.as_deref(),
        sig.position.as_deref(),
        sig.signer.as_deref(),
    )
}

fn outline(nodes: &[Node]) -> Vec<String> {
    let mut out = Vec::new();
    fn go(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
        for n in nodes {
            out.push(format!(
                "{}{} {}",
                "  ".repeat(depth),
                n.type_name(),
                n.label().unwrap_or("")
            ));
            go(n.children(), depth + 1, out);
        }
    }
    go(nodes, 0, &mut out);
    out
}

#[test]
fn two_column_header_qdi_hyphen_dates_state_symbols_kt_signature() {
    let doc = nghiquyet::parse(&fixture("synthetic-quy-dinh-kt.txt"));
    let md = &doc.metadata;
    assert_eq!(md.kind.as_deref(), Some("QĐi"));
    assert_eq!(
        (md.issuer.as_deref(), md.superior.as_deref()),
        (Some("HUYỆN ỦY SÔNG MÂY"), Some("ĐẢNG BỘ TỈNH HÒA BÌNH NAM"))
    );
    assert_eq!(
        (md.number.as_deref(), md.symbol.as_deref()),
        (Some("14"), Some("14-QĐi/HU"))
    );
    assert_eq!(
        (md.place.as_deref(), md.date.as_deref()),
        (Some("Sông Mây"), Some("2025-02-03"))
    );
    assert_eq!(
        outline(&doc.body),
        [
            "paragraph ",
            "paragraph ",
            "part I",
            "  item 1",
            "  section 2",
            "    item a",
            "      item -",
            "      item -",
            "    item b",
            "part II",
            "closing "
        ]
    );
    let cites: Vec<(Option<&str>, Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| (c.kind.as_deref(), c.symbol.as_deref(), c.date.as_deref()))
        .collect();
    assert_eq!(
        cites,
        [
            (Some("QĐi"), Some("08-QĐi/TW"), Some("2018-10-25")),
            (Some("QĐ"), Some("99-QĐ/TU"), Some("2021-03-07")),
            (Some("NĐ"), Some("30/2020/NĐ-CP"), Some("2020-03-05")),
            (Some("QĐ"), Some("1234/QĐ-UBND"), None),
        ]
    );
    assert_eq!(
        doc.citations[3].issuer.as_deref(),
        Some("Ủy ban nhân dân tỉnh")
    );
    assert_eq!(
        signature_fields(&doc),
        (
            Some("K/T BÍ THƯ"),
            Some("PHÓ BÍ THƯ"),
            Some("Trịnh Thị Thu")
        )
    );
    assert!(doc.recipients.is_empty());
}

#[test]
fn prose_with_a_page_number_and_no_tail() {
    let doc = nghiquyet::parse(&fixture("synthetic-prose-no-tail.txt"));
    assert_eq!(doc.metadata.kind.as_deref(), Some("TB"));
    assert_eq!(doc.body.len(), 2);
    assert!(doc.body[0]
        .text()
        .is_some_and(|t| t.contains("đạt 95% kế hoạch do thời tiết thuận lợi")));
    assert_eq!(doc.signature, None);
    assert!(doc.recipients.is_empty());
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!((doc.diagnostics[0].line, doc.diagnostics[0].column), (6, 1));
}

#[test]
fn bulleted_targets_are_indicators_and_bulleted_objectives_are_objectives() {
    let doc = nghiquyet::parse(&fixture("synthetic-targets-bullets.txt"));
    assert_eq!(doc.metadata.issuer.as_deref(), Some("Đảng ủy xã Hòa Phong"));
    assert_eq!(
        doc.objectives.iter().map(|o| o.scope).collect::<Vec<_>>(),
        [Scope::Specific, Scope::Specific]
    );
    assert_eq!(
        doc.indicators.iter().map(|i| i.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    let m = &doc.indicators[0].measures[0];
    assert_eq!(
        (m.value, m.unit.as_deref(), m.comparator),
        (2.0, Some("triệu đồng/tháng"), Comparator::Approx)
    );
    let two: Vec<(f64, Comparator)> = doc.indicators[1]
        .measures
        .iter()
        .map(|m| (m.value, m.comparator))
        .collect();
    assert_eq!(two, [(1.2, Comparator::Le), (70.0, Comparator::Ge)]);
    assert!(
        doc.indicators[2].measures.is_empty(),
        "a qualitative target has no measure"
    );
}

/// The same document, spans aside, whatever the line ends, normal form, byte-order
/// mark, no-break spaces, tabs and trailing spaces.
#[test]
fn the_same_tree_for_every_encoding_variant() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.starts_with("synthetic-") && n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 9, "{names:?}");
    let mut bases: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    bases.push(fixture("synthetic-quy-dinh-kt.txt") + &fixture("synthetic-targets-bullets.txt"));
    for base in &bases {
        let reference = strip_spans(nghiquyet::parse(base));
        let variants: Vec<(&str, String)> = vec![
            ("crlf", base.replace('\n', "\r\n")),
            ("cr", base.replace('\n', "\r")),
            ("nfd", base.nfd().collect()),
            ("bom", format!("\u{feff}{base}")),
            ("trailing", base.replace('\n', "  \n")),
            ("nbsp", base.replace("đạt ", "đạt\u{a0}")),
            ("zero-width", base.replace("Nghị", "Ngh\u{200b}ị")),
        ];
        for (name, v) in variants {
            let first = base.lines().next().unwrap_or_default();
            assert_eq!(
                strip_spans(nghiquyet::parse(&v)),
                reference,
                "{name}: {first}"
            );
        }
    }
}

fn strip_spans(doc: Document) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&doc.to_json(false)).expect("JSON");
    fn go(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("span");
                m.remove("line");
                m.remove("column");
                m.values_mut().for_each(go);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(go),
            _ => {}
        }
    }
    go(&mut v);
    // Citation texts are original slices: compare them after normalising, like the rest.
    for c in v["citations"].as_array_mut().into_iter().flatten() {
        c["text"] = serde_json::Value::Null;
    }
    v.to_string()
}

#[test]
fn roles_of_headings_in_a_two_part_report() {
    let text = "BÁO CÁO\nkết quả năm 2024\n\nPHẦN THỨ NHẤT\nĐÁNH GIÁ TÌNH HÌNH\n\nI. KẾT QUẢ\n\nĐoạn văn.\n\nPHẦN THỨ HAI: NHIỆM VỤ NĂM 2025\n\n1. Quan điểm\n\nĐoạn khác.\n";
    let doc = nghiquyet::parse(text);
    assert_eq!(
        outline(&doc.body),
        [
            "part PHẦN THỨ NHẤT",
            "  part I",
            "    paragraph ",
            "part PHẦN THỨ HAI",
            "  section 1",
            "    paragraph "
        ]
    );
    assert_eq!(doc.body[0].role(), Some(Role::Assessment));
    assert_eq!(doc.body[1].title(), Some("NHIỆM VỤ NĂM 2025"));
    assert_eq!(doc.body[1].children()[0].role(), Some(Role::Viewpoints));
}

#[test]
fn markdown_headings_follow_the_tree() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    for text in [
        fixture("synthetic-quy-dinh-kt.txt"),
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
        ))
        .expect("seed"),
    ] {
        let doc = nghiquyet::parse(&text);
        let md = doc.to_markdown();
        let mut headings = Vec::new();
        let mut current: Option<(HeadingLevel, String)> = None;
        for ev in Parser::new(&md) {
            match ev {
                Event::Start(Tag::Heading { level, .. }) => current = Some((level, String::new())),
                Event::Text(t) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.push_str(&t);
                    }
                }
                Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
                _ => {}
            }
        }
        let mut want = vec![(
            HeadingLevel::H1,
            doc.metadata.title.clone().unwrap_or_default(),
        )];
        fn go(nodes: &[Node], level: usize, want: &mut Vec<(HeadingLevel, String)>) {
            for n in nodes {
                if let Node::Part(h) | Node::Section(h) = n {
                    let lv = HeadingLevel::try_from(level.min(6)).expect("level");
                    want.push((lv, format!("{}. {}", h.label, h.title)));
                    go(&h.children, level + 1, want);
                }
            }
        }
        go(&doc.body, 2, &mut want);
        let tail: Vec<String> = headings
            .iter()
            .skip(want.len())
            .map(|(_, s)| s.clone())
            .collect();
        assert_eq!(&headings[..want.len()], &want[..]);
        assert!(
            tail.iter()
                .all(|h| ["Nơi nhận", "Chữ ký", "Văn bản được trích dẫn"].contains(&h.as_str())),
            "{tail:?}"
        );
    }
}

#[test]
fn congress_resolution_with_run_in_heading_and_lettered_target_groups() {
    let doc = nghiquyet::parse(&fixture("synthetic-dai-hoi.txt"));
    let md = &doc.metadata;
    assert_eq!(
        (
            md.symbol.as_deref(),
            md.place.as_deref(),
            md.date.as_deref()
        ),
        (Some("01-NQ/ĐH"), Some("Nam Sơn"), Some("2020-10-16"))
    );
    assert_eq!(md.superior.as_deref(), Some("ĐẢNG BỘ TỈNH NAM SƠN"));
    assert_eq!(
        outline(&doc.body),
        [
            "paragraph ",
            "paragraph ",
            "item 1",
            "section 2",
            "  paragraph ",
            "section 3",
            "  item a",
            "    indicator 1",
            "    indicator 2",
            "  item b",
            "    indicator 3",
            "    indicator 4",
            "item 4"
        ]
    );
    assert_eq!(doc.body[3].role(), Some(Role::Objectives));
    assert_eq!(doc.body[3].title(), Some("Mục tiêu tổng quát"));
    assert_eq!(doc.objectives.len(), 1);
    assert!(doc.objectives[0].text.starts_with("Xây dựng Đảng bộ"));
    let first: Vec<(&str, f64, Comparator)> = doc.indicators[0]
        .measures
        .iter()
        .map(|m| (m.label.as_str(), m.value, m.comparator))
        .collect();
    assert_eq!(
        first,
        [
            ("Tốc độ tăng trưởng GRDP bình quân", 8.0, Comparator::Ge),
            ("Tốc độ tăng trưởng GRDP bình quân", 8.5, Comparator::Le)
        ]
    );
    assert_eq!(
        doc.indicators[2].measures[0].change,
        Some(nghiquyet::Change::Decrease)
    );
    assert_eq!(
        doc.indicators[3].measures[1].label,
        "Tỷ lệ lao động qua đào tạo: có bằng cấp, chứng chỉ"
    );
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(
        (sig.authority.as_deref(), sig.signer.as_deref()),
        (Some("T/M ĐOÀN CHỦ TỊCH"), Some("Phan Minh Tuấn"))
    );
}

#[test]
fn hard_wrapped_regulation_with_chapters_and_articles() {
    let doc = nghiquyet::parse(&fixture("synthetic-quy-che-wrapped.txt"));
    assert_eq!(
        (doc.metadata.kind.as_deref(), doc.metadata.symbol.as_deref()),
        (Some("QC"), Some("12-QC/ĐUK"))
    );
    assert_eq!(
        outline(&doc.body),
        [
            "paragraph ",
            "part Chương I",
            "  section Điều 1",
            "    item 1",
            "    item 2",
            "  item Điều 2",
            "part Chương II",
            "  item Điều 3"
        ]
    );
    assert_eq!(doc.body[1].title(), Some("NHIỆM VỤ, QUYỀN HẠN"));
    assert!(doc.body[0]
        .text()
        .is_some_and(|t| t.contains("của Ban Chấp hành Trung ương Đảng khóa XIII; căn cứ")));
    let item1 = &doc.body[1].children()[0].children()[0];
    assert!(
        item1
            .text()
            .is_some_and(|t| t.ends_with("các chủ trương của Tỉnh ủy, Ban Thường vụ Tỉnh ủy.")),
        "a wrapped numbered line is one item"
    );
    let issuers: Vec<Option<&str>> = doc.citations.iter().map(|c| c.issuer.as_deref()).collect();
    assert_eq!(
        issuers,
        [
            Some("Ban Chấp hành Trung ương Đảng khóa XIII"),
            Some("Văn phòng Trung ương Đảng")
        ]
    );
    assert_eq!(
        doc.citations[0].kind.as_deref(),
        Some("QĐi"),
        "the kind word Quy định decides over the -QĐ/TW code"
    );
}

/// Citation forms of domain.md §5 on synthetic lines: (line, kind, symbol, date, issuer).
#[test]
fn citation_forms() {
    type Row<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );
    let cases: &[Row] = &[
        (
            "Thực hiện Quyết định số 99-QĐ/TU ngày 5/1/2024 của Ban Thường vụ Tỉnh ủy.",
            Some("QĐ"),
            Some("99-QĐ/TU"),
            Some("2024-01-05"),
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        (
            "Theo Quy định số 08-QĐi/TW của Bộ Chính trị.",
            Some("QĐi"),
            Some("08-QĐi/TW"),
            None,
            Some("Bộ Chính trị"),
        ),
        (
            "Triển khai Nghị quyết 42-NQ/TW của Ban Chấp hành Trung ương.",
            Some("NQ"),
            Some("42-NQ/TW"),
            None,
            Some("Ban Chấp hành Trung ương"),
        ),
        (
            "Căn cứ Kết luận số 14-KL/TW ngày 30-5-2019 của Ban Bí thư.",
            Some("KL"),
            Some("14-KL/TW"),
            Some("2019-05-30"),
            Some("Ban Bí thư"),
        ),
        (
            "Căn cứ Chỉ thị số 05-CT/TW ngày 7 tháng 3 năm 2021 của Bộ Chính trị.",
            Some("CT"),
            Some("05-CT/TW"),
            Some("2021-03-07"),
            Some("Bộ Chính trị"),
        ),
        (
            "Vận dụng Nghị định số 30/2020/NĐ-CP của Chính phủ.",
            Some("NĐ"),
            Some("30/2020/NĐ-CP"),
            None,
            Some("Chính phủ"),
        ),
        (
            "Thực hiện Quyết định số 1234/QĐ-UBND của Ủy ban nhân dân tỉnh.",
            Some("QĐ"),
            Some("1234/QĐ-UBND"),
            None,
            Some("Ủy ban nhân dân tỉnh"),
        ),
        (
            "Thực hiện Kế hoạch số 27-KH/TU ngày 4/10/2021 của Ban\nThường vụ Tỉnh ủy.",
            Some("KH"),
            Some("27-KH/TU"),
            Some("2021-10-04"),
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        (
            "Thực hiện Kế hoạch\n\nsố 27-KH/TU của Ban Thường vụ Tỉnh ủy.",
            Some("KH"),
            Some("27-KH/TU"),
            None,
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        // A line broken after the symbol's dash, as word processors break lines: the
        // short line goes on, and the symbol is read across the break.
        (
            "Thực hiện Kế hoạch số 65-\nKH/TU ngày 03/8/2022 của Ban Thường vụ Tỉnh ủy.",
            Some("KH"),
            Some("65-KH/TU"),
            Some("2022-08-03"),
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        // A space after the dash only, as a line wrap joined back leaves it.
        (
            "Thực hiện Kế hoạch số 65- KH/TU ngày 03/8/2022 của Ban Thường vụ Tỉnh ủy.",
            Some("KH"),
            Some("65-KH/TU"),
            Some("2022-08-03"),
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        // The constitution and ordinances are cited by a free name, like laws.
        ("Căn cứ Hiến pháp năm 2013.", None, None, None, None),
        ("Theo Pháp lệnh Dân số năm 2003.", None, None, None, None),
        // A document named only "văn bản": cited by its symbol, kind unknown ("SYT" is
        // the issuer's code, not a type); "các văn bản số hóa" is no citation.
        (
            "Theo Văn bản số 99/SYT-NV ngày 5/3/2024 của Sở Y tế, các văn bản số hóa đạt 100%.",
            None,
            Some("99/SYT-NV"),
            Some("2024-03-05"),
            Some("Sở Y tế"),
        ),
    ];
    for &(line, kind, symbol, date, issuer) in cases {
        for text in [line.to_string(), line.nfd().collect::<String>()] {
            let doc = nghiquyet::parse(&text);
            assert_eq!(doc.citations.len(), 1, "{line}");
            let c = &doc.citations[0];
            assert_eq!(
                (c.kind.as_deref(), c.symbol.as_deref(), c.date.as_deref()),
                (kind, symbol, date),
                "{line}"
            );
            assert_eq!(
                c.issuer.as_deref().map(|s| s.nfc().collect::<String>()),
                issuer.map(str::to_string),
                "{line}"
            );
            assert_eq!(&text[c.span.start..c.span.end], c.text, "{line}");
        }
    }
}

#[test]
fn an_indicator_continued_after_a_page_break_keeps_its_measure() {
    let text = "NGHỊ QUYẾT\nvề năm 2025\n\nI- MỤC TIÊU\n\n2. Chỉ tiêu\n\n(1) Tỷ lệ chất thải rắn được thu gom,\n\n- 7 -\n\nxử lý đạt 90%.\n";
    let doc = nghiquyet::parse(text);
    assert_eq!(doc.indicators.len(), 1);
    let m = &doc.indicators[0].measures;
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].label.as_str(), m[0].value),
        ("Tỷ lệ chất thải rắn được thu gom, xử lý", 90.0)
    );
    assert_eq!(&text[m[0].span.start..m[0].span.end], "90%");
}

#[test]
fn tabs_in_text_and_indentation_do_not_change_the_tree() {
    let base = fixture("synthetic-targets-bullets.txt");
    let reference = strip_spans(nghiquyet::parse(&base));
    assert_eq!(
        strip_spans(nghiquyet::parse(&base.replace("đạt ", "đạt\t"))),
        reference
    );
    assert_eq!(
        strip_spans(nghiquyet::parse(&base.replace('\n', "\n\t"))),
        reference
    );
}

#[test]
fn official_letter_without_kind_line() {
    let doc = nghiquyet::parse(&fixture("synthetic-cong-van.txt"));
    let md = &doc.metadata;
    assert_eq!(
        (md.kind.as_deref(), md.kind_text.as_deref()),
        (Some("CV"), None),
        "the symbol's type code names the kind"
    );
    assert_eq!(
        md.subject.as_deref(),
        Some("V/v triển khai Chỉ thị số 35-CT/TW")
    );
    assert_eq!(
        (md.issuer.as_deref(), md.date.as_deref()),
        (Some("TỈNH ỦY HÒA AN"), Some("2024-04-03"))
    );
    assert_eq!(outline(&doc.body), ["paragraph ", "paragraph ", "item 1"]);
    assert_eq!(
        doc.citations
            .iter()
            .filter_map(|c| c.date.as_deref())
            .collect::<Vec<_>>(),
        ["2024-06-14"]
    );
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(
        (sig.authority.as_deref(), sig.position.as_deref()),
        (Some("T/L BAN THƯỜNG VỤ"), Some("CHÁNH VĂN PHÒNG"))
    );
}

/// A central plenum resolution: the plenum's line is title, not summary; "PHẦN THỨ …"
/// parts over "I-" parts; "1.1." items; a range "35 - 40%"; a structure; "QĐi", a
/// state decree and a standard; bullets "-", "+", "•"; the signature in the right
/// column beside "Nơi nhận:".
#[test]
fn plenum_resolution_title_parts_and_citations() {
    let doc = nghiquyet::parse(&fixture("synthetic-nghi-quyet-hoi-nghi.txt"));
    let md = &doc.metadata;
    assert_eq!(
        md.subject.as_deref(),
        Some("về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển nhanh và bền vững đất nước")
    );
    assert!(md
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH")));
    assert_eq!(
        (
            md.issuer.as_deref(),
            md.symbol.as_deref(),
            md.date.as_deref()
        ),
        (
            Some("BAN CHẤP HÀNH TRUNG ƯƠNG"),
            Some("45-NQ/TW"),
            Some("2023-11-24")
        )
    );
    assert_eq!(md.marks, ["MẬT"]);
    assert_eq!(
        outline(&doc.body),
        [
            "part PHẦN THỨ NHẤT",
            "  paragraph ",
            "part PHẦN THỨ HAI",
            "  part I",
            "    item 1.1",
            "    item 1.2",
            "  part II",
            "    section 1",
            "      paragraph ",
            "    section 2",
            "      indicator 1",
            "      indicator 2",
            "      indicator 3",
            "      indicator 4",
            "part PHẦN THỨ BA",
            "  item a",
            "    item -",
            "      item +",
            "  item b",
            "    item •",
            "closing ",
        ]
    );
    let measures = |n: usize| -> Vec<(f64, Option<&str>, Comparator)> {
        doc.indicators[n]
            .measures
            .iter()
            .map(|m| (m.value, m.unit.as_deref(), m.comparator))
            .collect()
    };
    assert_eq!(
        measures(0),
        [
            (35.0, Some("%"), Comparator::Ge),
            (40.0, Some("%"), Comparator::Le)
        ]
    );
    assert_eq!(measures(1).len(), 3);
    assert_eq!(measures(2)[0], (7500.0, Some("USD"), Comparator::Approx));
    assert!(doc.indicators[3].measures.is_empty());
    let cited: Vec<(Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| (c.kind.as_deref(), c.symbol.as_deref()))
        .collect();
    assert_eq!(
        cited,
        [
            (Some("NQ"), None),
            (Some("KL"), None),
            (Some("QĐi"), Some("08-QĐi/TW")),
            (Some("NĐ"), Some("30/2020/NĐ-CP")),
            (Some("QCVN"), Some("QCVN 01-1:2018/BYT")),
            (Some("KH"), Some("63-KH/TU")),
            (Some("NQ"), Some("12-NQ/TW")),
        ]
    );
    assert_eq!(doc.citations[5].implements, [6]);
    assert_eq!(doc.citations[5].date.as_deref(), Some("2019-05-30"));
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(
        (sig.position.as_deref(), sig.signer.as_deref()),
        (Some("TỔNG BÍ THƯ"), Some("Trần Văn Bình"))
    );
    assert_eq!(doc.recipients.len(), 3);
    assert_eq!(doc.recipients[1].note.as_deref(), Some("để b/c"));
    assert!(doc.diagnostics.is_empty());
}

/// The plenum's or congress's line goes to the subject only when no summary follows it;
/// a summary in capitals, or a long one in sentence case, after it starts the subject;
/// an implementing plan's first line stays in its subject.
#[test]
fn occasion_lines_are_title_not_subject() {
    let subject = |title: &str| {
        let text = format!("ĐẢNG BỘ TỈNH NAM SƠN\n\n{title}\n\nI- MỤC TIÊU\n1. Nội dung.\n");
        nghiquyet::parse(&text).metadata.subject
    };
    assert_eq!(
        subject("NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ NĂM\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX\nVỀ CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030").as_deref(),
        Some("VỀ CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030")
    );
    // A summary in sentence case, long, that does not start with "về".
    let long = "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống \
                chính trị tinh gọn, hoạt động hiệu lực, hiệu quả";
    assert!(long.len() > 160 && long.chars().count() < 200);
    assert_eq!(
        subject(&format!(
            "NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XII\n{long}"
        ))
        .as_deref(),
        Some(long)
    );
    // In sentence case too.
    assert_eq!(
        subject("NGHỊ QUYẾT\nHội nghị lần thứ năm Ban Chấp hành Đảng bộ tỉnh\nvề chuyển đổi số")
            .as_deref(),
        Some("về chuyển đổi số")
    );
    // A summary in sentence case right under the kind line: a short run of lines that
    // a blank line ends, or a line opening with "Về"; a first paragraph is no summary.
    assert_eq!(
        subject(
            "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 12-NQ/TW\nngày 5/1/2024 của Bộ Chính trị"
        )
        .as_deref(),
        Some("Triển khai thực hiện Nghị quyết số 12-NQ/TW ngày 5/1/2024 của Bộ Chính trị")
    );
    assert_eq!(
        subject("QUY ĐỊNH\nVề chức năng, nhiệm vụ").as_deref(),
        Some("Về chức năng, nhiệm vụ")
    );
    for body in [
        "THÔNG BÁO\nNgày 5 tháng 3 năm 2024, Ban Thường vụ Tỉnh ủy họp nghe\nbáo cáo kết quả\nthực hiện nhiệm vụ và\nđã kết luận như sau",
        "THÔNG BÁO\nBan Thường vụ Tỉnh ủy kết luận như sau:",
    ] {
        assert_eq!(subject(body), None, "{body}");
    }
    assert_eq!(
        subject("NGHỊ QUYẾT\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XX, NHIỆM KỲ 2020 - 2025")
            .as_deref(),
        Some("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XX, NHIỆM KỲ 2020 - 2025")
    );
    assert_eq!(
        subject(
            "KẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 45-NQ/TW\nvề tiếp tục xây dựng đội ngũ trí thức"
        )
        .as_deref(),
        Some("THỰC HIỆN NGHỊ QUYẾT SỐ 45-NQ/TW về tiếp tục xây dựng đội ngũ trí thức")
    );
}

/// A notice whose header is indented with tabs, dated "10/12/2022", with a rule under
/// its title and rules between items: rules hold no word and make no node.
#[test]
fn notice_with_tab_indented_header_and_rules() {
    let doc = nghiquyet::parse(&fixture("synthetic-thong-bao-tabs-rules.txt"));
    let md = &doc.metadata;
    assert_eq!(
        (md.kind.as_deref(), md.symbol.as_deref(), md.date.as_deref()),
        (Some("TB"), Some("27-TB/ĐUK"), Some("2022-12-10"))
    );
    assert_eq!(
        (md.issuer.as_deref(), md.superior.as_deref()),
        (
            Some("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"),
            Some("ĐẢNG BỘ TỈNH LÂM HÀ")
        )
    );
    // "THÔNG BÁO" / "KẾT LUẬN CỦA …": the kind goes on over the second line, whose
    // "CỦA …" names the body that concluded; the summary starts at "về".
    assert_eq!(md.kind_text.as_deref(), Some("THÔNG BÁO KẾT LUẬN"));
    assert_eq!(md.subject.as_deref(), Some("về công tác chuẩn bị Đại hội"));
    assert_eq!(outline(&doc.body), ["paragraph ", "item 1", "item 2"]);
    assert_eq!(
        doc.body[2].text(),
        Some("Văn phòng Đảng ủy Khối theo dõi, đôn đốc.")
    );
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.signer.as_deref(), Some("Phạm Thu Hà"));
    assert!(doc.diagnostics.is_empty());
    // Symbols typed with spaces around their dashes and slashes.
    let cited: Vec<(Option<&str>, &str)> = doc
        .citations
        .iter()
        .map(|c| (c.symbol.as_deref(), c.text.as_str()))
        .collect();
    assert_eq!(
        cited,
        [
            (
                Some("12-NQ/TW"),
                "nghị quyết số 12 - NQ/TW của Bộ Chính trị"
            ),
            (Some("1234/QĐ-UBND"), "Quyết định số 1234 / QĐ - UBND"),
        ]
    );
}

/// A report in two lettered divisions ("A.", "B.") over Roman parts; the targets part
/// numbers its indicators "1.", "2."; achieved figures in the assessment stay items.
#[test]
fn report_with_lettered_divisions_and_numbered_targets() {
    let doc = nghiquyet::parse(&fixture("synthetic-bao-cao-divisions.txt"));
    assert_eq!(doc.metadata.kind.as_deref(), Some("BC"));
    assert_eq!(
        outline(&doc.body),
        [
            "part A",
            "  part I",
            "    item 1",
            "    item 2",
            "  part II",
            "    paragraph ",
            "part B",
            "  part I",
            "    paragraph ",
            "  part II",
            "    indicator 1",
            "    indicator 2",
            "  part III",
            "    item 1",
        ]
    );
    let roles: Vec<Option<Role>> = doc.body.iter().map(|n| n.role()).collect();
    assert_eq!(roles, [Some(Role::Assessment), Some(Role::Tasks)]);
    let figures: Vec<(u32, f64, Option<&str>, Comparator)> = doc
        .indicators
        .iter()
        .flat_map(|i| {
            i.measures
                .iter()
                .map(move |m| (i.number, m.value, m.unit.as_deref(), m.comparator))
        })
        .collect();
    assert_eq!(
        figures,
        [
            (1, 8.0, Some("%"), Comparator::Ge),
            (2, 13000.0, Some("tỷ đồng"), Comparator::Eq)
        ]
    );
    assert_eq!(doc.objectives.len(), 1);
}

/// Number lines typed or extracted with spaces around the symbol's dashes and slashes
/// are read without them; the rest of the header and the title are read as ever.
#[test]
fn number_lines_with_spaced_symbols() {
    for (line, symbol) in [
        ("Số 15-NQ/ĐU", "15-NQ/ĐU"),
        ("Số 15 - NQ/ĐU", "15-NQ/ĐU"),
        ("Số: 15- NQ / ĐU", "15-NQ/ĐU"),
        ("Số 1234 / QĐ - UBND", "1234/QĐ-UBND"),
    ] {
        let text = format!(
            "ĐẢNG ỦY XÃ AN PHÚ\n{line}\nAn Phú, ngày 5/3/2024\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI- MỤC TIÊU\n1. Nội dung.\n"
        );
        let md = nghiquyet::parse(&text).metadata;
        assert_eq!(md.symbol.as_deref(), Some(symbol), "{line}");
        assert_eq!(
            (md.issuer.as_deref(), md.kind.as_deref(), md.date.as_deref()),
            (Some("ĐẢNG ỦY XÃ AN PHÚ"), Some("NQ"), Some("2024-03-05")),
            "{line}"
        );
    }
    // A draft leaves the number blank: the symbol as written without the blank, no
    // number, and the line is not body. Spaces, dots or underscores for the blank, the
    // blank wide enough to split the line into cells, beside the place-date cell.
    for (line, symbol) in [
        ("Số      -NQ/ĐU", "-NQ/ĐU"),
        ("Số ....../QĐ-UBND", "/QĐ-UBND"),
        ("Số: ___-NQ/ĐU", "-NQ/ĐU"),
        ("Số      -NQ/ĐU      An Phú, ngày 5/3/2024", "-NQ/ĐU"),
    ] {
        let text = format!(
            "ĐẢNG ỦY XÃ AN PHÚ\n{line}\nAn Phú, ngày 5/3/2024\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI- MỤC TIÊU\n1. Nội dung.\n"
        );
        let doc = nghiquyet::parse(&text);
        let md = &doc.metadata;
        assert_eq!(
            (
                md.number.as_deref(),
                md.symbol.as_deref(),
                md.date.as_deref()
            ),
            (None, Some(symbol), Some("2024-03-05")),
            "{line}"
        );
        assert_eq!(outline(&doc.body), ["part I", "  item 1"], "{line}");
        assert!(doc.diagnostics.is_empty(), "{line}: {:?}", doc.diagnostics);
    }
    // Words after the symbol: not a number line.
    let doc = nghiquyet::parse("ĐẢNG ỦY XÃ AN PHÚ\nSố -NQ/ĐU và\n\nNGHỊ QUYẾT\nvề nhiệm vụ\n");
    assert_eq!(doc.metadata.symbol, None);
    // A draft leaves the day (and the month) blank too: the place is read, the date is
    // null, and the row, split into cells by the blanks, is no body paragraph.
    for row in [
        "Số      -NQ/ĐU\t\tAn Phú, ngày      tháng 3 năm 2024",
        "Số      -NQ/ĐU      An Phú, ngày      tháng      năm 2024",
        "Số ....../NQ-ĐU\tAn Phú, ngày ..... tháng ..... năm 2024",
    ] {
        for text in [
            format!("ĐẢNG ỦY XÃ AN PHÚ\n{row}\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI- MỤC TIÊU\n1. Nội dung.\n"),
            format!("ĐẢNG ỦY XÃ AN PHÚ\r\n{row}\r\n\r\nNGHỊ QUYẾT\r\nvề nhiệm vụ năm 2024\r\n").nfd().collect(),
        ] {
            let doc = nghiquyet::parse(&text);
            let md = &doc.metadata;
            assert_eq!(
                (md.place.as_deref(), md.date.as_deref(), md.number.as_deref()),
                (Some("An Phú"), None, None),
                "{row}"
            );
            assert!(md.symbol.is_some(), "{row}");
            assert!(doc.diagnostics.is_empty(), "{row}: {:?}", doc.diagnostics);
        }
    }
}

/// A page mark above the header is dropped, and a short line the header cannot place
/// (an issuer in title case) is kept as the first paragraph: neither ends the header
/// when a kind line soon follows. Prose before a kind line is still body.
#[test]
fn header_survives_a_page_mark_and_a_stray_line() {
    let read = |head: &str| {
        let text =
            format!("{head}\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n\nI- MỤC TIÊU\n1. Nội dung.\n");
        nghiquyet::parse(&text)
    };
    let page = read("Trang 1\nTỈNH ỦY AN GIANG\nSố 15-NQ/TU");
    assert_eq!(
        (
            page.metadata.issuer.as_deref(),
            page.metadata.kind.as_deref()
        ),
        (Some("TỈNH ỦY AN GIANG"), Some("NQ"))
    );
    assert_eq!(outline(&page.body), ["part I", "  item 1"]);
    assert_eq!(page.diagnostics.len(), 1);
    let stray = read("Đảng bộ tỉnh An Giang\nSố 15-NQ/TU\nngày 5 tháng 3 năm 2024");
    assert_eq!(
        (
            stray.metadata.symbol.as_deref(),
            stray.metadata.date.as_deref(),
            stray.metadata.subject.as_deref()
        ),
        (
            Some("15-NQ/TU"),
            Some("2024-03-05"),
            Some("về nhiệm vụ năm 2024")
        )
    );
    assert_eq!(outline(&stray.body), ["paragraph ", "part I", "  item 1"]);
    assert_eq!(stray.body[0].text(), Some("Đảng bộ tỉnh An Giang"));
    assert_eq!((stray.diagnostics.len(), stray.diagnostics[0].line), (1, 1));
    let prose = read("Năm 2023, tỉnh hoàn thành các chỉ tiêu chủ yếu.");
    assert_eq!(prose.metadata.kind, None);
    assert!(prose.diagnostics.is_empty());
}

/// An appendix after the signature ("PHỤ LỤC", its title, a table): it is body again,
/// a part titled by the line under "PHỤ LỤC"; a title naming targets makes the
/// numbered rows indicators (the number in a row's name is no measure). No diagnostic;
/// one tab after a list marker makes no row.
#[test]
fn appendix_table_after_the_signature() {
    let doc = nghiquyet::parse(&fixture("synthetic-appendix-table.txt"));
    assert_eq!(
        doc.signature.as_ref().and_then(|s| s.signer.as_deref()),
        Some("Trần Văn Bình")
    );
    let appendix = &doc.body[1];
    assert_eq!(
        (appendix.type_name(), appendix.label(), appendix.title()),
        ("part", Some("PHỤ LỤC"), Some("CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ"))
    );
    let texts: Vec<&str> = appendix
        .children()
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts.len(), 7);
    assert_eq!(texts[0], "(Kèm theo Kế hoạch số 15-KH/TU)");
    assert_eq!(texts[1], "STT Chỉ tiêu Đơn vị Năm 2025");
    assert_eq!(texts[6], "Tỷ lệ hồ sơ trực tuyến 5 % 85");
    let rows: Vec<(u32, f64)> = doc.measures().map(|(i, m)| (i.number, m.value)).collect();
    assert_eq!(
        rows,
        [(1, 81.0), (2, 82.0), (3, 83.0), (4, 84.0), (5, 85.0)]
    );
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    // A title in sentence case; the "(Kèm theo …)" note is never part of it.
    let sentence_case = nghiquyet::parse(
        "I. MỤC TIÊU\n1. Nội dung.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Văn Bình\n\nPHỤ LỤC\n\
         Danh mục các chỉ tiêu chủ yếu năm 2024\n(Kèm theo Kế hoạch số 15-KH/TU)\n\n\
         STT\tChỉ tiêu\tĐơn vị\tKH 2024\n1\tTỷ lệ hồ sơ trực tuyến\t%\t81\n\n\
         PHỤ LỤC II\n(Kèm theo Kế hoạch số 15-KH/TU)\n",
    );
    let parts: Vec<(Option<&str>, Option<&str>)> = sentence_case
        .body
        .iter()
        .map(|n| (n.label(), n.title()))
        .collect();
    assert_eq!(
        parts,
        [
            (Some("I"), Some("MỤC TIÊU")),
            (
                Some("PHỤ LỤC"),
                Some("Danh mục các chỉ tiêu chủ yếu năm 2024")
            ),
            (Some("PHỤ LỤC II"), Some("")),
        ]
    );
    assert_eq!(sentence_case.indicators.len(), 1);
    let listed = nghiquyet::parse(
        "I. MỤC TIÊU\n1.\tNâng cao chất lượng sinh hoạt chi bộ,\ngắn với kiểm tra, giám sát.\n",
    );
    assert_eq!(outline(&listed.body), ["part I", "  item 1"]);
}

/// An action programme from a provincial committee, "I-" parts and "1-" sections, and
/// a flattened two-column tail whose signer's name comes alone, after a tab, below the
/// last recipient.
#[test]
fn action_programme_with_the_signer_alone_in_the_right_column() {
    let doc = nghiquyet::parse(&fixture("synthetic-chuong-trinh-indented-signer.txt"));
    let md = &doc.metadata;
    assert_eq!(
        (md.kind.as_deref(), md.symbol.as_deref(), md.date.as_deref()),
        (Some("CTr"), Some("25-CTr/TU"), Some("2022-04-05"))
    );
    assert_eq!(
        (
            md.issuer.as_deref(),
            md.superior.as_deref(),
            md.place.as_deref()
        ),
        (
            Some("TỈNH ỦY"),
            Some("ĐẢNG BỘ TỈNH NAM SƠN"),
            Some("Hòa An")
        )
    );
    assert_eq!(
        outline(&doc.body),
        [
            "paragraph ",
            "part I",
            "  section 1",
            "    paragraph ",
            "  section 2",
            "    item a",
            "      item -",
            "      item -",
            "    item b",
            "part II",
            "  section 1",
            "    paragraph ",
            "  section 2",
            "    paragraph ",
            "part III",
            "  item 1",
            "  item 2",
        ]
    );
    let cited: Vec<(Option<&str>, Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| (c.kind.as_deref(), c.symbol.as_deref(), c.date.as_deref()))
        .collect();
    assert_eq!(
        cited,
        [
            (Some("NQ"), Some("18-NQ/TW"), Some("2022-06-16")),
            (Some("NQ"), Some("18-NQ/TW"), Some("2022-06-16")),
            (Some("NQ"), Some("18-NQ/TW"), None),
            (Some("CT"), Some("05-CT/TU"), Some("2021-03-12")),
            (Some("QĐ"), Some("1234/QĐ-UBND"), Some("2021-05-20")),
            (None, None, None),
        ]
    );
    assert_eq!(doc.citations[5].kind_text, "Luật");
    let names: Vec<&str> = doc.recipients.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ban Bí thư Trung ương Đảng",
            "Các đồng chí Tỉnh ủy viên",
            "Các huyện ủy, thị ủy, thành ủy",
            "Lưu Văn phòng Tỉnh ủy"
        ]
    );
    assert_eq!(doc.recipients[0].note.as_deref(), Some("b/c"));
    assert_eq!(
        signature_fields(&doc),
        (
            Some("T/M BAN THƯỜNG VỤ"),
            Some("PHÓ BÍ THƯ THƯỜNG TRỰC"),
            Some("Lê Văn Đông")
        )
    );
    assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
}

/// Markers as extraction and typists leave them: no space after "I." and "1.", "1.1."
/// sections, "a/" items, "2.1-" items.
#[test]
fn unspaced_numbers_and_slash_letters_are_markers() {
    let doc = nghiquyet::parse(&fixture("synthetic-markers-unspaced-slash.txt"));
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  section 1",
            "    paragraph ",
            "    section 1.1",
            "      item a",
            "      item b",
            "    section 1.2",
            "part II",
            "  item 2.1",
            "  item 2.2",
            "    item a",
            "    item b",
            "part III",
            "  paragraph ",
        ]
    );
    let Node::Section(s) = &doc.body[0].children()[0] else {
        panic!("a section: {:?}", doc.body[0].children()[0]);
    };
    assert_eq!(s.title, "Mục tiêu chung");
    let Node::Item(a) = &doc.body[0].children()[0].children()[1].children()[0] else {
        panic!("an item");
    };
    assert_eq!(
        (a.title.as_deref(), a.text.as_deref()),
        (None, Some("Về kinh tế: tăng trưởng 8%."))
    );
    let scopes: Vec<(Scope, &str)> = doc
        .objectives
        .iter()
        .map(|o| (o.scope, o.title.as_str()))
        .collect();
    assert_eq!(
        scopes,
        [
            (Scope::General, "Mục tiêu chung"),
            (Scope::Specific, "Mục tiêu cụ thể"),
            (Scope::Specific, "Mục tiêu cụ thể")
        ]
    );
}

/// Dates as typists write them: dotted ("25.10.2021", "1.3.2022") and with spaces
/// around the dashes ("25 - 10 - 2021"), in the header and in citations.
#[test]
fn dotted_and_spaced_dates() {
    let doc = nghiquyet::parse(&fixture("synthetic-ke-hoach-date-forms.txt"));
    assert_eq!(
        (doc.metadata.place.as_deref(), doc.metadata.date.as_deref()),
        (Some("Hòa An"), Some("2022-04-05"))
    );
    let cited: Vec<(&str, Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_deref().unwrap_or_default(),
                c.date.as_deref(),
                c.issuer.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        cited,
        [
            (
                "21-KL/TW",
                Some("2021-10-25"),
                Some("Ban Chấp hành Trung ương")
            ),
            (
                "21-KL/TW",
                Some("2021-10-25"),
                Some("Ban Chấp hành Trung ương")
            ),
            (
                "37-QĐi/TW",
                Some("2021-10-25"),
                Some("Ban Chấp hành Trung ương")
            ),
            (
                "02-HD/TW",
                Some("2022-02-08"),
                Some("Ban Tổ chức Trung ương")
            ),
            ("123-CV/TU", Some("2022-03-01"), Some("Tỉnh ủy")),
        ]
    );
}

/// A body name wrapped in the header column, a kind phrase wrapped over two title lines
/// ("THÔNG BÁO" / "KẾT LUẬN CỦA …"), and older "1-" / "a-" markers.
#[test]
fn wrapped_body_and_kind_lines_and_dash_letters() {
    let doc = nghiquyet::parse(&fixture("synthetic-thong-bao-ket-luan-wrapped.txt"));
    let md = &doc.metadata;
    assert_eq!(
        (md.issuer.as_deref(), md.superior.as_deref()),
        (Some("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH SÔNG LAM"), None)
    );
    assert_eq!(
        (md.kind.as_deref(), md.kind_text.as_deref()),
        (Some("TB"), Some("THÔNG BÁO KẾT LUẬN"))
    );
    assert_eq!(
        md.subject.as_deref(),
        Some("về tình hình thực hiện nhiệm vụ quý I năm 2019")
    );
    assert_eq!(
        outline(&doc.body),
        [
            "paragraph ",
            "part PHẦN THỨ NHẤT",
            "  item 1",
            "  item 2",
            "part PHẦN THỨ HAI",
            "  section 1",
            "    item a",
            "    item b",
            "  item 2",
        ]
    );
    assert_eq!(
        signature_fields(&doc),
        (
            Some("T/L BAN THƯỜNG VỤ"),
            Some("CHÁNH VĂN PHÒNG"),
            Some("Trần Văn Khải")
        )
    );
}

/// The document's number repeated at the top of every page, under the page number
/// (domain.md §1): dropped with a warning like the page numbers, so that a sentence cut
/// by the page joins up and the document does not cite itself.
#[test]
fn running_headers_are_dropped() {
    let doc = nghiquyet::parse(&fixture("synthetic-running-headers.txt"));
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  section 1",
            "    paragraph ",
            "  section 2",
            "    indicator 1",
            "    indicator 2",
            "    indicator 3",
            "closing "
        ]
    );
    assert!(doc.body[0].children()[0].children()[0]
        .text()
        .is_some_and(|t| t.ends_with("bảo đảm quốc phòng an ninh.")));
    assert!(doc.citations.is_empty(), "{:?}", doc.citations);
    let dropped: Vec<(usize, &str)> = doc
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        dropped,
        [
            (13, "dropped a lone page number \"2\""),
            (14, "dropped a running header \"Nghị quyết số 05-NQ/TU\""),
            (20, "dropped a lone page number \"- 3 -\""),
            (21, "dropped a running header \"Nghị quyết số 05-NQ/TU\""),
        ]
    );
    assert_eq!(
        signature_fields(&doc),
        (Some("T/M TỈNH ỦY"), Some("BÍ THƯ"), Some("Nguyễn Văn Sơn"))
    );
}

/// Bulleted targets under two targets headings ("Chỉ tiêu về kinh tế", "… về xã hội")
/// are numbered on across them: indicator numbers stay unique in the document.
#[test]
fn bulleted_targets_are_numbered_across_headings() {
    let doc = nghiquyet::parse(&fixture("synthetic-bao-cao-two-target-lists.txt"));
    let numbers: Vec<u32> = doc.indicators.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let labels: Vec<&str> = doc.measures().map(|(_, m)| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Tổng giá trị sản xuất",
            "Thu ngân sách trên địa bàn",
            "Giảm tỷ lệ hộ nghèo",
            "thôn có nhà văn hóa"
        ]
    );
    // The achieved figures of part A (assessment) are no indicators.
    assert_eq!(
        outline(&doc.body)[..3],
        ["part A", "  part I", "    paragraph "]
    );
    assert_eq!(
        signature_fields(&doc),
        (
            Some("T/M BAN THƯỜNG VỤ"),
            Some("PHÓ BÍ THƯ"),
            Some("Phan Văn Bình")
        )
    );
}

/// Targets written in one paragraph — "(1) …; (2) …" after an intro naming them, a
/// "(1)" line going on with "(2)", "(3)" on the next line, and a run-in heading's
/// text opening with "(5)" — are indicators of their own, each with its measures and
/// span; "(1) … (2)" in assessment prose, lowercase in an objective, or in a task's
/// item stays text. "từ 38% lên 40%" is one measure, the level to reach.
#[test]
fn targets_in_one_paragraph_are_split() {
    let text = fixture("synthetic-inline-targets.txt");
    let doc = nghiquyet::parse(&text);
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  paragraph ",
            "part II",
            "  section 1",
            "    paragraph ",
            "  section 2",
            "    paragraph ",
            "    indicator 1",
            "    indicator 2",
            "    indicator 3",
            "    indicator 4",
            "  section 3",
            "    indicator 5",
            "    indicator 6",
            "part III",
            "  item 1",
            "  item 2",
            "closing "
        ]
    );
    let texts: Vec<(u32, &str, &str)> = doc
        .indicators
        .iter()
        .map(|i| (i.number, i.text.as_str(), &text[i.span.start..i.span.end]))
        .collect();
    assert_eq!(
        texts,
        [
            (
                1,
                "Tốc độ tăng trưởng bình quân đạt 9%/năm;",
                "(1) Tốc độ tăng trưởng bình quân đạt 9%/năm;"
            ),
            (
                2,
                "Tỷ lệ đô thị hóa đạt 65% trở lên;",
                "(2) Tỷ lệ đô thị hóa đạt 65% trở lên;"
            ),
            (
                3,
                "Tỷ lệ hộ nghèo giảm từ 1 - 1,5%/năm;",
                "(3) Tỷ lệ hộ nghèo giảm từ 1 - 1,5%/năm;"
            ),
            (
                4,
                "Nâng tỷ lệ che phủ rừng từ 38% lên 40%.",
                "(4) Nâng tỷ lệ che phủ rừng từ 38% lên 40%."
            ),
            (
                5,
                "Tỷ lệ lao động qua đào tạo đạt 75%,",
                "(5) Tỷ lệ lao động qua đào tạo đạt 75%,"
            ),
            (
                6,
                "Giảm tỷ lệ thất nghiệp từ 3% xuống dưới 2%.",
                "(6) Giảm tỷ lệ thất nghiệp từ 3% xuống dưới 2%."
            ),
        ]
    );
    assert_eq!(doc.indicators[2].span.line, 17);
    type Row<'a> = (u32, f64, Option<&'a str>, Comparator, Option<Change>);
    let measures: Vec<Row> = doc
        .measures()
        .map(|(i, m)| (i.number, m.value, m.unit.as_deref(), m.comparator, m.change))
        .collect();
    use Comparator::{Eq, Ge, Le, Lt};
    assert_eq!(
        measures,
        [
            (1, 9.0, Some("%/năm"), Eq, None),
            (2, 65.0, Some("%"), Ge, None),
            (3, 1.0, Some("%/năm"), Ge, Some(Change::Decrease)),
            (3, 1.5, Some("%/năm"), Le, Some(Change::Decrease)),
            (4, 40.0, Some("%"), Eq, None),
            (5, 75.0, Some("%"), Eq, None),
            (6, 2.0, Some("%"), Lt, None),
        ]
    );
    // The intro stays a paragraph (and the specific objective), without the targets.
    let intro = &doc.body[1].children()[1].children()[0];
    assert_eq!(intro.text(), Some("Các chỉ tiêu chủ yếu đến năm 2025:"));
    assert_eq!(
        doc.objectives.last().map(|o| o.text.as_str()),
        Some("Các chỉ tiêu chủ yếu đến năm 2025:")
    );
    // Prose keeps its "(1) … (2)".
    for node in [&doc.body[0].children()[0], &doc.body[2].children()[0]] {
        assert!(
            node.text().is_some_and(|t| t.contains(": (1) ")),
            "{node:?}"
        );
    }
}

/// A targets table under a targets heading ("STT | Chỉ tiêu | ĐVT | Ước TH 2023 |
/// KH 2024"): each numbered row is an indicator whose measure is the plan (the column
/// its header names so, else the last with a figure), in the unit's column; group rows
/// ("I | Chỉ tiêu kinh tế") and the header row stay paragraphs. The appendix's "(Kèm
/// theo Kế hoạch số 88-KH/HU)" is the document itself: no citation.
#[test]
fn targets_table_rows_are_indicators() {
    let text = fixture("synthetic-ke-hoach-targets-table.txt");
    let doc = nghiquyet::parse(&text);
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  paragraph ",
            "part II",
            "  paragraph ",
            "  paragraph ",
            "  indicator 1",
            "  indicator 2",
            "  paragraph ",
            "  indicator 3",
            "  indicator 4",
            "part III",
            "  item 1",
            "part PHỤ LỤC",
            "  paragraph ",
            "  paragraph ",
            "  indicator 5",
            "  indicator 6",
        ]
    );
    type Row<'a> = (u32, &'a str, f64, Option<&'a str>, Comparator, &'a str);
    let rows: Vec<Row> = doc
        .measures()
        .map(|(i, m)| {
            (
                i.number,
                m.label.as_str(),
                m.value,
                m.unit.as_deref(),
                m.comparator,
                &text[m.span.start..m.span.end],
            )
        })
        .collect();
    use Comparator::{Eq, Ge, Le, Lt};
    assert_eq!(
        rows,
        [
            (
                1,
                "Giá trị sản xuất",
                13400.0,
                Some("tỷ đồng"),
                Eq,
                "13.400"
            ),
            (
                2,
                "Thu nhập bình quân đầu người",
                62.0,
                Some("triệu đồng/người"),
                Ge,
                "62"
            ),
            (
                2,
                "Thu nhập bình quân đầu người",
                65.0,
                Some("triệu đồng/người"),
                Le,
                "65"
            ),
            (
                3,
                "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng",
                9.0,
                Some("%"),
                Lt,
                "9"
            ),
            (
                4,
                "Tỷ lệ trường đạt chuẩn quốc gia",
                90.0,
                Some("%"),
                Ge,
                "90"
            ),
            (
                5,
                "Tỷ lệ hồ sơ giải quyết trực tuyến",
                80.0,
                Some("%"),
                Eq,
                "80"
            ),
            (
                6,
                "Số hộ dùng thanh toán không dùng tiền mặt",
                1500.0,
                Some("hộ"),
                Eq,
                "1.500"
            ),
        ]
    );
    let first = &doc.indicators[0];
    assert_eq!(
        first.text,
        "Giá trị sản xuất (giá so sánh 2010) tỷ đồng 12.350 13.400"
    );
    assert_eq!(
        &text[first.span.start..first.span.end],
        "1.\tGiá trị sản xuất (giá so sánh 2010)\ttỷ đồng\t12.350\t13.400"
    );
    assert!(doc.citations.is_empty(), "{:?}", doc.citations);
    assert_eq!(doc.metadata.symbol.as_deref(), Some("88-KH/HU"));
    // A header naming the plan's column picks it, though a ratio comes after it.
    let report = nghiquyet::parse(
        "II. CÁC CHỈ TIÊU CHỦ YẾU\nTT\tChỉ tiêu\tĐVT\tKH 2023\tTH 2023\tSo với KH (%)\n\
         1\tGiá trị sản xuất\ttỷ đồng\t12.000\t12.350\t102,9\n\
         2\tTỷ lệ hộ nghèo\t%\tdưới 2\t1,8\t111\n",
    );
    let plans: Vec<(f64, Comparator)> = report
        .measures()
        .map(|(_, m)| (m.value, m.comparator))
        .collect();
    assert_eq!(plans, [(12000.0, Eq), (2.0, Lt)]);
}

/// A citation of the document's own symbol is no citation, unless its date says it is
/// another document of the same number (symbols start again each term).
#[test]
fn the_document_does_not_cite_itself() {
    let doc = nghiquyet::parse(
        "TỈNH ỦY NAM SƠN\nSố 12-KH/TU\nNam Sơn, ngày 10 tháng 01 năm 2024\n\nKẾ HOẠCH\n\
         về chuyển đổi số\n\nI. MỤC ĐÍCH\nKế hoạch số 12-KH/TU nhằm thực hiện Nghị quyết \
         số 05-NQ/TU của Tỉnh ủy; thay thế Kế hoạch số 12-KH/TU ngày 05/3/2019 thực hiện \
         Chỉ thị số 07-CT/TU.\n",
    );
    let cited: Vec<(&str, Option<&str>, Vec<usize>)> = doc
        .citations
        .iter()
        .map(|c| {
            (
                c.symbol.as_deref().unwrap_or(""),
                c.date.as_deref(),
                c.implements.clone(),
            )
        })
        .collect();
    assert_eq!(
        cited,
        [
            ("05-NQ/TU", None, vec![]),
            ("12-KH/TU", Some("2019-03-05"), vec![2]),
            ("07-CT/TU", None, vec![]),
        ]
    );
}

/// Targets run together after the intro of a lettered item or a numbered line ("a) Chỉ
/// tiêu kinh tế: (1) …; (2) …", "b) Chỉ tiêu xã hội: (3) …; (4) …"): the item keeps
/// the intro as its title, and the targets are indicators under it, numbered as
/// written.
#[test]
fn targets_run_together_after_an_item_intro() {
    let doc = nghiquyet::parse(
        "HUYỆN ỦY LAM ĐIỀN\n*\nSố 20-NQ/HU\n\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2025\n\n\
         I. MỤC TIÊU, CHỈ TIÊU\n2. Chỉ tiêu\n\
         a) Chỉ tiêu kinh tế: (1) Tăng trưởng giá trị sản xuất đạt 9%; (2) Thu ngân sách đạt 500 tỷ đồng.\n\
         b) Chỉ tiêu xã hội: (3) Tỷ lệ hộ nghèo giảm còn 1,5%; (4) Tỷ lệ lao động qua đào tạo đạt 72%.\n\
         3. Phấn đấu đạt các chỉ tiêu môi trường sau: (5) Tỷ lệ che phủ rừng đạt 42%; (6) Tỷ lệ thu gom rác đạt 95%.\n\
         II. NHIỆM VỤ\n1. Tập trung chỉ đạo.\n",
    );
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  section 2",
            "    item a",
            "      indicator 1",
            "      indicator 2",
            "    item b",
            "      indicator 3",
            "      indicator 4",
            "  section 3",
            "    indicator 5",
            "    indicator 6",
            "part II",
            "  item 1",
        ]
    );
    let b = &doc.body[0].children()[0].children()[1];
    assert_eq!(b.title(), Some("Chỉ tiêu xã hội"));
    let values: Vec<(u32, f64)> = doc.measures().map(|(i, m)| (i.number, m.value)).collect();
    assert_eq!(
        values,
        [
            (1, 9.0),
            (2, 500.0),
            (3, 1.5),
            (4, 72.0),
            (5, 42.0),
            (6, 95.0)
        ]
    );
}

/// Targets run together in lowercase ("…: (1) tốc độ tăng trưởng …; (2) thu nhập …")
/// are split where targets are named; an objective's lowercase enumeration is not.
#[test]
fn lowercase_targets_run_together() {
    let doc = nghiquyet::parse(
        "I. MỤC TIÊU\n1. Mục tiêu tổng quát\nXây dựng tỉnh phát triển, tập trung: (1) phát \
         triển hạ tầng; (2) cải cách hành chính.\n2. Mục tiêu cụ thể\nPhấn đấu đến năm 2025 \
         đạt các chỉ tiêu chủ yếu: (1) tốc độ tăng trưởng kinh tế bình quân đạt 7%/năm; (2) \
         thu nhập bình quân đầu người đạt 90 triệu đồng.\n",
    );
    assert_eq!(
        outline(&doc.body),
        [
            "part I",
            "  section 1",
            "    paragraph ",
            "  section 2",
            "    paragraph ",
            "    indicator 1",
            "    indicator 2",
        ]
    );
    let labels: Vec<&str> = doc.measures().map(|(_, m)| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "tốc độ tăng trưởng kinh tế bình quân",
            "thu nhập bình quân đầu người"
        ]
    );
}
