//! Following sources through one text: the same source, however named,
//! gets one canonical name.

use std::ops::Range;

use crate::lexicon::{lexicon, WordMap};
use crate::report::SourceType;
use crate::source::describe::{describe, Description, NAME_SUFFIXES};
use crate::source::mention::{self, Form, Mention};
use crate::text::case::lowercase;
use crate::text::Document;

/// One source in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The canonical name: the fullest form the text gives.
    pub name: String,
    /// What kind of source it is.
    pub source_type: SourceType,
    /// For people, the last word of the name, lower case ("zelensky").
    surname: Option<String>,
    /// The pronoun the text used for it, if any ("he" or "she").
    pronoun: Option<&'static str>,
}

/// Resolves mentions to entities, in text order.
#[derive(Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    /// Entities by lower-case name.
    by_name: WordMap<usize>,
    /// People by lower-case surname.
    by_surname: WordMap<Vec<usize>>,
    /// Entities in the order they were last mentioned as a source, the
    /// most recent last; pronouns look back no further than this.
    recent: Vec<usize>,
    /// Full names the text gives people anywhere, by surname, found once.
    names_in_text: Option<WordMap<String>>,
    /// What the text says single names stand for, by lower-case name,
    /// found once for each (see [`kind_from_text`]).
    kinds: WordMap<Option<SourceType>>,
    /// For each title ("president", "prime minister"): how many of its
    /// capitalized places were read, and the people it was given to there.
    titled: WordMap<(usize, Vec<usize>)>,
    /// Where the text writes each word type capitalized, found once: a
    /// name's places are looked up, not searched for (see [`Places`]).
    capitalized: Option<Places>,
}

/// The tokens of the capitalized words of a text, grouped by word type,
/// each group in text order.
struct Places {
    /// The places of word type `t` are `tokens[start[t]..start[t + 1]]`.
    start: Vec<usize>,
    tokens: Vec<usize>,
}

impl Places {
    fn of(doc: &Document) -> Places {
        let capitalized = || (0..doc.len()).filter(|&i| doc.capitalized(i));
        // a counting sort: how many of each type, then each in its place
        let mut start = vec![0; doc.word_types() + 1];
        for i in capitalized() {
            start[doc.word_type(i) + 1] += 1;
        }
        for t in 1..start.len() {
            start[t] += start[t - 1];
        }
        let mut next = start.clone();
        let mut tokens = vec![0; start[doc.word_types()]];
        for i in capitalized() {
            let slot = &mut next[doc.word_type(i)];
            tokens[*slot] = i;
            *slot += 1;
        }
        Places { start, tokens }
    }

    fn of_type(&self, t: usize) -> &[usize] {
        &self.tokens[self.start[t]..self.start[t + 1]]
    }
}

/// Nouns that, after "the", name again an organization or outlet the text
/// named before ("Uber ... the company said").
const BY_ANOTHER_NAME: &[&str] = &[
    "company",
    "firm",
    "corporation",
    "startup",
    "retailer",
    "carrier",
    "airline",
    "automaker",
    "carmaker",
    "studio",
    "paper",
    "newspaper",
    "broadcaster",
    "outlet",
    "magazine",
    "network",
];

/// How many recently mentioned sources a pronoun may refer back to.
const PRONOUN_REACH: usize = 24;

/// True for an organization or outlet known by a name in the singular:
/// "Uber", "the Kremlin", "The Guardian" (a name's last word not in -s, so
/// "The New York Times" is not one). The news calls it "it";
/// a "they" after it stands for people the text has just spoken of ("Uber
/// ... drivers don't feel much better. They tell ..."). Plural names and
/// nouns may be "they": "the Democrats", "police", "the authorities".
fn singular_name(e: &Entity) -> bool {
    let last = e.name.rsplit(' ').next().unwrap_or(&e.name);
    matches!(e.source_type, SourceType::Organization | SourceType::Media)
        && e.name.starts_with(|c: char| c.is_uppercase())
        && !last.ends_with('s')
}

