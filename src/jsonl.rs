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

use serde_json::Value;

use crate::document::{Attribution, Speaker};
use crate::{Analysis, Analyzer, CharOffsets, Sentence, Span};

mod write;

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

/// One output record being written: the buffer, and the text its spans index.
struct Record<'a> {
    out: Vec<u8>,
    text: &'a str,
    offsets: CharOffsets<'a>,
}

impl<'a> Record<'a> {
    /// A record of `text` opened with `{"line":N,"id":ID` (the rest follows, then `close`).
    fn open(line: u64, id: &Value, text: &'a str, capacity: usize) -> Self {
        let mut out = Vec::with_capacity(capacity);
        out.extend_from_slice(b"{\"line\":");
        write::uint(&mut out, line);
        out.extend_from_slice(b",\"id\":");
        write::value(&mut out, id);
        Record {
            out,
            text,
            offsets: CharOffsets::new(text),
        }
    }

    /// `,"key":` before a field.
    fn field(&mut self, key: &str) {
        self.out.push(b',');
        write::key(&mut self.out, key);
    }

    /// `{"start":S,"end":E,"text":"..."}` in code-point offsets.
    fn span(&mut self, span: Span) {
        let out = &mut self.out;
        out.extend_from_slice(b"{\"start\":");
        write::uint(out, self.offsets.char_index(span.start));
        out.extend_from_slice(b",\"end\":");
        write::uint(out, self.offsets.char_index(span.end));
        out.extend_from_slice(b",\"text\":");
        write::string(out, &self.text[span.start..span.end]);
        out.push(b'}');
    }

