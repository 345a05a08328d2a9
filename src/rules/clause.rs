//! Shared pieces of a reporting clause: the verb group that forms a cue,
//! and the content before or after it.
//!
//! Content conventions (those of the annotated data): it starts with "that"
//! when there is one, leaves out the quotation marks around a quotation,
//! and leaves out the sentence's final punctuation.

use std::ops::Range;

use crate::lexicon::{Class, Verb};
use crate::text::{Document, QuoteSide, TokenKind};

/// A reporting verb with the auxiliaries and adverbs before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    /// The cue: the verb with the auxiliaries, negations and adverbs before
    /// it ("has gravely warned", "also said", as PolNeAR's annotators mark
    /// cues); the subject ends right before it.
    pub cue: Range<usize>,
    /// Index of the verb itself.
    pub verb: usize,
    /// A form of "have" comes before the verb ("has warned").
    pub perfect: bool,
    /// A form of "be" comes right before ("is claiming", "was told").
    pub be: bool,
    /// A modal or "do" comes before ("will say", "did not say").
    pub modal: bool,
    /// A modal of possibility or intent comes before ("would say", "may
    /// add"): what is said has not been said.
    pub hypothetical: bool,
}

/// Collects the auxiliaries, negations and adverbs before the verb at `verb`
/// ("has gravely warned", "did not say", "also revealed").
pub fn verb_group(doc: &Document, verb: usize, floor: usize) -> VerbGroup {
    let mut g = VerbGroup { cue: verb..verb + 1, verb, perfect: false, be: false, modal: false, hypothetical: false };
    let mut i = verb;
    while i > floor {
        let w = doc.norm(i - 1);
        let adverb = doc.class(i - 1, Class::Adverb)
            || (w.ends_with("ly") && w.len() > 4 && !doc.capitalized(i - 1) && !is_noun_in_ly(w));
        if doc.class(i - 1, Class::Perfect) || w == "'ve" {
            g.perfect = true;
        } else if doc.class(i - 1, Class::Be) {
            g.be |= i == verb || g.cue.start == i && !g.perfect;
        } else if doc.class(i - 1, Class::Modal) || doc.class(i - 1, Class::Do) || doc.class(i - 1, Class::Negative) {
            g.modal = true;
            g.hypothetical |= doc.class(i - 1, Class::Modal)
                || matches!(doc.norm(i - 1), "wouldn't" | "couldn't" | "shouldn't" | "won't" | "can't" | "cannot");
        } else if !(adverb || doc.class(i - 1, Class::Negation) || floating_quantifier(doc, i - 1, floor)) {
            break;
        }
        i -= 1;
        g.cue.start = i;
    }
    g
}

/// True for "each", "all" or "both" standing after the subject it
/// counts, not before a noun: "The carmakers [each] reported", "They [all]
/// said", "have [both] denied".
pub fn floating_quantifier(doc: &Document, i: usize, floor: usize) -> bool {
    doc.is(i, &["each", "all", "both"])
        && i > floor
        && doc.is_word(i - 1)
        && !doc.any_class(i - 1, Class::Preposition.bit() | Class::Determiner.bit() | Class::Conjunction.bit())
}

/// Words in -ly that are not adverbs.
fn is_noun_in_ly(w: &str) -> bool {
    matches!(
        w,
        "family"
            | "italy"
            | "july"
            | "rally"
            | "ally"
            | "assembly"
            | "supply"
            | "reply"
            | "fly"
            | "only"
            | "early"
            | "daily"
            | "weekly"
            | "monthly"
            | "likely"
            | "holy"
            | "anomaly"
            | "monopoly"
            | "emily"
            | "kelly"
            | "billy"
            | "molly"
            | "sally"
    )
}

/// The verb's entry, when token `i` is a reporting verb in lower case (or
/// capitalized at a line's start or in a title-case headline).
pub fn reporting_verb(doc: &Document, i: usize) -> Option<&'static Verb> {
    let verb = doc.verb(i)?;
    // "the United States" is no verb; "Trump Says" in a headline is
    let name_like = doc.capitalized(i) && doc.sentence_around(i).start != i && !doc.title_case(i);
    (!name_like).then_some(verb)
}

/// Index one past the last content token of the clause that starts at
/// `from`: the sentence's end without its final punctuation, or the end of
/// a quotation that starts the clause.
pub fn clause_end(doc: &Document, from: usize) -> usize {
    let sentence = doc.sentence_around(from.min(doc.len() - 1));
    let mut end = sentence.end;
    while end > from && is_closing_punct(doc, end - 1) {
        end -= 1;
    }
    end
}

fn is_closing_punct(doc: &Document, i: usize) -> bool {
    match doc.token(i).kind {
        TokenKind::Punct => {
            matches!(doc.norm(i), "." | "!" | "?" | "…" | ";" | ":" | "," | ")") || doc.norm(i).starts_with("..")
        }
        TokenKind::Quote(QuoteSide::Close) => {
            // a closing mark whose quotation opened inside the clause stays
            doc.quote_closed_at(i).is_none()
        }
        _ => false,
    }
}

/// True when token `i` opens a quotation.
pub fn opens_quote(doc: &Document, i: usize) -> bool {
    doc.quote_opened_at(i).is_some()
}

