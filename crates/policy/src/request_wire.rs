//! Lenient reading of the request's descriptive facts: consents given per person, an
//! audience described in words or as an object, a landing page given as its kind, trackers
//! as a list, one name or a yes/no. Media descriptions are read in [`crate::request_media`],
//! the patient authorisation in [`crate::request_auth`].

use serde::Deserialize;

use crate::request::Audience;

/// Whether `s` (lower case) holds one of `words`: a phrase (with a space or hyphen) as a
/// substring, a word as a whole word or its plural, a `stem*` as a word's beginning.
/// "kidney" is no kid and "keyboard" no board.
pub(crate) fn has(s: &str, words: &[&str]) -> bool {
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
    use serde::de::Error;
    use serde_json::Value;
    // One person's consent: yes only when it says yes ("unknown" has not been given).
    let given = |v: &Value| match v {
        Value::Bool(b) => Ok(*b),
        Value::String(w) => word_flag(w).map(|f| f == Some(true)),
        Value::Null => Ok(false),
        _ => Err("a person's consent must be true, false or a yes/no word".to_string()),
    };
    let all = |l: Vec<Result<bool, String>>| -> Result<Option<bool>, D::Error> {
        let l: Vec<bool> = l
            .into_iter()
            .collect::<Result<_, _>>()
            .map_err(D::Error::custom)?;
        Ok(Some(!l.is_empty() && l.into_iter().all(|b| b)))
    };
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(Value::String(w)) => word_flag(&w).map_err(D::Error::custom),
        Some(Value::Object(m)) => all(m.values().map(given).collect()),
        Some(Value::Array(l)) => all(
            l.iter()
                .map(|p| {
                    let c = ["consent", "consented", "given", "on_file"]
                        .iter()
                        .find_map(|k| p.get(*k));
                    c.map_or(Ok(false), given)
                })
                .collect(),
        ),
        Some(_) => Err(D::Error::custom(
            "staff_consent must be true, false, a map of names to yes/no, or a list of {name, consent}",
        )),
    }
}

/// A yes/no in words (see [`flag`]).
pub(crate) fn word_flag(w: &str) -> Result<Option<bool>, String> {
    match w.trim().to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" | "given" | "on file" | "on_file" | "signed" | "obtained" => {
            Ok(Some(true))
        }
        "no" | "n" | "false" | "not given" | "refused" | "declined" | "withdrawn" | "revoked"
        | "pending" => Ok(Some(false)),
        "" | "unknown" | "unsure" | "not stated" | "not_stated" | "n/a" | "na" | "none" => Ok(None),
        other => Err(format!(
            "{other:?} is not a yes/no: use true, false, null, or \"yes\", \"no\", \"unknown\""
        )),
    }
}

/// A yes/no fact, also as words: `"yes"`, `"given"` are yes; `"no"`, `"refused"`,
/// `"pending"` no; `"unknown"`, `"not stated"`, `"none"` say nothing (the field's documented
/// default applies). Other words, numbers and objects are an error that names what is
/// accepted.
pub fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    struct Flag;
    impl<'de> serde::de::Visitor<'de> for Flag {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("true, false, null, or \"yes\", \"no\", \"unknown\"")
        }
        fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<Self::Value, E> {
            Ok(Some(b))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(Flag)
        }
        fn visit_str<E: serde::de::Error>(self, w: &str) -> Result<Self::Value, E> {
            word_flag(w).map_err(E::custom)
        }
    }
    d.deserialize_option(Flag)
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

#[cfg(test)]
mod tests {
    use crate::request::{Audience, Facts, Media, Shows};

    #[test]
    fn yes_no_facts_in_words() {
        let read = |j: &str| serde_json::from_str::<Facts>(j);
        let f = read(r#"{"marketing_consent":"unknown","guardian_consent":"yes","connection_disclosed":"no"}"#)
            .unwrap();
        assert_eq!(f.marketing_consent, None, "unknown says nothing");
        assert_eq!(f.guardian_consent, Some(true));
        assert_eq!(f.connection_disclosed, Some(false));
        let err = read(r#"{"patient_minor":"maybe"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a yes/no"), "{err}");
        let err = read(r#"{"patient_minor":1}"#).unwrap_err().to_string();
        assert!(err.contains("expected true, false, null"), "{err}");
        let pending = read(r#"{"guardian_consent":"pending"}"#).unwrap();
        assert_eq!(pending.guardian_consent, Some(false));
        assert_eq!(
            read(r#"{"guardian_consent":null}"#)
                .unwrap()
                .guardian_consent,
            None
        );
        assert_eq!(
            read(r#"{"guardian_consent":true}"#)
                .unwrap()
                .guardian_consent,
            Some(true)
        );
        // The guardian's signed form as a record: given when signed and in force.
        let signed = r#"{"guardian_consent":{"signed_by":"mother","scope":["photo"],"expires":"2027-01-31"}}"#;
        assert_eq!(read(signed).unwrap().guardian_consent, Some(true));
        let revoked = r#"{"guardian_consent":{"signed_by":"father","status":"revoked"}}"#;
        assert_eq!(read(revoked).unwrap().guardian_consent, Some(false));
        // Through the request's reader: expired by the publication date, or signed by
        // the patient, it is not a guardian's consent.
        let facts = |j: &str| {
            let v: serde_json::Value = serde_json::from_str(j).unwrap();
            crate::request_auth::facts(v).unwrap().guardian_consent
        };
        let expired = r#"{"guardian_consent":{"signed_by":"mother","expires":"2025-06-30"},"publish_date":"2026-12-05"}"#;
        assert_eq!(facts(expired), Some(false));
        assert_eq!(
            facts(r#"{"guardian_consent":{"signed_by":"patient"}}"#),
            Some(false)
        );
        // The signer is read as an authorisation's signer is: a parent or guardian.
        let signer = |who: &str| {
            facts(&format!(
                r#"{{"guardian_consent":{{"signed_by":"{who}"}}}}"#
            ))
        };
        assert_eq!(signer("Mom"), Some(true));
        assert_eq!(signer("aunt"), Some(false));
        assert_eq!(
            facts(
                r#"{"guardian_consent":{"signed_by":"father","expires":"2027-01-31"},"publish_date":"2026-12-05"}"#
            ),
            Some(true)
        );
        let err = read(r#"{"guardian_consent":3}"#).unwrap_err().to_string();
        assert!(err.contains("guardian_consent must be"), "{err}");
        let staff = read(r#"{"staff_consent":{"Luis Ortega":true,"Ben Whitfield":"unknown"}}"#);
        assert_eq!(
            staff.unwrap().staff_consent,
            Some(false),
            "unknown is not given"
        );
        let staff = read(r#"{"staff_consent":{"Luis Ortega":true,"Priya Nair":"yes"}}"#);
        assert_eq!(staff.unwrap().staff_consent, Some(true));
        let staff = read(r#"{"staff_consent":[{"name":"Luis","consent":true}]}"#);
        assert_eq!(staff.unwrap().staff_consent, Some(true));
        let err = read(r#"{"staff_consent":7}"#).unwrap_err().to_string();
        assert!(err.contains("map of names"), "{err}");
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
        // Two bare "yes" answers are still some tracker, not none.
        let yes: Facts =
            serde_json::from_str(r#"{"link":{"third_party_trackers":true,"trackers":true}}"#)
                .unwrap();
        assert_eq!(
            yes.landing_page
                .and_then(|l| l.trackers_found())
                .map(|t| t.len()),
            Some(1)
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
