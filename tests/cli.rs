//! The command line as archivists use it: a folder tree with good and bad files.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_nghiquyet");

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/bac-giang-2023-nhiem-vu-lanh-dao.txt"
    ))
    .expect("seed")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run the binary");
    {
        use std::io::Write;
        let mut input = child.stdin.take().expect("stdin");
        if let Some(b) = stdin {
            input.write_all(b).expect("write stdin");
        }
    }
    child.wait_with_output().expect("wait")
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn go(dir: &Path, base: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                go(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap_or(&p).display().to_string());
            }
        }
    }
    go(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn batch_converts_every_good_file_and_names_the_bad_ones() {
    let root = tempfile::tempdir().expect("temp dir");
    let input = root.path().join("in");
    let out = root.path().join("out");
    std::fs::create_dir_all(input.join("2023/tinh")).expect("mkdir");
    std::fs::create_dir_all(input.join("2024")).expect("mkdir");
    std::fs::write(input.join("2023/tinh/nq.txt"), seed()).expect("write");
    std::fs::write(
        input.join("2024/kh.txt"),
        "KẾ HOẠCH\nvề chuyển đổi số\n\n1. Làm tốt việc này.\n",
    )
    .expect("write");
    std::fs::write(input.join("2024/latin1.txt"), b"Ngh\xec quy\xeat\n").expect("write");
    std::fs::write(input.join("binary.txt"), [0u8, 159, 146, 150, 255, 0, 1]).expect("write");
    std::fs::write(input.join("README.md"), "not an input").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, input.join("2024/loop")).expect("symlink");

    let o = run(
        &[
            "convert",
            input.to_str().unwrap_or_default(),
            "--out-dir",
            out.to_str().unwrap_or_default(),
        ],
        None,
    );
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("latin1.txt") && stderr.contains("byte 3"),
        "{stderr}"
    );
    assert!(
        stderr.contains("binary.txt") && stderr.contains("byte 1"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 files") || stderr.contains("failed"),
        "summary line: {stderr}"
    );
    assert_eq!(files_under(&out), ["2023/tinh/nq.json", "2024/kh.json"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("2024/kh.json"))
            .expect("output")
            .permissions()
            .mode();
        // The process's umask, as Linux reports it (022 elsewhere, the usual one).
        let umask = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("Umask:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .unwrap_or(0o022);
        assert_eq!(
            mode & 0o777,
            0o666 & !umask,
            "outputs are created like any new file, not private temporaries"
        );
    }
    for f in ["2023/tinh/nq.json", "2024/kh.json"] {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(f)).expect("read"))
                .expect("valid JSON");
        assert_eq!(v["schema_version"], 1);
    }
    assert_eq!(
        std::fs::read_to_string(input.join("2024/kh.txt"))
            .expect("input kept")
            .lines()
            .count(),
        4
    );
}

