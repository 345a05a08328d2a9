//! Mentions: the words that name a source, found next to a cue.
//!
//! English puts the source right before its verb ("Ukrainian President
//! Volodymyr Zelensky has warned"), right after an inverted verb or
//! "according to" ("said Mr Rutte", "according to Suspilne"), and sometimes
//! apart from it by an aside ("the Center of National Resistance — an
//! entity established by ... — reported"). These functions find the noun
//! phrase in those places with a small grammar over word classes: names,
//! words from the source lists, determiners, possessives, and "of" or "and"
//! between them. They accept only what looks like a source: precision
//! first.

use std::ops::Range;

use crate::lexicon::{lexicon, Class, Verb};
use crate::report::SourceType;
use crate::source::describe::describe;
use crate::text::{Document, TokenKind};

/// The longest a mention may be, in tokens.
const MAX_MENTION: usize = 12;

/// The longest aside skipped between a source and its verb, in tokens.
const MAX_ASIDE: usize = 30;

/// What sort of words a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "he", "she", "they", "we", "I", "it".
    Pronoun,
    /// "who", "which", "that": stands for the phrase before it.
    Relative,
    /// A noun phrase: a name, a description, or both.
    Phrase,
}

/// A mention of a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The tokens of the mention.
    pub tokens: Range<usize>,
    /// What sort of words it is.
    pub form: Form,
}

/// True when token `i` is a word of a closed class that never belongs to a
/// name ("but", "in", "has", "that"), whatever its case.
fn is_function_word(doc: &Document, i: usize) -> bool {
    const NEVER_IN_NAMES: u32 = Class::Preposition.bit()
        | Class::Conjunction.bit()
        | Class::Aux.bit()
        | Class::Negation.bit()
        | Class::Relative.bit()
        | Class::Function.bit()
        | Class::Time.bit()
        | Class::Object.bit()
        | Class::Adverb.bit();
    doc.any_class(i, NEVER_IN_NAMES) || doc.verb(i).is_some() && !doc.capitalized(i) && !is_source_word(doc, i)
}

/// True when token `i` is a word the source lists know as a kind of source
/// or a descriptor ("officials", "broadcaster", "Ukrainian").
fn is_source_word(doc: &Document, i: usize) -> bool {
    doc.source_word(i)
}

/// True when token `i` can end a mention: a capitalized word that is not a
/// function word, or a word the source lists know.
fn can_be_head(doc: &Document, i: usize) -> bool {
    if !doc.is_word(i) || is_function_word(doc, i) {
        return false;
    }
    // "The", "This" open a sentence in capitals without naming anyone
    if doc.class(i, Class::Determiner) {
        // "most recently defended": an adverb, not "most" of them
        let adverb = doc.is(i, &["most", "all"]) && i + 1 < doc.len() && doc.norm(i + 1).ends_with("ly");
        return !adverb
            && matches!(
                doc.norm(i),
                "some" | "many" | "others" | "both" | "several" | "most" | "few" | "all" | "one" | "another"
            );
    }
    doc.capitalized(i) || is_source_word(doc, i)
}

/// True when token `i` can stand inside a mention, left of its head.
fn can_be_modifier(doc: &Document, i: usize) -> bool {
    match doc.token(i).kind {
        TokenKind::Number => true,
        TokenKind::Word => !is_function_word(doc, i) && (doc.capitalized(i) || is_source_word(doc, i)),
        _ => false,
    }
}

/// Prepositions that may attach a phrase to a source's head: "a spokesman
/// for the mayor", "the organizer of a rally", "officials at the agency".
pub(crate) const ATTACHING: &[&str] = &["of", "for", "at", "from", "in", "with", "on", "to", "inside", "within"];

/// Adjectives that take a phrase after a source: "officials familiar with
/// the talks", "people close to the campaign".
pub(crate) const TAKING_PHRASE: &[&str] =
    &["familiar", "close", "loyal", "allied", "linked", "tied", "opposed", "sympathetic"];

/// Subordinating words that the grammar lists as prepositions: a subject
/// may follow them ("after Trump said").
const SUBORDINATING: &[&str] = &["after", "before", "since", "until", "till", "as", "like", "because", "than"];

/// The mention that ends right before token `end`, not reaching before
/// token `floor`: the subject of a verb at `end`. The object of a
/// preposition is no subject ("In a statement said").
pub fn before(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    let m = before_any(doc, end, floor)?;
    let start = m.tokens.start;
    let after_preposition = start > floor
        && doc.class(start - 1, Class::Preposition)
        && !SUBORDINATING.contains(&doc.norm(start - 1))
        && doc.norm(start - 1) != "of";
    (!after_preposition || m.form != Form::Phrase).then_some(m)
}

/// The mention that ends right before token `end`, wherever it stands: the
/// possessor of "Donald Trump’s claim".
pub fn before_any(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    if end == 0 || end <= floor {
        return None;
    }
    let mut head = end - 1;
    // "Joseph R. Biden Jr. said", "Acme Inc. said": the period of an
    // abbreviation closes the name
    if abbreviation_dot(doc, head) && head > floor + 1 {
        head -= 1;
    }
    if doc.class(head, Class::Relative) {
        return Some(Mention { tokens: head..end, form: Form::Relative });
    }
    if let Some(m) = across_relative_clause(doc, end, floor) {
        return Some(m);
    }
    // "The senator in a statement said", "The administration on Friday
    // accused": how or when the verb's subject spoke is no part of it
    if let Some(p) = adjunct_before(doc, end, floor) {
        return before_any(doc, p, floor);
    }
    if doc.class(head, Class::Pronoun) {
        return Some(Mention { tokens: head..end, form: Form::Pronoun });
    }
    // "those polled", "those surveyed": the people asked
    if head > floor && doc.is(head - 1, &["those"]) && is_participle(doc, head) {
        return Some(Mention { tokens: head - 1..end, form: Form::Phrase });
    }
    if let Some(m) = across_aside(doc, head, floor) {
        return Some(m);
    }
    let start = match phrase_ending_at(doc, head, floor) {
        Some(start) => attach_left(doc, start, floor),
        // the head is no source word, but a phrase attached to one may end
        // here: "the organizer of a pro-Trump rally"
        None => attached_phrase(doc, head, floor)?,
    };
    // "a memo seen by this newspaper states": the agent of a participle
    // belongs to the phrase before it, which is the subject
    if start >= floor + 2 && doc.is(start - 1, &["by"]) && is_participle(doc, start - 2) {
        if let Some(m) = before_any(doc, start - 2, floor).filter(|m| m.form == Form::Phrase) {
            return Some(Mention { tokens: m.tokens.start..end, form: Form::Phrase });
        }
    }
    Some(Mention { tokens: start..end, form: Form::Phrase })
}

