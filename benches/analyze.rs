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
//! - each stage inside the pipeline: `analyze`'s stages in turn on each article, as
//!   `Analyzer::analyze` runs them, each call timed by the clock (`Instant`, about 25 ns a
//!   reading), beside the same stage alone (article after article, timed by the clock as
//!   one loop), the least of `--runs` (at least 3) passes of each, since a clock counts
//!   other jobs too. A stage alone runs with its code, tables and branch history warm;
//!   inside the pipeline every other stage has run in between, so the ratio is what sharing
//!   the core with the other stages costs it;
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

/// The stages of `Analyzer::analyze` in turn on each of `texts` (as `analyze` runs them),
/// each call timed by the clock and summed over the texts: seconds per stage, in the order
/// of [`PIPELINE`].
fn pipeline_pass(
    texts: &[String],
    segmenter: &Segmenter,
    cue_lexicon: &CueLexicon,
    finder: &MentionFinder,
) -> [f64; 5] {
    let mut spent = [0f64; 5];
    for text in texts {
        let t0 = Instant::now();
        let sentences = segmenter.segment(text);
        let t1 = Instant::now();
        let quote_spans = quotes::find_quotes(text, &sentences);
        let t2 = Instant::now();
        let (cues, hedge_spans) = cue_lexicon.find_with_hedges(text);
        let t3 = Instant::now();
        let mut a = attributions::extract(text, &sentences, &quote_spans, &cues, finder);
        a.sort_by_key(|a| (a.cue.start, a.cue.end));
        hedges::flag_hedged(&mut a, &hedge_spans);
        let t4 = Instant::now();
        let speakers = speakers::resolve(text, &sentences, &mut a);
        let t5 = Instant::now();
        black_box((sentences, quote_spans, cues, hedge_spans, a, speakers));
        for (k, (from, to)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)]
            .into_iter()
            .enumerate()
        {
            spent[k] += (to - from).as_secs_f64();
        }
    }
    spent
}

/// The same stages as [`pipeline_pass`], each alone over every text (timed by the clock as
/// one loop), on the inputs the earlier stages made: `extracted` holds each text's
/// attributions, sorted, whose speaker links the speaker stage rewrites in place.
fn alone_pass(
    texts: &[String],
    segmenter: &Segmenter,
    cue_lexicon: &CueLexicon,
    finder: &MentionFinder,
    inputs: &PipelineInputs,
    extracted: &mut [Vec<sayso::Attribution>],
) -> [f64; 5] {
    let clock = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64()
    };
    [
        clock(&mut || {
            for t in texts {
                black_box(segmenter.segment(t));
            }
        }),
        clock(&mut || {
            for (t, s) in texts.iter().zip(&inputs.sentences) {
                black_box(quotes::find_quotes(t, s));
            }
        }),
        clock(&mut || {
            for t in texts {
                black_box(cue_lexicon.find_with_hedges(t));
            }
        }),
        clock(&mut || {
            for (i, t) in texts.iter().enumerate() {
                let (s, q, (c, h)) = (&inputs.sentences[i], &inputs.quotes[i], &inputs.cues[i]);
                let mut a = attributions::extract(t, s, q, c, finder);
                a.sort_by_key(|a| (a.cue.start, a.cue.end));
                hedges::flag_hedged(&mut a, h);
                black_box(a);
            }
        }),
        clock(&mut || {
            for (i, t) in texts.iter().enumerate() {
                black_box(speakers::resolve(
                    t,
                    &inputs.sentences[i],
                    &mut extracted[i],
                ));
            }
        }),
    ]
}

/// What the stages before each stage made, per text, for [`alone_pass`].
struct PipelineInputs {
    sentences: Vec<Vec<sayso::Sentence>>,
    quotes: Vec<Vec<sayso::Span>>,
    cues: Vec<(Vec<sayso::cues::CueMatch>, Vec<sayso::Span>)>,
}

/// The stages [`pipeline_pass`] and [`alone_pass`] time, in order.
const PIPELINE: [&str; 5] = [
    "segment",
    "quotes",
    "cues+hedges",
    "attributions (+sort, flags)",
    "speakers",
];

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

    if only.is_none() {
        // Inside the pipeline and alone, passes interleaved: the least of each per stage,
        // after a warm-up.
        let inputs = PipelineInputs {
            sentences: sentences.clone(),
            quotes: quote_spans.clone(),
            cues: texts
                .iter()
                .map(|t| cue_lexicon.find_with_hedges(t))
                .collect(),
        };
        let mut sorted = extracted.clone();
        pipeline_pass(&texts, &segmenter, &cue_lexicon, finder);
        let (mut least, mut least_alone) = ([f64::INFINITY; 5], [f64::INFINITY; 5]);
        for _ in 0..runs.max(3) {
            let pass = pipeline_pass(&texts, &segmenter, &cue_lexicon, finder);
            let alone = alone_pass(
                &texts,
                &segmenter,
                &cue_lexicon,
                finder,
                &inputs,
                &mut sorted,
            );
            for k in 0..5 {
                least[k] = least[k].min(pass[k]);
                least_alone[k] = least_alone[k].min(alone[k]);
            }
        }
        let total: f64 = least.iter().sum();
        println!(
            "  inside the pipeline, article by article, against each stage alone (clock, least of {} passes):",
            runs.max(3)
        );
        for ((name, t), alone) in PIPELINE.iter().zip(least).zip(least_alone) {
            println!(
                "  {name:<28} {t:.4} s  {:5.1}% of the pipeline   {:.2}x its time alone",
                100.0 * t / total,
                t / alone
            );
        }
        println!(
            "  pipeline                     {total:.4} s  {:7.1} MB/s",
            mb / total
        );
    }
}
