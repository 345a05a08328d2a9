//! The command line, run as a process: readable output, `--json`,
//! `--jsonl` streaming, and clear errors for bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{sourcelight, TempFile};

const ARTICLE: &str =
    "“We will win,” Ukrainian President Volodymyr Zelensky said.\nIt appears the talks failed, according to Reuters.\n";

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn readable_output_names_sources_and_cues() {
    let file = TempFile::new("article.txt", ARTICLE.as_bytes());
    let out = sourcelight(&["analyze", file.path()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("said <- Ukrainian President Volodymyr Zelensky (person: Volodymyr Zelensky)"), "{text}");
    assert!(text.contains("according to <- Reuters (media: Reuters)"), "{text}");
    assert!(text.contains("it appears ! hedge") || text.contains("It appears ! hedge"), "{text}");
    assert!(!text.contains('\x1b'), "no colour codes when not on a terminal");
    let colored = sourcelight(&["analyze", "--color", file.path()], b"");
    assert!(stdout(&colored).contains("\x1b[1;33msaid\x1b[0m"));
}

#[test]
fn json_counts_code_points() {
    let text = "🙂 “Ça va,” Zoë said.";
    let out = sourcelight(&["analyze", "--json", "-"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let f = &report["findings"][0];
    let chars: Vec<char> = text.chars().collect();
    let slice = |part: &serde_json::Value| -> String {
        chars[part["start"].as_u64().unwrap() as usize..part["end"].as_u64().unwrap() as usize].iter().collect()
    };
    assert_eq!(slice(&f["cue"]), "said");
    assert_eq!(slice(&f["source"]), "Zoë");
    assert_eq!(f["source"]["type"], "person");
    assert_eq!(f["kind"], "attribution");
    assert_eq!(slice(&f["content"]), "Ça va");
}

#[test]
fn jsonl_writes_one_line_per_document_in_order() {
    let input = "{\"id\": \"a\", \"text\": \"The port closed, officials said.\"}\n\n{\"id\": 7, \"text\": \"\"}\n{\"id\": \"c\", \"text\": \"Nothing here.\"}\n";
    let out = sourcelight(&["analyze", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["findings"][0]["source"]["type"], "unnamed");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["findings"], serde_json::json!([]));
    assert_eq!(lines[2]["id"], "c");
}

#[test]
fn a_bad_jsonl_line_is_reported_and_the_others_still_analysed() {
    let mut input = b"{\"id\": \"a\", \"text\": \"X, she said.\"}\n{not json}\n".to_vec();
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"caf\xff\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": \"Y, he said.\"}\n");
    let out = sourcelight(&["analyze", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert!(lines[2]["error"].as_str().unwrap().contains("line 3: invalid UTF-8"));
    assert_eq!(lines[3]["id"], "d");
    assert_eq!(lines[3]["findings"][0]["cue"]["text"], "said");
    let err = stderr(&out);
    assert!(err.contains("line 2") && err.contains("2 of 4 lines failed"), "{err}");
}

#[test]
fn bad_files_are_named_in_the_error() {
    let out = sourcelight(&["analyze", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /no/such/file.txt"), "{}", stderr(&out));

    let file = TempFile::new("latin1.txt", b"caf\xe9 said");
    let out = sourcelight(&["analyze", file.path()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is not valid UTF-8 (at byte 3)"), "{}", stderr(&out));

    let out = sourcelight(&["analyse"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown command 'analyse'"));
}

#[test]
fn a_ten_megabyte_jsonl_stream() {
    let paragraph = "“The port will close,” said Elena Marsh, according to Radio Calder. It appears talks failed. ";
    let doc = paragraph.repeat(10_000); // about 1 MB a document
    let mut input = String::new();
    for i in 0..10 {
        input.push_str(&serde_json::json!({"id": i, "text": doc}).to_string());
        input.push('\n');
    }
    assert!(input.len() > 9_000_000);
    let out = sourcelight(&["analyze", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 10);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert!(first["findings"].as_array().unwrap().len() >= 30_000);
}

#[test]
fn help_and_version() {
    let out = sourcelight(&["--help"], b"");
    assert!(out.status.success());
    assert!(stdout(&out).contains("usage: sourcelight analyze"));
    let out = sourcelight(&["--version"], b"");
    assert!(stdout(&out).starts_with("sourcelight "));
}
