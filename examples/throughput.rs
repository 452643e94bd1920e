//! Parse+JSON throughput on one core, for your own documents:
//! `cargo run --release --example throughput -- FILE [ROUNDS] [--parse-only]`.
//! It uses the command line's allocator (mimalloc) when the `cli` feature is on, as it
//! is by default. (The criterion benchmarks in `benches/` are the reference figures.)
//!
//! It also times a yardstick on the same text and core: composing the text's
//! decomposed form back to NFC with `unicode-normalization`, the work the batch issue
//! measured its targets against. The machine's speed changes from minute to minute;
//! the ratio of the two figures does much less, and compares runs made at different
//! times.

use std::time::Instant;

use unicode_normalization::UnicodeNormalization;

#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The time of `rounds` calls of `f`, in seconds.
fn timed(rounds: usize, mut f: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(f());
    }
    start.elapsed().as_secs_f64()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt".into());
    let rounds: usize = args.next().map_or(Ok(200), |n| n.parse())?;
    // Without the yardstick: for instruction counts of parse+JSON alone.
    let parse_only = args.next().is_some_and(|a| a == "--parse-only");
    let text = std::fs::read_to_string(&path)?;
    let decomposed: String = text.nfd().collect();
    let json_len = nghiquyet::parse(&text).to_json(false).len();
    // The best of five runs of each, taken in turn so that both see the same spells
    // (the other runs lost time to the machine, not to the work).
    let (mut parse, mut nfc) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        parse = parse.min(timed(rounds, || {
            nghiquyet::parse(&text).to_json(false).len()
        }));
        if !parse_only {
            nfc = nfc.min(timed(rounds, || decomposed.nfc().collect::<String>().len()));
        }
    }
    let parse = (text.len() * rounds) as f64 / 1e6 / parse;
    let yardstick = (decomposed.len() * rounds) as f64 / 1e6 / nfc;
    print!(
        "{path}: {} bytes, parse+JSON {parse:.1} MB/s on one core ({json_len} bytes of JSON)",
        text.len()
    );
    if parse_only {
        println!();
    } else {
        println!(
            "; yardstick NFC of the decomposed text {yardstick:.1} MB/s; ratio {:.2}",
            parse / yardstick
        );
    }
    Ok(())
}