/// Studies and polls: they find and show things as people say them ("the
/// poll shows", "a study by two universities found").
pub(crate) const STUDIES: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "analysis",
    "analyses",
    "review",
    "audit",
    "investigation",
    "inquiry",
    "probe",
    "research",
    "census",
];

/// Records and figures: they show things too ("the data show"). Figures
/// "from" someone are what that someone found, as "findings from" are
/// ("New figures from the statistics office have revealed"), so only a
/// participle joins a phrase to them ("numbers released by the state").
pub(crate) const RECORDS: &[&str] = &["data", "numbers", "figures", "statistics", "records", "results", "returns"];

/// The longest phrase after a study's head noun, in tokens.
const MAX_STUDY_TAIL: usize = 14;

/// A subject with a long phrase after its head that ends right before
/// token `end`, not reaching before token `floor`: a study or a record,
/// when the verb is one of finding (`finding`), or people of a kind.
/// "[A 2014 study by two universities] found", "[A poll published on
/// Sunday] showed", "[New numbers released Tuesday by the state] show",
/// "[Experts on North Korea and nuclear nonproliferation] said",
/// "[Political observers in Virginia and around the country] say". The
/// phrase opens with a preposition (or, after a study, a participle) and
/// holds no verb, clause or punctuation of its own; a subject that is the
/// object of a preposition ("in a poll by ...") is none, and how or when
/// someone spoke ("in a statement") is no part of it.
pub fn subject_with_tail_before(doc: &Document, end: usize, floor: usize, finding: bool) -> Option<Mention> {
    if adjunct_before(doc, end, floor).is_some() {
        return None;
    }
    let lowest = end.saturating_sub(MAX_STUDY_TAIL + 1).max(floor);
    let mut k = end;
    while k > lowest {
        let j = k - 1;
        // a study's head, or people's, with the phrase opening after it
        if k < end && (finding && study_with_tail(doc, j) || doc.is(k, PEOPLE_TAIL) && people_of_a_kind(doc, j)) {
            let start = phrase_ending_at(doc, j, floor)?;
            let object = start > floor && doc.class(start - 1, Class::Preposition);
            return (!object).then_some(Mention { tokens: start..end, form: Form::Phrase });
        }
        if !in_study_tail(doc, j) {
            return None;
        }
        k = j;
    }
    None
}

/// Prepositions that open a phrase after people of a kind: "experts on
/// ...", "observers in ...", "Democrats across the state".
const PEOPLE_TAIL: &[&str] =
    &["on", "in", "of", "from", "at", "for", "with", "around", "across", "throughout", "inside", "outside", "among"];

/// True when token `j` is a plural noun for people the text does not name:
/// "experts", "observers", "officials".
pub(crate) fn people_of_a_kind(doc: &Document, j: usize) -> bool {
    (!doc.capitalized(j) || doc.opens_sentence(j))
        && doc.norm(j).ends_with('s')
        && doc.source_phrase_at(j, j + 1).is_some_and(|(n, p)| n == 1 && p.value.source_type == SourceType::Unnamed)
}

/// True when token `head` is a study or a record with a phrase after it
/// that opens at `head + 1`: "by", "of", "from" after a study;
/// "published", "released", "out" after either.
pub(crate) fn study_with_tail(doc: &Document, head: usize) -> bool {
    let k = head + 1;
    if doc.class(k, Class::Preposition) && !SUBORDINATING.contains(&doc.norm(k)) {
        return doc.is(head, STUDIES);
    }
    (is_participle(doc, k) || doc.is(k, &["out"])) && (doc.is(head, STUDIES) || doc.is(head, RECORDS))
}

/// True when token `j` can stand in the phrase after a study's head: a
/// word that is no finite verb, auxiliary, pronoun, relative or
/// conjunction but "and", a number, a possessive, or a slash or hyphen
/// ("USA TODAY/Suffolk University").
fn in_study_tail(doc: &Document, j: usize) -> bool {
    const CLAUSE: u32 = Class::Relative.bit()
        | Class::Aux.bit()
        | Class::Modal.bit()
        | Class::Be.bit()
        | Class::Perfect.bit()
        | Class::Do.bit()
        | Class::Pronoun.bit()
        | Class::Conjunction.bit();
    match doc.token(j).kind {
        TokenKind::Number | TokenKind::Possessive => true,
        TokenKind::Word => {
            // a verb's form may be a noun or a name here: "the state",
            // "Pennsylvania State University"
            let noun = doc.verb(j).is_none()
                || is_participle(doc, j)
                || doc.capitalized(j)
                || j > 0 && doc.class(j - 1, Class::Determiner);
            !doc.any_class(j, CLAUSE) && noun || doc.is(j, &["and"])
        }
        TokenKind::Punct => doc.is(j, &["/", "-", "&"]) || abbreviation_dot(doc, j),
        _ => false,
    }
}

