//! The engine: runs every rule over a text, settles candidates that claim
//! the same words, gives each source its canonical name and type, and
//! builds the [`Report`].

use std::ops::Range;
use std::sync::OnceLock;

use crate::learn::{Layer, Settings};
use crate::lexicon::Class;
use crate::report::{Finding, Kind, Part, Reason, Report, SourcePart, SourceType, Speech};
use crate::rules::{self, Candidate, Rule};
use crate::source::describe::describe;
use crate::source::mention::{self, antecedent, Form, Mention};
use crate::source::Resolver;
use crate::text::{Document, QuoteSide, TokenKind};
use crate::Span;

fn rules() -> &'static [Box<dyn Rule + Send + Sync>] {
    static RULES: OnceLock<Vec<Box<dyn Rule + Send + Sync>>> = OnceLock::new();
    RULES.get_or_init(rules::all)
}

/// Finds the attributions and unverified claims in `text`. Offsets in the
/// report are UTF-8 byte offsets into `text`; see [`Report::into_unit`].
///
/// ```
/// let report = sourcelight::analyze("The war is over, Zelensky said.");
/// let f = &report.findings[0];
/// assert_eq!(f.cue.text, "said");
/// assert_eq!(f.source.as_ref().unwrap().name, "Zelensky");
/// ```
pub fn analyze(text: &str) -> Report {
    analyze_with(text, Settings::default())
}

/// [`analyze`] with the learned layer used as `settings` say: the rules
/// alone, or another confidence threshold.
///
/// ```
/// use sourcelight::learn::Settings;
/// let text = "The war is over, Zelensky said.";
/// let every = sourcelight::analyze_with(text, Settings { min_confidence: 0.0, ..Settings::default() });
/// assert!(every.findings.iter().all(|f| (0.0..=1.0).contains(&f.confidence)));
/// ```
pub fn analyze_with(text: &str, settings: Settings) -> Report {
    let doc = Document::new(text);
    let mut candidates = rule_candidates(&doc);
    let model = settings.model().filter(|_| settings.learned);
    let layer = model.map(|m| Layer::new(&doc, &candidates, &m.taggers));
    if let Some(layer) = &layer {
        layer.propose(&doc, &mut candidates);
    }
    let mut kept = settle_and_inherit(&doc, candidates);
    if let (Some(layer), Some(model)) = (&layer, model) {
        layer.score(&doc, &model.scorer, &mut kept, settings.min_confidence);
        layer.widen(&doc, &mut kept);
    }
    finish(&doc, &mut kept);
    build(&doc, kept)
}

/// Every rule's candidates, in rule order.
pub(crate) fn rule_candidates(doc: &Document) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for rule in rules() {
        rule.find(doc, &mut candidates);
    }
    candidates
}

/// Settles the candidates and gives participles their sources: what the
/// scorer then judges.
pub(crate) fn settle_and_inherit(doc: &Document, candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut kept = settle(doc, candidates);
    inherit_sources(doc, &mut kept);
    kept
}

/// True when two stretches of text are the same words: "he" and "he" in
/// "He added that ..., he said".
fn same_words(doc: &Document, a: &Range<usize>, b: &Range<usize>) -> bool {
    a.len() == b.len() && a.clone().zip(b.clone()).all(|(i, j)| doc.norm(i) == doc.norm(j))
}

/// Extends and trims the contents of the candidates finally kept.
fn finish(doc: &Document, kept: &mut [Candidate]) {
    continue_quotations(doc, kept);
    end_contents_at_next_claim(doc, kept);
}

/// A kept attribution's source and content, in tokens, and where it is
/// in the list of those kept.
type Claim = (Range<usize>, Vec<Range<usize>>, usize);

