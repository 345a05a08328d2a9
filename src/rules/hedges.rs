//! The writer's hedges: "it appears", "highly likely", "were expected to",
//! "possibly", and the modals of possibility ("may", "might", "could be").
//! The phrases are in `lexicon/hedges.txt`; the modals, whose other uses
//! (a "could" of ability, the month of May) are no hedge, are read here in
//! their context.

use super::clause::content_after;
use super::{Candidate, Rule};
use crate::lexicon::lexicon;
use crate::report::Reason;
use crate::text::Document;

/// The rule.
pub struct Hedges;

impl Rule for Hedges {
    fn name(&self) -> &'static str {
        "hedges"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let mut found = Vec::new();
        find_phrases(self.name(), &lexicon().hedges, Reason::Hedge, doc, &mut found);
        found.retain(|c| !(doc.is(c.cue.start, &["possible"]) && makes_possible(doc, c.cue.start)));
        found.retain(|c| !possible_to_do(doc, &c.cue) && !impression(doc, &c.cue));
        let taken = super::cue_mask(doc.len(), &found);
        for i in (0..doc.len()).filter(|&i| !taken[i] && modal_of_possibility(doc, i)) {
            found.push(Candidate::unverified(self.name(), i..i + 1, Reason::Hedge));
        }
        for c in &mut found {
            expectation(doc, c);
        }
        crate::order::by_key(&mut found, |c| c.cue.start as u64);
        out.append(&mut found);
    }
}

/// Makes the hedge `c` an attribution with no source when it is an
/// expectation in the present tense ("the bill is expected to pass",
/// "they are widely expected to win"): whose expectation the writer does
/// not say. News annotators mark "is expected" as the cue of such an
/// attribution, and what is expected as its content. Readers see it
/// flagged as a claim with no source rather than as the writer's hedge.
fn expectation(doc: &Document, c: &mut Candidate) {
    let end = c.cue.end;
    if c.cue.len() < 3 || !doc.is(c.cue.start, &["is", "are"]) || !doc.is(end - 2, &["expected"]) {
        return;
    }
    let content = content_after(doc, end - 1);
    if content.is_empty() {
        return;
    }
    *c = Candidate::hearsay(c.rule, c.cue.start..end - 1, content);
}

/// Verbs after "could" that tell of an ability, not a possibility: "he
/// could see the river", "she could only watch".
const ABILITY: &[&str] = &[
    "see",
    "hear",
    "feel",
    "smell",
    "watch",
    "only",
    "not",
    "n't",
    "never",
    "hardly",
    "barely",
    "no",
    "afford",
    "manage",
    "remember",
    "recall",
    "imagine",
    "understand",
    "tell",
    "read",
    "sleep",
    "stand",
    "walk",
    "speak",
    "reached",
    "contacted",
];

/// True when token `i` is "may", "might" or "could" saying that something is
/// possible: in lower case and before a word ("the deal may collapse",
/// "costs could rise"); not the month, not "with all its might", not a
/// "could" of ability ("she could not sleep", "he could see the river"),
/// and not "could be reached for comment", the news idiom for no answer.
fn modal_of_possibility(doc: &Document, i: usize) -> bool {
    let modal = doc.raw(i);
    if !matches!(modal, "may" | "might" | "could")
        || !doc.is_word(i + 1)
        || of_purpose(doc, i)
        || modal != "could" && inverted(doc, i)
        || as_one_might(doc, i)
        || conditional(doc, i)
    {
        return false;
    }
    let verb = if doc.is(i + 1, &["be", "have"]) { i + 2 } else { i + 1 };
    modal != "could" || !doc.is(i + 1, ABILITY) && !doc.is(verb, ABILITY)
}

/// Pronouns that can be the subject of a clause.
const SUBJECTS: &[&str] = &["i", "we", "you", "he", "she", "they", "one"];

/// True for "may" or "might" at `i` before its subject: a wish or a
/// request ("Well may we say", "might I add"), not a possibility.
fn inverted(doc: &Document, i: usize) -> bool {
    doc.is(i + 1, SUBJECTS)
}

/// True for the aside "as you might imagine", "as one may expect": the
/// writer's manner of speaking, not doubt about a claim.
fn as_one_might(doc: &Document, i: usize) -> bool {
    i >= 2 && doc.is(i - 2, &["as"]) && doc.is(i - 1, SUBJECTS)
}

/// True for the modal of a condition's outcome: "If convicted, he could
/// face ...", "the sale could fall through if ...". What may happen if
/// something else does is no doubt about what the text reports.
fn conditional(doc: &Document, i: usize) -> bool {
    let sentence = doc.sentence_around(i);
    doc.is(sentence.start, &["if", "unless"]) || (i + 1..sentence.end).take(12).any(|k| doc.is(k, &["if", "unless"]))
}

