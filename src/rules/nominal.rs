//! Nouns of saying with their source: "Donald Trump’s claim that ...",
//! "claims by the Kremlin that ...", "new findings from Ukrainian public
//! broadcaster Suspilne have revealed ...".

use super::clause::{content_after, opens_quote, reporting_verb};
use super::{Candidate, Rule};
use crate::lexicon::Class;
use crate::report::Judgement;
use crate::source::mention::{self, Form, Mention, STUDIES};
use crate::text::{Document, TokenKind};

/// The rule.
pub struct Nominal;

/// Possessive pronouns that can stand for a source.
fn possessive_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its")
}

impl Rule for Nominal {
    fn name(&self) -> &'static str {
        "nominal"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in 0..doc.len() {
            let Some(tags) = doc.word(i).and_then(|w| w.claim_noun.as_ref()) else { continue };
            if doc.capitalized(i) && doc.sentence_around(i).start != i {
                continue; // part of a name: "The Drudge Report"
            }
            let sentence = doc.sentence_around(i);
            let loaded = Judgement::from_tags(|t| tags.has(t));
            // SOURCE's [adjective] NOUN that ...
            let possessor_at = match i.checked_sub(1).map(|p| doc.token(p).kind) {
                Some(TokenKind::Possessive) => Some(i - 1),
                Some(TokenKind::Word)
                    if i >= 2 && doc.token(i - 2).kind == TokenKind::Possessive && !doc.capitalized(i - 1) =>
                {
                    Some(i - 2)
                }
                _ => None,
            };
            let marked = |at: usize| doc.is(at, &["that", ":"]) || opens_quote(doc, at);
            if let Some(p) = possessor_at {
                if marked(i + 1) {
                    if let Some(source) = mention::before_any(doc, p, sentence.start).filter(|m| m.form == Form::Phrase)
                    {
                        let mut c = Candidate::attribution(self.name(), i..i + 1, source, content_after(doc, i + 1));
                        c.loaded = loaded;
                        out.push(c);
                    }
                }
                continue;
            }
            if i > 0 && possessive_pronoun(doc.norm(i - 1)) && marked(i + 1) {
                let source = Mention { tokens: i - 1..i, form: Form::Pronoun };
                let mut c = Candidate::attribution(self.name(), i..i + 1, source, content_after(doc, i + 1));
                c.loaded = loaded;
                out.push(c);
                continue;
            }
            // NOUN from/by SOURCE [that ... | VERB ...]
            if !doc.is(i + 1, &["from", "by"]) {
                continue;
            }
            let Some(source) = mention::after(doc, i + 2, sentence.end) else {
                continue;
            };
            if source.form != Form::Phrase {
                continue;
            }
            let mut next = source.tokens.end;
            // a short adjunct: "this week", "on Tuesday"
            while next < sentence.end
                && next < source.tokens.end + 4
                && (doc.class(next, Class::Time)
                    || matches!(doc.norm(next), "this" | "last" | "week" | "month" | "year" | "on" | "earlier"))
            {
                next += 1;
            }
            let content = if marked(next) {
                content_after(doc, next)
            } else {
                // "findings from X have revealed ...": content after the verb;
                // but the subject of "a study by X found" is the study (see
                // `mention::subject_with_tail_before`)
                if doc.is(i, STUDIES) {
                    continue;
                }
                let mut v = next;
                while v < sentence.end && v < next + 3 && doc.class(v, Class::Aux) {
                    v += 1;
                }
                match reporting_verb(doc, v) {
                    Some(_) => content_after(doc, v + 1),
                    None => continue,
                }
            };
            if content.is_empty() {
                continue;
            }
            let start =
                if i >= 1 && matches!(doc.norm(i - 1), "new" | "recent" | "latest" | "fresh") { i - 1 } else { i };
            let mut c = Candidate::attribution(self.name(), start..i + 2, source, content);
            c.loaded = loaded;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn possessor_and_noun() {
        assert_finds(
            &Nominal,
            "Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings” in Chicago.",
            &["claim | Donald Trump | that there have been “thousands of shootings” in Chicago"],
        );
        assert_finds(
            &Nominal,
            "She repeated her warning that prices would rise.",
            &["warning | her | that prices would rise"],
        );
    }

    #[test]
    fn noun_from_source_then_verb() {
        assert_finds(
            &Nominal,
            "But new findings from Ukrainian public broadcaster Suspilne this week have revealed almost two dozen soldiers have fled.",
            &["new findings from | Ukrainian public broadcaster Suspilne | almost two dozen soldiers have fled"],
        );
        assert_finds(
            &Nominal,
            "Claims by the Kremlin that the army won were false.",
            &["Claims by | the Kremlin | that the army won were false"],
        );
    }

    #[test]
    fn nouns_without_a_source_or_content() {
        assert_none(&Nominal, "The claims were false.");
        assert_none(&Nominal, "Trump’s claim about Chicago.");
    }
}
