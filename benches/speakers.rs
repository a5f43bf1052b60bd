//! What the speaker stage (and the hedge scan) costs inside `analyze`, and that it stays
//! linear. No Python.
//!
//!     SAYSO_SHARED=/path/to/shared cargo bench --bench speakers
//!
//! 1. On PolNeAR train articles (../shared/data, or $SAYSO_SHARED; skipped with a message
//!    when absent): the time of `analyze` over every article, and of `speakers::resolve` and
//!    `hedges::find_hedges` on the same articles and attributions, median of 3 runs of the
//!    thread's CPU time (wall time on a shared machine counts other jobs); the stage's share
//!    of `analyze`. `resolve` works on a copy of each article's attributions, made outside
//!    the timing (inside `analyze` it needs none). In the pipeline, it also times a floor:
//!    a stage that only groups sources of the same text into speakers (what any speaker
//!    stage spends before it reads a phrase), and prints what issue 4's bound (a 10% fall
//!    of analyze's ratio) leaves the stage above it.
//! 2. Linear time: `resolve` at n, 10n and 100n sources on adversarial text (one surname
//!    shared by thousands of people, a pronoun after each); a ratio near 10 is linear. Timed
//!    by the thread's CPU time, the least of 5 runs, the copy of the attributions made outside
//!    the timing: the small size takes a few milliseconds, which wall time on a shared machine
//!    blurs. The first ratio reads high (about 18) because the small size's entities fit in
//!    the CPU caches and the larger ones' do not; the second, between two sizes that both
//!    spill, is the one that tells the order of growth.
//!
//! With `SPEAKERS_PROFILE_RUNS=N` it times only `resolve` on PolNeAR train, N runs (least
//! and median CPU time), and stops: a loop for a profiler (`perf`, `valgrind --tool=callgrind
//! --toggle-collect=sayso::speakers::resolve`). With `SPEAKERS_PIPELINE_RUNS=N` it runs
//! `analyze`'s stages with the speaker stage N times, untimed, and stops: for a cache
//! simulator (`valgrind --tool=callgrind --cache-sim=yes --toggle-collect=...`), which then
//! sees the stage with the other stages' code and tables through the caches;
//! `SPEAKERS_PIPELINE_TIMES=0` (or 2) runs the stage that many times on each article instead
//! of once, so that the simulated misses with and without it can be compared
//! (`--toggle-collect='speakers::Stages::run'`); 3 runs it on the article before, then on
//! each article.
//!
//! It runs on mimalloc, the Python extension module's allocator, as `benches/analyze.rs`
//! does.
//!
//! Timings depend on the machine and its load; this is a benchmark, never a test.

use std::hint::black_box;

use std::collections::HashMap;

use sayso::{Analyzer, Attribution, CueClassCounts, Span, Speaker, SpeakerKind};

/// The allocator of the Python extension module (`src/python/mod.rs`, which sets it itself
/// when built with `python`), so that the stage is timed as `sayso.analyze` runs it.
#[cfg(not(feature = "python"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/polnear.rs"]
mod polnear;
use polnear::{cpu_seconds, median, polnear};

/// The median CPU time of `runs` runs of `f` on a fresh `input()` each (made and dropped
/// outside the timing), after a warm-up.
fn time<T>(runs: usize, input: impl Fn() -> T, mut f: impl FnMut(&mut T)) -> f64 {
    f(&mut input()); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let mut x = input();
                let t = cpu_seconds();
                f(&mut x);
                let t = cpu_seconds() - t;
                drop(x);
                t
            })
            .collect(),
    )
}

/// The least CPU time of `runs` runs of `f` on a fresh `input()` each (made outside the
/// timing), after a warm-up.
fn least_cpu<T>(runs: usize, input: impl Fn() -> T, mut f: impl FnMut(T)) -> f64 {
    f(input()); // warm-up
    (0..runs)
        .map(|_| {
            let x = input();
            let t = cpu_seconds();
            f(x);
            cpu_seconds() - t
        })
        .fold(f64::INFINITY, f64::min)
}

