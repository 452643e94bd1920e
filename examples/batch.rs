//! Convert every `.txt` of a folder to JSON beside it, from code:
//! `cargo run --example batch -- DIR`. (The CLI does this on all cores with atomic
//! writes; this shows the library calls.)

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let mut failed = 0;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        match nghiquyet::parse_bytes(&std::fs::read(&path)?) {
            Ok(doc) => {
                let out = path.with_extension("json");
                std::fs::write(&out, doc.to_json(true))?;
                println!(
                    "{} → {} ({} indicators, {} citations)",
                    path.display(),
                    out.display(),
                    doc.indicators.len(),
                    doc.citations.len()
                );
            }
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed += 1;
            }
        }
    }
    std::process::exit(i32::from(failed > 0));
}
