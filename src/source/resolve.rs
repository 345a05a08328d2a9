//! Following sources through one text: the same source, however named,
//! gets one canonical name.

use std::ops::Range;

use crate::report::SourceType;
use crate::source::describe::{describe, Description};
use crate::source::mention::{self, Form, Mention};
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
    /// Entities in the order they were last mentioned as a source.
    recent: Vec<usize>,
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
            Form::Relative => match antecedent(doc, mention.tokens.start) {
                Some(m) => self.phrase(doc, m.tokens),
                None => self.unresolved(doc, mention.tokens.clone(), SourceType::Unnamed),
            },
            Form::Phrase => self.phrase(doc, mention.tokens.clone()),
        };
        self.recent.retain(|&e| e != id);
        self.recent.push(id);
        id
    }

    /// All entities so far, with their final names.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    fn phrase(&mut self, doc: &Document, tokens: Range<usize>) -> usize {
        let d = describe(doc, tokens);
        let key = d.name.to_lowercase();
        let surname = (d.proper && d.source_type == SourceType::Person)
            .then(|| key.rsplit(' ').next().unwrap_or(&key).to_owned());
        // The same name, or for people a shorter or longer form of it.
        let found = self.entities.iter().rposition(|e| {
            let same = e.name.to_lowercase() == key;
            let person_match = match (&surname, &e.surname) {
                (Some(s), Some(es)) => {
                    s == es && (e.name.to_lowercase().ends_with(&key) || key.ends_with(&e.name.to_lowercase()))
                }
                (Some(s), None) => e.source_type == SourceType::Person && e.name.to_lowercase() == *s,
                _ => false,
            };
            same || person_match
        });
        match found {
            Some(id) => {
                self.merge(id, &d);
                id
            }
            None => self.add(d, surname),
        }
    }

    /// A repeated mention may add to what is known: a fuller name, or a
    /// type from a description ("Ukrainian outlet LIGA" then "LIGA").
    fn merge(&mut self, id: usize, d: &Description) {
        let e = &mut self.entities[id];
        if d.proper && d.name.len() > e.name.len() && e.source_type == SourceType::Person {
            e.name = d.name.clone();
        }
        if d.described && e.source_type != d.source_type && d.source_type != SourceType::Person {
            e.source_type = d.source_type;
        }
    }

    fn add(&mut self, d: Description, surname: Option<String>) -> usize {
        self.entities.push(Entity { name: d.name, source_type: d.source_type, surname, pronoun: None });
        self.entities.len() - 1
    }

    fn unresolved(&mut self, doc: &Document, tokens: Range<usize>, source_type: SourceType) -> usize {
        let name = doc.span(tokens).text(doc.text).to_owned();
        self.add(Description { source_type, name, proper: false, described: false }, None)
    }

    /// "he" and "she" stand for the person last named as a source that the
    /// text has not called by the other pronoun; "they" and "it" for the
    /// last group or organization.
    fn pronoun(&mut self, doc: &Document, tokens: Range<usize>) -> usize {
        let word = doc.norm(tokens.start);
        let (wanted, pronoun): (&[SourceType], Option<&'static str>) = match word {
            "he" => (&[SourceType::Person], Some("he")),
            "she" => (&[SourceType::Person], Some("she")),
            "they" => (&[SourceType::Organization, SourceType::Unnamed, SourceType::Media], None),
            "it" => (&[SourceType::Organization, SourceType::Media, SourceType::Document, SourceType::Social], None),
            _ => (&[], None),
        };
        let found = self.recent.iter().rev().copied().find(|&id| {
            let e = &self.entities[id];
            wanted.contains(&e.source_type) && (pronoun.is_none() || e.pronoun.is_none() || e.pronoun == pronoun)
        });
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
                self.unresolved(doc, tokens, source_type)
            }
        }
    }
}

/// The phrase a relative pronoun at `i` stands for: "the department(,)
/// which", "Smith, who".
fn antecedent(doc: &Document, i: usize) -> Option<Mention> {
    let floor = doc.sentence_around(i).start;
    let end = if i > floor && doc.norm(i - 1) == "," { i - 1 } else { i };
    mention::before(doc, end, floor).filter(|m| m.form == Form::Phrase)
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
    fn relative_pronouns_stand_for_the_phrase_before() {
        let names = resolve_all("the Chicago Police Department, which reported", &["which"]);
        assert_eq!(names[0], ("Chicago Police Department".to_owned(), SourceType::Organization));
    }
}
