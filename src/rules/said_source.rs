//! CONTENT, VERB SOURCE: the inverted attribution after a quotation or a
//! clause ("“...,” said Mr Rutte." / "The war is over, says the Kremlin.").

use super::clause::{content_before, reporting_verb};
use super::{Candidate, Rule};
use crate::lexicon::{Class, Verb};
use crate::source::mention::{self, Form, TAKING_PHRASE};
use crate::text::{Document, TokenKind};

/// The rule.
pub struct SaidSource;

impl Rule for SaidSource {
    fn name(&self) -> &'static str {
        "said-source"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.verbs_from(1) {
            let Some(verb) = reporting_verb(doc, i) else { continue };
            // a form that is also a noun ("tweets", "reports") only when it
            // judges; "tweeted" is no noun
            let noun_form = verb.has("noun") && !verb.is(Verb::PAST);
            if !verb.is(Verb::PAST | Verb::THIRD) || verb.has("belief") || noun_form && verb.judgement().is_none() {
                continue;
            }
            let sentence = doc.sentence_around(i);
            // right after the content: a comma, a closing quotation mark, or
            // both
            let prev = i - 1;
            let after_quote = doc.quote_closed_at(prev).is_some();
            let after_comma = doc.norm(prev) == "," && prev >= sentence.start;
            if !(after_quote || after_comma) {
                continue;
            }
            let Some(source) = mention::after(doc, i + 1, sentence.end)
                .or_else(|| after_quote.then(|| mention::plain_noun_phrase(doc, i + 1, sentence.end)).flatten())
            else {
                continue;
            };
            if source.form != Form::Phrase && source.form != Form::Pronoun {
                continue;
            }
            // then the clause ends, or an aside or adjunct follows
            let end = source.tokens.end;
            let clause_ends = end >= doc.len()
                || doc.token(end).line_break_before
                || !matches!(doc.token(end).kind, TokenKind::Word | TokenKind::Number)
                || doc.any_class(end, Class::Preposition.bit() | Class::Conjunction.bit() | Class::Time.bit())
                || doc.is(end, TAKING_PHRASE) && doc.class(end + 1, Class::Preposition);
            if !clause_ends {
                continue;
            }
            let content = content_before(doc, i);
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::attribution(self.name(), i..i + 1, source, content);
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
    fn verb_before_source_after_content() {
        assert_finds(&SaidSource, "“No evidence,” said Mr. Rutte.", &["said | Mr. Rutte | No evidence"]);
        assert_finds(&SaidSource, "“We won,” tweeted Mike Nellis.", &["tweeted | Mike Nellis | We won"]);
        assert_none(&SaidSource, "“We won,” tweets from fans.");
        assert_finds(
            &SaidSource,
            "The war is over, says the Kremlin, adding more.",
            &["says | the Kremlin | The war is over"],
        );
        assert_finds(
            &SaidSource,
            "“We won,” said Jane Doe, a spokeswoman for the party.",
            &["said | Jane Doe | We won"],
        );
    }

    #[test]
    fn not_a_verb_before_its_subject() {
        assert_none(&SaidSource, "The war, said to be over, goes on.");
        assert_none(&SaidSource, "It rained, said nothing more.");
    }
}
