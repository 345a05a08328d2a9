//! What the models see: hashed features of tokens (for the cue tagger) and
//! of candidate attributions (for the scorer).
//!
//! A feature is a template number and a value ("the word after is
//! `that`"), hashed to 32 bits; the model's table folds the hash into its
//! buckets. No strings are kept in the model: a word the training data
//! never showed simply hits a bucket with no weight. The features lean on
//! what generalizes past the words seen in training: the word lists'
//! classes and verb tags, suffixes, the shape of the words, quotation
//! marks, and what the rules proposed.

use std::ops::Range;

use crate::rules::Candidate;
use crate::source::describe::describe;
use crate::source::mention::{self, Form};
use crate::text::{Document, QuoteSide, TokenKind};

/// FNV-1a over bytes.
pub fn hash_bytes(bytes: &[u8]) -> u32 {
    fnv_continue(0x811c_9dc5, bytes)
}

/// FNV-1a from state `h` over more bytes.
fn fnv_continue(h: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(h, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// [`hash_bytes`] of `bytes` and of its first `prefix` bytes, in one pass.
fn hash_with_prefix(bytes: &[u8], prefix: usize) -> (u32, u32) {
    let (head, tail) = bytes.split_at(prefix.min(bytes.len()));
    let at_prefix = hash_bytes(head);
    (fnv_continue(at_prefix, tail), at_prefix)
}

/// Combines two hashes (order matters) with one multiplication; the top
/// bits of the result, which pick the bucket, depend on every input bit.
fn mix(a: u32, b: u32) -> u32 {
    (a.rotate_left(5) ^ b).wrapping_mul(0x9e37_79b1)
}

/// Where the features of an example go, one hash at a time: a list (for
/// training, and for the scorer) or straight into a model's sums (for the
/// taggers, which read every word of a text: no list to fill and read).
pub trait Sink {
    /// Takes the hash of one feature.
    fn put(&mut self, hash: u32);
}

impl Sink for Vec<u32> {
    fn put(&mut self, hash: u32) {
        self.push(hash);
    }
}

/// Features being computed, and where they go.
pub struct Features<'o, S: Sink> {
    out: &'o mut S,
    /// Added to template numbers, to keep two sets of features apart.
    namespace: u32,
}

impl<'o> Features<'o, Vec<u32>> {
    /// Starts a fresh list in `out`.
    pub fn new(out: &'o mut Vec<u32>) -> Self {
        out.clear();
        Features { out, namespace: 0 }
    }
}

impl<S: Sink> Features<'_, S> {
    /// Template `t` with a hashed value.
    fn add(&mut self, t: u32, value: u32) {
        self.out.put(mix((t + self.namespace).wrapping_mul(0x2545_f491), value));
    }

    /// Template `t` with two hashed values.
    fn add2(&mut self, t: u32, a: u32, b: u32) {
        self.add(t, mix(a, b));
    }
}

/// Hashes of what each token is, computed once per text, so that the
/// features of a token are only combinations of numbers looked up here.
/// What depends only on the word is worked out once per word type.
pub struct TokenTable {
    /// The lower-case word, per token.
    word: Vec<u32>,
    /// The verb's base form for reporting verbs ("say" for "said"), else
    /// the word, per token.
    lemma: Vec<u32>,
    /// What depends only on the word, per word type.
    types: Vec<TypeHashes>,
    /// What the word lists say of each token (classes, verb forms and
    /// tags, source word), as values: those of token `k` are
    /// `lexical[lexical_at[k].0..lexical_at[k].1]`. The words of a type
    /// share their values; see [`TokenTable::new`].
    lexical: Vec<u32>,
    lexical_at: Vec<(u32, u32)>,
    /// A coarse shape: see [`shape`].
    shape: Vec<u8>,
    /// Inside a quotation.
    quoted: Vec<bool>,
    /// The rule whose candidate cue covers the token, and whether the token
    /// starts that cue, hashed; 0 when no rule proposes it.
    rule: Vec<u32>,
    /// The same for the sources the rules proposed.
    source_rule: Vec<u32>,
    /// How far, in distance buckets, the nearest quotation mark and the
    /// nearest rule's cue are before and after the token in its sentence.
    nearest: Vec<Nearest>,
}

