//! The `nghiquyet` command line.
fn main() {
    std::process::exit(nghiquyet_cli::run());
}

mod nghiquyet_cli {
    pub fn run() -> i32 {
        use std::io::{Read, Write};
        let mut buf = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut buf);
        match nghiquyet::parse_bytes(&buf) {
            Ok(d) => {
                let _ = writeln!(std::io::stdout(), "{}", d.to_json(false));
                0
            }
            Err(e) => {
                eprintln!("<stdin>: {e}");
                1
            }
        }
    }
}
