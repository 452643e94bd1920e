//! The committed JSON Schema matches the model, every output validates against it, and
//! JSON reads back into the same `Document`.

const SCHEMA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema.json");

fn inputs() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["seeds", "tests/fixtures", "tests/spec/structure"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))
            .expect("dir")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        {
            out.push(std::fs::read_to_string(p).expect("read"));
        }
    }
    out
}

/// Fails when the model and `schema.json` drift apart; `UPDATE_SCHEMA=1 cargo test`
/// writes the new schema.
#[test]
fn committed_schema_matches_the_model() {
    let generated = serde_json::to_string_pretty(&nghiquyet::json_schema()).expect("schema") + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA, &generated).expect("write schema.json");
    }
    let committed = std::fs::read_to_string(SCHEMA).unwrap_or_default();
    assert!(
        committed == generated,
        "schema.json is out of date: run UPDATE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn every_output_validates() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA).expect("schema.json")).expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let texts = inputs();
    assert!(texts.len() >= 10);
    for t in texts {
        let v: serde_json::Value =
            serde_json::from_str(&nghiquyet::parse(&t).to_json(false)).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}

#[test]
fn json_round_trips_through_the_model() {
    for t in inputs() {
        let doc = nghiquyet::parse(&t);
        let json = doc.to_json(false);
        let back: nghiquyet::Document = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, doc);
        assert_eq!(back.to_json(false), json);
    }
}

