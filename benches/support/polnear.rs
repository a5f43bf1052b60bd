//! What the Rust benchmarks share: PolNeAR train articles from `../shared` (or
//! `$SAYSO_SHARED`), the median of a run of timings, and the thread's CPU time.

use std::path::PathBuf;

/// The texts of PolNeAR train, or None when the shared data is not beside the checkout.
pub fn polnear() -> Option<Vec<String>> {
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let env = std::env::var_os("SAYSO_SHARED").map(PathBuf::from);
    let dir = [Some(beside), env]
        .into_iter()
        .flatten()
        .find(|d| d.join("data/polnear.train.jsonl").is_file())?;
    let data = std::fs::read_to_string(dir.join("data/polnear.train.jsonl")).ok()?;
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            Some(v["text"].as_str()?.to_owned())
        })
        .collect()
}

/// The median of `v` (the upper one for an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// This thread's CPU time in seconds: other jobs on a shared machine inflate wall time, far
/// less CPU time.
pub fn cpu_seconds() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}
