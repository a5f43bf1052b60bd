//! Cue lexicon: reporting verbs, phrasal and nominal cues, each with a class.

use crate::document::CueClass;
use crate::{Error, ErrorKind};

/// The cues sayso knows: the shipped lexicon plus user entries.
#[derive(Clone, Debug, Default)]
pub struct CueLexicon {
    extra: Vec<(String, CueClass)>,
}

impl CueLexicon {
    /// The shipped lexicon plus `extra` entries.
    pub fn new(extra: &[(String, CueClass)]) -> Result<Self, Error> {
        if let Some((phrase, _)) = extra.iter().find(|(p, _)| p.trim().is_empty()) {
            return Err(Error::new(
                ErrorKind::InvalidConfig,
                format!("empty cue phrase {phrase:?}"),
            ));
        }
        Ok(CueLexicon {
            extra: extra.to_vec(),
        })
    }

    /// The user entries added to the shipped lexicon.
    pub fn extra(&self) -> &[(String, CueClass)] {
        &self.extra
    }
}
