//! Where a cue or a source begins and ends, as annotators mark them.
//!
//! The rules find the core of a cue ("said", "accused") and the mention
//! that names a source ("Brian Fallon"). Annotators also take in the words
//! around them that belong to the attribution: adverbs and phrases of the
//! cue ("also said", "said in an interview", "accused ... of"), the
//! apposition of a source ("Brian Fallon, the campaign's press
//! secretary"). The taggers have learned those habits word by word; here
//! a cue or source grows over the adjacent words they give at least one
//! half, never over another finding's cue. The content gives up any words
//! the cue or source then cover.

use std::ops::Range;

use super::propose::BETWEEN_SUBJECT_AND_VERB;
use crate::lexicon::Class;
use crate::rules::Candidate;
use crate::text::{Document, TokenKind};

/// A word the cue tagger gives at least this probability joins the cue
/// next to it (more likely part of it than not; since the rules' cues
/// take in their adverbs, 0.6 makes more cues exact than 0.45 did: on dev
/// 0.651 against 0.648, on train 0.640 against 0.639) ...
const CUE_JOIN: f32 = 0.6;

/// ... and a word the source tagger gives at least this one joins the
/// source. (Chosen on PolNeAR dev for exact cue and source spans.)
const SOURCE_JOIN: f32 = 0.25;

/// Closed-class words, which end no source.
const FUNCTION: u32 = Class::Preposition.bit()
    | Class::Conjunction.bit()
    | Class::Determiner.bit()
    | Class::Relative.bit()
    | Class::Function.bit()
    | Class::Aux.bit();

/// Reporting verbs and the preposition that introduces what their claim is
/// about, which annotators take into the cue: "pointed to", "warned of".
const GOVERNED: &[(&str, &str)] = &[("point", "to"), ("warn", "of"), ("boast", "of"), ("accuse", "of")];

/// The most words a span grows by on one side.
const MAX_GROWTH: usize = 30;

