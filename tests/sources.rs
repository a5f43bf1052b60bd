//! Source spans, one invented sentence each: for the attribution whose cue is given, the
//! source the rules must find (PolNeAR's majority convention where news writing varies).

use sayso::Analyzer;

/// The source of the attribution whose cue reads `cue` in `text`, `None` when it has none;
/// panics when no attribution has that cue.
fn source_of(text: &str, cue: &str) -> Option<String> {
    let doc = Analyzer::default().analyze(text);
    let a = doc
        .attributions
        .iter()
        .find(|a| a.cue.as_str(text) == cue)
        .unwrap_or_else(|| panic!("no attribution with cue {cue:?} in {text:?}"));
    a.source.map(|s| s.as_str(text).to_owned())
}

/// `s!(name, text, cue, source)`: the attribution with that cue has that source.
macro_rules! s {
    ($name:ident, $text:expr, $cue:expr, $src:expr) => {
        #[test]
        fn $name() {
            let want: Option<&str> = $src.into();
            assert_eq!(source_of($text, $cue).as_deref(), want, "in {:?}", $text);
        }
    };
}

s!(
    modifiers_after_a_clause_word_belong_to_the_head,
    "The ferry may be late, but harbor safety inspectors say it is sound.",
    "say",
    "harbor safety inspectors"
);

s!(
    a_relative_clause_with_its_own_cue_is_no_part_of_the_source,
    "Mayor Dana Holt, who denied the report last week, said the bridge will reopen.",
    "said",
    "Mayor Dana Holt"
);
s!(
    an_apposition_after_the_cue_runs_to_the_sentence_end,
    "“The pier is safe,” said Senator Mara Lind, Democrat of Maine.",
    "said",
    "Senator Mara Lind, Democrat of Maine"
);
s!(
    a_possessive_apposition_after_the_cue_runs_to_the_sentence_end,
    "“The pier is safe,” said Tom Reyes, Hull’s 2019 campaign manager.",
    "said",
    "Tom Reyes, Hull’s 2019 campaign manager"
);
s!(
    according_to_keeps_its_clause_after_the_comma_as_content,
    "In the end, according to the harbor office, nine ferries were late.",
    "according to",
    "the harbor office"
);

s!(
    an_opening_participle_is_no_subject_of_a_later_gerund,
    "Facing questions from the board, Mayor Dana Holt closed the pier, saying it was unsafe.",
    "saying",
    "Mayor Dana Holt"
);
s!(
    an_opening_time_phrase_is_no_subject_of_a_later_gerund,
    "Hours later, Dana Holt closed the pier, saying it was unsafe.",
    "saying",
    "Dana Holt"
);

s!(
    a_determiner_before_a_clause_word_is_no_part_of_a_known_head,
    "The tide rose past the limit that engineers say is safe.",
    "say",
    "engineers"
);
s!(
    a_known_head_after_but_keeps_its_modifiers_only,
    "The storm hit the pier but harbor officials said it would hold.",
    "said",
    "harbor officials"
);

s!(
    a_name_does_not_run_back_over_a_clause_word,
    "The pier closed in August after Harbor Master Dana Holt said it was unsafe.",
    "said",
    "Harbor Master Dana Holt"
);

s!(
    an_opening_time_phrase_is_no_name_before_an_apposition,
    "Earlier this week, Mayor Dana Holt, who served on the board, conceded the pier was unsafe.",
    "conceded",
    "Mayor Dana Holt, who served on the board"
);
s!(
    an_opening_prepositional_phrase_is_no_name_before_an_apposition,
    "In the interview, Holt, who joined the board in May, stressed the need for repairs.",
    "stressed",
    "Holt, who joined the board in May"
);
s!(
    an_opening_sentence_adverb_is_no_part_of_the_source,
    "Similarly, Tom Reyes, a harbor pilot, said the pier was unsafe.",
    "said",
    "Tom Reyes, a harbor pilot"
);

s!(
    an_adjunct_after_an_apposition_is_no_part_of_the_source,
    "“The pier is safe,” said Tom Reyes, a harbor pilot from Hull, in a statement.",
    "said",
    "Tom Reyes, a harbor pilot from Hull"
);
s!(
    a_bracket_opened_before_the_source_ends_it,
    "The ferry carried 90 cars (a record, according to the harbor office).",
    "according to",
    "the harbor office"
);

s!(
    a_noun_with_a_determiner_heads_its_of_phrase,
    "Even the organizer of the harbor festival said the rules were too strict.",
    "said",
    "the organizer of the harbor festival"
);

