//! The analysed text: tokens, sentences, paragraphs and quotations.
//!
//! [`Document::new`] does all the segmentation once; the rules then read
//! it. Everything is indexed by token, and every token knows its byte
//! [`Span`].

pub mod case;
pub mod segment;
pub mod token;
pub mod types;

use std::ops::Range;

pub use token::{tokenize, QuoteSide, Token, TokenKind, Tokens};
use types::Types;

use crate::lexicon::{lexicon, Class, Phrase, SourceWord, Verb, Word, WordId};
use crate::Span;

/// A text split into tokens, sentences, paragraphs and quotations.
pub struct Document<'t> {
    /// The text.
    pub text: &'t str,
    /// Its tokens.
    pub tokens: Tokens,
    /// Sentences as token ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Quotations, in order of their opening marks.
    pub quotes: Vec<Quote>,
    /// For each token, the index of its sentence.
    sentence_of: Vec<u32>,
    /// For each sentence, the index of its paragraph (line).
    paragraph_of: Vec<u32>,
    /// Paragraphs as token ranges.
    paragraphs: Vec<Range<usize>>,
    /// For each token, the quotation whose opening mark it is, if any.
    quote_opening: Vec<Option<u32>>,
    /// For each token, the closed quotation whose closing mark it is, if any.
    quote_closing: Vec<Option<u32>>,
    /// What the word lists say of each token, looked up once.
    words: Vec<WordInfo>,
    /// Each token's number in the lexicon (0 for words in no phrase list).
    ids: Vec<WordId>,
    /// The tokens that are forms of reporting verbs, in order.
    verbs: Vec<u32>,
    /// For each sentence, whether it is in title case (a headline).
    title_case: Vec<bool>,
    /// The word type of each token, and a token of each type.
    types: Types,
    /// How the text writes each word type.
    written: Vec<Written>,
}

/// How a text writes one word.
#[derive(Clone, Copy, Default)]
struct Written {
    /// In lower case, somewhere.
    lower_case: bool,
    /// Capitalized, this many times.
    capitalized: u32,
}

/// What the word lists say of one token: the fields the rules read for
/// every token, side by side, so that a pass over the text stays in cache.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    /// [`Class`] bits.
    classes: u32,
    /// Some phrase of the source lists or demonyms covers it.
    source_word: bool,
    /// The reporting verb it is a form of, if any.
    verb: Option<&'static Verb>,
    /// The lists' entry for the word, if any.
    word: Option<&'static Word>,
}

/// A quotation: the tokens between a pair of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Index of the opening mark.
    pub open: usize,
    /// Index of the closing mark, or one past the last token of the
    /// paragraph when the quotation runs on into the next paragraph, which
    /// then opens again (the convention for quotes over several paragraphs).
    pub close: usize,
    /// True when the closing mark is really there.
    pub closed: bool,
    /// True when this quotation continues the one before it (a new
    /// paragraph of the same speech).
    pub continues: bool,
}

impl Quote {
    /// The token indices inside the marks.
    pub fn inner(&self) -> Range<usize> {
        self.open + 1..self.close
    }
}

/// Quotations longer than this without a closing mark are taken to be a
/// stray mark rather than a quotation.
const MAX_UNCLOSED_QUOTE: usize = 200;