/// Keeps one candidate for any words claimed twice. Candidates come in
/// rule order, and the earlier rule wins: an attribution whose cue words
/// an earlier attribution took, or that repeats an earlier one's source and
/// content, goes; so does an unverified cue on words already taken, except
/// a dispute, which stays beside the denial it marks.
fn settle(doc: &Document, candidates: Vec<Candidate>) -> Vec<Candidate> {
    // the tokens taken by attribution cues and by unverified cues
    let mut attribution_cue = vec![false; doc.len()];
    let mut unverified_cue = vec![false; doc.len()];
    // per sentence, the sources and contents of the attributions kept
    let mut claims: Vec<Vec<Claim>> = vec![Vec::new(); doc.sentences.len()];
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if reports_nothing_said(doc, &c) {
            continue;
        }
        let taken = |marks: &[bool]| c.cue.clone().any(|t| marks[t]);
        let clash = match c.kind {
            Kind::Attribution => {
                // the same source saying the same thing, found twice
                let same_claim = c.source.as_ref().and_then(|m| {
                    claims[doc.sentence_of(c.cue.start)].iter().find(|(source, contents, k)| {
                        (overlaps(source, &m.tokens) || same_words(doc, source, &m.tokens))
                            && contents.iter().any(|a| c.content.iter().any(|b| overlaps(a, b)))
                            && !quoted_within(doc, &kept[*k], &c)
                    })
                });
                // "He added that ..., he said": the repeat ends the claim
                if let (Some(&(_, _, k)), Some(m)) = (same_claim, &c.source) {
                    end_content_before(doc, &mut kept[k], m.tokens.start);
                }
                taken(&attribution_cue) || same_claim.is_some()
            }
            Kind::Unverified => {
                taken(&unverified_cue) || (c.reason != Some(Reason::Disputed) && taken(&attribution_cue))
            }
        };
        if clash {
            continue;
        }
        let marks = if c.kind == Kind::Attribution { &mut attribution_cue } else { &mut unverified_cue };
        for t in c.cue.clone() {
            marks[t] = true;
        }
        if let (Kind::Attribution, Some(m)) = (c.kind, &c.source) {
            claims[doc.sentence_of(c.cue.start)].push((m.tokens.clone(), c.content.clone(), kept.len()));
        }
        kept.push(c);
    }
    crate::order::by_key(&mut kept, |c| (c.cue.start as u64) << 1 | u64::from(c.kind == Kind::Unverified));
    kept
}

/// True when the cue of `inner` stands inside a quotation that `outer`
/// reports from outside it: "“When he says he will ..., I don't take
/// that as a joke,” he said." The speaker quoted is not repeating the
/// claim of the words he quotes.
fn quoted_within(doc: &Document, inner: &Candidate, outer: &Candidate) -> bool {
    let Some(quote) = doc.quote_around(inner.cue.start) else { return false };
    let inside = quote.open..quote.close + 1;
    !inside.contains(&outer.cue.start)
        && outer.content.iter().any(|r| r.contains(&inner.cue.start) && inside.contains(&r.start))
}

/// An attribution that reports nothing said by anyone: the writer's own
/// "I", "we" or "you" outside quotations ("We were told", "you might
/// think"), a cue denied with nothing said after it ("has not commented on
/// it"), nobody as the source ("Few would argue"), a source that names no
/// one, a reporter's credit, or a work written ("wrote a book").
fn reports_nothing_said(doc: &Document, c: &Candidate) -> bool {
    if c.kind != Kind::Attribution {
        return false;
    }
    let sentence = doc.sentence_around(c.cue.start).start;
    // "did not say whether ..." still reports what was (not) said; "has
    // not commented on the report" says nothing
    let said_nothing = c.content.iter().find(|r| !r.is_empty()).is_none_or(|r| doc.is(r.start, &["on", "about", "to"]));
    let negated = said_nothing
        && (c.cue.start.saturating_sub(2).max(sentence)..c.cue.end).any(|i| {
            let w = doc.norm(i);
            w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
        });
    let nobody = c.source.as_ref().is_some_and(|m| {
        let first = doc.norm(m.tokens.start);
        let alone = m.tokens.len() == 1;
        (alone && matches!(first, "few" | "nobody" | "none" | "enough"))
            || (alone && matches!(first, "i" | "we" | "you" | "us") && doc.quote_around(m.tokens.start).is_none())
    });
    negated
        || nobody
        || names_no_source(doc, c)
        || is_credit(doc, c)
        || writes_a_work(doc, c)
        || asks_anonymity(doc, c)
        || tells_about(doc, c)
}

/// True when the cue only tells something about its content, or says
/// nothing: "the result says a lot about the party", "their silence said
/// more about them", "saying nothing".
fn tells_about(doc: &Document, c: &Candidate) -> bool {
    let next = c.cue.end;
    if doc.is(next, &["nothing"]) {
        return true;
    }
    let amount = doc.is(next, &["more", "much", "little", "something", "everything", "volumes"]);
    let a_lot = doc.is(next, &["a"]) && doc.is(next + 1, &["lot", "great"]);
    let about = if a_lot { next + 2 } else { next + 1 };
    (amount || a_lot) && doc.is(about, &["about"])
}

