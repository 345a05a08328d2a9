//! The learned layer: three small models trained on annotated news, working
//! with the rules.
//!
//! - The **cue tagger** gives every word the probability that it is part of
//!   an attribution cue. It reads the word and its neighbours, the word
//!   lists' classes, quotation marks, and what the rules proposed there.
//!   Runs of words it believes in that no rule proposed become candidates
//!   of their own ([`propose`]), with a source and content found the way
//!   the rules find them, or with no source for a passive with no agent
//!   ("has been harshly criticized").
//! - The **source tagger** reads the same and gives every word the
//!   probability that it is part of a source; it picks the source of the
//!   cue tagger's proposals and tells the scorer how source-like a
//!   candidate's source is.
//! - The **scorer** gives every candidate attribution with a source, from
//!   the rules and from the tagger alike, and the tagger's own with none,
//!   a confidence: the probability
//!   that its cue and source are right. It reads the rule, the cue, the
//!   source's form and type, the distance between them, the content, and
//!   both taggers' beliefs. It judges the candidates the engine kept after
//!   settling overlaps (participles have their source only then), and
//!   those below the threshold are dropped.
//!
//! All three are logistic regressions over hashed features ([`features`])
//! kept in one file ([`model`]) that the crate embeds at compile time. The
//! trainer (`src/bin/train.rs`, native only) writes that file from
//! `polnear-train.jsonl`; nothing here depends on a browser or learns.

pub mod extent;
pub mod features;
pub mod model;
pub mod propose;
#[cfg(not(target_arch = "wasm32"))]
pub mod training;

use std::cell::Cell;
use std::sync::OnceLock;

use crate::report::Kind;
use crate::rules::Candidate;
use crate::text::Document;
use features::TokenTable;
use model::{Pair, Table};

/// The model the crate ships, written by `cargo run --release --bin train`.
const SHIPPED: &[u8] = include_bytes!("../../model/sourcelight.model");

/// The findings reported by default have at least this confidence. Chosen
/// on PolNeAR dev for precision: the lowest, in hundredths, at which
/// relation precision stays at 0.88 or more (QUALITY.md shows the curve),
/// a point above the 0.87 aimed at there, as real pages are further from
/// the news the model learned from than dev is; and never below 0.5, so
/// that a finding is shown only when the scorer holds it more likely right
/// than wrong (on dev its confidence is calibrated: of the findings near
/// 0.5, about half are right). Near the threshold, a highlight that is a
/// coin flip costs a reader more trust than a missed one.
pub const THRESHOLD: f32 = 0.5;

/// The tables of a model file, in this order.
#[derive(Debug)]
pub struct Model {
    /// Word by word: part of a cue or not.
    pub tagger: Table,
    /// Word by word: part of a source or not.
    pub sources: Table,
    /// Candidate by candidate: cue and source right or not.
    pub scorer: Table,
    /// The two taggers side by side, as the engine reads them.
    pub(crate) taggers: Pair,
}

impl Model {
    /// Reads a model file.
    pub fn read(bytes: &[u8]) -> Result<Model, model::FormatError> {
        let [tagger, sources, scorer]: [Table; 3] =
            model::read(bytes, 3)?.try_into().map_err(|_| model::FormatError("a model has three tables"))?;
        Model::new(tagger, sources, scorer)
    }

    /// A model of its three tables; the taggers must share a hash space.
    pub fn new(tagger: Table, sources: Table, scorer: Table) -> Result<Model, model::FormatError> {
        let taggers = Pair::new(&tagger, &sources)?;
        Ok(Model { tagger, sources, scorer, taggers })
    }

    /// The model file's bytes.
    pub fn write(&self) -> Vec<u8> {
        model::write(&[&self.tagger, &self.sources, &self.scorer])
    }
}

/// The shipped model, read once; `None` only if the embedded file is broken
/// (a test makes sure it is not), and then the rules work alone.
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::read(SHIPPED).ok()).as_ref()
}

/// How the engine uses the learned layer.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Use the learned layer. When false the rules work alone, as they did
    /// before it: every candidate is kept, with a confidence of 1.
    pub learned: bool,
    /// Attributions with a lower confidence are not reported.
    pub min_confidence: f32,
    /// The model to use instead of the shipped one (one just trained).
    pub model: Option<&'static Model>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { learned: true, min_confidence: THRESHOLD, model: None }
    }
}

impl Settings {
    /// The model these settings use: their own, else the shipped one.
    pub fn model(&self) -> Option<&'static Model> {
        self.model.or_else(shipped)
    }
}

/// The learned layer's view of one text: what each token is, and the
/// taggers' probabilities for each.
pub struct Layer<'m> {
    table: TokenTable,
    /// Per token, the cue tagger's and the source tagger's probabilities
    /// (0 for tokens they do not read). Both come from the same features,
    /// so they are computed together: at once for the words that can carry
    /// a cue, and for the others (function words, adverbs) when first asked
    /// for (NaN until then).
    tagged: Vec<Cell<Tags>>,
    taggers: &'m Pair,
}

