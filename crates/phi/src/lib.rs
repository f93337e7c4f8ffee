//! PHI/PII detector. Text in, findings out: no I/O, no async, no database.
//!
//! Build a [`Detector`] once from a [`DetectorConfig`] and share it across threads:
//!
//! ```
//! let det = phi::Detector::new(phi::DetectorConfig::default());
//! let text = "Patient Hannah Hanson, DOB 03/14/1961, call 555-201-4477";
//! let found = det.detect(text);
//! assert!(found.iter().any(|f| f.kind == phi::Kind::Person));
//! let safe = phi::redact(text, &found, phi::RedactionStyle::Placeholder);
//! assert!(!safe.contains("Hanson"));
//! ```

mod address;
mod checksum;
mod config;
mod contact;
mod ctx;
mod cues;
mod dates;
mod finding;
mod health;
mod ids;
mod lexicon;
mod misc;
mod names;
mod numbers;
mod places;
mod redact;
mod resolve;
mod tokenize;
mod vocab;

pub use checksum::{aadhaar, dea, iban, luhn, mbi, nhs, npi, pan, ssn, verhoeff};
pub use config::{ConfigError, DetectorConfig};
pub use finding::{Evidence, Family, Finding, Kind};
pub use redact::{redact, RedactionStyle};

use config::Allowlist;

/// Texts longer than twice this are processed in windows of about this size.
const WINDOW_BYTES: usize = 64 * 1024;

/// End of the window starting at `start`: the last line break (else space) before
/// `start + WINDOW_BYTES`, so that no name or address is cut; a char boundary at worst.
fn window_end(text: &str, start: usize) -> usize {
    let hard = start + WINDOW_BYTES;
    if hard >= text.len() {
        return text.len();
    }
    let bytes = &text.as_bytes()[start..hard];
    let half = WINDOW_BYTES / 2;
    let cut = memchr::memrchr(b'\n', bytes)
        .filter(|&p| p >= half)
        .or_else(|| memchr::memrchr(b' ', bytes).filter(|&p| p >= half))
        .map(|p| start + p + 1);
    let mut end = cut.unwrap_or(hard);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// What the embedded name lists say of one lower-case word: for reading handles such as
/// `jmorales84` ("morales" is a surname; "spring" is a common word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameWord {
    pub given: bool,
    pub surname: bool,
    pub common: bool,
}

pub fn name_word(lower: &str) -> NameWord {
    let bits = lexicon::Lexicon::get().bits(lower);
    NameWord {
        given: bits & lexicon::FIRST != 0,
        surname: bits & lexicon::LAST != 0,
        common: bits & lexicon::COMMON != 0,
    }
}

/// The detector. Cheap to share (`Send + Sync`); build once. The embedded lexicons are
/// process-wide and built on first use, so later detectors cost almost nothing.
#[derive(Debug)]
pub struct Detector {
    config: DetectorConfig,
    custom: Vec<regex::Regex>,
    disabled: Vec<Kind>,
    allow: Allowlist,
}

impl Default for Detector {
    /// All families on, no organisation additions.
    fn default() -> Self {
        Detector::new(DetectorConfig::default())
    }
}

impl Detector {
    /// Build a detector. Invalid organisation patterns or kind names are skipped; use
    /// [`Detector::try_new`] to have them reported.
    pub fn new(config: DetectorConfig) -> Self {
        let custom = config
            .mrn_patterns
            .iter()
            .filter_map(|p| regex::Regex::new(p).ok())
            .collect();
        let disabled = config
            .disabled_kinds
            .iter()
            .filter_map(|k| Kind::from_label(k))
            .collect();
        Self::assemble(config, custom, disabled)
    }

    pub fn try_new(config: DetectorConfig) -> Result<Self, ConfigError> {
        let mut custom = Vec::new();
        for p in &config.mrn_patterns {
            let re = regex::Regex::new(p).map_err(|source| ConfigError::Pattern {
                pattern: p.clone(),
                source,
            })?;
            custom.push(re);
        }
        let mut disabled = Vec::new();
        for k in &config.disabled_kinds {
            disabled.push(Kind::from_label(k).ok_or_else(|| ConfigError::UnknownKind(k.clone()))?);
        }
        Ok(Self::assemble(config, custom, disabled))
    }

    fn assemble(config: DetectorConfig, custom: Vec<regex::Regex>, disabled: Vec<Kind>) -> Self {
        lexicon::Lexicon::get();
        let allow = Allowlist::new(&config.allowlist);
        Detector {
            config,
            custom,
            disabled,
            allow,
        }
    }

    pub fn config(&self) -> &DetectorConfig {
        &self.config
    }

    /// All findings in `text`, sorted by start offset, overlaps resolved deterministically
    /// (identifiers against identifiers, health terms against health terms).
    pub fn detect(&self, text: &str) -> Vec<Finding> {
        if text.is_empty() {
            return Vec::new();
        }
        let mut found = if text.len() <= WINDOW_BYTES * 2 {
            self.detect_window(text)
        } else {
            // Long documents go window by window, cut at line breaks (or spaces), so that
            // the per-call scratch memory stays bounded whatever the text length.
            let mut all = Vec::new();
            let mut start = 0;
            while start < text.len() {
                let end = window_end(text, start);
                for mut f in self.detect_window(&text[start..end]) {
                    f.start += start;
                    f.end += start;
                    all.push(f);
                }
                start = end;
            }
            all
        };
        resolve::fill_char_offsets(text, &mut found);
        found
    }

    /// Detection on one window of text; byte offsets relative to it, char offsets unset.
    fn detect_window(&self, text: &str) -> Vec<Finding> {
        let mut ctx = ctx::Ctx::new(text);
        if self.config.identifiers {
            contact::scan(&mut ctx);
            numbers::scan(&mut ctx);
            ids::scan(&mut ctx);
            dates::scan(&mut ctx);
            misc::scan(&mut ctx);
            address::scan(&mut ctx);
            places::scan(&mut ctx);
            names::scan(&mut ctx);
            names::scan_lowercase(&mut ctx);
            self.custom_patterns(&mut ctx);
        }
        if self.config.health {
            health::scan(&mut ctx);
        }
        let cands = std::mem::take(&mut ctx.out);
        let mut found = resolve::resolve(cands);
        found.retain(|f| {
            f.confidence >= self.config.min_confidence
                && !self.disabled.contains(&f.kind)
                && !self.allow.contains(f.kind, f.text(text))
        });
        found
    }

    fn custom_patterns(&self, ctx: &mut ctx::Ctx) {
        if self.custom.is_empty() {
            return;
        }
        for re in &self.custom {
            for m in re.find_iter(ctx.text) {
                let ev = Evidence {
                    source: "config:mrn_pattern",
                    ..Evidence::default()
                };
                ctx.push(Kind::Mrn, m.start(), m.end(), 0.95, ev);
            }
        }
    }
}

#[cfg(test)]
mod tests;