/// The hashes of one word type.
struct TypeHashes {
    /// A crude stem: "support" for "supports", "supported", "supporting".
    stem: u32,
    /// The last 2, 3 and 4 letters, hashed (0 unless the word is longer).
    suffixes: [u32; 3],
    /// The lemma of its words (see [`TokenTable::lemma`]), once worked out
    /// at its first word (a type can also be a possessive or a number).
    lemma: Option<u32>,
    /// Where the values of its words are in [`TokenTable::lexical`], for
    /// those that are no source word and for those that are, once worked out.
    lexical: [Option<(u32, u32)>; 2],
}

/// Distance buckets to things nearby in the sentence (7: none).
#[derive(Clone, Copy, Default)]
struct Nearest {
    quote_before: u8,
    quote_after: u8,
    cue_before: u8,
    cue_after: u8,
    /// "that" or a colon 1 to 3 tokens after (9: none).
    that_after: u8,
}

/// A token's shape: punctuation, quotation marks, numbers, and the case of words.
fn shape(doc: &Document, i: usize) -> u8 {
    let t = doc.token(i);
    match t.kind {
        TokenKind::Quote(QuoteSide::Open) => 1,
        TokenKind::Quote(_) => 2,
        TokenKind::Number => 3,
        TokenKind::Link => 4,
        TokenKind::Possessive => 5,
        TokenKind::Punct => match doc.norm(i) {
            "," => 6,
            ":" => 7,
            "." | "!" | "?" => 8,
            "—" | "–" | "-" => 9,
            "(" | ")" => 10,
            _ => 11,
        },
        TokenKind::Word if !t.capitalized => 12,
        TokenKind::Word if doc.raw(i).chars().skip(1).any(|c| c.is_uppercase()) => 13,
        TokenKind::Word => 14,
    }
}

/// How far away, in a few steps: 0, 1, 2, 3-4, 5-8, 9-16, more.
fn distance_bucket(d: usize) -> u32 {
    match d {
        0..=2 => d as u32,
        3..=4 => 3,
        5..=8 => 4,
        9..=16 => 5,
        _ => 6,
    }
}

/// A word without its inflection, roughly: "support" for "supports",
/// "supported" and "supporting", "worr" for "worried" and "worries".
fn stem(word: &str) -> &str {
    let cut = |suffix: &str| word.strip_suffix(suffix).filter(|rest| rest.len() >= 3);
    let rest = ["ing", "ied", "ies", "ed", "es", "s"].iter().find_map(|s| cut(s)).unwrap_or(word);
    rest.strip_suffix('e').filter(|r| r.len() >= 3).unwrap_or(rest)
}

/// The hashes of the last 2, 3 and 4 letters of `word`.
fn suffixes(word: &str) -> [u32; 3] {
    // the byte offsets where the last 1 to 5 letters start
    let mut starts = [0usize; 5];
    let mut letters = 0;
    for (b, _) in word.char_indices().rev().take(5) {
        starts[letters] = b;
        letters += 1;
    }
    let mut out = [0; 3];
    for (slot, k) in [2usize, 3, 4].into_iter().enumerate() {
        // more than k letters: the k-th from the end starts a proper suffix
        if letters > k {
            out[slot] = hash_bytes(&word.as_bytes()[starts[k - 1]..]);
        }
    }
    out
}

/// The value of a source word ([`Document::source_word`]).
const SOURCE_WORD: u32 = 100;

/// The word lists' values for word `k`, pushed on `out`: its classes,
/// verb forms and tags (the same for every word of its type), and whether
/// it is a `source_word`.
fn lexical(doc: &Document, k: usize, source_word: bool, out: &mut Vec<u32>) {
    let mut classes = doc.classes(k);
    while classes != 0 {
        out.push(classes.trailing_zeros());
        classes &= classes - 1;
    }
    if source_word {
        out.push(SOURCE_WORD);
    }
    if let Some(verb) = doc.verb(k) {
        out.push(200 + u32::from(verb.forms));
        for tag in &verb.tags {
            out.push(mix(300, hash_bytes(tag.as_bytes())));
        }
    }
}

