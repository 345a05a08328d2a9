//! "SOURCE: CONTENT" at the start of a line, as headlines attribute
//! ("Politifact: Donald Trump Is Right"), and a speaker's name before a
//! colon and a quotation, as roundups and transcripts give it ("Howard
//! Kurtz, Fox News: “...”").

use std::ops::Range;

use super::clause::content_after;
use super::{Candidate, Rule};
use crate::lexicon::Class;
use crate::report::SourceType;
use crate::source::describe;
use crate::source::mention::{self, Form};
use crate::text::{Document, QuoteSide, TokenKind};

/// The rule.
pub struct Colon;

/// Words that head a line with a colon without being a source.
const NOT_SOURCES: &[&str] = &[
    "update",
    "updated",
    "related",
    "watch",
    "read",
    "photo",
    "photos",
    "video",
    "source",
    "sources",
    "note",
    "editor",
    "opinion",
    "analysis",
    "exclusive",
    "breaking",
    "live",
    "sponsored",
    "advertisement",
    "warning",
    "caution",
    "disclaimer",
    "correction",
    "clarification",
    "q",
    "a",
    "by",
    "tags",
    "tagged",
    "labels",
    "topics",
    "categories",
    "filed",
    "gallery",
    "slideshow",
    "map",
    "chart",
    "graphic",
    "infographic",
    "lesson",
    "share",
    "comments",
    "subscribe",
    "follow",
    "contact",
    "listen",
    "see",
    "more",
    "also",
    "credit",
    "image",
    "getty",
    "reuters",
    "ap",
    "afp",
    "step",
    "part",
    "chapter",
    "question",
    "answer",
    "example",
    "summary",
    "conclusion",
    "introduction",
    "background",
    "bottom",
    "latest",
    "look",
    "busted",
    "revealed",
    "confirmed",
    "stated",
    "continued",
    "contributing",
    "name",
    "age",
    "readers",
    "podcast",
    "nerdcast",
    "episode",
    "recap",
    "transcript",
    "timeline",
    "quiz",
];

/// The longest a headline's source may be, in tokens, unless words of the
/// source lists describe it ("Former FBI director James Comey"): a longer
/// phrase before a colon is mostly a headline of its own ("Veto Power
/// Impedes Peace Efforts: ...").
const MAX_PLAIN_SOURCE: usize = 3;

impl Rule for Colon {
    fn name(&self) -> &'static str {
        "colon"
    }

    fn find(&self, doc: &Document, out: &mut Vec<Candidate>) {
        for sentence in &doc.sentences {
            speaker_before_quotation(doc, sentence.clone(), self.name(), out);
            let start = sentence.start;
            if !doc.token(start).line_break_before && start != 0 {
                continue;
            }
            let Some(source) = mention::after(doc, start, sentence.end) else {
                continue;
            };
            let colon = source.tokens.end;
            if source.form != Form::Phrase || !doc.is(colon, &[":"]) {
                continue;
            }
            // a label ("Update:", "The Latest:", "Delegate Update:"), a
            // number ("2016 Nerdcast:") or a verb ("Stated Stone:") first
            let label = |i: usize| NOT_SOURCES.contains(&doc.norm(i));
            let first = (start..colon).find(|&i| !doc.is(i, &["the"])).unwrap_or(start);
            // a function word, or one the text writes in lower case too,
            // opens a heading ("Sometimes Need:"), not a name
            let common = doc.any_class(first, Class::Adverb.bit() | Class::Function.bit() | Class::Preposition.bit())
                || doc.capitalized_by_position(first);
            if label(first) || label(colon - 1) || !doc.is_word(first) || common {
                continue;
            }
            let d = describe(doc, source.tokens.clone());
            if !d.proper || d.source_type == SourceType::Document {
                continue;
            }
            if !d.described && colon - start > MAX_PLAIN_SOURCE {
                continue;
            }
            // a speaker's label names someone the story talks about: its last
            // word is in the text again ("Revamped UX: ..." is a heading)
            let last = colon - 1;
            let here = sentence.clone().filter(|&k| doc.capitalized(k) && doc.norm(k) == doc.norm(last)).count();
            if doc.times_capitalized(last) as usize <= here {
                continue;
            }
            let content = content_after(doc, colon + 1);
            if content.iter().map(|r| r.len()).sum::<usize>() < 3 {
                continue;
            }
            out.push(Candidate::attribution(self.name(), colon..colon + 1, source, content));
        }
    }
}

