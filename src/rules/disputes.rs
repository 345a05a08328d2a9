//! Disputes: "no evidence", "rejected the claim", "have denied". Each is an
//! unverified finding; a denial by a named source is also an attribution
//! ("accusations both Moscow and Pyongyang have denied": Moscow and
//! Pyongyang deny the accusations). The engine links each dispute to the
//! claim it disputes. The phrases are in `lexicon/disputes.txt`.

use super::clause::{content_after, reporting_verb, trimmed, verb_group};
use super::hedges::find_phrases;
use super::{Candidate, Rule};
use crate::lexicon::{lexicon, Class, Verb};
use crate::report::{Reason, SourceType};
use crate::source::describe;
use crate::source::mention::{self, Form};
use crate::text::{Document, TokenKind};

/// The rule.
pub struct Disputes;

impl Rule for Disputes {
    fn name(&self) -> &'static str {
        "disputes"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let mut phrases = Vec::new();
        find_phrases(self.name(), &lexicon().disputes, Reason::Disputed, doc, &mut phrases);
        phrases.retain(|c| !disputes_nothing_said(doc, c.cue.start, c.cue.len()) && !names_a_topic(doc, &c.cue));
        out.extend(phrases);
        for i in doc.verbs_from(0) {
            let Some(verb) = reporting_verb(doc, i) else { continue };
            if !verb.has("dispute") {
                continue;
            }
            let sentence = doc.sentence_around(i);
            let group = verb_group(doc, i, sentence.start);
            // "was rejected by voters" (the subject is what is disputed),
            // "voters would reject it": not a dispute made
            if group.hypothetical || group.be && verb.is(Verb::PARTICIPLE) {
                continue;
            }
            let Some(source) = mention::before(doc, group.cue.start, sentence.start) else {
                continue;
            };
            if disputes_nothing_said(doc, i, 1) {
                continue;
            }
            if source.form == Form::Relative && source.tokens.start > sentence.start {
                continue;
            }
            let mut content = content_after(doc, i + 1);
            if content.is_empty() {
                // "accusations [that] Moscow has denied": the noun before
                let mut end = source.tokens.start;
                if doc.is(end.wrapping_sub(1), &["that", "which"]) {
                    end -= 1;
                }
                let start =
                    (sentence.start..end).rev().take(3).take_while(|&k| doc.is_word(k) && !doc.capitalized(k)).last();
                if let Some(start) = start {
                    content = vec![trimmed(doc, start..end)];
                }
            }
            if content.iter().all(|r| r.is_empty()) {
                continue;
            }
            out.push(Candidate::attribution(self.name(), group.cue.clone(), source, content));
        }
    }
}

/// True when the dispute word at token `i` (`len` tokens long) disputes
/// nothing anyone said: an adjective ("the disputed waters", "militarizing
/// contested islands") or a verb whose object is a person ("denied
/// Merrick Garland a hearing").
fn disputes_nothing_said(doc: &Document, i: usize, len: usize) -> bool {
    if len != 1 {
        return false;
    }
    let Some(verb) = reporting_verb(doc, i) else { return false };
    let sentence = doc.sentence_around(i);
    let adjective = i > sentence.start
        && verb.is(Verb::PARTICIPLE)
        && (doc.class(i - 1, Class::Determiner)
            || doc.class(i - 1, Class::Preposition)
            || doc.norm(i - 1).ends_with("ing"));
    // the noun of a quarrel: "sparked by disputes over oil", "a dispute
    // with the union"
    let quarrel = doc.is(i, &["dispute", "disputes"])
        && (doc.is(i + 1, &["over", "between", "with", "about"])
            || i > sentence.start && doc.any_class(i - 1, Class::Determiner.bit() | Class::Preposition.bit()));
    adjective || quarrel || rejects_someone(doc, i + 1, sentence.end)
}

/// Nouns for false stories that a text may name as its topic ("the spread
/// of fake news", a tag list's "fake news") without disputing anything.
const TOPIC_NOUNS: &[&str] = &["news", "disinformation", "misinformation"];

