//! The pipeline: text in, `Analysis` out.

use serde::{Deserialize, Serialize};

use crate::cues::CueLexicon;
use crate::document::{Analysis, CueClass, Sentence};
use crate::sentences::Segmenter;
use crate::{attributions, hedges, quotes, speakers, Error};

/// What an `Analyzer` is built from; it serializes, so a configured analyzer can be shipped
/// to other processes and rebuilt there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Extra abbreviations for the segmenter (`"approx."`, `"Gov"`).
    pub abbreviations: Vec<String>,
    /// Extra cues with their class.
    pub extra_cues: Vec<(String, CueClass)>,
}

/// A configured pipeline. Immutable and `Sync`: build once, share across threads.
///
/// ```
/// let analyzer = sayso::Analyzer::default();
/// let analysis = analyzer.analyze("It rained. The match went on.");
/// assert_eq!(analysis.sentences.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    config: Config,
    segmenter: Segmenter,
    cues: CueLexicon,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Config::default()).expect("the shipped lexicons are valid")
    }
}

impl Analyzer {
    /// Build the pipeline for `config`.
    pub fn new(config: Config) -> Result<Self, Error> {
        let segmenter = Segmenter::new(&config.abbreviations);
        let cues = CueLexicon::new(&config.extra_cues)?;
        Ok(Analyzer {
            config,
            segmenter,
            cues,
        })
    }

    /// The configuration this analyzer was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Sentences only: the fast path.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        self.segmenter.segment(text)
    }

    /// The whole pipeline on `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        let sentences = self.segmenter.segment(text);
        let quotes = quotes::find_quotes(text, &sentences);
        let mut attributions = attributions::extract(text, &sentences, &quotes, &self.cues);
        let speakers = speakers::resolve(text, &sentences, &mut attributions);
        let hedges = hedges::find_hedges(text);
        Analysis {
            sentences,
            quotes,
            attributions,
            speakers,
            hedges,
        }
    }
}