#[test]
fn csv_has_one_row_per_measure() {
    let o = run(&["convert", "-", "--to", "csv"], Some(seed().as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("CSV");
    assert_eq!(rows.len(), 39);
    assert_eq!(&rows[0][2], "Tốc độ tăng trưởng GRDP");
    assert_eq!(&rows[0][3], "14.5");
}

#[test]
fn ndjson_from_stdin_is_one_line() {
    let o = run(&["convert", "--to", "ndjson"], Some(seed().as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(text.trim_end()).expect("JSON");
    assert_eq!(v["indicators"].as_array().map(Vec::len), Some(15));
}

#[test]
fn check_prints_file_line_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Câu bị cắt ở\n\n- 2 -\n\ngiữa trang.\n").expect("write");
    let o = run(&["check", f.to_str().unwrap_or_default()], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with(&format!(
            "{}:3:1: warning: dropped a lone page number",
            f.display()
        )),
        "{out}"
    );
    assert!(out.contains("  | - 2 -\n  | ^"), "{out}");
    assert_eq!(o.status.code(), Some(0));
    // Old Mac line ends (a lone CR): the line shown is the one the diagnostic names.
    std::fs::write(&f, "Câu bị cắt ở\r\r- 2 -\r\rgiữa trang.\r").expect("write");
    let o = run(&["check", f.to_str().unwrap_or_default()], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains(":3:1: warning: dropped a lone page number"),
        "{out}"
    );
    assert!(out.contains("  | - 2 -\n  | ^"), "{out}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        run(&["convert", "--to", "yaml"], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, "x").expect("write");
    std::fs::write(&b, "y").expect("write");
    let o = run(
        &[
            "convert",
            a.to_str().unwrap_or_default(),
            b.to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "several inputs to one JSON stream"
    );
}

#[test]
fn empty_input_is_a_valid_empty_document() {
    let o = run(&["convert", "-"], Some(b""));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["body"], serde_json::json!([]));
    assert_eq!(v["signature"], serde_json::Value::Null);
}

#[test]
fn several_folders_keep_their_names_and_clashes_are_reported() {
    let root = tempfile::tempdir().expect("temp dir");
    for d in ["a/x", "b/x"] {
        std::fs::create_dir_all(root.path().join(d)).expect("mkdir");
        std::fs::write(
            root.path().join(d).join("n.txt"),
            "NGHỊ QUYẾT\nvề x\n\nĐoạn văn.\n",
        )
        .expect("write");
    }
    let out = root.path().join("out");
    let (a, b) = (root.path().join("a"), root.path().join("b"));
    let o = run(
        &[
            "convert",
            a.to_str().unwrap_or_default(),
            b.to_str().unwrap_or_default(),
            "--out-dir",
            out.to_str().unwrap_or_default(),
            "--to",
            "markdown",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(files_under(&out), ["a/x/n.md", "b/x/n.md"]);
    let o = run(
        &[
            "convert",
            a.join("x/n.txt").to_str().unwrap_or_default(),
            b.join("x/n.txt").to_str().unwrap_or_default(),
            "--out-dir",
            root.path().join("o2").to_str().unwrap_or_default(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("another input already maps to n.txt"));
}

/// Many inputs to one stream: NDJSON and CSV come out in input order (more inputs than
/// are converted at once, so across chunks), a bad file is named and skipped, and the
/// NDJSON written into a folder is the same stream.
#[test]
fn ndjson_and_csv_streams_keep_input_order_across_chunks() {
    let root = tempfile::tempdir().expect("temp dir");
    let input = root.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let n = 150;
    for i in 0..n {
        let text = format!(
            "NGHỊ QUYẾT\nvề văn bản số {i}\n\nI. MỤC TIÊU\n2. Chỉ tiêu\n(1) Tỷ lệ số {i} đạt {i}%.\n"
        );
        std::fs::write(input.join(format!("{i:03}.txt")), text).expect("write");
    }
    std::fs::write(input.join("075b.txt"), b"Ngh\xe9 quy\xe9t").expect("write");
    let dir = input.to_str().expect("path");

    let o = run(&["convert", dir, "--to", "ndjson"], None);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("075b.txt"), "{stderr}");
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    let subjects: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON document a line");
            v["metadata"]["subject"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..n).map(|i| format!("về văn bản số {i}")).collect();
    assert_eq!(subjects, want);

    let o = run(&["convert", dir, "--to", "csv"], None);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let values: Vec<String> = r
        .records()
        .map(|row| row.expect("CSV row")[3].to_string())
        .collect();
    let want: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    assert_eq!(values, want);

    let out = root.path().join("out");
    let o = run(
        &[
            "convert",
            dir,
            "--to",
            "ndjson",
            "--out-dir",
            out.to_str().expect("path"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(files_under(&out), ["documents.ndjson"]);
    let written = std::fs::read_to_string(out.join("documents.ndjson")).expect("read");
    let streamed = run(&["convert", dir, "--to", "ndjson"], None).stdout;
    assert_eq!(written.as_bytes(), &streamed[..]);
}