/// True when the cue asks only not to be named: "who asked not to be
/// identified", "requested anonymity". That is how the source spoke, not
/// what they said.
fn asks_anonymity(doc: &Document, c: &Candidate) -> bool {
    let next = c.cue.end;
    let unnamed = doc.is(next, &["not"])
        && doc.is(next + 1, &["to"])
        && doc.is(next + 2, &["be"])
        && doc.is(next + 3, &["named", "identified", "quoted"]);
    unnamed || (c.cue.start..=next).any(|k| doc.is(k, &["anonymity"]))
}

/// True when the cue writes or publishes something and the content is only
/// what was written: "wrote a second book", "published a small guide in
/// 1910". No claim is reported unless the object says something: "wrote
/// an op-ed urging ...", "published a report saying ...", "wrote that ...",
/// "wrote: ...".
fn writes_a_work(doc: &Document, c: &Candidate) -> bool {
    const WRITES: &[&str] = &["write", "writes", "wrote", "written", "writing", "publish", "publishes", "published"];
    let object = c.cue.end;
    let starts_the_content = c.content.first().is_some_and(|r| r.start == object);
    // a quotation, a colon right after the verb, or a verb of saying
    // ("urging", "said"); not the colon before a title or the "published"
    // of the work itself ("wrote his first book: Tarot Basics, published
    // in 1970")
    let says_something = |k: usize| {
        matches!(doc.token(k).kind, TokenKind::Quote(_))
            || k == object && doc.is(k, &[":"])
            || doc.verb(k).is_some() && !doc.capitalized(k) && !doc.is(k, WRITES)
    };
    doc.is(c.cue.end - 1, WRITES)
        && starts_the_content
        && !doc.is(object, &["that", "about", "on", "of", "to"])
        && !c.content.iter().flat_map(Clone::clone).any(says_something)
}

/// True for a reporter's credit at the end of a story: "Stella Kim
/// reported from Seoul", "Jennifer Jett contributed reporting".
fn is_credit(doc: &Document, c: &Candidate) -> bool {
    let last = c.cue.end - 1;
    let first_of_content = c.content.first().map(|r| r.start).filter(|&k| k == c.cue.end);
    first_of_content.is_some_and(|k| {
        doc.is(last, &["reported"]) && doc.is(k, &["from"]) && doc.capitalized(k + 1)
            || doc.is(last, &["contributed"]) && doc.is(k, &["reporting"])
    })
}

/// True when the candidate's source is a noun phrase that neither names
/// anyone nor is a kind of source the lists know: "The thaw worried ...",
/// "Horror stories about ..." (see [`describe`]); "Many", "Some of them"
/// stand for people. Or it is a "who" or "which" that stands for no
/// phrase before it.
fn names_no_source(doc: &Document, c: &Candidate) -> bool {
    let Some(m) = &c.source else { return false };
    match m.form {
        Form::Pronoun => false,
        Form::Relative => antecedent(doc, m.tokens.start).is_none(),
        // "“...,” said the designer": right after a quotation and its verb,
        // any noun phrase is the speaker
        Form::Phrase
            if c.cue.start > 0 && doc.quote_closed_at(c.cue.start - 1).is_some() && m.tokens.start == c.cue.end =>
        {
            false
        }
        Form::Phrase => {
            let head = mention::head(doc, m);
            // "a bartender said": whoever says or tells is someone
            let speaks = m.tokens.end == c.cue.start && doc.is(c.cue.start, &["said", "says", "say", "told", "tells"]);
            let people = speaks
                || (m.tokens.start..=head).any(|k| doc.class(k, Class::Determiner) && !doc.is(k, &["the", "a", "an"]));
            !people && {
                let d = describe(doc, m.tokens.clone());
                !d.proper && !d.described
            }
        }
    }
}

