//! JSON Lines in and out: the record format of the `sayso` command line.
//!
//! Each input line is one record: a JSON object holding the text (and an optional id), or a
//! line of plain text. Each record becomes one output line, a JSON object with the input's
//! line number and id, followed by either the result or an `"error"`:
//!
//! ```text
//! {"line": 1, "id": "a1", "text": "...", "sentences": [...], "paragraphs": [...], ...}
//! {"line": 2, "id": null, "error": "no \"text\" field"}
//! ```
//!
//! Offsets in the output are code-point indices (Python `str` indices), like everything
//! sayso hands to Python, and the layout of an analysis is the one of
//! `sayso.Document.to_dict()`, so `Document.from_dict` reads an output line back.
//!
//! ```
//! use sayso::jsonl::{process_line, LineOptions, Outcome};
//! let analyzer = sayso::Analyzer::default();
//! let opts = LineOptions::segment_json("text", "id");
//! let line = br#"{"id": 7, "text": "It rained. We left."}"#;
//! let Outcome::Record { json, failed } = process_line(&analyzer, line, 1, &opts) else {
//!     panic!("a valid line is a record")
//! };
//! assert!(!failed);
//! let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
//! assert_eq!(value["id"], 7);
//! assert_eq!(value["sentences"][1]["text"], "We left.");
//! assert_eq!(value["sentences"][1]["start"], 11);
//! ```

use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::Serialize;
use serde_json::Value;

use crate::{Analysis, Analyzer, CharOffsets, Sentence, Span};

/// What to compute for each record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// The whole analysis (`sayso.analyze`).
    Analyze,
    /// Sentences only (`sayso.segment`).
    Segment,
}

/// How an input line holds its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineFormat {
    /// A JSON object; the text is under `text_field`, the id (any JSON value, optional)
    /// under `id_field`.
    Json {
        /// Key of the text.
        text_field: String,
        /// Key of the id.
        id_field: String,
    },
    /// The line itself is the text (without its line terminator); there is no id.
    Text,
}

/// What `process_line` does with a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOptions {
    /// Analyze or segment.
    pub task: Task,
    /// JSON objects or plain text lines.
    pub format: LineFormat,
}

impl LineOptions {
    /// Analyze JSON object lines.
    pub fn analyze_json(text_field: &str, id_field: &str) -> Self {
        LineOptions {
            task: Task::Analyze,
            format: LineFormat::Json {
                text_field: text_field.to_owned(),
                id_field: id_field.to_owned(),
            },
        }
    }

    /// Segment JSON object lines.
    pub fn segment_json(text_field: &str, id_field: &str) -> Self {
        LineOptions {
            task: Task::Segment,
            format: LineFormat::Json {
                text_field: text_field.to_owned(),
                id_field: id_field.to_owned(),
            },
        }
    }
}

/// The result of one input line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// One output record, a JSON object without a line terminator; `failed` when it is an
    /// error record.
    Record {
        /// The JSON text of the record.
        json: Vec<u8>,
        /// True for an error record.
        failed: bool,
    },
    /// The line holds nothing but whitespace: no record.
    Blank,
    /// The line is not UTF-8 or not JSON this reader accepts (for instance a lone surrogate
    /// escape such as `"\ud800"`, which a Rust `str` cannot hold). A more lenient reader may
    /// still read it; otherwise it is an error.
    Unreadable {
        /// Why it could not be read.
        reason: String,
    },
}

/// A span as the output writes it: code-point offsets and its text.
#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

struct Spans<'a> {
    text: &'a str,
    offsets: CharOffsets<'a>,
}

impl<'a> Spans<'a> {
    fn one(&self, span: Span) -> SpanOut<'a> {
        SpanOut {
            start: self.offsets.char_index(span.start),
            end: self.offsets.char_index(span.end),
            text: &self.text[span.start..span.end],
        }
    }

    fn all(&self, spans: impl IntoIterator<Item = Span>) -> Vec<SpanOut<'a>> {
        spans.into_iter().map(|s| self.one(s)).collect()
    }
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    source: Option<SpanOut<'a>>,
    cue: SpanOut<'a>,
    content: Vec<SpanOut<'a>>,
    kind: &'static str,
    sentence: usize,
    cue_class: &'static str,
    hedged: bool,
    /// Widened from `f32` exactly as Python's `float` of it, so the two layouts agree.
    speaker_confidence: f64,
    speaker: Option<usize>,
}