/// True when the marker `cue` is a topic noun that nothing is called:
/// only after "is", "called", "dubbed", "as" and the like ("called the
/// report “fake news”", "dismissed as disinformation") does it dispute.
fn names_a_topic(doc: &Document, cue: &std::ops::Range<usize>) -> bool {
    const PREDICATING: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "being", "'s", "call", "calls", "called", "calling", "dub", "dubbed",
        "branded", "labeled", "labelled", "as", "deemed", "termed",
    ];
    if !doc.is(cue.end - 1, TOPIC_NOUNS) {
        return false;
    }
    // the word before the marker, past an opening quotation mark, an
    // article and the thing called ("called the report fake news")
    let sentence = doc.sentence_around(cue.start);
    let called = (sentence.start..cue.start).rev().take(5).any(|k| doc.is(k, PREDICATING));
    !called
}

/// True when the object starting at token `i` is a person or a group, not
/// something they said: "denied Merrick Garland a hearing", "reject
/// establishment Republicans" (but "rejected Kyiv’s claims").
fn rejects_someone(doc: &Document, i: usize, end: usize) -> bool {
    let Some(object) = mention::after(doc, i, end).filter(|m| m.form == Form::Phrase) else {
        return false;
    };
    let d = describe(doc, object.tokens.clone());
    let possessed = object.tokens.end < end && doc.token(object.tokens.end).kind == TokenKind::Possessive;
    let someone = matches!(d.source_type, SourceType::Person | SourceType::Organization | SourceType::Unnamed);
    let head = object.tokens.end - 1;
    // "rejected Saudi concerns" is about what was said
    let claim = doc.word(head).is_some_and(|w| w.claim_noun.is_some());
    // "dismissed NATO member Estonia as irrelevant" disputes what is said of it
    someone && !possessed && !claim && !doc.is(object.tokens.end, &["that", "as"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn denials_are_attributions_and_disputes() {
        assert_finds(
            &Disputes,
            "They accused North Korea, accusations both Moscow and Pyongyang have denied.",
            &["have denied | - | -", "have denied | both Moscow and Pyongyang | accusations"],
        );
    }

    #[test]
    fn not_people_rejected_or_passives_or_nouns() {
        assert_none(&Disputes, "He denied Merrick Garland, the nominee, a hearing.");
        assert_none(&Disputes, "Voters consistently reject establishment Republicans.");
        assert_none(&Disputes, "This proposal was rejected by 64 percent of the electorate.");
        assert_none(&Disputes, "The dispute also highlights the risks.");
        assert_none(&Disputes, "The war was sparked by disputes over water rights.");
        assert_none(&Disputes, "He accused China of militarizing disputed waters.");
        assert_finds(
            &Disputes,
            "The ministry denied reports that troops had left.",
            &["denied | - | -", "denied | The ministry | reports that troops had left"],
        );
        assert_finds(
            &Disputes,
            "Gingrich dismissed NATO member Estonia as a suburb.",
            &["dismissed | - | -", "dismissed | Gingrich | NATO member Estonia as a suburb"],
        );
        assert_finds(&Disputes, "Moscow rejected Kyiv’s claims.", &["rejected | Moscow | Kyiv’s claims"]);
    }

    #[test]
    fn a_topic_is_no_dispute() {
        assert_none(&Disputes, "Topics: politics, fake news, media");
        assert_none(&Disputes, "The panel discussed the spread of “fake news” online.");
        assert_finds(&Disputes, "He called the report “fake news” and left.", &["fake news | - | -"]);
        assert_finds(
            &Disputes,
            "The ministry dismissed the video as disinformation.",
            &["dismissed | - | -", "disinformation | - | -", "dismissed | The ministry | the video as disinformation"],
        );
    }

    #[test]
    fn markers() {
        assert_finds(&Disputes, "The alliance had “no evidence that soldiers are involved”.", &["no evidence | - | -"]);
    }
}
