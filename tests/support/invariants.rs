//! The invariants every result of sayso holds, for any text. Shared by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/fuzz_targets/*.rs`), which include
//! this file by path. Each check returns a message naming the broken invariant and where.

use sayso::{Analysis, Sentence, Span};

/// A span is inside `text`, not reversed and on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what} {span:?} out of bounds (text is {} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what} {span:?} is not on char boundaries"));
    }
    Ok(())
}

/// Spans are each valid, non-empty, in order and do not overlap.
pub fn check_ordered(text: &str, spans: &[Span], what: &str) -> Result<(), String> {
    let mut prev: Option<Span> = None;
    for (i, &s) in spans.iter().enumerate() {
        check_span(text, s, &format!("{what}[{i}]"))?;
        if s.is_empty() {
            return Err(format!("{what}[{i}] {s:?} is empty"));
        }
        if let Some(p) = prev {
            if s.start < p.end {
                return Err(format!(
                    "{what}[{i}] {s:?} overlaps or precedes {what}[{}] {p:?}",
                    i - 1
                ));
            }
        }
        prev = Some(s);
    }
    Ok(())
}

/// Sentences: valid, ordered, trimmed, paragraphs non-decreasing, and every
/// non-whitespace char of the text in exactly one sentence (nothing lost, nothing twice).
pub fn check_sentences(text: &str, sentences: &[Sentence]) -> Result<(), String> {
    let spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
    check_ordered(text, &spans, "sentence")?;
    let mut paragraph = 0;
    for (i, s) in sentences.iter().enumerate() {
        let piece = s.span.as_str(text);
        if piece.starts_with(char::is_whitespace) || piece.ends_with(char::is_whitespace) {
            return Err(format!(
                "sentence[{i}] {:?} has leading or trailing whitespace",
                s.span
            ));
        }
        if s.paragraph < paragraph {
            return Err(format!(
                "sentence[{i}] paragraph {} after paragraph {paragraph}",
                s.paragraph
            ));
        }
        paragraph = s.paragraph;
    }
    // Sentences are ordered and disjoint, so "covered once" is: every gap is whitespace.
    let mut pos = 0;
    for (i, s) in spans
        .iter()
        .chain(std::iter::once(&Span::new(text.len(), text.len())))
        .enumerate()
    {
        if let Some((off, c)) = text[pos..s.start]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
        {
            return Err(format!(
                "{c:?} at byte {} is in no sentence (gap before sentence {i})",
                pos + off
            ));
        }
        pos = s.end;
    }
    Ok(())
}

/// The whole analysis: sentences as above; quotes and hedges valid and ordered; every part of
/// every attribution inside the text; indices into sentences and speakers valid and linked
/// both ways.
pub fn check_analysis(text: &str, a: &Analysis) -> Result<(), String> {
    check_sentences(text, &a.sentences)?;
    for (name, spans) in [("quote", &a.quotes), ("hedge", &a.hedges)] {
        for (i, &s) in spans.iter().enumerate() {
            check_span(text, s, &format!("{name}[{i}]"))?;
            if s.is_empty() {
                return Err(format!("{name}[{i}] {s:?} is empty"));
            }
        }
        if spans.windows(2).any(|w| w[1].start < w[0].start) {
            return Err(format!("{name}s are not in text order"));
        }
    }
    let mut last_cue = 0;
    for (i, at) in a.attributions.iter().enumerate() {
        check_span(text, at.cue, &format!("attribution[{i}].cue"))?;
        if let Some(source) = at.source {
            check_span(text, source, &format!("attribution[{i}].source"))?;
        }
        check_ordered(text, &at.content, &format!("attribution[{i}].content"))?;
        if at.cue.start < last_cue {
            return Err(format!("attribution[{i}] is not in cue order"));
        }
        last_cue = at.cue.start;
        if at.sentence >= a.sentences.len() {
            return Err(format!(
                "attribution[{i}].sentence {} but only {} sentences",
                at.sentence,
                a.sentences.len()
            ));
        }
        if let Some(k) = at.speaker {
            match a.speakers.get(k) {
                None => {
                    return Err(format!(
                        "attribution[{i}].speaker {k} but only {} speakers",
                        a.speakers.len()
                    ))
                }
                Some(sp) if !sp.attributions.contains(&i) => {
                    return Err(format!(
                        "attribution[{i}] names speaker {k}, which does not list it"
                    ))
                }
                Some(_) => {}
            }
        }
    }
    for (k, sp) in a.speakers.iter().enumerate() {
        for (j, &m) in sp.mentions.iter().enumerate() {
            check_span(text, m, &format!("speaker[{k}].mention[{j}]"))?;
        }
        for &i in &sp.attributions {
            if a.attributions.get(i).and_then(|at| at.speaker) != Some(k) {
                return Err(format!(
                    "speaker[{k}] lists attribution {i}, which does not name it"
                ));
            }
        }
    }
    Ok(())
}
