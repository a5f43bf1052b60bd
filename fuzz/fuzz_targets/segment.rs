//! `sayso::segment` on arbitrary bytes (UTF-8 where valid, lossily decoded otherwise):
//! no panic, and the sentence invariants of `tests/support/invariants.rs` hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let sentences = sayso::segment(&text);
    if let Err(e) = invariants::check_sentences(&text, &sentences) {
        panic!("{e}\ntext: {text:?}");
    }
});
