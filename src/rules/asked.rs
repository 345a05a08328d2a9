//! "Asked about X, ...": a question put to the speaker by someone the
//! writer does not name (a reporter, an interviewer). Annotators of news
//! mark "Asked" as the cue of an attribution with no source, whose content
//! is the question ("Asked if he was ever bullied, the candidate said
//! no"). The answer that follows is the speaker's own attribution, found
//! by the other rules.

use super::clause::trimmed;
use super::{Candidate, Rule};
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
            // "Asked by Matt Lauer ...": the one who asked is named
            if doc.is(cue + 1, &["by"]) || !doc.is_word(cue + 1) {
                continue;
            }
            // the question runs to the comma that ends the clause; a comma
            // inside a quotation ("... as president,”) takes its mark along
            let Some(comma) = (cue + 1..sentence.end).find(|&k| doc.is(k, &[","])) else { continue };
            let closes_quote =
                comma + 1 < sentence.end && doc.token(comma + 1).kind == TokenKind::Quote(QuoteSide::Close);
            let end = if closes_quote { comma + 2 } else { comma };
            // the answer: a clause of at least a subject and a verb
            if sentence.end - end < 3 {
                continue;
            }
            let question = trimmed(doc, cue + 1..end);
            if question.is_empty() {
                continue;
            }
            out.push(Candidate::hearsay(self.name(), cue..cue + 1, vec![question]));
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
    fn not_when_the_asker_is_named_or_asked_is_no_opening() {
        assert_none(&Asked, "Asked by Matt Lauer whether she had practiced, she said no.");
        assert_none(&Asked, "Reporters asked if he was ever bullied, and he said no.");
        assert_none(&Asked, "Asked, he said no.");
        assert_none(&Asked, "Asked about it he shrugged.");
        assert_none(&Asked, "Asked about it,");
    }
}
