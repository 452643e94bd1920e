//! The `nghiquyet` command line: `convert` and `check`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use nghiquyet::render::{csv as csv_out, Format};
use nghiquyet::{Document, Error};

/// A parse allocates a string per node, citation and measure: mimalloc serves these
/// small allocations faster than the system allocator (20–30 % of batch time here).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Parse Vietnamese party documents into a typed tree; export JSON, Markdown, CSV, NDJSON.
#[derive(Parser)]
#[command(name = "nghiquyet", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert documents. No INPUT or "-": standard input to standard output.
    Convert {
        /// Files or folders; folders are walked for `.txt` files.
        inputs: Vec<PathBuf>,
        /// The output format.
        #[arg(long = "to", value_enum, default_value = "json")]
        to: Format,
        /// Write one file per input under DIR, mirroring the folder layout.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Indent JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Parse documents and print their diagnostics as FILE:LINE:COLUMN: severity: message.
    Check {
        /// Files or folders; none or "-" reads standard input.
        inputs: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Convert {
            inputs,
            to,
            out_dir,
            pretty,
        } => convert(inputs, to, out_dir, pretty),
        Command::Check { inputs } => check(inputs),
    };
    ExitCode::from(code)
}

/// One input: standard input or a file, with its path relative to the output root.
struct Input {
    path: Option<PathBuf>,
    relative: PathBuf,
}

impl Input {
    fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }

    fn read(&self) -> Result<Vec<u8>, Error> {
        match &self.path {
            None => {
                let mut buf = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut buf)
                    .map_err(|source| Error::Io {
                        path: "<stdin>".into(),
                        source,
                    })?;
                Ok(buf)
            }
            Some(p) => std::fs::read(p).map_err(|source| Error::Io {
                path: p.clone(),
                source,
            }),
        }
    }
}

/// Expands the inputs: folders into their `.txt` files (sorted), "-" into standard input.
fn expand(inputs: &[PathBuf], problems: &mut Vec<String>) -> Vec<Input> {
    if inputs.is_empty() {
        return vec![Input {
            path: None,
            relative: PathBuf::from("stdin"),
        }];
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Input {
                path: None,
                relative: PathBuf::from("stdin"),
            });
        } else if p.is_dir() {
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e)
                        if e.file_type().is_file()
                            && e.path().extension().is_some_and(|x| x == "txt") =>
                    {
                        let inner = e.path().strip_prefix(p).unwrap_or(e.path());
                        // With several inputs, each folder keeps its own name under DIR.
                        let relative = match (inputs.len() > 1, p.file_name()) {
                            (true, Some(name)) => Path::new(name).join(inner),
                            _ => inner.to_path_buf(),
                        };
                        out.push(Input {
                            path: Some(e.path().to_path_buf()),
                            relative,
                        });
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(format!("{}: {e}", e.path().unwrap_or(p).display())),
                }
            }
        } else {
            let relative = PathBuf::from(p.file_name().unwrap_or(p.as_os_str()));
            out.push(Input {
                path: Some(p.clone()),
                relative,
            });
        }
    }
    out
}

fn render(doc: &Document, to: Format, pretty: bool, file: &str) -> Vec<u8> {
    let mut s = match to {
        Format::Json => doc.to_json(pretty),
        Format::Ndjson => doc.to_json(false),
        Format::Markdown => doc.to_markdown(),
        Format::Csv => doc.to_csv(file),
    };
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.into_bytes()
}

