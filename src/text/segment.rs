//! Sentences: where one ends and the next begins.
//!
//! A line break always ends a sentence (headlines, list items and blocks
//! of a page come as lines). Inside a line a sentence ends at `.`, `!`, `?`
//! or an ellipsis, together with the closing quotation marks and brackets
//! after it, when the next word could start a sentence, and not after an
//! abbreviation ("Mr.", "U.S.", "Jan.") or an initial ("J. Edgar Hoover").

use std::ops::Range;

use crate::lexicon::{lexicon, WordId};
use crate::text::token::{QuoteSide, TokenKind, Tokens};

/// No sentence grows beyond this many tokens: text without punctuation (a
/// megabyte of it, say) is cut into pieces the rules can handle in linear
/// time.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Words after which an abbreviation's period is taken to end a sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "in",
    "on",
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "some",
    "many",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "for",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "earlier",
    "later",
];

/// Splits the tokens into sentences, as token index ranges. Every token
/// belongs to exactly one sentence, and sentences come in text order.
pub fn sentences(tokens: &Tokens, ids: &[WordId]) -> Vec<Range<usize>> {
    let list = &tokens.list;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < list.len() {
        if i > start && (list[i].line_break_before || i - start >= MAX_SENTENCE_TOKENS) {
            out.push(start..i);
            start = i;
        }
        if let Some(end) = sentence_end_after(tokens, ids, i) {
            out.push(start..end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < list.len() {
        out.push(start..list.len());
    }
    out
}

/// When token `i` ends a sentence, the index one past the sentence's last
/// token (after any closing quotation marks and brackets).
fn sentence_end_after(tokens: &Tokens, ids: &[WordId], i: usize) -> Option<usize> {
    let list = &tokens.list;
    let norm = tokens.norm(i);
    let terminal = match list[i].kind {
        TokenKind::Punct => matches!(norm, "." | "!" | "?" | "…") || norm.starts_with(".."),
        TokenKind::Word => norm.ends_with('.') && norm.len() > 1,
        _ => false,
    };
    if matches!(norm, "。" | "！" | "？") {
        return Some(i + 1); // CJK full stops need no space or capital after them
    }
    if !terminal {
        return None;
    }
    // Take the closing marks that belong to this sentence.
    let mut end = i + 1;
    while end < list.len()
        && !list[end].line_break_before
        && (matches!(list[end].kind, TokenKind::Quote(QuoteSide::Close)) || matches!(tokens.norm(end), ")" | "]"))
    {
        end += 1;
    }
    let Some(next) = list.get(end) else {
        return Some(end);
    };
    if next.line_break_before {
        return Some(end);
    }
    // "3.5", "e.g.x": no space, no sentence end; but "said.(Photo: ...)"
    // is two blocks of a page glued where its markup had a break
    let glued_block =
        tokens.norm(end) == "(" && list[i].kind == TokenKind::Punct && list.get(end + 1).is_some_and(|t| t.capitalized);
    if !next.space_before && end == i + 1 && !glued_block {
        return None;
    }
    let next_text = tokens.norm(end);
    let opens = match next.kind {
        TokenKind::Word => starts_upper(tokens, end),
        TokenKind::Number => true,
        TokenKind::Quote(QuoteSide::Open) => true,
        TokenKind::Punct => matches!(next_text, "(" | "[" | "—" | "–" | "-" | "•"),
        _ => false,
    };
    if !opens {
        return None;
    }
    let lex = lexicon();
    let word_before = match list[i].kind {
        TokenKind::Word => Some(i),
        _ if norm == "." && i > 0 && list[i - 1].kind == TokenKind::Word && !list[i].space_before => Some(i - 1),
        _ => None,
    };
    if let Some(w) = word_before {
        let word = tokens.norm(w);
        let single_initial = word.chars().count() == 1 && list[w].capitalized;
        if single_initial {
            return None;
        }
        let listed = lex.abbreviations.exactly(ids, w, w + 1);
        let name_title = listed.map(|a| a.value.has("name"));
        if listed.is_some_and(|a| a.value.has("number")) {
            // "No. 2", but "said no. Enough ..."
            return (next.kind != TokenKind::Number).then_some(end);
        }
        let abbreviation = name_title.is_some() || word.ends_with('.');
        if name_title == Some(true) || (abbreviation && !SENTENCE_OPENERS.contains(&next_text)) {
            return None;
        }
    }
    Some(end)
}

fn starts_upper(tokens: &Tokens, i: usize) -> bool {
    tokens.list[i].capitalized
}
