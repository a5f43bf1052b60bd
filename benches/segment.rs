//! Criterion bench of the segmentation core (no Python): MB/s on the shared dev documents
//! (UD GUM dev, UD EWT dev, GUM news) joined into one text, and on adversarial input.
//!
//!     SAYSO_SHARED=/path/to/shared cargo bench --bench segment
//!
//! Without ../shared/data (or $SAYSO_SHARED) only the adversarial inputs and a text written
//! here are measured.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn shared_texts() -> Option<String> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let env = std::env::var_os("SAYSO_SHARED").map(PathBuf::from);
    let dir = [Some(beside), env]
        .into_iter()
        .flatten()
        .find(|d| d.join("data/ud_gum_dev.jsonl").is_file())?;
    let mut docs = Vec::new();
    for name in ["ud_gum_dev", "ud_ewt_dev", "gum_news_traindev"] {
        let data = std::fs::read_to_string(dir.join(format!("data/{name}.jsonl"))).ok()?;
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            docs.push(v["text"].as_str()?.to_owned());
        }
    }
    Some(docs.join("\n\n"))
}

fn bench(c: &mut Criterion) {
    let own = "Mr. Hale met Gov. Ruth Okafor at 9 a.m. in Washington, D.C. “Are you coming?” \
               she asked. He said no… The U.S. Navy (founded 1775.) paid $4.5 million. \
               1. First item 2. Second item\n\nA new paragraph starts here. "
        .repeat(2_000);
    let mut inputs = vec![("own news-like text", own)];
    if let Some(text) = shared_texts() {
        inputs.insert(0, ("shared dev documents", text));
    }
    inputs.push(("no spaces", "a".repeat(2_000_000)));
    inputs.push(("periods", ".".repeat(2_000_000)));
    inputs.push(("abbreviations", "Mr. ".repeat(500_000)));

    let seg = sayso::Segmenter::default();
    let mut group = c.benchmark_group("segment");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| seg.segment(black_box(text))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
