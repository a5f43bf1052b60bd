//! Attributions: source, cue and content from quotes, cues and mentions.

use crate::cues::CueLexicon;
use crate::document::{Attribution, Sentence};
use crate::Span;

/// The attributions of `text`, ordered by cue. (Stage to be built: issue 3.)
pub fn extract(
    _text: &str,
    _sentences: &[Sentence],
    _quotes: &[Span],
    _cues: &CueLexicon,
) -> Vec<Attribution> {
    Vec::new()
}
