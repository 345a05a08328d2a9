//! The report: one shape for every face of the product.
//!
//! The command line writes it as JSON (the format `score.py` reads), the
//! browser gets it from `analyze()` and paints it. A [`Report`] fresh from
//! the engine counts UTF-8 bytes; [`Report::into_unit`] converts every
//! offset at once, through [`crate::offsets`].

use serde::Serialize;

use crate::offsets;
use crate::Span;

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// Findings in text order (by cue).
    pub findings: Vec<Finding>,
}

/// What a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A claim reported from someone or something, or reported with no
    /// source at all ("reportedly", "amid reports that").
    Attribution,
    /// The writer's own hedge ("it appears") or a dispute ("have denied").
    Unverified,
}

/// What kind of thing a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    /// A named person, or a pronoun standing for one.
    Person,
    /// A company, agency, government, party or campaign.
    Organization,
    /// A news outlet, broadcaster or agency of the press.
    Media,
    /// A social-media account or channel.
    Social,
    /// An unnamed or vague source ("officials", "experts").
    Unnamed,
    /// A document, poll, study or other text ("the agreement").
    Document,
}

/// Why a claim is flagged as unverified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// The writer hedges ("it appears", "highly likely").
    Hedge,
    /// Reported with no source ("reportedly", "rumours").
    Hearsay,
    /// Someone denies or rejects it, or there is "no evidence".
    Disputed,
}

/// The judgement a loaded cue carries (Wikipedia's "words to watch",
/// MOS:SAID): the writer's word for how someone spoke says what the writer
/// thinks of the claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Judgement {
    /// Presents the claim as true ("revealed", "pointed out", "noted").
    Affirms,
    /// Casts doubt on it ("claimed", "insisted", "alleged").
    Doubts,
    /// Presents it as an admission ("admitted", "conceded", "confessed").
    Concedes,
}

impl Judgement {
    /// The judgement a word list's tags give, if any.
    pub fn from_tags(has: impl Fn(&str) -> bool) -> Option<Judgement> {
        [("affirms", Judgement::Affirms), ("doubts", Judgement::Doubts), ("concedes", Judgement::Concedes)]
            .into_iter()
            .find(|(tag, _)| has(tag))
            .map(|(_, j)| j)
    }
}

/// Direct (quoted) or reported (paraphrased) speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Speech {
    /// The content is a quotation.
    Direct,
    /// The content is the writer's paraphrase.
    Reported,
}

/// How a finding is shown to readers: one colour each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Attributed to a named source of any type but `unnamed`.
    Named,
    /// Attributed to an unnamed or vague source.
    Unnamed,
    /// Reported with no source.
    NoSource,
    /// The writer hedges.
    Hedged,
    /// Disputed or denied.
    Disputed,
}

impl Category {
    /// Every category, in the order the panel lists them.
    pub const ALL: [Category; 5] =
        [Category::Named, Category::Unnamed, Category::NoSource, Category::Hedged, Category::Disputed];

    /// The stable name used in CSS classes and the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Named => "named",
            Category::Unnamed => "unnamed",
            Category::NoSource => "no-source",
            Category::Hedged => "hedged",
            Category::Disputed => "disputed",
        }
    }
}

/// One attribution or unverified claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Attribution or unverified.
    pub kind: Kind,
    /// How the finding is shown: derived from `kind`, `source` and `reason`.
    pub category: Category,
    /// The words that attribute or hedge ("said", "according to", "it appears").
    pub cue: Part,
    /// Who or what the claim comes from, when named in the text.
    pub source: Option<SourcePart>,
    /// What is claimed, when it can be delimited.
    pub content: Option<Part>,
    /// For unverified findings and sourceless attributions: why.
    pub reason: Option<Reason>,
    /// Quotation or paraphrase, for attributions with content.
    pub speech: Option<Speech>,
    /// When the cue is a word that carries the writer's judgement
    /// ("claimed", "admitted", "revealed"), which judgement.
    pub loaded: Option<Judgement>,
    /// For a dispute: the index in `findings` of the claim it disputes.
    pub disputes: Option<usize>,
    /// The rule that found it (`src/rules/<rule>.rs`, with `_` for `-`),
    /// or `model` for the learned cue tagger.
    pub rule: &'static str,
    /// How likely the finding is right, 0 to 1. For attributions it is the
    /// learned scorer's estimate that the cue and the source are right
    /// ([`crate::learn`]); unverified findings carry 1 for now.
    pub confidence: f32,
}

