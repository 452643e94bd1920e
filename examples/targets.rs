//! Parse a document and list its targets: `cargo run --example targets -- FILE`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt".into());
    let doc = nghiquyet::parse_bytes(&std::fs::read(&path)?)?;
    println!(
        "{} — {}",
        doc.metadata.kind_text.as_deref().unwrap_or("?"),
        doc.metadata.subject.as_deref().unwrap_or("")
    );
    for ind in &doc.indicators {
        println!("({}) {}", ind.number, ind.text);
        for m in &ind.measures {
            println!(
                "    {:<60} {:?} {} {}",
                m.label,
                m.comparator,
                m.value,
                m.unit.as_deref().unwrap_or("")
            );
        }
    }
    for c in doc.citations.iter().filter(|c| c.symbol.is_some()) {
        println!(
            "cites {} {} of {}",
            c.kind_text,
            c.symbol.as_deref().unwrap_or(""),
            c.issuer.as_deref().unwrap_or("?")
        );
    }
    Ok(())
}