/// Widens `c`'s cue and source, given the taggers' probabilities per token,
/// never over the tokens `taken` marks (the cues of the other findings);
/// marks the cue's new tokens as taken.
pub fn widen(
    doc: &Document,
    c: &mut Candidate,
    taken: &mut [bool],
    cue_p: &dyn Fn(usize) -> f32,
    source_p: &dyn Fn(usize) -> f32,
) {
    let Some(source) = c.source.as_ref().map(|m| m.tokens.clone()) else { return };
    let sentence = doc.sentence_around(c.cue.start);
    let mut cue = grow(doc, c.cue.clone(), &source, taken, sentence.clone(), &|k| cue_p(k) >= CUE_JOIN, false);
    // on its left a cue takes what stands between a subject and its verb
    // ("has also said"), not the end of a subject's phrase ("who favor
    // free [trade] agree")
    while cue.start < c.cue.start && !between_subject_and_verb(doc, cue.start) {
        cue.start += 1;
    }
    // nor does it end inside a phrase it took part of: "said in a
    // [statement]" is "said", and so is "said in [an interview]" (a
    // preposition of place, time or occasion with its noun left out; one
    // that takes the claim stays: "called for", "concerned about")
    let circumstance = |k: usize| doc.is(k, &["in", "at", "during"]);
    if cue.end > c.cue.end
        && (doc.any_class(cue.end - 1, Class::Determiner.bit() | Class::Conjunction.bit()) || circumstance(cue.end - 1))
    {
        cue.end -= 1;
        while cue.end > c.cue.end && (!doc.is_word(cue.end - 1) || doc.any_class(cue.end - 1, FUNCTION)) {
            cue.end -= 1;
        }
    }
    // and it takes the preposition right after it that says what the
    // claim is about: "warned [about]", "cautioned [against]" (of the gold
    // cues on train next to one, 292 take it in and 16 leave it after them),
    // and the one its verb governs (see `GOVERNED`): "pointed [to]",
    // "warned [of]" (gold takes it in 9 times of 9 after "point" on train,
    // 7 of 7 on dev; 4 of 4 and 1 of 1 after "warn")
    let verb = cue.clone().rev().find_map(|k| doc.verb(k));
    let governed = |k: usize| verb.is_some_and(|v| GOVERNED.iter().any(|&(base, p)| v.base == base && doc.is(k, &[p])));
    if cue.end + 1 < sentence.end
        && (doc.is(cue.end, &["about", "against"]) || governed(cue.end))
        && !taken[cue.end]
        && !source.contains(&cue.end)
    {
        cue.end += 1;
    }
    taken[cue.clone()].iter_mut().for_each(|t| *t = true);
    let mut words = grow(doc, source.clone(), &cue, taken, sentence.clone(), &|k| source_p(k) >= SOURCE_JOIN, true);
    // a source starts with none of the words before it that are not its
    // own: "[As] The Daily Caller reported"
    while words.start < source.start && (doc.any_class(words.start, FUNCTION) || doc.is(words.start, &["of"])) {
        words.start += 1;
    }
    // and a mention that opens with its article or determiner has its
    // left edge already: "accusations [both Moscow and Pyongyang]"
    if doc.class(source.start, Class::Determiner) {
        words.start = source.start;
    }
    // an apposition ends in a word of its own, not "including" or "of"
    while words.end > source.end && (!doc.is_word(words.end - 1) || doc.any_class(words.end - 1, FUNCTION)) {
        words.end -= 1;
    }
    // and it closes: at the cue, or at a comma, dash or bracket
    let closed = words.end == cue.start || doc.is(words.end, &[",", ")", "—", "–"]);
    if !closed {
        words.end = source.end;
    }
    if words.end == source.end {
        let described = if source.start < cue.end {
            described_up_to_cue(doc, source.end, cue.start)
        } else if c.content.iter().any(|r| r.start >= source.end) {
            None // the content follows the source: no description does
        } else {
            described_to_sentence_end(doc, source.end, sentence.end, taken)
        };
        words.end = described.unwrap_or(words.end);
    }
    // a politician's party and state, in brackets after the name, are part
    // of the source: "Sen. Bernie Sanders [(I-Vt.)] said" (gold takes them
    // in every time our source ends before them: 34 times on dev, 26 on train)
    if let Some(end) = party_after(doc, words.end) {
        words.end = end;
    }
    c.cue = cue.clone();
    if words != source {
        c.source_words = Some(words.clone());
    }
    let content = std::mem::take(&mut c.content);
    c.content = content
        .into_iter()
        .flat_map(|f| outside(f, &cue))
        .flat_map(|f| outside(f, &words))
        .filter(|f| !f.is_empty())
        .collect();
}

/// One past the closing bracket of a party and state that open at token
/// `i`: "(D-Nev.)", "(R-S.C.)", "(I)".
fn party_after(doc: &Document, i: usize) -> Option<usize> {
    if !doc.is(i, &["("]) {
        return None;
    }
    let close = (i + 2..(i + 6).min(doc.len())).find(|&k| doc.is(k, &[")"]))?;
    // a party's initial, alone or with a state's abbreviation after a hyphen
    let inside = doc.span(i + 1..close).text(doc.text).as_bytes();
    let party = matches!(inside, [b'D' | b'R' | b'I'] | [b'D' | b'R' | b'I', b'-', b'A'..=b'Z', ..])
        && inside.len() <= 10
        && inside.iter().all(|b| b.is_ascii_alphabetic() || b"-.".contains(b));
    party.then_some(close + 1)
}

/// The end of a description set off by commas between a source and its
/// cue, which annotators count as part of the source: "Bruce Haynes[, a
/// GOP strategist in Washington,] said", "Bush[, Florida's former
/// governor,] said". An aside of another kind ("who ...", "however")
/// is left out.
fn described_up_to_cue(doc: &Document, source_end: usize, cue_start: usize) -> Option<usize> {
    let aside = source_end + 1..cue_start.checked_sub(1)?;
    let opens = doc.is(source_end, &[","]) && doc.is(aside.end, &[","]) && aside.len() <= MAX_GROWTH;
    let plain = aside.clone().all(|k| plain_word(doc, k));
    (opens && !aside.is_empty() && opens_description(doc, aside.start) && plain).then_some(aside.end)
}

