//! End-to-end examples of what the detector reports.

use crate::{redact, Detector, DetectorConfig, Kind, RedactionStyle};

fn kinds(text: &str) -> Vec<(Kind, String)> {
    let det = Detector::new(DetectorConfig {
        min_confidence: 0.5,
        health: false,
        ..DetectorConfig::default()
    });
    det.detect(text)
        .into_iter()
        .map(|f| (f.kind, f.text(text).to_string()))
        .collect()
}

fn has(text: &str, kind: Kind, span: &str) {
    let k = kinds(text);
    assert!(
        k.iter().any(|(kk, s)| *kk == kind && s == span),
        "{kind:?} {span:?} not in {k:?}"
    );
}

#[test]
fn names_with_cues() {
    has(
        "Wishing a speedy recovery to Julie Guzman, room 412",
        Kind::Person,
        "Julie Guzman",
    );
    has(
        "Wishing a speedy recovery to Julie Guzman, room 412",
        Kind::FacilityUnit,
        "room 412",
    );
    has("Thanks Dr. Sood!", Kind::Person, "Sood");
    has(
        "Shoutout to nurse Aarav Sharma today",
        Kind::Person,
        "Aarav Sharma",
    );
}

#[test]
fn identifiers() {
    has("SSN 496-39-5870 please", Kind::Ssn, "496-39-5870");
    has(
        "call (411)915-6301x41087 now",
        Kind::Phone,
        "(411)915-6301x41087",
    );
    has("mobile +91 98765 43210", Kind::Phone, "+91 98765 43210");
    has(
        "card 4111 1111 1111 1111",
        Kind::CreditCard,
        "4111 1111 1111 1111",
    );
    has("Aadhaar 2341 2341 2346", Kind::Aadhaar, "2341 2341 2346");
    has(
        "IBAN GB82WEST12345698765432",
        Kind::Iban,
        "GB82WEST12345698765432",
    );
    has("PAN AAAPL1234C", Kind::Pan, "AAAPL1234C");
    has(
        "email me at tkrueger@example.org.",
        Kind::Email,
        "tkrueger@example.org",
    );
    has("abha: ravi.k@abdm", Kind::AbhaAddress, "ravi.k@abdm");
    has("@jford DM me", Kind::SocialHandle, "jford");
    has("MRN CWZ405363722 moved", Kind::Mrn, "CWZ405363722");
    has("IP 23.94.61.121 blocked", Kind::IpAddress, "23.94.61.121");
}

#[test]
fn checksum_failures_are_weak_not_dropped() {
    let det = Detector::new(DetectorConfig::default());
    let f = det.detect("card number 4111 1111 1111 1112");
    let card = f
        .iter()
        .find(|f| f.kind == Kind::CreditCard)
        .expect("near miss reported");
    assert_eq!(card.evidence.checksum, Some(false));
    assert!(card.confidence < 0.5);
}

#[test]
fn dates_and_ages() {
    has("my chemo starts 08/09/2013, pray", Kind::Date, "08/09/2013");
    has("born on July 18, 2014 at home", Kind::Date, "July 18, 2014");
    has("seen on 14 March 2021", Kind::Date, "14 March 2021");
    has("closes early on Monday", Kind::Date, "Monday");
    let det = Detector::new(DetectorConfig::default());
    let f = det.detect("a 93 year old woman");
    let age = f.iter().find(|f| f.kind == Kind::Age).expect("age");
    assert!(age.evidence.over_89);
    has(
        "34M marathon runner, presented w/ chest pain",
        Kind::Age,
        "34M",
    );
    let f = det.detect("Happy 104th birthday to our oldest patient");
    let age = f
        .iter()
        .find(|f| f.kind == Kind::Age)
        .expect("birthday age");
    assert!(age.evidence.over_89);
    for money in [
        "a $34M expansion",
        "34M people screened",
        "our 25th anniversary",
        "our 25th birthday as a hospital",
        "Rs. 34M project",
        "a fever of 104F",
        "3M N95 masks",
        "Room 12F",
    ] {
        assert!(
            !det.detect(money).iter().any(|f| f.kind == Kind::Age),
            "{money}"
        );
    }
}

#[test]
fn addresses() {
    has(
        "moved to 882 Sullivan Garden Suite 222, Ramirezmouth. Same",
        Kind::StreetAddress,
        "882 Sullivan Garden Suite 222, Ramirezmouth",
    );
    has(
        "stop by H.No. 54, Mutti Chowk, Ongole 204056 today",
        Kind::StreetAddress,
        "H.No. 54, Mutti Chowk, Ongole 204056",
    );
}

