//! The word lists, loaded once from the plain-text files in `lexicon/`.
//!
//! The files are data, not code: one entry a line, `#` starts a comment,
//! alternatives are separated by `/`, and tags follow a `|`. They are
//! embedded at compile time, parsed on first use, and matched against
//! token norms (lower case, straight apostrophes), so an entry is written
//! the way the tokenizer splits it ("prosecutor's office" is three tokens).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::report::{Judgement, SourceType};

/// The word list `lexicon/NAME`, as `build.rs` copies it into the build:
/// without comments and blank lines.
macro_rules! list {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $name))
    };
}
use crate::text::case::lowercase;
use crate::text::tokenize;

/// A fast hash for short words. The keys are our own word lists, so the
/// protection of the standard hasher against crafted keys buys nothing and
/// costs a third of the analysis time.
#[derive(Clone, Copy, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        // the last few bytes, as if padded with zeros (no call to copy them)
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(rest.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with [`WordHasher`]: for the maps of one text's words and token
/// indices, which are read in the engine's inner loops (std's default
/// hasher resists crafted keys, at several times the cost).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A map keyed by words, with [`WordHasher`].
pub type WordMap<V> = FastMap<String, V>;

/// The closed word classes of `grammar.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Class {
    Aux,
    Perfect,
    Be,
    Modal,
    Do,
    Negative,
    Negation,
    Adverb,
    Pronoun,
    Person,
    Singular,
    Speaker,
    Plural,
    Thing,
    Relative,
    Object,
    Determiner,
    Preposition,
    Conjunction,
    Function,
    Time,
}

impl Class {
    const NAMES: [(&'static str, Class); 21] = [
        ("aux", Class::Aux),
        ("perfect", Class::Perfect),
        ("be", Class::Be),
        ("modal", Class::Modal),
        ("do", Class::Do),
        ("negative", Class::Negative),
        ("negation", Class::Negation),
        ("adverb", Class::Adverb),
        ("pronoun", Class::Pronoun),
        ("person", Class::Person),
        ("singular", Class::Singular),
        ("speaker", Class::Speaker),
        ("plural", Class::Plural),
        ("thing", Class::Thing),
        ("relative", Class::Relative),
        ("object", Class::Object),
        ("determiner", Class::Determiner),
        ("preposition", Class::Preposition),
        ("conjunction", Class::Conjunction),
        ("function", Class::Function),
        ("time", Class::Time),
    ];

    /// The class's bit in a set of classes.
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// All word lists.
pub struct Lexicon {
    /// Abbreviations a period follows without ending the sentence.
    pub abbreviations: PhraseList,
    /// Words for kinds of sources, names of well-known ones, and titles.
    pub sources: PhraseList<SourceWord>,
    /// Adjectives of place or side that describe a source ("Ukrainian").
    pub demonyms: PhraseList,
    /// The writer's hedges ("it appears").
    pub hedges: PhraseList,
    /// Hearsay ("reportedly", "amid reports that").
    pub hearsay: PhraseList,
    /// Dispute markers ("no evidence", "have denied").
    pub disputes: PhraseList,
    /// Everything the lists say of single words, by token norm.
    words: WordMap<Word>,
}

/// What the lists say of one word, found with one lookup per token.
#[derive(Debug, Default)]
pub struct Word {
    /// Its number in the phrase lists (0 when in none).
    pub id: WordId,
    /// Its closed classes, as [`Class`] bits.
    pub classes: u32,
    /// The reporting verb it is a form of ("said": say).
    pub verb: Option<Verb>,
    /// When it is a noun of saying ("claim", "findings"), its tags.
    pub claim_noun: Option<Tags>,
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// One form of a reporting verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The base form ("say").
    pub base: &'static str,
    /// Which forms this spelling is (a spelling can be several: "said").
    pub forms: u8,
    /// Tags from the file (`loaded`, `noun`, ...).
    pub tags: Vec<&'static str>,
}

impl Verb {
    /// The base form, "say".
    pub const BASE: u8 = 1;
    /// Third person singular, "says".
    pub const THIRD: u8 = 2;
    /// Simple past, "said".
    pub const PAST: u8 = 4;
    /// Past participle, "said", "written".
    pub const PARTICIPLE: u8 = 8;
    /// Gerund or present participle, "saying".
    pub const GERUND: u8 = 16;

    /// True when the file gives this verb `tag`.
    pub fn has(&self, tag: &str) -> bool {
        self.tags.contains(&tag)
    }

    /// True when the verb says little about speech by itself ("show",
    /// "think", "smiled", "vowed", "claims" as a noun): the rules take it
    /// only with more around it, such as "that" or a quotation.
    pub fn says_little(&self) -> bool {
        self.has("noun") || self.says_little_as_participle()
    }

    /// [`Self::says_little`] for its participle after a comma, which is no
    /// noun: ", stating ..." says as much as ", saying ...".
    pub fn says_little_as_participle(&self) -> bool {
        ["weak", "belief", "quote", "intent", "stance"].iter().any(|t| self.has(t))
    }

    /// The judgement the verb carries, if it is a loaded word.
    pub fn judgement(&self) -> Option<Judgement> {
        Judgement::from_tags(|t| self.has(t))
    }

    /// True when this spelling is one of `forms`.
    pub fn is(&self, forms: u8) -> bool {
        self.forms & forms != 0
    }
}

/// What a word in the source lists says about a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceWord {
    /// The type of source it makes.
    pub source_type: SourceType,
    /// A proper name ("Reuters", "the Kremlin"), not a common noun.
    pub is_name: bool,
    /// Only stands right before a person's name ("Mr").
    pub honorific: bool,
}

/// A word's number in the lexicon: every word of every phrase list has one,
/// and a text's tokens are numbered once ([`Lexicon::id`]), so phrases are
/// matched by comparing numbers. 0 stands for words in no list.
pub type WordId = u32;

/// A list of phrases, each a sequence of word numbers, with tags.
pub struct PhraseList<T = Tags> {
    /// Phrases by the number of their first word, longest first.
    by_first: Vec<Vec<Phrase<T>>>,
}

/// One phrase of a [`PhraseList`].
pub struct Phrase<T> {
    words: Vec<WordId>,
    /// The second word's number, 0 for a phrase of one word: kept here so
    /// that a search reads the words of few phrases (those of "the" are many).
    second: WordId,
    /// What the list says about the phrase.
    pub value: T,
}

/// Tags given to a phrase in its file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tags(Vec<&'static str>);

impl Tags {
    /// True when the phrase has `tag`.
    pub fn has(&self, tag: &str) -> bool {
        self.0.contains(&tag)
    }
}

impl<T> PhraseList<T> {
    fn new() -> Self {
        PhraseList { by_first: Vec::new() }
    }

