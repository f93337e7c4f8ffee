//! Lenient reading of the request's descriptive fields. Clients (and people writing JSON by
//! hand) describe media in words — `"children's faces"`, `"x-ray, de-identified"`,
//! `"staff member only, staff lounge"` — and list what is visible; these are read by the
//! words they contain, cautiously: anything not recognised stays `unknown`.

use serde::Deserialize;

use crate::request::{Audience, Media, Shows};

/// Whether `s` (lower case) holds one of `words`: a phrase (with a space or hyphen) as a
/// substring, a word as a whole word or its plural, a `stem*` as a word's beginning.
/// "kidney" is no kid and "keyboard" no board.
fn has(s: &str, words: &[&str]) -> bool {
    let tokens = || {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
    };
    words.iter().any(|w| {
        if let Some(stem) = w.strip_suffix('*') {
            tokens().any(|t| t.starts_with(stem))
        } else if w.contains([' ', '-', '_']) {
            s.contains(w)
        } else {
            tokens().any(|t| {
                t == *w
                    || t.strip_suffix('s')
                        .is_some_and(|b| b == *w || b.strip_suffix('e') == Some(w))
            })
        }
    })
}

const CLINICAL: &[&str] = &[
    "clinical",
    "x-ray",
    "xray",
    "x ray",
    "scan",
    "mri",
    "radiograph",
    "ultrasound",
    "dermoscop*",
    "wound",
    "ecg",
    "ekg",
    "lab report",
    "report",
    "chart",
    "histolog*",
    "endoscop*",
    "biopsy",
    "intraoral",
    "opg",
];

const DEIDENTIFIED: &[&str] = &[
    "de-identified",
    "deidentified",
    "anonymi*",
    "identifiers removed",
    "no identifiers",
    "cropped",
    "redacted",
];

/// What, in a list of visible things, identifies a patient.
const IDENTIFYING: &[&str] = &[
    "name",
    "whiteboard",
    "census",
    "wristband",
    "armband",
    "bracelet",
    "chart",
    "screen",
    "monitor",
    "label",
    "room number",
    "bed number",
    "mrn",
    "record",
    "tag",
    "face",
    "file",
    "prescription",
];

impl From<String> for Shows {
    fn from(s: String) -> Self {
        Shows::from_description(&s)
    }
}

impl Shows {
    /// Patients (and anyone screened or treated: children, newborns) before staff, staff
    /// before people in general, and nobody only when the words say so.
    pub fn from_description(s: &str) -> Shows {
        let mut s = s.to_ascii_lowercase();
        // "exterior of the van, no people": who is said to be absent is not shown.
        const ABSENT: &[&str] = &[
            "no people",
            "no patients",
            "no patient",
            "no persons",
            "no person",
            "no staff",
            "no faces",
            "no humans",
            "without people",
            "without patients",
        ];
        let mut absent = false;
        for a in ABSENT {
            if s.contains(a) {
                s = s.replace(a, " ");
                absent = true;
            }
        }
        if has(&s, &["unknown", "unsure", "unclear"]) {
            Shows::Unknown
        } else if has(
            &s,
            &[
                "patient", "child", "children", "minor", "kid", "baby", "babies", "newborn",
                "infant", "student", "pupil", "client",
            ],
        ) {
            Shows::Patients
        } else if has(
            &s,
            &[
                "staff",
                "doctor",
                "nurse",
                "team",
                "employee",
                "physician",
                "surgeon",
            ],
        ) {
            Shows::Staff
        } else if has(
            &s,
            &[
                "people",
                "person",
                "crowd",
                "face",
                "public",
                "visitor",
                "volunteer",
                "participant",
                "attendee",
                "family",
                "families",
                "audience",
                "community",
            ],
        ) {
            Shows::People
        } else if has(
            &s,
            &[
                "none",
                "nobody",
                "no_one",
                "no one",
                "text",
                "graphic",
                "logo",
                "illustration",
                "infographic",
                "poster",
                "product",
                "building",
                "empty",
                "icon",
                "animation",
                "equipment",
            ],
        ) || absent
        {
            Shows::None
        } else {
            Shows::Unknown
        }
    }
}

/// Every string in a JSON value (object values, not keys), joined by spaces.
fn words_of(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push(' ');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| words_of(i, out)),
        serde_json::Value::Object(map) => map.values().for_each(|i| words_of(i, out)),
        _ => {}
    }
}