#[test]
fn offsets_are_code_points() {
    let det = Detector::new(DetectorConfig::default());
    let text = "é Julie Guzman";
    let f = det.detect(text);
    let p = f.iter().find(|f| f.kind == Kind::Person).expect("person");
    assert_eq!((p.char_start, p.char_end), (2, 14));
}

#[test]
fn redaction_and_allowlist() {
    let det = Detector::new(DetectorConfig {
        allowlist: vec!["(555) 201-4477".into()],
        ..DetectorConfig::default()
    });
    let text = "Call our desk at 555-201-4477 or Julie Guzman at 555-987-1234";
    let f = det.detect(text);
    assert!(!f.iter().any(|f| f.text(text) == "555-201-4477"));
    let r = redact(text, &f, RedactionStyle::Placeholder);
    assert!(r.contains("[PHONE]") && r.contains("[NAME]"), "{r}");
}

#[test]
fn indian_names_and_identifiers() {
    has(
        "श्री राम कुमार जी को कल भर्ती किया गया",
        Kind::Person,
        "राम कुमार",
    );
    has(
        "Smt. Kavita Devi was admitted, her son Rahul ji called",
        Kind::Person,
        "Kavita Devi",
    );
    has(
        "PAN ABCPK1234F and ABHA 12-3456-7890-1234",
        Kind::AbhaNumber,
        "12-3456-7890-1234",
    );
    has(
        "Our clinic: 14, MP Nagar Zone 1, Bhopal 462011. Call 0755-2551234.",
        Kind::Phone,
        "0755-2551234",
    );
    let det = Detector::new(DetectorConfig::default());
    let text = "Smt. Kavita Devi was admitted, her son Rahul ji called";
    let found = det.detect(text);
    let rahul = found
        .iter()
        .find(|f| f.text(text) == "Rahul")
        .expect("Rahul");
    assert!(rahul.is_patient_or_relative());
}

#[test]
fn health_family() {
    let det = Detector::new(DetectorConfig::default());
    let text = "Jane Doe, 93, HbA1c 8.2% on metformin after knee surgery";
    let found = det.detect(text);
    let get = |k: Kind| found.iter().find(|f| f.kind == k).map(|f| f.text(text));
    assert_eq!(get(Kind::TestResult), Some("HbA1c 8.2%"));
    assert_eq!(get(Kind::Medication), Some("metformin"));
    assert_eq!(get(Kind::Procedure), Some("knee surgery"));
    assert_eq!(get(Kind::Age), Some("93"));
    assert!(found
        .iter()
        .any(|f| f.kind == Kind::Age && f.evidence.over_89));
}

#[test]
fn numbers_at_the_very_start() {
    let det = Detector::new(DetectorConfig::default());
    for text in [
        ", 12345",
        ",12345 x",
        "+",
        "(",
        "1",
        "-1",
        "x1234",
        ", 80202-1234",
    ] {
        let _ = det.detect(text);
    }
}

#[test]
fn detector_is_shareable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Detector>();
}

#[test]
fn negated_health_terms_are_marked() {
    let det = Detector::new(DetectorConfig::default());
    let text = "Biopsy showed no cancer";
    let found = det.detect(text);
    let c = found
        .iter()
        .find(|f| f.kind == Kind::Condition)
        .expect("condition");
    assert!(c.evidence.lowered.contains(&"negated"));
    assert!(c.confidence < 0.5);
}

#[test]
fn findings_serialise_with_labels() {
    let det = Detector::default();
    let f = det.detect("SSN 496-39-5870");
    let json = serde_json::to_string(&f).expect("serialises");
    assert!(json.contains("\"kind\":\"US_SSN\""), "{json}");
}

#[test]
fn more_formats() {
    has("Seen on 12-Jan-2024.", Kind::Date, "12-Jan-2024");
    has(
        "IBAN DE89 3704 0044 0532 0130 00",
        Kind::Iban,
        "DE89 3704 0044 0532 0130 00",
    );
    has(
        "lives at 221B Baker Street, London NW1 6XE\nIP 10.0.0.1",
        Kind::StreetAddress,
        "221B Baker Street, London NW1 6XE",
    );
    has(
        "call 98765-43210 / 011-2345-6789",
        Kind::Phone,
        "011-2345-6789",
    );
}

#[test]
fn sentence_openers_that_are_words() {
    let k = kinds("Brown rice and green vegetables help with blood sugar.");
    assert!(!k.iter().any(|(kind, _)| *kind == Kind::Person), "{k:?}");
    has("Mark said the MRI was clear.", Kind::Person, "Mark");
    has("Graham, your lab report is ready.", Kind::Person, "Graham");
}
