//! The pipeline: text in, `Analysis` out.

use serde::{Deserialize, Serialize};

use crate::cues::CueLexicon;
use crate::document::{Analysis, Attribution, CueClass, Sentence};
use crate::mentions::MentionFinder;
use crate::sentences::Segmenter;
use crate::speakers::SpeakerTable;
use crate::{attributions, hedges, quotes, speakers, Error};

/// What an `Analyzer` is built from; it serializes, so a configured analyzer can be shipped
/// to other processes and rebuilt there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Extra abbreviations for the segmenter (`"approx."`, `"Gov"`).
    pub abbreviations: Vec<String>,
    /// Extra cues with their class.
    pub extra_cues: Vec<(String, CueClass)>,
    /// Extra cue entries in the lexicon file format of `src/lexicon/cues.txt` (the
    /// contents of a user's cue file).
    #[serde(default)]
    pub cue_lexicon: String,
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
        let cues = CueLexicon::with_lexicon(&config.extra_cues, &config.cue_lexicon)?;
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

    /// The stages after attribution extraction (sentences, quotes, hedges, speakers) run on
    /// `attributions` made elsewhere: gold data or another extractor. They are sorted by cue;
    /// spans outside the text or off char boundaries are treated as missing sources.
    ///
    /// ```
    /// use sayso::{Attribution, Span};
    /// let text = "Mayor Jane Roe said it allegedly rained.";
    /// let a = Attribution::given(Some(Span::new(0, 14)), Span::new(15, 19), vec![Span::new(20, 39)]);
    /// let analysis = sayso::Analyzer::default().analyze_attributions(text, vec![a]);
    /// assert_eq!(analysis.speakers[0].name, "Jane Roe");
    /// assert!(analysis.attributions[0].hedged);
    /// ```
    pub fn analyze_attributions(&self, text: &str, attributions: Vec<Attribution>) -> Analysis {
        with_speakers(self.analyze_attributions_tabled(text, attributions))
    }

    /// [`Analyzer::analyze_attributions`] with the speakers in a table (`speakers` empty).
    pub(crate) fn analyze_attributions_tabled(
        &self,
        text: &str,
        mut attributions: Vec<Attribution>,
    ) -> (Analysis, SpeakerTable) {
        let sentences = self.segmenter.segment(text);
        let quotes = quotes::find_quotes(text, &sentences);
        attributions.sort_by_key(|a| (a.cue.start, a.cue.end));
        for a in &mut attributions {
            a.sentence = sentences
                .partition_point(|s| s.span.end <= a.cue.start)
                .min(sentences.len().saturating_sub(1));
        }
        let hedges = hedges::find_hedges(text);
        finish(text, sentences, quotes, attributions, hedges, true)
    }

    /// The whole pipeline on `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        with_speakers(self.analyze_tabled(text, true))
    }

    /// The pipeline without its last stage: no speakers, and no attribution linked to one.
    /// For benchmarks, which measure what the speaker stage costs `analyze` (issue 4 bounds
    /// it); not part of the API.
    #[doc(hidden)]
    pub fn analyze_without_speakers(&self, text: &str) -> Analysis {
        self.analyze_tabled(text, false).0
    }

    /// The pipeline on `text` with the speakers in a table (`speakers` of the analysis
    /// empty; the table too when not `speakers`): what the Python binding packs.
    pub(crate) fn analyze_tabled(&self, text: &str, speakers: bool) -> (Analysis, SpeakerTable) {
        let sentences = self.segmenter.segment(text);
        let quotes = quotes::find_quotes(text, &sentences);
        // Cues and hedges in one pass over the text.
        let (cues, hedges) = self.cues.find_with_hedges(text);
        let attributions =
            attributions::extract(text, &sentences, &quotes, &cues, MentionFinder::shared());
        finish(text, sentences, quotes, attributions, hedges, speakers)
    }
}

/// `analysis` with the speakers of `table`.
fn with_speakers((mut analysis, table): (Analysis, SpeakerTable)) -> Analysis {
    analysis.speakers = table.to_speakers();
    analysis
}

/// The stages after attribution extraction: hedges (the hedges of `text`, flagged on the
/// attributions holding them) and, when `with_speakers`, speakers, in a table.
fn finish(
    text: &str,
    sentences: Vec<Sentence>,
    quotes: Vec<crate::Span>,
    mut attributions: Vec<Attribution>,
    hedges: Vec<crate::Span>,
    with_speakers: bool,
) -> (Analysis, SpeakerTable) {
    // Attributions are ordered by cue (the documented order, and speakers index them).
    attributions.sort_by_key(|a| (a.cue.start, a.cue.end));
    hedges::flag_hedged(&mut attributions, &hedges);
    let mut table = SpeakerTable::default();
    if with_speakers {
        speakers::resolve_into(text, &sentences, &mut attributions, &mut table);
    }
    let analysis = Analysis {
        sentences,
        quotes,
        attributions,
        speakers: Vec::new(),
        hedges,
    };
    (analysis, table)
}