/// For every token, how far the nearest quotation mark, rule's cue and
/// "that" (or colon) are in its sentence (see [`Nearest`]).
fn nearest(doc: &Document, is_cue: &[u32], is_that: impl Fn(usize) -> bool) -> Vec<Nearest> {
    let is_quote = |k: usize| matches!(doc.token(k).kind, TokenKind::Quote(_));
    let bucket = |from: usize, to: Option<usize>| to.map_or(7, |k: usize| distance_bucket(k.abs_diff(from)) as u8);
    let mut out = vec![Nearest::default(); doc.len()];
    for sentence in &doc.sentences {
        let (mut quote, mut cue) = (None, None);
        for i in sentence.clone() {
            out[i].quote_before = bucket(i, quote);
            out[i].cue_before = bucket(i, cue);
            quote = if is_quote(i) { Some(i) } else { quote };
            cue = if is_cue[i] != 0 { Some(i) } else { cue };
        }
        let (mut quote, mut cue, mut that) = (None, None, None);
        for i in sentence.clone().rev() {
            out[i].quote_after = bucket(i, quote);
            out[i].cue_after = bucket(i, cue);
            out[i].that_after = that.filter(|&k| k - i <= 3).map_or(9, |k| (k - i) as u8);
            quote = if is_quote(i) { Some(i) } else { quote };
            cue = if is_cue[i] != 0 { Some(i) } else { cue };
            that = if is_that(i) { Some(i) } else { that };
        }
    }
    out
}