/// Where a phrase saying how or when someone spoke starts, when one ends
/// right before token `end` after the words of a subject: "in a
/// statement", "in a Medium post", "on Twitter", "on Friday", "on Tuesday
/// night".
fn adjunct_before(doc: &Document, end: usize, floor: usize) -> Option<usize> {
    const MEDIUM: &[&str] = &[
        "statement",
        "interview",
        "letter",
        "post",
        "tweet",
        "email",
        "e-mail",
        "speech",
        "video",
        "op-ed",
        "memo",
        "release",
        "conference",
        "appearance",
        "broadcast",
        "podcast",
        "briefing",
        "twitter",
        "facebook",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let last = end.checked_sub(1)?;
    if !(doc.is(last, MEDIUM) || doc.class(last, Class::Time) && doc.capitalized(last)) {
        return None;
    }
    let lowest = end.saturating_sub(6).max(floor + 1);
    let p = (lowest..last).rev().find(|&k| doc.is(k, &["in", "on", "during", "via"]))?;
    let plain =
        (p + 1..last).all(|k| doc.is_word(k) && doc.verb(k).is_none() || doc.token(k).kind == TokenKind::Possessive);
    // "the man in the video" is who the man is, and "a poll published on
    // Sunday" which poll; and something before it must be the subject: a
    // word, not a comma
    let modifies = doc.is(p + 1, &["the"]) || is_participle(doc, p - 1);
    (plain && !modifies && doc.is_word(p - 1)).then_some(p)
}

/// The phrase a relative pronoun at `i` stands for: "the department(,)
/// which", "Smith, who", "Waite—who".
pub fn antecedent(doc: &Document, i: usize) -> Option<Mention> {
    let floor = doc.sentence_around(i).start;
    let end = if i > floor && doc.is(i - 1, &[",", "—", "–"]) { i - 1 } else { i };
    // the object of a preposition can be one: "turned to the Chicago
    // Police Department, which reported"; so can a share of those polled:
    // "including 18% who say"
    before_any(doc, end, floor).filter(|m| m.form == Form::Phrase).or_else(|| {
        let start = share_ending_at(doc, end.checked_sub(1).filter(|&last| last >= floor)?, floor)?;
        Some(Mention { tokens: start..end, form: Form::Phrase })
    })
}

/// The longest relative clause skipped between a subject and its verb, in tokens.
const MAX_RELATIVE_CLAUSE: usize = 10;

/// The subject before a relative clause that ends right before token
/// `end`: "[economists] who favor a tax agree", "[Hawkins and others] who
/// want to ban abortion said". The clause has no punctuation in it.
fn across_relative_clause(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    let lowest = end.saturating_sub(MAX_RELATIVE_CLAUSE).max(floor + 1);
    let who = (lowest..end.saturating_sub(1))
        .rev()
        .take_while(|&k| doc.is_word(k) || doc.token(k).kind == TokenKind::Number)
        .find(|&k| doc.is(k, &["who"]))?;
    before_any(doc, who, floor).filter(|m| m.form == Form::Phrase)
}

/// True when token `i` looks like a past participle ("seen", "obtained").
pub(crate) fn is_participle(doc: &Document, i: usize) -> bool {
    let w = doc.norm(i);
    doc.is_word(i)
        && !doc.capitalized(i)
        && (doc.verb(i).is_some_and(|v| v.is(Verb::PARTICIPLE))
            || w.ends_with("ed")
            || matches!(
                w,
                "seen"
                    | "written"
                    | "given"
                    | "made"
                    | "held"
                    | "sent"
                    | "kept"
                    | "shown"
                    | "known"
                    | "led"
                    | "run"
                    | "paid"
                    | "read"
                    | "drawn"
                    | "taken"
                    | "won"
            ))
}

/// The first token of the noun phrase whose head is token `head`, or
/// `None` when `head` cannot end a source's phrase.
fn phrase_ending_at(doc: &Document, head: usize, floor: usize) -> Option<usize> {
    if !can_be_head(doc, head) {
        return None;
    }
    let mut start = head;
    while start > floor && head - start < MAX_MENTION {
        let j = start - 1;
        let wj = doc.norm(j);
        if abbreviation_dot(doc, j) {
            start = j - 1; // "Mr." or "O." before a name
        } else if let Some(k) = particles_before(doc, j, start, floor) {
            start = k; // "Bill de Blasio", "Mark van der Berg"
        } else if doc.token(j).kind == TokenKind::Possessive && j > floor && can_be_modifier(doc, j - 1) {
            start = j - 1; // "Ukraine’s military intelligence"
        } else if can_be_modifier(doc, j) {
            start = j;
        } else if doc.class(j, Class::Determiner) {
            start = j; // "the", "both": the left edge
            break;
        } else if matches!(wj, "of" | "and" | "&")
            && j > floor
            && (doc.capitalized(j - 1) || is_source_word(doc, j - 1))
            && doc.capitalized(start)
        {
            start = j - 1; // "Center of National Resistance", "Moscow and Pyongyang"
        } else if wj == "and" && j > floor && is_source_word(doc, j - 1) && is_source_word(doc, start) {
            start = j - 1; // "fans and supporters"
        } else if doc.is_word(j)
            && !is_function_word(doc, j)
            && !doc.capitalized(j)
            && j > floor
            && doc.verb(j).is_none()
        {
            // unlisted adjectives: "the embattled spokesman", "one
            // California delegate", "a longtime adviser"
            let mut k = j;
            while k > floor
                && k + 3 > j
                && doc.is_word(k - 1)
                && !is_function_word(doc, k - 1)
                && !doc.class(k - 1, Class::Determiner)
                && !doc.capitalized(k - 1)
                && doc.verb(k - 1).is_none()
            {
                k -= 1;
            }
            // capitalized modifiers before them: "the Russian space agency"
            while k > floor
                && doc.capitalized(k - 1)
                && can_be_modifier(doc, k - 1)
                && !doc.class(k - 1, Class::Determiner)
            {
                k -= 1;
            }
            if k > floor && (doc.class(k - 1, Class::Determiner) || doc.token(k - 1).kind == TokenKind::Number) {
                start = k - 1;
            }
            break;
        } else {
            break;
        }
    }
    // A sentence's first word is capitalized whatever it is: drop it when
    // it is a function word ("But"); "her" of "her sister" stays
    while start < head && is_function_word(doc, start) && !doc.class(start, Class::Determiner) {
        start += 1;
    }
    Some(start)
}

/// The head of a mention: its last word, or the word a phrase is
/// attached to ("[people] close to Clinton", "[a spokesman] for the
/// ministry").
pub fn head(doc: &Document, m: &Mention) -> usize {
    let last = m.tokens.end - 1;
    if m.form != Form::Phrase {
        return last;
    }
    m.tokens
        .clone()
        .find(|&k| {
            k < last
                && (is_source_word(doc, k) && (doc.is(k + 1, ATTACHING) || doc.is(k + 1, TAKING_PHRASE))
                    || study_with_tail(doc, k))
        })
        .unwrap_or(last)
}

/// Lower-case particles inside names: "Bill de Blasio", "Ursula von der
/// Leyen", "Mohammed bin Salman".
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "dos", "du", "van", "von", "bin", "ibn", "al", "el", "la", "le",
    "ter", "zu",
];