/// A path under `dir` for an input: mirrored, with the format's extension, never outside `dir`.
fn output_path(dir: &Path, relative: &Path, to: Format) -> PathBuf {
    let safe: PathBuf = relative
        .components()
        .filter(|c| matches!(c, std::path::Component::Normal(_)))
        .collect();
    dir.join(safe).with_extension(to.extension())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a
/// rename, so a crash or Ctrl-C never leaves a partial output. (No fsync: durability
/// against power loss is the file system's, and an fsync per file halves batch speed.)
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut tmp = atomic_file(path)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// A temporary file in the folder of `path`, to be renamed to it when complete.
fn atomic_file(path: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let parent = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // Created as any new file is (0666 less the umask), not private like a temporary.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(parent).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Creates the folder of an output once: later outputs into it skip the system calls.
fn ensure_folder(
    made: &Mutex<std::collections::HashSet<PathBuf>>,
    path: &Path,
) -> Result<(), Error> {
    let Some(parent) = path.parent() else {
        return Ok(());
    };
    if made.lock().is_ok_and(|m| m.contains(parent)) {
        return Ok(());
    }
    std::fs::create_dir_all(parent).map_err(|source| Error::Io {
        path: parent.to_path_buf(),
        source,
    })?;
    if let Ok(mut m) = made.lock() {
        m.insert(parent.to_path_buf());
    }
    Ok(())
}

fn progress(n: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() || n < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(n as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

fn convert(inputs: Vec<PathBuf>, to: Format, out_dir: Option<PathBuf>, pretty: bool) -> u8 {
    let mut problems = Vec::new();
    let files = expand(&inputs, &mut problems);
    for p in &problems {
        eprintln!("nghiquyet: {p}");
    }
    let mut seen = std::collections::HashSet::new();
    let files: Vec<Input> = files
        .into_iter()
        .filter(|f| {
            let fresh = f.path.is_none() || seen.insert(f.relative.clone());
            if !fresh {
                problems.push(format!(
                    "{}: another input already maps to {}",
                    f.name(),
                    f.relative.display()
                ));
                eprintln!(
                    "nghiquyet: {}",
                    problems.last().map(String::as_str).unwrap_or_default()
                );
            }
            fresh
        })
        .collect();
    let many = files.len() > 1 || inputs.iter().any(|p| p.is_dir());
    match out_dir {
        None if many && matches!(to, Format::Json | Format::Markdown) => {
            eprintln!("nghiquyet: several inputs need --out-dir DIR (or --to ndjson / --to csv for one stream)");
            2
        }
        None => to_stdout(&files, to, pretty, !problems.is_empty()),
        Some(dir) => to_dir(&files, &dir, to, pretty, problems.len()),
    }
}

/// Converts every input to standard output, in input order, as the batch goes.
fn to_stdout(files: &[Input], to: Format, pretty: bool, failed_before: bool) -> u8 {
    // No bar drawn over the output itself when both go to the terminal.
    let bar = if std::io::stdout().is_terminal() {
        ProgressBar::hidden()
    } else {
        progress(files.len())
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let result = convert_in_order(files, to, pretty, Input::name, &bar, &mut out)
        .and_then(|done| out.flush().map(|()| done));
    bar.finish_and_clear();
    match result {
        Ok(done) => u8::from(failed_before || done.failed > 0),
        Err(e) => {
            // A reader that stops early (`| head`) is not an error to report.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("nghiquyet: standard output: {e}");
            }
            1
        }
    }
}

/// Converts every input into a file under `dir`, on all cores; NDJSON goes into one
/// file, `documents.ndjson`, in input order.
fn to_dir(files: &[Input], dir: &Path, to: Format, pretty: bool, failed_before: usize) -> u8 {
    let start = Instant::now();
    let bar = progress(files.len());
    let made = Mutex::new(std::collections::HashSet::new());
    let (bytes, failed) = if to == Format::Ndjson {
        let path = dir.join("documents.ndjson");
        let relative = |f: &Input| f.relative.display().to_string();
        let result = ensure_folder(&made, &path)
            .and_then(|()| atomic_file(&path))
            .and_then(|mut tmp| {
                let mut w = std::io::BufWriter::new(&mut tmp);
                let done = convert_in_order(files, to, pretty, relative, &bar, &mut w)
                    .and_then(|done| w.flush().map(|()| done));
                drop(w);
                let done = done.map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                tmp.persist(&path).map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e.error,
                })?;
                Ok(done)
            });
        match result {
            Ok(done) => (done.bytes, done.failed),
            Err(e) => {
                bar.suspend(|| eprintln!("nghiquyet: {e}"));
                (0, files.len())
            }
        }
    } else {
        let bytes = AtomicU64::new(0);
        let failures = AtomicUsize::new(0);
        files.par_iter().for_each(|f| {
            let result = f.read().and_then(|b| {
                bytes.fetch_add(b.len() as u64, Ordering::Relaxed);
                let doc = nghiquyet::parse_bytes(&b)?;
                let out = render(&doc, to, pretty, &f.relative.display().to_string());
                let path = output_path(dir, &f.relative, to);
                ensure_folder(&made, &path)?;
                write_atomic(&path, &out)
            });
            if let Err(e) = result {
                bar.suspend(|| eprintln!("{}: {e}", f.name()));
                failures.fetch_add(1, Ordering::Relaxed);
            }
            bar.inc(1);
        });
        (bytes.into_inner(), failures.into_inner())
    };
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mb = bytes as f64 / 1e6;
    let failed = failed + failed_before;
    eprintln!(
        "nghiquyet: {} files, {:.1} MB, {} failed, {:.2} s, {:.1} MB/s",
        files.len(),
        mb,
        failed,
        secs,
        mb / secs
    );
    u8::from(failed > 0)
}

/// When outputs go out in input order (standard output, or one NDJSON file), inputs
/// are converted this many at a time, or fewer when they hold more than
/// [`CHUNK_BYTES`]: enough to keep every core busy, and a batch of any length holds one
/// chunk's outputs in memory while its output flows.
const CHUNK_FILES: usize = 64;
const CHUNK_BYTES: u64 = 64 << 20;

/// An input larger than this is written as JSON straight from its tree instead of
/// being rendered first: a large document is never held twice.
const STREAM_OVER: usize = 8 << 20;

/// One input converted, waiting for its turn to be written.
enum Converted {
    Bytes(Vec<u8>),
    Tree(Box<Document>),
}

/// What converting in order came to: input bytes read, inputs that failed.
struct Done {
    bytes: u64,
    failed: usize,
}

/// Converts `files` on all cores and writes their outputs to `sink` in input order, a
/// chunk at a time; failures are named on standard error. `name` gives the file name
/// a CSV row carries. Stops at the first error writing `sink`.
fn convert_in_order(
    files: &[Input],
    to: Format,
    pretty: bool,
    name: impl Fn(&Input) -> String + Sync,
    bar: &ProgressBar,
    sink: &mut impl Write,
) -> std::io::Result<Done> {
    let mut done = Done {
        bytes: 0,
        failed: 0,
    };
    if to == Format::Csv {
        sink.write_all(&csv_out::writer(Vec::new()).into_inner().unwrap_or_default())?;
    }
    let mut rest = files;
    while !rest.is_empty() {
        let (chunk, next) = rest.split_at(chunk_len(rest));
        rest = next;
        let converted: Vec<Result<(usize, Converted), Error>> = chunk
            .par_iter()
            .map(|f| convert_one(f, to, pretty, &name(f)))
            .collect();
        for (f, result) in chunk.iter().zip(converted) {
            match result {
                Ok((len, Converted::Bytes(b))) => {
                    done.bytes += len as u64;
                    sink.write_all(&b)?;
                }
                Ok((len, Converted::Tree(doc))) => {
                    done.bytes += len as u64;
                    doc.write_json(&mut *sink, pretty && to == Format::Json)?;
                    sink.write_all(b"\n")?;
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("{}: {e}", f.name()));
                    done.failed += 1;
                }
            }
            bar.inc(1);
        }
    }
    Ok(done)
}

/// How many of `files` (at least one) make the next chunk of [`convert_in_order`].
fn chunk_len(files: &[Input]) -> usize {
    let mut bytes = 0;
    for (k, f) in files.iter().enumerate().take(CHUNK_FILES) {
        bytes += f
            .path
            .as_ref()
            .and_then(|p| p.metadata().ok())
            .map_or(0, |m| m.len());
        if k > 0 && bytes > CHUNK_BYTES {
            return k;
        }
    }
    files.len().min(CHUNK_FILES)
}

/// Reads, parses and renders one input (CSV: its rows, without the header).
fn convert_one(
    f: &Input,
    to: Format,
    pretty: bool,
    name: &str,
) -> Result<(usize, Converted), Error> {
    let b = f.read()?;
    let len = b.len();
    let doc = nghiquyet::parse_bytes(&b)?;
    drop(b);
    let converted = match to {
        Format::Json | Format::Ndjson if len > STREAM_OVER => Converted::Tree(Box::new(doc)),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            csv_out::write_rows(&mut w, &doc, name);
            Converted::Bytes(w.into_inner().unwrap_or_default())
        }
        _ => Converted::Bytes(render(&doc, to, pretty, name)),
    };
    Ok((len, converted))
}

