//! The patient authorisation as a request gives it: a yes/no or a record in
//! `patient_authorization`, a record in `authorization`, a scope in `authorization_scope`,
//! and whether a record is still in force on the day of publication.

use serde::Deserialize;

/// `authorization_scope`: a list of the details it covers, or a whole record.
pub fn authorization_scope<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::request::AuthorizationRecord>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Covers(Vec<String>),
        One(String),
        Record(crate::request::AuthorizationRecord),
    }
    Ok(match Option::<Wire>::deserialize(d)? {
        None => None,
        Some(Wire::Covers(v)) => Some(crate::request::AuthorizationRecord {
            covers: Some(v),
            ..Default::default()
        }),
        Some(Wire::One(t)) => Some(crate::request::AuthorizationRecord {
            covers: Some(vec![t]),
            ..Default::default()
        }),
        Some(Wire::Record(r)) => Some(r),
    })
}

/// The request's `facts`, where a `patient_authorization` given as a record also serves as
/// the `authorization` record (unless one is given): its channels, scope, signer and expiry
/// then limit what it clears, as they would there.
pub fn facts<'de, D: serde::Deserializer<'de>>(d: D) -> Result<crate::request::Facts, D::Error> {
    use serde::de::Error;
    let mut v = serde_json::Value::deserialize(d)?;
    if let serde_json::Value::Object(map) = &mut v {
        let record = ["patient_authorization", "patient_authorisation"]
            .iter()
            .find_map(|k| map.get(*k).filter(|r| r.is_object()).cloned());
        let has_record = ["authorization", "authorisation", "consent_record"]
            .iter()
            .any(|k| map.contains_key(*k));
        if let (Some(r), false) = (record, has_record) {
            map.insert("authorization".to_string(), r);
        }
        // A guardian's consent given as a record counts only when a guardian signed it and
        // it had not expired by the publication date.
        let publish = map
            .get("publish_date")
            .and_then(|d| d.as_str())
            .map(str::to_string);
        for key in ["guardian_consent", "parental_consent", "parent_consent"] {
            let Some(g @ serde_json::Value::Object(_)) = map.get(key) else {
                continue;
            };
            // Read as an authorisation record is: its signer, status and expiry.
            let Ok(r) = serde_json::from_value::<crate::request::AuthorizationRecord>(g.clone())
            else {
                continue; // the field's own reader reports the bad shape
            };
            let not_guardian = r
                .signed_by
                .as_deref()
                .is_some_and(|by| !crate::context::guardian_signed(&by.to_ascii_lowercase()));
            if not_guardian || !r.active(publish.as_deref()) {
                map.insert(key.to_string(), serde_json::Value::Bool(false));
            }
        }
    }
    crate::request::Facts::deserialize(v).map_err(|e| D::Error::custom(format!("facts: {e}")))
}

/// `patient_authorization` as yes/no (also in words, as every yes/no fact), or as a record
/// of the authorisation: on file when signed and not revoked, withdrawn or expired by status.
pub fn authorization_flag<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<bool>, D::Error> {
    use serde::de::Error;
    signed_flag(Option::deserialize(d)?, "patient_authorization").map_err(D::Error::custom)
}

/// `guardian_consent` read the same way: a yes/no, a word, or the signed form as a record
/// (`{"signed_by": "mother", "scope": …, "expires": …}`).
pub fn guardian_flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    use serde::de::Error;
    signed_flag(Option::deserialize(d)?, "guardian_consent").map_err(D::Error::custom)
}

/// A consent fact as a yes/no, a yes/no word, or a record that counts as given when it
/// says it is signed, names its signer or is active, and is not revoked or expired.
fn signed_flag(v: Option<serde_json::Value>, field: &str) -> Result<Option<bool>, String> {
    #[derive(Deserialize)]
    struct Signed {
        #[serde(default, alias = "on_file", alias = "given")]
        signed: Option<bool>,
        #[serde(default)]
        revoked: Option<bool>,
        #[serde(flatten)]
        record: crate::request::AuthorizationRecord,
    }
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Bool(b)) => Ok(Some(b)),
        // "yes", "unknown", "pending": the same words as every other yes/no fact.
        Some(serde_json::Value::String(w)) => crate::request_wire::word_flag(&w),
        Some(v @ serde_json::Value::Object(_)) => {
            let r: Signed =
                serde_json::from_value(v).map_err(|e| format!("{field} record: {e}"))?;
            // An empty object says nothing either way.
            if r.signed.is_none() && r.revoked.is_none() && r.record == Default::default() {
                return Ok(None);
            }
            // Signed when it says so, or when it names its signer or says it is active;
            // a status like "pending signature" is not a signature.
            let status = r.record.status.as_deref().unwrap_or("").to_ascii_lowercase();
            let signed = r
                .signed
                .unwrap_or(r.record.signed_by.is_some() || status.trim() == "active");
            Ok(Some(
                signed && r.revoked != Some(true) && r.record.active(None),
            ))
        }
        Some(_) => Err(format!(
            "{field} must be true, false, null, a yes/no word or a record such as {{\"signed\": true}}"
        )),
    }
}

