//! Offset conversion: the only place where byte offsets become other units.
//!
//! The core counts UTF-8 bytes ([`crate::Span`]). JavaScript strings count
//! UTF-16 code units, and the command line's JSON counts Unicode code points
//! (Python `str` indices, as `score.py` reads them). Each conversion is one
//! function here; everything else calls them.

/// Rewrites byte offsets into `text` as UTF-16 code unit offsets, the unit of
/// JavaScript's `String.prototype.slice` and of DOM `Range` offsets.
pub fn bytes_to_utf16(text: &str, offsets: &mut [usize]) {
    convert(text, offsets, char::len_utf16);
}

/// Rewrites byte offsets into `text` as code point offsets, the unit of
/// Python string indices and of the command line's JSON.
pub fn bytes_to_code_points(text: &str, offsets: &mut [usize]) {
    convert(text, offsets, |_| 1);
}

/// One pass over `text` for all offsets: sorting the offsets first keeps a
/// report with thousands of findings on a long page linear in the text.
/// An offset inside a character counts as that character's start; one past
/// the end clamps to the end.
fn convert(text: &str, offsets: &mut [usize], units_of: fn(char) -> usize) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    crate::order::by_key(&mut order, |&i| offsets[i] as u64);
    let mut pending = order.into_iter().peekable();
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        if pending.peek().is_none() {
            return;
        }
        while let Some(&i) = pending.peek() {
            if offsets[i] >= byte + ch.len_utf8() {
                break;
            }
            offsets[i] = units;
            pending.next();
        }
        units += units_of(ch);
    }
    for i in pending {
        offsets[i] = units;
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
}
