//! Throughput of `Engine::check` on post-length texts (target: 50,000 checks/s/core).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
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

fn bench(c: &mut Criterion) {
    let engine = Engine::new(OrgPolicy::default());
    let reqs = requests();
    let mut g = c.benchmark_group("check");
    g.throughput(Throughput::Elements(reqs.len() as u64));
    g.bench_function("mixed_posts", |b| {
        b.iter(|| {
            for r in &reqs {
                black_box(engine.check(black_box(r)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
