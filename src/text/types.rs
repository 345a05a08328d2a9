//! Word types: each distinct normalized form of a text, numbered once, so
//! that what depends only on the word (its entry in the word lists, its
//! hashes, how the text writes it) is worked out once per word rather
//! than once per token. A news article of 5,000 tokens has about 1,500.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::Tokens;
use crate::lexicon::WordHasher;

/// The word type of every token, and a token of each type.
pub struct Types {
    /// For each token, its type's number.
    pub of_token: Vec<u32>,
    /// For each type, the first token of that type.
    pub first: Vec<u32>,
}

impl Types {
    /// Numbers the types of `tokens` in order of first appearance.
    pub fn of(tokens: &Tokens) -> Types {
        let n = tokens.list.len();
        // The hasher is a fast one with no defence against crafted keys: a
        // page that wanted to slow sourcelight down on itself could do so
        // more simply.
        let mut number: HashMap<Norm<'_>, u32, BuildHasherDefault<WordHasher>> =
            HashMap::with_capacity_and_hasher(n / 3, BuildHasherDefault::default());
        let mut first = Vec::new();
        let of_token = (0..n)
            .map(|i| {
                *number.entry(Norm(tokens.norm(i).as_bytes())).or_insert_with(|| {
                    first.push(i as u32);
                    first.len() as u32 - 1
                })
            })
            .collect();
        Types { of_token, first }
    }

    /// How many types there are.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// True when the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

/// A norm as a key: compared byte by byte in place, which for the short
/// words of a text costs less than a call to compare memory.
#[derive(Hash)]
struct Norm<'t>(&'t [u8]);

impl PartialEq for Norm<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(other.0).all(|(a, b)| a == b)
    }
}

impl Eq for Norm<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn tokens_with_the_same_norm_share_a_type() {
        let tokens = tokenize("The minister said the plan, The Minister’s plan, was said to fail.");
        let types = Types::of(&tokens);
        for i in 0..tokens.list.len() {
            for j in 0..tokens.list.len() {
                let same = tokens.norm(i) == tokens.norm(j);
                assert_eq!(types.of_token[i] == types.of_token[j], same, "{} / {}", tokens.norm(i), tokens.norm(j));
            }
        }
        for (t, &first) in types.first.iter().enumerate() {
            assert_eq!(types.of_token[first as usize] as usize, t);
            assert!(types.of_token[..first as usize].iter().all(|&k| k as usize != t), "the first token of its type");
        }
        assert_eq!(types.len(), 10, "the minister said plan , 's was to fail .");
    }
}
