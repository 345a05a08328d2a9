//! Tokens: words, numbers, punctuation and quotation marks, with their spans.
//!
//! The tokenizer is a hand-written scan over `char`s, so it handles any
//! Unicode text in one linear pass and never slices inside a character.
//! Each word also gets a normalized form (lower case, curly apostrophes made
//! straight) that the word lists are matched against.

use std::iter::Peekable;
use std::sync::OnceLock;

use regex::Regex;

use crate::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, digits and the joiners inside them ("didn’t", "Yong-hyun", "U.S.").
    Word,
    /// A number ("10,000", "3.5").
    Number,
    /// A web address or an e-mail address, kept whole so that its dots,
    /// colons and slashes are not read as punctuation.
    Link,
    /// A possessive ending split off its word ("’s").
    Possessive,
    /// A quotation mark, with the side of the quotation it opens or closes.
    Quote(QuoteSide),
    /// Any other punctuation or symbol; ellipses are one token.
    Punct,
}

/// Which side of a quotation a quotation mark stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteSide {
    /// Opens a quotation.
    Open,
    /// Closes a quotation.
    Close,
}

/// One token of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// A line break separates this token from the one before.
    pub line_break_before: bool,
    /// Whitespace separates this token from the one before.
    pub space_before: bool,
    /// The first character is upper case ("Kremlin", "NATO").
    pub capitalized: bool,
    /// Byte range of the normalized form in [`Tokens::norm`].
    norm: (u32, u32),
}

/// The tokens of a text and their normalized forms.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// The tokens in text order.
    pub list: Vec<Token>,
    /// All normalized forms, one after another.
    norms: String,
}

impl Tokens {
    /// The normalized form of token `i`: lower case, straight apostrophes.
    pub fn norm(&self, i: usize) -> &str {
        let (a, b) = self.list[i].norm;
        &self.norms[a as usize..b as usize]
    }
}

/// Characters that join two letters into one word ("didn’t", "Yong-hyun").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '&')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Quotation marks and the side they stand on when the shape says so.
fn quote_shape(c: char) -> Option<Option<QuoteSide>> {
    match c {
        '“' | '„' | '«' | '‹' | '‚' | '‘' | '「' | '『' => Some(Some(QuoteSide::Open)),
        '”' | '»' | '›' | '」' | '』' => Some(Some(QuoteSide::Close)),
        '"' | '\'' | '’' | '‟' | '″' => Some(None),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii() && (c.is_alphanumeric() || is_mark(c))
}

/// Combining marks continue the word they follow ("Zoe\u{301}").
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200D}' | '\u{FE0F}')
}

/// Web and e-mail addresses. The patterns spell out their character classes
/// so that regex needs none of its Unicode tables (see Cargo.toml).
fn links() -> &'static Regex {
    static LINKS: OnceLock<Regex> = OnceLock::new();
    LINKS.get_or_init(|| {
        Regex::new(concat!(
            r"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)[^ \t\n\r\x0C<>\x22'()\[\]{}“”‘’«»]+",
            r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
        ))
        .expect("the link pattern is valid")
    })
}

