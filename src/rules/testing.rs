//! Test helpers for rules: run one rule on a text and compare what it
//! proposes, as text, with what is expected.

use super::{Candidate, Rule};
use crate::text::Document;

/// A candidate as text: "cue | source | content" ("-" for none).
fn show(doc: &Document, c: &Candidate) -> String {
    let part = |r: &std::ops::Range<usize>| doc.span(r.clone()).text(doc.text).to_owned();
    let source = c.source.as_ref().map_or("-".to_owned(), |m| part(&m.tokens));
    let content = if c.content.is_empty() {
        "-".to_owned()
    } else {
        c.content.iter().map(part).collect::<Vec<_>>().join(" … ")
    };
    format!("{} | {} | {}", part(&c.cue), source, content)
}

/// Runs `rule` on `text` and returns its candidates as text.
pub fn found(rule: &dyn Rule, text: &str) -> Vec<String> {
    let doc = Document::new(text);
    let mut out = Vec::new();
    rule.find(&doc, &mut out);
    out.iter().map(|c| show(&doc, c)).collect()
}

/// Asserts that `rule` proposes exactly `expected` ("cue | source |
/// content" each) for `text`.
#[track_caller]
pub fn assert_finds(rule: &dyn Rule, text: &str, expected: &[&str]) {
    let got = found(rule, text);
    assert_eq!(got, expected, "rule {} on {text:?}", rule.name());
}

/// Asserts that `rule` proposes nothing for `text`.
#[track_caller]
pub fn assert_none(rule: &dyn Rule, text: &str) {
    let got = found(rule, text);
    assert!(got.is_empty(), "rule {} should find nothing in {text:?}, found {got:?}", rule.name());
}