impl<'t> Document<'t> {
    /// Segments `text`.
    pub fn new(text: &'t str) -> Document<'t> {
        let tokens = tokenize(text);
        let types = Types::of(&tokens);
        let lex = lexicon();
        // each word looked up once; punctuation and quotation marks are in
        // no list, so no lookup for them
        let mut entry_of_type: Vec<Option<Option<&'static Word>>> = vec![None; types.len()];
        let entries: Vec<Option<&'static Word>> = (0..tokens.list.len())
            .map(|i| match tokens.list[i].kind {
                TokenKind::Punct | TokenKind::Quote(_) | TokenKind::Link => None,
                _ => *entry_of_type[types.of_token[i] as usize].get_or_insert_with(|| lex.word(tokens.norm(i))),
            })
            .collect();
        let ids: Vec<WordId> = entries.iter().map(|w| w.map_or(0, |w| w.id)).collect();
        let sentences = segment::sentences(&tokens, &ids);
        let mut sentence_of = vec![0u32; tokens.list.len()];
        let mut paragraph_of = Vec::with_capacity(sentences.len());
        let mut paragraphs: Vec<Range<usize>> = Vec::new();
        for (s, range) in sentences.iter().enumerate() {
            match paragraphs.last_mut() {
                Some(last) if s > 0 && !tokens.list[range.start].line_break_before => last.end = range.end,
                _ => paragraphs.push(range.clone()),
            }
            paragraph_of.push((paragraphs.len() - 1) as u32);
            for t in range.clone() {
                sentence_of[t] = s as u32;
            }
        }
        let mut doc = Document {
            text,
            tokens,
            sentences,
            quotes: Vec::new(),
            sentence_of,
            paragraph_of,
            paragraphs,
            quote_opening: Vec::new(),
            quote_closing: Vec::new(),
            words: Vec::new(),
            ids,
            verbs: Vec::new(),
            title_case: Vec::new(),
            types,
            written: Vec::new(),
        };
        doc.written = doc.how_written();
        doc.words = doc.look_up_words(&entries);
        doc.verbs = (0..doc.len() as u32).filter(|&i| doc.words[i as usize].verb.is_some()).collect();
        doc.title_case = doc.sentences.iter().map(|s| doc.is_title_case(s.clone())).collect();
        doc.quotes = doc.find_quotes();
        doc.quote_opening = vec![None; doc.len()];
        doc.quote_closing = vec![None; doc.len()];
        for (k, q) in doc.quotes.iter().enumerate() {
            if let Some(at) = doc.quote_opening.get_mut(q.open) {
                *at = Some(k as u32);
            }
            if let Some(at) = doc.quote_closing.get_mut(q.close).filter(|_| q.closed) {
                *at = Some(k as u32);
            }
        }
        doc
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.list.len()
    }

    /// True when the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.list.is_empty()
    }

    /// Token `i`.
    pub fn token(&self, i: usize) -> &Token {
        &self.tokens.list[i]
    }

    /// The normalized form of token `i` (lower case, straight apostrophes),
    /// or "" past the end.
    pub fn norm(&self, i: usize) -> &str {
        if i < self.len() {
            self.tokens.norm(i)
        } else {
            ""
        }
    }

