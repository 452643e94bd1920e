//! Parse+JSON throughput on one core, for your own documents:
//! `cargo run --release --example throughput -- FILE [ROUNDS]`.
//! It uses the command line's allocator (mimalloc) when the `cli` feature is on, as it
//! is by default. (The criterion benchmarks in `benches/` are the reference figures.)

use std::time::Instant;

#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt".into());
    let rounds: usize = args.next().map_or(Ok(200), |n| n.parse())?;
    let text = std::fs::read_to_string(&path)?;
    let mut best = f64::INFINITY;
    let mut json_len = 0;
    // The best of five runs: the others lost time to the machine, not to the parser.
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..rounds {
            json_len = nghiquyet::parse(&text).to_json(false).len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "{path}: {} bytes, parse+JSON {:.1} MB/s on one core ({} bytes of JSON)",
        text.len(),
        mb / best,
        json_len
    );
    Ok(())
}
