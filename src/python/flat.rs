//! A document's results packed into a few contiguous buffers, by the thread that analyzed
//! it, for the thread that builds the Python objects.
//!
//! A core `Analysis` is a tree of small allocations (a content list per attribution: about
//! twenty for a news article; the speakers come as a table already, see `SpeakerTable`).
//! Handed as is to the calling thread of `analyze_many`, each one is first touched there,
//! in memory another core wrote, and freed there, into an allocator page another thread
//! owns. `Flat` holds the same values in a few buffers laid out in reading order (an
//! attribution's source, cue and content spans side by side), with the paragraphs already
//! worked out, so the calling thread only reads forward and frees a few blocks.

use std::ops::Range;

use super::text::CharAnalysis;
use crate::speakers::SpeakerTable;
use crate::{AttributionKind, CueClass, Span};

/// One attribution: its spans are `spans[cue - has_source .. cue + 1 + content_len]` of
/// its `Flat`, source first (when there is one), then the cue, then the content.
pub(crate) struct FlatAttribution {
    pub(crate) cue: usize,
    pub(crate) content_len: usize,
    pub(crate) has_source: bool,
    pub(crate) kind: AttributionKind,
    pub(crate) cue_class: CueClass,
    pub(crate) hedged: bool,
    pub(crate) sentence: usize,
    pub(crate) speaker: Option<usize>,
    pub(crate) speaker_confidence: f32,
}

/// Everything a `Document` reads, spans in `str` indices (see the module docs).
pub(crate) struct Flat {
    /// Sentences, paragraphs, quotes, hedges, then each attribution's spans.
    pub(crate) spans: Vec<Span>,
    pub(crate) sentences: Range<usize>,
    pub(crate) paragraphs: Range<usize>,
    pub(crate) quotes: Range<usize>,
    pub(crate) hedges: Range<usize>,
    pub(crate) attributions: Vec<FlatAttribution>,
    /// The speakers, as the speaker stage made them (mentions in `str` indices).
    pub(crate) speakers: SpeakerTable,
}