/// The name's first word when the particles ending at token `j` join
/// capitalized words around them ("Bill [de] Blasio"); `next` is the
/// token after them.
fn particles_before(doc: &Document, j: usize, next: usize, floor: usize) -> Option<usize> {
    if !doc.is(j, NAME_PARTICLES) || doc.capitalized(j) || !doc.capitalized(next) {
        return None;
    }
    let mut k = j;
    while k > floor + 1 && j - k < 2 && doc.is(k - 1, NAME_PARTICLES) && !doc.capitalized(k - 1) {
        k -= 1;
    }
    (k > floor && doc.capitalized(k - 1) && doc.is_word(k - 1) && !is_function_word(doc, k - 1)).then_some(k - 1)
}

/// True when token `i` is a count: "43", "1,200", "nine", "Forty-three".
fn is_count(doc: &Document, i: usize) -> bool {
    let number = |part: &str| {
        matches!(
            part,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "hundred"
        )
    };
    i < doc.len() && (doc.token(i).kind == TokenKind::Number || doc.is_word(i) && doc.norm(i).split('-').all(number))
}

/// The first token of a share of people that ends with token `last`, not
/// reaching before token `floor`: "43", "60%", "43 percent", "nine in 10",
/// "one out of five", "a third", "two-thirds", "the majority", with
/// "about", "nearly", "at least" before it. Polls report what shares of
/// those asked say.
pub fn share_ending_at(doc: &Document, last: usize, floor: usize) -> Option<usize> {
    let mut k = last;
    if is_fraction(doc, k) {
        // "a third", "two-thirds", "half", "the majority"
        if k > floor && (doc.is(k - 1, &["a", "one", "the"]) || is_count(doc, k - 1)) {
            k -= 1;
        }
        return Some(share_modified(doc, k, floor));
    }
    if doc.is(k, &["%", "percent"]) && k > floor {
        k -= 1;
    }
    if !is_count(doc, k) {
        return None;
    }
    // "nine in 10", "one out of five"
    if k >= floor + 2 && doc.is(k - 1, &["in"]) && is_count(doc, k - 2) {
        k -= 2;
    } else if k >= floor + 3 && doc.is(k - 1, &["of"]) && doc.is(k - 2, &["out"]) && is_count(doc, k - 3) {
        k -= 3;
    }
    Some(share_modified(doc, k, floor))
}

/// True when token `i` names a fraction of a group: "half", "third",
/// "two-thirds", "majority".
fn is_fraction(doc: &Document, i: usize) -> bool {
    if !doc.is_word(i) {
        return false;
    }
    // the last part of "two-thirds", found by a plain loop: a search for
    // the hyphen costs more than these short words
    let word = doc.norm(i);
    let last = word.bytes().rposition(|b| b == b'-').map_or(word, |p| &word[p + 1..]);
    matches!(last.strip_suffix('s').unwrap_or(last), "half" | "third" | "quarter" | "fifth" | "majority")
}

/// The start of a share that starts at token `k`, with the words that
/// qualify it before: "about", "nearly", "at least", "more than".
fn share_modified(doc: &Document, mut k: usize, floor: usize) -> usize {
    if k > floor && doc.is(k - 1, &["about", "nearly", "almost", "roughly", "over"]) {
        k -= 1;
    } else if k >= floor + 2 && doc.is(k - 1, &["least", "than"]) && doc.is(k - 2, &["at", "more", "less", "fewer"]) {
        k -= 2;
    }
    k
}

/// Extends a phrase starting at `start` to the left over a preposition
/// that attaches it to a source: "[a spokesman for] Mayor Jackson",
/// "[officials familiar with] the talks", or over a share of it: "[60% of]
/// voters".
fn attach_left(doc: &Document, mut start: usize, floor: usize) -> usize {
    if start >= floor + 2 && doc.is(start - 1, &["of"]) {
        if let Some(share) = share_ending_at(doc, start - 2, floor) {
            return share;
        }
    }
    // "[four out of] 10 voters"
    if let Some(share) = share_ending_at(doc, start, floor).filter(|&s| s < start) {
        return share;
    }
    for _ in 0..2 {
        let Some(p) = start.checked_sub(1).filter(|&p| p > floor) else { break };
        if !ATTACHING.contains(&doc.norm(p)) {
            break;
        }
        let mut left_end = p;
        if p > floor + 1 && TAKING_PHRASE.contains(&doc.norm(p - 1)) {
            left_end = p - 1;
        }
        let Some(left_head) = left_end.checked_sub(1).filter(|&h| h >= floor) else { break };
        // the phrase attached to must be a kind of source: "spokesman",
        // "officials", "Center"
        if !(is_source_word(doc, left_head) || doc.capitalized(left_head) && doc.norm(p) == "of")
            || is_function_word(doc, left_head)
        {
            break;
        }
        match phrase_ending_at(doc, left_head, floor) {
            Some(s) => start = s,
            None => break,
        }
    }
    start
}