/// The end of a description that follows a source after its cue to the
/// end of the sentence, which annotators count as part of the source:
/// "said Bruce Haynes[, a GOP strategist in Washington]." It starts with
/// an article, a capitalized word or a kind of source ("president of
/// ..."), and holds no quotation mark or other finding's cue.
fn described_to_sentence_end(doc: &Document, source_end: usize, sentence_end: usize, taken: &[bool]) -> Option<usize> {
    let first = source_end + 1;
    if !doc.is(source_end, &[","]) || first >= sentence_end {
        return None;
    }
    let describes = opens_description(doc, first) || doc.source_word(first) && !doc.any_class(first, FUNCTION);
    let mut end = sentence_end;
    while end > first && (!doc.is_word(end - 1) && doc.token(end - 1).kind != TokenKind::Number) {
        end -= 1; // the final period, a closing bracket or quotation mark
    }
    let plain = (first..end).all(|k| !taken[k] && plain_word(doc, k));
    (describes && plain && end > first && end - first <= MAX_GROWTH).then_some(end)
}

/// True when token `k` can open a description: an article, or a
/// capitalized word that is not a function word ("a GOP strategist",
/// "Florida's former governor").
fn opens_description(doc: &Document, k: usize) -> bool {
    doc.is(k, &["a", "an", "the"]) || doc.capitalized(k) && !doc.any_class(k, FUNCTION)
}

/// True when token `k` can stand in a description: no quotation mark,
/// semicolon or colon.
fn plain_word(doc: &Document, k: usize) -> bool {
    !matches!(doc.token(k).kind, TokenKind::Quote(_)) && !doc.is(k, &[";", ":"])
}

/// True for a word that may stand between a subject and its verb: an
/// auxiliary, a modal, an adverb, a negation, or another verb.
fn between_subject_and_verb(doc: &Document, k: usize) -> bool {
    doc.any_class(k, BETWEEN_SUBJECT_AND_VERB) || doc.verb(k).is_some() || doc.norm(k).ends_with("ly")
}

/// `span` grown on both sides over the words a tagger `believed` in,
/// within `sentence` and never into `other` or a `taken` token. With
/// `bridge`, one punctuation mark between two such words is taken too on the right
/// ("Fallon, the"); on the left a comma ends the span ("Speaking in Kyiv,
/// Zelensky").
fn grow(
    doc: &Document,
    span: Range<usize>,
    other: &Range<usize>,
    taken: &[bool],
    sentence: Range<usize>,
    believed: &dyn Fn(usize) -> bool,
    bridge: bool,
) -> Range<usize> {
    let free = |k: usize| !other.contains(&k) && !taken[k] && sentence.contains(&k);
    let joins = |k: usize| free(k) && believed(k);
    let bridges = |k: usize| bridge && free(k) && doc.token(k).kind != TokenKind::Word;
    let (mut start, mut end) = (span.start, span.end);
    let mut grown = 0;
    while grown < MAX_GROWTH && start > sentence.start {
        if joins(start - 1) {
            start -= 1;
        } else {
            break;
        }
        grown += 1;
    }
    grown = 0;
    while grown < MAX_GROWTH && end < sentence.end {
        if joins(end) {
            end += 1;
        } else if bridges(end) && end + 1 < sentence.end && joins(end + 1) {
            end += 2;
        } else {
            break;
        }
        grown += 1;
    }
    start..end
}

