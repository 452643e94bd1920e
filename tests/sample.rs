//! The one real document in `seeds/`: its real values are the truth for that text.
//! Nothing here is known to the parser; these are tests only.

use nghiquyet::{Comparator, Document, Node, Role};

fn sample() -> (String, Document) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
    );
    let text = std::fs::read_to_string(path).expect("the sample is in seeds/");
    let doc = nghiquyet::parse(&text);
    (text, doc)
}

fn children_of<'a>(doc: &'a Document, label: &str) -> &'a [Node] {
    doc.body
        .iter()
        .find(|n| n.type_name() == "part" && n.label() == Some(label))
        .map(|n| n.children())
        .expect("part")
}

#[test]
fn header_and_title() {
    let (_, doc) = sample();
    let md = &doc.metadata;
    assert_eq!(md.kind.as_deref(), Some("NQ"));
    assert_eq!(md.kind_text.as_deref(), Some("NGHỊ QUYẾT"));
    assert_eq!(md.issuer.as_deref(), Some("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"));
    assert_eq!(md.subject.as_deref(), Some("về nhiệm vụ lãnh đạo năm 2023"));
    assert_eq!(md.symbol, None, "the sample has no 'Số' line");
}

#[test]
fn outline_of_parts_sections_and_items() {
    let (_, doc) = sample();
    let kinds: Vec<(&str, Option<&str>)> = doc
        .body
        .iter()
        .map(|n| (n.type_name(), n.label()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("paragraph", None),
            ("paragraph", None),
            ("paragraph", None),
            ("part", Some("I")),
            ("part", Some("II")),
            ("part", Some("III")),
            ("closing", None)
        ]
    );
    let roles: Vec<Option<Role>> = doc.body[3..6].iter().map(Node::role).collect();
    assert_eq!(
        roles,
        [
            Some(Role::Objectives),
            Some(Role::Tasks),
            Some(Role::Implementation)
        ]
    );

    let part1 = children_of(&doc, "I");
    assert_eq!(part1.len(), 2);
    assert_eq!(part1[0].title(), Some("Mục tiêu tổng quát"));
    assert_eq!(part1[0].role(), Some(Role::Objectives));
    assert_eq!(part1[1].title(), Some("Một số chỉ tiêu chủ yếu năm 2023"));
    assert_eq!(part1[1].role(), Some(Role::Targets));
    assert_eq!(
        part1[1]
            .children()
            .iter()
            .filter(|n| n.type_name() == "indicator")
            .count(),
        15
    );

    let part2 = children_of(&doc, "II");
    let paragraphs: Vec<usize> = part2
        .iter()
        .map(|s| {
            s.children()
                .iter()
                .filter(|n| n.type_name() == "paragraph")
                .count()
        })
        .collect();
    assert_eq!(paragraphs, [8, 5, 3, 1, 7]);

    let part3 = children_of(&doc, "III");
    assert_eq!(
        part3
            .iter()
            .map(|n| (n.type_name(), n.label()))
            .collect::<Vec<_>>(),
        (1..=5)
            .map(|i| ("item", Some(["1", "2", "3", "4", "5"][i - 1])))
            .collect::<Vec<_>>()
    );
    assert!(
        part3[4]
            .text()
            .is_some_and(|t| t.ends_with("theo quy định.")),
        "item 5 does not swallow the closing line"
    );
    assert_eq!(
        doc.body[6].text(),
        Some("Nghị quyết này phổ biến đến chi bộ.")
    );
}

#[test]
fn objectives() {
    let (_, doc) = sample();
    assert_eq!(doc.objectives.len(), 1);
    assert_eq!(doc.objectives[0].title, "Mục tiêu tổng quát");
    assert!(doc.objectives[0]
        .text
        .starts_with("Tăng cường xây dựng, chỉnh đốn Đảng"));
}

