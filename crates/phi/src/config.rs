//! Detector configuration: families on or off, organisation-specific patterns and an
//! allowlist of strings that are never PHI for this organisation.

use serde::{Deserialize, Serialize};

use crate::finding::Kind;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct DetectorConfig {
    /// Report identifiers (names, places, dates, contact details, ID numbers).
    pub identifiers: bool,
    /// Report the health family (conditions, procedures, medications, results, visits).
    pub health: bool,
    /// Kinds never reported (e.g. `["FACILITY_UNIT"]`), by [`Kind::label`].
    pub disabled_kinds: Vec<String>,
    /// Findings below this confidence are dropped (0 keeps every candidate).
    pub min_confidence: f32,
    /// Extra MRN / account-number patterns (regex syntax, linear-time engine).
    pub mrn_patterns: Vec<String>,
    /// Strings that are not PHI for this organisation: its own phone numbers, handles,
    /// addresses, staff names. Compared case-insensitively; numbers by their digits.
    pub allowlist: Vec<String>,
}

impl Default for DetectorConfig {
    fn default() -> Self {
        DetectorConfig {
            identifiers: true,
            health: true,
            disabled_kinds: Vec::new(),
            min_confidence: 0.0,
            mrn_patterns: Vec::new(),
            allowlist: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid MRN pattern {pattern:?}: {source}")]
    Pattern {
        pattern: String,
        #[source]
        source: regex::Error,
    },
    #[error("unknown kind {0:?} in disabled_kinds")]
    UnknownKind(String),
}

/// The allowlist normalised for cheap comparison.
#[derive(Debug, Default)]
pub(crate) struct Allowlist {
    words: Vec<String>,
    digits: Vec<String>,
}

fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl Allowlist {
    pub fn new(items: &[String]) -> Allowlist {
        let mut a = Allowlist::default();
        for item in items {
            let d = digits_of(item);
            if d.len() >= 5 && d.len() * 2 >= item.chars().filter(|c| !c.is_whitespace()).count() {
                a.digits.push(d);
            } else {
                a.words
                    .push(item.trim().trim_start_matches('@').to_lowercase());
            }
        }
        a
    }

    pub fn contains(&self, kind: Kind, span: &str) -> bool {
        if self.words.is_empty() && self.digits.is_empty() {
            return false;
        }
        let numeric = matches!(
            kind,
            Kind::Phone
                | Kind::Fax
                | Kind::AccountNumber
                | Kind::Npi
                | Kind::ZipCode
                | Kind::PinCode
        );
        if numeric {
            let d = digits_of(span);
            if self
                .digits
                .iter()
                .any(|a| d.ends_with(a.as_str()) || a.ends_with(d.as_str()) && d.len() >= 7)
            {
                return true;
            }
        }
        let lower = span.trim().to_lowercase();
        self.words.contains(&lower)
    }
}
