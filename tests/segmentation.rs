//! Sentence segmentation: table-driven cases written for this project, invariants, and
//! linear time on adversarial input.

use proptest::prelude::*;
use sayso::Segmenter;

fn split(text: &str) -> Vec<&str> {
    sayso::segment(text)
        .iter()
        .map(|s| s.span.as_str(text))
        .collect()
}

/// `t!(name, input, [expected sentences...])`
macro_rules! t {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<&str> = vec![$($want),*];
            assert_eq!(split($text), want, "input: {:?}", $text);
        }
    };
}

// Plain punctuation.
t!(
    period,
    "The dam held. The town slept.",
    ["The dam held.", "The town slept."]
);
t!(
    question,
    "Who paid? Nobody knows.",
    ["Who paid?", "Nobody knows."]
);
t!(
    exclamation,
    "It worked! We cheered.",
    ["It worked!", "We cheered."]
);
t!(double_marks, "Really?! Yes.", ["Really?!", "Yes."]);
t!(
    no_final_mark,
    "One line without an end",
    ["One line without an end"]
);
t!(empty, "", []);
t!(only_space, " \n\t\n ", []);

// Abbreviations, initials, acronyms.
t!(
    titles,
    "Dr. Anna Weiss met Sen. Tom Hale. They spoke.",
    ["Dr. Anna Weiss met Sen. Tom Hale.", "They spoke."]
);
t!(
    military,
    "Lt. Col. Mark Dunn arrived.",
    ["Lt. Col. Mark Dunn arrived."]
);
t!(
    months,
    "It opened on Sept. 4 and closed in Jan. 2020.",
    ["It opened on Sept. 4 and closed in Jan. 2020."]
);
t!(
    company_mid,
    "Shares of Baxter Corp. rose.",
    ["Shares of Baxter Corp. rose."]
);
t!(
    company_end,
    "He joined Baxter Corp. It was 1999.",
    ["He joined Baxter Corp.", "It was 1999."]
);
t!(us_mid, "The U.S. Navy sailed.", ["The U.S. Navy sailed."]);
t!(
    us_end,
    "She moved to the U.S. The move was hard.",
    ["She moved to the U.S.", "The move was hard."]
);
t!(
    uk_mid,
    "Prices in the U.K. rose 3 percent.",
    ["Prices in the U.K. rose 3 percent."]
);
t!(
    time_mid,
    "Polls close at 8 p.m. Tuesday in most states.",
    ["Polls close at 8 p.m. Tuesday in most states."]
);
t!(
    time_end,
    "The talks ended at 4 a.m. Both sides left.",
    ["The talks ended at 4 a.m.", "Both sides left."]
);
t!(
    initials,
    "J. R. Hartley wrote it. Later he left.",
    ["J. R. Hartley wrote it.", "Later he left."]
);
t!(
    middle_initial,
    "Ask Maria T. Lopez.",
    ["Ask Maria T. Lopez."]
);
t!(
    pronoun_i_ends,
    "It was you and I. Then we left.",
    ["It was you and I.", "Then we left."]
);
t!(
    number_abbrev,
    "He wore No. 9 all season.",
    ["He wore No. 9 all season."]
);
t!(page, "See p. 12 for details.", ["See p. 12 for details."]);
t!(
    versus,
    "It was Leeds vs. Hull on Friday.",
    ["It was Leeds vs. Hull on Friday."]
);
t!(
    eg_ie,
    "Fruit, e.g. plums, and nuts, i.e. almonds.",
    ["Fruit, e.g. plums, and nuts, i.e. almonds."]
);
t!(
    etc_end,
    "Bring pens, paper, etc. The rest is here.",
    ["Bring pens, paper, etc.", "The rest is here."]
);
t!(
    etc_mid,
    "Bring pens, paper, etc. to class.",
    ["Bring pens, paper, etc. to class."]
);
t!(
    dotted_acronym_name,
    "They shop at K.B. Grocers weekly.",
    ["They shop at K.B. Grocers weekly."]
);
t!(
    glued_abbreviation,
    "It rained on Friday.Mr. Hale left.",
    ["It rained on Friday.", "Mr. Hale left."]
);

// Numbers, money, versions.
t!(
    decimal,
    "Growth was 2.5 percent. Rates fell.",
    ["Growth was 2.5 percent.", "Rates fell."]
);
t!(
    money_end,
    "It cost $12.50. He paid.",
    ["It cost $12.50.", "He paid."]
);
t!(
    version,
    "Install version 3.10.2 first.",
    ["Install version 3.10.2 first."]
);
t!(
    number_end,
    "The crowd was 40,000. Police came.",
    ["The crowd was 40,000.", "Police came."]
);
t!(
    glued_sentences,
    "We won.Then we lost.",
    ["We won.", "Then we lost."]
);
t!(
    next_starts_with_number,
    "The vote failed. 12 members abstained.",
    ["The vote failed.", "12 members abstained."]
);

