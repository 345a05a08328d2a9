//! Where a cue or a source begins and ends, as annotators mark them.
//!
//! The rules find the core of a cue ("said", "accused") and the mention
//! that names a source ("Brian Fallon"). Annotators also take in the words
//! around them that belong to the attribution: adverbs and phrases of the
//! cue ("also said", "said in an interview", "accused ... of"), the
//! apposition of a source ("Brian Fallon, the campaign's press
//! secretary"). The taggers have learned those habits word by word; here
//! a cue or source grows over the adjacent words they give at least one
//! half. The content gives up any words the cue then covers.

use std::ops::Range;

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

/// Widens `c`'s cue and source, given the taggers' probabilities per token.
pub fn widen(doc: &Document, c: &mut Candidate, cue_p: &dyn Fn(usize) -> f32, source_p: &dyn Fn(usize) -> f32) {
    let Some(source) = c.source.as_ref().map(|m| m.tokens.clone()) else { return };
    let sentence = doc.sentence_around(c.cue.start);
    let cue = grow(doc, c.cue.clone(), &source, sentence.clone(), cue_p, false);
    let mut words = grow(doc, source.clone(), &cue, sentence, source_p, true);
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
    for fragment in &mut c.content {
        *fragment = outside(fragment.clone(), &cue);
        *fragment = outside(fragment.clone(), &words);
    }
    c.content.retain(|f| !f.is_empty());
}

/// `span` grown on both sides over words with a probability of at least
/// [`JOIN`], within `sentence` and never into `other`. With `bridge`, one
/// punctuation mark between two such words is taken too on the right
/// ("Fallon, the"); on the left a comma ends the span ("Speaking in Kyiv,
/// Zelensky").
fn grow(
    doc: &Document,
    span: Range<usize>,
    other: &Range<usize>,
    sentence: Range<usize>,
    p: &dyn Fn(usize) -> f32,
    bridge: bool,
) -> Range<usize> {
    let free = |k: usize| !other.contains(&k) && sentence.contains(&k);
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

/// The part of `fragment` outside `taken`, when `taken` covers one of its
/// ends; a fragment that holds `taken` inside it is left whole.
fn outside(fragment: Range<usize>, taken: &Range<usize>) -> Range<usize> {
    if taken.start <= fragment.start && fragment.start < taken.end {
        taken.end.min(fragment.end)..fragment.end
    } else if taken.start < fragment.end && fragment.end <= taken.end {
        fragment.start..taken.start.max(fragment.start)
    } else {
        fragment
    }
}
