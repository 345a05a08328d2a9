//! ", VERB-ing [that] CONTENT": a participle that continues the sentence's
//! attribution and inherits its source ("Zelensky has warned that ...,
//! claiming that Iran ...").

use super::clause::{content_after, reporting_verb};
use super::{Candidate, Rule};
use crate::lexicon::Verb;
use crate::report::Kind;
use crate::text::Document;

/// The rule.
pub struct Participle;

impl Rule for Participle {
    fn name(&self) -> &'static str {
        "participle"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.verbs_from(1) {
            let Some(verb) = reporting_verb(doc, i) else { continue };
            if !verb.is(Verb::GERUND) {
                continue;
            }
            // ", saying", or ",” saying" after a quotation that ends the clause
            let after_quote = doc.quote_closed_at(i - 1).is_some() && doc.is(i.saturating_sub(2), &[","]);
            if !doc.is(i - 1, &[",", "—", "–", ")", "while", "before", "after", "by"])
                && !after_quote
                && !second_in_chain(doc, i)
            {
                continue;
            }
            if doc.sentence_of(i - 1) != doc.sentence_of(i) {
                continue;
            }
            let next = i + 1;
            let marked = doc.is(next, &["that", ":"]) || super::clause::opens_quote(doc, next);
            // "calling it “a hoax”", "calling the protester ...": a weak verb
            // with an object
            let object = (verb.has("weak") || verb.has("intent") || verb.has("stance")) && opens_object(doc, next);
            if verb.says_little_as_participle() && !marked && !object {
                continue;
            }
            let content = content_after(doc, next);
            if content.is_empty() {
                continue;
            }
            out.push(Candidate {
                kind: Kind::Attribution,
                cue: i..i + 1,
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

/// True when the participle at token `i` follows "and" after another
/// participle that continues the sentence: ", calling it illogical and
/// saying ...".
fn second_in_chain(doc: &Document, i: usize) -> bool {
    let sentence = doc.sentence_around(i);
    i >= sentence.start + 3
        && doc.is(i - 1, &["and"])
        && (sentence.start + 1..i - 1)
            .rev()
            .take(12)
            .any(|k| doc.is(k - 1, &[","]) && reporting_verb(doc, k).is_some_and(|v| v.is(Verb::GERUND)))
}

/// True when token `i` starts an object: a pronoun, an article, a name or
/// "to" ("calling it a hoax", "urging voters to ...").
fn opens_object(doc: &Document, i: usize) -> bool {
    use crate::lexicon::Class;
    doc.class(i, Class::Determiner)
        || doc.class(i, Class::Pronoun)
        || doc.class(i, Class::Object)
        || doc.capitalized(i)
        || doc.is(i, &["to"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn participles_after_a_comma() {
        assert_finds(
            &Participle,
            "Zelensky warned of war, claiming that Iran was also backing Russia.",
            &["claiming | - | that Iran was also backing Russia"],
        );
        assert_finds(
            &Participle,
            "Kim suggested it, warning western allies of the broader implications.",
            &["warning | - | western allies of the broader implications"],
        );
    }

    #[test]
    fn a_second_participle_after_and() {
        assert_finds(
            &Participle,
            "He dismissed it, calling it illogical and saying he wants to dispel the idea.",
            &[
                "calling | - | it illogical and saying he wants to dispel the idea",
                "saying | - | he wants to dispel the idea",
            ],
        );
        assert_none(&Participle, "He dismissed it and saying so was enough.");
    }

    #[test]
    fn not_without_a_comma_or_with_weak_verbs() {
        assert_none(&Participle, "He kept claiming victory.");
        assert_none(&Participle, "The data came in, showing growth.");
    }
}
