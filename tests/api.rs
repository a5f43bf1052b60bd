//! The core API without Python.

use sayso::{Analyzer, Config, CueClass};

#[test]
fn empty_text_gives_nothing() {
    assert!(sayso::segment("").is_empty());
    assert!(Analyzer::default().analyze("").sentences.is_empty());
}

#[test]
fn config_round_trips_through_json() {
    let config = Config {
        abbreviations: vec!["approx".into()],
        extra_cues: vec![("opined".into(), CueClass::Neutral)],
        cue_lexicon: "lambaste | distancing | verb\n".into(),
    };
    let json = serde_json::to_string(&config).unwrap();
    let back: Config = serde_json::from_str(&json).unwrap();
    assert_eq!(back, config);
    assert!(Analyzer::new(back).is_ok());
}

#[test]
fn empty_cue_is_an_error() {
    let config = Config {
        extra_cues: vec![(" ".into(), CueClass::Neutral)],
        ..Config::default()
    };
    let err = Analyzer::new(config).unwrap_err();
    assert_eq!(err.kind(), sayso::ErrorKind::InvalidConfig);
}

#[test]
fn attributions_come_in_cue_order() {
    // A quotation whose cue comes after a later colon frame once came out of order.
    let text = "Officials report : \"Wait!\"alleged She added. : \"Wait!\"alleged  et.\"";
    let analysis = Analyzer::default().analyze(text);
    let cues: Vec<usize> = analysis.attributions.iter().map(|a| a.cue.start).collect();
    let mut sorted = cues.clone();
    sorted.sort();
    assert_eq!(cues, sorted);
}