    /// Adds a phrase unless the same words are already there (the first
    /// entry wins, so the files loaded first take precedence).
    fn add(&mut self, words: Vec<WordId>, value: T) {
        let Some(&first) = words.first() else { return };
        let first = first as usize;
        if self.by_first.len() <= first {
            self.by_first.resize_with(first + 1, Vec::new);
        }
        let list = &mut self.by_first[first];
        if list.iter().any(|p| p.words == words) {
            return;
        }
        let second = words.get(1).copied().unwrap_or(0);
        list.push(Phrase { words, second, value });
        // Longest first, so the first match found is the longest.
        crate::order::by_key(list, |p| u64::MAX - p.words.len() as u64);
    }

    /// The longest phrase starting at token `i` and ending by token `end`
    /// (exclusive) of a text whose tokens have the numbers `ids`: its
    /// length in tokens and the phrase.
    pub fn longest_at(&self, ids: &[WordId], i: usize, end: usize) -> Option<(usize, &Phrase<T>)> {
        let end = end.min(ids.len());
        if i >= end || ids[i] == 0 {
            return None;
        }
        let candidates = self.by_first.get(ids[i] as usize)?;
        // word by word from the second (the first is the list's): most
        // phrases differ there, and a common first word ("the") has many
        let second = ids.get(i + 1).copied().unwrap_or(0);
        candidates.iter().find_map(|p| {
            if p.second != second && p.second != 0 {
                return None;
            }
            let n = p.words.len();
            (i + n <= end && p.words[1..].iter().zip(&ids[i + 1..]).all(|(a, b)| a == b)).then_some((n, p))
        })
    }

    /// The phrase that is exactly the tokens `i..end`, if any.
    pub fn exactly(&self, ids: &[WordId], i: usize, end: usize) -> Option<&Phrase<T>> {
        if i >= end || end > ids.len() {
            return None;
        }
        self.by_first.get(ids[i] as usize)?.iter().find(|p| ids[i..end] == p.words[..])
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.by_first.iter().map(Vec::len).sum()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.iter().all(Vec::is_empty)
    }
}

/// The entries of a file: each non-empty line without its comment, split
/// into its phrases and its tags.
fn entries(file: &'static str) -> impl Iterator<Item = (Vec<&'static str>, Vec<&'static str>)> {
    file.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        let (phrases, tags) = line.split_once('|').unwrap_or((line, ""));
        let phrases = phrases.split('/').map(str::trim).filter(|p| !p.is_empty()).collect();
        let tags = tags.split_whitespace().collect();
        Some((phrases, tags))
    })
}

