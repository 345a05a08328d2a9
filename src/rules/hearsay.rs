//! Hearsay: claims passed on with nobody named ("reportedly", "amid reports
//! that", "has been heralded as", "it is claimed that") and words that only
//! mark something as hearsay ("their alleged offences", "these rumours").
//! The phrases are in `lexicon/hearsay.txt`.

use super::clause::{clause_end, content_after, trimmed};
use super::{Candidate, Rule};
use crate::lexicon::lexicon;
use crate::report::Reason;
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct Hearsay;

impl Rule for Hearsay {
    fn name(&self) -> &'static str {
        "hearsay"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        let list = &lexicon().hearsay;
        for sentence in &doc.sentences {
            let mut i = sentence.start;
            while i < sentence.end {
                let Some((n, phrase)) = list.longest_at(doc.ids(), i, sentence.end) else {
                    i += 1;
                    continue;
                };
                let mut cue = i..i + n;
                i += n;
                // "amid reports that ...": the content keeps its "that"
                if n > 1 && doc.norm(cue.end - 1) == "that" {
                    cue.end -= 1;
                }
                // "reports from X", "Suspilne's reports of": a source is named
                let sourced = doc.is(cue.end, &["from", "by"])
                    || cue.start > 0
                        && (doc.token(cue.start - 1).kind == TokenKind::Possessive
                            || doc.is(cue.start - 1, &["his", "her", "their", "its"]));
                // "confirmed reports of": the reports are what someone confirms;
                // "intelligence reports that": someone's reports
                let noun_first = doc.is(
                    cue.start,
                    &["reports", "rumours", "rumors", "claims", "allegations", "speculation", "suggestions", "word"],
                );
                let object = cue.start > 0
                    && noun_first
                    && (doc.verb(cue.start - 1).is_some() || compound_noun(doc, cue.start - 1));
                if (sourced || object) && phrase.value.has("claim") {
                    continue;
                }
                if !phrase.value.has("claim") {
                    if !past_tense_of_a_subject(doc, &cue) {
                        out.push(Candidate::unverified(self.name(), cue, Reason::Hearsay));
                    }
                    continue;
                }
                let content = if phrase.value.has("before") {
                    // "Russia’s plan has been heralded as ...": the subject
                    let start = clause_start(doc, cue.start);
                    let r = trimmed(doc, start..cue.start);
                    if r.is_empty() {
                        Vec::new()
                    } else {
                        vec![r]
                    }
                } else if n == 1 && doc.norm(cue.start).ends_with("ly") {
                    // "X reportedly did Y": the clause around the adverb
                    let start = clause_start(doc, cue.start);
                    let end = clause_end(doc, cue.start);
                    [trimmed(doc, start..cue.start), trimmed(doc, cue.end..end)]
                        .into_iter()
                        .filter(|r| !r.is_empty())
                        .collect()
                } else {
                    content_after(doc, cue.end)
                };
                if content.is_empty() {
                    // no claim to point at: it only marks hearsay
                    out.push(Candidate::unverified(self.name(), cue, Reason::Hearsay));
                    continue;
                }
                out.push(Candidate::hearsay(self.name(), cue, content));
            }
        }
    }
}

/// True when a marker word that is also a past tense ("reported",
/// "alleged") is the verb of a subject ("Acme reported a loss", "the
/// company, which alleged fraud"), not an attribute ("the reported attack",
/// "his alleged crimes") or a passive ("were reported killed").
fn past_tense_of_a_subject(doc: &Document, cue: &std::ops::Range<usize>) -> bool {
    use crate::lexicon::Class;
    if cue.len() != 1 || doc.verb(cue.start).is_none() {
        return false;
    }
    let Some(before) = cue.start.checked_sub(1) else { return false };
    // "they [each] reported" is a subject's verb still
    let floating = super::clause::floating_quantifier(doc, before, 0);
    let attribute = doc.token(before).kind == TokenKind::Possessive
        || doc.any_class(before, Class::Determiner.bit() | Class::Be.bit() | Class::Adverb.bit()) && !floating
        || doc.is(before, &["his", "her", "their", "its", "our", "my", "your"]);
    !attribute
}

/// True when token `i` is a noun modifying the next one ("intelligence
/// reports"): a lower-case content word, not a function word.
fn compound_noun(doc: &Document, i: usize) -> bool {
    use crate::lexicon::Class;
    const FUNCTION: u32 = Class::Preposition.bit()
        | Class::Determiner.bit()
        | Class::Conjunction.bit()
        | Class::Aux.bit()
        | Class::Function.bit()
        | Class::Adverb.bit()
        | Class::Time.bit()
        | Class::Relative.bit();
    doc.is_word(i) && !doc.capitalized(i) && !doc.any_class(i, FUNCTION) && !doc.norm(i).ends_with("ly")
}

/// The start of the clause holding token `i`: the sentence's start, or
/// just after the last comma, semicolon or dash before `i` when the clause
/// there has a subject of its own.
fn clause_start(doc: &Document, i: usize) -> usize {
    let sentence = doc.sentence_around(i);
    let mut start = sentence.start;
    for k in (sentence.start..i).rev() {
        if matches!(doc.norm(k), ";" | "—" | "–")
            || doc.norm(k) == "," && doc.is(k + 1, &["but", "and", "while", "as", "which", "who"])
        {
            start = k + 1;
            break;
        }
    }
    while start < i
        && (matches!(doc.token(start).kind, TokenKind::Quote(QuoteSide::Open))
            || matches!(doc.norm(start), "but" | "and" | "while" | "as" | "("))
    {
        start += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn a_past_tense_with_a_subject_is_no_hearsay() {
        assert_none(&Hearsay, "Acme Corp., a maker of mainframes, reported a sharp decline in income.");
        assert_finds(&Hearsay, "Police are investigating the reported attack.", &["reported | - | -"]);
        assert_none(&Hearsay, "The two airlines each reported a loss.");
        assert_finds(&Hearsay, "At least 51 people were reported killed.", &["reported | - | -"]);
    }

    #[test]
    fn claims_without_a_source() {
        assert_finds(
            &Hearsay,
            "Russia’s plan with Kim Jong Un has been heralded as “the first step to a world war”, but it appears fine.",
            &["has been heralded as | - | Russia’s plan with Kim Jong Un"],
        );
        assert_finds(
            &Hearsay,
            "This comes amid reports that Moscow had plans to form a battalion.",
            &["amid reports | - | that Moscow had plans to form a battalion"],
        );
        assert_finds(
            &Hearsay,
            "The general reportedly fled the country.",
            &["reportedly | - | The general … fled the country"],
        );
        assert_finds(
            &Hearsay,
            "The war goes on, with reports now emerging of a wild man hunt.",
            &["reports now emerging | - | of a wild man hunt"],
        );
    }

    #[test]
    fn markers_only() {
        assert_finds(&Hearsay, "Both are blamed for their alleged offences.", &["alleged | - | -"]);
        assert_finds(&Hearsay, "The Kremlin moved to squash these rumours.", &["rumours | - | -"]);
    }

    #[test]
    fn named_sources_are_not_hearsay() {
        assert_none(&Hearsay, "Reports from Suspilne say so.");
    }
}
