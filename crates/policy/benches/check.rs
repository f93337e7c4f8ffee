//! Throughput of `Engine::check` on post-length texts (target: 50,000 checks/s/core).
//!
//! Two groups: `check` measures wall time (criterion's default), `check_cpu` measures the
//! benchmark thread's CPU time, which is the per-core figure on a machine shared with
//! other work (wall time then includes time spent waiting for a core).

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput,
};
use policy::{CheckRequest, Engine, OrgPolicy};

fn requests() -> Vec<CheckRequest> {
    let raw = [
        r#"{"text":"We're sorry a cancer patient like you had to wait two hours in our infusion center last Thursday.","channel":"google_review_reply","jurisdiction":"US"}"#,
        r#"{"text":"Measles cases are rising in our county. Two doses of MMR vaccine are about 97% effective at preventing measles. Check your family's records and call us at 555-0133 to catch up.","channel":"facebook_post","jurisdiction":"US"}"#,
        r#"{"text":"Watch how Sunita ji from Vidisha is walking again after her knee replacement at our hospital! #SuccessStory","channel":"instagram_reel_caption","jurisdiction":"IN","facts":{"patient_authorization":false}}"#,
        r#"{"text":"Dengue cases are rising in Bhopal this monsoon. Empty water from coolers, pots and old tyres every week. Fever with body ache? See a doctor and avoid self-medicating with painkillers.","channel":"facebook_post","jurisdiction":"IN"}"#,
        r#"{"text":"Give her Amlodipine 5 mg once daily and bring her for a check-up next week.","channel":"facebook_comment_reply","jurisdiction":"IN","in_reply_to":"Sir my mother's BP is 170/100, which medicine should she take?"}"#,
        r#"{"text":"धन्यवाद! आपकी प्रतिक्रिया हमारी टीम के साथ साझा की जाएगी।","channel":"google_review_reply","jurisdiction":"IN"}"#,
    ];
    raw.iter()
        .filter_map(|r| serde_json::from_str(r).ok())
        .collect()
}

fn mixed<M: Measurement>(g: &mut BenchmarkGroup<'_, M>) {
    let engine = Engine::new(OrgPolicy::default());
    let reqs = requests();
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("mixed_posts", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(engine.check(black_box(r)));
            }
        })
    });
}

fn wall(c: &mut Criterion) {
    let mut g = c.benchmark_group("check");
    mixed(&mut g);
    g.finish();
}

fn cpu(c: &mut Criterion<CpuTime>) {
    let mut g = c.benchmark_group("check_cpu");
    mixed(&mut g);
    g.finish();
}

/// CPU time of the calling thread, in nanoseconds.
fn thread_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer (Linux, 64-bit).
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Criterion measurement: thread CPU time in nanoseconds.
struct CpuTime;

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns cpu")
        } else if typical < 1e6 {
            (1e-3, "µs cpu")
        } else {
            (1e-6, "ms cpu")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let n = match throughput {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                *n as f64
            }
        };
        // values are ns of CPU per iteration of `n` elements -> elements per CPU second.
        values.iter_mut().for_each(|v| *v = n * 1e9 / *v);
        let _ = typical;
        "elem/cpu-s"
    }
    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

criterion_group!(wall_benches, wall);
criterion_group! {
    name = cpu_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu
}
criterion_main!(wall_benches, cpu_benches);
