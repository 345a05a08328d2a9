//! What the trainer learns from: the features of every token and of every
//! candidate, with their spans, so that `src/bin/train.rs` can label them
//! from the annotation. Native only; the learning itself is in the trainer.

use super::model::Pair;
use super::{features, Layer};
use crate::analyze::{rule_candidates, settle_and_inherit};
use crate::text::Document;
use crate::Span;

/// One thing a model scores, with its features.
pub struct Example {
    /// The features' hashes.
    pub features: Vec<u32>,
    /// The token, or the candidate's cue, in bytes.
    pub cue: Span,
    /// The candidate's source, in bytes, if it has one.
    pub source: Option<Span>,
    /// The rule that proposed the candidate ("" for tokens).
    pub rule: &'static str,
}

/// The cue tagger's examples: every word of `text`.
pub fn tokens(text: &str) -> Vec<Example> {
    let doc = Document::new(text);
    let candidates = rule_candidates(&doc);
    let table = features::TokenTable::new(&doc, &candidates);
    (0..doc.len())
        .filter(|&i| features::taggable(&doc, i))
        .map(|i| {
            let mut out = Vec::new();
            features::token(&doc, &table, i, &mut out);
            Example { features: out, cue: doc.token(i).span, source: None, rule: "" }
        })
        .collect()
}

/// The scorer's examples: every attribution the engine would judge in
/// `text`, with the rules and the proposals of the taggers.
pub fn candidates(text: &str, taggers: &Pair) -> Vec<Example> {
    let doc = Document::new(text);
    let mut candidates = rule_candidates(&doc);
    let layer = Layer::new(&doc, &candidates, taggers);
    layer.propose(&doc, &mut candidates);
    let kept = settle_and_inherit(&doc, candidates);
    let mut examples = Vec::new();
    for c in kept.iter().filter(|c| super::scored(c)) {
        let mut out = Vec::new();
        layer.features(&doc, c, &mut out);
        examples.push(Example {
            features: out,
            cue: doc.span(c.cue.clone()),
            source: c.source.as_ref().map(|m| doc.span(m.tokens.clone())),
            rule: c.rule,
        });
    }
    examples
}