/// True when "they" may stand for the entity: a group ("Bush and
/// Christie"), people, or an organization not known by a singular name.
fn may_be_they(e: &Entity) -> bool {
    const PLURAL: &[SourceType] = &[SourceType::Organization, SourceType::Unnamed, SourceType::Media];
    is_group(&e.name) || PLURAL.contains(&e.source_type) && !singular_name(e)
}

impl Resolver {
    /// A resolver for a new text.
    pub fn new() -> Self {
        Self::default()
    }

    /// The entity a mention stands for, as an index into [`Self::entities`].
    pub fn resolve(&mut self, doc: &Document, mention: &Mention) -> usize {
        let id = match mention.form {
            Form::Pronoun => self.pronoun(doc, mention.tokens.clone()),
            Form::Relative => match mention::antecedent(doc, mention.tokens.start) {
                Some(m) => self.phrase(doc, m.tokens),
                None => self.unresolved(doc, mention.tokens.clone(), SourceType::Unnamed),
            },
            Form::Phrase => self.phrase(doc, mention.tokens.clone()),
        };
        self.recent.retain(|&e| e != id);
        self.recent.push(id);
        if self.recent.len() > PRONOUN_REACH {
            self.recent.remove(0);
        }
        id
    }

    /// All entities so far, with their final names.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    fn phrase(&mut self, doc: &Document, tokens: Range<usize>) -> usize {
        // "many of them": some of the people the text spoke of last
        if tokens.len() == 3 && doc.is(tokens.start + 1, &["of"]) && doc.is(tokens.start + 2, &["them"]) {
            if let Some(id) = self.recent.iter().rev().copied().find(|&id| may_be_they(&self.entities[id])) {
                return id;
            }
        }
        let mut d = describe(doc, tokens.clone());
        // "the company", "the paper": the organization or outlet named last
        // as a source; any other noun ("the agency", "the government")
        // stands for the one named last whose name has that noun ("the
        // Russian space agency ... the agency said"), if any
        if !d.proper && tokens.len() == 2 && doc.is(tokens.start, &["the"]) {
            let noun = doc.norm(tokens.start + 1);
            let by_another_name = doc.is(tokens.start + 1, BY_ANOTHER_NAME);
            let named = self.recent.iter().rev().copied().find(|&id| {
                let e = &self.entities[id];
                e.source_type == d.source_type
                    && e.name.starts_with(|c: char| c.is_uppercase())
                    && (by_another_name || e.name.split(' ').any(|w| lowercase(w) == noun))
            });
            if let Some(id) = named {
                return id;
            }
        }
        // "the president": the one person the text gave that title before
        // ("President Barack Obama"), if only one
        if !d.proper && doc.is(tokens.start, &["the"]) {
            if let Some(id) = self.titled_before(doc, tokens.clone()) {
                return id;
            }
        }
        // "Forbes and Wealth-X" is two sources, with no one surname
        let mut person = d.proper && d.source_type == SourceType::Person && !is_group(&d.name);
        if person && !d.name.contains(' ') {
            // "Mr Rutte" where the text named "NATO chief Mark Rutte" before
            let surname = lowercase(&d.name);
            if let Some(full) = self.names_in_text(doc).get(&surname) {
                d.name = full.clone();
            } else if d.guessed {
                // "Uber ... the company said", "Lionsgate ... its film"
                let at = tokens.clone().find(|&k| doc.norm(k) == surname);
                let kind = self.kind_of(doc, &surname, at);
                if let Some(kind) = kind.filter(|&k| k != SourceType::Person) {
                    d.source_type = kind;
                    person = false;
                }
            }
        }
        let key = lowercase(&d.name);
        if let Some(&id) = self.by_name.get(&key) {
            self.merge(id, &d);
            return id;
        }
        let bare = without_suffix(&key);
        let surname = person.then(|| bare.rsplit(' ').next().unwrap_or(bare).to_owned());
        // a shorter or longer form of a person's name: "Zelensky",
        // "Volodymyr Zelensky"
        if let Some(s) = &surname {
            let same_person = self.by_surname.get(s).and_then(|ids| {
                ids.iter().rev().copied().find(|&id| {
                    let known = lowercase(&self.entities[id].name);
                    let known = without_suffix(&known);
                    known.ends_with(bare) || bare.ends_with(known)
                })
            });
            if let Some(id) = same_person {
                self.merge(id, &d);
                self.by_name.insert(key, id);
                return id;
            }
        }
        self.add(d, surname)
    }

    /// A repeated mention may add to what is known: a fuller name, or a
    /// type from a description ("Ukrainian outlet LIGA" then "LIGA").
    fn merge(&mut self, id: usize, d: &Description) {
        let e = &mut self.entities[id];
        if d.proper && d.name.len() > e.name.len() && e.source_type == SourceType::Person {
            e.name = d.name.clone();
            self.by_name.insert(lowercase(&d.name), id);
        }
        if d.described && e.source_type != d.source_type && d.source_type != SourceType::Person {
            e.source_type = d.source_type;
        }
    }

    fn add(&mut self, d: Description, surname: Option<String>) -> usize {
        let id = self.entities.len();
        self.by_name.insert(lowercase(&d.name), id);
        if let Some(s) = &surname {
            self.by_surname.entry(s.clone()).or_default().push(id);
        }
        self.entities.push(Entity { name: d.name, source_type: d.source_type, surname, pronoun: None });
        id
    }

    /// Full names of people anywhere in the text, by lower-case surname:
    /// two or three capitalized words that are not titles, descriptions or
    /// known names ("Mark Rutte" in "NATO chief Mark Rutte"). The first
    /// one for each surname wins.
    fn names_in_text(&mut self, doc: &Document) -> &WordMap<String> {
        self.names_in_text.get_or_insert_with(|| {
            let mut names = WordMap::default();
            let name_word = |i: usize| doc.capitalized(i) && !doc.source_word(i) && doc.norm(i).chars().count() > 1;
            for i in 1..doc.len() {
                if !name_word(i) || doc.is(i, NAME_SUFFIXES) {
                    continue;
                }
                let sentence_start = doc.sentence_around(i).start;
                // "Stuart R. Kaplan": a middle initial
                if let Some(first) = initial_before(doc, i).filter(|&f| f >= sentence_start && name_word(f)) {
                    keep_first_full_name(&mut names, doc, first..i + 1);
                    continue;
                }
                // a name is within one sentence, so within one block of a page
                if !name_word(i - 1) || i - 1 < sentence_start {
                    continue;
                }
                let first = if i >= 2 && name_word(i - 2) && i - 2 > sentence_start { i - 2 } else { i - 1 };
                // "But Rutte", "“As Eloise": not a first name
                if !(sentence_start..first).any(|k| doc.is_word(k)) && doc.any_class(first, u32::MAX) {
                    continue;
                }
                keep_first_full_name(&mut names, doc, first..i + 1);
            }
            names
        })
    }

    /// The places where the text writes the word of token `k` capitalized.
    fn places(&mut self, doc: &Document, k: usize) -> &[usize] {
        self.capitalized.get_or_insert_with(|| Places::of(doc)).of_type(doc.word_type(k))
    }

    fn unresolved(&mut self, doc: &Document, tokens: Range<usize>, source_type: SourceType) -> usize {
        let name = doc.span(tokens).text(doc.text).to_owned();
        self.add(Description { source_type, name, proper: false, described: false, guessed: false }, None)
    }

    /// "he" and "she" stand for the one person just named, else the person
    /// last named as a source, else the person last named at all, never
    /// one the text called by the other pronoun; "they" and "it" for the
    /// last group or organization.
    fn pronoun(&mut self, doc: &Document, tokens: Range<usize>) -> usize {
        // "according to him"
        let word = match doc.norm(tokens.start) {
            "him" => "he",
            "her" => "she",
            "them" => "they",
            w => w,
        };
        let (wanted, pronoun): (&[SourceType], Option<&'static str>) = match word {
            "he" => (&[SourceType::Person], Some("he")),
            "she" => (&[SourceType::Person], Some("she")),
            "they" => (&[], None), // see may_be_they
            "it" => (&[SourceType::Organization, SourceType::Media, SourceType::Document, SourceType::Social], None),
            _ => (&[], None),
        };
        // "he" and "she" never stand for a person the text called by the other
        let fits = |e: &Entity| pronoun.is_none() || e.pronoun.is_none() || e.pronoun == pronoun;
        // the person just named ...
        let mut found = None;
        if pronoun.is_some() {
            found = self.person_just_named(doc, tokens.start).filter(|&id| fits(&self.entities[id]));
        }
        // ... else the last source that fits ...
        if found.is_none() {
            found = self.recent.iter().rev().copied().find(|&id| {
                let e = &self.entities[id];
                // "they" may stand for "Bush and Christie"; "he" and "it" may not
                let type_fits =
                    if word == "they" { may_be_they(e) } else { !is_group(&e.name) && wanted.contains(&e.source_type) };
                type_fits && fits(e)
            });
        }
        // ... else the person last named at all ("Kaplan had the cards
        // printed. ... he says")
        if found.is_none() && pronoun.is_some() {
            found = self.person_named_before(doc, tokens.start).filter(|&id| fits(&self.entities[id]));
        }
        match found {
            Some(id) => {
                if pronoun.is_some() {
                    self.entities[id].pronoun = pronoun;
                }
                id
            }
            None => {
                let source_type = match word {
                    "he" | "she" | "i" => SourceType::Person,
                    "it" => SourceType::Organization,
                    _ => SourceType::Unnamed,
                };
                // an unknown "he" is no "she" later on
                let id = self.unresolved(doc, tokens, source_type);
                self.entities[id].pronoun = pronoun;
                id
            }
        }
    }

    /// What the text says the single name `word` (lower case) stands for,
    /// found once (see [`kind_from_text`]). `at` is a token written `word`,
    /// if any (a name with a curly apostrophe is written as no token is).
    fn kind_of(&mut self, doc: &Document, word: &str, at: Option<usize>) -> Option<SourceType> {
        if let Some(&kind) = self.kinds.get(word) {
            return kind;
        }
        let places = match at {
            Some(k) => self.places(doc, k),
            None => &[],
        };
        let kind = kind_from_text(doc, places);
        self.kinds.insert(word.to_owned(), kind);
        kind
    }

    /// The one person the text names with the title that `tokens` ("the
    /// president", "the prime minister") give without a name, before
    /// them: "President Barack Obama". None when the title is no person's
    /// or the text gave it to two people.
    fn titled_before(&mut self, doc: &Document, tokens: Range<usize>) -> Option<usize> {
        let title = tokens.start + 1..tokens.end;
        let listed = lexicon().sources.exactly(doc.ids(), title.start, title.end)?;
        if listed.value.source_type != SourceType::Person || listed.value.is_name {
            return None;
        }
        // mentions are resolved in text order: the places of the title
        // read for an earlier mention are not read again
        let key = title.clone().map(|t| doc.norm(t)).collect::<Vec<_>>().join(" ");
        let (read, mut people) = self.titled.remove(&key).unwrap_or_default();
        let places = self.places(doc, title.start);
        let unread: Vec<usize> = places.iter().copied().skip(read).take_while(|&k| k < tokens.start).collect();
        let read = read + unread.len();
        for k in unread {
            let same_title = title.clone().enumerate().all(|(j, t)| doc.norm(k + j) == doc.norm(t));
            let name_start = k + title.len();
            let mut name_end = name_start;
            while name_end < tokens.start && (doc.capitalized(name_end) || mention::abbreviation_dot(doc, name_end)) {
                name_end += 1;
            }
            if !same_title || name_end == name_start {
                continue;
            }
            let id = self.phrase(doc, k..name_end);
            if self.entities[id].source_type == SourceType::Person && !people.contains(&id) {
                people.push(id);
            }
        }
        let found = the_only(&people);
        self.titled.insert(key, (read, people));
        found
    }

    /// The person the text names last before token `i`, in full
    /// somewhere, within the sentence of `i` and the two before it, though
    /// perhaps not as a source: whom "he" or "she" at `i` stands for. When
    /// that sentence names two people, it is left unresolved.
    fn person_named_before(&mut self, doc: &Document, i: usize) -> Option<usize> {
        let mut floor = doc.sentence_around(i).start;
        for _ in 0..2 {
            if floor == 0 {
                break;
            }
            floor = doc.sentence_around(floor - 1).start;
        }
        let names = self.names_in_text(doc);
        let j = (floor..i).rev().find(|&j| surname_at(doc, names, j, i))?;
        // the nearest, unless its sentence names another person too
        let sentence = doc.sentence_around(j);
        if (sentence.start..sentence.end.min(i)).any(|k| surname_at(doc, names, k, i) && doc.norm(k) != doc.norm(j)) {
            return None;
        }
        Some(self.phrase(doc, j..j + 1))
    }

    /// The one person the sentence before token `i`, or its own sentence
    /// up to `i`, names (in full somewhere): whom "he" or "she" at `i`
    /// stands for, before anyone quoted earlier ("Forrest Jones made a
    /// discovery. “You know where ...,” he said"). None when those words
    /// name two people.
    fn person_just_named(&mut self, doc: &Document, i: usize) -> Option<usize> {
        // "“... . ...,” he said": the speaker of a quotation is named in the
        // sentence before it opens, however many sentences it runs
        let closed = (i.saturating_sub(2)..i).rev().find_map(|k| doc.quote_closed_at(k));
        let (from, until) = match closed.map(|q| doc.quotes[q].open) {
            Some(open) => (doc.sentence_around(open.saturating_sub(1)).start, open),
            None => {
                let own = doc.sentence_around(i);
                (if own.start > 0 { doc.sentence_around(own.start - 1).start } else { own.start }, i)
            }
        };
        let names = self.names_in_text(doc);
        let named: Vec<usize> = (from..until).filter(|&j| surname_at(doc, names, j, i)).collect();
        let mut people = Vec::new();
        for j in named {
            let known = self.entities.len();
            let id = self.phrase(doc, j..j + 1);
            if self.entities[id].source_type != SourceType::Person || people.contains(&id) {
                continue;
            }
            // a source before, or a person by what the text says ("his",
            // "she"): two capitalized words may name a place ("Wembley
            // Stadium") as well as a person
            let confirmed = id < known || self.kind_of(doc, doc.norm(j), Some(j)) == Some(SourceType::Person);
            if confirmed {
                people.push(id);
            }
        }
        the_only(&people)
    }
}