#[test]
fn all_seven_page_breaks_are_joined() {
    let (_, doc) = sample();
    let joined = [
        "môi trường, đầu tư xây dựng, đấu thầu",
        "tăng cường các biện pháp quản lý từ khâu",
        "tại cơ sở, cộng đồng dân cư",
        "quan hệ hợp tác với các đối tác",
        "chất lượng, hiệu quả công tác giám sát, phản biện",
        "công tác bảo vệ chính trị nội bộ",
        "chỉ đạo cụ thể hóa thành Kế hoạch phát triển",
    ];
    let texts: Vec<&str> = doc.nodes().filter_map(Node::text).collect();
    for j in joined {
        assert!(texts.iter().any(|t| t.contains(j)), "not joined: {j}");
    }
}

#[test]
fn recipients_and_signature() {
    let (_, doc) = sample();
    assert_eq!(doc.recipients.len(), 8);
    let noted: Vec<(&str, &str)> = doc
        .recipients
        .iter()
        .filter_map(|r| r.note.as_deref().map(|n| (r.name.as_str(), n)))
        .collect();
    assert_eq!(noted, [("Các ban đảng Trung ương", "báo cáo")]);
    assert_eq!(doc.recipients[7].name, "Lưu Văn phòng Tỉnh ủy");
    let sig = doc.signature.as_ref().expect("signature");
    assert_eq!(sig.authority.as_deref(), Some("T/M TỈNH ỦY"));
    assert_eq!(sig.position.as_deref(), Some("BÍ THƯ"));
    assert_eq!(sig.signer.as_deref(), Some("Dương Văn Thái"));
}

#[test]
fn indicators_and_measures() {
    let (text, doc) = sample();
    assert_eq!(doc.indicators.len(), 15);
    assert_eq!(
        doc.indicators.iter().map(|i| i.number).collect::<Vec<_>>(),
        (1..=15).collect::<Vec<_>>()
    );
    let counts: Vec<usize> = doc.indicators.iter().map(|i| i.measures.len()).collect();
    assert_eq!(counts, [4, 1, 1, 1, 1, 3, 2, 6, 2, 9, 5, 1, 0, 1, 2]);
    assert_eq!(counts.iter().sum::<usize>(), 39);

    let m = |n: usize, k: usize| &doc.indicators[n - 1].measures[k];
    assert_eq!(
        (m(3, 0).value, m(3, 0).unit.as_deref(), m(3, 0).comparator),
        (15043.0, Some("tỷ đồng"), Comparator::Eq)
    );
    assert_eq!(
        (m(4, 0).value, m(4, 0).unit.as_deref(), m(4, 0).comparator),
        (88.6, Some("nghìn tỷ đồng"), Comparator::Gt)
    );
    assert_eq!(
        (
            m(6, 0).value,
            m(6, 0).unit.as_deref(),
            m(6, 0).label.as_str()
        ),
        (31.8, Some("giường"), "Số giường bệnh/10.000 dân")
    );
    assert_eq!((m(6, 1).value, m(6, 1).comparator), (99.2, Comparator::Gt));
    assert_eq!((m(6, 2).value, m(6, 2).unit.as_deref()), (40.0, Some("%")));
    assert_eq!(
        (m(15, 0).value, m(15, 0).comparator),
        (90.0, Comparator::Ge)
    );
    assert_eq!(
        (m(15, 1).value, m(15, 1).comparator),
        (85.0, Comparator::Ge)
    );
    let ten: Vec<&str> = doc.indicators[9]
        .measures
        .iter()
        .map(|m| m.label.as_str())
        .collect();
    assert!(ten.contains(&"Tỷ lệ chất thải rắn được thu gom xử lý hợp vệ sinh: thành thị"));
    assert!(ten.contains(&"Tỷ lệ dân số được dùng nước sạch: nông thôn"));
    assert_eq!(m(1, 1).label, "Cơ cấu kinh tế: Công nghiệp - xây dựng");
    for (ind, m) in doc.measures() {
        assert!(
            !(2000.0..=2100.0).contains(&m.value),
            "a year became a measure in ({})",
            ind.number
        );
        assert_eq!(
            &text[m.span.start..m.span.start + m.value_text.len()],
            m.value_text,
            "span of a measure in ({})",
            ind.number
        );
    }
}

