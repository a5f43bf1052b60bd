//! The whole `Analyzer::analyze` over PolNeAR train articles, MB/s, and each stage's share.
//! No Python.
//!
//!     SAYSO_SHARED=/path/to/shared cargo bench --bench analyze [-- --runs 5] [-- --dump OUT.jsonl]
//!         [-- --only NAME]   (`analyze` or a stage name prefix: time only that, for a profiler)
//!
//! PolNeAR train is read from ../shared/data (or $SAYSO_SHARED/data); the benchmark is
//! skipped with a message when it is absent. It prints:
//! - `analyze` over every article, median of `--runs` (default 3) after a warm-up, MB/s of
//!   the thread's CPU time (other jobs on a shared machine inflate wall time; it is printed
//!   too);
//! - each stage run alone on the same articles with the inputs the earlier stages made:
//!   segment, quotes, cues and hedges (one pass: `CueLexicon::find_with_hedges`), then
//!   for comparison cues alone (`CueLexicon::find`), hedges alone (`find_hedges`) and the
//!   tokenizer on every sentence (`lex::tokenize`; attributions tokenize the sentences that
//!   hold a cue), attributions (the mentions are found inside it), hedge flags
//!   (`flag_hedged`, on a copy of the attributions), speakers (on a copy); MB/s and share
//!   of their sum (the comparison lines count in it too);
//! - a checksum (FNV-1a) of every article's whole `Analysis` serialized as JSON, so a pure
//!   speed change can be checked to leave the output byte-identical; `--dump OUT.jsonl`
//!   also writes those JSON lines.
//!
//! It runs on mimalloc, the Python extension module's allocator (glibc's malloc took about
//! 13% of the samples here, more than `sayso.analyze` spends in mimalloc).
//!
//! Timings depend on the machine and its load; this is a benchmark, never a test.

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use sayso::cues::CueLexicon;
use sayso::mentions::MentionFinder;
use sayso::{attributions, hedges, quotes, speakers, Analyzer, Segmenter};

/// The allocator of the Python extension module (`src/python/mod.rs`, which sets it itself
/// when built with `python`), so that the stages are timed as `sayso.analyze` runs them.
#[cfg(not(feature = "python"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/polnear.rs"]
mod polnear;
use polnear::{cpu_seconds, median, polnear};

/// Median CPU time and median wall time of `runs` runs of `f` after a warm-up.
fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (c, w) = (cpu_seconds(), Instant::now());
        f();
        cpu.push(cpu_seconds() - c);
        wall.push(w.elapsed().as_secs_f64());
    }
    WALL.with(|x| x.set(median(wall)));
    median(cpu)
}

