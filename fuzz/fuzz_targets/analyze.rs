//! `Analyzer::analyze` on arbitrary bytes (UTF-8 where valid, lossily decoded otherwise):
//! no panic, every invariant of `tests/support/invariants.rs` holds, the sentences are those
//! of `segment`, and a second run gives the same result.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sayso::Analyzer;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::default)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = analyzer().analyze(&text);
    if let Err(e) = invariants::check_analysis(&text, &analysis) {
        panic!("{e}\ntext: {text:?}");
    }
    assert_eq!(
        analysis.sentences,
        analyzer().segment(&text),
        "analyze and segment disagree on the sentences of {text:?}"
    );
    assert_eq!(
        analysis,
        analyzer().analyze(&text),
        "two runs differ on {text:?}"
    );
});