/// The one entity of `ids`, if there is exactly one.
fn the_only(ids: &[usize]) -> Option<usize> {
    match ids {
        [id] => Some(*id),
        _ => None,
    }
}

/// Keeps the first full name the text gives for the surname that ends
/// `name` (its last token): "Stuart R. Kaplan" for "kaplan".
fn keep_first_full_name(names: &mut WordMap<String>, doc: &Document, name: Range<usize>) {
    let surname = doc.norm(name.end - 1);
    if !names.contains_key(surname) {
        names.insert(surname.to_owned(), name_text(doc, name));
    }
}

/// True when token `j` is a surname the text gives a full name for, not a
/// first name with more of the name after it (before token `i`), nor a
/// name that describes a kind of source after it ("a Gallup Korea poll",
/// "the Obama administration"), nor a listed name ("South Korea").
fn surname_at(doc: &Document, names: &WordMap<String>, j: usize, i: usize) -> bool {
    let name_goes_on = j + 1 < i && (doc.capitalized(j + 1) || initial_before(doc, j + 3) == Some(j));
    let describes = doc.source_word(j + 1) && !doc.capitalized(j + 1);
    doc.capitalized(j) && !name_goes_on && !describes && !doc.source_word(j) && names.contains_key(doc.norm(j))
}

