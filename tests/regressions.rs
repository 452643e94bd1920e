//! Inputs kept in `fuzz/regressions/` (fuzz finds and hand-made adversarial cases),
//! replayed through every entry point; and large adversarial shapes that must stay
//! linear (they are timed in benches/, never here).

fn replay(bytes: &[u8]) {
    let Ok(doc) = nghiquyet::parse_bytes(bytes) else {
        return;
    };
    let json = doc.to_json(false);
    let back: nghiquyet::Document = serde_json::from_str(&json).expect("JSON reads back");
    assert_eq!(back.to_json(false), json, "round trip");
    let _ = doc.to_markdown();
    let _ = doc.to_csv("x");
    for n in doc.nodes() {
        assert!(n.span().end <= bytes.len());
    }
}

#[test]
fn fuzz_regressions_replay() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).expect("fuzz/regressions").flatten() {
        replay(&std::fs::read(e.path()).expect("read"));
        n += 1;
    }
    assert!(n >= 5, "the regression corpus is there");
}

#[test]
fn seeds_and_fixtures_round_trip() {
    for dir in ["seeds", "tests/fixtures", "tests/spec/structure"] {
        for e in std::fs::read_dir(format!("{}/{dir}", env!("CARGO_MANIFEST_DIR")))
            .expect("dir")
            .flatten()
        {
            if e.path().extension().is_some_and(|x| x == "txt") {
                replay(&std::fs::read(e.path()).expect("read"));
            }
        }
    }
}

#[test]
fn adversarial_shapes_complete() {
    let parens = "(".repeat(200_000);
    assert!(nghiquyet::parse(&parens).body.len() == 1);
    let parts = "I- A\n".repeat(20_000);
    assert_eq!(nghiquyet::parse(&parts).body.len(), 20_000);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
    ))
    .expect("seed");
    let one_line = seed.replace('\n', " ").repeat(5);
    let doc = nghiquyet::parse(&one_line);
    assert!(!doc.body.is_empty());
    let figures = "(1) ".to_string() + &"đạt 5%, ".repeat(20_000);
    assert_eq!(
        nghiquyet::parse(&figures).indicators[0].measures.len(),
        20_000
    );
}