impl TokenTable {
    /// The table for `doc`, given the rules' candidates.
    pub fn new(doc: &Document, candidates: &[Candidate]) -> TokenTable {
        let n = doc.len();
        // the hashes of each word type: its norm, stem and suffixes
        let mut whole = Vec::with_capacity(doc.word_types());
        let mut types: Vec<TypeHashes> = (0..doc.word_types())
            .map(|t| {
                let norm = doc.norm(doc.token_of_type(t));
                // the stem is a prefix of the word: one pass hashes both
                let (word, stem) = hash_with_prefix(norm.as_bytes(), self::stem(norm).len());
                whole.push(word);
                TypeHashes { stem, suffixes: suffixes(norm), lemma: None, lexical: [None; 2] }
            })
            .collect();
        // tokens that are no word have only the source word's value, from
        // the first place; words share their values with their type
        let mut lexical_values = vec![SOURCE_WORD];
        let (mut word, mut lemma, mut lexical_at) =
            (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        for i in 0..n {
            let t = doc.word_type(i);
            word.push(whole[t]);
            let source_word = doc.source_word(i);
            if !doc.is_word(i) {
                lemma.push(whole[t]);
                lexical_at.push((0, u32::from(source_word)));
                continue;
            }
            let of_type = &mut types[t];
            let at = *of_type.lexical[usize::from(source_word)].get_or_insert_with(|| {
                let start = lexical_values.len() as u32;
                lexical(doc, i, source_word, &mut lexical_values);
                (start, lexical_values.len() as u32)
            });
            let verb_or_word = || doc.verb(i).map_or(whole[t], |v| hash_bytes(v.base.as_bytes()) ^ 0x5bd1_e995);
            lemma.push(*of_type.lemma.get_or_insert_with(verb_or_word));
            lexical_at.push(at);
        }
        let shape = (0..n).map(|i| shape(doc, i)).collect();
        let mut quoted = vec![false; n];
        for q in &doc.quotes {
            for flag in &mut quoted[(q.open + 1).min(n)..q.close.min(n)] {
                *flag = true;
            }
        }
        let mut rule = vec![0u32; n];
        let mut source_rule = vec![0u32; n];
        let mark = |marks: &mut [u32], tokens: Range<usize>, name: u32| {
            for t in tokens.clone() {
                if marks[t] == 0 {
                    marks[t] = mix(name, u32::from(t == tokens.start));
                }
            }
        };
        for c in candidates {
            let name = hash_bytes(c.rule.as_bytes());
            mark(&mut rule, c.cue.clone(), name);
            if let Some(m) = &c.source {
                mark(&mut source_rule, m.tokens.clone(), name);
            }
        }
        let (that, colon) = (hash_bytes(b"that"), hash_bytes(b":"));
        let nearest = nearest(doc, &rule, |k| word[k] == that || word[k] == colon);
        TokenTable {
            word,
            lemma,
            types,
            lexical: lexical_values,
            lexical_at,
            shape,
            quoted,
            rule,
            source_rule,
            nearest,
        }
    }

    /// The hashes of the word type of token `k`.
    fn of_type(&self, doc: &Document, k: usize) -> &TypeHashes {
        &self.types[doc.word_type(k)]
    }

    /// The word lists' values for token `k`.
    fn lexical(&self, k: usize) -> &[u32] {
        let (start, end) = self.lexical_at[k];
        &self.lexical[start as usize..end as usize]
    }

    /// The stem of token `k`.
    fn stem(&self, doc: &Document, k: usize) -> u32 {
        self.of_type(doc, k).stem
    }

    fn word(&self, i: isize) -> u32 {
        usize::try_from(i).ok().and_then(|i| self.word.get(i)).copied().unwrap_or(0x0bad_cafe)
    }

    fn shape(&self, i: isize) -> u32 {
        usize::try_from(i).ok().and_then(|i| self.shape.get(i)).map_or(99, |&s| u32::from(s))
    }
}

/// True when token `i` is one the cue tagger reads: a word.
pub fn taggable(doc: &Document, i: usize) -> bool {
    doc.is_word(i)
}

/// The features of token `i` for the taggers.
pub fn token(doc: &Document, table: &TokenTable, i: usize, out: &mut Vec<u32>) {
    token_into(&mut Features::new(out), doc, table, i);
}

/// The features of token `i` for the taggers, straight into `sink`.
pub fn token_to(doc: &Document, table: &TokenTable, i: usize, sink: &mut impl Sink) {
    token_into(&mut Features { out: sink, namespace: 0 }, doc, table, i);
}

fn token_into<S: Sink>(f: &mut Features<'_, S>, doc: &Document, table: &TokenTable, i: usize) {
    let at = i as isize;
    let sentence = doc.sentence_around(i);
    // the words and shapes from two before to two after, read once
    let word: [u32; 5] = std::array::from_fn(|k| table.word(at + k as isize - 2));
    let shape: [u32; 5] = std::array::from_fn(|k| table.shape(at + k as isize - 2));
    let lemma = table.lemma[i];
    f.add(0, 0); // the bias of the token
    f.add(1, word[2]);
    f.add(2, lemma);
    for d in [-2isize, -1, 1, 2] {
        f.add2(3, d as u32, word[(d + 2) as usize]);
        f.add2(4, d as u32, shape[(d + 2) as usize]);
    }
    f.add2(5, word[1], word[2]);
    f.add2(6, word[2], word[3]);
    f.add2(7, lemma, word[3]);
    let of_type = table.of_type(doc, i);
    for (k, &suffix) in [2u32, 3, 4].iter().zip(&of_type.suffixes) {
        if suffix != 0 {
            f.add(8 + k, suffix);
        }
    }
    f.add(12, shape[2]);
    f.add2(13, shape[1] * 100 + shape[2], shape[3]);
    for (t, k) in [(14u32, at), (15, at - 1), (16, at + 1), (17, at - 2), (18, at + 2)] {
        let Some(k) = usize::try_from(k).ok().filter(|&k| k < doc.len()) else { continue };
        for &value in table.lexical(k) {
            f.add(t, value);
        }
    }
    f.add(19, u32::from(table.quoted[i]));
    let rule = table.rule[i];
    f.add(20, rule);
    if rule != 0 {
        f.add2(21, rule, lemma);
    }
    f.add(22, distance_bucket(i - sentence.start));
    f.add(23, distance_bucket(sentence.end - 1 - i));
    // quotation marks nearby in the sentence, on either side
    let near = table.nearest[i];
    f.add(24, u32::from(near.quote_before));
    f.add(25, u32::from(near.quote_after));
    f.add(26, u32::from(doc.title_case(i)));
    // a "that" or a colon soon after: a clause follows the word
    f.add(27, u32::from(near.that_after));
    f.add2(28, word[1], lemma);
    f.add(31, of_type.stem);
    f.add2(32, of_type.stem, word[3]);
    f.add2(33, word[1], of_type.stem);
    f.add(29, table.source_rule[i]);
    // the nearest rule cue in the sentence, and on which side
    f.add2(30, 0, u32::from(near.cue_before));
    f.add2(30, 1, u32::from(near.cue_after));
}

/// What the taggers believe of a candidate: the cue tagger's highest
/// probability among the cue's words, and the source tagger's mean over
/// the source's words.
#[derive(Clone, Copy)]
pub struct Belief {
    /// In the cue.
    pub cue: f32,
    /// In the source.
    pub source: f32,
}

/// A probability in tenths.
fn tenths(p: f32) -> u32 {
    (p * 10.0).floor().clamp(0.0, 9.0) as u32
}

/// The features of a candidate attribution for the scorer.
pub fn candidate(doc: &Document, table: &TokenTable, c: &Candidate, belief: Belief, out: &mut Vec<u32>) {
    let mut f = Features::new(out);
    let rule = hash_bytes(c.rule.as_bytes());
    f.add(0, 0);
    f.add(1, rule);
    let bucket = tenths(belief.cue);
    f.add(2, bucket);
    f.add2(3, rule, bucket);
    let source_bucket = tenths(belief.source);
    f.add(26, source_bucket);
    f.add2(27, rule, source_bucket);
    f.add2(28, bucket, source_bucket);
    let cue = c.cue.clone();
    let head = cue.clone().find(|&k| doc.verb(k).is_some()).unwrap_or(cue.end - 1);
    f.add(4, table.lemma[head]);
    f.add2(5, rule, table.lemma[head]);
    for k in cue.clone() {
        f.add(6, table.lemma[k]);
    }
    f.add(7, distance_bucket(cue.len()));
    f.add(40, table.stem(doc, head));
    f.add2(41, rule, table.stem(doc, head));
    if let Some(verb) = doc.verb(head) {
        f.add(8, u32::from(verb.forms));
        for tag in &verb.tags {
            f.add(9, hash_bytes(tag.as_bytes()));
        }
    }
    let before = cue.start as isize - 1;
    f.add(10, table.word(before));
    f.add(11, table.word(cue.end as isize));
    f.add(12, table.shape(cue.end as isize));
    f.add(13, u32::from(table.quoted[cue.start]));
    f.add(14, u32::from(doc.title_case(cue.start)));
    f.add(15, u32::from(c.inherits_source));
    match &c.source {
        None => f.add(16, 0),
        Some(m) => source(doc, table, &m.tokens, m.form, &cue, rule, &mut f),
    }
    content(doc, table, &c.content, &cue, rule, &mut f);
    // what the taggers read at the cue's head, apart from the above
    f.namespace = 100;
    token_into(&mut f, doc, table, head);
}

fn source(
    doc: &Document,
    table: &TokenTable,
    tokens: &Range<usize>,
    form: Form,
    cue: &Range<usize>,
    rule: u32,
    f: &mut Features<'_, Vec<u32>>,
) {
    f.add(16, 1 + form as u32);
    let description = describe(doc, tokens.clone());
    let kind = description.source_type as u32;
    f.add(17, kind);
    f.add2(18, rule, kind);
    f.add(19, u32::from(description.proper));
    f.add(20, distance_bucket(tokens.len()));
    let head = mention::head(doc, &mention::Mention { tokens: tokens.clone(), form });
    f.add(21, table.word[head]);
    f.add(42, table.stem(doc, head));
    // the words between source and cue ("who", "has", a comma)
    let between = if tokens.end <= cue.start { tokens.end..cue.start } else { cue.end..tokens.start };
    f.add(43, distance_bucket(between.len()));
    for k in between.take(4) {
        f.add(44, table.lemma[k]);
    }
    f.add(22, table.shape(head as isize));
    let (side, gap) =
        if tokens.end <= cue.start { (0, cue.start - tokens.end) } else { (1, tokens.start.saturating_sub(cue.end)) };
    f.add2(23, side, distance_bucket(gap));
    f.add(24, table.word(tokens.start as isize - 1));
    f.add(25, u32::from(doc.sentence_of(tokens.start) != doc.sentence_of(cue.start)));
}

fn content(
    doc: &Document,
    table: &TokenTable,
    content: &[Range<usize>],
    cue: &Range<usize>,
    rule: u32,
    f: &mut Features<'_, Vec<u32>>,
) {
    f.add(30, content.len().min(3) as u32);
    // how the content opens, and the word just before it: "that", a
    // quotation mark, a colon, "to", or a bare object
    if let Some(first) = content.first() {
        f.add(33, table.lemma[first.start]);
        let before = table.word(first.start as isize - 1);
        f.add(34, before);
        f.add2(35, rule, before);
    }
    let length: usize = content.iter().map(|r| r.len()).sum();
    f.add(31, distance_bucket(length));
    for r in content.iter().take(2) {
        let side = u32::from(r.start >= cue.end);
        let quotation = r.start > 0 && matches!(doc.token(r.start - 1).kind, TokenKind::Quote(QuoteSide::Open));
        f.add2(32, side, u32::from(quotation));
    }
}