impl From<serde_json::Value> for Audience {
    /// `patient_list`, or any description of people drawn from the organisation's records
    /// ("custom audience uploaded from the patient list", "patient_contact_list"), also as
    /// an object (`{"source": "patient_mobile_list", "purpose": "…"}`, read by its values).
    fn from(v: serde_json::Value) -> Self {
        let mut s = String::new();
        words_of(&v, &mut s);
        let s = s.to_ascii_lowercase();
        if has(
            &s,
            &[
                "patient",
                "crm",
                "contact_list",
                "contact list",
                "customer",
                "mailing",
            ],
        ) {
            Audience::PatientList
        } else if has(&s, &["public", "everyone", "follower", "general"]) {
            Audience::Public
        } else {
            Audience::Unknown
        }
    }
}

/// A consent as a yes/no, or per person (`{"Maria Lopez": true, "Jamal Wright": false}`
/// or `[{"name": "Maria Lopez", "consent": true}, …]`): given only when every person
/// listed gave it; a person whose consent is not stated has not given it.
pub fn all_consented<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    struct Person {
        #[serde(default, alias = "consented", alias = "given", alias = "on_file")]
        consent: Option<bool>,
    }
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Flag(bool),
        People(std::collections::BTreeMap<String, bool>),
        List(Vec<Person>),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::Flag(b)) => Some(b),
        Some(Wire::People(m)) => Some(!m.is_empty() && m.values().all(|&b| b)),
        Some(Wire::List(l)) => Some(!l.is_empty() && l.iter().all(|p| p.consent == Some(true))),
    })
}

/// A landing page as an object, or as a string naming its kind (`"booking"`).
pub fn landing<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::request::LandingPage>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Kind(String),
        Page(crate::request::LandingPage),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::Kind(k)) => Some(crate::request::LandingPage {
            kind: Some(k),
            ..Default::default()
        }),
        Some(Wire::Page(p)) => Some(p),
    })
}

/// Trackers as a list, one name, or a yes/no: `true` is an unnamed third-party tracker.
/// What `"trackers": true` stands for: some tracker, not named.
pub const UNNAMED_TRACKER: &str = "unnamed third-party tracker";

pub fn trackers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        List(Vec<String>),
        One(String),
        Flag(bool),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::List(v)) => Some(v),
        Some(Wire::One(t)) => Some(vec![t]),
        Some(Wire::Flag(true)) => Some(vec![UNNAMED_TRACKER.to_string()]),
        Some(Wire::Flag(false)) => Some(Vec::new()),
    })
}

/// [`Media`] as sent: `shows` as free text, plus an optional `visible` list.
#[derive(Deserialize)]
pub struct RawMedia {
    #[serde(default, alias = "type")]
    kind: Option<String>,
    #[serde(default, alias = "content", alias = "subject")]
    shows: Option<String>,
    #[serde(default)]
    faces_blurred: Option<bool>,
    #[serde(default)]
    clinical_image: Option<bool>,
    #[serde(default)]
    identifiers_removed: Option<bool>,
    #[serde(default, alias = "visible_items", alias = "contains")]
    visible: Vec<String>,
}

