//! PHI/PII detector. Text in, findings out: no I/O, no async, no database.
//!
//! Build a [`Detector`] once from a [`DetectorConfig`] and share it across threads.

mod finding;

pub use finding::{Evidence, Family, Finding, Kind};

/// Which detector families are on, plus organisation-specific additions.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct DetectorConfig {
    /// Extra MRN / account-number patterns (regex syntax, linear-time engine).
    #[serde(default)]
    pub mrn_patterns: Vec<String>,
}

/// The detector. Cheap to share (`Send + Sync`); build once.
#[derive(Debug)]
pub struct Detector {
    _config: DetectorConfig,
}

impl Detector {
    pub fn new(config: DetectorConfig) -> Self {
        Detector { _config: config }
    }

    /// All findings in `text`, sorted by start offset, overlaps resolved deterministically.
    pub fn detect(&self, _text: &str) -> Vec<Finding> {
        Vec::new()
    }
}