/// The inner tokens of the quotation opening at `open`, followed by those
/// of the paragraphs that continue it.
pub fn quotation_from(doc: &Document, open: usize) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let Some(first) = doc.quote_opened_at(open) else {
        return parts;
    };
    let mut k = first;
    loop {
        let q = doc.quotes[k];
        let inner = trimmed(doc, q.inner());
        if !inner.is_empty() {
            parts.push(inner);
        }
        match doc.quote_continuing(k) {
            Some(next) => k = next,
            None => break,
        }
    }
    parts
}

/// The content that follows a cue ending before token `from`: a quotation
/// (with its continuation paragraphs) or the rest of the clause, starting
/// with "that" when there is one.
pub fn content_after(doc: &Document, from: usize) -> Vec<Range<usize>> {
    if from >= doc.len() {
        return Vec::new();
    }
    let sentence_end = doc.sentence_around(from).end;
    let mut i = from;
    while i < sentence_end && matches!(doc.norm(i), ":" | "," | "—" | "–") {
        i += 1;
    }
    if i >= doc.len() {
        return Vec::new();
    }
    if opens_quote(doc, i) {
        let parts = quotation_from(doc, i);
        // a quotation that is only part of the clause ("called it “fake
        // news” on Tuesday") is taken with the rest of the clause
        if let Some(q) = doc.quote_opened_at(i).map(|k| doc.quotes[k]) {
            let after_close = q.close + 1;
            let rest_of_clause = after_close < clause_end(doc, i) && !is_closing_punct(doc, after_close);
            if !rest_of_clause || !q.closed {
                return parts;
            }
        }
    }
    let mut end = clause_end(doc, i);
    // words quoted end with their quotation: “It contradicts her
    // testimony,” the chairmen wrote
    if let Some(q) = doc.quote_around(from).filter(|q| q.closed && q.close < end) {
        end = q.close;
    }
    // and a clause inside an aside ends with it: "Waite—who proposed a
    // new reading—became ..."
    if let Some(close) = aside_close(doc, from, end) {
        end = close;
    }
    let range = trimmed(doc, i..end);
    if range.is_empty() {
        Vec::new()
    } else {
        vec![range]
    }
}

/// The dash that closes an aside open at token `from`, before `end`: the
/// sentence has an odd number of dashes before `from`.
fn aside_close(doc: &Document, from: usize, end: usize) -> Option<usize> {
    let dash = |k: &usize| matches!(doc.norm(*k), "—" | "–") || doc.is(*k, &["-"]) && doc.token(*k).space_before;
    let sentence = doc.sentence_around(from);
    let open = (sentence.start..from).filter(dash).count() % 2 == 1;
    if !open {
        return None;
    }
    (from..end).find(dash)
}

/// The content before a cue (or its source) starting at token `before`: a
/// quotation that ends there ("“...,” Zelensky said") or the clause from
/// the sentence's start ("The soldiers fled, according to Suspilne").
pub fn content_before(doc: &Document, before: usize) -> Vec<Range<usize>> {
    if before == 0 || before > doc.len() {
        return Vec::new();
    }
    let sentence = doc.sentence_around(before - 1);
    let mut end = before;
    while end > sentence.start && matches!(doc.norm(end - 1), "," | "—" | "–" | ":" | "-") {
        end -= 1;
    }
    if end > 0 {
        if let Some(q) = doc.quote_closed_at(end - 1) {
            // the whole quotation, even when it began in an earlier
            // sentence or paragraph
            let mut first = q;
            while let Some(prev) = doc.quote_continued_by(first) {
                first = prev;
            }
            return quotation_from(doc, doc.quotes[first].open);
        }
    }
    let mut start = sentence.start;
    while start < end
        && (matches!(doc.token(start).kind, TokenKind::Quote(QuoteSide::Open))
            || matches!(doc.norm(start), "(" | "—" | "-" | "•"))
    {
        start += 1;
    }
    let range = trimmed(doc, start..end);
    if range.is_empty() {
        Vec::new()
    } else {
        vec![range]
    }
}

/// The range without leading and trailing punctuation and stray marks;
/// quotation marks paired inside the range are kept.
pub fn trimmed(doc: &Document, range: Range<usize>) -> Range<usize> {
    let (mut a, mut b) = (range.start, range.end.min(doc.len()));
    let inside = |q: &crate::text::Quote, a: usize, b: usize| a <= q.open && q.close < b;
    while a < b {
        let t = doc.token(a);
        let paired = doc.quote_opened_at(a).is_some_and(|q| inside(&doc.quotes[q], a, b));
        if (t.kind == TokenKind::Punct || matches!(t.kind, TokenKind::Quote(_)))
            && !paired
            && !matches!(doc.norm(a), "$" | "£" | "€" | "(")
        {
            a += 1;
        } else {
            break;
        }
    }
    while b > a {
        let t = doc.token(b - 1);
        let paired = doc.quote_closed_at(b - 1).is_some_and(|q| inside(&doc.quotes[q], a, b));
        if (t.kind == TokenKind::Punct || matches!(t.kind, TokenKind::Quote(_)))
            && !paired
            && !matches!(doc.norm(b - 1), ")" | "%")
        {
            b -= 1;
        } else {
            break;
        }
    }
    a..b
}
