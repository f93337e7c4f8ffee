//! Lenient reading of attached media: `shows` in words (`"children's faces"`,
//! `"x-ray, de-identified"`, `"staff member only, staff lounge"`) and a `visible` list,
//! read by the words they contain, cautiously: anything not recognised stays `unknown`.

use serde::Deserialize;

use crate::request::{Media, Shows};
use crate::request_absent::strip_absent;
use crate::request_wire::has;

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
        // "exterior of the van, no people": who is said to be absent is not shown.
        let (s, absent) = strip_absent(&s.to_ascii_lowercase());
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
                "signage",
                "signboard",
                "sign board",
                "notice board",
                "banner",
                "flyer",
                "leaflet",
                "brochure",
            ],
        ) || absent
        {
            Shows::None
        } else {
            Shows::Unknown
        }
    }
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
        let said = r.shows.as_deref().unwrap_or("").to_ascii_lowercase();
        // What is in the picture ("no patients, screens or charts" names what is not);
        // what was done to it (cropped, blurred) is read from everything said.
        let desc = strip_absent(&said).0;
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
        ) && !has(&said, DEIDENTIFIED)
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
                    // "CT with the patient label burned in".
                    "patient label",
                    "name label",
                    "burned-in",
                    "burnt-in",
                    "burned in",
                    "burnt in",
                    "burned_in",
                    "burnt_in",
                ],
            );
        let identifiers_removed = r.identifiers_removed.or(if has(&said, DEIDENTIFIED) {
            Some(true)
        } else if identifying_visible {
            Some(false)
        } else {
            None
        });
        // "photographed from behind; faces not visible": hidden faces, as blurred ones.
        let faces_blurred = r.faces_blurred.or_else(|| {
            has(
                &said,
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
    use crate::request::{Media, Shows};

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
            ("signage", Shows::None),
            ("empty ward, no patients", Shows::None),
            ("no people, but a nurse at the desk", Shows::Staff),
            (
                "staff portrait in a hallway; no patients, screens or charts",
                Shows::Staff,
            ),
            (
                "volunteers and the camp banner; no patients visible",
                Shows::People,
            ),
            ("volunteers at the table; no patients' faces", Shows::People),
            (
                "no patients in the frame. a nurse with a patient's chart",
                Shows::Patients,
            ),
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
        let portrait = media(r#"{"shows":"staff portrait; no patients, screens or charts"}"#);
        assert_eq!(
            portrait.identifiers_removed, None,
            "absent charts are not shown"
        );
        let stated = media(r#"{"shows":"scan","clinical_image":false}"#);
        assert_eq!(stated.clinical_image, Some(false), "a stated value wins");
    }
}