#[derive(Serialize)]
struct CueClassesOut {
    neutral: usize,
    assertive: usize,
    tentative: usize,
    distancing: usize,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    kind: &'static str,
    title: Option<&'a str>,
    description: Option<&'a str>,
    mentions: Vec<SpanOut<'a>>,
    attributions: &'a [usize],
    cue_classes: CueClassesOut,
}

/// The layout of `sayso.Document.to_dict()`, plus the record's line and id.
#[derive(Serialize)]
struct DocumentOut<'a> {
    line: u64,
    id: &'a Value,
    text: &'a str,
    sentences: Vec<SpanOut<'a>>,
    paragraphs: Vec<SpanOut<'a>>,
    quotes: Vec<SpanOut<'a>>,
    attributions: Vec<AttributionOut<'a>>,
    speakers: Vec<SpeakerOut<'a>>,
    hedges: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct SentencesOut<'a> {
    line: u64,
    id: &'a Value,
    sentences: Vec<SpanOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    line: u64,
    id: &'a Value,
    error: &'a str,
}

/// One span per paragraph, from its first sentence to its last (as `Document.paragraphs`).
pub fn paragraph_spans(sentences: &[Sentence]) -> Vec<Span> {
    let mut out: Vec<(usize, Span)> = Vec::new();
    for s in sentences {
        match out.last_mut() {
            Some((p, span)) if *p == s.paragraph => *span = Span::new(span.start, s.span.end),
            _ => out.push((s.paragraph, s.span)),
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

fn document_json(line: u64, id: &Value, text: &str, analysis: &Analysis) -> Vec<u8> {
    let spans = Spans {
        text,
        offsets: CharOffsets::new(text),
    };
    let n_speakers = analysis.speakers.len();
    let out = DocumentOut {
        line,
        id,
        text,
        sentences: spans.all(analysis.sentences.iter().map(|s| s.span)),
        paragraphs: spans.all(paragraph_spans(&analysis.sentences)),
        quotes: spans.all(analysis.quotes.iter().copied()),
        attributions: analysis
            .attributions
            .iter()
            .map(|a| AttributionOut {
                source: a.source.map(|s| spans.one(s)),
                cue: spans.one(a.cue),
                content: spans.all(a.content.iter().copied()),
                kind: a.kind.as_str(),
                sentence: a.sentence,
                cue_class: a.cue_class.as_str(),
                hedged: a.hedged,
                speaker_confidence: f64::from(a.speaker_confidence),
                speaker: a.speaker.filter(|&i| i < n_speakers),
            })
            .collect(),
        speakers: analysis
            .speakers
            .iter()
            .map(|sp| SpeakerOut {
                name: &sp.name,
                kind: sp.kind.as_str(),
                title: sp.title.as_deref(),
                description: sp.description.as_deref(),
                mentions: spans.all(sp.mentions.iter().copied()),
                attributions: &sp.attributions,
                cue_classes: CueClassesOut {
                    neutral: sp.cue_classes.neutral,
                    assertive: sp.cue_classes.assertive,
                    tentative: sp.cue_classes.tentative,
                    distancing: sp.cue_classes.distancing,
                },
            })
            .collect(),
        hedges: spans.all(analysis.hedges.iter().copied()),
    };
    to_json(&out)
}

fn sentences_json(line: u64, id: &Value, text: &str, sentences: &[Sentence]) -> Vec<u8> {
    let spans = Spans {
        text,
        offsets: CharOffsets::new(text),
    };
    to_json(&SentencesOut {
        line,
        id,
        sentences: spans.all(sentences.iter().map(|s| s.span)),
    })
}

/// An error record for line `line` with id `id` (JSON `null` when unknown).
pub fn error_record(line: u64, id: &Value, error: &str) -> Vec<u8> {
    to_json(&ErrorOut { line, id, error })
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing these plain structs cannot fail: every key is a string, every number fits.
    serde_json::to_vec(value).unwrap_or_else(|e| {
        format!(
            "{{\"error\":{:?}}}",
            format!("cannot write the record: {e}")
        )
        .into_bytes()
    })
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Run `task` on `text` and write its record; a panic (a bug) becomes an error record.
fn run(analyzer: &Analyzer, task: Task, line: u64, id: &Value, text: &str) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| match task {
        Task::Analyze => document_json(line, id, text, &analyzer.analyze(text)),
        Task::Segment => sentences_json(line, id, text, &analyzer.segment(text)),
    }));
    match result {
        Ok(json) => Outcome::Record {
            json,
            failed: false,
        },
        Err(payload) => {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Outcome::Record {
                json: error_record(line, id, &format!("internal error: {reason}")),
                failed: true,
            }
        }
    }
}

/// Strip one trailing `\n` or `\r\n`.
fn without_terminator(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Process one input line (`line_no` counts from 1, blank lines included).
pub fn process_line(analyzer: &Analyzer, line: &[u8], line_no: u64, opts: &LineOptions) -> Outcome {
    let line = without_terminator(line);
    match &opts.format {
        LineFormat::Text => match std::str::from_utf8(line) {
            Ok(text) => run(analyzer, opts.task, line_no, &Value::Null, text),
            Err(e) => Outcome::Unreadable {
                reason: format!("not UTF-8: {e}"),
            },
        },
        LineFormat::Json {
            text_field,
            id_field,
        } => {
            if line.iter().all(u8::is_ascii_whitespace) {
                return Outcome::Blank;
            }
            let value: Value = match serde_json::from_slice(line) {
                Ok(v) => v,
                Err(e) => {
                    return Outcome::Unreadable {
                        reason: format!("not JSON: {e}"),
                    }
                }
            };
            let Value::Object(record) = &value else {
                return Outcome::Record {
                    json: error_record(
                        line_no,
                        &Value::Null,
                        &format!("expected a JSON object, got {}", json_type(&value)),
                    ),
                    failed: true,
                };
            };
            let id = record.get(id_field.as_str()).unwrap_or(&Value::Null);
            match record.get(text_field.as_str()) {
                Some(Value::String(text)) => run(analyzer, opts.task, line_no, id, text),
                Some(other) => Outcome::Record {
                    json: error_record(
                        line_no,
                        id,
                        &format!("{text_field:?} is {}, not a string", json_type(other)),
                    ),
                    failed: true,
                },
                None => Outcome::Record {
                    json: error_record(line_no, id, &format!("no {text_field:?} field")),
                    failed: true,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(line: &[u8], opts: &LineOptions) -> (Value, bool) {
        match process_line(&Analyzer::default(), line, 3, opts) {
            Outcome::Record { json, failed } => (serde_json::from_slice(&json).unwrap(), failed),
            other => panic!("expected a record, got {other:?}"),
        }
    }

    #[test]
    fn analysis_has_the_document_layout_with_char_offsets() {
        let opts = LineOptions::analyze_json("body", "key");
        let (v, failed) = record(
            "{\"key\": [1, 2], \"body\": \"“Yes.” Then é.\\n\\nNew one.\"}\r\n".as_bytes(),
            &opts,
        );
        assert!(!failed);
        assert_eq!(v["line"], 3);
        assert_eq!(v["id"], serde_json::json!([1, 2]));
        let text = v["text"].as_str().unwrap();
        assert_eq!(text, "“Yes.” Then é.\n\nNew one.");
        let chars: Vec<char> = text.chars().collect();
        for key in ["sentences", "paragraphs"] {
            for s in v[key].as_array().unwrap() {
                let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                let slice: String = chars[start as usize..end as usize].iter().collect();
                assert_eq!(slice, s["text"].as_str().unwrap());
            }
        }
        assert_eq!(v["paragraphs"].as_array().unwrap().len(), 2);
        for key in ["quotes", "attributions", "speakers", "hedges"] {
            assert!(v[key].is_array(), "{key} missing");
        }
    }

    #[test]
    fn attributions_and_speakers_are_written_with_char_offsets() {
        use crate::document::{Attribution, AttributionKind, CueClass, Speaker, SpeakerKind};
        let text = "“Ja,” sagte Ökonom Weiß.";
        let at = |part: &str| {
            let start = text.find(part).unwrap();
            Span::new(start, start + part.len())
        };
        let analysis = Analysis {
            sentences: vec![Sentence {
                span: Span::new(0, text.len()),
                paragraph: 0,
            }],
            quotes: vec![at("“Ja,”")],
            attributions: vec![Attribution {
                source: Some(at("Ökonom Weiß")),
                cue: at("sagte"),
                content: vec![at("Ja,")],
                kind: AttributionKind::Direct,
                sentence: 0,
                cue_class: CueClass::Neutral,
                speaker: Some(0),
                hedged: false,
                speaker_confidence: 0.8,
            }],
            speakers: vec![Speaker {
                name: "Ökonom Weiß".into(),
                kind: SpeakerKind::Person,
                mentions: vec![at("Ökonom Weiß")],
                attributions: vec![0],
                ..Speaker::default()
            }],
            hedges: vec![],
        };
        let v: Value =
            serde_json::from_slice(&document_json(1, &Value::Null, text, &analysis)).unwrap();
        let a = &v["attributions"][0];
        assert_eq!(
            a["cue"],
            serde_json::json!({"start": 6, "end": 11, "text": "sagte"})
        );
        assert_eq!(a["source"]["start"], 12);
        assert_eq!(a["content"][0]["text"], "Ja,");
        assert_eq!(a["speaker"], 0);
        assert_eq!(a["speaker_confidence"], f64::from(0.8f32));
        assert_eq!(a["kind"], "direct");
        let sp = &v["speakers"][0];
        assert_eq!(sp["name"], "Ökonom Weiß");
        assert_eq!(sp["mentions"][0]["end"], 23);
        assert_eq!(sp["cue_classes"]["neutral"], 0);
        assert_eq!(v["quotes"][0]["end"], 5);
    }

    #[test]
    fn bad_records_are_error_records_with_line_and_id() {
        let opts = LineOptions::segment_json("text", "id");
        let (v, failed) = record(br#"{"id": "x", "body": "no text key"}"#, &opts);
        assert!(failed);
        assert_eq!(v["line"], 3);
        assert_eq!(v["id"], "x");
        assert_eq!(v["error"], "no \"text\" field");
        let (v, failed) = record(br#"{"id": 1, "text": 5}"#, &opts);
        assert!(failed);
        assert_eq!(v["error"], "\"text\" is a number, not a string");
        let (v, failed) = record(br#"["text"]"#, &opts);
        assert!(failed);
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["error"], "expected a JSON object, got an array");
    }

    #[test]
    fn blank_and_unreadable_lines() {
        let a = Analyzer::default();
        let opts = LineOptions::segment_json("text", "id");
        assert_eq!(process_line(&a, b"  \r\n", 1, &opts), Outcome::Blank);
        assert!(matches!(
            process_line(&a, b"{\"text\": ", 1, &opts),
            Outcome::Unreadable { .. }
        ));
        assert!(matches!(
            process_line(&a, br#"{"text": "\ud800"}"#, 1, &opts),
            Outcome::Unreadable { .. }
        ));
        let text = LineOptions {
            task: Task::Segment,
            format: LineFormat::Text,
        };
        assert!(matches!(
            process_line(&a, b"caf\xe9\n", 1, &text),
            Outcome::Unreadable { .. }
        ));
    }

    #[test]
    fn text_lines_are_documents_without_their_terminator() {
        let opts = LineOptions {
            task: Task::Segment,
            format: LineFormat::Text,
        };
        let (v, failed) = record(b"One. Two.\r\n", &opts);
        assert!(!failed);
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["sentences"][1]["text"], "Two.");
        assert_eq!(v["sentences"][1]["end"], 9);
        // An empty text line is an empty document, not skipped: lines stay aligned.
        let (v, _) = record(b"\n", &opts);
        assert_eq!(v["sentences"], serde_json::json!([]));
    }
}