/// A participle (", claiming that ...") takes the source of the
/// attribution before it in its sentence, or else the sentence's subject.
fn inherit_sources(doc: &Document, kept: &mut Vec<Candidate>) {
    for k in 0..kept.len() {
        if !kept[k].inherits_source {
            continue;
        }
        let cue = kept[k].cue.start;
        let sentence = doc.sentence_around(cue);
        // kept is in cue order: the search stops at the sentence's start
        let before = kept[..k]
            .iter()
            .rev()
            .take_while(|p| p.cue.start >= sentence.start)
            .find(|p| p.kind == Kind::Attribution && p.source.is_some());
        // a clause joined after that attribution has a subject of its own
        let from = before.map_or(sentence.start, |p| p.cue.start);
        let source = mention::relative_before_participle(doc, cue)
            .or_else(|| mention::joined_clause_subject(doc, from, cue))
            .or_else(|| before.and_then(|p| p.source.clone()))
            .or_else(|| mention::clause_subject(doc, sentence, cue));
        kept[k].source = source;
    }
    kept.retain(|c| !c.inherits_source || c.source.is_some());
}

/// A paragraph that is only a quotation, with no attribution of its own,
/// goes on with the quotation of the paragraph before: it joins that
/// attribution's content.
fn continue_quotations(doc: &Document, kept: &mut [Candidate]) {
    for q in &doc.quotes {
        if q.continues || !doc.token(q.open).line_break_before {
            continue;
        }
        let paragraph = doc.paragraph_around(q.open);
        if q.close + 1 < paragraph.end.saturating_sub(1) {
            continue; // something follows the quotation in its paragraph
        }
        // candidates are sorted by cue: those in this paragraph and the one before
        let first_here = kept.partition_point(|c| c.cue.start < paragraph.start);
        if kept.get(first_here).is_some_and(|c| c.cue.start < paragraph.end) {
            continue;
        }
        let Some(prev_end) = paragraph.start.checked_sub(1) else { continue };
        let previous = doc.paragraph_around(prev_end);
        let first_before = kept.partition_point(|c| c.cue.start < previous.start);
        let speaker = kept[first_before..first_here].iter_mut().rev().find(|c| {
            c.kind == Kind::Attribution && c.source.is_some() && c.content.last().is_some_and(|r| is_quotation(doc, r))
        });
        if let Some(c) = speaker {
            let inner = rules::clause::trimmed(doc, q.inner());
            // a quotation the content already reaches into is no continuation
            let reached = c.content.iter().any(|r| r.start < inner.end && inner.start < r.end);
            if !inner.is_empty() && !reached {
                c.content.push(inner);
            }
        }
    }
}

/// A content that runs into the next attribution of its sentence after a
/// comma or dash ends there: "Zelensky has warned that X, claiming that Y"
/// has the content "that X", and "The Kremlin said X, and Moscow denied Y"
/// the content "X". Without the punctuation the second attribution is part
/// of the first one's content ("said that Putin had said ...").
fn end_contents_at_next_claim(doc: &Document, kept: &mut [Candidate]) {
    for a in 0..kept.len() {
        if kept[a].kind != Kind::Attribution {
            continue;
        }
        let cue_start = kept[a].cue.start;
        let sentence = doc.sentence_of(cue_start);
        let starts: Vec<usize> = kept[a + 1..]
            .iter()
            .take_while(|b| doc.sentence_of(b.cue.start) == sentence)
            .filter(|b| b.kind == Kind::Attribution)
            // where the next claim begins: its source when that comes after
            // this cue, else its cue (a participle's source lies before)
            .map(|b| {
                b.source
                    .as_ref()
                    .map(|m| m.tokens.start)
                    .filter(|&s| s > cue_start)
                    .map_or(b.cue.start, |s| s.min(b.cue.start))
            })
            .collect();
        for next in starts {
            end_content_before(doc, &mut kept[a], next);
        }
    }
}

/// Ends the content of `c` after its cue where a punctuation mark comes
/// before token `next`, where another claim begins.
fn end_content_before(doc: &Document, c: &mut Candidate, next: usize) {
    let cue_start = c.cue.start;
    for fragment in &mut c.content {
        if fragment.start <= cue_start || !(fragment.start < next && next < fragment.end) {
            continue;
        }
        // "calling it illogical and saying ...": an "and" right before
        // the next claim ends this one too
        let ends = |k: usize| doc.is(k, &[",", ";", "—", "–"]) || k + 1 == next && doc.is(k, &["and"]);
        if let Some(p) = (fragment.start..next).rev().find(|&k| ends(k)) {
            *fragment = rules::clause::trimmed(doc, fragment.start..p);
        }
    }
    c.content.retain(|r| !r.is_empty());
}

