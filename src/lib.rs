//! sayso reads news text and answers two questions, fast: where are the sentences, and who
//! said what.
//!
//! The pipeline runs `sentences → quotes → cues → attributions → speakers`, each stage a
//! module with one job. Everything is byte spans into the caller's text, which is never
//! changed.
//!
//! ```
//! let text = "Mr. Smith arrived. He spoke.";
//! let sentences = sayso::segment(text);
//! assert_eq!(sentences[0].span.as_str(text), "Mr. Smith arrived.");
//! ```
#![deny(missing_docs)]

pub mod analyzer;
pub mod attributions;
pub mod cues;
mod dense;
pub mod document;
pub mod entities;
mod error;
pub mod hedges;
pub mod jsonl;
pub mod lex;
pub mod lexicon;
pub mod mentions;
mod offsets;
pub mod quotes;
pub mod sentences;
mod span;
pub mod speakers;
mod swar;

#[cfg(feature = "python")]
mod python;

pub use analyzer::{Analyzer, Config};
pub use document::{
    Analysis, Attribution, AttributionKind, CueClass, CueClassCounts, Sentence, Speaker,
    SpeakerKind,
};
pub use error::{Error, ErrorKind};
pub use offsets::CharOffsets;
pub use sentences::Segmenter;
pub use span::Span;

/// The README's code blocks tagged `rust`, run as doctests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The sentences of `text` with the shipped abbreviations.
pub fn segment(text: &str) -> Vec<Sentence> {
    static DEFAULT: std::sync::OnceLock<Segmenter> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Segmenter::default).segment(text)
}
