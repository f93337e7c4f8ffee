//! `bedside scan`: find PHI/PII in a file or stdin, as marked-up text for people or as
//! JSON lines for programs.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use phi::{Detector, DetectorConfig, Family, Finding};
use serde::{Deserialize, Serialize};

use crate::lines::{run_lines, LineJob, LineOutcome};
use crate::BatchError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScanFormat {
    /// The text with findings marked, for people.
    Text,
    /// One JSON object per line in (`{"id", "text"}`), one per line out.
    Jsonl,
}

/// `bedside scan`: find PHI/PII in text.
#[derive(Debug, Clone, clap::Args)]
pub struct ScanArgs {
    /// File to read (default: stdin).
    pub file: Option<PathBuf>,
    /// Input and output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,
    /// Worker threads (JSON lines only; output order is always input order).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Report findings at or above this confidence.
    #[arg(long, default_value_t = 0.5)]
    pub min_confidence: f32,
    /// Also report the health family (conditions, procedures, medications, results, visits).
    #[arg(long)]
    pub health: bool,
}

/// Exit status: 0 nothing found, 1 something found, 2 on error.
pub fn run_scan(args: ScanArgs) -> ExitCode {
    match scan(&args, std::io::stdout().lock()) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bedside scan: {e}");
            ExitCode::from(2)
        }
    }
}

fn open(file: &Option<PathBuf>) -> Result<Box<dyn BufRead + Send>, BatchError> {
    Ok(match file {
        Some(p) => {
            let f = std::fs::File::open(p).map_err(|source| BatchError::Open {
                path: p.display().to_string(),
                source,
            })?;
            Box::new(BufReader::with_capacity(1 << 16, f))
        }
        None => Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
    })
}

/// Run a scan writing to `out`; returns whether anything was found.
pub fn scan<W: Write>(args: &ScanArgs, out: W) -> Result<bool, BatchError> {
    let config = DetectorConfig {
        health: args.health,
        min_confidence: args.min_confidence,
        ..DetectorConfig::default()
    };
    let detector = Detector::new(config);
    let input = open(&args.file)?;
    match args.format {
        ScanFormat::Jsonl => {
            let job = JsonlScan { detector };
            let stats = run_lines(
                input,
                std::io::BufWriter::with_capacity(1 << 16, out),
                args.threads.max(1),
                &job,
            )?;
            Ok(stats.found > 0)
        }
        ScanFormat::Text => scan_text(&detector, input, out),
    }
}

struct JsonlScan {
    detector: Detector,
}

#[derive(Deserialize)]
struct ScanInput<'a> {
    /// Borrowed from the input line unless it contains escapes.
    #[serde(borrow)]
    text: Option<std::borrow::Cow<'a, str>>,
    id: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct OutSpan<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    confidence: f32,
}

#[derive(Serialize)]
struct ScanOutput<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    spans: Vec<OutSpan<'a>>,
}

fn out_spans<'a>(text: &'a str, found: &'a [Finding]) -> Vec<OutSpan<'a>> {
    found
        .iter()
        .map(|f| OutSpan {
            kind: f.kind.label(),
            start: f.char_start,
            end: f.char_end,
            text: f.text(text),
            confidence: (f.confidence * 100.0).round() / 100.0,
        })
        .collect()
}

fn error_line(line_no: u64, error: &str) -> LineOutcome {
    let output = serde_json::json!({ "line": line_no, "error": error }).to_string();
    LineOutcome {
        output,
        found: false,
        bad: true,
    }
}

impl LineJob for JsonlScan {
    fn process(&self, line_no: u64, line: &[u8]) -> LineOutcome {
        let parsed: ScanInput = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => return error_line(line_no, &format!("invalid JSON: {e}")),
        };
        let Some(text) = parsed.text else {
            return error_line(line_no, "missing \"text\" string field");
        };
        let text: &str = &text;
        // A detector bug must cost one line, not the whole stream.
        let detected =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.detector.detect(text)));
        let Ok(found) = detected else {
            return error_line(line_no, "internal error while scanning this line");
        };
        let out = ScanOutput {
            id: parsed.id.as_ref(),
            spans: out_spans(text, &found),
        };
        match serde_json::to_string(&out) {
            Ok(output) => LineOutcome {
                output,
                found: !found.is_empty(),
                bad: false,
            },
            Err(e) => error_line(line_no, &format!("cannot encode result: {e}")),
        }
    }
}

/// Text mode: paragraph by paragraph (blank-line separated, so multi-line addresses stay
/// together), each printed with its findings marked `[[text|TYPE 0.93]]`.
fn scan_text<R: Read, W: Write>(detector: &Detector, input: R, out: W) -> Result<bool, BatchError> {
    let mut out = std::io::BufWriter::new(out);
    let mut reader = BufReader::new(input);
    let mut para = String::new();
    let mut any = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(BatchError::Read)?;
        let s = String::from_utf8_lossy(&line);
        let blank = s.trim().is_empty();
        if n > 0 && !blank {
            para.push_str(&s);
        }
        // Flush at a blank line, at the end, or when a paragraph grows very large.
        if n == 0 || blank || para.len() > (1 << 20) {
            any |= mark(detector, &para, &mut out)?;
            if n > 0 && blank {
                out.write_all(s.as_bytes()).map_err(BatchError::Write)?;
            }
            para.clear();
        }
        if n == 0 {
            break;
        }
    }
    out.flush().map_err(BatchError::Write)?;
    Ok(any)
}

fn mark<W: Write>(detector: &Detector, text: &str, out: &mut W) -> Result<bool, BatchError> {
    if text.is_empty() {
        return Ok(false);
    }
    let found = detector.detect(text);
    let mut s = String::with_capacity(text.len() + found.len() * 24);
    let mut pos = 0;
    for f in found
        .iter()
        .filter(|f| f.kind.family() == Family::Identifier || detector.config().health)
    {
        if f.start < pos {
            continue; // a health term overlapping an identifier: already marked
        }
        s.push_str(&text[pos..f.start]);
        s.push_str(&format!(
            "[[{}|{} {:.2}]]",
            f.text(text),
            f.kind.label(),
            f.confidence
        ));
        pos = f.end;
    }
    s.push_str(&text[pos..]);
    out.write_all(s.as_bytes()).map_err(BatchError::Write)?;
    Ok(!found.is_empty())
}
