//! `bedside eval`: score the detector on labelled data sets (Presidio research JSON or
//! JSON lines with `text` and `spans`), character-level P/R/F2 and span recall, overall and
//! per type, plus throughput.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use phi::{Detector, DetectorConfig, Family};
use serde_json::Value;

use crate::score::{Span, Tally};
use crate::BatchError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    All,
    /// Even-numbered texts: the half used while developing rules.
    Dev,
    /// Odd-numbered texts: held out.
    Test,
}

/// `bedside eval`: score the detector on labelled data.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// Data sets: Presidio-research JSON arrays or JSON lines with "text" and "spans".
    #[arg(default_values_t = [
        "../shared/data/presidio-research/synth_dataset_v2.json".to_string(),
        "../shared/data/social-pii/faker_social_2000.jsonl".to_string(),
    ])]
    pub datasets: Vec<String>,
    /// Count findings at or above this confidence.
    #[arg(long, default_value_t = 0.5)]
    pub min_confidence: f32,
    /// Which texts to score.
    #[arg(long, value_enum, default_value_t = Split::All)]
    pub split: Split,
    /// Print up to N missed and N spurious spans per data set (for rule work on `dev`).
    #[arg(long, default_value_t = 0)]
    pub errors: usize,
    /// Print results as one JSON object per data set.
    #[arg(long)]
    pub json: bool,
}

pub struct Sample {
    pub text: String,
    pub spans: Vec<Span>,
}

fn data_err(path: &Path, reason: impl Into<String>) -> BatchError {
    BatchError::Data {
        path: path.display().to_string(),
        reason: reason.into(),
    }
}

fn span_of(v: &Value, keys: (&str, &str, &str)) -> Option<Span> {
    Some(Span {
        label: v.get(keys.0)?.as_str()?.to_string(),
        start: usize::try_from(v.get(keys.1)?.as_u64()?).ok()?,
        end: usize::try_from(v.get(keys.2)?.as_u64()?).ok()?,
    })
}

fn sample_of(v: &Value) -> Option<Sample> {
    if let Some(text) = v.get("full_text").and_then(Value::as_str) {
        let spans = v
            .get("spans")?
            .as_array()?
            .iter()
            .filter_map(|s| span_of(s, ("entity_type", "start_position", "end_position")))
            .collect();
        return Some(Sample {
            text: text.to_string(),
            spans,
        });
    }
    let text = v.get("text")?.as_str()?.to_string();
    let spans = v
        .get("spans")?
        .as_array()?
        .iter()
        .filter_map(|s| span_of(s, ("type", "start", "end")))
        .collect();
    Some(Sample { text, spans })
}

/// Load a data set: a JSON array (Presidio research format) or JSON lines.
pub fn load(path: &Path) -> Result<Vec<Sample>, BatchError> {
    let open = |p: &Path| {
        std::fs::File::open(p).map_err(|source| BatchError::Open {
            path: p.display().to_string(),
            source,
        })
    };
    let mut reader = std::io::BufReader::new(open(path)?);
    let first = reader
        .fill_buf()
        .map_err(BatchError::Read)?
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    if first == Some(b'[') {
        let all: Vec<Value> =
            serde_json::from_reader(reader).map_err(|e| data_err(path, e.to_string()))?;
        return all
            .iter()
            .map(|v| sample_of(v).ok_or_else(|| data_err(path, "record without text/spans")))
            .collect();
    }
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.map_err(BatchError::Read)?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .map_err(|e| data_err(path, format!("line {}: {e}", n + 1)))?;
        out.push(
            sample_of(&v)
                .ok_or_else(|| data_err(path, format!("line {}: no text/spans", n + 1)))?,
        );
    }
    Ok(out)
}

pub fn run_eval(args: EvalArgs) -> ExitCode {
    match eval(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bedside eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn eval(args: &EvalArgs) -> Result<(), BatchError> {
    let detector = Detector::new(DetectorConfig {
        health: false,
        min_confidence: args.min_confidence,
        ..DetectorConfig::default()
    });
    for path in &args.datasets {
        let path = PathBuf::from(path);
        let samples: Vec<Sample> = load(&path)?
            .into_iter()
            .enumerate()
            .filter(|(i, _)| match args.split {
                Split::All => true,
                Split::Dev => i % 2 == 0,
                Split::Test => i % 2 == 1,
            })
            .map(|(_, s)| s)
            .collect();
        let mut tally = Tally::default();
        let mut misses = Vec::new();
        let mut spurious = Vec::new();
        for s in &samples {
            let found = detector.detect(&s.text);
            let pred: Vec<Span> = found
                .iter()
                .filter(|f| f.kind.family() == Family::Identifier)
                .map(|f| Span {
                    start: f.char_start,
                    end: f.char_end,
                    label: f.kind.label().to_string(),
                })
                .collect();
            tally.add(&s.text, &s.spans, &pred);
            if args.errors > 0 {
                crate::eval_report::collect_errors(s, &pred, &mut misses, &mut spurious);
            }
        }
        let rate = throughput(&detector, &samples);
        crate::eval_report::print(&path, &tally, rate, args.json);
        if args.errors > 0 {
            crate::eval_report::print_errors(&misses, &spurious, args.errors);
        }
    }
    Ok(())
}

/// Texts per second on one thread: repeated passes until half a second has elapsed.
fn throughput(detector: &Detector, samples: &[Sample]) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed().as_secs_f64() < 0.5 {
        for s in samples {
            std::hint::black_box(detector.detect(&s.text));
        }
        n += samples.len() as u64;
    }
    n as f64 / start.elapsed().as_secs_f64()
}
