//! The result model: what `Analyzer::analyze` returns. Plain data, byte spans, serde.

use serde::{Deserialize, Serialize};

use crate::Span;

/// A sentence: its byte span (no leading or trailing whitespace) and its paragraph index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is.
    pub span: Span,
    /// Index of the paragraph (blank-line separated block) holding it, from 0.
    pub paragraph: usize,
}

/// How much of an attribution's content is quoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// The content is wholly a quotation.
    Direct,
    /// The content is partly quoted.
    Mixed,
    /// The content is reported without quotation marks.
    Indirect,
    /// A cue with no content.
    Other,
}

impl AttributionKind {
    /// Every variant, in declaration order.
    pub const ALL: [AttributionKind; 4] = [
        AttributionKind::Direct,
        AttributionKind::Mixed,
        AttributionKind::Indirect,
        AttributionKind::Other,
    ];

    /// The lowercase name used in Python and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Other => "other",
        }
    }
}

/// The stance a cue takes towards what it reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// said, told
    #[default]
    Neutral,
    /// insisted, confirmed, emphasized
    Assertive,
    /// suggested, speculated
    Tentative,
    /// claimed, alleged, describes as
    Distancing,
}

impl CueClass {
    /// Every variant, in declaration order.
    pub const ALL: [CueClass; 4] = [
        CueClass::Neutral,
        CueClass::Assertive,
        CueClass::Tentative,
        CueClass::Distancing,
    ];

    /// The lowercase name used in Python, JSON and the lexicon files.
    pub const fn as_str(self) -> &'static str {
        match self {
            CueClass::Neutral => "neutral",
            CueClass::Assertive => "assertive",
            CueClass::Tentative => "tentative",
            CueClass::Distancing => "distancing",
        }
    }

    /// Parse a lexicon class name.
    ///
    /// ```
    /// assert_eq!(sayso::CueClass::parse("tentative"), Some(sayso::CueClass::Tentative));
    /// ```
    pub fn parse(name: &str) -> Option<Self> {
        match name.trim() {
            "neutral" => Some(CueClass::Neutral),
            "assertive" => Some(CueClass::Assertive),
            "tentative" => Some(CueClass::Tentative),
            "distancing" => Some(CueClass::Distancing),
            _ => None,
        }
    }
}

/// Who said what: one attribution relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Who said it (None when the text does not say).
    pub source: Option<Span>,
    /// The words that mark the attribution (`said`, `according to`, `:`).
    pub cue: Span,
    /// What was said, as fragments in text order (`"A," he said, "B."` has two).
    pub content: Vec<Span>,
    /// Direct, mixed, indirect or other.
    pub kind: AttributionKind,
    /// Index of the sentence holding the cue.
    pub sentence: usize,
    /// The stance of the cue.
    pub cue_class: CueClass,
    /// Index into `Analysis::speakers`, once resolved.
    pub speaker: Option<usize>,
    /// True when a hedge lies inside the content.
    pub hedged: bool,
    /// How sure the link to `speaker` is, from 0 (no speaker) to 1 (the source names it).
    /// Pronouns and descriptions with several compatible candidates get less.
    #[serde(default)]
    pub speaker_confidence: f32,
}

impl Attribution {
    /// An attribution made elsewhere (gold data, another extractor) for
    /// [`Analyzer::analyze_attributions`](crate::Analyzer::analyze_attributions) or
    /// [`speakers::resolve`](crate::speakers::resolve): kind `Other` without content and
    /// `Indirect` with it, cue class neutral, sentence 0, no speaker and not hedged until
    /// those stages set them.
    ///
    /// ```
    /// use sayso::{Attribution, AttributionKind, Span};
    /// let a = Attribution::given(Some(Span::new(0, 2)), Span::new(3, 7), vec![Span::new(8, 20)]);
    /// assert_eq!(a.kind, AttributionKind::Indirect);
    /// assert_eq!(a.speaker, None);
    /// ```
    pub fn given(source: Option<Span>, cue: Span, content: Vec<Span>) -> Self {
        Attribution {
            source,
            cue,
            kind: if content.is_empty() {
                AttributionKind::Other
            } else {
                AttributionKind::Indirect
            },
            content,
            sentence: 0,
            cue_class: CueClass::Neutral,
            speaker: None,
            hedged: false,
            speaker_confidence: 0.0,
        }
    }
}

/// The kind of entity a speaker is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// A government, company, ministry, party ...
    Organization,
    /// A news outlet or agency.
    Media,
    /// Several people: analysts, officials, others.
    Group,
    /// A deliberately unnamed source.
    Anonymous,
    /// A report or statement with no named author.
    Document,
    /// Nothing decides.
    #[default]
    Unknown,
}

impl SpeakerKind {
    /// Every variant, in declaration order.
    pub const ALL: [SpeakerKind; 7] = [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Media,
        SpeakerKind::Group,
        SpeakerKind::Anonymous,
        SpeakerKind::Document,
        SpeakerKind::Unknown,
    ];

    /// The lowercase name used in Python and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Media => "media",
            SpeakerKind::Group => "group",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// How often a speaker's cues fall in each class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueClassCounts {
    /// Neutral cues.
    pub neutral: usize,
    /// Assertive cues.
    pub assertive: usize,
    /// Tentative cues.
    pub tentative: usize,
    /// Distancing cues.
    pub distancing: usize,
}

impl CueClassCounts {
    /// Count one more cue of `class`.
    pub fn add(&mut self, class: CueClass) {
        match class {
            CueClass::Neutral => self.neutral += 1,
            CueClass::Assertive => self.assertive += 1,
            CueClass::Tentative => self.tentative += 1,
            CueClass::Distancing => self.distancing += 1,
        }
    }
}

/// One entity that speaks in the article, with every mention and attribution linked to it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest name the article gives.
    pub name: String,
    /// Person, organization, media ...
    pub kind: SpeakerKind,
    /// A title given to the speaker (`Russian Foreign Minister`).
    pub title: Option<String>,
    /// A description from an apposition (`a sculptor associated with ...`).
    pub description: Option<String>,
    /// Every span that refers to the speaker.
    pub mentions: Vec<Span>,
    /// Indices into `Analysis::attributions`.
    pub attributions: Vec<usize>,
    /// Cue classes over the speaker's attributions.
    pub cue_classes: CueClassCounts,
}

/// Everything sayso finds in one text. Spans are byte ranges into that text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Quotations, opening mark to closing mark, in order.
    pub quotes: Vec<Span>,
    /// Attributions ordered by cue position.
    pub attributions: Vec<Attribution>,
    /// Speakers in order of first mention.
    pub speakers: Vec<Speaker>,
    /// Epistemic hedges (`allegedly`, `reportedly`).
    pub hedges: Vec<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` names each variant once: its labels are all different.
    #[test]
    fn every_variant_listed_once() {
        fn distinct(labels: Vec<&str>) -> bool {
            let set: std::collections::HashSet<&str> = labels.iter().copied().collect();
            set.len() == labels.len()
        }
        assert!(distinct(
            AttributionKind::ALL.map(AttributionKind::as_str).to_vec()
        ));
        assert!(distinct(CueClass::ALL.map(CueClass::as_str).to_vec()));
        assert!(distinct(SpeakerKind::ALL.map(SpeakerKind::as_str).to_vec()));
    }
}