/// The mention that names a candidate's source: the rules' mention, with
/// the words the learned layer found before it ("[Law enforcement]
/// sources", so that the source is not just "sources"). An apposition
/// after it describes and does not name ("Brian Fallon, the campaign's
/// press secretary").
fn named(c: &Candidate) -> Option<Mention> {
    let m = c.source.as_ref()?;
    Some(match &c.source_words {
        Some(words) if m.form == Form::Phrase && words.start < m.tokens.start => {
            Mention { tokens: words.start..m.tokens.end, form: Form::Phrase }
        }
        _ => m.clone(),
    })
}

/// True when the tokens are the inside of a quotation.
fn is_quotation(doc: &Document, r: &Range<usize>) -> bool {
    r.start > 0 && matches!(doc.token(r.start - 1).kind, TokenKind::Quote(QuoteSide::Open))
}

/// Turns settled candidates into findings: resolves sources in text order,
/// converts token ranges to byte spans, and links disputes to the claims
/// they dispute.
fn build(doc: &Document, kept: Vec<Candidate>) -> Report {
    let text = doc.text;
    let mut resolver = Resolver::new();
    let entity_of: Vec<Option<usize>> = kept.iter().map(|c| named(c).map(|m| resolver.resolve(doc, &m))).collect();
    let entities = resolver.entities();
    let spans = |ranges: &[Range<usize>]| -> Vec<Span> {
        ranges.iter().filter(|r| !r.is_empty()).map(|r| doc.span(r.clone())).collect()
    };
    let findings: Vec<Finding> = kept
        .iter()
        .zip(&entity_of)
        .map(|(c, entity)| {
            let source = c.source.as_ref().zip(*entity).map(|(m, id)| {
                let span = doc.span(c.source_words.clone().unwrap_or_else(|| m.tokens.clone()));
                SourcePart {
                    start: span.start,
                    end: span.end,
                    text: span.text(text).to_owned(),
                    source_type: entities[id].source_type,
                    name: entities[id].name.clone(),
                }
            });
            let content = spans(&c.content);
            let speech = (c.kind == Kind::Attribution && !content.is_empty()).then(|| {
                if c.content.iter().any(|r| is_quotation(doc, r)) {
                    Speech::Direct
                } else {
                    Speech::Reported
                }
            });
            Finding {
                kind: c.kind,
                category: Finding::category_of(c.kind, source.as_ref(), c.reason),
                cue: Part::new(text, &[doc.span(c.cue.clone())]),
                source,
                content: (!content.is_empty()).then(|| Part::new(text, &content)),
                reason: c.reason,
                speech,
                loaded: c.loaded,
                disputes: None,
                rule: c.rule,
                confidence: c.confidence,
            }
        })
        .collect();
    let (kept, mut findings) = without_permissions(kept, findings);
    link_disputes(doc, &kept, &mut findings);
    Report { findings }
}

/// Drops the hedge "may" inside what a document states: an agreement, a
/// law or a contract grants permissions ("the agreement states that either
/// side may leave"), it does not hedge.
fn without_permissions(kept: Vec<Candidate>, findings: Vec<Finding>) -> (Vec<Candidate>, Vec<Finding>) {
    let granted: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.source.as_ref().is_some_and(|s| s.source_type == SourceType::Document))
        .filter_map(|f| f.content.as_ref().map(|c| (c.start, c.end)))
        .collect();
    let permission = |f: &Finding| {
        f.reason == Some(Reason::Hedge)
            && f.cue.text.eq_ignore_ascii_case("may")
            && granted.iter().any(|&(a, b)| a <= f.cue.start && f.cue.end <= b)
    };
    kept.into_iter().zip(findings).filter(|(_, f)| !permission(f)).unzip()
}