/// The words of a name, one space between each: no line break or run of
/// spaces from the page shows in a tooltip.
fn name_text(doc: &Document, tokens: Range<usize>) -> String {
    doc.span(tokens).text(doc.text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first name before a middle initial that ends before `i`: `i - 3`
/// for "Stuart R. Kaplan" with `i` at "Kaplan".
fn initial_before(doc: &Document, i: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    if doc.norm(j) == "." {
        j = j.checked_sub(1)?;
    }
    let word = doc.token(j).span.text(doc.text);
    (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) && j > 0 && j < i).then(|| j - 1)
}

/// What the text says a single name stands for, when a mention alone gave
/// no clue, from the `places` it is named. Each may tell: an apposition
/// ("Uber, the ride-hailing company,"), "its" later in the sentence, or
/// the next sentence opening on "The company" or "Its" for an
/// organization ("The paper" for a medium); "he", "she", "his", "her"
/// later in the sentence, or the next sentence opening on "He" or "She",
/// for a person. The most told wins; none or a tie tells nothing (and
/// the default is a person).
fn kind_from_text(doc: &Document, places: &[usize]) -> Option<SourceType> {
    let lex = lexicon();
    // organization, media, person
    let mut votes = [0usize; 3];
    let mut vote_for = |t: SourceType| match t {
        SourceType::Organization => votes[0] += 1,
        SourceType::Media => votes[1] += 1,
        SourceType::Person => votes[2] += 1,
        _ => {}
    };
    // "the company", "a ride-hailing firm": the kind of source a noun phrase
    // from `j` on names, within three words
    let noun_kind = |j: usize| -> Option<SourceType> {
        if !doc.is(j, &["the", "a", "an"]) {
            return None;
        }
        let end = (j + 4).min(doc.sentence_around(j).end);
        (j + 1..end).find_map(|k| {
            let (_, phrase) = lex.sources.longest_at(doc.ids(), k, end)?;
            (!phrase.value.is_name && !doc.capitalized(k)).then_some(phrase.value.source_type)
        })
    };
    for &i in places {
        let sentence = doc.sentence_around(i);
        if doc.is(i + 1, &[","]) {
            if let Some(kind) = noun_kind(i + 2) {
                vote_for(kind);
            }
        }
        for j in i + 1..sentence.end {
            match doc.norm(j) {
                "its" => vote_for(SourceType::Organization),
                "he" | "she" | "his" | "her" | "him" => vote_for(SourceType::Person),
                _ => {}
            }
        }
        let next = sentence.end;
        if next < doc.len() {
            match doc.norm(next) {
                "its" => vote_for(SourceType::Organization),
                "he" | "she" | "his" | "her" => vote_for(SourceType::Person),
                _ => {
                    if let Some(kind) = noun_kind(next) {
                        vote_for(kind);
                    }
                }
            }
        }
    }
    let [organization, media, person] = votes;
    if organization > person && organization >= media {
        Some(SourceType::Organization)
    } else if media > person && media > organization {
        Some(SourceType::Media)
    } else if person > organization && person > media {
        Some(SourceType::Person)
    } else {
        None
    }
}

/// True when a name joins several sources: "Jeb Bush and Chris Christie".
fn is_group(name: &str) -> bool {
    // bytes compared in place: a search for a string brings a whole
    // searcher into the WebAssembly
    name.as_bytes().windows(5).any(|w| w == b" and ")
}

/// A lower-case name without its generational suffix: "joseph r. biden
/// jr." is "joseph r. biden", whose surname is "biden".
fn without_suffix(name: &str) -> &str {
    let Some((rest, last)) = name.rsplit_once(' ') else { return name };
    if NAME_SUFFIXES.contains(&last.trim_end_matches('.')) {
        rest.trim_end_matches(',')
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves the mentions (token ranges found by text) in order and
    /// returns each one's name and type.
    fn resolve_all(text: &str, mentions: &[&str]) -> Vec<(String, SourceType)> {
        let doc = Document::new(text);
        let mut r = Resolver::new();
        let mut from = 0;
        let mut ids = Vec::new();
        for m in mentions {
            let at = from + text[from..].find(m).expect("mention in text");
            from = at + m.len();
            let start = (0..doc.len()).find(|&i| doc.token(i).span.start == at).unwrap();
            let end = (0..doc.len()).find(|&i| doc.token(i).span.end == at + m.len()).unwrap() + 1;
            let form = match doc.norm(start) {
                "he" | "she" | "they" | "it" => Form::Pronoun,
                "who" | "which" => Form::Relative,
                _ => Form::Phrase,
            };
            ids.push(r.resolve(&doc, &Mention { tokens: start..end, form }));
        }
        ids.iter().map(|&id| (r.entities()[id].name.clone(), r.entities()[id].source_type)).collect()
    }

    #[test]
    fn short_names_and_pronouns_resolve_to_the_full_name() {
        let names = resolve_all(
            "Ukrainian President Volodymyr Zelensky said it. Zelensky added more. NATO chief Mark Rutte said no. Mr Rutte said so. He also said yes.",
            &["Ukrainian President Volodymyr Zelensky", "Zelensky", "NATO chief Mark Rutte", "Mr Rutte", "He"],
        );
        let want = ["Volodymyr Zelensky", "Volodymyr Zelensky", "Mark Rutte", "Mark Rutte", "Mark Rutte"];
        assert_eq!(names.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), want);
    }

    #[test]
    fn two_people_named_together_are_not_one_of_them() {
        let names = resolve_all(
            "Jeb Bush and Chris Christie say no. Christie said yes. He said more. They said all.",
            &["Jeb Bush and Chris Christie", "Christie", "He", "They"],
        );
        let want = ["Jeb Bush and Chris Christie", "Chris Christie", "Chris Christie", "Jeb Bush and Chris Christie"];
        assert_eq!(names.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), want);
    }

    #[test]
    fn a_suffix_is_no_surname() {
        let names = resolve_all(
            "Martin Luther King Jr. said it. Joseph R. Biden Jr. said no. Mr. Biden said so. Acme Inc. said yes.",
            &["Martin Luther King Jr.", "Joseph R. Biden Jr.", "Mr. Biden", "Acme Inc."],
        );
        assert_eq!(names[0].0, "Martin Luther King Jr.");
        assert_eq!(names[1].0, "Joseph R. Biden Jr.");
        assert_eq!(names[2].0, "Joseph R. Biden Jr.");
        assert_eq!(names[3], ("Acme Inc.".to_owned(), SourceType::Organization));
    }

    #[test]
    fn a_kind_of_source_opening_a_sentence_is_no_name() {
        let names = resolve_all(
            "Organizers in Cleveland say no. Secretary of State John Kerry said yes.",
            &["Organizers in Cleveland", "Secretary of State John Kerry"],
        );
        assert_eq!(names[0], ("Organizers in Cleveland".to_owned(), SourceType::Unnamed));
        assert_eq!(names[1].0, "John Kerry");
    }

    #[test]
    fn a_described_type_carries_over_to_the_bare_name() {
        let names =
            resolve_all("Ukrainian outlet LIGA revealed it. Later LIGA said more.", &["Ukrainian outlet LIGA", "LIGA"]);
        assert_eq!(names[1], ("LIGA".to_owned(), SourceType::Media));
    }

    #[test]
    fn she_is_not_the_person_called_he() {
        let names = resolve_all(
            "Ann Lee said it. Bob Day said no. He said more. She said yes.",
            &["Ann Lee", "Bob Day", "He", "She"],
        );
        assert_eq!(names[3].0, "Ann Lee");
    }

    #[test]
    fn a_word_opening_a_quotation_is_no_first_name() {
        let text = "Eloise Parry, 21, was ill.\n\n“As Eloise grew weak, the staff did all they could.”\n\nFiona Parry issued a plea.\n\n“Eloise never knew,” she said.";
        let names = resolve_all(text, &["she"]);
        assert_ne!(names[0].0, "As Eloise");
    }

    #[test]
    fn the_speaker_of_a_long_quotation_is_named_before_it() {
        let text =
            "Bob Day said it. Ann Lee said so. Bob Day made a discovery. “It was big. It was odd. I left,” he said.";
        let names = resolve_all(text, &["Bob Day", "Ann Lee", "he"]);
        assert_eq!(names[2].0, "Bob Day");
    }

    #[test]
    fn relative_pronouns_stand_for_the_phrase_before() {
        let names = resolve_all("the Chicago Police Department, which reported", &["which"]);
        assert_eq!(names[0], ("Chicago Police Department".to_owned(), SourceType::Organization));
        let names = resolve_all("They turned to the Chicago Police Department which reported", &["which"]);
        assert_eq!(names[0].0, "Chicago Police Department");
        let names = resolve_all("The decision is risky for Ted Cruz, who refused", &["who"]);
        assert_eq!(names[0].0, "Ted Cruz");
    }
}