s!(
    a_share_heads_its_of_phrase,
    "In Maine, 85% of ferry riders said the fares were too high.",
    "said",
    "85% of ferry riders"
);
s!(
    a_qualified_quantity_heads_its_of_phrase,
    "Almost half of the riders said the fares were too high.",
    "said",
    "Almost half of the riders"
);

s!(
    a_bracketed_name_before_a_relative_clause_is_the_source,
    "Rep. Mara Lind (D-Maine), who toured the pier this month, said that it was unsafe.",
    "said",
    "Rep. Mara Lind (D-Maine), who toured the pier this month"
);

s!(
    another_is_a_source_of_its_own,
    "One rider said the fare was fair. Yet another argued it was too high.",
    "argued",
    "another"
);

s!(
    a_source_with_an_apposition_between_double_hyphens,
    "The harbor master -- who has run the port since May -- said the pier was unsafe.",
    "said",
    "The harbor master -- who has run the port since May --"
);

s!(
    a_time_adjunct_after_a_document_is_part_of_the_source,
    "A harbor survey released Thursday found that the pier was unsafe.",
    "found",
    "A harbor survey released Thursday"
);
s!(
    a_time_adjunct_after_a_person_is_no_part_of_the_source,
    "The harbor master on Thursday said that the pier was unsafe.",
    "said",
    "The harbor master"
);

s!(
    a_gerund_takes_the_subject_with_its_apposition,
    "Tom Reyes, the harbor master, closed the pier on Monday, saying it was unsafe.",
    "saying",
    "Tom Reyes, the harbor master"
);

s!(
    an_opening_adjunct_before_a_long_apposition_is_skipped,
    "In July, Tom Reyes, vice chair of the harbor board, told reporters that the pier was unsafe.",
    "told",
    "Tom Reyes, vice chair of the harbor board"
);

s!(
    a_capitalised_head_keeps_the_modifiers_opening_its_clause,
    "The ferry will sail on time, local Democrats said.",
    "said",
    "local Democrats"
);
s!(
    a_name_keeps_its_lowercase_role_opening_the_clause,
    "In the last race, pizza magnate Tom Reyes revealed that he owned the pier.",
    "revealed",
    "pizza magnate Tom Reyes"
);

s!(
    that_opening_the_sentence_is_a_determiner,
    "The pier closed. That inspector said it was unsafe.",
    "said",
    "That inspector"
);
s!(
    a_quantifier_before_modifiers_of_a_name_opens_the_source,
    "Many prominent Democrats said the ferry plan was rushed.",
    "said",
    "Many prominent Democrats"
);

s!(
    an_apposition_after_the_cue_ends_before_a_relative_frame,
    "“The pier is safe,” said Tom Reyes, the harbor master, who added that repairs were done.",
    "said",
    "Tom Reyes, the harbor master"
);

s!(
    a_person_noun_heads_its_prepositional_phrase,
    "A producer for the harbor radio told reporters that the pier was unsafe.",
    "told",
    "A producer for the harbor radio"
);

s!(
    evidence_heads_its_by_phrase,
    "A survey released Sunday by the Harbor Institute found that the pier was unsafe.",
    "found",
    "A survey released Sunday by the Harbor Institute"
);

s!(
    a_restrictive_relative_clause_with_a_cue_belongs_to_the_next_source,
    "A harbor official who asked not to be named said the ferry contract was cancelled.",
    "said",
    "A harbor official who asked not to be named"
);

s!(
    a_relative_clause_after_a_comma_keeps_its_own_attribution,
    "Mayor Dana Holt, who denied the report, said the bridge will reopen.",
    "denied",
    "who"
);

s!(
    the_informed_are_the_source_not_what_they_know,
    "Two people familiar with the negotiations said the port deal was close.",
    "said",
    "Two people familiar with the negotiations"
);

s!(
    close_to_takes_the_person_before_it,
    "A person close to the governor told reporters she would not run again.",
    "told",
    "A person close to the governor"
);

s!(
    an_indefinite_phrase_before_a_base_form_is_the_cue_nouns_own,
    "At the rally, the mayor made an impassioned call for a new ferry terminal.",
    "call for",
    "the mayor"
);

/// The cues of the attributions `text` makes.
fn cues_of(text: &str) -> Vec<String> {
    let doc = Analyzer::default().analyze(text);
    doc.attributions
        .iter()
        .map(|a| a.cue.as_str(text).to_owned())
        .collect()
}

#[test]
fn a_noun_after_a_and_an_adjective_is_no_cue() {
    let text = "The harbor board discussed a controversial tweet from the mayor on Friday.";
    assert!(
        !cues_of(text).iter().any(|c| c == "tweet"),
        "{:?}",
        cues_of(text)
    );
    let text = "She works for a liberal think tank in the capital.";
    assert!(
        !cues_of(text).iter().any(|c| c == "think"),
        "{:?}",
        cues_of(text)
    );
}