/// A source's phrase with an attached phrase that ends at `head`, whose
/// own head is not a source word: "the organizer of a pro-Trump rally",
/// "Many in the crowd".
fn attached_phrase(doc: &Document, head: usize, floor: usize) -> Option<usize> {
    // a verb's gerund can be a noun after a possessive: "familiar with her
    // thinking"
    let gerund_noun =
        head > floor && doc.class(head - 1, Class::Determiner) && doc.verb(head).is_some_and(|v| v.is(Verb::GERUND));
    if !doc.is_word(head) || is_function_word(doc, head) && !gerund_noun || doc.verb(head).is_some() && !gerund_noun {
        return None;
    }
    let low = floor.max(head.saturating_sub(6));
    let mut k = head;
    while k > low {
        k -= 1;
        let w = doc.norm(k);
        if ATTACHING.contains(&w) {
            // one phrase after the preposition: an article only at its
            // start ("the statistics office this week" is two phrases)
            if (k + 2..=head).any(|d| doc.class(d, Class::Determiner)) {
                return None;
            }
            let start = attach_left(doc, k + 1, floor);
            return (start <= k).then_some(start);
        }
        let np_word = doc.is_word(k) && !is_function_word(doc, k) && doc.verb(k).is_none()
            || doc.class(k, Class::Determiner)
            || doc.token(k).kind == TokenKind::Number;
        if !np_word {
            return None;
        }
    }
    None
}

/// The mention that starts at token `start`, not reaching `ceil`: the
/// source after an inverted verb ("said Mr Rutte") or "according to".
pub fn after(doc: &Document, start: usize, ceil: usize) -> Option<Mention> {
    if start >= ceil {
        return None;
    }
    if doc.class(start, Class::Pronoun) && !doc.class(start, Class::Relative) {
        return Some(Mention { tokens: start..start + 1, form: Form::Pronoun });
    }
    let mut i = start;
    let mut last_head: Option<usize> = None;
    let mut unlisted = 0;
    while i < ceil && i - start < MAX_MENTION + 4 {
        let wi = doc.norm(i);
        if i == start && doc.class(i, Class::Determiner) {
            i += 1;
            continue;
        }
        if abbreviation_dot(doc, i) || doc.token(i).kind == TokenKind::Possessive && last_head.is_some() {
            i += 1;
            continue;
        }
        if can_be_head(doc, i) {
            last_head = Some(i);
            unlisted = 0;
            i += 1;
            continue;
        }
        if can_be_modifier(doc, i) {
            i += 1;
            continue;
        }
        // "of", "and" between names; "to", "for" after a source word
        // ("a longtime adviser to Trump")
        let after_head = i > 0 && last_head == Some(i - 1);
        let joins = after_head
            && i + 1 < ceil
            && (matches!(wi, "of" | "and" | "&") && (doc.capitalized(i + 1) || doc.class(i + 1, Class::Determiner))
                || ATTACHING.contains(&wi) && is_source_word(doc, i - 1) && !doc.class(i + 1, Class::Pronoun));
        if joins {
            i += 1;
            continue;
        }
        // unlisted adjectives and nouns before a head: "one former GOP
        // leadership aide", "top officials"
        if doc.is_word(i) && !doc.capitalized(i) && !is_function_word(doc, i) && doc.verb(i).is_none() && unlisted < 3 {
            unlisted += 1;
            i += 1;
            continue;
        }
        break;
    }
    last_head.map(|h| Mention { tokens: start..h + 1, form: Form::Phrase })
}

/// A determiner and the lower-case words after it, up to the end of the
/// phrase, from token `start` but not reaching token `ceil`: "the
/// designer", "a longtime volunteer". Nouns the lists do not know name a
/// speaker only where nothing else can be the subject: right after a
/// quotation and its verb ("“...,” said the designer, who ...").
pub fn plain_noun_phrase(doc: &Document, start: usize, ceil: usize) -> Option<Mention> {
    if !doc.is(start, &["the", "a", "an", "one"]) {
        return None;
    }
    let words = (start + 1..ceil.min(start + 5))
        .take_while(|&k| {
            doc.is_word(k)
                && !doc.capitalized(k)
                && !is_function_word(doc, k)
                && doc.verb(k).is_none()
                && !doc.class(k, Class::Time)
        })
        .count();
    let end = start + 1 + words;
    let phrase_ends =
        end >= ceil || !doc.is_word(end) || doc.any_class(end, Class::Relative.bit() | Class::Preposition.bit());
    (words > 0 && phrase_ends).then_some(Mention { tokens: start..end, form: Form::Phrase })
}

/// The whole noun phrase that opens a sentence and ends right before its
/// verb at token `end`, when the grammar of [`before`] finds none there:
/// "Proponents of more controls on hate speech here say", "Democrats
/// trying to regain control of the Senate say". A finite verb needs a
/// subject, and words with no comma, clause or other reporting verb
/// between the sentence's start and the verb can be nothing else. An
/// opening "But" or "And" is left out.
pub fn opening_phrase(doc: &Document, end: usize, sentence_start: usize) -> Option<Mention> {
    let mut start = sentence_start;
    if doc.is(start, &["but", "and", "yet", "still", "indeed"]) {
        start += 1;
    }
    // "Indeed, proponents ... say", "By big margins, voters in ... say":
    // a short opening adjunct and its comma come before the phrase
    const ADJUNCT: u32 = Class::Preposition.bit() | Class::Adverb.bit() | Class::Time.bit();
    if let Some(comma) = (start..end).find(|&k| doc.is(k, &[","])) {
        let connective = comma == start && start > sentence_start;
        let adjunct = comma > start && comma - start <= 4 && doc.any_class(start, ADJUNCT);
        if !connective && !adjunct {
            return None;
        }
        start = comma + 1;
    }
    if !(2..=MAX_MENTION).contains(&(end.saturating_sub(start))) {
        return None;
    }
    const NO_SUBJECT: u32 = Class::Pronoun.bit()
        | Class::Relative.bit()
        | Class::Aux.bit()
        | Class::Be.bit()
        | Class::Perfect.bit()
        | Class::Do.bit()
        | Class::Modal.bit()
        | Class::Negation.bit();
    let plain = |k: usize| {
        matches!(doc.token(k).kind, TokenKind::Word | TokenKind::Number | TokenKind::Possessive)
            && !doc.any_class(k, NO_SUBJECT)
            && (doc.verb(k).is_none() || is_source_word(doc, k))
            && !doc.is(k, &["and", "or", "that", "to"])
    };
    let opens = !doc.any_class(start, Class::Preposition.bit() | Class::Adverb.bit() | Class::Time.bit());
    let last = end - 1;
    let closes = !doc.any_class(last, Class::Preposition.bit() | Class::Determiner.bit() | Class::Conjunction.bit())
        && doc.token(last).kind != TokenKind::Possessive;
    (opens && closes && (start..end).all(plain)).then_some(Mention { tokens: start..end, form: Form::Phrase })
}