    fn spans(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.out.push(b'[');
        for (i, span) in spans.into_iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.span(span);
        }
        self.out.push(b']');
    }

    fn opt_span(&mut self, span: Option<Span>) {
        match span {
            Some(s) => self.span(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => write::string(&mut self.out, s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn uints(&mut self, values: &[usize]) {
        self.out.push(b'[');
        for (i, &v) in values.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write::uint(&mut self.out, v);
        }
        self.out.push(b']');
    }

    fn attribution(&mut self, a: &Attribution, n_speakers: usize) {
        self.out.extend_from_slice(b"{\"source\":");
        self.opt_span(a.source);
        self.field("cue");
        self.span(a.cue);
        self.field("content");
        self.spans(a.content.iter().copied());
        self.field("kind");
        write::string(&mut self.out, a.kind.as_str());
        self.field("sentence");
        write::uint(&mut self.out, a.sentence);
        self.field("cue_class");
        write::string(&mut self.out, a.cue_class.as_str());
        self.field("hedged");
        write::boolean(&mut self.out, a.hedged);
        // Widened from `f32` exactly as Python's `float` of it, so the two layouts agree.
        self.field("speaker_confidence");
        write::value(&mut self.out, &f64::from(a.speaker_confidence));
        self.field("speaker");
        match a.speaker.filter(|&i| i < n_speakers) {
            Some(i) => write::uint(&mut self.out, i),
            None => self.out.extend_from_slice(b"null"),
        }
        self.out.push(b'}');
    }

    fn speaker(&mut self, sp: &Speaker) {
        self.out.extend_from_slice(b"{\"name\":");
        write::string(&mut self.out, &sp.name);
        self.field("kind");
        write::string(&mut self.out, sp.kind.as_str());
        self.field("title");
        self.opt_str(sp.title.as_deref());
        self.field("description");
        self.opt_str(sp.description.as_deref());
        self.field("mentions");
        self.spans(sp.mentions.iter().copied());
        self.field("attributions");
        self.uints(&sp.attributions);
        self.field("cue_classes");
        let c = &sp.cue_classes;
        for (i, (name, n)) in [
            ("neutral", c.neutral),
            ("assertive", c.assertive),
            ("tentative", c.tentative),
            ("distancing", c.distancing),
        ]
        .into_iter()
        .enumerate()
        {
            self.out.push(if i == 0 { b'{' } else { b',' });
            write::key(&mut self.out, name);
            write::uint(&mut self.out, n);
        }
        self.out.extend_from_slice(b"}}");
    }

    /// Close the record and hand out its JSON.
    fn close(mut self) -> Vec<u8> {
        self.out.push(b'}');
        self.out
    }
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

/// About the length of the record of `analysis` (a little more, for escapes), so that its
/// buffer is allocated once: the texts of all its spans plus a share per item.
fn estimated_len(text: &str, analysis: &Analysis) -> usize {
    /// `{"start":…,"end":…,"text":""},` with offsets of up to six digits.
    const SPAN: usize = 40;
    /// An attribution's or a speaker's keys and values other than spans.
    const ITEM: usize = 200;
    let spans =
        |spans: &mut dyn Iterator<Item = Span>| -> usize { spans.map(|s| s.len() + SPAN).sum() };
    // Sentences, and paragraphs (as long as the sentences and the gaps between them).
    let sentences = 2 * spans(&mut analysis.sentences.iter().map(|s| s.span));
    let quotes = spans(&mut analysis.quotes.iter().copied());
    let hedges = spans(&mut analysis.hedges.iter().copied());
    let attributions: usize = analysis
        .attributions
        .iter()
        .map(|a| {
            ITEM + spans(
                &mut a
                    .source
                    .into_iter()
                    .chain([a.cue])
                    .chain(a.content.iter().copied()),
            )
        })
        .sum();
    let speakers: usize = analysis
        .speakers
        .iter()
        .map(|sp| {
            let words = sp.name.len()
                + sp.title.as_ref().map_or(0, |t| t.len())
                + sp.description.as_ref().map_or(0, |d| d.len());
            ITEM + words + 8 * sp.attributions.len() + spans(&mut sp.mentions.iter().copied())
        })
        .sum();
    let total = text.len() + sentences + quotes + hedges + attributions + speakers + 256;
    total + total / 32
}

fn document_json(line: u64, id: &Value, text: &str, analysis: &Analysis) -> Vec<u8> {
    let mut r = Record::open(line, id, text, estimated_len(text, analysis));
    r.field("text");
    write::string(&mut r.out, text);
    r.field("sentences");
    r.spans(analysis.sentences.iter().map(|s| s.span));
    r.field("paragraphs");
    r.spans(paragraph_spans(&analysis.sentences));
    r.field("quotes");
    r.spans(analysis.quotes.iter().copied());
    r.field("attributions");
    let n_speakers = analysis.speakers.len();
    for (i, a) in analysis.attributions.iter().enumerate() {
        r.out.push(if i == 0 { b'[' } else { b',' });
        r.attribution(a, n_speakers);
    }
    r.out
        .extend_from_slice(if analysis.attributions.is_empty() {
            b"[]"
        } else {
            b"]"
        });
    r.field("speakers");
    for (i, sp) in analysis.speakers.iter().enumerate() {
        r.out.push(if i == 0 { b'[' } else { b',' });
        r.speaker(sp);
    }
    r.out.extend_from_slice(if analysis.speakers.is_empty() {
        b"[]"
    } else {
        b"]"
    });
    r.field("hedges");
    r.spans(analysis.hedges.iter().copied());
    r.close()
}

fn sentences_json(line: u64, id: &Value, text: &str, sentences: &[Sentence]) -> Vec<u8> {
    let mut r = Record::open(line, id, text, sentences.len() * 48 + text.len() + 64);
    r.field("sentences");
    r.spans(sentences.iter().map(|s| s.span));
    r.close()
}

/// An error record for line `line` with id `id` (JSON `null` when unknown).
pub fn error_record(line: u64, id: &Value, error: &str) -> Vec<u8> {
    let mut r = Record::open(line, id, "", error.len() + 64);
    r.field("error");
    write::string(&mut r.out, error);
    r.close()
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
    fn the_buffer_is_sized_once_for_a_record() {
        let text = "“We will rebuild it,” said Mayor Jane Roe (D-Ohio), 54. \"Soon,\" she \
                    added.\n\nAccording to officials, work starts in May. Roe, who leads the \
                    council, said the plan was rushed, the mayor's aides told reporters.";
        let analysis = Analyzer::default().analyze(text);
        assert!(!analysis.attributions.is_empty() && !analysis.speakers.is_empty());
        let json = document_json(1, &Value::from("an id"), text, &analysis);
        let estimate = estimated_len(text, &analysis);
        assert!(json.len() <= estimate, "{} > {estimate}", json.len());
        assert!(estimate < 2 * json.len(), "{estimate} for {}", json.len());
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
