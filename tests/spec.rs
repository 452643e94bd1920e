//! The conformance suite of `../shared/spec/`, copied into `tests/spec/` as data and
//! checked here the way its Python runner checks a binary: through the JSON output.

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const CITATION_DOC: (&str, &str) = ("NGHỊ QUYẾT\nvề nhiệm vụ năm 2025\n\n", "\n");
const MEASURE_DOC: (&str, &str) = (
    "NGHỊ QUYẾT\nvề nhiệm vụ năm 2025\n\nI- MỤC TIÊU\n\n2. Các chỉ tiêu chủ yếu\n\n(1) ",
    "\n",
);

fn spec_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec")
}

fn load(name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(spec_dir().join(name)).expect("spec file");
    serde_json::from_str(&text).expect("spec JSON")
}

fn convert(input: &str) -> Value {
    serde_json::from_str(&nghiquyet::parse(input).to_json(false)).expect("output is JSON")
}

/// NFC, white space runs as one space, trimmed.
fn norm(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn unmark(s: &str) -> String {
    norm(&s.replace('*', ""))
}

fn same_string(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Null, Value::Null) => true,
        (Value::String(a), Value::String(b)) => norm(a) == norm(b),
        _ => false,
    }
}

fn same_number(want: &Value, got: &Value) -> bool {
    match (want.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        _ => want.is_null() && got.is_null(),
    }
}

fn field(diffs: &mut Vec<String>, path: &str, key: &str, want: &Value, got: &Value, ok: bool) {
    if !ok {
        diffs.push(format!("{path}.{key}: expected {want}, got {got}"));
    }
}

fn compare_citations(want: &[Value], got: &Value, diffs: &mut Vec<String>) {
    let got = got.as_array().cloned().unwrap_or_default();
    if want.len() != got.len() {
        diffs.push(format!(
            "expected {} citations, got {}: {:?}",
            want.len(),
            got.len(),
            got.iter()
                .map(|c| c["symbol"].to_string() + &c["name"].to_string())
                .collect::<Vec<_>>()
        ));
        return;
    }
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        for key in [
            "kind",
            "kind_text",
            "number",
            "symbol",
            "date",
            "issuer",
            "name",
            "implements",
        ] {
            if let Some(wv) = w.get(key) {
                let gv = g.get(key).unwrap_or(&Value::Null);
                let ok = if key == "date" || key == "implements" {
                    wv == gv
                } else {
                    same_string(wv, gv)
                };
                field(diffs, &format!("citations[{i}]"), key, wv, gv, ok);
            }
        }
    }
}

fn walk(nodes: &Value, out: &mut Vec<Value>) {
    for n in nodes.as_array().into_iter().flatten() {
        out.push(n.clone());
        walk(&n["children"], out);
    }
}

fn node_words(n: &Value) -> String {
    let t = if matches!(n["type"].as_str(), Some("part" | "section")) {
        &n["title"]
    } else if n["text"].is_string() {
        &n["text"]
    } else {
        &n["title"]
    };
    t.as_str().map(unmark).unwrap_or_default()
}

fn compare_outline(want: &Value, got: &Value, path: &str, diffs: &mut Vec<String>) {
    let want = want.as_array().cloned().unwrap_or_default();
    let got = got.as_array().cloned().unwrap_or_default();
    if want.len() != got.len() {
        let g: Vec<String> = got
            .iter()
            .map(|n| format!("{} {}", n["type"], n["label"]))
            .collect();
        diffs.push(format!(
            "{path}: expected {} nodes, got {}: {g:?}",
            want.len(),
            got.len()
        ));
        return;
    }
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        let (typ, label, words) = (
            w[0].as_str().unwrap_or_default(),
            &w[1],
            w[2].as_str().unwrap_or_default(),
        );
        let glabel = g.get("label").unwrap_or(&Value::Null);
        let mut ok = g["type"] == typ && same_string(label, glabel);
        let gw = node_words(g);
        ok &= if matches!(typ, "part" | "section") {
            norm(words) == gw
        } else {
            gw.starts_with(&norm(words))
        };
        let here = format!("{path}[{i}]");
        if !ok {
            diffs.push(format!(
                "{here}: expected {typ} {label} {words:?}, got {} {glabel} {gw:?}",
                g["type"]
            ));
            return;
        }
        compare_outline(
            w.get(3).unwrap_or(&Value::Array(vec![])),
            &g["children"],
            &format!("{here}.children"),
            diffs,
        );
    }
}

