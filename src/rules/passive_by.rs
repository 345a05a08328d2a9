//! "CONTENT was VERB-ed by SOURCE": a reporting verb in the passive with
//! its agent ("The plan was welcomed by senior lawmakers", "News of the
//! deal was first reported by the Miami Herald", "asked by reporters
//! whether ...").

use super::clause::{content_after, content_before, reporting_verb, verb_group};
use super::{Candidate, Rule};
use crate::lexicon::Verb;
use crate::source::mention::{self, Form};
use crate::text::Document;

/// The rule.
pub struct PassiveBy;

impl Rule for PassiveBy {
    fn name(&self) -> &'static str {
        "passive-by"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.verbs_from(1).take_while(|&i| i + 2 < doc.len()) {
            if !doc.is(i + 1, &["by"]) {
                continue;
            }
            let Some(verb) = reporting_verb(doc, i).filter(|v| v.is(Verb::PARTICIPLE)) else { continue };
            let sentence = doc.sentence_around(i);
            // a passive clause only: "a claim first reported by the
            // Herald" has no "be" and is left alone
            let group = verb_group(doc, i, sentence.start);
            if !group.be || group.hypothetical {
                continue;
            }
            let Some(source) = mention::after(doc, i + 2, sentence.end).filter(|m| m.form == Form::Phrase) else {
                continue;
            };
            // what was said: a clause after the agent ("asked by reporters
            // whether ..."), else the subject before the verb
            let clause = doc.is(source.tokens.end, &["whether", "that", "if", "about", "to", ":"]);
            let content =
                if clause { content_after(doc, source.tokens.end) } else { content_before(doc, group.cue.start) };
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::attribution(self.name(), group.cue.clone(), source, content);
            c.loaded = verb.judgement();
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn a_passive_reporting_verb_and_its_agent() {
        assert_finds(
            &PassiveBy,
            "News of the move was first reported by the Miami Herald.",
            &["was first reported | the Miami Herald | News of the move"],
        );
        assert_finds(
            &PassiveBy,
            "The decision was welcomed by senior lawmakers on Friday.",
            &["was welcomed | senior lawmakers | The decision"],
        );
    }

    #[test]
    fn not_without_be_nor_with_other_verbs() {
        assert_none(&PassiveBy, "The campaign, first reported by the Herald, is a key element.");
        assert_none(&PassiveBy, "The senator was elected by voters in 2010.");
    }
}
