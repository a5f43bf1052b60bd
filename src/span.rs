//! Byte spans into a text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a `str`, always on char boundaries.
///
/// ```
/// let text = "Hello world.";
/// let span = sayso::Span::new(6, 12);
/// assert_eq!(span.as_str(text), "world.");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span holds no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers.
    ///
    /// ```
    /// assert_eq!(sayso::Span::new(0, 2).as_str("hi!"), "hi");
    /// ```
    pub fn as_str<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    ///
    /// ```
    /// use sayso::Span;
    /// assert!(Span::new(0, 5).overlaps(&Span::new(4, 8)));
    /// assert!(!Span::new(0, 4).overlaps(&Span::new(4, 8)));
    /// ```
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside this span.
    ///
    /// ```
    /// use sayso::Span;
    /// assert!(Span::new(0, 10).contains(&Span::new(2, 3)));
    /// ```
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
