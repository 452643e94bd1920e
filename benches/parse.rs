//! Speed of parsing and rendering, and of the measure and citation productions, on the
//! sample, on the sample repeated 10 and 100 times, and on the sample in other forms
//! (CRLF, NFD, tab-indented, one line). Figures go to the README and issue notes; no
//! test asserts a time.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use nghiquyet::grammar::{citation, lines, measure, Ctx};
use nghiquyet::text::{Source, Text};

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
    ))
    .unwrap_or_default()
}

fn whole(c: &mut Criterion) {
    let one = sample();
    let ten = one.repeat(10);
    let hundred = one.repeat(100);
    for (name, text) in [
        ("sample", &one),
        ("sample x10", &ten),
        ("sample x100", &hundred),
    ] {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 1_000_000 {
            g.sample_size(10);
        }
        g.bench_function("parse", |b| b.iter(|| nghiquyet::parse(black_box(text))));
        g.bench_function("parse+json", |b| {
            b.iter(|| nghiquyet::parse(black_box(text)).to_json(false))
        });
        g.bench_function("parse+markdown", |b| {
            b.iter(|| nghiquyet::parse(black_box(text)).to_markdown())
        });
        g.finish();
    }
}

/// The sample in the forms archives hold it: Windows line ends, decomposed (NFD)
/// letters, a tab before every line (Word's first-line indent), all on one line.
fn forms(c: &mut Criterion) {
    use unicode_normalization::UnicodeNormalization;
    let one = sample();
    let forms = [
        ("CRLF", one.replace('\n', "\r\n")),
        ("NFD", one.nfd().collect::<String>()),
        (
            "tab-indented",
            one.lines().map(|l| format!("\t{l}\n")).collect::<String>(),
        ),
        ("one line", one.replace('\n', " ")),
    ];
    let mut g = c.benchmark_group("sample forms");
    for (name, text) in &forms {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("parse+json {name}"), |b| {
            b.iter(|| nghiquyet::parse(black_box(text)).to_json(false))
        });
    }
    g.finish();
}

/// Every line of the sample as a logical text, for the word-level productions.
fn texts(src: &Source) -> Vec<Text> {
    lines(src.text())
        .into_iter()
        .map(|l| {
            let mut t = Text::default();
            t.push_clean(src.text(), l.start, l.end);
            t
        })
        .collect()
}

fn productions(c: &mut Criterion) {
    let text = sample();
    let src = Source::new(&text);
    let all = texts(&src);
    let indicators: Vec<&Text> = all.iter().filter(|t| t.s.starts_with('(')).collect();
    let mut g = c.benchmark_group("productions");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("measures of the sample's indicators", |b| {
        b.iter(|| {
            let ctx = Ctx::new(&src);
            indicators
                .iter()
                .map(|t| measure::measures(&ctx, t).len())
                .sum::<usize>()
        })
    });
    g.bench_function("citations of every line", |b| {
        b.iter(|| {
            let mut ctx = Ctx::new(&src);
            for t in &all {
                citation::scan(&mut ctx, t);
            }
            ctx.citations.len()
        })
    });
    g.finish();
}

criterion_group!(benches, whole, forms, productions);
criterion_main!(benches);
