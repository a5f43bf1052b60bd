//! Sentence segmentation: byte spans of sentences with their paragraph index.
//!
//! One pass over the bytes. The loop stops only at bytes that may matter (`.`, `!`, `?`,
//! line breaks, `)`, `'` and the lead bytes of a few multi-byte punctuation marks) and judges
//! each candidate from a window of constant size around it: the word before, the marks
//! after (closing quotes and brackets, footnote markers), and the token after the following
//! space. No rule looks back to the start of the sentence or rescans the text, so the time
//! is linear in the length of the text, whatever it holds.
//!
//! The rules, in the order they are tried:
//! - a blank line always ends a sentence and a paragraph; a single line break is judged
//!   (a bullet or list label after it, a short or title-case line before it end a sentence;
//!   a long line running on into a lowercase word does not);
//! - list labels (`1.`, `a)`, `(iv)`, `2.)`) at the start of a sentence never end it, and
//!   the next label of the same list starts a new sentence even without a period;
//! - `?`, `!` and their kin end a sentence unless a lowercase word or a comma follows
//!   (`“Are you coming?” she asked.`, `Yahoo! in`);
//! - an ellipsis attached to a word ends a sentence before a capital (`that.... She`); one
//!   standing apart (`is . . . I`) marks an omission, unless it has four dots;
//! - a period after closing quotes or brackets ends the sentence unless a lowercase word or
//!   punctuation follows;
//! - after a single period, the word before decides: numbers and plain words end the
//!   sentence before a capital, a digit or an opening quote; abbreviations, initials and
//!   dotted acronyms only before a word that starts sentences (`Co. It closed`, but
//!   `U.S. Government`), titles (`Mr.`) never;
//! - footnote markers (`[7]`, `.11`, ` [17]`) stay with the sentence they follow;
//! - text inside single quotation marks (`‘…’`) is not split when the quotation closes
//!   within a few hundred bytes;
//! - a dateline (`WASHINGTON (AP) —`) at the start of a paragraph is its own sentence.
//!
//! The abbreviations and word lists are data files in `src/lexicon/`.

mod chars;
mod words;

use crate::document::Sentence;
use crate::Span;

use self::chars::{
    char_at, char_before, is_ascii_space, is_bullet, is_closer, is_dash, is_opener,
    is_strong_terminal, is_wide_terminal, space_len, INTERESTING,
};
use self::words::{is_dotted_acronym, is_number, AbbrevClass, Label, Style, Words};

/// A period followed by a lowercase word ends a sentence after a plain word.
const CUT_PLAIN_LOWER: bool = true;
/// `?` followed by a lowercase word (outside quotations) ends a sentence.
const CUT_STRONG_LOWER: bool = true;
/// Farthest a single quotation may reach (bytes) and still keep its sentences together.
const QUOTE_WINDOW: usize = 1000;
/// Longest word looked at before a candidate boundary.
const WORD_WINDOW: usize = 48;

/// Splits text into sentences. Build once, use from many threads.
///
/// ```
/// let seg = sayso::Segmenter::default();
/// let text = "Mr. Smith arrived at 9 a.m. today. He left.";
/// let spans: Vec<&str> = seg.segment(text).iter().map(|s| s.span.as_str(text)).collect();
/// assert_eq!(spans, ["Mr. Smith arrived at 9 a.m. today.", "He left."]);
/// ```
#[derive(Clone, Debug)]
pub struct Segmenter {
    words: Words,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new(std::iter::empty::<&str>())
    }
}

impl Segmenter {
    /// A segmenter knowing the shipped abbreviations plus `extra` (with or without final period).
    ///
    /// ```
    /// let text = "It costs approx. ten euros.";
    /// assert_eq!(sayso::Segmenter::new(["approx."]).segment(text).len(), 1);
    /// ```
    pub fn new<I, S>(extra: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Segmenter {
            words: Words::new(extra),
        }
    }

    /// The sentences of `text`, in order: trimmed of whitespace, never overlapping, and
    /// together holding every non-space character of the text.
    pub fn segment(&self, text: &str) -> Vec<Sentence> {
        Scan::new(&self.words, text).run()
    }
}

/// What comes after a candidate boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A capitalised word (or a letter of a script without case).
    Upper,
    /// A lowercase word.
    Lower,
    /// A digit or a currency sign.
    Digit,
    /// An opening quotation mark.
    Quote,
    /// An opening bracket.
    Bracket,
    /// A list bullet.
    Bullet,
    /// A list label (`2.`, `b)`, `(iv)`).
    Marker,
    /// An ellipsis.
    Ellipsis,
    /// Other punctuation (`,`, `;`, `%` ...).
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Next {
    kind: Kind,
    /// Where the token starts (its word, for `Upper`, is read on demand).
    word: (usize, usize),
}

/// The word before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    /// Nothing: the period stands after a space.
    Empty,
    /// 600, 1,000, $100.00
    Number,
    /// One letter: an initial.
    Initial,
    /// A known abbreviation or a dotted acronym.
    Abbrev(AbbrevClass),
    /// Any other word.
    Plain,
}

#[derive(Clone, Copy, Debug)]
struct List {
    label: Label,
    style: Style,
}