/// Parses every input and prints its diagnostics with the source line and a caret.
fn check(inputs: Vec<PathBuf>) -> u8 {
    let mut problems = Vec::new();
    let files = expand(&inputs, &mut problems);
    let mut failed = !problems.is_empty();
    for p in &problems {
        eprintln!("nghiquyet: {p}");
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for f in &files {
        let bytes = match f.read() {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", f.name());
                failed = true;
                continue;
            }
        };
        let text = match simdutf8::compat::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let err = Error::decode(&bytes, e.valid_up_to());
                let (line, col) = line_col(&bytes, e.valid_up_to());
                eprintln!("{}:{line}:{col}: error: {err}", f.name());
                failed = true;
                continue;
            }
        };
        let doc = nghiquyet::parse(text);
        for d in &doc.diagnostics {
            let _ = writeln!(
                out,
                "{}:{}:{}: {}: {}",
                f.name(),
                d.line,
                d.column,
                d.severity,
                d.message
            );
            let line = line_at(text, d.span.start);
            let _ = writeln!(
                out,
                "  | {line}\n  | {}^",
                " ".repeat(d.column.saturating_sub(1))
            );
            failed |= d.severity == nghiquyet::Severity::Error;
        }
    }
    u8::from(failed)
}

/// The line of `text` that holds byte `at`, without its line end: found from `at`, so
/// that a document with many diagnostics is not read again from its start for each.
fn line_at(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    let at = at.min(b.len());
    let start = memchr::memrchr2(b'\n', b'\r', &b[..at]).map_or(0, |k| k + 1);
    let end = memchr::memchr2(b'\n', b'\r', &b[at..]).map_or(b.len(), |k| at + k);
    text.get(start..end).unwrap_or_default()
}

/// Line and column of a byte offset of undecodable input (columns count valid characters).
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, col)
}
