//! Disputes: "no evidence", "rejected the claim", "have denied". Each is an
//! unverified finding; a denial by a named source is also an attribution
//! ("accusations both Moscow and Pyongyang have denied": Moscow and
//! Pyongyang deny the accusations). The engine links each dispute to the
//! claim it disputes. The phrases are in `lexicon/disputes.txt`.

use super::clause::{content_after, reporting_verb, trimmed, verb_group};
use super::hedges::find_phrases;
use super::{Candidate, Rule};
use crate::lexicon::lexicon;
use crate::report::Reason;
use crate::source::mention::{self, Form};
use crate::text::Document;

/// The rule.
pub struct Disputes;

impl Rule for Disputes {
    fn name(&self) -> &'static str {
        "disputes"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        find_phrases(self.name(), &lexicon().disputes, Reason::Disputed, doc, out);
        for i in 0..doc.len() {
            let Some(verb) = reporting_verb(doc, i) else {
                continue;
            };
            if !verb.has("dispute") {
                continue;
            }
            let sentence = doc.sentence_around(i);
            let group = verb_group(doc, i, sentence.start);
            let Some(source) = mention::before(doc, group.first, sentence.start) else {
                continue;
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::assert_finds;

    #[test]
    fn denials_are_attributions_and_disputes() {
        assert_finds(
            &Disputes,
            "They accused North Korea, accusations both Moscow and Pyongyang have denied.",
            &["have denied | - | -", "have denied | both Moscow and Pyongyang | accusations"],
        );
    }

    #[test]
    fn markers() {
        assert_finds(&Disputes, "The alliance had “no evidence that soldiers are involved”.", &["no evidence | - | -"]);
    }
}
