//! JSON out, Document back through serde, equal.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = nghiquyet::parse(text);
    let json = doc.to_json(false);
    let back: nghiquyet::Document = serde_json::from_str(&json).expect("the JSON reads back");
    assert_eq!(back.to_json(false), json);
});