/// What the speaker stage costs inside the pipeline: `analyze`'s stages run in turn on each
/// article (segment, quotes, cues and hedges, attributions, hedge flags), with and without
/// `speakers::resolve` at the end, and with it run twice on each article, 7 runs of each
/// interleaved: the median CPU times (with, without, twice, and with it run on the article
/// before just before each: see [`Stages::run`]). Alone, the stage finds its data
/// in the caches, article after article; inside `analyze` the other stages have been through
/// them, and the stage evicts theirs, so it costs more there. The second run on an article
/// finds the stage's code and tables (and the article) in the caches: what it adds is the
/// stage's cost with nothing cold. A run just after a run on the article before finds the
/// stage's code, tables and buffers warm but the article new to it: what it adds, against
/// the second run on the same article, tells how much of the cold stage's cost is its own
/// state pushed out by the other stages, and how much the article's.
fn in_pipeline(texts: &[String]) -> [f64; 5] {
    let stages = Stages::new();
    let run = |times: usize| {
        let t = cpu_seconds();
        stages.run(texts, times);
        cpu_seconds() - t
    };
    run(1); // warm-up
    let mut runs: [Vec<f64>; 5] = Default::default();
    for _ in 0..7 {
        // with, without, twice, after the article before, and the floor
        for (times, r) in [1, 0, 2, 3, FLOOR].into_iter().zip(runs.iter_mut()) {
            r.push(run(times));
        }
    }
    runs.map(median)
}

/// [`Stages::run`]'s `times` for [`group_identical`] in place of the speaker stage.
const FLOOR: usize = 4;

/// The least any speaker stage does, for the bench's floor: the sources with the same text
/// grouped into one speaker each (no reading of the phrase, no resolution), and the same
/// list of [`Speaker`]s as `speakers::resolve` gives, each attribution linked to its own.
fn group_identical(text: &str, attributions: &mut [Attribution]) -> Vec<Speaker> {
    let mut ids: HashMap<&str, usize, foldhash::fast::FixedState> = HashMap::default();
    let mut speakers: Vec<Speaker> = Vec::new();
    for (i, a) in attributions.iter_mut().enumerate() {
        a.speaker = None;
        let Some((source, name)) = a.source.and_then(|s| Some((s, text.get(s.start..s.end)?)))
        else {
            continue;
        };
        let id = *ids.entry(name).or_insert_with(|| {
            speakers.push(Speaker {
                name: name.to_owned(),
                kind: SpeakerKind::Unknown,
                title: None,
                description: None,
                mentions: Vec::new(),
                attributions: Vec::new(),
                cue_classes: CueClassCounts::default(),
            });
            speakers.len() - 1
        });
        let s = &mut speakers[id];
        s.mentions.push(source);
        s.attributions.push(i);
        s.cue_classes.add(a.cue_class);
        a.speaker = Some(id);
    }
    speakers
}

/// `analyze`'s stages, built once.
struct Stages {
    segmenter: sayso::Segmenter,
    cue_lexicon: sayso::cues::CueLexicon,
}

impl Stages {
    fn new() -> Self {
        Stages {
            segmenter: sayso::Segmenter::default(),
            cue_lexicon: sayso::cues::CueLexicon::new(&[]).expect("the shipped cue lexicon builds"),
        }
    }

    /// The stages in turn on each of `texts`, with `speakers::resolve` run `times` times at
    /// the end (0, 1, or 2: the second run finds the stage's code and tables in the caches;
    /// 3: the stage run on the article before, then on this one).
    fn run(&self, texts: &[String], times: usize) {
        let finder = sayso::mentions::MentionFinder::shared();
        let mut before: Option<(&str, Vec<sayso::Sentence>, Vec<Attribution>)> = None;
        for text in texts {
            let sentences = self.segmenter.segment(text);
            let quotes = sayso::quotes::find_quotes(text, &sentences);
            let (cues, hedges) = self.cue_lexicon.find_with_hedges(text);
            let mut a = sayso::attributions::extract(text, &sentences, &quotes, &cues, finder);
            a.sort_by_key(|a| (a.cue.start, a.cue.end));
            sayso::hedges::flag_hedged(&mut a, &hedges);
            if times == 3 {
                if let Some((t, s, b)) = before.as_mut() {
                    black_box(sayso::speakers::resolve(t, s, b));
                }
                black_box(sayso::speakers::resolve(text, &sentences, &mut a));
                black_box((quotes, hedges));
                before = Some((text, sentences, a));
                continue;
            }
            if times == FLOOR {
                black_box(group_identical(text, &mut a));
            }
            for _ in 0..times % FLOOR {
                black_box(sayso::speakers::resolve(text, &sentences, &mut a));
            }
            black_box((sentences, quotes, a, hedges));
        }
    }
}

fn adversarial(n: usize) -> (String, Vec<Attribution>) {
    let mut text = String::new();
    let mut attributions = Vec::new();
    for i in 0..n {
        let start = text.len();
        text.push_str(&format!("Person{i} Smith met Ann Smith. "));
        let he = text.len();
        text.push_str("He said Smith was right. ");
        for (s, e) in [
            (start, start + format!("Person{i} Smith").len()),
            (he, he + 2),
        ] {
            attributions.push(Attribution::given(
                Some(Span::new(s, e)),
                Span::new(e, e),
                Vec::new(),
            ));
        }
    }
    (text, attributions)
}