// Ellipses.
t!(
    ellipsis_end,
    "I waited... Nobody came.",
    ["I waited...", "Nobody came."]
);
t!(
    ellipsis_mid,
    "I waited... and waited.",
    ["I waited... and waited."]
);
t!(ellipsis_char, "Well… maybe. Yes.", ["Well… maybe.", "Yes."]);
t!(
    spaced_omission,
    "He said the plan . . . would work.",
    ["He said the plan . . . would work."]
);
t!(
    four_dot,
    "It ended there. . . . Then silence.",
    ["It ended there.", ". . . Then silence."]
);

// Quotations and brackets.
t!(
    question_in_quote,
    "“Are you coming?” she asked. He was.",
    ["“Are you coming?” she asked.", "He was."]
);
t!(
    period_in_closing_quote,
    "It was an ‘unlawful raid.’ Officials denied it.",
    ["It was an ‘unlawful raid.’", "Officials denied it."]
);
t!(
    double_quote_end,
    "He said, \"We will win.\" Nobody believed him.",
    ["He said, \"We will win.\"", "Nobody believed him."]
);
t!(
    quote_continues,
    "\"Stop!\" he shouted.",
    ["\"Stop!\" he shouted."]
);
t!(
    exclamation_name,
    "She joined Yahoo! last year.",
    ["She joined Yahoo! last year."]
);
t!(
    paren_inside,
    "The mayor (elected in 2019.) spoke.",
    ["The mayor (elected in 2019.) spoke."]
);
t!(
    paren_sentence,
    "It rained. (The match went on.) We won.",
    ["It rained.", "(The match went on.)", "We won."]
);
t!(
    single_quote_held,
    "‘I came. I saw,’ said Lee. Then he left.",
    ["‘I came. I saw,’ said Lee.", "Then he left."]
);
t!(
    footnote,
    "It is old.[3] New work followed.",
    ["It is old.[3]", "New work followed."]
);
t!(
    footnote_spaced,
    "It is old. [12] New work followed.",
    ["It is old. [12]", "New work followed."]
);

// URLs and e-mail addresses.
t!(
    url,
    "Go to https://example.org/a.b.html. It is free.",
    ["Go to https://example.org/a.b.html.", "It is free."]
);
t!(
    email,
    "Write to ann.lee@example.com. She answers.",
    ["Write to ann.lee@example.com.", "She answers."]
);
t!(
    domain,
    "Visit www.Example.com today.",
    ["Visit www.Example.com today."]
);

// Lists.
t!(
    numbered_inline,
    "1. Eggs 2. Milk 3. Bread",
    ["1. Eggs", "2. Milk", "3. Bread"]
);
t!(
    paren_list,
    "a) red b) green c) blue",
    ["a) red", "b) green", "c) blue"]
);
t!(
    roman_list,
    "(i) First point. (ii) Second point.",
    ["(i) First point.", "(ii) Second point."]
);
t!(
    bullets,
    "• Cats • Dogs • Birds",
    ["• Cats", "• Dogs", "• Birds"]
);
t!(
    number_in_text,
    "Items 1. and 2. were sold.",
    ["Items 1. and 2. were sold."]
);

// Lines and paragraphs.
t!(
    blank_line,
    "No period here\n\nNext paragraph",
    ["No period here", "Next paragraph"]
);
t!(
    blank_line_after_abbrev,
    "He met Dr.\n\nSmith",
    ["He met Dr.", "Smith"]
);
t!(
    wrapped_line,
    "The council voted to\nclose the road.",
    ["The council voted to\nclose the road."]
);
t!(
    headline_line,
    "Storm Hits Coast\nThe storm arrived at noon.",
    ["Storm Hits Coast", "The storm arrived at noon."]
);
t!(
    lines_with_periods,
    "First line.\nSecond line.",
    ["First line.", "Second line."]
);
t!(
    short_lowercase_lines,
    "apples\npears\nplums",
    ["apples", "pears", "plums"]
);
t!(
    dateline,
    "LONDON (Reuters) — The bank raised rates.",
    ["LONDON (Reuters) —", "The bank raised rates."]
);
t!(
    caption,
    "The crowd at the gate Photo: Ana Ruiz.",
    ["The crowd at the gate", "Photo: Ana Ruiz."]
);
t!(
    dash_unfinished,
    "I think we — Do you hear that?",
    ["I think we —", "Do you hear that?"]
);

