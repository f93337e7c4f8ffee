//! Throughput on social-length texts (~80 characters), the case the issue sets a target
//! for: 200,000 texts per second on one core.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use phi::{Detector, DetectorConfig};

const TEXTS: &[&str] = &[
    "Wishing a speedy recovery to Julie Guzman, room 412, after knee surgery yesterday",
    "Jessica Smith from Lake Heatherville wrote: my chemo starts 08/09/2013, pray for me",
    "Visit https://www.murphy.com/ to book your annual checkup. Questions? 996.562.9816",
    "Patient Aarav Sharma, DOB 1998-10-05, SSN 496-39-5870 - please call back",
    "Flu season is here. Wash your hands and stay home if you're sick!",
    "@jford DM me your email (tkrueger@example.org) and I'll send the discharge paperwork",
    "My dad Manan Chowdhury is 84 and still walks 5 miles a day, thanks Dr. Sood!",
    "Our office moved to H.No. 54, Mutti Chowk, Ongole 204056. Same great care, new parking lot!",
];

fn bench(c: &mut Criterion) {
    let det = Detector::new(DetectorConfig::default());
    let mut g = c.benchmark_group("detect");
    g.throughput(Throughput::Elements(TEXTS.len() as u64));
    g.bench_function("social_texts", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in TEXTS {
                n += det.detect(black_box(t)).len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
