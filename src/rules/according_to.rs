//! "according to SOURCE", before or after its content, or in the middle of
//! it ("The soldiers, according to Suspilne, fled."). "According to reports"
//! names no source: it is hearsay.

use super::clause::{content_after, content_before, trimmed};
use super::{Candidate, Rule};
use crate::report::SourceType;
use crate::source::describe::describe;
use crate::source::mention::{self, Form, Mention};
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct AccordingTo;

/// Heads that make "according to" hearsay rather than a source.
const HEARSAY_HEADS: &[&str] =
    &["reports", "report", "rumours", "rumors", "rumour", "rumor", "accounts", "speculation"];

impl Rule for AccordingTo {
    fn name(&self) -> &'static str {
        "according-to"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for i in doc.tokens_of("according") {
            if doc.norm(i + 1) != "to" {
                continue;
            }
            let sentence = doc.sentence_around(i);
            let Some(source) = mention::after(doc, i + 2, sentence.end).or_else(|| phrase(doc, i + 2, sentence.end))
            else {
                continue;
            };
            let first = source.tokens.start;
            // "according to plan", "according to law": the way things go,
            // not what a document says
            let bare = source.tokens.len() == 1 && !doc.capitalized(first);
            if bare
                && describe(doc, source.tokens.clone()).source_type == SourceType::Document
                && !doc.norm(first).ends_with('s')
            {
                continue;
            }
            let head = doc.norm(source.tokens.end - 1);
            // "according to the report" or "a White House pool report" names
            // a document; "according to media reports" names no one
            let specific = doc
                .is(first, &["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"])
                || source.tokens.clone().any(|k| doc.capitalized(k));
            let hearsay =
                HEARSAY_HEADS.contains(&head) && !specific && !doc.is(source.tokens.end, &["from", "by", "in"]);
            let at_start = (sentence.start..i).all(|k| {
                matches!(doc.token(k).kind, TokenKind::Quote(QuoteSide::Open))
                    || matches!(doc.norm(k), "(" | "—" | "but" | "and" | "yet" | "so")
            });
            let after_source = source.tokens.end;
            let content = if at_start {
                content_after(doc, after_source)
            } else {
                let mut parts = content_before(doc, i);
                // "X, according to Y, did Z": the clause goes on after
                if doc.is(after_source, &[","]) {
                    let rest = content_after(doc, after_source + 1);
                    if rest.first().is_some_and(|r| r.len() >= 2) {
                        parts.extend(rest);
                    }
                }
                parts
            };
            let content: Vec<_> = content.into_iter().map(|r| trimmed(doc, r)).filter(|r| !r.is_empty()).collect();
            let cue = i..i + 2;
            if hearsay {
                let mut c = Candidate::hearsay(self.name(), i..source.tokens.end, content);
                c.cue = i..source.tokens.end;
                out.push(c);
            } else if source.form == Form::Phrase || source.form == Form::Pronoun {
                out.push(Candidate::attribution(self.name(), cue, source, content));
            }
        }
    }
}

/// The longest a source after "according to" that the mention grammar
/// does not read may be, in tokens.
const MAX_PHRASE: usize = 12;

/// The words after "according to", from token `start` to the end of the
/// phrase, when the grammar of mentions reads no source there: "a March
/// Bloomberg article", "show insiders", "him". Whatever follows "according
/// to" is what the content comes from; settling drops a phrase that names
/// no one ("according to size").
fn phrase(doc: &Document, start: usize, end: usize) -> Option<Mention> {
    use crate::lexicon::Class;
    if doc.is(start, &["him", "her", "them"]) {
        return Some(Mention { tokens: start..start + 1, form: Form::Pronoun });
    }
    let stop = |k: usize| {
        !matches!(doc.token(k).kind, TokenKind::Word | TokenKind::Number | TokenKind::Possessive)
            || doc.any_class(k, Class::Conjunction.bit() | Class::Relative.bit())
            || doc.verb(k).is_some_and(|v| !v.has("noun")) && !doc.capitalized(k)
    };
    let len = (start..end.min(start + MAX_PHRASE)).take_while(|&k| !stop(k)).count();
    // a phrase ends on a word of its own, not "of" or "in"
    let words =
        (start..start + len).rev().skip_while(|&k| doc.any_class(k, Class::Preposition.bit()) || doc.is(k, &["of"]));
    let last = words.max()?;
    Some(Mention { tokens: start..last + 1, form: Form::Phrase })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn after_its_content() {
        assert_finds(
            &AccordingTo,
            "The soldiers were stationed in the Kursk and Bryansk oblasts, approximately four miles from Ukraine’s border, when they fled their posts, according to Suspilne.",
            &["according to | Suspilne | The soldiers were stationed in the Kursk and Bryansk oblasts, approximately four miles from Ukraine’s border, when they fled their posts"],
        );
        assert_finds(
            &AccordingTo,
            "Three more officers were injured, according to Russian Telegram channel Kremlin Snuffbox.",
            &["according to | Russian Telegram channel Kremlin Snuffbox | Three more officers were injured"],
        );
    }

    #[test]
    fn before_and_around_its_content() {
        assert_finds(
            &AccordingTo,
            "According to the ministry, 40 people died.",
            &["According to | the ministry | 40 people died"],
        );
        assert_finds(
            &AccordingTo,
            "The troops, according to officials, left early.",
            &["according to | officials | The troops … left early"],
        );
    }

    #[test]
    fn according_to_reports_is_hearsay() {
        assert_finds(
            &AccordingTo,
            "The plant closed, according to local reports.",
            &["according to local reports | - | The plant closed"],
        );
    }

    #[test]
    fn a_particular_report_is_a_source() {
        assert_finds(
            &AccordingTo,
            "Demand for loans fell, according to the report.",
            &["according to | the report | Demand for loans fell"],
        );
        assert_finds(
            &AccordingTo,
            "The plant closed, according to some reports.",
            &["according to some reports | - | The plant closed"],
        );
    }

    #[test]
    fn takes_any_phrase_and_leaves_the_idiom() {
        assert_finds(
            &AccordingTo,
            "Prices rose, according to a March council report.",
            &["according to | a March council report | Prices rose"],
        );
        assert_finds(
            &AccordingTo,
            "Prices rose, according to show insiders.",
            &["according to | show insiders | Prices rose"],
        );
        assert_none(&AccordingTo, "Everything went according to plan.");
        // "size" names no one: settling drops it (see analyze.rs)
        let doc = Document::new("Sort the list according to size.");
        assert!(crate::analyze::settle_and_inherit(&doc, crate::analyze::rule_candidates(&doc)).is_empty());
    }
}
