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

use crate::lexicon::{lexicon, Class};
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
    if doc.class(i, Class::Determiner) && !doc.capitalized(i) {
        return matches!(doc.norm(i), "some" | "many" | "others" | "both" | "several" | "most" | "few" | "all");
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

/// The mention that ends right before token `end`, not reaching before
/// token `floor`: the subject of a verb at `end`. The object of a
/// preposition is no subject ("In a statement said").
pub fn before(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    let m = before_any(doc, end, floor)?;
    let start = m.tokens.start;
    let after_preposition = start > floor && doc.class(start - 1, Class::Preposition) && doc.norm(start - 1) != "of";
    (!after_preposition || m.form != Form::Phrase).then_some(m)
}

/// The mention that ends right before token `end`, wherever it stands: the
/// possessor of "Donald Trump’s claim".
pub fn before_any(doc: &Document, end: usize, floor: usize) -> Option<Mention> {
    if end == 0 || end <= floor {
        return None;
    }
    let head = end - 1;
    if doc.class(head, Class::Relative) {
        return Some(Mention { tokens: head..end, form: Form::Relative });
    }
    if doc.class(head, Class::Pronoun) {
        return Some(Mention { tokens: head..end, form: Form::Pronoun });
    }
    if let Some(m) = across_aside(doc, head, floor) {
        return Some(m);
    }
    if !can_be_head(doc, head) {
        return None;
    }
    let mut start = head;
    while start > floor && head - start < MAX_MENTION {
        let j = start - 1;
        let wj = doc.norm(j);
        if abbreviation_dot(doc, j) {
            start = j - 1; // "Mr." before a name
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
        } else if doc.is_word(j)
            && !is_function_word(doc, j)
            && !doc.capitalized(j)
            && j > floor
            && doc.class(j - 1, Class::Determiner)
        {
            start = j - 1; // one unlisted adjective after a determiner: "the embattled spokesman"
            break;
        } else {
            break;
        }
    }
    // A sentence's first word is capitalized whatever it is: drop it when
    // it is a function word ("But") or not part of a name.
    while start < head && is_function_word(doc, start) {
        start += 1;
    }
    Some(Mention { tokens: start..end, form: Form::Phrase })
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
    let mut saw_head = false;
    let mut last_head = start;
    while i < ceil && i - start < MAX_MENTION {
        let wi = doc.norm(i);
        if i == start && doc.class(i, Class::Determiner) {
            i += 1;
            continue;
        }
        if abbreviation_dot(doc, i) {
            i += 1;
            continue;
        }
        if doc.token(i).kind == TokenKind::Possessive && saw_head {
            i += 1;
            continue;
        }
        if can_be_head(doc, i) || can_be_modifier(doc, i) {
            saw_head |= can_be_head(doc, i);
            if can_be_head(doc, i) {
                last_head = i;
            }
            i += 1;
            continue;
        }
        let joins = matches!(wi, "of" | "and" | "&")
            && saw_head
            && (i + 1 < ceil)
            && (doc.capitalized(i + 1)
                || (wi == "of" && doc.class(i + 1, Class::Determiner) && doc.capitalized(i + 2)));
        if joins {
            i += 1;
            continue;
        }
        if !doc.capitalized(i)
            && doc.is_word(i)
            && !is_function_word(doc, i)
            && !saw_head
            && i + 1 < ceil
            && can_be_head(doc, i + 1)
        {
            i += 1; // an unlisted adjective before the head: "top officials"
            continue;
        }
        break;
    }
    saw_head.then(|| Mention { tokens: start..last_head + 1, form: Form::Phrase })
}

/// True when token `i` is the period of an abbreviation ("Mr.", "Gen.").
pub(crate) fn abbreviation_dot(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.norm(i) == "."
        && !doc.token(i).space_before
        && lexicon().abbreviations.exactly(&doc.tokens, i - 1, i).is_some()
        && doc.capitalized(i - 1)
}

/// A mention separated from token `head + 1` by an aside that ends at
/// `head`: ", who replaced Y," / "(R-Texas)" / "— an entity ... —".
fn across_aside(doc: &Document, head: usize, floor: usize) -> Option<Mention> {
    let close = doc.norm(head);
    let open = match close {
        "," => ",",
        ")" => "(",
        "—" => "—",
        "–" => "–",
        "-" if doc.token(head).space_before => "-",
        _ => return None,
    };
    let low = floor.max(head.saturating_sub(MAX_ASIDE));
    let mut j = head;
    while j > low {
        j -= 1;
        let w = doc.norm(j);
        if w == open || (open == "—" && w == "–") || (open == "–" && w == "—") {
            break;
        }
        if matches!(doc.token(j).kind, TokenKind::Quote(_)) || matches!(w, ";" | ":") {
            return None;
        }
        if j == low {
            return None;
        }
    }
    if j <= floor || j == head {
        return None;
    }
    let aside = j + 1..head;
    if aside.is_empty() || !looks_like_aside(doc, aside.clone(), open) {
        return None;
    }
    let mention = before(doc, j, floor)?;
    (mention.form == Form::Phrase).then_some(mention)
}

/// An aside describes the source: it opens with a relative pronoun, an
/// article or a role ("who replaced", "a spokesman", "the former mayor"),
/// or is wholly in brackets.
fn looks_like_aside(doc: &Document, aside: Range<usize>, open: &str) -> bool {
    if open == "(" {
        return true;
    }
    let first = aside.start;
    let w = doc.norm(first);
    matches!(
        w,
        "who"
            | "whose"
            | "which"
            | "a"
            | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "its"
            | "now"
            | "then"
            | "formerly"
            | "himself"
            | "herself"
            | "including"
            | "itself"
            | "both"
    ) || is_source_word(doc, first) && !doc.class(first, Class::Pronoun)
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
}