/// Numbers words as the lists are loaded.
#[derive(Default)]
struct Numbering {
    ids: WordMap<WordId>,
}

impl Numbering {
    /// The words of a phrase as the tokenizer splits it in a text, numbered.
    fn phrase(&mut self, phrase: &str) -> Vec<WordId> {
        // Plain words split at spaces as the tokenizer would split them;
        // the tokenizer itself is needed only for apostrophes, periods and
        // the like. (Loading is the first thing a page waits for.)
        if phrase.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
            return phrase.split_ascii_whitespace().map(|word| self.number(word)).collect();
        }
        let tokens = tokenize(phrase);
        (0..tokens.list.len()).map(|i| self.number(tokens.norm(i))).collect()
    }

    /// The number of a word, given on first sight.
    fn number(&mut self, norm: &str) -> WordId {
        if let Some(&id) = self.ids.get(norm) {
            return id;
        }
        let id = self.ids.len() as WordId + 1;
        self.ids.insert(norm.to_owned(), id);
        id
    }

    fn list(&mut self, file: &'static str) -> PhraseList {
        let mut list = PhraseList::new();
        for (phrases, tags) in entries(file) {
            for phrase in phrases {
                list.add(self.phrase(phrase), Tags(tags.clone()));
            }
        }
        list
    }
}

impl Lexicon {
    /// What the lists say of a token norm, if anything.
    pub fn word(&self, norm: &str) -> Option<&Word> {
        self.words.get(norm)
    }

    /// True when a token norm names the people of a place or side: a
    /// listed demonym in the plural ("tunisians", "europeans").
    pub fn is_people_of(&self, norm: &str) -> bool {
        let Some(singular) = norm.strip_suffix('s') else { return false };
        self.word(singular).is_some_and(|w| self.demonyms.exactly(&[w.id], 0, 1).is_some())
    }

    /// The reporting verb a token norm is a form of.
    pub fn verb(&self, norm: &str) -> Option<&Verb> {
        self.word(norm)?.verb.as_ref()
    }

    fn load() -> Lexicon {
        let mut numbering = Numbering::default();
        let mut sources = PhraseList::new();
        // Order matters where two files list the same words: the more
        // specific kind comes first ("channel" is social before media).
        let files = [
            (SourceType::Social, list!("social.txt")),
            (SourceType::Media, list!("media.txt")),
            (SourceType::Media, list!("outlets.txt")),
            (SourceType::Document, list!("document.txt")),
            (SourceType::Unnamed, list!("unnamed.txt")),
            (SourceType::Organization, list!("organization.txt")),
            (SourceType::Organization, list!("countries.txt")),
            (SourceType::Organization, list!("companies.txt")),
            (SourceType::Person, list!("person.txt")),
        ];
        for (source_type, file) in files {
            for (phrases, tags) in entries(file) {
                let word =
                    SourceWord { source_type, is_name: tags.contains(&"name"), honorific: tags.contains(&"honorific") };
                for phrase in phrases {
                    sources.add(numbering.phrase(phrase), word);
                }
            }
        }
        let abbreviations = numbering.list(list!("abbreviations.txt"));
        let demonyms = numbering.list(list!("demonyms.txt"));
        let hedges = numbering.list(list!("hedges.txt"));
        let hearsay = numbering.list(list!("hearsay.txt"));
        let disputes = numbering.list(list!("disputes.txt"));
        // one table for all single-word facts
        let mut words: WordMap<Word> = WordMap::default();
        for (norm, id) in numbering.ids {
            words.entry(norm).or_default().id = id;
        }
        for (norm, classes) in word_classes(list!("grammar.txt")) {
            words.entry(norm).or_default().classes = classes;
        }
        for (norm, verb) in verbs(list!("reporting_verbs.txt")) {
            words.entry(norm).or_default().verb = Some(verb);
        }
        for (norm, tags) in word_table(list!("claim_nouns.txt")) {
            words.entry(norm).or_default().claim_noun = Some(tags);
        }
        Lexicon { abbreviations, sources, demonyms, hedges, hearsay, disputes, words }
    }
}