fn roles(nodes: &Value, prefix: &str, out: &mut Vec<(String, Value)>) {
    for n in nodes.as_array().into_iter().flatten() {
        if matches!(n["type"].as_str(), Some("part" | "section")) {
            let label = n["label"].as_str().unwrap_or_default();
            let key = if prefix.is_empty() {
                label.to_string()
            } else {
                format!("{prefix}/{label}")
            };
            out.push((
                key.clone(),
                n.get("role")
                    .cloned()
                    .unwrap_or(Value::String("(missing)".into())),
            ));
            roles(&n["children"], &key, out);
        }
    }
}

fn check_structure(exp: &Value, doc: &Value, diffs: &mut Vec<String>) {
    if let Some(md) = exp["metadata"].as_object() {
        for (k, w) in md {
            let g = &doc["metadata"][k];
            field(
                diffs,
                "metadata",
                k,
                w,
                g,
                if k == "date" {
                    w == g
                } else {
                    same_string(w, g)
                },
            );
        }
    }
    if exp.get("outline").is_some() {
        compare_outline(&exp["outline"], &doc["body"], "body", diffs);
    }
    if let Some(want) = exp["roles"].as_object() {
        let mut got = Vec::new();
        roles(&doc["body"], "", &mut got);
        for (k, w) in want {
            match got.iter().find(|(p, _)| p == k) {
                None => diffs.push(format!("role of {k}: no such part or section")),
                Some((_, g)) if g != w => diffs.push(format!("role of {k}: expected {w}, got {g}")),
                _ => {}
            }
        }
    }
    if let Some(w) = exp.get("objectives") {
        let objs = doc["objectives"].as_array().cloned().unwrap_or_default();
        if objs.len() as u64 != w["count"].as_u64().unwrap_or(0) {
            diffs.push(format!(
                "expected {} objectives, got {}",
                w["count"],
                objs.len()
            ));
        } else {
            if let Some(scopes) = w.get("scopes") {
                let got: Vec<Value> = objs.iter().map(|o| o["scope"].clone()).collect();
                if &Value::Array(got.clone()) != scopes {
                    diffs.push(format!("objective scopes: expected {scopes}, got {got:?}"));
                }
            }
            if let Some(titles) = w["titles"].as_array() {
                let got: Vec<String> = objs
                    .iter()
                    .map(|o| norm(o["title"].as_str().unwrap_or_default()))
                    .collect();
                let want: Vec<String> = titles
                    .iter()
                    .map(|t| norm(t.as_str().unwrap_or_default()))
                    .collect();
                if got != want {
                    diffs.push(format!("objective titles: expected {want:?}, got {got:?}"));
                }
            }
        }
    }
    if let Some(w) = exp.get("indicators") {
        let got: Vec<Value> = doc["indicators"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| i["number"].clone())
            .collect();
        if Value::Array(got.clone()) != w["numbers"] {
            diffs.push(format!(
                "indicator numbers: expected {}, got {got:?}",
                w["numbers"]
            ));
        }
    }
    if let Some(w) = exp["citations"].as_array() {
        compare_citations(w, &doc["citations"], diffs);
    }
    let mut nodes = Vec::new();
    walk(&doc["body"], &mut nodes);
    if let Some(w) = exp["closing"].as_array() {
        let got: Vec<String> = nodes
            .iter()
            .filter(|n| n["type"] == "closing")
            .map(|n| unmark(n["text"].as_str().unwrap_or_default()))
            .collect();
        let want: Vec<String> = w
            .iter()
            .map(|t| norm(t.as_str().unwrap_or_default()))
            .collect();
        if got != want {
            diffs.push(format!("closing: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(w) = exp.get("signature") {
        let g = &doc["signature"];
        match (w.as_object(), g.as_object()) {
            (Some(w), Some(_)) => {
                for (k, v) in w {
                    field(diffs, "signature", k, v, &g[k], same_string(v, &g[k]));
                }
            }
            _ if w.is_null() && g.is_null() => {}
            _ => diffs.push(format!("signature: expected {w}, got {g}")),
        }
    }
    if let Some(w) = exp["recipients"].as_array() {
        let got = doc["recipients"].as_array().cloned().unwrap_or_default();
        if got.len() != w.len() {
            diffs.push(format!(
                "expected {} recipients, got {}",
                w.len(),
                got.len()
            ));
        } else {
            for (i, (w, g)) in w.iter().zip(&got).enumerate() {
                for k in ["name", "note"] {
                    field(
                        diffs,
                        &format!("recipients[{i}]"),
                        k,
                        &w[k],
                        &g[k],
                        same_string(&w[k], &g[k]),
                    );
                }
            }
        }
    }
    let texts: Vec<String> = nodes
        .iter()
        .flat_map(|n| ["title", "text"].map(|k| n[k].as_str().map(unmark)))
        .flatten()
        .collect();
    for s in exp["text_contains"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if !texts.iter().any(|t| t.contains(&norm(s))) {
            diffs.push(format!("no node text contains {s:?}"));
        }
    }
    for s in exp["text_absent"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        if texts.iter().any(|t| t.contains(&norm(s))) {
            diffs.push(format!("a node text contains {s:?}"));
        }
    }
}

fn transform(text: &str, steps: &Value) -> String {
    let mut t = text.to_string();
    for step in steps
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        t = match step {
            "nfd" => t.nfd().collect(),
            "crlf" => t.replace('\n', "\r\n"),
            "bom" => format!("\u{feff}{t}"),
            other => panic!("unknown transform {other}"),
        };
    }
    t
}

fn report(suite: &str, failures: Vec<String>, total: usize) {
    assert!(total > 0, "{suite}: no examples found");
    assert!(
        failures.is_empty(),
        "{suite}: {} of {total} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn spec_citations() {
    let examples = load("citations.json");
    let mut failures = Vec::new();
    for ex in &examples {
        let input = format!(
            "{}{}{}",
            CITATION_DOC.0,
            ex["input"].as_str().unwrap_or_default(),
            CITATION_DOC.1
        );
        let doc = convert(&input);
        let mut diffs = Vec::new();
        compare_citations(
            ex["citations"].as_array().map_or(&[][..], Vec::as_slice),
            &doc["citations"],
            &mut diffs,
        );
        if !diffs.is_empty() {
            failures.push(format!("FAIL citations/{}: {}", ex["id"], diffs.join("; ")));
        }
    }
    report("citations", failures, examples.len());
}

#[test]
fn spec_measures() {
    let examples = load("measures.json");
    let mut failures = Vec::new();
    for ex in &examples {
        let input = format!(
            "{}{}{}",
            MEASURE_DOC.0,
            ex["input"].as_str().unwrap_or_default(),
            MEASURE_DOC.1
        );
        let doc = convert(&input);
        let mut diffs = Vec::new();
        let inds = doc["indicators"].as_array().cloned().unwrap_or_default();
        if inds.len() != 1 {
            diffs.push(format!("expected exactly 1 indicator, got {}", inds.len()));
        } else {
            let got = inds[0]["measures"].as_array().cloned().unwrap_or_default();
            let want = ex["measures"].as_array().cloned().unwrap_or_default();
            if got.len() != want.len() {
                diffs.push(format!(
                    "expected {} measures, got {}: {got:?}",
                    want.len(),
                    got.len()
                ));
            } else {
                for (i, (w, g)) in want.iter().zip(&got).enumerate() {
                    for key in ["label", "value", "unit", "comparator", "change"] {
                        let (wv, gv) = (&w[key], &g[key]);
                        let ok = match key {
                            "value" => same_number(wv, gv),
                            "comparator" | "change" => wv == gv,
                            _ => same_string(wv, gv),
                        };
                        field(&mut diffs, &format!("measures[{i}]"), key, wv, gv, ok);
                    }
                }
            }
        }
        if !diffs.is_empty() {
            failures.push(format!("FAIL measures/{}: {}", ex["id"], diffs.join("; ")));
        }
    }
    report("measures", failures, examples.len());
}

#[test]
fn spec_structure() {
    let dir = spec_dir().join("structure");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("structure dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for p in &names {
        let exp: Value = serde_json::from_str(
            &std::fs::read_to_string(p.with_extension("expect.json")).expect("expectation"),
        )
        .expect("JSON");
        let text = transform(
            &std::fs::read_to_string(p).expect("input"),
            &exp["transform"],
        );
        let doc = convert(&text);
        let mut diffs = Vec::new();
        check_structure(&exp, &doc, &mut diffs);
        if !diffs.is_empty() {
            failures.push(format!(
                "FAIL structure/{}: {}",
                p.display(),
                diffs.join("; ")
            ));
        }
    }
    report("structure", failures, names.len());
}
