//! Where a cue or a source begins and ends, as annotators mark them.
//!
//! The rules find the core of a cue ("said", "accused") and the mention
//! that names a source ("Brian Fallon"). Annotators also take in the words
//! around them that belong to the attribution: adverbs and phrases of the
//! cue ("also said", "said in an interview", "accused ... of"), the
//! apposition of a source ("Brian Fallon, the campaign's press
//! secretary"). The taggers have learned those habits word by word; here
//! a cue or source grows over the adjacent words they give at least one
//! half, never over another finding's cue. The content gives up any words
//! the cue or source then cover.

use std::ops::Range;

use super::propose::BETWEEN_SUBJECT_AND_VERB;
use crate::lexicon::Class;
use crate::rules::Candidate;
use crate::text::{Document, TokenKind};

/// A word the tagger gives at least this probability joins the span next to it.
const JOIN: f32 = 0.35;

/// Closed-class words, which end no source.
const FUNCTION: u32 = Class::Preposition.bit()
    | Class::Conjunction.bit()
    | Class::Determiner.bit()
    | Class::Relative.bit()
    | Class::Function.bit()
    | Class::Aux.bit();

/// The most words a span grows by on one side.
const MAX_GROWTH: usize = 30;

/// Widens `c`'s cue and source, given the taggers' probabilities per token,
/// never over the tokens `taken` marks (the cues of the other findings);
/// marks the cue's new tokens as taken.
pub fn widen(
    doc: &Document,
    c: &mut Candidate,
    taken: &mut [bool],
    cue_p: &dyn Fn(usize) -> f32,
    source_p: &dyn Fn(usize) -> f32,
) {
    let Some(source) = c.source.as_ref().map(|m| m.tokens.clone()) else { return };
    let sentence = doc.sentence_around(c.cue.start);
    let mut cue = grow(doc, c.cue.clone(), &source, taken, sentence.clone(), cue_p, false);
    // on its left a cue takes what stands between a subject and its verb
    // ("has also said"), not the end of a subject's phrase ("who favor
    // free [trade] agree")
    while cue.start < c.cue.start && !between_subject_and_verb(doc, cue.start) {
        cue.start += 1;
    }
    // nor does it end inside a phrase it took part of: "said in a
    // [statement]" is "said"
    if cue.end > c.cue.end && doc.any_class(cue.end - 1, Class::Determiner.bit() | Class::Conjunction.bit()) {
        cue.end -= 1;
        while cue.end > c.cue.end && (!doc.is_word(cue.end - 1) || doc.any_class(cue.end - 1, FUNCTION)) {
            cue.end -= 1;
        }
    }
    taken[cue.clone()].iter_mut().for_each(|t| *t = true);
    let mut words = grow(doc, source.clone(), &cue, taken, sentence, source_p, true);
    // an apposition ends in a word of its own, not "including" or "of"
    while words.end > source.end && (!doc.is_word(words.end - 1) || doc.any_class(words.end - 1, FUNCTION)) {
        words.end -= 1;
    }
    // and it closes: at the cue, or at a comma, dash or bracket
    let closed = words.end == cue.start || doc.is(words.end, &[",", ")", "—", "–"]);
    if !closed {
        words.end = source.end;
    }
    c.cue = cue.clone();
    if words != source {
        c.source_words = Some(words.clone());
    }
    let content = std::mem::take(&mut c.content);
    c.content = content
        .into_iter()
        .flat_map(|f| outside(f, &cue))
        .flat_map(|f| outside(f, &words))
        .filter(|f| !f.is_empty())
        .collect();
}

/// True for a word that may stand between a subject and its verb: an
/// auxiliary, a modal, an adverb, a negation, or another verb.
fn between_subject_and_verb(doc: &Document, k: usize) -> bool {
    doc.any_class(k, BETWEEN_SUBJECT_AND_VERB) || doc.verb(k).is_some() || doc.norm(k).ends_with("ly")
}

/// `span` grown on both sides over words with a probability of at least
/// [`JOIN`], within `sentence` and never into `other` or a `taken` token. With `bridge`, one
/// punctuation mark between two such words is taken too on the right
/// ("Fallon, the"); on the left a comma ends the span ("Speaking in Kyiv,
/// Zelensky").
fn grow(
    doc: &Document,
    span: Range<usize>,
    other: &Range<usize>,
    taken: &[bool],
    sentence: Range<usize>,
    p: &dyn Fn(usize) -> f32,
    bridge: bool,
) -> Range<usize> {
    let free = |k: usize| !other.contains(&k) && !taken[k] && sentence.contains(&k);
    let joins = |k: usize| free(k) && p(k) >= JOIN;
    let bridges = |k: usize| bridge && free(k) && doc.token(k).kind != TokenKind::Word;
    let (mut start, mut end) = (span.start, span.end);
    let mut grown = 0;
    while grown < MAX_GROWTH && start > sentence.start {
        if joins(start - 1) {
            start -= 1;
        } else {
            break;
        }
        grown += 1;
    }
    grown = 0;
    while grown < MAX_GROWTH && end < sentence.end {
        if joins(end) {
            end += 1;
        } else if bridges(end) && end + 1 < sentence.end && joins(end + 1) {
            end += 2;
        } else {
            break;
        }
        grown += 1;
    }
    start..end
}

/// The parts of `fragment` outside `taken`: none, one, or two when `taken`
/// lies strictly inside it.
fn outside(fragment: Range<usize>, taken: &Range<usize>) -> Vec<Range<usize>> {
    if taken.end <= fragment.start || fragment.end <= taken.start {
        return vec![fragment];
    }
    [fragment.start..taken.start.max(fragment.start), taken.end.min(fragment.end)..fragment.end]
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::outside;

    #[test]
    fn what_is_outside_a_span() {
        assert_eq!(outside(0..5, &(7..9)), vec![0..5]);
        assert_eq!(outside(0..5, &(0..2)), vec![2..5]);
        assert_eq!(outside(0..5, &(3..9)), vec![0..3]);
        assert_eq!(outside(0..9, &(3..5)), vec![0..3, 5..9]);
        assert!(outside(3..5, &(0..9)).is_empty());
    }
}