/// The parts of `fragment` outside `taken`: none, one, or two when `taken`
/// lies strictly inside it.
fn outside(fragment: Range<usize>, taken: &Range<usize>) -> Vec<Range<usize>> {
    if taken.end <= fragment.start || fragment.end <= taken.start {
        return vec![fragment];
    }
    [fragment.start..taken.start.max(fragment.start), taken.end.min(fragment.end)..fragment.end]
        .into_iter()
        .filter(|r| !r.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::outside;

    /// The source's words as the reader is shown them, for each finding.
    fn sources(text: &str) -> Vec<String> {
        crate::analyze(text).findings.iter().filter_map(|f| f.source.as_ref().map(|s| s.text.clone())).collect()
    }

    #[test]
    fn a_description_set_off_by_commas_is_part_of_the_source() {
        assert_eq!(
            sources("“Fares will rise,” said Bruce Hale, a transport analyst in Leeds."),
            ["Bruce Hale, a transport analyst in Leeds"]
        );
        assert_eq!(
            sources("Bruce Hale, a transport analyst in Leeds, said fares would rise."),
            ["Bruce Hale, a transport analyst in Leeds"]
        );
        // another kind of aside is not
        assert_eq!(sources("Bruce Hale, who lives in Leeds, said fares would rise."), ["Bruce Hale"]);
    }

    #[test]
    fn a_source_that_opens_with_its_determiner_takes_no_words_before_it() {
        let text = "They accused the firms, accusations both Ankara and Tehran have denied.";
        let doc = crate::text::Document::new(text);
        let mut candidates = crate::analyze::rule_candidates(&doc);
        let c =
            candidates.iter_mut().find(|c| c.source.is_some() && doc.is(c.cue.start, &["have"])).expect("the denial");
        let mut taken = vec![false; doc.len()];
        // a tagger that believes every word is part of the source
        super::widen(&doc, c, &mut taken, &|_| 0.0, &|_| 1.0);
        let source = c.source_words.clone().unwrap_or_else(|| c.source.as_ref().unwrap().tokens.clone());
        assert_eq!(&text[doc.span(source).range()], "both Ankara and Tehran");
    }

    #[test]
    fn a_source_takes_the_party_and_state_after_the_name() {
        for (text, source) in [
            ("Sen. Bernie Sanders (I-Vt.) said the vote was rigged.", "Sen. Bernie Sanders (I-Vt.)"),
            ("Rep. Trey Gowdy (R-S.C.) said that claim was false.", "Rep. Trey Gowdy (R-S.C.)"),
            ("Sen. Joe Manchin (D) said the bill would pass.", "Sen. Joe Manchin (D)"),
            // another aside in brackets is not
            ("Joe Manchin (pictured) said the bill would pass.", "Joe Manchin"),
        ] {
            let doc = crate::text::Document::new(text);
            let mut candidates = crate::analyze::rule_candidates(&doc);
            let c = candidates.iter_mut().find(|c| c.source.is_some()).expect("the rules find it");
            let mut taken = vec![false; doc.len()];
            super::widen(&doc, c, &mut taken, &|_| 0.0, &|_| 0.0);
            let words = c.source_words.clone().unwrap_or_else(|| c.source.as_ref().unwrap().tokens.clone());
            assert_eq!(&text[doc.span(words).range()], source, "{text}");
        }
    }

    #[test]
    fn a_cue_ends_with_the_preposition_of_its_topic_not_of_a_circumstance() {
        // a cue tagger that believes in the word after the verb alone
        for (text, extra, widened) in [
            ("Hale said in an interview that fares would rise.", "in", "said"),
            ("Hale said during a visit that fares would rise.", "during", "said"),
            ("Hale warned about higher fares.", "about", "warned about"),
            // what the claim is about is part of the cue, whatever the tagger says
            ("Hale cautioned against higher fares.", "-", "cautioned against"),
            // and so is the preposition the verb takes: "pointed to", "warned of"
            ("Hale pointed to higher fares as the cause.", "-", "pointed to"),
            ("Hale has warned of higher fares.", "-", "has warned of"),
            // but not another verb's: "said to" is no cue of its own
            ("Hale said to reporters that fares would rise.", "-", "said"),
        ] {
            let doc = crate::text::Document::new(text);
            let mut candidates = crate::analyze::rule_candidates(&doc);
            let c = candidates.iter_mut().find(|c| c.source.is_some()).expect("the rules find it");
            let mut taken = vec![false; doc.len()];
            super::widen(&doc, c, &mut taken, &|k| if doc.is(k, &[extra]) { 0.9 } else { 0.0 }, &|_| 0.0);
            assert_eq!(&text[doc.span(c.cue.clone()).range()], widened, "{text}");
        }
    }

    #[test]
    fn what_is_outside_a_span() {
        assert_eq!(outside(0..5, &(7..9)), vec![0..5]);
        assert_eq!(outside(0..5, &(0..2)), vec![2..5]);
        assert_eq!(outside(0..5, &(3..9)), vec![0..3]);
        assert_eq!(outside(0..9, &(3..5)), vec![0..3, 5..9]);
        assert!(outside(3..5, &(0..9)).is_empty());
    }
}
