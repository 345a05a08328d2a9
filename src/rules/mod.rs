//! The attribution and hedge patterns, one rule a file.
//!
//! Each rule reads a [`Document`] and proposes [`Candidate`]s: token ranges
//! for cue, source and content. The engine ([`crate::analyze`]) settles
//! candidates that claim the same words, resolves their sources, and turns
//! them into findings. A rule's tests sit at the bottom of its file and use
//! the helpers in [`testing`].

pub mod according_to;
pub mod as_source_said;
pub mod asked;
pub mod clause;
pub mod colon;
pub mod coordinated;
pub mod disputes;
pub mod hearsay;
pub mod hedges;
pub mod nominal;
pub mod participle;
pub mod passive_by;
pub mod said_source;
pub mod source_said;
#[cfg(test)]
pub mod testing;
pub mod with_source;

use std::ops::Range;

use crate::report::{Judgement, Kind, Reason};
use crate::source::mention::Mention;
use crate::text::Document;

/// What a rule proposes, in token ranges.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Attribution or unverified.
    pub kind: Kind,
    /// The cue's tokens.
    pub cue: Range<usize>,
    /// The source's mention, if the rule found one.
    pub source: Option<Mention>,
    /// The content, in one or more pieces.
    pub content: Vec<Range<usize>>,
    /// Why an unverified finding or a sourceless attribution is flagged.
    pub reason: Option<Reason>,
    /// The judgement the cue carries, if it is a loaded word.
    pub loaded: Option<Judgement>,
    /// The source is that of the attribution before it in the sentence
    /// (", claiming that ...").
    pub inherits_source: bool,
    /// The rule that proposed it.
    pub rule: &'static str,
    /// The source's words as the reader is shown them, when the learned
    /// layer widens them past the mention ("Brian Fallon, the campaign's
    /// press secretary"); the mention alone still names the source.
    pub source_words: Option<Range<usize>>,
    /// How likely the candidate is right, 0 to 1: the learned scorer's
    /// figure for attributions (see [`crate::learn`]); 1 until it is scored.
    pub confidence: f32,
}

impl Candidate {
    /// An attribution with a source.
    pub fn attribution(rule: &'static str, cue: Range<usize>, source: Mention, content: Vec<Range<usize>>) -> Self {
        Candidate {
            kind: Kind::Attribution,
            cue,
            source: Some(source),
            content,
            reason: None,
            loaded: None,
            inherits_source: false,
            rule,
            source_words: None,
            confidence: 1.0,
        }
    }

    /// A claim reported with no source ("reportedly").
    pub fn hearsay(rule: &'static str, cue: Range<usize>, content: Vec<Range<usize>>) -> Self {
        Candidate {
            kind: Kind::Attribution,
            cue,
            source: None,
            content,
            reason: Some(Reason::Hearsay),
            loaded: None,
            inherits_source: false,
            rule,
            source_words: None,
            confidence: 1.0,
        }
    }

    /// An unverified finding: a hedge, hearsay or a dispute.
    pub fn unverified(rule: &'static str, cue: Range<usize>, reason: Reason) -> Self {
        Candidate {
            kind: Kind::Unverified,
            cue,
            source: None,
            content: Vec::new(),
            reason: Some(reason),
            loaded: None,
            inherits_source: false,
            rule,
            source_words: None,
            confidence: 1.0,
        }
    }
}

/// For each of `len` tokens, whether the cue of one of `candidates` covers it.
pub fn cue_mask(len: usize, candidates: &[Candidate]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for c in candidates {
        mask[c.cue.clone()].iter_mut().for_each(|t| *t = true);
    }
    mask
}

/// A pattern of attribution or hedging.
pub trait Rule {
    /// A short name, shown in debugging output.
    fn name(&self) -> &'static str;
    /// Adds the rule's candidates for `doc` to `out`.
    fn find(&self, doc: &Document, out: &mut Vec<Candidate>);
}

/// Every rule, in order of precedence: when two propose the same cue words,
/// the earlier one wins.
pub fn all() -> Vec<Box<dyn Rule + Send + Sync>> {
    vec![
        Box::new(according_to::AccordingTo),
        Box::new(as_source_said::AsSourceSaid),
        Box::new(nominal::Nominal),
        Box::new(source_said::SourceSaid),
        Box::new(said_source::SaidSource),
        Box::new(participle::Participle),
        Box::new(with_source::WithSource),
        Box::new(passive_by::PassiveBy),
        Box::new(coordinated::Coordinated),
        Box::new(colon::Colon),
        Box::new(asked::Asked),
        Box::new(hearsay::Hearsay),
        Box::new(disputes::Disputes),
        Box::new(hedges::Hedges),
    ]
}
