//! Lower case without std's Unicode case tables: the same mapping, written
//! by `build.rs` from std's `char::to_lowercase` as runs of characters,
//! which the WebAssembly holds in far fewer bytes.

include!(concat!(env!("OUT_DIR"), "/lowercase.rs"));

/// Pushes the lower case of `c` on `out`: the same characters as
/// `c.to_lowercase()`.
pub fn push_lower(c: char, out: &mut impl Extend<char>) {
    if c.is_ascii() {
        out.extend([c.to_ascii_lowercase()]);
    } else if c == 'İ' {
        // the one capital whose lower case is two characters
        out.extend(['i', '\u{307}']);
    } else {
        out.extend([lower(c)]);
    }
}

/// The lower case of `s`, character by character (unlike `str::to_lowercase`,
/// a final capital sigma becomes 'σ', not 'ς').
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_lower(c, &mut out);
    }
    out
}

/// The lower case of a character whose lower case is one character.
fn lower(c: char) -> char {
    let code = c as u32;
    let at = RUNS.partition_point(|r| r.0 <= code);
    let Some(&(first, count, step, delta)) = at.checked_sub(1).map(|k| &RUNS[k]) else { return c };
    let offset = code - first;
    if offset % u32::from(step) != 0 || offset / u32::from(step) >= u32::from(count) {
        return c;
    }
    code.checked_add_signed(delta).and_then(char::from_u32).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lower_cases_as_std_does() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lower(c, &mut ours);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn strings() {
        assert_eq!(lowercase("Zelensky ÉLYSÉE Ωμέγα İstanbul"), "zelensky élysée ωμέγα i\u{307}stanbul");
    }
}
