//! Speakers: every attribution's source resolved to one entity.

use crate::document::{Attribution, Sentence, Speaker};

/// Group the sources of `attributions` into speakers and link each attribution to its
/// speaker. (Stage to be built: issue 4.)
pub fn resolve(
    _text: &str,
    _sentences: &[Sentence],
    _attributions: &mut [Attribution],
) -> Vec<Speaker> {
    Vec::new()
}