/// The subject of the main clause of a sentence, looking no further than
/// token `before`: the mention at the sentence's start, or after a
/// comma that ends an opening adjunct ("In an interview with CNN, Trump
/// continued ..."), followed by a verb rather than more of a phrase.
pub fn clause_subject(doc: &Document, sentence: Range<usize>, before: usize) -> Option<Mention> {
    let mut starts = vec![sentence.start];
    // an opening "On Sunday morning" with no comma after it
    let opening = doc.any_class(sentence.start, Class::Preposition.bit() | Class::Time.bit());
    let time_ends = (sentence.start + 1..before.min(sentence.start + 5)).filter(|&k| opening && time_word(doc, k - 1));
    starts.extend(time_ends.filter(|&k| !time_word(doc, k)));
    starts.extend((sentence.start..before).filter(|&k| doc.norm(k) == ",").map(|k| k + 1));
    starts.into_iter().find_map(|start| subject_at(doc, start, before))
}

/// A word that says when: "Thursday", "morning", "27" (of a date).
fn time_word(doc: &Document, k: usize) -> bool {
    doc.class(k, Class::Time) || doc.token(k).kind == TokenKind::Number
}

/// The token after a time adjunct that starts at `k` ("on Thursday",
/// "last week", "Monday"), or `k` when none does.
fn past_time(doc: &Document, k: usize, before: usize) -> usize {
    let mut end = k;
    if doc.is(k, &["on", "in", "last", "this", "late", "early"]) && k + 1 < before && time_word(doc, k + 1) {
        end = k + 1;
    }
    while end < before && time_word(doc, end) {
        end += 1;
    }
    end
}

/// The subject of the last clause joined to the sentence after token
/// `from` and before token `before` by ", and", ", but" or ";": "Groups
/// say X, and [the union] has sued the city, saying ...".
pub fn joined_clause_subject(doc: &Document, from: usize, before: usize) -> Option<Mention> {
    (from + 1..before)
        .rev()
        .filter(|&k| doc.norm(k) == ";" || doc.is(k, &["and", "but"]) && doc.norm(k - 1) == ",")
        .find_map(|k| subject_at(doc, k + 1, before))
}

/// The "who" or "which" whose clause a participle after "by", "while",
/// "before" or "after" at token `cue` belongs to: "the Likud party, [which]
/// tried to rally support by saying ...". The participle is in that
/// clause when no punctuation comes between.
pub fn relative_before_participle(doc: &Document, cue: usize) -> Option<Mention> {
    let sentence = doc.sentence_around(cue);
    if cue < sentence.start + 2 || !doc.is(cue - 1, &["by", "while", "before", "after"]) {
        return None;
    }
    (sentence.start..cue - 1)
        .rev()
        .take_while(|&k| doc.is_word(k) || doc.token(k).kind == TokenKind::Possessive)
        .find(|&k| doc.is(k, &["who", "which"]))
        .filter(|&k| antecedent(doc, k).is_some())
        .map(|k| Mention { tokens: k..k + 1, form: Form::Relative })
}

/// The mention starting at token `start` (after any quotation marks) when a
/// verb follows it, not a phrase going on.
fn subject_at(doc: &Document, mut start: usize, before: usize) -> Option<Mention> {
    while start < before && matches!(doc.token(start).kind, TokenKind::Quote(_)) {
        start += 1;
    }
    let m = after(doc, start, before)?;
    let verb_next = |next: usize| {
        doc.is_word(next)
            && (doc.class(next, Class::Aux) || doc.class(next, Class::Adverb) || !is_function_word(doc, next))
            && !doc.is(next, &["of", "and", "or"])
    };
    let speaker = m.tokens.len() == 1 && doc.class(m.tokens.start, Class::Speaker);
    if m.form == Form::Relative || speaker {
        return None;
    }
    // "Donald Trump on Thursday ratcheted up"; "Mr. Biden, [recalling]":
    // the subject of a participle in an aside that follows it
    let next = past_time(doc, m.tokens.end, before);
    if verb_next(next) || doc.norm(m.tokens.end) == "," && m.tokens.end + 1 == before {
        return Some(m);
    }
    // the phrase ran on over a verb no list knows: "[Obama] met survivors
    // and said"; the subject ends at a head before it that a verb follows
    let first = m.tokens.start;
    (first..m.tokens.end.saturating_sub(1))
        .rev()
        .find(|&k| can_be_head(doc, k) && !doc.capitalized(k + 1) && verb_next(k + 1))
        .map(|k| Mention { tokens: first..k + 1, form: m.form })
}

/// True when token `i` is the period of an abbreviation or an initial
/// ("Mr.", "Gen.", "Lisa O. Monaco").
pub fn abbreviation_dot(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.norm(i) == "."
        && !doc.token(i).space_before
        && doc.capitalized(i - 1)
        && (doc.norm(i - 1).chars().count() == 1 || lexicon().abbreviations.exactly(doc.ids(), i - 1, i).is_some())
}

