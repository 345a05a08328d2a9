//! "as SOURCE VERB": an aside that attributes the clause it stands beside,
//! before it ("As Mashable reports, the company announced ...") or after
//! it ("The plant closed, as Reuters reported.").

use super::clause::{content_after, content_before, reporting_verb, trimmed};
use super::{Candidate, Rule};
use crate::lexicon::{Class, Verb};
use crate::source::mention::{self, Form};
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct AsSourceSaid;

/// The most words between "as" and the verb: a source's phrase, with
/// perhaps an auxiliary ("as the paper has reported").
const MAX_SOURCE: usize = 8;

impl Rule for AsSourceSaid {
    fn name(&self) -> &'static str {
        "as-source-said"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.tokens_of("as") {
            let sentence = doc.sentence_around(i);
            // the aside opens its sentence (after a quotation mark or a
            // conjunction) or follows its clause's comma or dash
            let opens = (sentence.start..i).all(|k| {
                matches!(doc.token(k).kind, TokenKind::Quote(QuoteSide::Open))
                    || doc.is(k, &["but", "and", "yet", "so"])
            });
            let follows = i > sentence.start && doc.is(i - 1, &[",", "—", "–"]);
            if !opens && !follows {
                continue;
            }
            let ceiling = (i + 2 + MAX_SOURCE).min(sentence.end);
            let Some(verb) =
                (i + 2..ceiling).find(|&k| reporting_verb(doc, k).is_some_and(|v| !v.has("intent") && !v.has("quote")))
            else {
                continue;
            };
            // what stands between the source and the verb: auxiliaries, adverbs
            let mut end = verb;
            while end > i + 1 && doc.any_class(end - 1, Class::Aux.bit() | Class::Adverb.bit() | Class::Perfect.bit()) {
                end -= 1;
            }
            let Some(source) = mention::after(doc, i + 1, end).filter(|m| m.tokens.end == end) else {
                continue;
            };
            // "As a general rule, ...": a noun after a singular "a", not a verb
            let singular = doc.is(source.tokens.start, &["a", "an"]);
            if source.form == Form::Relative || singular && doc.verb(verb).is_some_and(|v| v.forms == Verb::BASE) {
                continue;
            }
            // the aside ends with the verb: "as Reuters reported," not "as
            // Reuters reported the loss" (a clause of its own)
            let after = verb + 1;
            let ends = after >= sentence.end || doc.is(after, &[",", ".", ";", "—", "–", ")", "!", "?"]);
            if !ends {
                continue;
            }
            let content = if opens {
                if !doc.is(after, &[","]) {
                    continue;
                }
                content_after(doc, after + 1)
            } else {
                content_before(doc, i)
            };
            let content: Vec<_> = content.into_iter().map(|r| trimmed(doc, r)).filter(|r| !r.is_empty()).collect();
            if content.is_empty() {
                continue;
            }
            let mut c = Candidate::attribution(self.name(), verb..verb + 1, source, content);
            c.loaded = doc.verb(verb).and_then(|v| v.judgement());
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn before_its_clause() {
        assert_finds(
            &AsSourceSaid,
            "As Harbour Weekly reports, the ferry company raised its fares.",
            &["reports | Harbour Weekly | the ferry company raised its fares"],
        );
        // "States" of "the United States" is no verb
        assert_finds(
            &AsSourceSaid,
            "As the United States warned, the strait is closed.",
            &["warned | the United States | the strait is closed"],
        );
        assert_finds(
            &AsSourceSaid,
            "But as the council has noted, the bridge is unsafe.",
            &["noted | the council | the bridge is unsafe"],
        );
    }

    #[test]
    fn after_its_clause() {
        assert_finds(
            &AsSourceSaid,
            "The mill will close in May, as the union said.",
            &["said | the union | The mill will close in May"],
        );
    }

    #[test]
    fn comparisons_and_clauses_of_their_own_are_not_asides() {
        assert_none(&AsSourceSaid, "She did as the manual said and waited.");
        assert_none(&AsSourceSaid, "As the mayor said the words, the crowd cheered.");
        assert_none(&AsSourceSaid, "He worked as a reporter for years.");
        assert_none(&AsSourceSaid, "As a general rule, students pay less.");
    }
}