impl From<RawMedia> for Media {
    fn from(r: RawMedia) -> Media {
        let desc = r.shows.as_deref().unwrap_or("").to_ascii_lowercase();
        let visible: Vec<String> = r.visible.iter().map(|v| v.to_ascii_lowercase()).collect();
        let mut shows = r.shows.as_deref().map(Shows::from_description);
        // Anything about a patient in the visible list, or a patient identifier other than
        // staff badges (a census board, a wristband), puts a patient in the picture.
        let staff_badge = |v: &str| has(v, &["badge", "name tag", "id card", "lanyard"]);
        if visible
            .iter()
            .any(|v| has(v, &["patient"]) || has(v, IDENTIFYING) && !staff_badge(v))
            && shows != Some(Shows::Patients)
        {
            shows = Some(Shows::Patients);
        }
        // "staff in front of the unit whiteboard; OCR reads 'Rm 412 HALVERSON…'": a board,
        // band or chart with patients' details puts those patients in the picture too,
        // unless the description says they were taken out.
        if has(
            &desc,
            &[
                "whiteboard",
                "census",
                "wristband",
                "armband",
                "ocr",
                "names",
                "room number",
                "bed number",
            ],
        ) && !has(&desc, DEIDENTIFIED)
            && !staff_badge(&desc)
        {
            shows = Some(Shows::Patients);
        }
        let described_clinical = has(&desc, CLINICAL);
        // "shows": "screen", "whiteboard", "wristband": the identifier is the subject,
        // unless the description says it was taken out ("chart, redacted").
        let identifying_visible = visible
            .iter()
            .any(|v| has(v, IDENTIFYING) && !staff_badge(v))
            || has(
                &desc,
                &[
                    "screen",
                    "monitor",
                    "whiteboard",
                    "wristband",
                    "census",
                    "chart",
                    "board",
                ],
            );
        let identifiers_removed = r.identifiers_removed.or(if has(&desc, DEIDENTIFIED) {
            Some(true)
        } else if identifying_visible {
            Some(false)
        } else {
            None
        });
        // "photographed from behind; faces not visible": hidden faces, as blurred ones.
        let faces_blurred = r.faces_blurred.or_else(|| {
            has(
                &desc,
                &[
                    "blurred",
                    "pixelated",
                    "from behind",
                    "faces not visible",
                    "faces hidden",
                    "no faces visible",
                    "backs to the camera",
                    "silhouette*",
                ],
            )
            .then_some(true)
        });
        Media {
            kind: r.kind,
            shows,
            faces_blurred,
            clinical_image: r
                .clinical_image
                .or_else(|| described_clinical.then_some(true)),
            identifiers_removed,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::request::{Audience, Facts, Media, Shows};

    fn media(json: &str) -> Media {
        serde_json::from_str(json).expect("media parses")
    }

    #[test]
    fn described_media_is_read_by_its_words() {
        let cases = [
            ("children's faces", Shows::Patients),
            ("patient_face_before_after", Shows::Patients),
            ("staff member only, staff lounge", Shows::Staff),
            ("empty imaging suite", Shows::None),
            ("text_only", Shows::None),
            ("crowd at the health camp", Shows::People),
            ("care_area", Shows::Unknown),
            ("people", Shows::People),
            ("exterior of the mammography van, no people", Shows::None),
            ("empty ward, no patients", Shows::None),
            ("no people, but a nurse at the desk", Shows::Staff),
        ];
        for (desc, want) in cases {
            assert_eq!(Shows::from_description(desc), want, "{desc}");
        }
        let xray = media(r#"{"kind":"image","shows":"x-ray, de-identified"}"#);
        assert_eq!(xray.clinical_image, Some(true));
        assert_eq!(xray.identifiers_removed, Some(true));
        let ward = media(
            r#"{"shows":"staff","faces_blurred":true,"visible":["census whiteboard with names"]}"#,
        );
        assert_eq!(ward.identifiers_removed, Some(false));
        let redacted = media(r#"{"shows":"chart, redacted"}"#);
        assert_eq!(redacted.identifiers_removed, Some(true), "redaction wins");
        assert_eq!(
            Shows::from_description("kidney model"),
            Shows::Unknown,
            "no kid in kidney"
        );
        assert_eq!(media(r#"{"shows":"keyboard"}"#).identifiers_removed, None);
        let badge = media(r#"{"shows":"staff","visible":["staff name badges"]}"#);
        assert_eq!(
            badge.shows,
            Some(Shows::Staff),
            "staff badges are the staff's"
        );
        let board = media(
            r#"{"shows":"staff in front of the unit whiteboard; OCR reads 'Rm 412 HALVERSON - NPO'"}"#,
        );
        assert_eq!(board.shows, Some(Shows::Patients));
        assert_eq!(board.identifiers_removed, Some(false));
        let behind = media(
            r#"{"shows":"waiting area with 20 patients photographed from behind; faces not visible"}"#,
        );
        assert_eq!(behind.shows, Some(Shows::Patients));
        assert_eq!(behind.faces_blurred, Some(true));
        let wiped = media(r#"{"shows":"staff at the whiteboard, names redacted"}"#);
        assert_eq!(wiped.shows, Some(Shows::Staff));
        let census = media(r#"{"shows":"staff","visible":["census whiteboard"]}"#);
        assert_eq!(
            census.shows,
            Some(Shows::Patients),
            "a census board is patients'"
        );
        let stated = media(r#"{"shows":"scan","clinical_image":false}"#);
        assert_eq!(stated.clinical_image, Some(false), "a stated value wins");
    }

    #[test]
    fn fact_aliases_and_audience_descriptions() {
        let f: Facts = serde_json::from_str(
            r#"{"parental_consent":false,"staff_media_consent":true,
                "link":{"lands_on":"booking_page","trackers":["Meta Pixel"]},
                "audience_source":"custom audience uploaded from the patient list"}"#,
        )
        .expect("facts parse");
        assert_eq!(f.guardian_consent, Some(false));
        assert_eq!(f.staff_consent, Some(true));
        let page = f.landing_page.clone().expect("link is the landing page");
        assert_eq!(page.kind.as_deref(), Some("booking_page"));
        assert_eq!(page.trackers_found(), Some(vec!["Meta Pixel".to_string()]));
        assert_eq!(f.audience_kind(), Some(Audience::PatientList));
        let f: Facts = serde_json::from_str(
            r#"{"audience": {"source": "patient_mobile_list", "marketing_consent": false}}"#,
        )
        .unwrap();
        assert_eq!(f.audience, Some(Audience::PatientList));
        let flagged: Facts =
            serde_json::from_str(r#"{"link":{"lands_on":"booking","third_party_trackers":true}}"#)
                .expect("a yes/no tracker flag parses");
        assert_eq!(
            flagged
                .landing_page
                .and_then(|l| l.third_party_trackers)
                .map(|t| t.len()),
            Some(1)
        );
        let one: Facts =
            serde_json::from_str(r#"{"link":{"third_party_trackers":"meta_pixel"}}"#).unwrap();
        assert_eq!(
            one.landing_page.and_then(|l| l.third_party_trackers),
            Some(vec!["meta_pixel".to_string()])
        );
        let bad = serde_json::from_str::<Facts>(r#"{"link":{"third_party_trackers":7}}"#);
        assert!(
            bad.is_err(),
            "a number is neither a list, a name nor a yes/no"
        );
        // Beside the other facts, and a landing page given as its kind.
        let beside: Facts = serde_json::from_str(
            r#"{"link_lands":"booking_page","third_party_trackers":["Meta Pixel"]}"#,
        )
        .unwrap();
        assert_eq!(beside.landing_kind.as_deref(), Some("booking_page"));
        assert_eq!(beside.third_party_trackers.map(|t| t.len()), Some(1));
        let people: Facts = serde_json::from_str(
            r#"{"staff_media_consent": {"Maria Lopez": true, "Jamal Wright": false}}"#,
        )
        .unwrap();
        assert_eq!(people.staff_consent, Some(false));
        let listed = |json: &str| {
            serde_json::from_str::<Facts>(json)
                .map(|f| f.staff_consent)
                .map_err(|e| e.to_string())
        };
        assert_eq!(
            listed(
                r#"{"staff_consent": [{"name": "Carla", "consent": true}, {"name": "Jamal", "consented": true}]}"#
            ),
            Ok(Some(true))
        );
        assert_eq!(
            listed(
                r#"{"staff_consent": [{"name": "Hannah Cho", "consent": true}, {"name": "Miguel Santos"}]}"#
            ),
            Ok(Some(false))
        );
        let kind: Facts = serde_json::from_str(r#"{"landing_page":"portal"}"#).unwrap();
        assert_eq!(
            kind.landing_page.and_then(|l| l.kind).as_deref(),
            Some("portal")
        );
        let both: Facts = serde_json::from_str(
            r#"{"link":{"lands_on":"booking","third_party_trackers":true,"trackers":["meta_pixel"]}}"#,
        )
        .unwrap();
        assert_eq!(
            both.landing_page.and_then(|l| l.trackers_found()),
            Some(vec!["meta_pixel".to_string()])
        );
        let nested: Facts =
            serde_json::from_str(r#"{"link":{"landing":"booking","trackers":["tiktok"]}}"#)
                .unwrap();
        assert_eq!(
            nested.landing_page.and_then(|l| l.kind).as_deref(),
            Some("booking")
        );
        let round: Facts =
            serde_json::from_str(&serde_json::to_string(&f_with_media()).unwrap()).unwrap();
        assert_eq!(
            round,
            f_with_media(),
            "canonical output reads back the same"
        );
    }

    fn f_with_media() -> Facts {
        Facts {
            media: vec![Media {
                kind: Some("image".into()),
                shows: Some(Shows::Patients),
                faces_blurred: Some(true),
                clinical_image: None,
                identifiers_removed: Some(false),
            }],
            audience: Some(Audience::Public),
            ..Facts::default()
        }
    }
}