/// A mention separated from token `head + 1` by an aside that ends at
/// `head`: ", who replaced Y," / "(R-Texas)" / "— an entity ... —" /
/// ", an African-American delegate from Houston, Texas,". The aside may
/// hold commas of its own, so the nearest few openers are tried.
fn across_aside(doc: &Document, head: usize, floor: usize) -> Option<Mention> {
    let mut close = head;
    // "Sen. Jack Reed (D-R.I.), said": a bracket right before the comma
    if doc.norm(close) == "," && close > floor && doc.norm(close - 1) == ")" {
        close -= 1;
    }
    let open = match doc.norm(close) {
        "," => ",",
        ")" => "(",
        "—" | "–" => "—",
        "-" if doc.token(close).space_before => "-",
        _ => return None,
    };
    let low = floor.max(close.saturating_sub(MAX_ASIDE));
    let mut tries = 0;
    let mut j = close;
    while j > low && tries < 3 {
        j -= 1;
        let w = doc.norm(j);
        let opens = w == open || open == "—" && matches!(w, "—" | "–");
        if matches!(w, ";" | ":") {
            return None;
        }
        if !opens || j <= floor {
            continue;
        }
        tries += 1;
        let aside = j + 1..close;
        if aside.is_empty() || !looks_like_aside(doc, aside.clone()) {
            continue;
        }
        if let Some(m) = before(doc, j, floor) {
            // "her mother, Fiona, said": the aside is the name of the source
            // (see describe)
            if m.form == Form::Phrase && is_apposed_name(doc, aside.clone()) {
                let described = describe(doc, m.tokens.clone());
                if !described.proper && described.described {
                    return Some(Mention { tokens: m.tokens.start..close, form: Form::Phrase });
                }
            }
            let good = match m.form {
                Form::Phrase => {
                    let h = self::head(doc, &m);
                    doc.capitalized(h) || is_source_word(doc, h)
                }
                Form::Pronoun => true,
                Form::Relative => false,
            };
            if good {
                return Some(m);
            }
        }
        if open != "," {
            break;
        }
    }
    None
}

/// True when `tokens` are a name alone, as an apposition gives it: one to
/// four capitalized words that are not kinds of sources, perhaps with an
/// initial's period ("Fiona", "Stuart R. Kaplan").
pub(crate) fn is_apposed_name(doc: &Document, tokens: Range<usize>) -> bool {
    (1..=4).contains(&tokens.len())
        && doc.capitalized(tokens.start)
        && tokens.clone().all(|k| {
            doc.capitalized(k) && !is_source_word(doc, k) && !is_function_word(doc, k) || abbreviation_dot(doc, k)
        })
}