// Other scripts.
t!(cjk, "我来了。你呢？好。", ["我来了。", "你呢？", "好。"]);
t!(
    fullwidth,
    "Test one．Test two．",
    ["Test one．", "Test two．"]
);

#[test]
fn extra_abbreviations() {
    let text = "It weighs approx. ten tons. Then it fell.";
    let plain: Vec<_> = sayso::segment("It costs Ksh. Ten thousand.")
        .iter()
        .map(|s| s.span)
        .collect();
    assert_eq!(plain.len(), 2);
    let seg = Segmenter::new(["Ksh."]);
    assert_eq!(seg.segment("It costs Ksh. Ten thousand.").len(), 1);
    assert_eq!(seg.segment(text).len(), 2);
}

#[test]
fn paragraphs_are_counted() {
    let text = "\n\nOne. Two.\n\nThree.\n\n\n\nFour.";
    let got: Vec<usize> = sayso::segment(text).iter().map(|s| s.paragraph).collect();
    assert_eq!(got, [0, 0, 1, 2]);
}

/// Invariants: trimmed, ordered, non-overlapping, on char boundaries, covering every
/// non-space character.
fn check_invariants(text: &str) {
    let sentences = sayso::segment(text);
    let mut covered = 0usize;
    let mut last_end = 0usize;
    for s in &sentences {
        let span = s.span;
        assert!(span.start < span.end, "empty span in {text:?}");
        assert!(span.start >= last_end, "overlap in {text:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let piece = span.as_str(text);
        assert_eq!(piece, piece.trim(), "untrimmed span in {text:?}");
        assert!(
            text[last_end..span.start].trim().is_empty(),
            "uncovered text in {text:?}"
        );
        covered += piece.chars().filter(|c| !c.is_whitespace()).count();
        last_end = span.end;
    }
    assert!(
        text[last_end..].trim().is_empty(),
        "uncovered tail in {text:?}"
    );
    let non_space = text.chars().filter(|c| !c.is_whitespace()).count();
    assert_eq!(covered, non_space);
    let mut para = 0;
    for s in &sentences {
        assert!(s.paragraph >= para);
        para = s.paragraph;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_on_any_text(text in "\\PC{0,80}") {
        check_invariants(&text);
    }

    #[test]
    fn invariants_on_punctuation_soup(
        text in proptest::collection::vec(
            prop_oneof![
                Just("."), Just(". "), Just("?"), Just("!"), Just("…"), Just("\n"), Just("\n\n"),
                Just(" "), Just("'"), Just("‘"), Just("’"), Just("\""), Just("“"), Just("”"),
                Just("("), Just(")"), Just("["), Just("]"), Just("1"), Just("a"), Just("A"),
                Just("Mr"), Just("U.S"), Just("—"), Just(" -- "), Just("•"), Just("。"),
                Just("i"), Just(":"), Just("Image"), Just("é"), Just("😀"), Just("\u{2029}"),
            ],
            0..60,
        ).prop_map(|v| v.concat())
    ) {
        check_invariants(&text);
    }
}

#[test]
fn invariants_on_own_cases() {
    for text in [
        "“Hi,” she said. 😀 Then — nothing… 中文。 e\u{301}. OK",
        "a.b.c.d. . . . .. ... ….",
        "(((((( [[[[ '''' \"\"\"",
        "1.) 2.) 3.) a. b. c. (i) (ii)",
        "\r\n\r\nx\ry\u{2028}z\u{2029}w",
    ] {
        check_invariants(text);
    }
}

/// Linear time: these would take minutes with a quadratic rule. The test asserts only the
/// result, never a time; a quadratic regression shows as a hanging test.
#[test]
fn adversarial_inputs_finish() {
    let no_spaces = "a".repeat(10_000_000);
    assert_eq!(sayso::segment(&no_spaces).len(), 1);

    let periods = ".".repeat(1_000_000);
    assert_eq!(sayso::segment(&periods).len(), 1);

    let spaced_periods = ". ".repeat(500_000);
    check_invariants(&spaced_periods);

    let quotes = "\"".repeat(100_000) + &"'".repeat(100_000) + &"‘".repeat(100_000);
    check_invariants(&quotes);

    let long_sentence = "word ".repeat(1_000_000) + "end.";
    assert_eq!(sayso::segment(&long_sentence).len(), 1);

    let abbreviations = "Mr. ".repeat(200_000);
    assert_eq!(sayso::segment(&abbreviations).len(), 1);

    let lines = "x\n".repeat(500_000);
    check_invariants(&lines);

    let list = (1..100_000)
        .map(|i| format!("{i}. item "))
        .collect::<String>();
    check_invariants(&list);
}