/// Reads a table of single words with tags: each word gets the tags of all
/// its lines.
fn word_table(file: &'static str) -> WordMap<Tags> {
    let mut map: WordMap<Tags> = WordMap::default();
    for (words, tags) in entries(file) {
        for word in words {
            map.entry(lowercase(word)).or_default().0.extend(&tags);
        }
    }
    map
}

/// Reads `grammar.txt`: each word gets the class bits of all its lines.
fn word_classes(file: &'static str) -> WordMap<u32> {
    word_table(file)
        .into_iter()
        .map(|(word, tags)| {
            let bits = tags.0.iter().fold(0, |bits, tag| {
                let class = Class::NAMES.iter().find(|(name, _)| name == tag).map(|&(_, c)| c);
                bits | class.expect("grammar.txt uses only the classes of lexicon::Class").bit()
            });
            (word, bits)
        })
        .collect()
}

impl Lexicon {
    /// The class bits of `word` (a token norm).
    pub fn classes(&self, word: &str) -> u32 {
        self.word(word).map_or(0, |w| w.classes)
    }

    /// True when `word` (a token norm) is of `class`.
    pub fn is(&self, word: &str, class: Class) -> bool {
        self.classes(word) & class.bit() != 0
    }
}

/// Reads the verb table: base, third person, past, participle, gerund, tags.
fn verbs(file: &'static str) -> WordMap<Verb> {
    let mut map: WordMap<Verb> = WordMap::default();
    for line in file.lines() {
        let line = line.split('#').next().unwrap_or("");
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns.len() < 5 {
            continue;
        }
        let tags = columns[5..].to_vec();
        let forms = [Verb::BASE, Verb::THIRD, Verb::PAST, Verb::PARTICIPLE, Verb::GERUND];
        for (spelling, form) in columns[..5].iter().zip(forms) {
            map.entry(lowercase(spelling)).and_modify(|v| v.forms |= form).or_insert_with(|| Verb {
                base: columns[0],
                forms: form,
                tags: tags.clone(),
            });
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_phrases_split_as_the_tokenizer_splits_them() {
        let files = [
            list!("social.txt"),
            list!("media.txt"),
            list!("outlets.txt"),
            list!("document.txt"),
            list!("unnamed.txt"),
            list!("organization.txt"),
            list!("countries.txt"),
            list!("companies.txt"),
            list!("person.txt"),
            list!("abbreviations.txt"),
            list!("demonyms.txt"),
            list!("hedges.txt"),
            list!("hearsay.txt"),
            list!("disputes.txt"),
        ];
        let (mut fast, mut slow) = (Numbering::default(), Numbering::default());
        for file in files {
            for (phrases, _) in entries(file) {
                for phrase in phrases {
                    let tokens = tokenize(phrase);
                    let by_tokenizer: Vec<WordId> =
                        (0..tokens.list.len()).map(|i| slow.number(tokens.norm(i))).collect();
                    assert_eq!(fast.phrase(phrase), by_tokenizer, "{phrase:?}");
                }
            }
        }
    }

    #[test]
    fn every_file_parses_into_entries() {
        let lex = lexicon();
        assert!(lex.words.values().filter(|w| w.verb.is_some()).count() > 300);
        for list in [&lex.abbreviations, &lex.demonyms, &lex.hedges, &lex.hearsay, &lex.disputes] {
            assert!(!list.is_empty());
        }
        assert!(lex.sources.len() > 500);
    }

    #[test]
    fn verb_forms_and_tags() {
        let said = &lexicon().verb("said").unwrap();
        assert_eq!(said.base, "say");
        assert!(said.is(Verb::PAST) && said.is(Verb::PARTICIPLE) && !said.is(Verb::GERUND));
        assert_eq!(lexicon().verb("claimed").unwrap().judgement(), Some(Judgement::Doubts));
        assert!(lexicon().verb("denied").unwrap().has("dispute"));
    }

    #[test]
    fn no_verb_is_listed_twice() {
        let file = list!("reporting_verbs.txt");
        let mut seen = std::collections::HashSet::new();
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            if let Some(base) = line.split_whitespace().next() {
                assert!(seen.insert(base), "{base} is listed twice");
            }
        }
    }

    #[test]
    fn longest_phrase_wins() {
        let text = "Russian Telegram channel Kremlin Snuffbox";
        let doc = crate::text::Document::new(text);
        let (n, phrase) = lexicon().sources.longest_at(doc.ids(), 1, doc.len()).unwrap();
        assert_eq!(n, 2);
        assert_eq!(phrase.value.source_type, SourceType::Social);
    }
}
