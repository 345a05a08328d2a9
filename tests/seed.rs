//! The seed article, scored: runs `sourcelight analyze --jsonl` on the seed
//! article and scores the output with `../shared/eval/score.py` against the
//! hand annotation, printing the figures, and fails below the floors
//! (relation F1 0.95, hedge F1 0.90, source types 0.95). Skips when
//! `../shared` is absent.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{score, shared, sourcelight, texts_of};

#[test]
fn seed_article_scores() {
    let Some(shared) = shared("seed_article_scores") else { return };
    let gold = shared.join("corpus").join("seed-article.gold.jsonl");
    let out = sourcelight(&["analyze", "--jsonl"], texts_of(&gold).as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = score(&shared, &gold, &out.stdout, &[]);
    println!("seed article, scored by score.py:\n{report}");
    eprintln!("seed article, scored by score.py:\n{report}");
    // the floors the product promises on its reference article
    let figures: serde_json::Value =
        serde_json::from_str(&score(&shared, &gold, &out.stdout, &["--json"])).expect("score.py --json");
    let relation = figures["relation"]["f1"].as_f64().unwrap();
    let hedge = figures["hedge"]["f1"].as_f64().unwrap();
    let types = figures["source_type"]["accuracy"].as_f64().unwrap();
    assert!(relation >= 0.95, "relation F1 {relation} < 0.95");
    assert!(hedge >= 0.90, "hedge F1 {hedge} < 0.90");
    assert!(types >= 0.95, "source-type accuracy {types} < 0.95");
}
