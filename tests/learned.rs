//! The learned layer against what is committed: the model file is what the
//! trainer writes from `polnear-train` (byte for byte), and the engine's
//! PolNeAR dev figures with it are the ones QUALITY.md reports. Both skip
//! when `../shared` is absent; that the model loads is a unit test of
//! `src/learn/mod.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;

use common::{score, shared, sourcelight, texts_of, TempFile};

const MODEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/model/sourcelight.model");

#[test]
fn the_trainer_writes_the_committed_model() {
    let Some(shared) = shared("the_trainer_writes_the_committed_model") else { return };
    let out = TempFile::new("trained.model", b"");
    let run = Command::new(env!("CARGO_BIN_EXE_train"))
        .arg(shared.join("eval").join("polnear-train.jsonl"))
        .args(["--out", out.path()])
        .output()
        .expect("the trainer runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let trained = std::fs::read(&out.0).expect("model written");
    let committed = std::fs::read(MODEL).expect("model committed");
    assert!(
        trained == committed,
        "model/sourcelight.model is not what `cargo run --release --bin train -- ../shared/eval/polnear-train.jsonl` \
         writes ({} bytes trained, {} committed): train again and commit",
        trained.len(),
        committed.len()
    );
}

#[test]
fn dev_figures_are_those_in_quality_md() {
    let Some(shared) = shared("dev_figures_are_those_in_quality_md") else { return };
    let gold = shared.join("eval").join("polnear-dev.jsonl");
    let out = sourcelight(&["analyze", "--jsonl"], texts_of(&gold).as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = score(&shared, &gold, &out.stdout, &[]);
    let relation = report.lines().find(|l| l.starts_with("relation")).expect("a relation line");
    println!("PolNeAR dev, default settings:\n{report}");
    let quality = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/QUALITY.md")).expect("QUALITY.md");
    let reported = quality.lines().find(|l| l.starts_with("relation")).expect("QUALITY.md has a relation line");
    assert_eq!(relation, reported, "QUALITY.md is stale: run python3 scripts/quality.py");
}