struct Scan<'a> {
    words: &'a Words,
    text: &'a str,
    b: &'a [u8],
    out: Vec<Sentence>,
    /// Start of the current sentence (may point at whitespace).
    start: usize,
    /// First non-space byte of the current sentence, once computed.
    content: Option<usize>,
    paragraph: usize,
    /// First non-space byte of the current line.
    line_start: usize,
    /// The list whose items are being read, with its last label.
    list: Option<List>,
    /// True when the current sentence starts with a list label or bullet.
    item: bool,
    /// Where an open single quotation starts.
    squote: Option<usize>,
    /// Boundaries found inside the open single quotation, not yet made.
    pending: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(words: &'a Words, text: &'a str) -> Self {
        Scan {
            words,
            text,
            b: text.as_bytes(),
            out: Vec::with_capacity(text.len() / 128 + 1),
            start: 0,
            content: None,
            paragraph: 0,
            line_start: 0,
            list: None,
            item: false,
            squote: None,
            pending: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Sentence> {
        let n = self.b.len();
        let first = self.content_start();
        self.line_start = first;
        let mut i = self.paragraph_start(first);
        let mut skipper = chars::Skipper::new();
        while i < n {
            // Sixty-four bytes at a time past bytes that cannot matter.
            i = skipper.skip(self.b, i);
            if i >= n {
                break;
            }
            let c = self.b[i];
            if !INTERESTING[c as usize] {
                i += 1;
                continue;
            }
            let next = match c {
                b'.' | b'!' | b'?' => self.terminal(i),
                b'\n' | b'\r' | 0x0B | 0x0C => self.line_break(i),
                b')' => self.paren(i),
                b':' => self.colon(i),
                b',' if self.b.get(i + 1) == Some(&b' ')
                    && self.b.get(i + 2).is_some_and(u8::is_ascii_uppercase) =>
                {
                    self.comma(i)
                }
                b',' => i + 1,
                b'=' | b'_' | b'*' | b'~' | b'#' => self.rule_line(i),
                b'-' => {
                    if self.b.get(i + 1) == Some(&b'-') {
                        self.dash(i, 2)
                    } else {
                        i + 1
                    }
                }
                b'\''
                    if i > 0
                        && self.b[i - 1].is_ascii_alphabetic()
                        && self.b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) =>
                {
                    i + 1 // an apostrophe: don't, it's
                }
                b'\'' => {
                    self.single_quote(i, '\'');
                    i + 1
                }
                _ => self.multibyte(i),
            };
            i = next.max(i + 1);
        }
        self.commit_pending();
        self.push(n);
        self.out
    }

    // ----- sentences -------------------------------------------------------------------

    fn push(&mut self, end: usize) {
        if end <= self.start {
            return;
        }
        // Trimmed of whitespace as `str::trim` does, its ASCII spaces (nearly all there are)
        // skipped byte by byte without decoding chars.
        let b = self.b;
        let mut s = self.start;
        while s < end && is_ascii_space(b[s]) {
            s += 1;
        }
        if s < end && b[s] >= 0x80 {
            s = end - self.text[s..end].trim_start().len();
        }
        let mut e = end;
        while e > s && is_ascii_space(b[e - 1]) {
            e -= 1;
        }
        if e > s && b[e - 1] >= 0x80 {
            e = s + self.text[s..e].trim_end().len();
        }
        if e > s {
            self.out.push(Sentence {
                span: Span::new(s, e),
                paragraph: self.paragraph,
            });
        }
    }

    /// End the sentence at `pos` now.
    fn real_cut(&mut self, pos: usize) {
        if pos <= self.start {
            return;
        }
        self.push(pos);
        self.start = pos;
        self.content = None;
        if !self.item {
            self.list = None;
        }
        self.item = false;
    }

    /// End the sentence at `pos`, or hold the boundary while a single quotation is open.
    fn cut(&mut self, pos: usize) {
        match self.squote {
            Some(open) if pos.saturating_sub(open) <= QUOTE_WINDOW => self.pending.push(pos),
            Some(_) => {
                self.commit_pending();
                self.real_cut(pos);
            }
            None => self.real_cut(pos),
        }
    }

    fn commit_pending(&mut self) {
        self.squote = None;
        let pending = std::mem::take(&mut self.pending);
        for p in pending {
            self.real_cut(p);
        }
    }

    /// First non-space byte of the current sentence (computed once per sentence).
    fn content_start(&mut self) -> usize {
        if let Some(c) = self.content {
            return c;
        }
        let mut p = self.start;
        loop {
            let l = space_len(self.text, p);
            if l == 0 {
                break;
            }
            p += l;
        }
        self.content = Some(p);
        p
    }

    /// Skip whitespace from `k`: where it ends and how many line breaks it holds.
    fn skip_space(&self, k: usize) -> (usize, usize) {
        let b = self.b;
        let mut p = k;
        let mut breaks = 0;
        while p < b.len() {
            let c = b[p];
            if c < 0x80 {
                match c {
                    b'\n' | 0x0B | 0x0C => breaks += 1,
                    b'\r' if b.get(p + 1) != Some(&b'\n') => breaks += 1,
                    b' ' | b'\t' | b'\r' => {}
                    _ => break,
                }
                p += 1;
            } else {
                match char_at(self.text, p) {
                    Some(ch) if ch.is_whitespace() => {
                        match ch {
                            '\u{85}' | '\u{2028}' | '\u{2029}' => breaks += 1,
                            _ => {}
                        }
                        p += ch.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        (p, breaks)
    }

    // ----- paragraphs and lines --------------------------------------------------------

    /// A blank line from `ws` to `m`: end the sentence and the paragraph.
    fn paragraph_break(&mut self, ws: usize, m: usize) -> usize {
        self.commit_pending();
        self.real_cut(ws);
        if self
            .out
            .last()
            .is_some_and(|s| s.paragraph == self.paragraph)
        {
            self.paragraph += 1;
        }
        self.start = m;
        self.content = Some(m);
        self.line_start = m;
        self.list = None;
        self.item = false;
        self.paragraph_start(m)
    }

    /// At the first byte of a paragraph: a dateline there is a sentence of its own.
    fn paragraph_start(&mut self, m: usize) -> usize {
        match self.dateline(m) {
            Some(end) => {
                self.real_cut(end);
                end
            }
            None => m,
        }
    }

    /// `WASHINGTON (AP) — The ...`, `Evansville, Indiana, United States - This ...`: a few
    /// capitalised words, then a dash standing alone, then a capital. Returns the end of
    /// the dash.
    fn dateline(&self, m: usize) -> Option<usize> {
        let b = self.b;
        // Quick refusal: a dateline starts with two capitals.
        if !(b.get(m).is_some_and(u8::is_ascii_uppercase)
            && b.get(m + 1)
                .is_some_and(|c| c.is_ascii_uppercase() || *c >= 0x80))
        {
            return None;
        }
        let limit = (m + 100).min(b.len());
        let mut p = m;
        let mut words = 0;
        while p < limit {
            let ts = p;
            while p < limit && !is_ascii_space(b[p]) {
                p += 1;
            }
            if p >= limit || b[p] != b' ' {
                return None;
            }
            let tok = &self.text[ts..p];
            if !tok.is_empty() && tok.chars().all(is_dash) {
                if words == 0 {
                    return None;
                }
                let after = char_at(self.text, p + 1)?;
                return after.is_uppercase().then_some(p);
            }
            let w = tok.trim_start_matches('(');
            let first = w.chars().next()?;
            if !first.is_uppercase() {
                return None;
            }
            // The place comes first, in capitals: WASHINGTON, NEW YORK.
            if words == 0
                && (w.chars().filter(|c| c.is_alphabetic()).count() < 2
                    || w.chars().any(char::is_lowercase))
            {
                return None;
            }
            words += 1;
            if words > 8 {
                return None;
            }
            p += 1;
        }
        None
    }

    /// A line break at `p` that no terminal mark has judged yet.
    fn line_break(&mut self, p: usize) -> usize {
        let b = self.b;
        let mut ws = p;
        while ws > self.start && matches!(b[ws - 1], b' ' | b'\t') {
            ws -= 1;
        }
        let (m, breaks) = self.skip_space(p);
        if breaks >= 2 {
            return self.paragraph_break(ws, m);
        }
        if m >= b.len() {
            return m;
        }
        if self.soft_break(ws, m) {
            self.cut(ws);
        }
        self.line_start = m;
        m
    }

    /// Does a single line break between `ws` (end of the line) and `m` (next line) end the
    /// sentence? The line did not end with terminal punctuation.
    fn soft_break(&mut self, ws: usize, m: usize) -> bool {
        let next = self.next_token(m);
        if matches!(next.kind, Kind::Bullet | Kind::Marker) {
            return true;
        }
        let cs = self.content_start();
        if cs >= ws {
            return false;
        }
        let line_from = self.line_start.max(cs);
        let line_len = ws - self.line_start.min(ws);
        let last = char_before(self.text, ws).unwrap_or(' ');
        match next.kind {
            Kind::Lower => {
                // A list of short lowercase lines: "features\ncontact manager".
                char_at(self.text, line_from).is_some_and(char::is_lowercase)
                    && ws - line_from <= 40
            }
            Kind::Upper | Kind::Digit | Kind::Quote | Kind::Bracket => {
                self.item
                    || line_len < 60
                    || !(last.is_alphanumeric() || last == ',' || is_dash(last))
                    || self.title_case(self.line_start.min(ws), ws)
            }
            _ => false,
        }
    }

    /// True when every word of four letters or more in `from..to` is capitalised (a
    /// headline). Only lines of up to 200 bytes are read.
    fn title_case(&self, from: usize, to: usize) -> bool {
        if to - from > 200 {
            return false;
        }
        let line = &self.text[from..to];
        let mut long = 0;
        for w in line.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().count() >= 4 {
                long += 1;
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    return false;
                }
            }
        }
        long > 0
    }

    // ----- multi-byte characters, quotes, bullets --------------------------------------

    fn multibyte(&mut self, i: usize) -> usize {
        let Some(c) = char_at(self.text, i) else {
            return i + 1;
        };
        if c == '…' || is_strong_terminal(c) || is_wide_terminal(c) {
            return self.terminal(i);
        }
        if chars::is_line_break(c) {
            return self.line_break(i);
        }
        if matches!(c, '—' | '–' | '―') {
            return self.dash(i, c.len_utf8());
        }
        match c {
            '‘' | '’' => self.single_quote(i, c),
            _ if is_bullet(c) => self.bullet(i),
            _ => {}
        }
        i + c.len_utf8()
    }

    /// A bullet after a space starts a new sentence.
    fn bullet(&mut self, i: usize) {
        let cs = self.content_start();
        if cs >= i {
            self.item = true;
            return;
        }
        if char_before(self.text, i).is_some_and(char::is_whitespace) {
            self.cut(i);
            self.content = Some(i);
            self.item = true;
        }
    }

    /// Track single quotations: `‘` (or `'` after a space, before a word) opens one; `’`
    /// (or `'`) after a non-space and before a non-letter closes it.
    fn single_quote(&mut self, i: usize, c: char) {
        let before = char_before(self.text, i);
        let after = char_at(self.text, i + c.len_utf8());
        let after_word = after.is_some_and(char::is_alphanumeric);
        let before_space =
            !before.is_some_and(|p| !(p.is_whitespace() || is_opener(p) || is_dash(p)));
        if self.squote.is_some() {
            if c != '‘' && !before_space && !after_word {
                self.squote = None;
                self.pending.clear();
            }
            return;
        }
        let opens = match c {
            '‘' => after.is_some_and(|a| !a.is_whitespace()),
            '\'' => before_space && after_word,
            _ => false,
        };
        if opens {
            self.squote = Some(i);
        }
    }

    /// A dash standing alone before a word that starts sentences ends an unfinished one:
    /// "We need a — Do you have ...". Returns where to go on.
    fn dash(&mut self, i: usize, len: usize) -> usize {
        let end = i + len;
        if !char_before(self.text, i).is_some_and(char::is_whitespace)
            || self.b.get(end) != Some(&b' ')
        {
            return end;
        }
        let cs = self.content_start();
        if cs >= i {
            return end;
        }
        // Only after a lowercase word ("We need a — Do"), not after a name or a number
        // ("Taipei, Taiwan — The").
        let before = self.text[..i].trim_end();
        if !before
            .rsplit(char::is_whitespace)
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
        {
            return end;
        }
        let next = self.next_token(end + 1);
        if next.kind != Kind::Upper {
            return end;
        }
        let (word, initial) = self.upper_word(next.word.0);
        if !initial && self.words.is_starter(word) {
            self.cut(end);
        }
        end
    }

    /// A run of five or more `=`, `_`, `*`, `~`, `#` or `-` (a rule line) ends the sentence
    /// it closes. Returns the end of the run.
    fn rule_line(&mut self, i: usize) -> usize {
        let b = self.b;
        let c = b[i];
        let mut e = i;
        while e < b.len() && b[e] == c {
            e += 1;
        }
        if e - i >= 5 && e < b.len() && space_len(self.text, e) > 0 {
            self.cut(e);
        }
        e
    }

    /// A letter closing ("Regards,", "Sincerely,") standing at the start of a sentence ends
    /// it; the name follows.
    fn comma(&mut self, i: usize) -> usize {
        let b = self.b;
        if b.get(i + 1) != Some(&b' ') || !b.get(i + 2).is_some_and(u8::is_ascii_uppercase) {
            return i + 1;
        }
        let cs = self.content_start();
        if cs >= i || i - cs > 24 {
            return i + 1;
        }
        if self.words.is_closing(&self.text[cs..i]) {
            self.cut(i + 1);
        }
        i + 1
    }

    /// `Kay Mann 04/26/2001 07:17 AM Will you ...`: the time stamp of a forwarded message
    /// is a sentence of its own. Called at the colon of the time.
    fn timestamp(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let n = b.len();
        let digit = |p: usize| b.get(p).is_some_and(u8::is_ascii_digit);
        if !(digit(i + 1) && digit(i + 2) && digit(i - 1)) {
            return None;
        }
        let ts = if i >= 2 && digit(i - 2) { i - 2 } else { i - 1 };
        if ts < 2 || b[ts - 1] != b' ' {
            return None;
        }
        // The date before: d/m/yy .. dd/mm/yyyy.
        let de = ts - 1;
        let mut ds = de;
        while ds > 0 && de - ds < 10 && (b[ds - 1].is_ascii_digit() || b[ds - 1] == b'/') {
            ds -= 1;
        }
        let date = &b[ds..de];
        if date.iter().filter(|&&c| c == b'/').count() != 2
            || date.len() < 6
            || !(ds == 0 || is_ascii_space(b[ds - 1]))
        {
            return None;
        }
        let mut e = i + 3;
        if b.get(e) == Some(&b':') && digit(e + 1) && digit(e + 2) {
            e += 3;
        }
        if e + 3 <= n
            && b[e] == b' '
            && matches!(&b[e + 1..e + 3], b"AM" | b"PM" | b"am" | b"pm")
            && (e + 3 == n || !b[e + 3].is_ascii_alphanumeric())
        {
            e += 3;
        }
        // Before the date only after a name or an address, not "on 08/16/2000".
        let before = self.text[..ds].trim_end();
        let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if prev_word.ends_with('>') || prev_word.starts_with(|c: char| c.is_uppercase()) {
            self.cut(ds);
        }
        if e < n && space_len(self.text, e) > 0 {
            self.cut(e);
        }
        Some(e)
    }

    /// A photo credit ("Image: Nick Moreau.") starts a sentence of its own.
    fn colon(&mut self, i: usize) -> usize {
        if i > 0 {
            if let Some(end) = self.timestamp(i) {
                return end;
            }
        }
        if self.b.get(i + 1) != Some(&b' ') {
            return i + 1;
        }
        let lo = i.saturating_sub(12);
        let mut ts = i;
        while ts > lo && self.b[ts - 1].is_ascii_alphabetic() {
            ts -= 1;
        }
        if ts == i
            || !(ts == 0 || is_ascii_space(self.b[ts - 1]))
            || !self.b[ts].is_ascii_uppercase()
        {
            return i + 1;
        }
        if self.words.is_caption(&self.text[ts..i]) && self.content_start() < ts {
            self.cut(ts);
        }
        i + 1
    }

    // ----- lists -----------------------------------------------------------------------

    /// True when only bullets and spaces stand between the sentence start and `ts`.
    fn at_item_start(&mut self, ts: usize) -> bool {
        let cs = self.content_start();
        if cs >= ts {
            return true;
        }
        ts - cs <= 8
            && self.text[cs..ts]
                .chars()
                .all(|c| c.is_whitespace() || is_bullet(c) || c == '*' || is_dash(c))
    }

    /// The token (of at most 8 ASCII bytes) ending at `i`: its start, if a space, a bullet
    /// or the text start stands before it.
    fn label_token_start(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut ts = i;
        while ts > 0 && b[ts - 1] < 0x80 && !is_ascii_space(b[ts - 1]) {
            ts -= 1;
            if i - ts > 6 {
                return None;
            }
        }
        if ts == i {
            return None;
        }
        if ts > 0 && b[ts - 1] >= 0x80 {
            let c = char_before(self.text, ts)?;
            if !(c.is_whitespace() || is_bullet(c)) {
                return None;
            }
        }
        Some(ts)
    }

    /// A list label ending at `i` (`.` or `)`), written in `style`, followed by a space or
    /// the end of the text at `end`. Returns where to go on when it is one.
    fn list_label(&mut self, ts: usize, word: &str, style: Style, end: usize) -> Option<usize> {
        if end < self.b.len() && space_len(self.text, end) == 0 {
            return None;
        }
        let label = Label::parse(word)?;
        if self.at_item_start(ts) {
            let opens = match (label, style) {
                (Label::Letter(_), Style::Dot) => label.opens_list(),
                _ => true,
            };
            if opens {
                self.list = Some(List { label, style });
            }
            self.item = true;
            return Some(end);
        }
        let list = self.list?;
        if list.style == style && label.follows(list.label) {
            self.cut(ts);
            self.content = Some(ts);
            self.list = Some(List { label, style });
            self.item = true;
            return Some(end);
        }
        None
    }

    /// `1.` or `1.)` at a period.
    fn dot_label(&mut self, i: usize) -> Option<usize> {
        // Quick refusal: a label is digits, one letter, or a Roman numeral.
        let b = self.b;
        let last = *b.get(i.checked_sub(1)?)?;
        let one_letter = i < 2 || !b[i - 2].is_ascii_alphanumeric();
        if !(last.is_ascii_digit() || one_letter || b"ivxIVX".contains(&last)) {
            return None;
        }
        let ts = self.label_token_start(i)?;
        let word = &self.text[ts..i];
        if word.starts_with('(') {
            return None;
        }
        if self.b.get(i + 1) == Some(&b')') {
            self.list_label(ts, word, Style::DotParen, i + 2)
        } else {
            self.list_label(ts, word, Style::Dot, i + 1)
        }
    }

    /// `1)` or `(1)` at a closing parenthesis.
    fn paren(&mut self, i: usize) -> usize {
        if let Some(ts) = self.label_token_start(i) {
            let word = &self.text[ts..i];
            let (style, w) = match word.strip_prefix('(') {
                Some(w) => (Style::Enclosed, w),
                None => (Style::Paren, word),
            };
            if let Some(next) = self.list_label(ts, w, style, i + 1) {
                return next;
            }
        }
        i + 1
    }

    /// A list label starting at `m` (`2.`, `b)`, `(iv)`, `a.`) followed by a space.
    fn label_at(&self, m: usize) -> bool {
        let b = self.b;
        let mut p = m;
        let enclosed = b.get(p) == Some(&b'(');
        if enclosed {
            p += 1;
        }
        let ls = p;
        if let Some(eight) = b.get(p..p + 8) {
            // (the letters and digits of the label, five at most, found with one mask: a loop
            // mispredicted its exit at most words)
            let others = !crate::swar::alnum_mask(crate::swar::load(eight)) & crate::swar::HIGH;
            p += ((others.trailing_zeros() / 8) as usize).min(5);
        } else {
            while p < b.len() && p - ls < 5 && b[p].is_ascii_alphanumeric() {
                p += 1;
            }
        }
        if p == ls || !matches!(b.get(p), Some(b'.' | b')')) {
            return false;
        }
        let Some(label) = Label::parse(&self.text[ls..p]) else {
            return false;
        };
        let rest = &b[p..];
        let (ok, len) = if enclosed {
            (rest.first() == Some(&b')'), 1)
        } else if rest.starts_with(b".)") {
            (true, 2)
        } else if rest.first() == Some(&b')') {
            (true, 1)
        } else if rest.first() == Some(&b'.') {
            // `2.` and `a.`/`A.` only: other letters with a period are initials.
            (
                matches!(label, Label::Number(_))
                    || matches!(label, Label::Letter(c) if c == b'a' || c == b'A'),
                1,
            )
        } else {
            (false, 0)
        };
        ok && (p + len >= b.len() || is_ascii_space(b[p + len]))
    }

    // ----- terminal punctuation --------------------------------------------------------

    /// Terminal punctuation starting at `i`: judge it, return where to go on.
    fn terminal(&mut self, i: usize) -> usize {
        let text = self.text;
        let b = self.b;
        let n = b.len();
        if b[i] == b'.' && b.get(i + 1) != Some(&b'.') {
            if let Some(next) = self.dot_label(i) {
                return next;
            }
            // The common case, "word. The": after a lowercase word, a space and a
            // capitalised word, only the word before decides (no marks, notes or labels can
            // stand between).
            if i >= 2
                && b.get(i + 1) == Some(&b' ')
                && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
                && b.get(i + 3).is_some_and(u8::is_ascii_lowercase)
                && b[i - 1].is_ascii_lowercase()
                && b[i - 2].is_ascii_lowercase()
                && self.prev_word(i) == Prev::Plain
            {
                self.cut(i + 1);
                return i + 2;
            }
        }
        // The cluster: . ! ? … and spaced dots (". . .").
        let mut j = i;
        let mut dots = 0usize;
        let mut strong = false;
        let mut wide = false;
        let mut ellipsis = false;
        let mut spaced = false;
        while j < n {
            let c = b[j];
            match c {
                b'.' => {
                    dots += 1;
                    j += 1;
                }
                b'!' | b'?' => {
                    strong = true;
                    j += 1;
                }
                b' ' if dots > 0
                    && !strong
                    && b.get(j + 1) == Some(&b'.')
                    && !b
                        .get(j + 2)
                        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'.') =>
                {
                    spaced = true;
                    j += 1;
                }
                0x80.. => match char_at(text, j) {
                    Some('…') => {
                        ellipsis = true;
                        j += '…'.len_utf8();
                    }
                    Some(ch) if is_strong_terminal(ch) || is_wide_terminal(ch) => {
                        strong |= is_strong_terminal(ch);
                        wide |= is_wide_terminal(ch);
                        j += ch.len_utf8();
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        let ellipsis = ellipsis || dots >= 2;
        let attached = char_before(text, i).is_some_and(|c| !c.is_whitespace() && !is_opener(c));

        // Closing quotes and brackets, then footnote markers.
        let mut k = j;
        let mut closer = false;
        for _ in 0..8 {
            let Some(c) = char_at(text, k) else { break };
            if !is_closer(c) {
                break;
            }
            let after = char_at(text, k + c.len_utf8());
            if matches!(c, '"' | '\'') && after.is_some_and(char::is_alphanumeric) {
                break; // it opens the next sentence
            }
            if matches!(c, '\'' | '’') && self.squote.is_some() {
                self.squote = None;
                self.pending.clear();
            }
            closer = true;
            k += c.len_utf8();
        }
        k = self.footnotes(i, k, closer || strong || ellipsis);

        if k >= n {
            return n;
        }
        if space_len(text, k) == 0 {
            if wide {
                self.cut(k);
            } else if !closer && !strong && !ellipsis && dots == 1 && self.glued(i) {
                self.cut(i + char_at(text, i).map_or(1, char::len_utf8));
            } else if !closer && (ellipsis || self.b[i..j].contains(&b'?')) && self.glued_after(k) {
                // "recovery...Out of", "foreigners?thanks": run together, but two sentences.
                self.cut(k);
            }
            return k;
        }
        let (m, breaks) = self.skip_space(k);
        if breaks >= 2 {
            return self.paragraph_break(k, m);
        }
        if m >= n {
            return m;
        }
        let newline = breaks == 1;
        if newline {
            self.line_start = m;
        }
        let next = self.next_token(m);
        let upperish = matches!(
            next.kind,
            Kind::Upper | Kind::Digit | Kind::Quote | Kind::Bracket | Kind::Bullet | Kind::Marker
        );
        let cut = if wide {
            Some(k)
        } else if strong {
            // "[16: firma? 13:28]": a number after ? or ! goes on.
            let upper = upperish && next.kind != Kind::Digit && !self.relative_aside(&next);
            // A question goes on into a lowercase word only inside a quotation or
            // bracket ("“Why?” she asked"); "Yahoo! in" and "alone! he yelled" go on.
            let question = self.b[i..j].contains(&b'?') || text[i..j].contains('？');
            // "awesome place!!! it was worth": repeated marks end it anyway.
            let lower = next.kind == Kind::Lower
                && (newline || (!closer && ((CUT_STRONG_LOWER && question) || j - i >= 2)));
            (upper || lower).then_some(k)
        } else if ellipsis {
            if char_before(text, i) == Some('[') && closer {
                // "[...]" may stand for the end of a sentence.
                (next.kind == Kind::Upper).then_some(k)
            } else if !attached {
                // Standing apart it marks an omission, unless four dots end the sentence too.
                (dots >= 4 && upperish).then_some(k)
            } else if spaced && dots >= 4 && upperish {
                // "compounds. . . . The": the first mark ends it, the rest follows (the
                // mark may be "…", three bytes).
                Some(i + char_at(text, i).map_or(1, char::len_utf8))
            } else {
                (upperish && next.kind != Kind::Digit).then_some(k)
            }
        } else if closer {
            (upperish && !self.relative_aside(&next)).then_some(k)
        } else {
            self.judge_period(i, &next, upperish, newline).then_some(k)
        };
        if let Some(p) = cut {
            self.cut(p);
        }
        m
    }

    /// Footnote markers after terminal punctuation stay with the sentence: `.[7][8]`,
    /// `. [17]`, `.11 12`, `[...]`. Returns the end of the last one.
    fn footnotes(&self, i: usize, mut k: usize, other_marks: bool) -> usize {
        let b = self.b;
        let n = b.len();
        // Digits glued to a period after a word: "consultation.11 12 Take".
        if !other_marks
            && k == i + 1
            && char_before(self.text, i).is_some_and(|c| c.is_alphabetic() || c == ')')
        {
            let digits = |p: usize| {
                let mut q = p;
                while q < n && q - p < 4 && b[q].is_ascii_digit() {
                    q += 1;
                }
                (q > p && q - p <= 3 && (q >= n || is_ascii_space(b[q]))).then_some(q)
            };
            if let Some(q) = digits(k) {
                k = q;
                for _ in 0..3 {
                    match (b.get(k), digits(k + 1)) {
                        (Some(b' '), Some(q)) => k = q,
                        _ => break,
                    }
                }
                return k;
            }
        }
        // A note number standing after the sentence: "rights. 4 Even though".
        if b.get(k) == Some(&b' ') {
            let mut q = k + 1;
            while q < n && q - k <= 3 && b[q].is_ascii_digit() {
                q += 1;
            }
            if (2..=3).contains(&(q - k))
                && b.get(q) == Some(&b' ')
                && b.get(q + 1).is_some_and(u8::is_ascii_uppercase)
                && b.get(q + 2).is_some_and(u8::is_ascii_lowercase)
            {
                return q;
            }
        }
        // Bracketed markers.
        for _ in 0..4 {
            let mut p = k;
            if b.get(p) == Some(&b' ') && b.get(p + 1) == Some(&b'[') {
                p += 1;
            }
            if b.get(p) != Some(&b'[') {
                break;
            }
            let Some(close) = b[p + 1..(p + 14).min(n)].iter().position(|&c| c == b']') else {
                break;
            };
            let inner = &self.text[p + 1..p + 1 + close];
            let ok = !inner.is_empty()
                && (inner
                    .bytes()
                    .all(|c| c.is_ascii_digit() || b", -".contains(&c))
                    && inner.bytes().any(|c| c.is_ascii_digit())
                    || inner.chars().all(|c| c.is_ascii_digit() || c == '–')
                    || inner == "..."
                    || inner == "…");
            if !ok {
                break;
            }
            k = p + close + 2;
        }
        k
    }

    /// A period with no space after it: "world.Today", "1,000.That" end a sentence;
    /// "Jane.Doe@example.com", "www.Example.com", "U.S.A" do not.
    fn glued(&self, i: usize) -> bool {
        let b = self.b;
        let n = b.len();
        if i == 0 || i + 2 >= n {
            return false;
        }
        let p = b[i - 1];
        if !(p.is_ascii_lowercase() || p.is_ascii_digit())
            || !b[i + 1].is_ascii_uppercase()
            || !b[i + 2].is_ascii_lowercase()
        {
            return false;
        }
        // The whole token, within a window: no addresses.
        let lo = ceil_boundary(self.text, i.saturating_sub(WORD_WINDOW));
        let mut ts = i;
        while ts > lo && !is_ascii_space(b[ts - 1]) {
            ts -= 1;
        }
        let hi = (i + WORD_WINDOW).min(n);
        // `te` stops at an ASCII space or at `hi`; only bytes are read past `i + 1`.
        let mut te = i + 1;
        while te < hi && !is_ascii_space(b[te]) {
            te += 1;
        }
        let token = &b[ts..te];
        if token.contains(&b'@')
            || token.contains(&b'/')
            || token.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."))
        {
            return false;
        }
        // The word after must not run on into another dotted part ("Awesome.com").
        let after = &b[i + 1..te];
        if after
            .windows(2)
            .any(|w| w[0] == b'.' && w[1].is_ascii_alphanumeric())
        {
            return false;
        }
        // The word before (from the last period) must be a word, not an abbreviation.
        let mut ws = i;
        while ws > ts && b[ws - 1] != b'.' {
            ws -= 1;
        }
        let before = &self.text[ws..i];
        before.len() >= 2 && self.words.abbreviation(before).is_none()
    }

    /// A word glued to an ellipsis or question mark at `k`: a capitalised word after an
    /// ellipsis, any word after `?`, but not a query string (`?id=5&x=1`).
    fn glued_after(&self, k: usize) -> bool {
        let b = self.b;
        let Some(&c) = b.get(k) else { return false };
        let question = k > 0 && b[k - 1] == b'?';
        if !(c.is_ascii_uppercase() || question && c.is_ascii_lowercase())
            || !b.get(k + 1).is_some_and(u8::is_ascii_lowercase)
        {
            return false;
        }
        let hi = (k + WORD_WINDOW).min(b.len());
        let mut te = k;
        while te < hi && !is_ascii_space(b[te]) {
            te += 1;
        }
        !b[k..te].iter().any(|c| b"=&/.@".contains(c))
    }

    /// The word before the period at `i`.
    fn prev_word(&self, i: usize) -> Prev {
        let text = self.text;
        let lo = ceil_boundary(text, i.saturating_sub(WORD_WINDOW));
        let b = self.b;
        // Most words before a period are ASCII letters after a space (`said.`): such a word
        // is no opener, number, dotted acronym nor glued pair, so only the abbreviation table
        // and its length decide. Its letters are stepped over eight bytes at a time.
        let mut ts = ascii_letters_before(b, lo, i);
        if ts < i && ts > lo && is_ascii_space(b[ts - 1]) {
            let word = &text[ts..i];
            return match self.words.abbreviation(word) {
                Some(class) => Prev::Abbrev(class),
                None if word.len() == 1 => Prev::Initial,
                None => Prev::Plain,
            };
        }
        while ts > lo && b[ts - 1] < 0x80 && !is_ascii_space(b[ts - 1]) {
            ts -= 1;
        }
        if ts > lo && b[ts - 1] >= 0x80 {
            for (p, c) in text[lo..ts].char_indices().rev() {
                if c.is_whitespace() {
                    break;
                }
                ts = lo + p;
            }
        }
        if ts == lo && lo > 0 && !char_before(text, lo).is_some_and(char::is_whitespace) {
            return Prev::Plain; // a long token
        }
        let word = text[ts..i].trim_start_matches(is_opener);
        if word.is_empty() {
            return Prev::Empty;
        }
        if is_number(word) {
            return Prev::Number;
        }
        if let Some(class) = self.words.abbreviation(word) {
            return Prev::Abbrev(class);
        }
        let mut cs = word.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if c.is_alphabetic() {
                return Prev::Initial;
            }
        }
        if !word.contains('.') {
            return Prev::Plain;
        }
        if is_dotted_acronym(word) {
            return Prev::Abbrev(AbbrevClass::General);
        }
        // "Tuesday.Mr": the part after a glued period.
        if let Some((_, last)) = word.rsplit_once('.') {
            if let Some(class) = self.words.abbreviation(last) {
                return Prev::Abbrev(class);
            }
        }
        Prev::Plain
    }

    /// A bracket opening a relative clause, `(Which was very likely true.)`, continues the
    /// sentence before it.
    fn relative_aside(&self, next: &Next) -> bool {
        if next.kind != Kind::Bracket {
            return false;
        }
        let rest = &self.text[next.word.0..];
        let word: String = rest
            .chars()
            .skip(1)
            .take_while(|c| c.is_alphabetic())
            .take(6)
            .collect();
        matches!(
            word.to_ascii_lowercase().as_str(),
            "which" | "who" | "whom" | "whose"
        )
    }

    /// Does a single period at `i`, followed by a space and `next`, end the sentence?
    fn judge_period(&self, i: usize, next: &Next, upperish: bool, newline: bool) -> bool {
        let upper_word = || {
            let (word, initial) = self.upper_word(next.word.0);
            (word, initial)
        };
        let starts = || {
            next.kind == Kind::Upper && {
                let (word, initial) = upper_word();
                !initial && self.words.is_starter(word)
            }
        };
        let strong_next = matches!(next.kind, Kind::Quote | Kind::Bullet | Kind::Marker);
        match self.prev_word(i) {
            Prev::Empty => upperish,
            Prev::Number => upperish || (next.kind == Kind::Lower && newline),
            Prev::Initial => strong_next || starts(),
            Prev::Abbrev(AbbrevClass::Prefix) => false,
            Prev::Abbrev(AbbrevClass::Number | AbbrevClass::Month) => {
                matches!(next.kind, Kind::Quote | Kind::Bullet) || starts()
            }
            Prev::Abbrev(AbbrevClass::Time) => {
                (next.kind == Kind::Upper && !self.words.is_time_follower(upper_word().0))
                    || strong_next
            }
            Prev::Abbrev(AbbrevClass::General) => {
                (next.kind == Kind::Upper && newline) || strong_next || starts()
            }
            Prev::Plain => upperish || (next.kind == Kind::Lower && (CUT_PLAIN_LOWER || newline)),
        }
    }

    /// The capitalised word starting at `m` (letters, digits, apostrophes; at most
    /// `WORD_WINDOW` bytes), and whether it is an initial (one letter and a period).
    fn upper_word(&self, m: usize) -> (&str, bool) {
        let b = self.b;
        let hi = (m + WORD_WINDOW).min(b.len());
        let mut e = m;
        while e < hi && (b[e].is_ascii_alphanumeric() || b[e] == b'\'') {
            e += 1;
        }
        if e < hi && b[e] >= 0x80 {
            // Not ASCII: go on char by char.
            for (p, ch) in self.text[e..].char_indices() {
                if e + p >= hi || !(ch.is_alphanumeric() || ch == '\'' || ch == '’') {
                    e += p;
                    break;
                }
                if e + p + ch.len_utf8() >= self.text.len() {
                    e = self.text.len();
                    break;
                }
            }
        }
        let word = &self.text[m..e];
        let mut cs = word.chars();
        let one = cs.next().is_some() && cs.next().is_none();
        (word, one && b.get(e) == Some(&b'.'))
    }

    /// What starts at `m` (a non-space byte).
    fn next_token(&self, m: usize) -> Next {
        let text = self.text;
        let mut next = Next {
            kind: Kind::Other,
            word: (m, m),
        };
        let Some(c) = char_at(text, m) else {
            return next;
        };
        if self.label_at(m) {
            next.kind = Kind::Marker;
            return next;
        }
        if c.is_ascii_alphabetic() {
            // (most tokens after a stop: no bullet, digit or mark, so their case decides)
            next.kind = if c.is_ascii_lowercase() {
                Kind::Lower
            } else {
                Kind::Upper
            };
            return next;
        }
        next.kind = if is_bullet(c) {
            Kind::Bullet
        } else if c.is_numeric() || matches!(c, '$' | '€' | '£' | '¥') {
            Kind::Digit
        } else if c.is_alphabetic() {
            if c.is_lowercase() {
                Kind::Lower
            } else {
                Kind::Upper
            }
        } else if c == '.' || c == '…' {
            Kind::Ellipsis
        } else if chars::is_pictograph(c) {
            Kind::Upper
        } else if is_opener(c) {
            // Look through the opening marks at what they open.
            let inner = text[m..]
                .chars()
                .take(4)
                .find(|&x| !is_opener(x))
                .unwrap_or(' ');
            if matches!(c, '(' | '[' | '{' | '（') {
                Kind::Bracket
            } else if inner.is_lowercase() {
                Kind::Lower
            } else {
                Kind::Quote
            }
        } else if is_dash(c) {
            // "? - Posted like ..." ends; "voila! -- you have" does not.
            let after = text[m..]
                .chars()
                .take(8)
                .find(|&x| !is_dash(x) && !x.is_whitespace())
                .unwrap_or(' ');
            if after.is_uppercase() || after.is_numeric() || is_opener(after) {
                Kind::Upper
            } else {
                Kind::Other
            }
        } else {
            Kind::Other
        };
        next
    }
}

/// Where the run of ASCII letters ending at `end` begins, not before `lo`: eight bytes at a
/// time, then byte by byte.
fn ascii_letters_before(b: &[u8], lo: usize, end: usize) -> usize {
    let mut ts = end;
    while ts >= lo + 8 {
        let x = crate::swar::load(&b[ts - 8..ts]);
        let others = !crate::swar::letter_mask(x) & crate::swar::HIGH;
        if others != 0 {
            // (the last byte that is no letter)
            return ts - (others.leading_zeros() / 8) as usize;
        }
        ts -= 8;
    }
    while ts > lo && b[ts - 1].is_ascii_alphabetic() {
        ts -= 1;
    }
    ts
}

/// The first char boundary at or after `p`.
fn ceil_boundary(text: &str, mut p: usize) -> usize {
    while p < text.len() && !text.is_char_boundary(p) {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        Segmenter::default()
            .segment(text)
            .iter()
            .map(|s| s.span.as_str(text))
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert!(split("").is_empty());
        assert!(split(" \n\n ").is_empty());
    }
}
