//! Attributions the rules did not propose, from the cue tagger: runs of
//! words the tagger takes for a cue, with the source and content found
//! around them the way the rules find them.

use std::ops::Range;

use crate::lexicon::Class;
use crate::rules::{clause, Candidate};
use crate::source::mention::{self, Mention};
use crate::text::Document;

/// The rule name of the tagger's proposals.
pub const RULE: &str = "model";

/// A word the tagger gives at least this probability may start or continue
/// a proposed cue; the scorer then decides whether it is kept.
pub const PROPOSE: f32 = 0.3;

/// Words between a subject and its verb: "has long questioned".
const BETWEEN_SUBJECT_AND_VERB: u32 = Class::Aux.bit()
    | Class::Modal.bit()
    | Class::Adverb.bit()
    | Class::Negation.bit()
    | Class::Be.bit()
    | Class::Perfect.bit()
    | Class::Do.bit();

/// Adds a candidate for every run of words with a cue probability of at
/// least [`PROPOSE`] that no rule's attribution cue covers and that has a
/// source.
pub fn cues(doc: &Document, probability: &[f32], taken: &[Candidate], out: &mut Vec<Candidate>) {
    let mut covered = vec![false; doc.len()];
    for c in taken {
        for t in c.cue.clone() {
            covered[t] = true;
        }
    }
    let open = |i: usize| probability[i] >= PROPOSE && !covered[i];
    let mut i = 0;
    while i < doc.len() {
        if !open(i) {
            i += 1;
            continue;
        }
        let sentence = doc.sentence_around(i);
        let mut end = i + 1;
        while end < sentence.end && open(end) {
            end += 1;
        }
        let cue = i..end;
        i = end;
        if let Some(source) = source_of(doc, &cue, sentence.clone()) {
            let mut content = clause::content_after(doc, cue.end);
            if content.is_empty() {
                content = clause::content_before(doc, source.tokens.start.min(cue.start));
            }
            let mut c = Candidate::attribution(RULE, cue, source, content);
            c.loaded = doc.verb(c.cue.start).and_then(|v| v.judgement());
            out.push(c);
        }
    }
}

/// The source of a proposed cue: the subject right before it, else the
/// subject of its clause, else a mention right after it.
fn source_of(doc: &Document, cue: &Range<usize>, sentence: Range<usize>) -> Option<Mention> {
    let mut end = cue.start;
    while end > sentence.start && doc.any_class(end - 1, BETWEEN_SUBJECT_AND_VERB) {
        end -= 1;
    }
    mention::before(doc, end, sentence.start)
        .or_else(|| mention::joined_clause_subject(doc, sentence.start, cue.start))
        .or_else(|| mention::clause_subject(doc, sentence.clone(), cue.start))
        .or_else(|| mention::after(doc, cue.end, sentence.end))
        .filter(|m| m.tokens.end <= cue.start || m.tokens.start >= cue.end)
}