/// `to_json` and `write_json` use a faster serialiser than serde_json; their bytes
/// must be serde_json's, compact and pretty, for every text here and every spec example.
#[test]
fn json_is_byte_for_byte_what_serde_json_writes() {
    let mut texts = inputs();
    for name in ["citations", "measures"] {
        let path = format!("{}/tests/spec/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(path).expect("spec data")).expect("JSON");
        texts.extend(
            cases
                .iter()
                .filter_map(|c| c["input"].as_str().map(str::to_string)),
        );
    }
    // Escapes, controls, quotes and characters outside the BMP in the text itself.
    texts.push("Nghị quyết \"số\" 1\\2 \u{1}\u{1f}\u{7f} 𝔸 </script> ü".to_string());
    assert!(texts.len() > 100);
    for t in &texts {
        let doc = nghiquyet::parse(t);
        assert_eq!(
            doc.to_json(false),
            serde_json::to_string(&doc).expect("JSON"),
            "{t}"
        );
        assert_eq!(
            doc.to_json(true),
            serde_json::to_string_pretty(&doc).expect("JSON"),
            "{t}"
        );
        for pretty in [false, true] {
            let mut streamed = Vec::new();
            doc.write_json(&mut streamed, pretty).expect("written");
            assert_eq!(streamed, doc.to_json(pretty).into_bytes(), "{t}");
        }
    }
}

/// A document with every field filled and every variant used, read from JSON: the
/// direct JSON writer must write what serde_json writes for it, and every property
/// and enum value of the schema must appear in its output (a field added to the model
/// but not to the writer fails here).
#[test]
fn every_field_and_variant_is_written_as_serde_json_writes_it() {
    let span = |n: usize| serde_json::json!({"start": n, "end": n + 5, "line": n + 1, "column": 1});
    let para = |ty: &str, n: usize| serde_json::json!({"type": ty, "text": "Đoạn \"trích\"\n", "citations": [0], "span": span(n)});
    let full = serde_json::json!({
        "schema_version": 1,
        "metadata": {
            "kind": "NQ", "kind_text": "NGHỊ QUYẾT", "title": "t", "issuer": "i", "superior": "s",
            "subject": "v", "number": "12", "symbol": "12-NQ/TU", "place": "Bắc Giang",
            "date": "2023-01-31", "marks": ["Mật", "Khẩn"]
        },
        "body": [
            para("paragraph", 0),
            {"type": "part", "label": "I", "title": "ĐÁNH GIÁ", "role": "assessment",
             "children": [
                {"type": "section", "label": "1", "title": "Quan điểm", "role": "viewpoints", "span": span(2)},
                {"type": "section", "label": "2", "title": "Mục tiêu", "role": "objectives", "span": span(3)},
                {"type": "section", "label": "3", "title": "Chỉ tiêu", "role": "targets", "span": span(4)},
                {"type": "section", "label": "4", "title": "Nhiệm vụ", "role": "tasks", "children": [
                    {"type": "item", "label": "a", "title": "Về kinh tế", "text": "Tăng 7,5%",
                     "children": [para("paragraph", 6)], "citations": [0], "span": span(5)},
                    {"type": "item", "label": "-", "span": span(7)}
                ], "span": span(8)},
                {"type": "section", "label": "5", "title": "Tổ chức", "role": "implementation", "span": span(9)},
                {"type": "section", "label": "6", "title": "Khác", "role": null, "span": span(10)}
             ],
             "citations": [0], "span": span(1)},
            {"type": "indicator", "label": "(1)", "number": 1, "text": "GRDP tăng 7,5%",
             "children": [para("paragraph", 12)], "citations": [0], "span": span(11)},
            para("closing", 13)
        ],
        "objectives": [
            {"scope": "general", "title": "Mục tiêu chung", "text": "x", "span": span(14)},
            {"scope": "specific", "title": "Mục tiêu cụ thể", "text": "y", "span": span(15)}
        ],
        "indicators": [{"number": 1, "text": "GRDP", "span": span(16), "measures": [
            {"label": "a", "value": 7.5, "value_text": "7,5", "unit": "%", "comparator": "eq", "change": "increase", "span": span(17)},
            {"label": "b", "value": 15043, "value_text": "15.043", "unit": "tỷ đồng", "comparator": "gt", "change": "decrease", "span": span(18)},
            {"label": "c", "value": 1, "value_text": "1", "unit": null, "comparator": "ge", "change": null, "span": span(19)},
            {"label": "d", "value": 0.25, "value_text": "0,25", "unit": null, "comparator": "lt", "change": null, "span": span(20)},
            {"label": "e", "value": 2, "value_text": "2", "unit": null, "comparator": "le", "change": null, "span": span(21)},
            {"label": "f", "value": 1e20, "value_text": "1", "unit": null, "comparator": "approx", "change": null, "span": span(22)}
        ]}],
        "citations": [
            {"kind": "NQ", "kind_text": "Nghị quyết", "number": "12", "symbol": "12-NQ/TW",
             "date": "2021-01-01", "issuer": "Bộ Chính trị", "name": "Đại hội XIII",
             "implements": [1], "text": "Nghị quyết số 12-NQ/TW", "span": span(23)},
            {"kind": null, "kind_text": "Luật", "number": null, "symbol": null, "date": null,
             "issuer": null, "name": null, "implements": [], "text": "Luật", "span": span(24)}
        ],
        "recipients": [
            {"name": "Ban Thường vụ", "note": "để b/c", "span": span(25)},
            {"name": "Lưu", "note": null, "span": span(26)}
        ],
        "signature": {"authority": "T/M", "position": "BÍ THƯ", "signer": "Nguyễn Văn A", "span": span(27)},
        "diagnostics": [
            {"severity": "warning", "message": "w", "line": 1, "column": 2, "span": span(28)},
            {"severity": "error", "message": "e", "line": 3, "column": 4, "span": span(29)}
        ]
    });
    let doc: nghiquyet::Document = serde_json::from_value(full).expect("a document");
    let compact = doc.to_json(false);
    assert_eq!(compact, serde_json::to_string(&doc).expect("JSON"));
    assert_eq!(
        doc.to_json(true),
        serde_json::to_string_pretty(&doc).expect("JSON")
    );

    let written: serde_json::Value = serde_json::from_str(&compact).expect("JSON");
    let mut keys = std::collections::BTreeSet::new();
    let mut strings = std::collections::BTreeSet::new();
    fn walk(
        v: &serde_json::Value,
        keys: &mut std::collections::BTreeSet<String>,
        strings: &mut std::collections::BTreeSet<String>,
    ) {
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, x)| {
                keys.insert(k.clone());
                walk(x, keys, strings);
            }),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, keys, strings)),
            serde_json::Value::String(s) => {
                strings.insert(s.clone());
            }
            _ => {}
        }
    }
    walk(&written, &mut keys, &mut strings);
    let schema = nghiquyet::json_schema();
    let (mut properties, mut enums) = (Vec::new(), Vec::new());
    fn collect(v: &serde_json::Value, properties: &mut Vec<String>, enums: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(p)) = m.get("properties") {
                    properties.extend(p.keys().cloned());
                }
                for key in ["enum", "const"] {
                    match m.get(key) {
                        Some(serde_json::Value::Array(a)) => {
                            enums.extend(a.iter().filter_map(|x| x.as_str().map(str::to_string)))
                        }
                        Some(serde_json::Value::String(s)) => enums.push(s.clone()),
                        _ => {}
                    }
                }
                m.values().for_each(|x| collect(x, properties, enums));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, properties, enums)),
            _ => {}
        }
    }
    collect(&schema, &mut properties, &mut enums);
    assert!(
        properties.len() > 40 && enums.len() > 20,
        "{properties:?} {enums:?}"
    );
    for p in &properties {
        assert!(
            keys.contains(p),
            "the schema's property {p:?} is never written"
        );
    }
    for e in &enums {
        assert!(
            strings.contains(e),
            "the schema's value {e:?} is never written"
        );
    }
}