/// The most words after a speaker's name that say who the speaker is
/// ("Howard Kurtz, Fox News:").
const MAX_DESCRIPTOR: usize = 6;

/// "Gerald F. Seib, The Wall Street Journal: “It looked ...”", "Pollsters
/// agree - Carl Bialik: “One of ...”": roundups of comment and transcripts
/// give the speaker's name, perhaps with who the speaker is after a comma,
/// then a colon and the quotation. The name opens the sentence (after any
/// quotation mark) or follows a dash, and the quotation opens right after
/// the colon.
fn speaker_before_quotation(doc: &Document, sentence: Range<usize>, rule: &'static str, out: &mut Vec<Candidate>) {
    for colon in sentence.clone().filter(|&k| doc.is(k, &[":"])) {
        if !(colon + 1 < doc.len() && doc.token(colon + 1).kind == TokenKind::Quote(QuoteSide::Open)) {
            continue;
        }
        let mut floor =
            (sentence.start..colon).rev().find(|&k| doc.is(k, &["-", "–", "—"])).map_or(sentence.start, |k| k + 1);
        while floor < colon && matches!(doc.token(floor).kind, TokenKind::Quote(_)) {
            floor += 1;
        }
        let name_end = (floor..colon).find(|&k| doc.is(k, &[","])).unwrap_or(colon);
        let descriptor = (name_end + 1).min(colon)..colon;
        if descriptor.len() > MAX_DESCRIPTOR || descriptor.clone().any(|k| !doc.is_word(k)) {
            continue;
        }
        let Some(name) = mention::after(doc, floor, name_end) else { continue };
        // "Said Ellis:", "Frank quotes adviser Alfred Kahn:": a verb of
        // saying makes it a clause, which the other rules read
        if name.form != Form::Phrase
            || name.tokens != (floor..name_end)
            || name.tokens.clone().any(|k| doc.verb(k).is_some())
        {
            continue;
        }
        let d = describe(doc, name.tokens.clone());
        if !d.proper || d.source_type == SourceType::Document || NOT_SOURCES.contains(&doc.norm(floor)) {
            continue;
        }
        let content = content_after(doc, colon + 1);
        if content.is_empty() {
            continue;
        }
        let mut c = Candidate::attribution(rule, colon..colon + 1, name, content);
        if name_end < colon {
            c.source_words = Some(floor..colon);
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_finds, assert_none};

    #[test]
    fn headline_source_colon() {
        assert_finds(
            &Colon,
            "Politifact: Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year.\nPolitifact rated it.",
            &[": | Politifact | Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year"],
        );
    }

    #[test]
    fn a_speaker_then_a_quotation() {
        assert_finds(
            &Colon,
            "Who won?\nHoward Kurtz, Fox News: “Trump had his strongest debate.”",
            &[": | Howard Kurtz | Trump had his strongest debate"],
        );
        assert_finds(
            &Colon,
            "Pollsters agree - Carl Bialik: “One of the lessons was simple.”",
            &[": | Carl Bialik | One of the lessons was simple"],
        );
        // a colon inside a sentence, after words that name no speaker
        assert_none(&Colon, "He made his famous demand in Berlin in 1987: “Tear down this wall!”");
        assert_none(&Colon, "It is complicated. Said Ellis: “I don’t get the sense she is.”");
    }

    #[test]
    fn labels_are_not_sources() {
        assert_none(&Colon, "Update: The story has changed since.");
        assert_none(&Colon, "He said: no.");
        assert_none(&Colon, "The Latest: Trump delivers a speech.");
        assert_none(&Colon, "Delegate Update: The latest count in the race.");
        assert_none(&Colon, "2016 Nerdcast: Was firing him the start of a reset?");
        assert_none(&Colon, "Veto Power Impedes Peace Efforts: Ending war is a goal.");
        // a heading: its words are not in the story again
        assert_none(&Colon, "Revamped UX: Vidyard makes it easier to add captions.\nThe company says so.");
        assert_none(&Colon, "Sometimes Need: a kettle you use weekly.\nNeed is relative; you sometimes need it.");
    }
}
