//! Offset conversion: the only place where byte offsets become other units.
//!
//! The core counts UTF-8 bytes ([`crate::Span`]). JavaScript strings count
//! UTF-16 code units, and the command line's JSON counts Unicode code points
//! (Python `str` indices, as `score.py` reads them). Each conversion is one
//! function here; everything else calls them.

/// Rewrites byte offsets into `text` as UTF-16 code unit offsets, the unit of
/// JavaScript's `String.prototype.slice` and of DOM `Range` offsets.
pub fn bytes_to_utf16(text: &str, offsets: &mut [usize]) {
    // a character of four bytes is two UTF-16 units (a surrogate pair)
    convert(text, offsets, |bytes| code_points(bytes) + bytes.iter().filter(|&&b| b >= 0xF0).count());
}

/// Rewrites byte offsets into `text` as code point offsets, the unit of
/// Python string indices and of the command line's JSON.
pub fn bytes_to_code_points(text: &str, offsets: &mut [usize]) {
    convert(text, offsets, code_points);
}

/// The characters that start in `bytes`: every byte but UTF-8's
/// continuation bytes (`10xxxxxx`). A plain count over bytes, which the
/// compiler turns into wide instructions.
fn code_points(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// One pass over `text` for all offsets: sorting the offsets first keeps a
/// report with thousands of findings on a long page linear in the text.
/// `units` counts the units of whole characters. An offset inside a
/// character counts as that character's start; one past the end clamps to
/// the end.
fn convert(text: &str, offsets: &mut [usize], units: fn(&[u8]) -> usize) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::order::by_key(&mut order, |&i| offsets[i] as u64);
    let (mut byte, mut counted) = (0, 0);
    for i in order {
        let mut at = offsets[i].min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        // the offsets are in order, and so are the character starts at or
        // before them
        counted += units(&text.as_bytes()[byte..at]);
        byte = at;
        offsets[i] = counted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Converts the byte span of `needle` in `text` and checks that slicing
    /// the text in the other unit gives `needle` back.
    #[track_caller]
    fn round_trip(text: &str, needle: &str) {
        let start = text.find(needle).expect("needle is in the text");
        let mut utf16 = [start, start + needle.len()];
        bytes_to_utf16(text, &mut utf16);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[utf16[0]..utf16[1]]).unwrap(), needle, "UTF-16 slice of {text:?}");
        let mut points = [start, start + needle.len()];
        bytes_to_code_points(text, &mut points);
        let chars: String = text.chars().skip(points[0]).take(points[1] - points[0]).collect();
        assert_eq!(chars, needle, "code point slice of {text:?}");
    }

    #[test]
    fn ascii_is_unchanged() {
        let mut o = [0, 3, 8];
        bytes_to_utf16("Kim said", &mut o);
        assert_eq!(o, [0, 3, 8]);
    }

    #[test]
    fn emoji_take_two_utf16_units_and_one_code_point() {
        let text = "🙂🙂 Zelensky said it";
        round_trip(text, "said");
        let mut o = [text.find("said").unwrap()];
        bytes_to_utf16(text, &mut o);
        assert_eq!(o, [14]);
        let mut o = [text.find("said").unwrap()];
        bytes_to_code_points(text, &mut o);
        assert_eq!(o, [12]);
    }

    #[test]
    fn cjk_combining_marks_and_right_to_left() {
        round_trip("日本の首相は「戦争だ」と述べた。 Kishida said", "said");
        round_trip("Zoe\u{301} Adèle said «non»", "said «non»");
        round_trip("قال المتحدث باسم الوزارة إن Reuters reported", "Reuters");
        round_trip("אמר הדובר \u{200F}שלום\u{200F} she said", "she said");
        round_trip("flag 🇺🇦 and family 👨‍👩‍👧 then said", "then said");
    }

    #[test]
    fn unsorted_offsets_and_offsets_past_the_end() {
        let text = "é é é";
        let mut o = [7, 0, 3, 99];
        bytes_to_code_points(text, &mut o);
        assert_eq!(o, [4, 0, 2, 5]);
    }

    #[test]
    fn an_offset_inside_a_character_counts_as_its_start() {
        let mut o = [1];
        bytes_to_utf16("é", &mut o);
        assert_eq!(o, [0]);
    }

    #[test]
    fn every_byte_offset_agrees_with_a_walk_over_the_characters() {
        let text = "a é “b” 🙂 中文 e\u{301} ‘c’ z";
        // the units before the character that holds byte `b`, or all
        let walk = |b: usize, units: fn(char) -> usize| -> usize {
            text.char_indices().take_while(|&(at, c)| at + c.len_utf8() <= b).map(|(_, c)| units(c)).sum()
        };
        let every: Vec<usize> = (0..=text.len() + 2).collect();
        let mut utf16 = every.clone();
        bytes_to_utf16(text, &mut utf16);
        let mut points = every.clone();
        bytes_to_code_points(text, &mut points);
        for &b in &every {
            assert_eq!(utf16[b], walk(b, char::len_utf16), "UTF-16 at byte {b}");
            assert_eq!(points[b], walk(b, |_| 1), "code points at byte {b}");
        }
    }
}
