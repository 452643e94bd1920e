//! Arbitrary bytes through parse_bytes and every renderer: no panic, spans in bounds.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = nghiquyet::parse_bytes(data) else { return };
    let len = data.len();
    for n in doc.nodes() {
        assert!(n.span().start <= n.span().end && n.span().end <= len);
    }
    for c in &doc.citations {
        assert_eq!(&data[c.span.start..c.span.end], c.text.as_bytes());
    }
    let _ = doc.to_json(true);
    let _ = doc.to_markdown();
    let _ = doc.to_csv("fuzz");
});
