//! What a mention names: the kind of source and its name.
//!
//! A mention mixes descriptions and a name: "Ukrainian President Volodymyr
//! Zelensky" is a demonym, a title, then the name; "Russian Telegram channel
//! Kremlin Snuffbox" is a demonym, a kind of channel, then the name. The
//! last description before the name says what kind of source the name is;
//! without a name, the description is the source ("Ukrainian intelligence
//! officials", "the agreement").

use std::ops::Range;

use crate::lexicon::{lexicon, Class};
use crate::report::SourceType;
use crate::source::mention::{
    abbreviation_dot, is_apposed_name, is_participle, people_of_a_kind, share_ending_at, study_with_tail, ATTACHING,
    TAKING_PHRASE,
};
use crate::text::{Document, TokenKind};

/// What a mention says about its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Description {
    /// The kind of source.
    pub source_type: SourceType,
    /// The name, stripped of titles and descriptions ("Volodymyr
    /// Zelensky"), or for a mention with no name, the description without
    /// its article ("Ukrainian intelligence officials").
    pub name: String,
    /// True when `name` is a proper name.
    pub proper: bool,
    /// The type the description gave before the name, if any ("outlet"
    /// makes a name media): it overrides what a name alone would suggest.
    pub described: bool,
    /// True when nothing in the mention said what kind of source a name
    /// is and it was taken for a person: the rest of the text may know
    /// better (see [`crate::source::resolve`]).
    pub guessed: bool,
}

/// Generational suffixes that end a person's name ("Jr.", "III").
pub(crate) const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// A share of people that opens `tokens`: "nine in 10" names those polled;
/// "43 percent of voters" and "four out of 10 riders" the group shared.
fn share(doc: &Document, tokens: Range<usize>) -> Option<Description> {
    let start = tokens.start;
    let last = tokens.clone().rev().find(|&e| share_ending_at(doc, e, start) == Some(start))?;
    let group = if doc.is(last + 1, &["of"]) { last + 2 } else { last + 1 };
    if group < tokens.end {
        let d = describe(doc, group..tokens.end);
        return Some(Description { described: true, ..d });
    }
    let name = text_of(doc, tokens);
    Some(Description { source_type: SourceType::Unnamed, name, proper: false, described: true, guessed: false })
}