impl crate::request::AuthorizationRecord {
    /// Not revoked, and not expired before `when` (both dates as `YYYY-MM-DD`; without
    /// both, expiry is for the consent registry to enforce).
    pub(crate) fn active(&self, when: Option<&str>) -> bool {
        let st = self.status.as_deref().unwrap_or("").to_ascii_lowercase();
        let revoked = [
            "revoked",
            "expired",
            "withdrawn",
            "lapsed",
            "cancelled",
            "inactive",
            "not active",
            "pending",
            "unsigned",
            "draft",
            "requested",
        ]
        .iter()
        .any(|w| st.contains(w));
        let lapsed = match (
            self.expires.as_deref().and_then(iso_day),
            when.and_then(iso_day),
        ) {
            (Some(until), Some(on)) => until < on,
            _ => false,
        };
        !revoked && !lapsed
    }
}

/// The `YYYY-MM-DD` a date string starts with.
fn iso_day(s: &str) -> Option<&str> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10)).then_some(d)
}

#[cfg(test)]
mod tests {
    use crate::request::Facts;

    #[test]
    fn authorization_scope_is_a_list_or_a_record() {
        let list: Facts =
            serde_json::from_str(r#"{"authorization_scope":["name","procedure"]}"#).unwrap();
        let covers = list.record().and_then(|r| r.covers.clone());
        assert_eq!(
            covers,
            Some(vec!["name".to_string(), "procedure".to_string()])
        );
        let record: Facts =
            serde_json::from_str(r#"{"authorization_scope":{"channels":["instagram"]}}"#).unwrap();
        assert_eq!(
            record.authorization_channels(),
            Some(&["instagram".to_string()][..])
        );
        // A scope says what an authorisation covers, never that one exists.
        assert!(!record.authorization_on_file());
        let both: Facts = serde_json::from_str(
            r#"{"authorization":{"signed_by":"guardian"},"authorization_scope":["name"]}"#,
        )
        .unwrap();
        assert_eq!(both.authorization_signed_by(), Some("guardian"));
    }

    #[test]
    fn patient_authorization_as_a_record() {
        let read = |facts: &str| serde_json::from_str::<Facts>(facts).unwrap();
        let signed = read(
            r#"{"patient_authorization":{"signed":true,"covers":["first name"],"purpose":"marketing"}}"#,
        );
        assert_eq!(signed.patient_authorization, Some(true));
        assert!(signed.authorization_on_file());
        let unsigned = read(r#"{"patient_authorization":{"signed":false}}"#);
        assert_eq!(unsigned.patient_authorization, Some(false));
        let revoked = read(r#"{"patient_authorization":{"status":"revoked"}}"#);
        assert_eq!(revoked.patient_authorization, Some(false));
        assert_eq!(
            read(r#"{"patient_authorization":{}}"#).patient_authorization,
            None
        );
        assert_eq!(
            read(r#"{"patient_authorization":"yes"}"#).patient_authorization,
            Some(true)
        );
        assert_eq!(
            read(r#"{"patient_authorization":"unknown"}"#).patient_authorization,
            None
        );
        assert!(serde_json::from_str::<Facts>(r#"{"patient_authorization":"maybe"}"#).is_err());
        assert!(serde_json::from_str::<Facts>(r#"{"patient_authorization":3}"#).is_err());
        let pending = read(r#"{"patient_authorization":{"status":"pending signature"}}"#);
        assert_eq!(pending.patient_authorization, Some(false));
        let flagged = read(r#"{"patient_authorization":{"signed":true,"revoked":true}}"#);
        assert_eq!(flagged.patient_authorization, Some(false));
        // In a request the record's limits travel with it.
        let req: crate::request::CheckRequest = serde_json::from_str(
            r#"{"text":"t","facts":{"patient_authorization":{"signed":true,"channels":["website"],"expires":"2024-01-01"},"publish_date":"2025-02-01"}}"#,
        )
        .unwrap();
        assert_eq!(
            req.facts.authorization_channels(),
            Some(&["website".to_string()][..])
        );
        assert!(
            !req.facts.authorization_on_file(),
            "expired before publication"
        );
    }
}
