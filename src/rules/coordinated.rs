//! "SOURCE did X and said CONTENT": a second verb joined by "and" or "but"
//! shares the subject of the first ("Obama met survivors and said the
//! country must act"). The engine gives it the source of the attribution
//! before it in the sentence, or the subject of the sentence's main clause.

use super::clause::{content_after, reporting_verb, verb_group};
use super::{Candidate, Rule};
use crate::lexicon::Verb;
use crate::report::Kind;
use crate::text::Document;

/// The rule.
pub struct Coordinated;

impl Rule for Coordinated {
    fn name(&self) -> &'static str {
        "coordinated"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.verbs_from(1) {
            let Some(verb) = reporting_verb(doc, i) else { continue };
            // verbs of speech, and in the past those of stance, belief and
            // intent too ("and promised to ..."); weak and quoting verbs
            // need more than a shared subject
            let stance_in_past = verb.is(Verb::PAST) && !verb.has("weak") && !verb.has("quote");
            if verb.says_little() && !stance_in_past || verb.has("dispute") || !verb.is(Verb::PAST | Verb::THIRD) {
                continue;
            }
            let sentence = doc.sentence_around(i);
            let group = verb_group(doc, i, sentence.start);
            let joined = group.cue.start > sentence.start && doc.is(group.cue.start - 1, &["and", "but"]);
            // "X and Y said" is not joined: its verb has a subject of its own
            if !joined || group.cue.start < 2 || group.hypothetical {
                continue;
            }
            let content = content_after(doc, i + 1);
            if content.is_empty() {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Attribution,
                cue: group.cue.clone(),
                source: None,
                content,
                reason: None,
                loaded: verb.judgement(),
                inherits_source: true,
                rule: self.name(),
                source_words: None,
                confidence: 1.0,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn a_second_verb_of_speech() {
        assert_finds(
            &Coordinated,
            "The president met survivors on Thursday and said the country must act.",
            &["said | - | the country must act"],
        );
        assert_finds(
            &Coordinated,
            "Clinton repeatedly invoked President Obama and suggested that the critiques were attacks on him.",
            &["suggested | - | that the critiques were attacks on him"],
        );
    }

    #[test]
    fn a_second_verb_of_stance_or_intent_in_the_past() {
        assert_finds(
            &Coordinated,
            "The mayor toured the site and promised that the road would reopen.",
            &["promised | - | that the road would reopen"],
        );
        assert_finds(
            &Coordinated,
            "Marshall spoke for an hour, and noted the university supported his decision.",
            &["noted | - | the university supported his decision"],
        );
        // a weak verb needs more than a shared subject
        assert_none(&Coordinated, "The mayor toured the site and showed the road would reopen.");
    }

    #[test]
    fn not_two_subjects() {
        assert_none(&Coordinated, "Kim and Lee said the talks failed.");
    }
}