s!(
    a_past_tense_spelled_like_the_base_is_still_a_verb,
    "The ferry was, as an inspector put it, a floating wreck.",
    "put it",
    "an inspector"
);

s!(
    a_description_opening_the_clause_is_a_gerunds_subject,
    "The mayor left no doubt about the repairs, saying the pier would reopen in May.",
    "saying",
    "The mayor"
);

#[test]
fn a_time_phrase_opening_the_clause_is_no_subject() {
    let text =
        "The mayor spoke first. A few minutes later the inspectors arrived, saying it was unsafe.";
    let doc = Analyzer::default().analyze(text);
    let sources: Vec<&str> = doc
        .attributions
        .iter()
        .filter_map(|a| a.source.map(|s| s.as_str(text)))
        .collect();
    assert!(
        !sources.iter().any(|s| s.contains("minutes")),
        "{sources:?}"
    );
}

s!(
    a_share_with_its_prepositional_phrase_is_the_source,
    "Majorities in both coastal towns say the ferry should keep running.",
    "say",
    "Majorities in both coastal towns"
);

s!(
    the_object_of_of_belongs_to_its_head,
    "Proponents of the harbor plan say it would cost less than a bridge.",
    "say",
    "Proponents of the harbor plan"
);

s!(
    a_name_before_an_adjunct_is_the_source_alone,
    "Dana Roe in her speech on Friday said the pier would close.",
    "said",
    "Dana Roe"
);

s!(
    after_an_opening_adjunct_the_name_after_its_comma_is_the_source,
    "He spoke after the vote in the harbor district, Mayor Dana Holt said, and left.",
    "said",
    "Mayor Dana Holt"
);

s!(
    names_joined_by_a_slash_make_one_source,
    "A Harbor Times/Coastal College poll found that most residents want the ferry.",
    "found",
    "A Harbor Times/Coastal College poll"
);

s!(
    super_pac_is_one_name,
    "The ferry plan was popular, the super PAC said on Monday.",
    "said",
    "the super PAC"
);

s!(
    must_and_yet_belong_to_the_cue_not_the_source,
    "The harbor board hasn’t yet endorsed the ferry plan, and the mayor must decide alone.",
    "hasn’t yet endorsed",
    "The harbor board"
);

s!(
    evidence_opening_the_clause_is_the_source_of_show,
    "The vote is close. Exit polling showed the mayor with a narrow lead in the harbor wards.",
    "showed",
    "Exit polling"
);

s!(
    evidence_with_a_participle_and_a_time_word_is_the_source_of_find,
    "The vote is close. New surveys released Sunday found the ferry plan far ahead.",
    "found",
    "New surveys released Sunday"
);

s!(
    the_agent_of_asked_by_is_the_source,
    "Asked by a reporter whether the pier would reopen, the mayor shook her head.",
    "Asked",
    "a reporter"
);

s!(
    examples_between_commas_belong_to_the_source,
    "Several harbor towns, including Roe Bay and Lind, said the ferry should keep running.",
    "said",
    "Several harbor towns, including Roe Bay and Lind"
);

s!(
    the_object_of_to_belongs_to_its_head,
    "The deputy head of the harbor delegation to the forum said the ferry would run.",
    "said",
    "The deputy head of the harbor delegation to the forum"
);

s!(
    two_coordinated_names_are_one_source,
    "Mayor Ana Ruiz and Councillor Tom Hale said the ferry would keep running.",
    "said",
    "Mayor Ana Ruiz and Councillor Tom Hale"
);

s!(
    a_list_with_a_serial_comma_is_one_source,
    "Harbor unions, parent groups, and many local officials say the pier is unsafe.",
    "say",
    "Harbor unions, parent groups, and many local officials"
);

s!(
    a_pronoun_and_a_name_are_one_source,
    "He and Councillor Tom Hale said the vote would wait.",
    "said",
    "He and Councillor Tom Hale"
);

s!(
    a_clause_joined_by_and_is_no_conjunct,
    "Prices rose sharply and analysts said the pier deal was to blame.",
    "said",
    "analysts"
);

s!(
    a_clause_joined_by_comma_and_is_no_conjunct,
    "The ferry was late again, and commuters say they have had enough.",
    "say",
    "commuters"
);

s!(
    the_object_of_an_earlier_cue_is_no_conjunct,
    "At one point a woman asked for a photo and the mayor said she would pose.",
    "said",
    "the mayor"
);
