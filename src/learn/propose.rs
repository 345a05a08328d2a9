//! Attributions the rules did not propose, from the cue tagger: runs of
//! words the tagger takes for a cue, with the source and content found
//! around them the way the rules find them.

use std::ops::Range;

use crate::lexicon::{Class, Verb};
use crate::rules::{clause, Candidate};
use crate::source::mention::{self, Form, Mention};
use crate::text::{Document, TokenKind};

/// The rule name of the tagger's proposals.
pub const RULE: &str = "model";

/// A word the tagger gives at least this probability may be part of a
/// proposed cue ...
pub const EXTEND: f32 = 0.2;

/// ... when some word of the run, one that can carry a cue by itself, has
/// at least this one. The scorer then decides whether it is kept.
pub const PROPOSE: f32 = 0.25;

/// Words that carry no cue by themselves: "does", "have", "not", "rapidly".
const NOT_A_CUE_ALONE: u32 = BETWEEN_SUBJECT_AND_VERB
    | Class::Pronoun.bit()
    | Class::Determiner.bit()
    | Class::Preposition.bit()
    | Class::Conjunction.bit()
    | Class::Function.bit()
    | Class::Relative.bit()
    | Class::Time.bit();

/// Words that start no cue: "in", "a", "and".
const NOT_A_CUE_START: u32 = Class::Preposition.bit() | Class::Determiner.bit() | Class::Conjunction.bit();

/// Words between a subject and its verb: "has long questioned".
pub(crate) const BETWEEN_SUBJECT_AND_VERB: u32 = Class::Aux.bit()
    | Class::Modal.bit()
    | Class::Adverb.bit()
    | Class::Negation.bit()
    | Class::Be.bit()
    | Class::Perfect.bit()
    | Class::Do.bit();

/// Adds a candidate for every run of words the tagger believes in (see
/// [`PROPOSE`]) that no rule's cue covers and that has a source.
pub fn cues(
    doc: &Document,
    cue_p: &dyn Fn(usize) -> f32,
    source_p: &dyn Fn(usize) -> f32,
    taken: &[Candidate],
    out: &mut Vec<Candidate>,
) {
    let covered = crate::rules::cue_mask(doc.len(), taken);
    // a run grows from a word that can carry a cue by itself, over the
    // words around it that the tagger believes in less
    let open = |k: usize| !covered[k] && cue_p(k) >= EXTEND;
    let seed = |k: usize| !covered[k] && can_carry_a_cue(doc, k) && cue_p(k) >= PROPOSE;
    let mut i = 0;
    while i < doc.len() {
        if !seed(i) {
            i += 1;
            continue;
        }
        let sentence = doc.sentence_around(i);
        let mut start = i;
        while start > sentence.start && open(start - 1) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < sentence.end && open(end) {
            end += 1;
        }
        i = end;
        // a run right after a rule's cue goes on with it: "said [in a
        // statement]" is no cue of its own
        if start > sentence.start && covered[start - 1] {
            continue;
        }
        // nor does a cue start with a preposition (but the "to" of a verb),
        // an article or a conjunction: "[after] railing against"
        let seed_at = (start..end).find(|&k| seed(k)).unwrap_or(start);
        while start < seed_at
            && (!doc.is_word(start) || doc.any_class(start, NOT_A_CUE_START) && !doc.is(start, &["to"]))
        {
            start += 1;
        }
        // and it takes in the auxiliaries and adverbs of its verb group,
        // as annotators mark it: "[has] introduced", "[had previously] supported"
        let cue = group_start(doc, start, sentence.start)..end;
        // the rules read every "according to": where they found no source
        // ("according to plan"), there is none
        if (start..end).any(|k| doc.is(k, &["according"])) {
            continue;
        }
        // headlines are telegraphic: a participle there is rarely a cue
        if headline(doc, sentence.clone()) {
            continue;
        }
        // "X met survivors and [blasted] ...": a verb joined to the one
        // before shares its subject, which settling finds (as for the rules'
        // coordinated verbs)
        if joined(doc, &cue, sentence.start) {
            let content = clause::content_after(doc, cue.end);
            if !content.is_empty() {
                let mut c = Candidate::hearsay(RULE, cue, content);
                c.inherits_source = true;
                c.loaded = doc.verb(c.cue.start).and_then(|v| v.judgement());
                out.push(c);
            }
            continue;
        }
        // "Clinton has been harshly criticized for ...": whoever criticized
        // her is not named; she is what the claim is about
        if passive(doc, &cue, sentence.start) {
            let content = clause::content_after(doc, cue.end);
            if !content.is_empty() {
                out.push(Candidate::hearsay(RULE, cue, content));
            }
            continue;
        }
        let Some(source) = source_of(doc, &cue, sentence.clone(), source_p) else { continue };
        // the claim is on the other side of the cue from its source
        let content = if source.tokens.start >= cue.end {
            clause::content_before(doc, cue.start)
        } else {
            let after = clause::content_after(doc, cue.end);
            if after.is_empty() {
                clause::content_before(doc, source.tokens.start)
            } else {
                after
            }
        };
        let mut c = Candidate::attribution(RULE, cue, source, content);
        c.loaded = doc.verb(c.cue.start).and_then(|v| v.judgement());
        out.push(c);
    }
}

