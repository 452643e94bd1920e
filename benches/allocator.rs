//! parse+JSON with mimalloc as the global allocator, as the command line runs it;
//! `benches/parse.rs` measures the same with the system allocator. No test asserts a
//! time.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn whole(c: &mut Criterion) {
    let one = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
    ))
    .unwrap_or_default();
    let hundred = one.repeat(100);
    for (name, text) in [("sample", &one), ("sample x100", &hundred)] {
        let mut g = c.benchmark_group(format!("mimalloc {name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 1_000_000 {
            g.sample_size(10);
        }
        g.bench_function("parse+json", |b| {
            b.iter(|| nghiquyet::parse(black_box(text)).to_json(false))
        });
        g.finish();
    }
}

criterion_group!(benches, whole);
criterion_main!(benches);