#[test]
fn citations() {
    let (text, doc) = sample();
    let numbered: Vec<(&str, &str, Option<&str>, Option<&str>)> = doc
        .citations
        .iter()
        .filter_map(|c| {
            Some((
                c.kind.as_deref()?,
                c.symbol.as_deref()?,
                c.date.as_deref(),
                c.issuer.as_deref(),
            ))
        })
        .filter(|c| c.0 != "QCVN")
        .collect();
    assert_eq!(
        numbered,
        [
            (
                "CT",
                "12-CT/TU",
                Some("2021-09-28"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            ("NQ", "233-NQ/TU", Some("2022-07-25"), Some("Tỉnh ủy")),
            (
                "CTr",
                "37-CTr/TU",
                Some("2022-10-07"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            (
                "KL",
                "120-KL/TU",
                Some("2021-08-08"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            (
                "KL",
                "99-KL/TU",
                Some("2021-05-18"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            (
                "KH",
                "63-KH/TU",
                Some("2022-08-12"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            ("NQ", "12-NQ/TW", Some("2022-03-16"), Some("Bộ Chính trị")),
            ("CT", "18-CT/TW", Some("2022-10-26"), Some("Bộ Chính trị")),
            (
                "KH",
                "64-KH/TU",
                Some("2022-08-26"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            (
                "NQ",
                "21-NQ/TW",
                None,
                Some("Ban Chấp hành Trung ương Đảng khoá XIII")
            ),
            (
                "CT",
                "10-CT/TU",
                Some("2021-08-30"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            (
                "KH",
                "65-KH/TU",
                Some("2022-08-03"),
                Some("Ban Thường vụ Tỉnh ủy")
            ),
            ("KL", "34-KL/TW", Some("2022-04-18"), Some("Bộ Chính trị")),
        ]
    );
    let sym = |s: &str| {
        doc.citations
            .iter()
            .position(|c| c.symbol.as_deref() == Some(s))
            .expect(s)
    };
    for (plan, resolution) in [
        ("63-KH/TU", "12-NQ/TW"),
        ("64-KH/TU", "21-NQ/TW"),
        ("65-KH/TU", "34-KL/TW"),
    ] {
        assert_eq!(
            doc.citations[sym(plan)].implements,
            [sym(resolution)],
            "{plan} implements {resolution}"
        );
    }
    let names: Vec<&str> = doc
        .citations
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    for n in [
        "Đại hội XIX của Đảng bộ tỉnh",
        "Đại hội XIII của Đảng",
        "Trung ương 6 khóa XIII",
        "Trung ương 4 khóa XI, XII",
        "Hội nghị Trung ương 4 khóa XIII",
    ] {
        assert!(names.contains(&n), "named reference {n}");
    }
    assert!(doc
        .citations
        .iter()
        .any(|c| c.symbol.as_deref() == Some("QCVN 01-1:2018/BYT")));
    assert!(doc
        .citations
        .iter()
        .all(|c| !c.text.contains("Nghị quyết này")));
    for c in &doc.citations {
        assert_eq!(
            &text[c.span.start..c.span.end],
            c.text,
            "span of {:?}",
            c.symbol
        );
    }
}

#[test]
fn json_values_are_numbers() {
    let (_, doc) = sample();
    let json: serde_json::Value = serde_json::from_str(&doc.to_json(false)).expect("JSON");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(
        json["indicators"][2]["measures"][0]["value"].to_string(),
        "15043"
    );
    assert_eq!(
        json["indicators"][3]["measures"][0]["value"].to_string(),
        "88.6"
    );
}