    /// The text of token `i` as written.
    pub fn raw(&self, i: usize) -> &'t str {
        self.tokens.list[i].span.text(self.text)
    }

    /// True when token `i` exists and its norm is one of `words`.
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.tokens.norm(i))
    }

    /// True when token `i` is a word starting with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        i < self.len() && self.tokens.list[i].capitalized && self.tokens.list[i].kind == TokenKind::Word
    }

    /// The longest phrase of the source lists at token `i`, ending by token
    /// `end`, and its length in tokens. A listed name names only in
    /// capitals: "Time", not "the first time".
    pub fn source_phrase_at(&self, i: usize, end: usize) -> Option<(usize, &'static Phrase<SourceWord>)> {
        let (n, phrase) = lexicon().sources.longest_at(&self.ids, i, end)?;
        (!phrase.value.is_name || self.capitalized(i)).then_some((n, phrase))
    }

    /// True when token `i` is capitalized only because it opens its
    /// sentence: no word comes before it there, and the text writes the
    /// same word in lower case elsewhere ("Horror stories about Uber ...",
    /// when "horror" is in the text too).
    pub fn capitalized_by_position(&self, i: usize) -> bool {
        self.opens_sentence(i) && self.written[self.word_type(i)].lower_case
    }

    /// How many times the text writes the word of token `i` capitalized,
    /// here included ("Politifact: ..." then "Politifact rated it").
    pub fn times_capitalized(&self, i: usize) -> u32 {
        self.written[self.word_type(i)].capitalized
    }

    /// True when token `i` is a capitalized word with no word before it in
    /// its sentence.
    pub fn opens_sentence(&self, i: usize) -> bool {
        self.capitalized(i) && !(self.sentence_around(i).start..i).any(|k| self.is_word(k))
    }

    /// The number of token `i`'s word type (see [`types`]).
    pub fn word_type(&self, i: usize) -> usize {
        self.types.of_token[i] as usize
    }

    /// How many word types the text has.
    pub fn word_types(&self) -> usize {
        self.types.len()
    }

    /// A token of word type `t`.
    pub fn token_of_type(&self, t: usize) -> usize {
        self.types.first[t] as usize
    }

    fn how_written(&self) -> Vec<Written> {
        let mut written = vec![Written::default(); self.types.len()];
        for k in (0..self.len()).filter(|&k| self.is_word(k)) {
            let w = &mut written[self.word_type(k)];
            if self.tokens.list[k].capitalized {
                w.capitalized += 1;
            } else {
                w.lower_case = true;
            }
        }
        written
    }

    /// True when token `i` is a word (not a number or punctuation).
    pub fn is_word(&self, i: usize) -> bool {
        i < self.len() && self.tokens.list[i].kind == TokenKind::Word
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, tokens: Range<usize>) -> Span {
        let list = &self.tokens.list;
        Span::new(list[tokens.start].span.start, list[tokens.end - 1].span.end)
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentence_of[i] as usize
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_around(&self, i: usize) -> Range<usize> {
        self.sentences[self.sentence_of(i)].clone()
    }

    /// The paragraph (line) number of sentence `s`.
    pub fn paragraph_of_sentence(&self, s: usize) -> usize {
        self.paragraph_of[s] as usize
    }

    /// The token range of the paragraph holding token `i`.
    pub fn paragraph_around(&self, i: usize) -> Range<usize> {
        self.paragraphs[self.paragraph_of[self.sentence_of(i)] as usize].clone()
    }

    /// The tokens' numbers in the lexicon, for matching phrase lists.
    pub fn ids(&self) -> &[WordId] {
        &self.ids
    }

    /// True when token `i` exists and is a word of `class`.
    pub fn class(&self, i: usize, class: Class) -> bool {
        self.any_class(i, class.bit())
    }

    /// True when token `i` exists and is a word of one of the classes in
    /// the bit set `classes`.
    pub fn any_class(&self, i: usize, classes: u32) -> bool {
        self.words.get(i).is_some_and(|w| w.classes & classes != 0)
    }

    /// The [`Class`] bits of token `i` (0 past the end).
    pub fn classes(&self, i: usize) -> u32 {
        self.words.get(i).map_or(0, |w| w.classes)
    }

    /// The reporting verb token `i` is, if it is one.
    pub fn verb(&self, i: usize) -> Option<&'static Verb> {
        self.words.get(i).and_then(|w| w.verb)
    }

    /// The tokens whose norm is `word`, in order: a rule that starts at
    /// one word reads only these.
    pub fn tokens_of<'d>(&'d self, word: &str) -> impl Iterator<Item = usize> + 'd {
        let wanted = (0..self.types.len()).find(|&t| self.norm(self.token_of_type(t)) == word);
        let types = wanted.map_or(&[][..], |_| &self.types.of_token[..]);
        types.iter().enumerate().filter(move |&(_, &t)| Some(t as usize) == wanted).map(|(i, _)| i)
    }

    /// The tokens from `from` on that are forms of reporting verbs, in
    /// order (see [`Document::verb`]): the rules that start at a verb read
    /// only these.
    pub fn verbs_from(&self, from: usize) -> impl Iterator<Item = usize> + '_ {
        let start = self.verbs.partition_point(|&i| (i as usize) < from);
        self.verbs[start..].iter().map(|&i| i as usize)
    }

    /// What the word lists say of token `i`, if it is a word they know.
    pub fn word(&self, i: usize) -> Option<&'static Word> {
        self.words.get(i).and_then(|w| w.word)
    }

    /// True when a phrase of the source lists or a demonym covers token `i`
    /// ("officials", "broadcaster", "Ukrainian", "Telegram channel").
    pub fn source_word(&self, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.source_word)
    }

    /// True when the sentence holding token `i` is written in title case,
    /// as headlines often are ("Trump Says He Will Win").
    pub fn title_case(&self, i: usize) -> bool {
        self.title_case[self.sentence_of(i)]
    }

    fn is_title_case(&self, sentence: Range<usize>) -> bool {
        let long_words = sentence.filter(|&i| self.is_word(i) && self.tokens.norm(i).len() >= 4);
        let (mut words, mut capitalized) = (0, 0);
        for i in long_words {
            words += 1;
            capitalized += usize::from(self.capitalized(i));
        }
        words >= 3 && capitalized * 10 >= words * 8
    }

    fn look_up_words(&self, entries: &[Option<&'static Word>]) -> Vec<WordInfo> {
        let lex = lexicon();
        let mut words: Vec<WordInfo> = (0..self.len())
            .map(|i| {
                let word = entries[i].filter(|_| self.token(i).kind == TokenKind::Word);
                WordInfo {
                    classes: word.map_or(0, |w| w.classes),
                    source_word: false,
                    verb: word.and_then(|w| w.verb.as_ref()),
                    word,
                }
            })
            .collect();
        for i in 0..self.len() {
            let longest = [
                self.source_phrase_at(i, self.len()).map(|(n, _)| n),
                lex.demonyms.longest_at(&self.ids, i, self.len()).map(|(n, _)| n),
            ];
            if let Some(n) = longest.into_iter().flatten().max() {
                for w in &mut words[i..i + n] {
                    w.source_word = true;
                }
            }
        }
        words
    }

    /// The index of the quotation whose opening mark is token `i`.
    pub fn quote_opened_at(&self, i: usize) -> Option<usize> {
        self.quote_opening.get(i).copied().flatten().map(|k| k as usize)
    }

    /// The index of the closed quotation whose closing mark is token `i`.
    pub fn quote_closed_at(&self, i: usize) -> Option<usize> {
        self.quote_closing.get(i).copied().flatten().map(|k| k as usize)
    }

    /// The quotation that quotation `k` continues: the unclosed one of the
    /// paragraph before, whose mark of the same kind `k` opens with. (The
    /// quotation before `k` in order of opening may be another one: a
    /// quotation in single marks inside one in double marks.)
    pub fn quote_continued_by(&self, k: usize) -> Option<usize> {
        let open = self.quotes.get(k).filter(|q| q.continues)?.open;
        self.quotes[..k].iter().rposition(|p| !p.closed && p.close == open)
    }

    /// The quotation that continues quotation `k` in the next paragraph.
    pub fn quote_continuing(&self, k: usize) -> Option<usize> {
        let q = self.quotes.get(k).filter(|q| !q.closed)?;
        self.quote_opened_at(q.close).filter(|&n| self.quotes[n].continues)
    }

    /// The innermost quotation holding token `i`, if any.
    pub fn quote_around(&self, i: usize) -> Option<&Quote> {
        // Quotations are sorted by their opening; nested ones are rare, so
        // looking back over a few is enough.
        let upto = self.quotes.partition_point(|q| q.open < i);
        self.quotes[..upto].iter().rev().take(8).filter(|q| i < q.close).min_by_key(|q| q.close - q.open)
    }

    /// Pairs the quotation marks. Double and single marks pair separately,
    /// so "‘The first step’" inside a double quotation is found too. A
    /// straight `"` toggles: it opens when no quotation is open.
    fn find_quotes(&self) -> Vec<Quote> {
        let mut quotes = Vec::new();
        for family in [QuoteFamily::Double, QuoteFamily::Single] {
            let mut open: Option<usize> = None;
            let mut continues = false;
            for i in 0..self.len() {
                let token = &self.tokens.list[i];
                if token.line_break_before {
                    if let Some(o) = open.take() {
                        // An unclosed quotation that the next paragraph opens
                        // again runs on; otherwise the mark was stray.
                        let reopens = matches!(token.kind, TokenKind::Quote(QuoteSide::Open)) && family.of(self.raw(i));
                        if reopens && i - o <= MAX_UNCLOSED_QUOTE * 4 {
                            quotes.push(Quote { open: o, close: i, closed: false, continues });
                            continues = true;
                        } else {
                            continues = false;
                        }
                    } else {
                        continues = false;
                    }
                }
                let TokenKind::Quote(side) = token.kind else {
                    continue;
                };
                let raw = self.raw(i);
                if !family.of(raw) {
                    continue;
                }
                // Straight marks toggle; a curly mark of the wrong shape
                // that sits where a closing mark goes closes ("unusual,“ said").
                let closes_here = !token.space_before
                    && self.tokens.list.get(i + 1).is_none_or(|n| n.space_before || n.kind == TokenKind::Punct);
                let side = if raw == "\"" || raw == "''" {
                    if open.is_some() {
                        QuoteSide::Close
                    } else {
                        QuoteSide::Open
                    }
                } else if open.is_some() && closes_here {
                    QuoteSide::Close
                } else {
                    side
                };
                match (side, open) {
                    (QuoteSide::Open, None) => open = Some(i),
                    (QuoteSide::Open, Some(_)) => open = Some(i), // the earlier mark was stray
                    (QuoteSide::Close, Some(o)) => {
                        quotes.push(Quote { open: o, close: i, closed: true, continues });
                        open = None;
                        continues = false;
                    }
                    (QuoteSide::Close, None) => {}
                }
                if let Some(o) = open {
                    if i - o > MAX_UNCLOSED_QUOTE && family == QuoteFamily::Single {
                        open = None;
                    }
                }
            }
        }
        crate::order::by_key(&mut quotes, |q| q.open as u64);
        quotes
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteFamily {
    Double,
    Single,
}

impl QuoteFamily {
    fn of(self, mark: &str) -> bool {
        let double =
            matches!(mark, "\"" | "“" | "”" | "„" | "‟" | "«" | "»" | "″" | "「" | "」" | "『" | "』" | "''" | "``");
        match self {
            QuoteFamily::Double => double,
            QuoteFamily::Single => !double,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences.iter().map(|s| doc.span(s.clone()).text(text)).collect()
    }

    #[test]
    fn the_tokens_of_a_word_and_the_reporting_verbs() {
        let text = "As he said, as ever, the minister says so. AS";
        let doc = Document::new(text);
        let raw = |tokens: &mut dyn Iterator<Item = usize>| tokens.map(|i| doc.raw(i)).collect::<Vec<_>>();
        assert_eq!(raw(&mut doc.tokens_of("as")), ["As", "as", "AS"]);
        assert_eq!(raw(&mut doc.tokens_of("nowhere")), [] as [&str; 0]);
        assert_eq!(raw(&mut doc.verbs_from(0)), ["said", "says"]);
        let said = doc.verbs_from(0).next().unwrap_or_default();
        assert_eq!(raw(&mut doc.verbs_from(said + 1)), ["says"]);
        assert_eq!(raw(&mut doc.verbs_from(doc.len())), [] as [&str; 0]);
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Rutte met Gen. Smith on Jan. 5 in the U.S. capital. It cost 3.5 million. J. Edgar Hoover said so."
            ),
            [
                "Mr. Rutte met Gen. Smith on Jan. 5 in the U.S. capital.",
                "It cost 3.5 million.",
                "J. Edgar Hoover said so."
            ]
        );
    }

    #[test]
    fn abbreviation_then_opener_ends_the_sentence() {
        assert_eq!(sentences("He lives in the U.S. The rest stayed."), ["He lives in the U.S.", "The rest stayed."]);
    }

    #[test]
    fn an_abbreviation_for_number_ends_the_sentence_before_anything_else() {
        assert_eq!(
            sentences("He ranks No. 2 in the poll. Most said no. Enough said."),
            ["He ranks No. 2 in the poll.", "Most said no.", "Enough said."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("“They are preparing.” Zelensky said. (It was late.) Then “Why?” he asked."),
            ["“They are preparing.”", "Zelensky said.", "(It was late.)", "Then “Why?” he asked."]
        );
    }

    #[test]
    fn a_caption_glued_after_a_full_stop_is_a_sentence_of_its_own() {
        assert_eq!(
            sentences(
                "The capsule landed, the agency said.(Photo by Ann Lee via AP)\nIt cost 3.5 million (e.g.(x) too)."
            ),
            ["The capsule landed, the agency said.", "(Photo by Ann Lee via AP)", "It cost 3.5 million (e.g.(x) too)."]
        );
    }

    #[test]
    fn lines_are_sentences_even_without_full_stops() {
        assert_eq!(sentences("Headline here\nBody starts. Ends"), ["Headline here", "Body starts.", "Ends"]);
    }

    #[test]
    fn quotes_pair_across_sentences_and_paragraphs() {
        let text = "“One. Two,” she said.\n“Three.\n“Four.”\nAfter ‘scare’ quotes.";
        let doc = Document::new(text);
        let spans: Vec<&str> = doc.quotes.iter().map(|q| doc.span(q.open..q.close.min(doc.len())).text(text)).collect();
        assert_eq!(spans, ["“One. Two,", "“Three.", "“Four.", "‘scare"]);
        assert!(doc.quotes[2].continues && !doc.quotes[1].closed);
        assert_eq!((doc.quote_continuing(1), doc.quote_continued_by(2)), (Some(2), Some(1)));
        assert_eq!((doc.quote_continuing(0), doc.quote_continued_by(1)), (None, None));
    }

    #[test]
    fn a_quotation_continues_only_with_marks_of_its_own_kind() {
        // the single-mark quotation runs on into the next paragraph; the
        // double-mark one inside it continues another one, not it
        let text = "«\n« said ‘ x « y:“ z\n‘ w";
        let doc = Document::new(text);
        let single = doc.quotes.iter().position(|q| doc.raw(q.open) == "‘").unwrap();
        let inner = single + 1;
        assert!(doc.quotes[inner].continues && doc.raw(doc.quotes[inner].open) == "«");
        assert_eq!(doc.quote_continuing(single), None);
        assert_eq!(doc.quote_continued_by(inner), None);
    }

    #[test]
    fn straight_quotes_toggle() {
        let text = "He said \"it's fine\" and \"no.\"";
        let doc = Document::new(text);
        assert_eq!(doc.quotes.len(), 2);
    }

    #[test]
    fn a_megabyte_without_punctuation_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(200_000);
        let doc = Document::new(&text);
        assert!(doc.sentences.iter().all(|s| s.len() <= segment::MAX_SENTENCE_TOKENS));
    }
}