impl Finding {
    /// The category implied by the other fields.
    pub fn category_of(kind: Kind, source: Option<&SourcePart>, reason: Option<Reason>) -> Category {
        match (kind, source, reason) {
            (Kind::Unverified, _, Some(Reason::Disputed)) => Category::Disputed,
            (Kind::Unverified, _, _) => Category::Hedged,
            (Kind::Attribution, None, _) => Category::NoSource,
            (Kind::Attribution, Some(s), _) if s.source_type == SourceType::Unnamed => Category::Unnamed,
            (Kind::Attribution, Some(_), _) => Category::Named,
        }
    }
}

/// A stretch of the text, possibly in several fragments (a quotation split
/// by "she said"). `start..end` covers all fragments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    /// Start offset of the first fragment.
    pub start: usize,
    /// End offset of the last fragment.
    pub end: usize,
    /// The covered text (fragments joined with " … ").
    pub text: String,
    /// The pieces, when there is more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fragments: Vec<Fragment>,
}

/// One piece of a [`Part`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// The source of an attribution: where it is named, and what it names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourcePart {
    /// Start offset of the mention ("Ukrainian President Volodymyr Zelensky", "he").
    pub start: usize,
    /// End offset of the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// What kind of source it is.
    #[serde(rename = "type")]
    pub source_type: SourceType,
    /// The canonical name, the same however the text names the source
    /// ("Volodymyr Zelensky" for "Zelensky", "he" and "Mr Zelensky").
    pub name: String,
}

impl Part {
    /// A part made of the given byte spans of `text` (in order, non-empty).
    pub fn new(text: &str, spans: &[Span]) -> Part {
        let first = spans.first().copied().unwrap_or_default();
        let last = spans.last().copied().unwrap_or_default();
        let joined: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        Part {
            start: first.start,
            end: last.end,
            text: joined.join(" … "),
            fragments: if spans.len() > 1 {
                spans.iter().map(|s| Fragment { start: s.start, end: s.end }).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// The fragments as spans (one span when there is a single piece).
    pub fn spans(&self) -> Vec<Span> {
        if self.fragments.is_empty() {
            vec![Span::new(self.start, self.end)]
        } else {
            self.fragments.iter().map(|f| Span::new(f.start, f.end)).collect()
        }
    }
}

/// The unit offsets in a report count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units, for JavaScript.
    Utf16,
    /// Unicode code points, for JSON read by Python.
    CodePoints,
}

impl Report {
    /// Converts every offset of a byte-offset report into `unit`. `text` must
    /// be the text the report was made from.
    pub fn into_unit(mut self, text: &str, unit: Unit) -> Report {
        let mut offsets = Vec::new();
        self.visit_offsets(|o| offsets.push(*o));
        match unit {
            Unit::Utf16 => offsets::bytes_to_utf16(text, &mut offsets),
            Unit::CodePoints => offsets::bytes_to_code_points(text, &mut offsets),
        }
        let mut converted = offsets.into_iter();
        self.visit_offsets(|o| *o = converted.next().unwrap_or(*o));
        self
    }

    /// Moves every offset `delta` bytes on: the report of a part of a text,
    /// made a report on the whole text.
    pub fn shift(&mut self, delta: usize) {
        self.visit_offsets(|o| *o += delta);
    }

    /// Calls `f` on every offset, always in the same order.
    fn visit_offsets(&mut self, mut f: impl FnMut(&mut usize)) {
        for finding in &mut self.findings {
            for part in [Some(&mut finding.cue), finding.content.as_mut()].into_iter().flatten() {
                f(&mut part.start);
                f(&mut part.end);
                for fragment in &mut part.fragments {
                    f(&mut fragment.start);
                    f(&mut fragment.end);
                }
            }
            if let Some(source) = &mut finding.source {
                f(&mut source.start);
                f(&mut source.end);
            }
        }
    }
}