fn main() {
    let analyzer = Analyzer::default();
    match polnear() {
        None => println!("PolNeAR train not found (../shared/data or $SAYSO_SHARED): skipped"),
        Some(texts) => {
            let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
            let results: Vec<_> = texts.iter().map(|t| analyzer.analyze(t)).collect();
            let n_attr: usize = results.iter().map(|r| r.attributions.len()).sum();
            let copies = || -> Vec<Vec<Attribution>> {
                results.iter().map(|r| r.attributions.clone()).collect()
            };
            if let Some(n) = std::env::var("SPEAKERS_PROFILE_RUNS")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
            {
                // Only the stage, `n` times (for a profiler): the least and median CPU time.
                let mut ts = Vec::new();
                for _ in 0..n {
                    let mut c = copies();
                    let t = cpu_seconds();
                    for ((t, r), a) in texts.iter().zip(&results).zip(c.iter_mut()) {
                        black_box(sayso::speakers::resolve(t, &r.sentences, a));
                    }
                    ts.push(cpu_seconds() - t);
                }
                let least = ts.iter().copied().fold(f64::INFINITY, f64::min);
                println!(
                    "speakers only: least {least:.4} s, median {:.4} s CPU",
                    median(ts)
                );
                return;
            }
            if let Some(n) = std::env::var("SPEAKERS_PIPELINE_RUNS")
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
            {
                // Only the pipeline with the stage, `n` times (for a cache simulator:
                // `valgrind --tool=callgrind --cache-sim=yes --toggle-collect=...`).
                // `SPEAKERS_PIPELINE_TIMES` (0, 1 or 2) runs the stage that many times on
                // each article (1 unless set), for the misses it causes the other stages
                // (3: on the article before, then on each).
                let times = std::env::var("SPEAKERS_PIPELINE_TIMES")
                    .ok()
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1);
                let stages = Stages::new();
                for _ in 0..n {
                    stages.run(&texts, times);
                }
                return;
            }
            let analyze = time(
                3,
                || (),
                |_| {
                    for t in &texts {
                        black_box(analyzer.analyze(t));
                    }
                },
            );
            let speakers = time(3, copies, |copies| {
                for ((t, r), a) in texts.iter().zip(&results).zip(copies.iter_mut()) {
                    black_box(sayso::speakers::resolve(t, &r.sentences, a));
                }
            });
            let hedges = time(
                3,
                || (),
                |_| {
                    for t in &texts {
                        black_box(sayso::hedges::find_hedges(t));
                    }
                },
            );
            let [with, without, twice, after, floor] = in_pipeline(&texts);
            println!(
                "PolNeAR train, {} articles, {mb:.1} MB, {n_attr} attributions:\n  \
                 analyze {analyze:.4} s CPU ({:.1} MB/s); speakers {speakers:.4} s = {:.1}% of \
                 analyze; hedges {hedges:.3} s = {:.1}%",
                texts.len(),
                mb / analyze,
                100.0 * speakers / analyze,
                100.0 * hedges / analyze,
            );
            println!(
                "  in the pipeline (analyze's stages in turn, article by article, medians of 7 \
                 runs each, interleaved): {with:.4} s with the stage, {without:.4} s without: \
                 the stage adds {:.4} s = {:.1}%; run a second time on each article (its code \
                 and tables then in the caches) it adds {:.4} s more",
                with - without,
                100.0 * (with - without) / with,
                twice - with,
            );
            println!(
                "  run on each article just after a run on the article before (its code, tables \
                 and buffers warm, the article new to it) it adds {:.4} s more",
                after - with,
            );
            // Issue 4's bound (the stage may lower analyze's ratio by 10%) in this run's
            // terms: the stage at most without / 9. The floor is what any speaker stage
            // spends before it reads a single phrase.
            println!(
                "  the floor, a stage that only groups sources of the same text (no reading, no \
                 resolution), adds {:.4} s = {:.1}%; a 10% fall allows the stage {:.4} s, \
                 {:.4} s above the floor, against {:.4} s above it today",
                floor - without,
                100.0 * (floor - without) / floor,
                without / 9.0,
                without / 9.0 - (floor - without),
                with - floor,
            );
        }
    }
    let mut last = 0.0;
    for n in [2_000usize, 20_000, 200_000] {
        let (text, attributions) = adversarial(n);
        let sentences = sayso::segment(&text);
        let t = least_cpu(
            5,
            || attributions.clone(),
            |mut a| {
                black_box(sayso::speakers::resolve(&text, &sentences, &mut a));
            },
        );
        if last > 0.0 {
            println!("  resolve at 10n / n: {:.1} (10 is linear)", t / last);
        }
        println!(
            "adversarial, n = {n}: {} sources, {t:.4} s CPU (least of 5)",
            attributions.len()
        );
        last = t;
    }
}