/// True when the cue follows "and" or "but", past any auxiliaries and
/// adverbs: "and has long questioned".
fn joined(doc: &Document, cue: &Range<usize>, floor: usize) -> bool {
    let k = group_start(doc, cue.start, floor);
    k > floor + 1 && doc.is(k - 1, &["and", "but"])
}

/// True when the cue is a verb in the passive with no "by" after it: "is
/// expected", "has been harshly criticized".
fn passive(doc: &Document, cue: &Range<usize>, floor: usize) -> bool {
    let last = cue.end - 1;
    let participle = doc.verb(last).map_or(doc.norm(last).ends_with("ed"), |v| v.is(Verb::PARTICIPLE));
    let k = group_start(doc, cue.start, floor);
    participle && (k..last).any(|i| doc.class(i, Class::Be)) && !doc.is(cue.end, &["by"])
}

/// Where the verb group of a cue at `start` starts: before the auxiliaries
/// and adverbs in front of it ("has been harshly [criticized]").
fn group_start(doc: &Document, start: usize, floor: usize) -> usize {
    clause::verb_group(doc, start, floor).cue.start
}

/// True when token `i` is a word that can carry a cue by itself: not a
/// function word, an auxiliary or an adverb.
pub fn can_carry_a_cue(doc: &Document, i: usize) -> bool {
    doc.is_word(i) && !doc.any_class(i, NOT_A_CUE_ALONE)
}

/// True when `sentence` is a headline: in title case, or a paragraph of its
/// own with no final punctuation.
fn headline(doc: &Document, sentence: Range<usize>) -> bool {
    if doc.title_case(sentence.start) {
        return true;
    }
    let paragraph = doc.paragraph_around(sentence.start);
    let last = sentence.end - 1;
    let ends_a_sentence = doc.is(last, &[".", "!", "?", "…", ":"])
        || matches!(doc.token(last).kind, TokenKind::Quote(_))
            && last.checked_sub(1).is_some_and(|p| doc.is(p, &[".", "!", "?", "…", ","]));
    paragraph == sentence && !ends_a_sentence
}

/// The source of a proposed cue: of the mentions where the rules would look
/// (the subject right before it, the subject of its clause, a mention right
/// after it) and the run of words the source tagger believes in nearest to
/// it, the one the source tagger believes in most.
fn source_of(
    doc: &Document,
    cue: &Range<usize>,
    sentence: Range<usize>,
    source_p: &dyn Fn(usize) -> f32,
) -> Option<Mention> {
    let end = group_start(doc, cue.start, sentence.start);
    let subject = mention::before(doc, end, sentence.start);
    // "Graham, who has publicly vowed": a relative pronoun right before the
    // verb is its subject, whatever the source tagger thinks of the word
    if let Some(m) = subject.as_ref().filter(|m| m.form == Form::Relative && m.tokens.end == end) {
        return Some(m.clone());
    }
    let candidates = [
        subject,
        mention::joined_clause_subject(doc, sentence.start, cue.start),
        mention::clause_subject(doc, sentence.clone(), cue.start),
        mention::after(doc, cue.end, sentence.end),
        tagged_run(doc, cue, sentence, source_p),
    ];
    let belief = |m: &Mention| m.tokens.clone().map(source_p).sum::<f32>() / m.tokens.len() as f32;
    let found: Vec<Mention> = candidates
        .into_iter()
        .flatten()
        .filter(|m| !m.tokens.is_empty() && (m.tokens.end <= cue.start || m.tokens.start >= cue.end))
        .collect();
    let best = found.iter().max_by(|a, b| belief(a).total_cmp(&belief(b)))?;
    // a phrase the rules read around the words believed in is the whole
    // name: "the Joint Committee on Intelligence and Security", not "Security"
    let within =
        |m: &&Mention| m.form == Form::Phrase && m.tokens.start <= best.tokens.start && best.tokens.end <= m.tokens.end;
    found.iter().filter(within).max_by_key(|m| m.tokens.len()).or(Some(best)).cloned()
}

