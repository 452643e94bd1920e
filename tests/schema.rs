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
