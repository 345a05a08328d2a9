//! "Asked about X, ...": a question put to the speaker. Annotators of news
//! mark "Asked" as the cue of an attribution whose content is the question
//! and whose source is the one who asked: no one, when the writer does not
//! name them ("Asked if he was ever bullied, the candidate said no"), or
//! the one after "by" ("When asked by a reporter whether ..."). The answer
//! that follows is the speaker's own attribution, found by the other rules.

use super::clause::trimmed;
use super::{Candidate, Rule};
use crate::source::mention::{self, Form};
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct Asked;

impl Rule for Asked {
    fn name(&self) -> &'static str {
        "asked"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for sentence in &doc.sentences {
            // "Asked ..." or "When asked ..." opening the sentence
            let start = sentence.start;
            let cue = if doc.is(start, &["when"]) { start + 1 } else { start };
            if !doc.is(cue, &["asked"]) || !doc.capitalized(start) || cue + 1 >= sentence.end {
                continue;
            }
            // "Asked by Matt Lauer whether ...": the one who asked is named
            let asker = if doc.is(cue + 1, &["by"]) {
                let Some(m) = mention::after(doc, cue + 2, sentence.end).filter(|m| m.form == Form::Phrase) else {
                    continue;
                };
                Some(m)
            } else {
                None
            };
            let from = asker.as_ref().map_or(cue + 1, |m| m.tokens.end);
            if !doc.is_word(from) {
                continue;
            }
            // the question runs to the comma that ends the clause; a comma
            // inside a quotation ("... as president,”) takes its mark along
            let Some(comma) = (from..sentence.end).find(|&k| doc.is(k, &[","])) else { continue };
            let closes_quote =
                comma + 1 < sentence.end && doc.token(comma + 1).kind == TokenKind::Quote(QuoteSide::Close);
            let end = if closes_quote { comma + 2 } else { comma };
            // the answer: a clause of at least a subject and a verb
            if sentence.end - end < 3 {
                continue;
            }
            let question = trimmed(doc, from..end);
            if question.is_empty() {
                continue;
            }
            out.push(match asker {
                Some(m) => Candidate::attribution(self.name(), cue..cue + 1, m, vec![question]),
                None => Candidate::hearsay(self.name(), cue..cue + 1, vec![question]),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn a_question_by_someone_unnamed() {
        assert_finds(
            &Asked,
            "Asked if he was ever bullied, the candidate said no.",
            &["Asked | - | if he was ever bullied"],
        );
        assert_finds(
            &Asked,
            "When asked about the merger, she declined to comment.",
            &["asked | - | about the merger"],
        );
        assert_finds(
            &Asked,
            "Asked whether Clinton “has the integrity to serve,” 46 percent said yes.",
            &["Asked | - | whether Clinton “has the integrity to serve,”"],
        );
    }

    #[test]
    fn a_question_by_someone_named() {
        assert_finds(
            &Asked,
            "Asked by Matt Lauer whether she had practiced, she said no.",
            &["Asked | Matt Lauer | whether she had practiced"],
        );
        assert_finds(
            &Asked,
            "When asked by a reporter if that remains his view, Trump said yes.",
            &["asked | a reporter | if that remains his view"],
        );
    }

    #[test]
    fn not_when_asked_is_no_opening() {
        assert_none(&Asked, "Asked by, she said no.");
        assert_none(&Asked, "Reporters asked if he was ever bullied, and he said no.");
        assert_none(&Asked, "Asked, he said no.");
        assert_none(&Asked, "Asked about it he shrugged.");
        assert_none(&Asked, "Asked about it,");
    }
}