/// Describes the mention made of `tokens`.
pub fn describe(doc: &Document, tokens: Range<usize>) -> Description {
    let lex = lexicon();
    let end = tokens.end;
    let mut start = tokens.start;
    if let Some(d) = share(doc, start..end) {
        return d;
    }
    // "those polled": described by the participle, named by both words
    // (the participle alone names no one)
    if tokens.len() == 2
        && doc.is(start, &["those", "these"])
        && !doc.capitalized(start + 1)
        && doc.norm(start + 1).ends_with("ed")
    {
        return Description { name: text_of(doc, tokens.clone()), ..describe(doc, start + 1..end) };
    }
    // "the", but not "Many" of "Many of them"
    while start + 1 < end && doc.class(start, Class::Determiner) && !doc.is(start + 1, &["of"]) {
        start += 1;
    }
    if let Some(d) = with_attached_phrase(doc, start..end) {
        return d;
    }
    // "her mother, Fiona": a description, then the name in apposition
    if let Some(comma) = (start + 1..end).rev().find(|&k| doc.is(k, &[","])) {
        if is_apposed_name(doc, comma + 1..end) {
            let described = describe(doc, start..comma);
            if !described.proper && described.described {
                let source_type = match described.source_type {
                    SourceType::Unnamed => SourceType::Person,
                    t => t,
                };
                return Description {
                    source_type,
                    name: text_of(doc, comma + 1..end),
                    proper: true,
                    described: true,
                    guessed: false,
                };
            }
        }
    }
    let mut described: Option<SourceType> = None;
    let mut name_from = start;
    let mut listed_name: Option<SourceType> = None;
    let mut name_noun: Option<SourceType> = None;
    // Once a name has begun, demonyms belong to it ("Center of National
    // Resistance").
    let mut in_name = false;
    let mut k = start;
    while k < end {
        if let Some((n, phrase)) = doc.source_phrase_at(k, end) {
            let word = phrase.value;
            let last_is_lower = !doc.capitalized(k + n - 1) || doc.capitalized_by_position(k + n - 1);
            if word.is_name {
                // a listed name only names the source when the name starts
                // with it: "Sudan Airways", not "Kathy Ireland"
                if k == name_from || !in_name {
                    listed_name = listed_name.or(Some(word.source_type));
                }
            } else if word.honorific || word.source_type == SourceType::Person || last_is_lower {
                described = Some(word.source_type);
                name_from = k + n;
                in_name = false;
            } else {
                name_noun = name_noun.or(Some(word.source_type)); // "Department", "Times"
                in_name = true;
            }
            k += n;
            continue;
        }
        if let Some((n, _)) = lex.demonyms.longest_at(doc.ids(), k, end) {
            // A demonym before other words describes; at the end it names
            // ("the Russians"). A capital "New" before a capitalized word
            // begins a place's name ("New Jersey").
            let place = doc.is(k, &["new"]) && doc.capitalized(k) && k + 1 < end && doc.capitalized(k + 1);
            if k + n < end && !in_name && !place {
                name_from = name_from.max(k + n);
                k += n;
                continue;
            }
        }
        in_name |= doc.capitalized(k);
        k += 1;
    }
    // Skip what cannot start a name: the period of "Mr.", a possessive.
    while name_from < end && (abbreviation_dot(doc, name_from) || doc.token(name_from).kind == TokenKind::Possessive) {
        name_from += 1;
    }
    // "Martin Luther King Jr.": a suffix is no name by itself
    if name_from > start
        && (name_from..end).any(|i| doc.is(i, NAME_SUFFIXES))
        && (name_from..end).all(|i| doc.is(i, NAME_SUFFIXES) || abbreviation_dot(doc, i))
    {
        name_from -= 1;
        while name_from > start && doc.capitalized(name_from - 1) && !doc.source_word(name_from - 1) {
            name_from -= 1;
        }
    }
    // "Horror stories about ...": a sentence's first word names nothing
    // when the text writes it in lower case too
    let has_name = (name_from..end).any(|i| doc.capitalized(i) && !doc.capitalized_by_position(i));
    // "Many Tunisians": the people of a place, not someone named, and a
    // kind of source of their own
    if has_name && name_from + 1 == end && lex.is_people_of(doc.norm(name_from)) {
        let name = text_of(doc, start..end);
        return Description { source_type: SourceType::Unnamed, name, proper: false, described: true, guessed: false };
    }
    if has_name {
        let named = listed_name.or(name_noun);
        let source_type = match described {
            Some(SourceType::Unnamed) => SourceType::Person, // "analyst John Smith"
            Some(t) => t,
            None => match named {
                Some(t) => t,
                // "PPP", "P&G": people are not named in capitals
                None if is_acronym(doc, name_from..end) => SourceType::Organization,
                None => SourceType::Person,
            },
        };
        // "Ines Bauer of the Geological Survey": a person's name ends
        // before the place they speak for
        let mut name_end = end;
        if source_type == SourceType::Person {
            if let Some(p) = (name_from + 1..end).find(|&k| doc.is(k, &["of", "from", "at"])) {
                name_end = p;
            }
        }
        return Description {
            source_type,
            name: text_of(doc, name_from..name_end),
            proper: true,
            described: described.is_some(),
            guessed: described.is_none() && named.is_none(),
        };
    }
    let source_type = match described {
        Some(SourceType::Person) | None => SourceType::Unnamed, // "a spokesman"
        Some(t) => t,
    };
    Description {
        source_type,
        name: text_of(doc, start..end),
        proper: false,
        described: described.is_some(),
        guessed: false,
    }
}

/// True when `tokens` are one word in capitals, as acronyms are: "PPP",
/// "P&G", "AT&T" (not "I" or "A").
fn is_acronym(doc: &Document, tokens: Range<usize>) -> bool {
    // one word, or one joined by "&": "JOHN SMITH" in a shouting headline is no acronym
    let one_word = tokens.len() == 1 || tokens.len() == 3 && doc.raw(tokens.start + 1) == "&";
    let chars = || tokens.clone().flat_map(|i| doc.raw(i).chars());
    one_word
        && chars().filter(char::is_ascii_uppercase).count() >= 2
        && chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}

