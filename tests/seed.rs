//! The seed article, scored: runs `sourcelight analyze --jsonl` on the seed
//! article and scores the output with `../shared/eval/score.py` against the
//! hand annotation, printing the figures. Skips when `../shared` is absent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{score, shared, sourcelight};

#[test]
fn seed_article_scores() {
    let Some(shared) = shared("seed_article_scores") else { return };
    let gold = shared.join("corpus").join("seed-article.gold.jsonl");
    let gold_text = std::fs::read_to_string(&gold).expect("seed gold is readable");
    // the command line's input: the gold documents without their annotation
    let mut input = String::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("gold is JSON");
        input.push_str(&serde_json::json!({"id": doc["id"], "text": doc["text"]}).to_string());
        input.push('\n');
    }
    let out = sourcelight(&["analyze", "--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = score(&shared, &gold, &out.stdout, &[]);
    println!("seed article, scored by score.py:\n{report}");
    eprintln!("seed article, scored by score.py:\n{report}");
}