/// A dispute disputes the nearest attribution before it, in its sentence
/// or the one before, that is not the denial itself.
fn link_disputes(doc: &Document, kept: &[Candidate], findings: &mut [Finding]) {
    for k in 0..kept.len() {
        if kept[k].reason != Some(Reason::Disputed) {
            continue;
        }
        let sentence = doc.sentence_of(kept[k].cue.start);
        // kept is in cue order: the search stops at the sentence before
        let target = (0..k).rev().take_while(|&j| doc.sentence_of(kept[j].cue.start) + 1 >= sentence).find(|&j| {
            let c = &kept[j];
            c.kind == Kind::Attribution && c.cue.end <= kept[k].cue.start
        });
        findings[k].disputes = target;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_nothing() {
        assert!(analyze("").findings.is_empty());
        assert!(analyze("   \n\n ").findings.is_empty());
    }

    #[test]
    fn participles_inherit_and_pronouns_resolve() {
        let r = analyze("Ukrainian President Volodymyr Zelensky has warned that war looms, claiming that Iran helps. He also said more was coming.");
        let names: Vec<_> = r.findings.iter().map(|f| f.source.as_ref().map(|s| s.name.as_str())).collect();
        assert_eq!(names, [Some("Volodymyr Zelensky"), Some("Volodymyr Zelensky"), Some("Volodymyr Zelensky")]);
    }

    #[test]
    fn a_participle_after_a_joined_clause_takes_that_clause_subject() {
        let r = analyze("Protest groups say the rules are unfair, and the city council has sued the state, saying they violate free speech.");
        let saying = r.findings.iter().find(|f| f.cue.text == "saying").expect("participle found");
        assert_eq!(saying.source.as_ref().unwrap().text, "the city council");
    }

    #[test]
    fn a_denial_disputes_the_accusation_before_it() {
        let r = analyze("Western intelligence agencies have accused North Korea of supplying artillery to Russia, accusations both Moscow and Pyongyang have denied.");
        let dispute = r.findings.iter().position(|f| f.kind == Kind::Unverified).unwrap();
        let target = r.findings[dispute].disputes.expect("linked");
        assert_eq!(r.findings[target].cue.text, "have accused");
    }

    #[test]
    fn a_participle_after_by_in_a_relative_clause_takes_its_relative() {
        let r = analyze(
            "Critics attacked the ruling party, which tried to rally voters by saying that turnout was surging.",
        );
        let saying = r.findings.iter().find(|f| f.cue.text == "saying").expect("participle found");
        assert_eq!(saying.source.as_ref().map(|s| s.text.as_str()), Some("which"));
        assert_eq!(saying.source.as_ref().map(|s| s.name.as_str()), Some("ruling party"));
    }

    #[test]
    fn the_words_the_layer_finds_before_a_source_name_it() {
        let r = analyze("Law enforcement sources tell a reporter the dress was taken from the room.");
        let source = r.findings[0].source.as_ref().expect("a source");
        assert_eq!(
            (source.text.as_str(), source.name.as_str()),
            ("Law enforcement sources", "Law enforcement sources")
        );
    }

    #[test]
    fn writing_a_book_is_no_claim_unless_the_writing_says_something() {
        let cues = |text: &str| {
            let every = analyze_with(text, Settings { min_confidence: 0.0, ..Settings::default() });
            every.findings.iter().map(|f| f.cue.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(cues("The historian wrote a second, more detailed book in 1970."), Vec::<String>::new());
        assert_eq!(cues("In 1910 the mystic published a small guide to the deck."), Vec::<String>::new());
        assert_eq!(
            cues("Then he wrote his first book on chess: Opening Moves, published in 1981."),
            Vec::<String>::new()
        );
        assert_eq!(cues("The senator wrote an op-ed urging Congress to act."), ["wrote"]);
        assert_eq!(cues("The senator wrote that Congress must act."), ["wrote"]);
        assert_eq!(cues("The senator wrote: “Congress must act.”"), ["wrote"]);
    }

    #[test]
    fn a_document_grants_permissions_it_does_not_hedge() {
        let kinds = |text: &str| analyze(text).findings.iter().map(|f| f.kind).collect::<Vec<_>>();
        assert_eq!(kinds("The agreement states that either side may leave after a year."), [Kind::Attribution]);
        assert!(kinds("Talks may collapse, officials said.").contains(&Kind::Unverified));
    }

    #[test]
    fn quotation_paragraphs_continue_their_speaker() {
        let r = analyze("“We will win,” she said.\n“The rest is detail.”\nThe end.");
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].content.as_ref().unwrap().text, "We will win … The rest is detail");
        assert_eq!(r.findings[0].speech, Some(Speech::Direct));
    }
}
