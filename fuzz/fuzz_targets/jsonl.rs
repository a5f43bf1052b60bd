//! The command line's record format (`sayso::jsonl::process_line`, with its hand-written JSON
//! writer) on arbitrary text: every record is valid JSON that carries the line number, the
//! id and the text unchanged, and every span object in it (`{"start", "end", "text"}`, at any
//! depth) holds the code-point slice of the text it names. Each text goes in twice: inside a
//! JSON object (`analyze`) and as a plain-text line (`segment`), which may also be unreadable
//! (not UTF-8), never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sayso::jsonl::{process_line, LineFormat, LineOptions, Outcome, Task};
use sayso::Analyzer;
use serde_json::{json, Value};

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::default)
}

/// Every span object under `v` matches `chars`; returns how many were checked.
fn check_spans(v: &Value, chars: &[char], path: &str) -> usize {
    match v {
        Value::Object(map) => {
            let mut n = 0;
            if let (Some(s), Some(e), Some(t)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
                map.get("text").and_then(Value::as_str),
            ) {
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e <= chars.len(),
                    "{path}: span {s}..{e} out of 0..{}",
                    chars.len()
                );
                let slice: String = chars[s..e].iter().collect();
                assert_eq!(slice, t, "{path}: span {s}..{e} text differs");
                n += 1;
            }
            for (k, child) in map {
                n += check_spans(child, chars, &format!("{path}.{k}"));
            }
            n
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, child)| check_spans(child, chars, &format!("{path}[{i}]")))
            .sum(),
        _ => 0,
    }
}

fn record(line: &[u8], opts: &LineOptions) -> Option<Value> {
    match process_line(analyzer(), line, 3, opts) {
        Outcome::Record { json, failed } => {
            let v: Value = serde_json::from_slice(&json).unwrap_or_else(|e| {
                panic!(
                    "invalid JSON record ({e}): {}",
                    String::from_utf8_lossy(&json)
                )
            });
            assert_eq!(v["line"], 3);
            (!failed).then_some(v)
        }
        Outcome::Blank | Outcome::Unreadable { .. } => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();

    let line = serde_json::to_vec(&json!({"id": "r1", "text": text})).unwrap();
    let v = record(&line, &LineOptions::analyze_json("text", "id"))
        .unwrap_or_else(|| panic!("a JSON line with a text field is a record: {text:?}"));
    assert_eq!(v["id"], "r1");
    assert_eq!(v["text"].as_str(), Some(text.as_ref()), "the text changed");
    check_spans(&v, &chars, "$");

    // Plain text: the raw bytes up to the first line break are the text (no id).
    let raw = data.split(|&b| b == b'\n').next().unwrap_or(data);
    let opts = LineOptions {
        task: Task::Segment,
        format: LineFormat::Text,
    };
    if let Some(v) = record(raw, &opts) {
        // The line without its terminator (`\r\n` or `\n`; the split took the `\n`).
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line_text = std::str::from_utf8(raw).expect("a record is made only of UTF-8");
        let line_chars: Vec<char> = line_text.chars().collect();
        check_spans(&v, &line_chars, "$");
    }
});
