//! Tokens: words, numbers, punctuation and quotation marks, with their spans.
//!
//! The tokenizer is a hand-written scan over `char`s, so it handles any
//! Unicode text in one linear pass and never slices inside a character.
//! Each word also gets a normalized form (lower case, curly apostrophes made
//! straight) that the word lists are matched against.

use std::sync::OnceLock;

use regex::Regex;

use super::case;
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
        // not `expect`: the error's Debug text would bring regex's error
        // messages into the WebAssembly
        .unwrap_or_else(|_| panic!("the link pattern is valid"))
    })
}

/// The longest link looked for, in bytes.
const MAX_LINK: usize = 2048;

/// The byte spans of the links in `text`, without the punctuation that
/// ends a sentence after them.
///
/// The pattern only runs where a link can start: a scheme before "://", a
/// "www.", or the name before an "@". Found with a plain byte search, those
/// places are few, so the regex engine (the small one, in the browser)
/// never reads the rest of the text.
fn link_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    let mut next = 0; // nothing before this offset can start a link
    for anchor in anchors(bytes) {
        let start = match bytes[anchor] {
            b':' if bytes[anchor..].starts_with(b"://") => back_over(bytes, anchor, |b| b.is_ascii_alphabetic()),
            b'w' | b'W' if bytes.len() >= anchor + 4 && bytes[anchor..anchor + 4].eq_ignore_ascii_case(b"www.") => {
                anchor
            }
            b'@' => back_over(bytes, anchor, |b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b)),
            _ => continue,
        };
        if start < next || start == anchor && bytes[anchor] != b'w' && bytes[anchor] != b'W' {
            continue;
        }
        let mut end = (start + MAX_LINK).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(m) = links().find(&text[start..end]).filter(|m| m.start() == 0) {
            let trimmed = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if !trimmed.is_empty() {
                out.push(Span::new(start, start + trimmed.len()));
                next = start + trimmed.len();
            }
        }
    }
    out
}

/// The offsets of the bytes where a link's search starts: `:`, `@`, `w`
/// and `W`. Eight bytes are tested at a time, and most hold none of them.
fn anchors(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // a high bit set in every byte of `x` that is zero, and maybe in a byte
    // after one that is: a hint, checked byte by byte below
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    bytes.chunks(8).enumerate().flat_map(move |(k, chunk)| {
        // a short last chunk is read as if padded with spaces
        let x = match <[u8; 8]>::try_from(chunk) {
            Ok(word) => u64::from_ne_bytes(word),
            Err(_) => u64::from_ne_bytes(std::array::from_fn(|j| chunk.get(j).copied().unwrap_or(b' '))),
        };
        let any = [b':', b'@', b'w', b'W'].iter().fold(0, |m, &b| m | zero_byte(x ^ (ONES * u64::from(b))));
        let hits = if any == 0 { 0..0 } else { 0..chunk.len() };
        hits.filter(move |&j| matches!(chunk[j], b':' | b'@' | b'w' | b'W')).map(move |j| k * 8 + j)
    })
}