thread_local! {
    /// The wall time of the last `time` call.
    static WALL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let runs: usize = value("--runs").and_then(|v| v.parse().ok()).unwrap_or(3);
    let dump = value("--dump").map(PathBuf::from);
    // `--only NAME`: time `analyze` or the one stage whose name starts with NAME, nothing
    // else (for a profiler).
    let only = value("--only").cloned();
    let wanted = |name: &str| only.as_deref().map_or(true, |o| name.starts_with(o));

    let Some(texts) = polnear() else {
        println!("PolNeAR train not found (../shared/data or $SAYSO_SHARED): skipped");
        return;
    };
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let analyzer = Analyzer::default();

    // The output, for the byte-identical check.
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut out = dump.as_ref().map(|p| {
        std::io::BufWriter::new(std::fs::File::create(p).expect("the dump file can be created"))
    });
    let mut n_attr = 0usize;
    for t in &texts {
        let a = analyzer.analyze(t);
        n_attr += a.attributions.len();
        let json = serde_json::to_string(&a).expect("an Analysis serializes");
        fnv1a(&mut hash, json.as_bytes());
        fnv1a(&mut hash, b"\n");
        if let Some(w) = out.as_mut() {
            writeln!(w, "{json}").expect("the dump is written");
        }
    }
    drop(out);

    let analyze = if wanted("analyze") {
        time(runs, || {
            for t in &texts {
                black_box(analyzer.analyze(t));
            }
        })
    } else {
        f64::NAN
    };
    let analyze_wall = WALL.with(std::cell::Cell::get);

    // The stages one by one, each on what the stages before it made.
    let segmenter = Segmenter::default();
    let cue_lexicon = CueLexicon::new(&[]).expect("the shipped cue lexicon builds");
    let finder = MentionFinder::shared();
    let sentences: Vec<_> = texts.iter().map(|t| segmenter.segment(t)).collect();
    let quote_spans: Vec<_> = texts
        .iter()
        .zip(&sentences)
        .map(|(t, s)| quotes::find_quotes(t, s))
        .collect();
    let cue_matches: Vec<_> = texts.iter().map(|t| cue_lexicon.find(t)).collect();
    let extracted: Vec<_> = (0..texts.len())
        .map(|i| {
            let mut a = attributions::extract(
                &texts[i],
                &sentences[i],
                &quote_spans[i],
                &cue_matches[i],
                finder,
            );
            a.sort_by_key(|a| (a.cue.start, a.cue.end));
            a
        })
        .collect();
    let hedge_spans: Vec<_> = texts.iter().map(|t| hedges::find_hedges(t)).collect();

    let stage = |name: &'static str, f: &mut dyn FnMut()| -> (&'static str, f64) {
        (
            name,
            if wanted(name) {
                time(runs, f)
            } else {
                f64::NAN
            },
        )
    };
    let stages: Vec<(&str, f64)> = vec![
        stage("segment", &mut || {
            for t in &texts {
                black_box(segmenter.segment(t));
            }
        }),
        stage("quotes", &mut || {
            for (t, s) in texts.iter().zip(&sentences) {
                black_box(quotes::find_quotes(t, s));
            }
        }),
        stage("cues+hedges (one pass)", &mut || {
            for t in &texts {
                black_box(cue_lexicon.find_with_hedges(t));
            }
        }),
        stage("cues (find)", &mut || {
            for t in &texts {
                black_box(cue_lexicon.find(t));
            }
        }),
        stage("hedges (find)", &mut || {
            for t in &texts {
                black_box(hedges::find_hedges(t));
            }
        }),
        stage("tokenize sentences", &mut || {
            for (t, ss) in texts.iter().zip(&sentences) {
                for s in ss {
                    black_box(sayso::lex::tokenize(t, s.span.start, s.span.end));
                }
            }
        }),
        stage("attributions+mentions", &mut || {
            for i in 0..texts.len() {
                black_box(attributions::extract(
                    &texts[i],
                    &sentences[i],
                    &quote_spans[i],
                    &cue_matches[i],
                    finder,
                ));
            }
        }),
        stage("hedge flags", &mut || {
            for (h, a) in hedge_spans.iter().zip(&extracted) {
                let mut a = a.clone();
                hedges::flag_hedged(&mut a, h);
                black_box(a);
            }
        }),
        stage("speakers", &mut || {
            for i in 0..texts.len() {
                let mut a = extracted[i].clone();
                black_box(speakers::resolve(&texts[i], &sentences[i], &mut a));
            }
        }),
    ];
    let sum: f64 = stages.iter().map(|(_, t)| t).filter(|t| !t.is_nan()).sum();

    println!(
        "PolNeAR train, {} articles, {mb:.1} MB, {n_attr} attributions, output checksum {hash:016x}",
        texts.len()
    );
    println!("  CPU time, median of {runs} runs (wall time in brackets):");
    println!(
        "  analyze                {analyze:.3} s  {:7.1} MB/s  ({:.1} MB/s wall)",
        mb / analyze,
        mb / analyze_wall
    );
    for (name, t) in stages.iter().filter(|(_, t)| !t.is_nan()) {
        println!(
            "  {name:<22} {t:.3} s  {:7.1} MB/s  {:5.1}% of the stages' sum",
            mb / t,
            100.0 * t / sum
        );
    }
    println!("  stages' sum            {sum:.3} s  {:7.1} MB/s", mb / sum);
}