/// An aside describes the source or says when or how it spoke; it does not
/// start a clause of its own ("and", "but") and holds no unpaired
/// quotation mark.
fn looks_like_aside(doc: &Document, aside: Range<usize>) -> bool {
    if doc.is(aside.start, &["and", "but", "or", "so", "yet", "nor"]) {
        return false;
    }
    let marks = aside.clone().filter(|&k| matches!(doc.token(k).kind, TokenKind::Quote(_))).count();
    marks % 2 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention before the first occurrence of `verb` in `text`.
    #[track_caller]
    fn subject(text: &str, verb: &str) -> Option<String> {
        let doc = Document::new(text);
        let v = (0..doc.len()).find(|&i| doc.norm(i) == verb).expect("verb in text");
        before(&doc, v, 0).map(|m| doc.span(m.tokens).text(text).to_owned())
    }

    #[track_caller]
    fn object(text: &str, after_word: &str) -> Option<String> {
        let doc = Document::new(text);
        let v = (0..doc.len()).find(|&i| doc.norm(i) == after_word).expect("word in text");
        after(&doc, v + 1, doc.len()).map(|m| doc.span(m.tokens).text(text).to_owned())
    }

    #[test]
    fn subjects_before_a_relative_clause_and_shares_of_a_poll() {
        assert_eq!(subject("People who know Trump said", "said").as_deref(), Some("People"));
        assert_eq!(subject("Economists who favor free trade agree", "agree").as_deref(), Some("Economists"));
        // the relative pronoun right before the verb is the subject itself
        assert_eq!(subject("the voters who said", "said").as_deref(), Some("who"));
        assert_eq!(subject("Only 24 percent said", "said").as_deref(), Some("24 percent"));
        assert_eq!(subject("Some 46 percent of voters said", "said").as_deref(), Some("46 percent of voters"));
        assert_eq!(subject("About 60% of voters say", "say").as_deref(), Some("About 60% of voters"));
        assert_eq!(subject("About four out of 10 voters said", "said").as_deref(), Some("About four out of 10 voters"));
        // fractions of a group
        assert_eq!(subject("Two-thirds of voters said", "said").as_deref(), Some("Two-thirds of voters"));
        assert_eq!(subject("The majority of Republicans say", "say").as_deref(), Some("The majority of Republicans"));
    }

    #[test]
    fn a_whole_opening_phrase_before_its_verb() {
        let phrase = |text: &str, verb: &str| {
            let doc = Document::new(text);
            let v = (0..doc.len()).find(|&i| doc.norm(i) == verb).expect("verb in text");
            opening_phrase(&doc, v, 0).map(|m| doc.span(m.tokens).text(text).to_owned())
        };
        assert_eq!(
            phrase("Proponents of more controls on hate speech here say", "say").as_deref(),
            Some("Proponents of more controls on hate speech here")
        );
        assert_eq!(phrase("But critics in both parties say", "say").as_deref(), Some("critics in both parties"));
        // a clause, a pronoun, a possessive or a preposition is no subject
        assert_eq!(phrase("Trump visited Iowa and said", "said"), None);
        assert_eq!(phrase("Editor’s note", "note"), None);
        assert_eq!(phrase("People who know him say", "say"), None);
        assert_eq!(phrase("In the morning they said", "said"), None);
        // after a short opening adjunct and its comma
        assert_eq!(
            phrase("Indeed, proponents of more controls here say", "say").as_deref(),
            Some("proponents of more controls here")
        );
        assert_eq!(
            phrase("By big margins, voters in the two cities say", "say").as_deref(),
            Some("voters in the two cities")
        );
        assert_eq!(phrase("Clinton, voters in the two cities say", "say"), None);
    }

    #[test]
    fn a_plain_noun_phrase_after_a_quotation() {
        let text = "“We will win,” said the designer, who works there.";
        let doc = Document::new(text);
        let the = (0..doc.len()).find(|&i| doc.norm(i) == "the").unwrap();
        let m = plain_noun_phrase(&doc, the, doc.len()).map(|m| doc.span(m.tokens).text(text).to_owned());
        assert_eq!(m.as_deref(), Some("the designer"));
        let text = "“We will win,” said the next day.";
        let doc = Document::new(text);
        let the = (0..doc.len()).find(|&i| doc.norm(i) == "the").unwrap();
        assert_eq!(plain_noun_phrase(&doc, the, doc.len()), None);
    }

    #[test]
    fn names_with_titles_and_descriptions() {
        assert_eq!(
            subject("Ukrainian President Volodymyr Zelensky has warned", "has").as_deref(),
            Some("Ukrainian President Volodymyr Zelensky")
        );
        assert_eq!(subject("But Zelensky said", "said").as_deref(), Some("Zelensky"));
        assert_eq!(
            subject("Ukrainian outlet LIGA recently revealed", "recently").as_deref(),
            Some("Ukrainian outlet LIGA")
        );
        assert_eq!(
            subject("Ukraine’s military intelligence previously reported", "previously").as_deref(),
            Some("Ukraine’s military intelligence")
        );
        assert_eq!(
            subject("accusations both Moscow and Pyongyang have denied", "have").as_deref(),
            Some("both Moscow and Pyongyang")
        );
        assert_eq!(
            subject("Ukrainian intelligence officials claim", "claim").as_deref(),
            Some("Ukrainian intelligence officials")
        );
        assert_eq!(subject("the embattled spokesman said", "said").as_deref(), Some("the embattled spokesman"));
    }

    #[test]
    fn name_particles_and_suffixes_belong_to_the_name() {
        assert_eq!(subject("Mayor Bill de Blasio said", "said").as_deref(), Some("Mayor Bill de Blasio"));
        assert_eq!(subject("Ursula von der Leyen said", "said").as_deref(), Some("Ursula von der Leyen"));
        assert_eq!(subject("Joseph R. Biden Jr. said", "said").as_deref(), Some("Joseph R. Biden Jr."));
        assert_eq!(subject("Acme Inc. said", "said").as_deref(), Some("Acme Inc."));
    }

    #[test]
    fn a_phrase_with_its_attachment_before_an_aside() {
        assert_eq!(
            subject("Supporters of abortion rights, on the other hand, argued", "argued").as_deref(),
            Some("Supporters of abortion rights")
        );
    }

    #[test]
    fn quantifiers_stand_for_people_but_not_in_adverbs() {
        assert_eq!(subject("Many said", "said").as_deref(), Some("Many"));
        assert_eq!(subject("and most recently defended", "recently"), None);
    }

    #[test]
    fn pronouns_and_relatives_stand_alone() {
        assert_eq!(subject("and he said", "said").as_deref(), Some("he"));
        assert_eq!(subject("the department, which reported", "reported").as_deref(), Some("which"));
    }

    #[test]
    fn asides_are_skipped() {
        assert_eq!(
            subject(
                "In 2023, the Center of National Resistance — an entity established by the army — reported",
                "reported"
            )
            .as_deref(),
            Some("the Center of National Resistance")
        );
        assert_eq!(subject("Smith, who replaced Jones, said", "said").as_deref(), Some("Smith"));
        assert_eq!(subject("Ted Cruz (R-Texas) said", "said").as_deref(), Some("Ted Cruz"));
    }

    #[test]
    fn ordinary_words_are_not_sources() {
        assert_eq!(subject("the weather said", "said"), None);
        assert_eq!(subject("it was late, said", "said"), None);
        assert_eq!(subject("In a statement said", "said"), None);
    }

    #[test]
    fn mentions_after_a_cue() {
        assert_eq!(object("according to Suspilne.", "to").as_deref(), Some("Suspilne"));
        assert_eq!(
            object("according to Russian Telegram channel Kremlin Snuffbox.", "to").as_deref(),
            Some("Russian Telegram channel Kremlin Snuffbox")
        );
        assert_eq!(object("“No,” said Mr. Rutte, smiling.", "said").as_deref(), Some("Mr. Rutte"));
        assert_eq!(
            object("according to the Department of Justice.", "to").as_deref(),
            Some("the Department of Justice")
        );
        assert_eq!(object("according to top officials.", "to").as_deref(), Some("top officials"));
    }

    /// The subject of the sentence's main clause, looking no further than `verb`.
    #[track_caller]
    fn main_subject(text: &str, verb: &str) -> Option<String> {
        let doc = Document::new(text);
        let v = (0..doc.len()).find(|&i| doc.norm(i) == verb).expect("verb in text");
        clause_subject(&doc, doc.sentence_around(v), v).map(|m| doc.span(m.tokens).text(text).to_owned())
    }

    #[test]
    fn a_subject_ends_before_a_verb_no_list_knows() {
        let text = "Obama met survivors and said the country must act.";
        assert_eq!(main_subject(text, "said").as_deref(), Some("Obama"));
        let text = "The president visited survivors on Thursday and said the country must act.";
        assert_eq!(main_subject(text, "said").as_deref(), Some("The president"));
        // a phrase that a verb follows is the subject whole
        let text = "The Trump campaign aide spoke for an hour and said the numbers were wrong.";
        assert_eq!(main_subject(text, "said").as_deref(), Some("The Trump campaign aide"));
    }

    #[test]
    fn a_subject_across_times_and_before_an_aside() {
        let text = "Donald Trump on Thursday ratcheted up his attacks, saying the senator is weak.";
        assert_eq!(main_subject(text, "saying").as_deref(), Some("Donald Trump"));
        let text = "On Sunday morning Mr. Trump made a third attempt, writing that the issue was terrorism.";
        assert_eq!(main_subject(text, "writing").as_deref(), Some("Mr. Trump"));
        let text = "The Journal, citing internal documents, reported that the campaign is spending more.";
        assert_eq!(main_subject(text, "citing").as_deref(), Some("The Journal"));
    }
}