/// The offset where a run of bytes matching `part_of` ends before `at`.
fn back_over(bytes: &[u8], at: usize, part_of: impl Fn(u8) -> bool) -> usize {
    let mut start = at;
    while start > 0 && part_of(bytes[start - 1]) {
        start -= 1;
    }
    start
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Tokens {
    // The norms start with a copy of the whole text: a token written in
    // ASCII has its norm where it stands (made lower case at the end), and
    // only the others have theirs added after it.
    let mut norms = String::with_capacity(text.len() + text.len() / 8);
    norms.push_str(text);
    let mut out = Tokens { list: Vec::with_capacity(text.len() / 5), norms };
    let mut links = link_spans(text).into_iter().peekable();
    let mut pos = 0;
    let mut space_before = false;
    let mut line_break_before = true;
    // a single quotation mark has opened a quotation in this line and not
    // yet closed it: an apostrophe after "s" may be what closes it
    let mut single_open = false;
    while let Some(c) = char_at(text, pos) {
        let after = pos + c.len_utf8();
        if c == ' '
            || !c.is_ascii_alphanumeric()
                && (c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}'))
        {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                line_break_before = true;
                single_open = false;
            }
            space_before = true;
            pos = after;
            continue;
        }
        while links.peek().is_some_and(|l| l.start < pos) {
            links.next();
        }
        let start = pos;
        // the character before, when it touches this token
        let touching = || if space_before || line_break_before { None } else { char_before(text, start) };
        let kind;
        if links.peek().is_some_and(|l| l.start == start) {
            pos = links.next().map_or(after, |l| l.end);
            kind = TokenKind::Link;
        } else if c.is_alphanumeric()
            || (c == '@' && char_at(text, after).is_some_and(|n| n.is_alphanumeric()))
            // a hashtag starts with a letter: "#1" is a sign and a number
            || (c == '#' && char_at(text, after).is_some_and(|n| n.is_alphabetic()))
        {
            pos = scan_word(text, start);
            // a number starts with a digit: only then is the rest read again
            let number = c.is_ascii_digit()
                && text.as_bytes()[start..pos].iter().all(|&b| b.is_ascii_digit() || b == b',' || b == b'.');
            kind = if number { TokenKind::Number } else { TokenKind::Word };
        } else if is_apostrophe(c)
            && matches!(char_at(text, after), Some('s' | 'S'))
            && !char_at(text, after + 1).is_some_and(is_word_char)
            && touching().is_some()
        {
            // "Trump’s": the possessive (or "is") stands as its own token.
            pos = after + 1;
            kind = TokenKind::Possessive;
        } else if let Some(n) =
            (is_apostrophe(c) && touching().is_some()).then(|| contraction_after(text, after)).flatten()
        {
            // "I’ve", "they’d": the auxiliary stands as its own word
            pos = after + n;
            kind = TokenKind::Word;
        } else if is_apostrophe(c) && !single_open && is_plural_possessive(text, start, touching()) {
            // "Sanders’ campaign manager": the possessive of a word in -s.
            pos = after;
            kind = TokenKind::Possessive;
        } else if (c == '\'' || c == '`') && char_at(text, after) == Some(c) {
            // '' and `` stand for double quotation marks in some archives
            // ("''It performed better,'' said ..."): one mark, not two.
            pos = after + 1;
            let side = if c == '`' { QuoteSide::Open } else { side_from_context(touching(), char_at(text, pos)) };
            kind = TokenKind::Quote(side);
        } else if let Some(shape) = quote_shape(c) {
            pos = after;
            kind = TokenKind::Quote(shape.unwrap_or_else(|| side_from_context(touching(), char_at(text, pos))));
        } else {
            pos = after;
            if c == '.' {
                while text.as_bytes().get(pos) == Some(&b'.') {
                    pos += 1;
                }
            }
            kind = TokenKind::Punct;
        }
        if let TokenKind::Quote(side) = kind {
            if matches!(c, '\'' | '’' | '‘' | '‚' | '‹' | '›') && !text[start..pos].starts_with("''") {
                single_open = side == QuoteSide::Open;
            }
        }
        let written = &text[start..pos];
        let norm = if written.is_ascii() {
            (start as u32, pos as u32)
        } else {
            let norm_start = out.norms.len() as u32;
            push_norm(written, &mut out.norms);
            (norm_start, out.norms.len() as u32)
        };
        out.list.push(Token {
            span: Span::new(start, pos),
            kind,
            line_break_before,
            space_before,
            capitalized: c.is_uppercase()
                || (matches!(c, '@' | '#') && char_at(text, after).is_some_and(char::is_uppercase)),
            norm,
        });
        space_before = false;
        line_break_before = false;
    }
    // One pass over all the norms: the ASCII ones are as written, and the
    // rest are lower case already (no lower-case mapping gives "A" to
    // "Z"), so this changes only what it should.
    out.norms.make_ascii_lowercase();
    out
}

/// Pushes the normalized form of `written` on `out`: lower case, with
/// straight apostrophes and plain hyphens.
fn push_norm(written: &str, out: &mut String) {
    for c in written.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ if c.is_ascii() => out.push(c),
            '’' | 'ʼ' => out.push('\''),
            '‐' | '‑' => out.push('-'),
            _ => case::push_lower(c, out),
        }
    }
}

/// The character starting at byte `pos`, if any (`pos` is on a boundary).
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[pos..].chars().next(),
        None => None,
    }
}

/// The character ending at byte `pos`, if any.
fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The length in bytes of a contracted auxiliary ("ve", "d", "ll", "re",
/// "m") starting at byte `at`, right after an apostrophe, that ends a word.
fn contraction_after(text: &str, at: usize) -> Option<usize> {
    let rest = text.as_bytes().get(at..)?;
    let n = ["ve", "ll", "re", "d", "m"]
        .iter()
        .find(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()))?
        .len();
    (!char_at(text, at + n).is_some_and(is_word_char)).then_some(n)
}