/// A mention whose head has a phrase attached ("a spokesman for the
/// ministry", "officials familiar with the talks"): the head says what kind
/// of source it is, unless it is a post, report or outlet and the phrase
/// names who is behind it ("a post on the Telegram channel Dockside
/// Watch").
fn with_attached_phrase(doc: &Document, tokens: Range<usize>) -> Option<Description> {
    // "a 2014 study by two universities", "a poll published on Sunday":
    // the study, or who made it when they are named
    if let Some(k) = (tokens.start..tokens.end.saturating_sub(1)).find(|&k| study_with_tail(doc, k)) {
        let head = describe(doc, tokens.start..k + 1);
        if doc.is(k + 1, &["by", "from"]) && k + 2 < tokens.end {
            // who made it, up to a phrase about something else: "by The
            // New York Times [of the pitch]", not "by the University of
            // California at Berkeley"
            let end = (k + 3..tokens.end)
                .find(|&j| {
                    (doc.class(j, Class::Preposition) || doc.is(j, &["of"]))
                        && j + 1 < tokens.end
                        && !doc.capitalized(j + 1)
                })
                .unwrap_or(tokens.end);
            let maker = describe(doc, k + 2..end);
            if maker.proper {
                return Some(maker);
            }
        }
        return Some(Description { name: text_of(doc, tokens), ..head });
    }
    // "a leaked memo seen by this newspaper": the memo is the source
    if let Some(by) = (tokens.start + 2..tokens.end).find(|&k| doc.is(k, &["by"]) && is_participle(doc, k - 1)) {
        let head = describe(doc, tokens.start..by - 1);
        return Some(Description { name: text_of(doc, tokens), ..head });
    }
    let p = (tokens.start + 1..tokens.end).find(|&k| {
        // a kind of source, not a name: lower case, or capitalized only as
        // a sentence's first word ("Organizers in Cleveland", but not the
        // title "Secretary of State John Kerry")
        // (but a title's "of" is part of the title: "Secretary of State John
        // Kerry"; "Critics of the plan" are critics)
        let first_word = |h: usize| {
            h == tokens.start
                && doc.sentence_around(h).start == h
                && (!doc.is(h + 1, &["of"]) || people_of_a_kind(doc, h))
        };
        let lower_head = |h: usize| doc.source_word(h) && (!doc.capitalized(h) || first_word(h));
        doc.is(k, ATTACHING)
            && (lower_head(k - 1) || k >= tokens.start + 2 && doc.is(k - 1, TAKING_PHRASE) && lower_head(k - 2))
    })?;
    let head_end = if doc.is(p - 1, TAKING_PHRASE) { p - 1 } else { p };
    let head = describe(doc, tokens.start..head_end);
    let attached = describe(doc, p + 1..tokens.end);
    if matches!(head.source_type, SourceType::Social | SourceType::Document | SourceType::Media) && attached.proper {
        return Some(attached);
    }
    Some(Description { name: text_of(doc, tokens), ..head })
}

/// The words of `tokens` with single spaces between them and no space
/// before punctuation that clings to the word before ("Ukraine’s", "Mr.").
fn text_of(doc: &Document, tokens: Range<usize>) -> String {
    // no longer than the text the tokens span
    let mut out = String::with_capacity(if tokens.is_empty() { 0 } else { doc.span(tokens.clone()).len() });
    for i in tokens {
        if !out.is_empty() && doc.token(i).space_before {
            out.push(' ');
        }
        out.push_str(doc.raw(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, source_type: SourceType, name: &str) {
        let doc = Document::new(text);
        let d = describe(&doc, 0..doc.len());
        assert_eq!((d.source_type, d.name.as_str()), (source_type, name), "describing {text:?}");
    }

    #[test]
    fn titles_and_descriptions_come_off_the_name() {
        use SourceType::*;
        check("Ukrainian President Volodymyr Zelensky", Person, "Volodymyr Zelensky");
        check("South Korean Defense Minister Kim Yong-hyun", Person, "Kim Yong-hyun");
        check("Mr. Rutte", Person, "Rutte");
        check("NATO chief Mark Rutte", Person, "Mark Rutte");
        check("Ukrainian public broadcaster Suspilne", Media, "Suspilne");
        check("Ukrainian outlet LIGA", Media, "LIGA");
        check("Russian Telegram channel Kremlin Snuffbox", Social, "Kremlin Snuffbox");
        check("the Center of National Resistance", Organization, "Center of National Resistance");
    }

    #[test]
    fn descriptions_without_names() {
        use SourceType::*;
        check("Ukrainian intelligence officials", Unnamed, "Ukrainian intelligence officials");
        check("Western intelligence agencies", Organization, "Western intelligence agencies");
        check("Ukraine’s military intelligence", Organization, "Ukraine’s military intelligence");
        check("The agreement", Document, "agreement");
        check("a spokesman", Unnamed, "spokesman");
        check("experts", Unnamed, "experts");
        check("Law enforcement sources", Unnamed, "Law enforcement sources");
        check("law enforcement officials", Unnamed, "law enforcement officials");
        check("Many Tunisians", Unnamed, "Tunisians");
        check("Those polled", Unnamed, "Those polled");
        check("those surveyed", Unnamed, "those surveyed");
        check("those officials", Unnamed, "officials");
        check("Critics of the plan", Unnamed, "Critics of the plan");
    }

    #[test]
    fn a_study_is_described_by_who_made_it_when_they_are_named() {
        use SourceType::*;
        check("A 2014 study by Harvard University", Organization, "Harvard University");
        check("A review by The New York Times of the pitch", Media, "New York Times");
        check("An ABC News poll published on Sunday", Document, "ABC News poll published on Sunday");
        check("a study by two economists", Document, "study by two economists");
        // no words, no study: an empty mention is described, not looped over
        let empty = crate::text::Document::new("");
        assert_eq!(describe(&empty, 0..0).name, "");
    }

    #[test]
    fn known_names() {
        use SourceType::*;
        check("The Kremlin", Organization, "Kremlin");
        check("both Moscow and Pyongyang", Organization, "Moscow and Pyongyang");
        check("Suspilne", Media, "Suspilne");
        check("The New York Times", Media, "New York Times");
        check("Zelensky", Person, "Zelensky");
    }
}