/// What the two taggers say of a token.
#[derive(Clone, Copy)]
struct Tags {
    cue: f32,
    source: f32,
}

impl Tags {
    const UNKNOWN: Tags = Tags { cue: f32::NAN, source: f32::NAN };
}

impl<'m> Layer<'m> {
    /// Tags the words of `doc` that can carry a cue, given the rules'
    /// candidates (the taggers read them); the rest is tagged on demand.
    pub fn new(doc: &Document, candidates: &[Candidate], taggers: &'m Pair) -> Layer<'m> {
        let table = TokenTable::new(doc, candidates);
        let mut layer = Layer { table, tagged: Vec::new(), taggers };
        layer.tagged = (0..doc.len())
            .map(|i| Cell::new(if propose::can_carry_a_cue(doc, i) { layer.tag(doc, i) } else { Tags::UNKNOWN }))
            .collect();
        layer
    }

    /// Both taggers' probabilities for token `i`, computed.
    fn tag(&self, doc: &Document, i: usize) -> Tags {
        if !features::taggable(doc, i) {
            return Tags { cue: 0.0, source: 0.0 };
        }
        let mut sums = self.taggers.sums();
        features::token_to(doc, &self.table, i, &mut sums);
        let [cue, source] = sums.probabilities();
        Tags { cue, source }
    }

    /// Both taggers' probabilities for token `i`, known or computed now.
    fn tags(&self, doc: &Document, i: usize) -> Tags {
        let known = self.tagged[i].get();
        if !known.cue.is_nan() {
            return known;
        }
        let tags = self.tag(doc, i);
        self.tagged[i].set(tags);
        tags
    }

    /// The cue tagger's probability for token `i`.
    fn cue_p(&self, doc: &Document, i: usize) -> f32 {
        self.tags(doc, i).cue
    }

    /// The source tagger's probability for token `i`.
    fn source_p(&self, doc: &Document, i: usize) -> f32 {
        self.tags(doc, i).source
    }

    /// Adds the tagger's own cues to `candidates` (see [`propose`]).
    pub fn propose(&self, doc: &Document, candidates: &mut Vec<Candidate>) {
        let mut proposed = Vec::new();
        propose::cues(doc, &|i| self.cue_p(doc, i), &|i| self.source_p(doc, i), candidates, &mut proposed);
        candidates.append(&mut proposed);
    }

    /// The scorer's features of a candidate attribution, in `out`.
    pub fn features(&self, doc: &Document, c: &Candidate, out: &mut Vec<u32>) {
        let cue = c.cue.clone().map(|t| self.cue_p(doc, t)).fold(0.0, f32::max);
        let source = c.source.as_ref().map_or(0.0, |m| {
            m.tokens.clone().map(|t| self.source_p(doc, t)).sum::<f32>() / m.tokens.len().max(1) as f32
        });
        features::candidate(doc, &self.table, c, features::Belief { cue, source }, out);
    }

    /// Gives every attribution the scorer judges (see [`scored`]) its
    /// confidence from `scorer`, and drops those below `min_confidence`.
    /// The rules' claims with no source ("reportedly") and unverified
    /// findings keep a confidence of 1.
    pub fn score(&self, doc: &Document, scorer: &Table, kept: &mut Vec<Candidate>, min_confidence: f32) {
        let mut buffer = Vec::with_capacity(64);
        for c in kept.iter_mut().filter(|c| scored(c)) {
            self.features(doc, c, &mut buffer);
            c.confidence = scorer.probability(&buffer);
        }
        kept.retain(|c| !scored(c) || c.confidence >= min_confidence);
    }

    /// Widens the cues and sources of scored attributions over the words
    /// next to them that the taggers take for part of them (see [`extent`]).
    pub fn widen(&self, doc: &Document, kept: &mut [Candidate]) {
        let mut taken = crate::rules::cue_mask(doc.len(), kept);
        for c in kept.iter_mut().filter(|c| scored(c)) {
            extent::widen(doc, c, &mut taken, &|i| self.cue_p(doc, i), &|i| self.source_p(doc, i));
        }
    }
}

/// True for the candidates the scorer judges: attributions with a source,
/// and the tagger's own with none.
pub fn scored(c: &Candidate) -> bool {
    c.kind == Kind::Attribution && (c.source.is_some() || c.rule == propose::RULE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_loads() {
        let model = shipped().expect("model/sourcelight.model reads");
        assert!(model.tagger.non_zero() > 100, "{model:?}");
        assert!(model.scorer.non_zero() > 100, "{model:?}");
        assert_eq!(Model::read(&model.write()).unwrap().write(), SHIPPED);
    }
}