/// The run of words in the sentence that the source tagger gives at least
/// one half, nearest to the cue.
fn tagged_run(
    doc: &Document,
    cue: &Range<usize>,
    sentence: Range<usize>,
    source_p: &dyn Fn(usize) -> f32,
) -> Option<Mention> {
    let believed = |k: usize| source_p(k) >= 0.5;
    // outwards from the cue, the word before it first at equal distance;
    // the words further away are never tagged
    let nearest = (1..sentence.len()).find_map(|d| {
        let before = cue.start.checked_sub(d).filter(|&k| k >= sentence.start && believed(k));
        before.or_else(|| Some(cue.end - 1 + d).filter(|&k| k < sentence.end && believed(k)))
    })?;
    let (mut a, mut b) = (nearest, nearest + 1);
    while a > sentence.start && believed(a - 1) && !cue.contains(&(a - 1)) {
        a -= 1;
    }
    while b < sentence.end && believed(b) && !cue.contains(&b) {
        b += 1;
    }
    let form = if b - a == 1 && doc.class(a, Class::Pronoun) { Form::Pronoun } else { Form::Phrase };
    Some(Mention { tokens: a..b, form })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_joined_to_the_one_before_shares_its_subject() {
        let text = "The mayor toured the site and has repeatedly criticized the plan as reckless.";
        let doc = Document::new(text);
        let criticized = (0..doc.len()).find(|&i| doc.norm(i) == "criticized").expect("word in text");
        let cue_p = |i: usize| if i == criticized { 0.9 } else { 0.0 };
        let mut out = Vec::new();
        cues(&doc, &cue_p, &|_| 0.0, &[], &mut out);
        let [c] = out.as_slice() else { panic!("one proposal: {out:?}") };
        assert_eq!(doc.span(c.cue.clone()).text(text), "has repeatedly criticized");
        assert!(c.inherits_source && c.source.is_none(), "{c:?}");
    }

    #[test]
    fn a_passive_with_no_agent_names_no_source() {
        let text = "Clinton has been harshly criticized for the server she used.";
        let doc = Document::new(text);
        let criticized = (0..doc.len()).find(|&i| doc.norm(i) == "criticized").expect("word in text");
        let cue_p = |i: usize| if i == criticized { 0.9 } else { 0.0 };
        let source_p = |i: usize| if i == 0 { 0.9 } else { 0.0 };
        let mut out = Vec::new();
        cues(&doc, &cue_p, &source_p, &[], &mut out);
        let [c] = out.as_slice() else { panic!("one proposal: {out:?}") };
        assert!(c.source.is_none() && !c.inherits_source, "{c:?}");
        // with its agent, the passive has a source
        let text = "The plan was criticized by Senate Democrats on Monday.";
        let doc = Document::new(text);
        let criticized = (0..doc.len()).find(|&i| doc.norm(i) == "criticized").expect("word in text");
        assert!(!passive(&doc, &(criticized..criticized + 1), 0));
    }

    #[test]
    fn a_relative_pronoun_before_the_verb_is_its_source() {
        let text = "Swanson praised the preacher Franklin Graham, who has publicly vowed not to buy the cookies.";
        let doc = Document::new(text);
        let at = |w: &str| (0..doc.len()).find(|&i| doc.norm(i) == w).expect("word in text");
        let vowed = at("vowed");
        // the source tagger believes in "Swanson", not in "who"
        let swanson = at("swanson");
        let source_p = |i: usize| if i == swanson { 0.9 } else { 0.1 };
        let source = source_of(&doc, &(vowed..vowed + 1), doc.sentence_around(vowed), &source_p).expect("a source");
        assert_eq!(doc.span(source.tokens).text(text), "who");
    }

    #[test]
    fn the_source_is_the_whole_phrase_around_the_words_believed_in() {
        let text = "Since then the Joint Committee on Intelligence and Security has pointed out a flaw.";
        let doc = Document::new(text);
        let at = |w: &str| (0..doc.len()).find(|&i| doc.norm(i) == w).expect("word in text");
        let cue = at("pointed")..at("out") + 1;
        // the source tagger believes in "Security" alone
        let security = at("security");
        let source_p = |i: usize| if i == security { 0.9 } else { 0.1 };
        let source = source_of(&doc, &cue, doc.sentence_around(cue.start), &source_p).expect("a source");
        assert_eq!(doc.span(source.tokens).text(text), "the Joint Committee on Intelligence and Security");
    }
}
