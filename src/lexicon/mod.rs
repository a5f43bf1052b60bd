//! Lexicons shipped as plain text data files in this folder, one entry a line.
//!
//! Every file has the same shape: `#` starts a comment line, blank lines are ignored,
//! entries are trimmed. Files with a class put it after a tab or ` | `.

/// Abbreviations that do not end a sentence (without the final period).
pub const ABBREVIATIONS: &str = include_str!("abbreviations.txt");

/// Words that, capitalised after an abbreviation, begin a new sentence.
pub const SENTENCE_STARTERS: &str = include_str!("sentence_starters.txt");

/// Days, months and time zones that may follow "a.m."/"p.m." inside a sentence.
pub const TIME_FOLLOWERS: &str = include_str!("time_followers.txt");

/// Labels of photo credits and captions ("Image: ...") that start a sentence of their own.
pub const CAPTION_LABELS: &str = include_str!("caption_labels.txt");

/// Closings of letters and e-mails ("Regards,") after which the signature follows.
pub const CLOSINGS: &str = include_str!("closings.txt");

/// The entries of a lexicon file: trimmed, non-empty, comments dropped.
///
/// ```
/// let entries: Vec<&str> = sayso::lexicon::entries("# comment\nmr\n\n dr \n").collect();
/// assert_eq!(entries, ["mr", "dr"]);
/// ```
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Cue lexicon: reporting verbs, phrasal and nominal cues with their class (format in the
/// file's header).
pub const CUES: &str = include_str!("cues.txt");

/// Titles and roles that name a person (`minister`, `spokesman`, `sen.`).
pub const TITLES: &str = include_str!("titles.txt");

/// Source descriptions without a name: groups, organisations, documents, quantifiers.
pub const GROUPS: &str = include_str!("groups.txt");
