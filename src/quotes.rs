//! Quotation spans, opening mark to closing mark.

use crate::document::Sentence;
use crate::Span;

/// The quotations of `text`, in order. (Stage to be built: issue 3.)
pub fn find_quotes(_text: &str, _sentences: &[Sentence]) -> Vec<Span> {
    Vec::new()
}
