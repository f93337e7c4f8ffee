//! `bedside check`: JSON-lines check requests in, results out in the same order; or one
//! `--text` checked and printed for people. `bedside eval --compliance FILE` scores the
//! engine on labelled cases ([`run_check_eval`]).

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policy::{CheckRequest, CheckResult, Engine, OrgPolicy};

use crate::lines::{run_lines, LineJob, LineOutcome};

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid organisation policy {path}: {source}")]
    Org {
        path: String,
        source: serde_json::Error,
    },
    #[error("invalid --facts JSON: {0}")]
    Facts(serde_json::Error),
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

/// `bedside check`: run the compliance engine over check requests.
#[derive(Debug, Default, clap::Args)]
pub struct CheckArgs {
    /// File of JSON-lines check requests (default: stdin).
    pub file: Option<PathBuf>,
    /// Check this one text and print a readable report instead of JSON lines.
    #[arg(long)]
    pub text: Option<String>,
    /// Channel for --text, e.g. google_review_reply, facebook_post, instagram_dm.
    #[arg(long)]
    pub channel: Option<String>,
    /// US or IN (for --text).
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// outbound (default) or inbound (for --text).
    #[arg(long)]
    pub direction: Option<String>,
    /// The review or comment being answered (for --text).
    #[arg(long)]
    pub in_reply_to: Option<String>,
    /// Facts as a JSON object (for --text), e.g. '{"patient_authorization":false}'.
    #[arg(long)]
    pub facts: Option<String>,
    /// Organisation policy (JSON): staff, own phones, packs, emergency numbers…
    #[arg(long)]
    pub org: Option<PathBuf>,
    /// Worker threads for JSON lines (output order is always input order).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
}

pub fn load_org(path: Option<&Path>) -> Result<OrgPolicy, CheckError> {
    let Some(path) = path else {
        return Ok(OrgPolicy::default());
    };
    let text = std::fs::read_to_string(path).map_err(|source| CheckError::Read {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| CheckError::Org {
        path: path.display().to_string(),
        source,
    })
}

pub fn run_check(args: CheckArgs) -> ExitCode {
    match check_main(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bedside check: {e}");
            ExitCode::from(2)
        }
    }
}

