//! Text inside images, read by the Debian `tesseract` binary (`tesseract-ocr` with English
//! and Hindi data). The TSV parser and the text/region mapping are pure; [`recognise`] is
//! the one function that starts a process.
//!
//! The recognised text is meant for the compliance engine: a finding's byte span in
//! [`Recognition::text`] maps back to the [`Region`] of the image it came from.

mod process;

pub use process::{recognise, OcrConfig};

use crate::MediaError;
use std::ops::Range;

/// A rectangle in image pixels, origin top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
}

impl Region {
    pub fn right(self) -> u32 {
        self.left.saturating_add(self.width)
    }

    pub fn bottom(self) -> u32 {
        self.top.saturating_add(self.height)
    }

    /// The smallest region covering both.
    pub fn union(self, other: Region) -> Region {
        let left = self.left.min(other.left);
        let top = self.top.min(other.top);
        let right = self.right().max(other.right());
        let bottom = self.bottom().max(other.bottom());
        Region {
            left,
            top,
            width: right - left,
            height: bottom - top,
        }
    }
}

/// One recognised word.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub region: Region,
    /// Tesseract's confidence, 0–100.
    pub confidence: f32,
    /// Block, paragraph and line numbers: words sharing them are on one line.
    pub line: (u32, u32, u32),
}

/// Parse `tesseract … tsv` output into its words (level-5 rows with text), in reading order.
pub fn parse_tsv(tsv: &str) -> Result<Vec<Word>, MediaError> {
    let mut words = Vec::new();
    for (number, row) in tsv.lines().enumerate() {
        if number == 0 && row.starts_with("level") || row.trim().is_empty() {
            continue;
        }
        let bad = || MediaError::OcrFailed(format!("unexpected TSV row {}", number + 1));
        let fields: Vec<&str> = row.splitn(12, '\t').collect();
        if fields.len() < 11 {
            return Err(bad());
        }
        let num = |i: usize| fields[i].trim().parse::<u32>().map_err(|_| bad());
        if num(0)? != 5 {
            continue;
        }
        let text = fields.get(11).map_or("", |t| t.trim());
        if text.is_empty() {
            continue;
        }
        let region = Region {
            left: num(6)?,
            top: num(7)?,
            width: num(8)?,
            height: num(9)?,
        };
        words.push(Word {
            text: text.to_string(),
            region,
            confidence: fields[10].trim().parse().map_err(|_| bad())?,
            line: (num(2)?, num(3)?, num(4)?),
        });
    }
    Ok(words)
}

/// The words joined into text (spaces within a line, newlines between lines), remembering
/// which bytes each word occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub text: String,
    pub words: Vec<Word>,
    spans: Vec<Range<usize>>,
}

impl Recognition {
    pub fn from_words(words: Vec<Word>) -> Self {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(words.len());
        let mut previous_line = None;
        for word in &words {
            if let Some(line) = previous_line {
                text.push(if line == word.line { ' ' } else { '\n' });
            }
            spans.push(text.len()..text.len() + word.text.len());
            text.push_str(&word.text);
            previous_line = Some(word.line);
        }
        Recognition { text, words, spans }
    }

    /// Where in the image the text at `span` (byte offsets into [`Self::text`]) came from:
    /// the union of the words it touches, `None` if it touches none.
    pub fn region_of(&self, span: Range<usize>) -> Option<Region> {
        self.spans
            .iter()
            .zip(&self.words)
            .filter(|(word, _)| word.start < span.end && span.start < word.end)
            .map(|(_, word)| word.region)
            .reduce(Region::union)
    }
}

#[cfg(test)]
#[path = "ocr_tests.rs"]
mod tests;