/// True when the modal at `i` tells a purpose, not a possibility: "so
/// that he could be held", "in order that they may vote", with a subject
/// of at most three words between.
fn of_purpose(doc: &Document, i: usize) -> bool {
    (i.saturating_sub(5)..i.saturating_sub(1))
        .any(|k| doc.is(k, &["so", "order"]) && doc.is(k + 1, &["that"]) && (k + 2..i).all(|w| doc.is_word(w)))
}

/// True for "possible" in "as soon as possible", "made it possible", "the
/// best possible": no doubt there.
fn makes_possible(doc: &Document, i: usize) -> bool {
    i > 0 && doc.is(i - 1, &["as", "it", "made", "make", "makes", "making", "best", "every", "everything", "all"])
}

/// True for "it's possible to book two seats": what can be done, not
/// what may be true.
fn possible_to_do(doc: &Document, cue: &std::ops::Range<usize>) -> bool {
    doc.is(cue.end - 1, &["possible"]) && doc.is(cue.end, &["to"])
}

/// True for "it seems rather slow", "it seemed so easy": the writer's
/// impression of a thing, not doubt about a claim ("it seems the talks
/// failed", "it seems that ...", "it seems to work").
fn impression(doc: &Document, cue: &std::ops::Range<usize>) -> bool {
    // words of degree, or an article before a noun of quality ("a bargain")
    const DEGREE: &[&str] =
        &["a", "an", "so", "too", "very", "quite", "rather", "pretty", "fairly", "really", "more", "less", "somewhat"];
    doc.is(cue.end - 1, &["seems", "seemed", "appears", "appeared"]) && doc.is(cue.end, DEGREE)
}

/// Proposes an unverified finding for every longest match of `list`.
pub(crate) fn find_phrases(
    rule: &'static str,
    list: &crate::lexicon::PhraseList,
    reason: Reason,
    doc: &Document,
    out: &mut Vec<Candidate>,
) {
    for sentence in &doc.sentences {
        let mut i = sentence.start;
        while i < sentence.end {
            match list.longest_at(doc.ids(), i, sentence.end) {
                Some((n, _)) => {
                    out.push(Candidate::unverified(rule, i..i + n, reason));
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn hedges_are_found() {
        assert_finds(&Hedges, "But it appears their partnership is off to a rocky start.", &["it appears | - | -"]);
        assert_finds(&Hedges, "The deployment was “highly likely”.", &["highly likely | - | -"]);
        assert_finds(&Hedges, "The soldiers were expected to participate.", &["were expected to | - | -"]);
        // an expectation nobody is named for, in the present tense
        assert_finds(&Hedges, "The bill is widely expected to pass.", &["is widely expected | - | to pass"]);
    }

    #[test]
    fn modals_of_possibility_are_hedges() {
        assert_finds(&Hedges, "The talks may collapse before Friday.", &["may | - | -"]);
        assert_finds(&Hedges, "The ceasefire might not hold.", &["might | - | -"]);
        assert_finds(&Hedges, "The vote could be delayed again.", &["could | - | -"]);
        assert_finds(&Hedges, "Officials fear the dam could well break.", &["could | - | -"]);
        assert_finds(&Hedges, "Analysts said costs could rise.", &["could | - | -"]);
    }

    #[test]
    fn words_of_likelihood_are_hedges() {
        assert_finds(&Hedges, "A second round is possible.", &["possible | - | -"]);
        assert_finds(&Hedges, "The likely winner spoke first.", &["likely | - | -"]);
        assert_finds(&Hedges, "Nobody knows whether the bridge will reopen.", &["whether | - | -"]);
        assert_finds(&Hedges, "The possibility of a strike worries the board.", &["possibility | - | -"]);
    }

    #[test]
    fn plain_statements_are_not() {
        assert_none(&Hedges, "The soldiers fled their posts on Monday.");
        // a "could" of ability, the month, a noun, a condition
        assert_none(&Hedges, "She could not sleep, and he could see the river.");
        assert_none(&Hedges, "The mayor could not be reached for comment.");
        assert_none(&Hedges, "A warrant was issued so that the driver could be held.");
        assert_none(&Hedges, "The report came out in May last year.");
        assert_none(&Hedges, "They pushed with all their might.");
        assert_none(&Hedges, "If the rain stops, the match starts.");
        // the outcome of a condition, a wish, an aside
        assert_none(&Hedges, "If convicted, he could face life in prison.");
        assert_none(&Hedges, "The sale could still fall through if financing fails.");
        assert_none(&Hedges, "Well may we say that nothing will save him.");
        assert_none(&Hedges, "It was intense, as you might imagine.");
        assert_none(&Hedges, "Send it as soon as possible; the grant made it possible.");
        // what can be done, and the writer's impression of a thing
        assert_none(&Hedges, "On the new site it's possible to book two seats together.");
        assert_none(&Hedges, "On day one it seems rather slow, but the battery lasts.");
        assert_finds(&Hedges, "It seems the talks have failed.", &["It seems | - | -"]);
    }
}