/// `items` appended to `out`; the range they took.
fn push_all<T>(out: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> Range<usize> {
    let start = out.len();
    out.extend(items);
    start..out.len()
}

impl Flat {
    /// Pack `analysis` (needs no Python: the batch workers call it).
    pub(crate) fn new(analysis: CharAnalysis) -> Flat {
        let CharAnalysis(a, speakers) = analysis;
        let n_spans = 2 * a.sentences.len()
            + a.quotes.len()
            + a.hedges.len()
            + a.attributions
                .iter()
                .map(|x| 2 + x.content.len())
                .sum::<usize>();
        let mut spans = Vec::with_capacity(n_spans);
        let sentences = push_all(&mut spans, a.sentences.iter().map(|s| s.span));
        let paragraphs = {
            let start = spans.len();
            let mut last: Option<usize> = None;
            for s in &a.sentences {
                match spans.last_mut() {
                    Some(span) if last == Some(s.paragraph) => {
                        *span = Span::new(span.start, s.span.end)
                    }
                    _ => spans.push(s.span),
                }
                last = Some(s.paragraph);
            }
            start..spans.len()
        };
        let quotes = push_all(&mut spans, a.quotes.iter().copied());
        let hedges = push_all(&mut spans, a.hedges.iter().copied());
        let attributions = a
            .attributions
            .iter()
            .map(|x| {
                spans.extend(x.source);
                let cue = spans.len();
                spans.push(x.cue);
                spans.extend_from_slice(&x.content);
                FlatAttribution {
                    cue,
                    content_len: x.content.len(),
                    has_source: x.source.is_some(),
                    kind: x.kind,
                    cue_class: x.cue_class,
                    hedged: x.hedged,
                    sentence: x.sentence,
                    speaker: x.speaker,
                    speaker_confidence: x.speaker_confidence,
                }
            })
            .collect();
        Flat {
            spans,
            sentences,
            paragraphs,
            quotes,
            hedges,
            attributions,
            speakers,
        }
    }
}

impl FlatAttribution {
    /// The source span's index in `Flat::spans`.
    pub(crate) fn source(&self) -> Option<usize> {
        self.has_source.then(|| self.cue - 1)
    }

    /// The content spans' range in `Flat::spans`.
    pub(crate) fn content(&self) -> Range<usize> {
        self.cue + 1..self.cue + 1 + self.content_len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analysis, Attribution, Sentence, Speaker};

    fn sentence(start: usize, end: usize, paragraph: usize) -> Sentence {
        Sentence {
            span: Span::new(start, end),
            paragraph,
        }
    }

    fn attribution(source: Option<Span>, cue: Span, content: Vec<Span>) -> Attribution {
        Attribution {
            source,
            cue,
            content,
            kind: AttributionKind::Indirect,
            sentence: 1,
            cue_class: CueClass::Tentative,
            speaker: Some(0),
            hedged: true,
            speaker_confidence: 0.5,
        }
    }

    /// Every value of the analysis is found where the ranges say, paragraphs are joined
    /// sentences, and an attribution without a source takes no span for it.
    #[test]
    fn packing_keeps_every_value_in_its_place() {
        let analysis = Analysis {
            sentences: vec![sentence(0, 5, 0), sentence(6, 9, 0), sentence(11, 20, 1)],
            quotes: vec![Span::new(12, 18)],
            hedges: vec![Span::new(13, 14)],
            attributions: vec![
                attribution(
                    Some(Span::new(0, 2)),
                    Span::new(3, 5),
                    vec![Span::new(6, 7), Span::new(8, 9)],
                ),
                attribution(None, Span::new(11, 12), Vec::new()),
            ],
            speakers: vec![
                Speaker {
                    name: "Ann Lee".into(),
                    title: Some("Mayor".into()),
                    mentions: vec![Span::new(0, 2), Span::new(15, 16)],
                    attributions: vec![0, 1],
                    ..Speaker::default()
                },
                Speaker {
                    name: "Bo".into(),
                    description: Some("a baker".into()),
                    mentions: vec![Span::new(17, 18)],
                    attributions: vec![1],
                    ..Speaker::default()
                },
            ],
        };
        let table = SpeakerTable::from_speakers(&analysis.speakers);
        let f = Flat::new(CharAnalysis(analysis.clone(), table));
        let spans = |r: Range<usize>| f.spans[r].to_vec();
        let sentences: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
        assert_eq!(spans(f.sentences.clone()), sentences);
        assert_eq!(
            spans(f.paragraphs.clone()),
            [Span::new(0, 9), Span::new(11, 20)]
        );
        assert_eq!(spans(f.quotes.clone()), analysis.quotes);
        assert_eq!(spans(f.hedges.clone()), analysis.hedges);
        assert_eq!(f.attributions.len(), 2);
        for (flat, a) in f.attributions.iter().zip(&analysis.attributions) {
            assert_eq!(flat.source().map(|i| f.spans[i]), a.source);
            assert_eq!(f.spans[flat.cue], a.cue);
            assert_eq!(spans(flat.content()), a.content);
            assert_eq!(
                (
                    flat.kind,
                    flat.cue_class,
                    flat.sentence,
                    flat.speaker,
                    flat.hedged
                ),
                (a.kind, a.cue_class, a.sentence, a.speaker, a.hedged)
            );
            assert_eq!(flat.speaker_confidence, a.speaker_confidence);
        }
        assert_eq!(f.speakers.to_speakers(), analysis.speakers);
        // Nothing is packed twice: every span is in exactly one range.
        assert_eq!(f.spans.len(), 3 + 2 + 1 + 1 + (3 + 2));
    }

    #[test]
    fn an_empty_analysis_packs_to_nothing() {
        let f = Flat::new(CharAnalysis(Analysis::default(), SpeakerTable::default()));
        assert!(f.spans.is_empty() && f.attributions.is_empty() && f.speakers.rows.is_empty());
        assert_eq!((f.sentences, f.paragraphs), (0..0, 0..0));
    }
}