/// The byte spans of the links in `text`, without the punctuation that
/// ends a sentence after them.
fn link_spans(text: &str) -> Vec<Span> {
    links()
        .find_iter(text)
        .map(|m| {
            let trimmed = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
            Span::new(m.start(), m.start() + trimmed.len())
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens { list: Vec::with_capacity(text.len() / 5), norms: String::with_capacity(text.len()) };
    // Line by line: no token spans a line break, and the characters of one
    // line at a time are all that is held besides the tokens.
    let mut line_start = 0;
    let mut chars = Vec::new();
    let mut state = LineStart { space_before: false, line_break_before: true };
    let mut links = link_spans(text).into_iter().peekable();
    for line in text.split_inclusive('\n') {
        chars.clear();
        chars.extend(line.char_indices().map(|(b, c)| (b + line_start, c)));
        tokenize_line(&chars, line_start + line.len(), &mut links, &mut state, &mut out);
        line_start += line.len();
    }
    out
}

/// What carries over from one line to the next.
#[derive(Clone, Copy)]
struct LineStart {
    space_before: bool,
    line_break_before: bool,
}

/// Tokenizes one line, given as its characters with their byte offsets in
/// the text; `line_end` is the byte offset where the line ends, and `links`
/// the links of the text not yet passed.
fn tokenize_line(
    chars: &[(usize, char)],
    line_end: usize,
    links: &mut Peekable<std::vec::IntoIter<Span>>,
    state: &mut LineStart,
    out: &mut Tokens,
) {
    let byte_at = |i: usize| chars.get(i).map_or(line_end, |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    let LineStart { mut space_before, mut line_break_before } = *state;
    while i < chars.len() {
        let c = chars[i].1;
        while links.peek().is_some_and(|l| l.start < chars[i].0) {
            links.next();
        }
        if c == ' '
            || !c.is_ascii_alphanumeric()
                && (c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}'))
        {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                line_break_before = true;
            }
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if links.peek().is_some_and(|l| l.start == chars[i].0) {
            let link = links.next().unwrap_or_default();
            while i < chars.len() && chars[i].0 < link.end {
                i += 1;
            }
            kind = TokenKind::Link;
        } else if c.is_alphanumeric() || ((c == '@' || c == '#') && char_at(i + 1).is_some_and(|n| n.is_alphanumeric()))
        {
            i = scan_word(chars, i);
            kind = if chars[start..i].iter().all(|&(_, c)| c.is_ascii_digit() || c == ',' || c == '.') {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if is_apostrophe(c)
            && matches!(char_at(i + 1), Some('s' | 'S'))
            && !char_at(i + 2).is_some_and(is_word_char)
            && !space_before
            && i > 0
        {
            // "Trump’s": the possessive (or "is") stands as its own token.
            i += 2;
            kind = TokenKind::Possessive;
        } else if (c == '\'' && char_at(i + 1) == Some('\'')) || (c == '`' && char_at(i + 1) == Some('`')) {
            // '' and `` stand for double quotation marks in some archives
            // ("''It performed better,'' said ..."): one mark, not two.
            i += 2;
            let before = if start == 0 || space_before { None } else { Some(chars[start - 1].1) };
            let side = if c == '`' { QuoteSide::Open } else { side_from_context(before, char_at(i)) };
            kind = TokenKind::Quote(side);
        } else if let Some(shape) = quote_shape(c) {
            i += 1;
            let before = if start == 0 || space_before { None } else { Some(chars[start - 1].1) };
            let after = char_at(i);
            kind = TokenKind::Quote(shape.unwrap_or_else(|| side_from_context(before, after)));
        } else {
            i += 1;
            if c == '.' {
                while char_at(i) == Some('.') {
                    i += 1;
                }
            }
            kind = TokenKind::Punct;
        }
        let norm_start = out.norms.len() as u32;
        for &(_, ch) in &chars[start..i] {
            match ch {
                '’' | 'ʼ' => out.norms.push('\''),
                '‐' | '‑' => out.norms.push('-'),
                _ => out.norms.extend(ch.to_lowercase()),
            }
        }
        out.list.push(Token {
            span: Span::new(byte_at(start), byte_at(i)),
            kind,
            line_break_before,
            space_before,
            capitalized: c.is_uppercase()
                || (matches!(c, '@' | '#') && char_at(start + 1).is_some_and(char::is_uppercase)),
            norm: (norm_start, out.norms.len() as u32),
        });
        space_before = false;
        line_break_before = false;
    }
    *state = LineStart { space_before, line_break_before };
}

/// A straight quotation mark opens when nothing sits before it or a letter
/// follows it, and closes otherwise.
fn side_from_context(before: Option<char>, after: Option<char>) -> QuoteSide {
    let before_word =
        before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '…' | ')'));
    let after_word = after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '(' | '$' | '…' | '¿' | '¡'));
    if before_word && !after_word {
        QuoteSide::Close
    } else if after_word || before.is_none() {
        QuoteSide::Open
    } else {
        QuoteSide::Close
    }
}

/// Returns the index one past the word starting at `i`.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let start = i;
    i += 1;
    while let Some(c) = at(i) {
        if is_word_char(c) {
            i += 1;
            continue;
        }
        let next = at(i + 1);
        let next_is_word = next.is_some_and(is_word_char);
        if is_joiner(c) && next_is_word && i > start {
            // "’s" at a word's end is split off as a possessive.
            if is_apostrophe(c) && matches!(next, Some('s' | 'S')) && !at(i + 2).is_some_and(is_word_char) {
                break;
            }
            i += 1;
            continue;
        }
        let prev = chars[i - 1].1;
        if (c == '.' || c == ',') && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
            i += 1; // 10,000 and 3.5
            continue;
        }
        if c == '.' && next_is_word {
            let run = i - start;
            let single_letters = run == 1 || (run >= 2 && chars[i - 2].1 == '.');
            let lower_both = prev.is_lowercase() && next.is_some_and(|n| n.is_lowercase());
            if single_letters || lower_both {
                i += 1; // "U.S" then the final "." below; "breitbart.com"
                continue;
            }
        }
        if c == '.' {
            // "U.S." keeps its final period: a letter, a period, a letter.
            let dotted = i - start >= 3 && chars[i - 2].1 == '.' && chars[i - 1].1.is_alphabetic();
            if dotted {
                i += 1;
            }
            break;
        }
        if c == '@' && next_is_word {
            i += 1; // an e-mail address
            continue;
        }
        break;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).list.iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            words("Kim Yong-hyun didn’t say 10,000 or 3.5."),
            ["Kim", "Yong-hyun", "didn’t", "say", "10,000", "or", "3.5", "."]
        );
    }

    #[test]
    fn possessives_split_off() {
        assert_eq!(words("Ukraine’s army, Trump's claim"), ["Ukraine", "’s", "army", ",", "Trump", "'s", "claim"]);
    }

    #[test]
    fn dotted_abbreviations_keep_their_periods() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("Mr. Trump"), ["Mr", ".", "Trump"]);
        assert_eq!(words("mail a@b.com now"), ["mail", "a@b.com", "now"]);
        assert_eq!(words("end.Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn links_stay_whole() {
        assert_eq!(
            words("See https://example.com/a?b=1. Mail me@example.org, or www.news.example."),
            ["See", "https://example.com/a?b=1", ".", "Mail", "me@example.org", ",", "or", "www.news.example", "."]
        );
        let t = tokenize("at https://x.org/p");
        assert_eq!(t.list[1].kind, TokenKind::Link);
    }

    #[test]
    fn doubled_apostrophes_are_one_quotation_mark() {
        let text = "''It worked,'' said Polak.";
        assert_eq!(words(text), ["''", "It", "worked", ",", "''", "said", "Polak", "."]);
        let t = tokenize(text);
        assert_eq!(t.list[0].kind, TokenKind::Quote(QuoteSide::Open));
        assert_eq!(t.list[4].kind, TokenKind::Quote(QuoteSide::Close));
    }

    #[test]
    fn quotes_get_sides() {
        let text = "He said \"no\" and «oui» and ‘maybe’.";
        let t = tokenize(text);
        let sides: Vec<_> = t
            .list
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(s) => Some(s),
                _ => None,
            })
            .collect();
        use QuoteSide::*;
        assert_eq!(sides, [Open, Close, Open, Close, Open, Close]);
    }

    #[test]
    fn norms_are_lower_case_with_straight_apostrophes() {
        let t = tokenize("DIDN’T Say");
        assert_eq!(t.norm(0), "didn't");
        assert_eq!(t.norm(1), "say");
    }

    #[test]
    fn any_unicode_stays_on_char_boundaries() {
        for text in ["日本の首相は「戦争だ」と述べた。", "Zoe\u{301}", "🇺🇦👨‍👩‍👧 x", "\u{200F}שלום", "'", "’s", "a’", "..."]
        {
            for t in tokenize(text).list {
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                assert!(!t.span.is_empty());
            }
        }
    }
}
