//! Spans: where a piece of a finding sits in the analysed text.
//!
//! The one contract for offsets in the core: a [`Span`] holds **half-open
//! UTF-8 byte offsets** `start..end` into the text that was analysed, and
//! both ends always fall on `char` boundaries, so `&text[span.range()]` never
//! panics. JavaScript and the command line count differently; the
//! conversions live in [`crate::offsets`] and nowhere else.
//!
//! ```
//! use sourcelight::Span;
//! let text = "Zelensky said";
//! let cue = Span::new(9, 13);
//! assert_eq!(cue.text(text), "said");
//! ```

use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into the analysed text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The byte range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The text the span covers.
    pub fn text(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// Number of bytes covered.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 4).overlaps(Span::new(4, 8)));
        assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
        assert_eq!(Span::new(2, 3).cover(Span::new(7, 9)), Span::new(2, 9));
    }
}