fn check_main(args: &CheckArgs) -> Result<ExitCode, CheckError> {
    let engine = Engine::new(load_org(args.org.as_deref())?);
    if let Some(text) = &args.text {
        let req = text_request(args, text)?;
        let res = engine.check(&req);
        let mut out = std::io::stdout().lock();
        out.write_all(report(&req, &res).as_bytes())?;
        return Ok(match res.verdict {
            policy::Verdict::Allow => ExitCode::SUCCESS,
            _ => ExitCode::from(1),
        });
    }
    let input: Box<dyn Read + Send> = match &args.file {
        Some(p) => Box::new(std::fs::File::open(p).map_err(|source| CheckError::Read {
            path: p.display().to_string(),
            source,
        })?),
        None => Box::new(std::io::stdin()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    check_lines(&engine, BufReader::new(input), &mut out, args.threads)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One output line per input line, in input order, checked by `threads` workers. A line
/// that is not a valid request yields `{"line": N, "error": "…"}` and checking goes on;
/// blank lines are echoed as blank lines so line numbers stay aligned.
pub fn check_lines(
    engine: &Engine,
    input: impl BufRead + Send,
    out: &mut impl Write,
    threads: usize,
) -> Result<(), CheckError> {
    run_lines(input, out, threads.max(1), &CheckJob { engine })
        .map(|_| ())
        .map_err(|e| CheckError::Write(std::io::Error::other(e.to_string())))
}

struct CheckJob<'a> {
    engine: &'a Engine,
}

impl LineJob for CheckJob<'_> {
    fn process(&self, line_no: u64, line: &[u8]) -> LineOutcome {
        if line.iter().all(u8::is_ascii_whitespace) {
            return LineOutcome::default();
        }
        let (output, bad, found) = match serde_json::from_slice::<CheckRequest>(line) {
            Ok(req) => {
                let res = self.engine.check(&req);
                let found = res.verdict != policy::Verdict::Allow;
                (serde_json::to_string(&res), false, found)
            }
            Err(e) => (
                serde_json::to_string(
                    &serde_json::json!({"line": line_no, "error": e.to_string()}),
                ),
                true,
                false,
            ),
        };
        // Serialising our own types cannot fail; keep an error line just in case.
        let output = output.unwrap_or_else(|e| format!(r#"{{"line":{line_no},"error":"{e}"}}"#));
        LineOutcome { output, found, bad }
    }
}

/// Parse a CLI word into one of the request's enums ("in" -> IN, "Inbound" -> inbound).
fn str_enum<T: serde::de::DeserializeOwned>(s: &Option<String>, upper: bool) -> Option<T> {
    s.as_ref().and_then(|v| {
        let v = if upper {
            v.to_uppercase()
        } else {
            v.to_lowercase()
        };
        serde_json::from_value(serde_json::Value::String(v)).ok()
    })
}

fn text_request(args: &CheckArgs, text: &str) -> Result<CheckRequest, CheckError> {
    let facts = match &args.facts {
        Some(f) => serde_json::from_str(f).map_err(CheckError::Facts)?,
        None => Default::default(),
    };
    Ok(CheckRequest {
        id: None,
        text: text.to_string(),
        channel: args.channel.clone(),
        direction: str_enum(&args.direction, false),
        jurisdiction: str_enum(&args.jurisdiction, true),
        in_reply_to: args.in_reply_to.clone(),
        facts,
    })
}

/// Readable report for one check.
pub fn report(req: &CheckRequest, res: &CheckResult) -> String {
    let mut s = format!("Verdict: {}\n", res.verdict.as_str().to_uppercase());
    if res.escalate {
        s.push_str("ESCALATE: a person must respond now.\n");
    }
    if res.findings.is_empty() {
        s.push_str("No rule fired.\n");
    }
    let mut last_rule = "";
    for f in &res.findings {
        if f.rule != last_rule {
            s.push_str(&format!(
                "\n[{}] {} ({})\n  Fix: {}\n",
                f.rule, f.message, f.verdict, f.fix
            ));
            last_rule = &f.rule;
        }
        if f.end > f.start {
            s.push_str(&format!(
                "  - \"{}\" (characters {}-{})\n",
                f.text, f.start, f.end
            ));
        }
    }
    if !res.phi.is_empty() {
        s.push_str("\nPatient information:\n");
        for p in &res.phi {
            let t: String = req
                .text
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect();
            s.push_str(&format!("  - {}: \"{}\"\n", p.kind, t));
        }
    }
    if let Some(sug) = &res.suggestion {
        s.push_str(&format!("\nSuggested text:\n  {sug}\n"));
    }
    s
}

/// `bedside eval --compliance FILE`: score the engine on labelled cases.
#[derive(Debug, clap::Args)]
pub struct CheckEvalArgs {
    /// JSONL file of labelled cases (compliance-dev.jsonl format).
    pub file: PathBuf,
    /// Organisation policy (JSON).
    #[arg(long)]
    pub org: Option<PathBuf>,
}

/// Score the engine on a labelled JSONL file.
pub fn run_check_eval(path: &Path, org: OrgPolicy) -> Result<policy::eval::Score, CheckError> {
    let text = std::fs::read_to_string(path).map_err(|source| CheckError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let (cases, errors) = policy::eval::parse_cases(&text);
    for (line, e) in errors {
        eprintln!("{}:{line}: skipped: {e}", path.display());
    }
    Ok(policy::eval::score(&Engine::new(org), &cases))
}

/// CLI wrapper: prints the report; exit code 1 if any risky case was allowed.
pub fn run_compliance_eval(args: CheckEvalArgs) -> ExitCode {
    let run = load_org(args.org.as_deref()).and_then(|org| run_check_eval(&args.file, org));
    match run {
        Ok(score) => {
            print!("{}", score.render());
            if score.unsafe_allowed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("bedside eval: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_in_order_with_errors() {
        let engine = Engine::new(OrgPolicy::default());
        let input = "{\"id\":\"a\",\"text\":\"Open Saturday 9-1.\"}\nnot json\n\n{\"id\":\"b\",\"text\":\"This review is false.\",\"channel\":\"google_review_reply\"}\n";
        let mut out = Vec::new();
        check_lines(&engine, input.as_bytes(), &mut out, 2).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3, "blank input lines stay blank");
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["verdict"], "allow");
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].is_string());
        assert_eq!(lines[2]["id"], "b");
        assert_eq!(lines[2]["verdict"], "needs_review");
    }
}
