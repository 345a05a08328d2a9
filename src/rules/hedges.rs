//! The writer's hedges: "it appears", "highly likely", "were expected to".
//! The phrases are in `lexicon/hedges.txt`.

use super::{Candidate, Rule};
use crate::lexicon::lexicon;
use crate::report::Reason;
use crate::text::Document;

/// The rule.
pub struct Hedges;

impl Rule for Hedges {
    fn name(&self) -> &'static str {
        "hedges"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        find_phrases(self.name(), &lexicon().hedges, Reason::Hedge, doc, out);
    }
}

/// Proposes an unverified finding for every longest match of `list`.
pub(crate) fn find_phrases(
    rule: &'static str,
    list: &crate::lexicon::PhraseList,
    reason: Reason,
    doc: &Document,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < doc.len() {
        let end = doc.sentence_around(i).end;
        match list.longest_at(doc.ids(), i, end) {
            Some((n, _)) => {
                out.push(Candidate::unverified(rule, i..i + n, reason));
                i += n;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn hedges_are_found() {
        assert_finds(&Hedges, "But it appears their partnership is off to a rocky start.", &["it appears | - | -"]);
        assert_finds(&Hedges, "The deployment was “highly likely”.", &["highly likely | - | -"]);
        assert_finds(&Hedges, "The soldiers were expected to participate.", &["were expected to | - | -"]);
    }

    #[test]
    fn plain_statements_are_not() {
        assert_none(&Hedges, "The soldiers fled their posts on Monday.");
    }
}