/// An apostrophe at byte `start` that makes a plural possessive: it
/// follows a word ending in "s" and precedes a word after one space
/// ("Sanders’ campaign", "the officials' statement").
fn is_plural_possessive(text: &str, start: usize, touching: Option<char>) -> bool {
    let after = start + char_at(text, start).map_or(1, char::len_utf8);
    matches!(touching, Some('s' | 'S'))
        && char_at(text, after) == Some(' ')
        && char_at(text, after + 1).is_some_and(char::is_alphabetic)
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

/// Which bytes are ASCII letters and digits, looked up in one step.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Returns the byte offset one past the word starting at byte `start`.
fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start + char_at(text, start).map_or(1, char::len_utf8);
    loop {
        // most of a word is ASCII letters: skip them in one tight loop
        while bytes.get(i).is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)]) {
            i += 1;
        }
        // and most words end at an ASCII character that joins nothing
        match bytes.get(i) {
            Some(b'\'' | b'-' | b'&' | b'.' | b',' | b'@') => {}
            Some(&b) if b >= 0x80 => {}
            _ => break,
        }
        let Some(c) = char_at(text, i) else { break };
        let after = i + c.len_utf8();
        if is_word_char(c) {
            i = after;
            continue;
        }
        let next = char_at(text, after);
        let next_is_word = next.is_some_and(is_word_char);
        if is_joiner(c) && next_is_word {
            // "’s" at a word's end is split off as a possessive, and "’ve",
            // "’d", "’ll", "’re", "’m" as auxiliaries.
            if is_apostrophe(c)
                && (matches!(next, Some('s' | 'S')) && !char_at(text, after + 1).is_some_and(is_word_char)
                    || contraction_after(text, after).is_some())
            {
                break;
            }
            i = after;
            continue;
        }
        let prev = char_before(text, i).unwrap_or(' ');
        if (c == '.' || c == ',') && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
            i = after; // 10,000 and 3.5
            continue;
        }
        if c == '.' {
            let run = text[start..i].chars().count();
            let two_back = text[..i].chars().rev().nth(1);
            if next_is_word {
                let single_letters = run == 1 || (run >= 2 && two_back == Some('.'));
                let lower_both = prev.is_lowercase() && next.is_some_and(char::is_lowercase);
                if single_letters || lower_both {
                    i = after; // "U.S" then the final "." below; "breitbart.com"
                    continue;
                }
            }
            // "U.S." keeps its final period: a letter, a period, a letter.
            if run >= 3 && two_back == Some('.') && prev.is_alphabetic() {
                i = after;
            }
            break;
        }
        if c == '@' && next_is_word {
            i = after; // an e-mail address
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
        let t = tokenize("Sanders’ campaign, the officials' view");
        assert_eq!(t.list[1].kind, TokenKind::Possessive);
        assert_eq!(t.list[6].kind, TokenKind::Possessive);
    }

    #[test]
    fn contracted_auxiliaries_split_off() {
        assert_eq!(words("I’ve said we'd go, didn’t I"), ["I", "’ve", "said", "we", "'d", "go", ",", "didn’t", "I"]);
        assert_eq!(words("O’Malley and d’Estaing"), ["O’Malley", "and", "d’Estaing"]);
    }

    #[test]
    fn an_apostrophe_after_s_closes_an_open_single_quotation() {
        for text in ["‘Thousands of Shootings’ in Chicago", "'Thousands of Shootings' in Chicago"] {
            let t = tokenize(text);
            assert_eq!(t.list[4].kind, TokenKind::Quote(QuoteSide::Close), "{text}");
        }
        // a line break ends what a single quotation mark opened
        let t = tokenize("‘Yes\nthe Smiths’ house");
        assert_eq!(t.list[4].kind, TokenKind::Possessive);
    }

    #[test]
    fn dotted_abbreviations_keep_their_periods() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("Mr. Trump"), ["Mr", ".", "Trump"]);
        assert_eq!(words("mail a@b.com now"), ["mail", "a@b.com", "now"]);
        assert_eq!(words("#MeToo and @ap, Lesson #1"), ["#MeToo", "and", "@ap", ",", "Lesson", "#", "1"]);
        assert_eq!(words("end.Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn anchors_are_every_byte_that_can_start_a_link_search() {
        // every length around the 8-byte steps, anchors at every place
        let base = "a:@wW é\u{80}w:x@yyyWww:@";
        for len in 0..base.len() {
            let bytes = &base.as_bytes()[..len];
            let expected: Vec<usize> = (0..len).filter(|&i| matches!(bytes[i], b':' | b'@' | b'w' | b'W')).collect();
            assert_eq!(anchors(bytes).collect::<Vec<_>>(), expected, "{len}");
        }
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
