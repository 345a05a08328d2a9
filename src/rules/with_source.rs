//! "with SOURCE VERB-ing [that] CONTENT": a claim reported beside the main
//! clause ("Markets rose, with analysts saying a rate rise is near").

use super::clause::{content_after, opens_quote, reporting_verb};
use super::{Candidate, Rule};
use crate::lexicon::Verb;
use crate::source::mention::{self, Form};
use crate::text::Document;

/// The rule.
pub struct WithSource;

impl Rule for WithSource {
    fn name(&self) -> &'static str {
        "with-source"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.tokens_of("with") {
            let sentence = doc.sentence_around(i);
            let Some(source) = mention::after(doc, i + 1, sentence.end).filter(|m| m.form == Form::Phrase) else {
                continue;
            };
            let cue = source.tokens.end;
            let Some(verb) = reporting_verb(doc, cue).filter(|v| v.is(Verb::GERUND)) else {
                continue;
            };
            // verbs that say little about speech ("with officials calling
            // for ...", "with voters wanting ...") only before "that" or a
            // quotation
            let marked = doc.is(cue + 1, &["that", ":"]) || opens_quote(doc, cue + 1);
            if verb.says_little() && !marked {
                continue;
            }
            let content = content_after(doc, cue + 1);
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::attribution(self.name(), cue..cue + 1, source, content);
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
    fn a_source_and_its_participle_after_with() {
        assert_finds(
            &WithSource,
            "Markets rose, with analysts saying a strong reading will cement a rate rise.",
            &["saying | analysts | a strong reading will cement a rate rise"],
        );
        assert_finds(
            &WithSource,
            "The bill passed, with Senate Democrats warning that it would raise costs.",
            &["warning | Senate Democrats | that it would raise costs"],
        );
    }

    #[test]
    fn not_other_participles_or_weak_verbs_without_that() {
        assert_none(&WithSource, "He left with his aides carrying the boxes.");
        assert_none(&WithSource, "The rally ended, with protesters calling for calm.");
        assert_none(&WithSource, "She spoke with reporters on Monday.");
    }
}
