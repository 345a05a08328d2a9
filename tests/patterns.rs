//! The attribution and hedge patterns sourcelight must find, as a table:
//! `tests/data/patterns.txt` holds sentences and the findings expected in
//! each, one per line, and each case must produce exactly those findings
//! from the rules alone (the learned layer is measured on annotated news:
//! see `tests/learned.rs` and QUALITY.md).
#![cfg(not(target_arch = "wasm32"))]

use sourcelight::learn::Settings;
use sourcelight::{analyze_with, Finding, Kind};

/// A finding written the way the table writes it:
/// `kind | cue | source (type: name) | content`, with `-` for none.
fn describe(f: &Finding) -> String {
    let kind = match (f.kind, f.reason) {
        (Kind::Attribution, _) => "attribution".to_owned(),
        (Kind::Unverified, Some(r)) => format!("unverified {}", format!("{r:?}").to_lowercase()),
        (Kind::Unverified, None) => "unverified".to_owned(),
    };
    let source = f.source.as_ref().map_or("-".to_owned(), |s| {
        format!("{} ({}: {})", s.text, format!("{:?}", s.source_type).to_lowercase(), s.name)
    });
    let content = f.content.as_ref().map_or("-".to_owned(), |c| c.text.clone());
    let loaded = if f.loaded.is_some() { " [loaded]" } else { "" };
    format!("{kind} | {}{loaded} | {source} | {content}", f.cue.text)
}

#[test]
fn every_pattern_in_the_table() {
    let table = include_str!("data/patterns.txt");
    let mut failures = Vec::new();
    let mut cases = 0;
    for block in table.split("\n> ").skip(1) {
        let mut lines = block.lines();
        let mut text = lines.next().unwrap_or_default().to_owned();
        let mut expected = Vec::new();
        for line in lines {
            if let Some(more) = line.strip_prefix(">> ") {
                text.push('\n');
                text.push_str(more); // a further paragraph of the same text
            } else if !line.trim().is_empty() && !line.starts_with('#') && line.trim() != "none" {
                expected.push(line.trim().to_owned());
            }
        }
        cases += 1;
        let rules_only = Settings { learned: false, ..Settings::default() };
        let found: Vec<String> = analyze_with(&text, rules_only).findings.iter().map(describe).collect();
        if found != expected {
            failures.push(format!(
                "> {text}\n  expected:\n    {}\n  found:\n    {}",
                expected.join("\n    "),
                found.join("\n    ")
            ));
        }
    }
    assert!(cases > 40, "the table has {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} cases differ:\n\n{}", failures.len(), failures.join("\n\n"));
}
