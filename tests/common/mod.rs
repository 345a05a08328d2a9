//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The `../shared` folder next to the repository, or `$SOURCELIGHT_SHARED`;
/// `None` (with a message saying the test is skipped) when it is absent.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("SOURCELIGHT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared"));
    if dir.join("eval").join("score.py").exists() {
        Some(dir)
    } else {
        eprintln!("SKIPPED {test}: {} is absent (set SOURCELIGHT_SHARED to the shared data folder)", dir.display());
        None
    }
}

/// Runs the `sourcelight` binary with `args`, feeding `stdin`.
pub fn sourcelight(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().expect("stdin written");
    out
}

/// A temporary file holding `bytes`, removed when dropped.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("sourcelight-test-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("temp file written");
        TempFile(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Scores predictions (JSON lines) against a gold file with `score.py`,
/// returning its printed report.
pub fn score(shared: &std::path::Path, gold: &std::path::Path, predictions: &[u8], extra: &[&str]) -> String {
    let pred = TempFile::new("pred.jsonl", predictions);
    let out = Command::new("python3")
        .arg(shared.join("eval").join("score.py"))
        .arg(gold)
        .arg(pred.path())
        .args(extra)
        .output()
        .expect("python3 runs score.py");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 scores")
}

/// The command line's input for a gold file: its documents without their
/// annotation, one `{"id", "text"}` a line.
pub fn texts_of(gold: &std::path::Path) -> String {
    let gold_text = std::fs::read_to_string(gold).expect("gold is readable");
    let mut input = String::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold is JSON");
        input.push_str(&serde_json::json!({"id": doc["id"], "text": doc["text"]}).to_string());
        input.push('\n');
    }
    input
}
