//! Ordered, parallel, constant-memory processing of line-oriented input. Shared by
//! `bedside scan --format jsonl` and `bedside check`: lines are read in batches, processed
//! by N workers and written back in input order; a line that cannot be processed yields
//! its own error output and the stream goes on.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use crossbeam_channel::bounded;

use crate::BatchError;

/// Lines per unit of work: large enough to amortise channel traffic, small enough that
/// the in-flight memory stays bounded (a few batches per worker).
const BATCH_LINES: usize = 256;
/// Stop filling a batch early once it holds this many bytes (very long lines).
const BATCH_BYTES: usize = 1 << 20;

/// What processing one line produced.
#[derive(Debug, Default)]
pub struct LineOutcome {
    /// The output line, without its trailing newline.
    pub output: String,
    /// Something was found (drives exit status 1).
    pub found: bool,
    /// The line was malformed (its output is an error object).
    pub bad: bool,
}

/// One unit of line work. Implementations are shared by reference across workers.
pub trait LineJob: Sync {
    /// Process line number `line_no` (1-based). `line` is the raw bytes without the
    /// line terminator; it may not be UTF-8.
    fn process(&self, line_no: u64, line: &[u8]) -> LineOutcome;
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunStats {
    pub lines: u64,
    pub found: u64,
    pub bad: u64,
}

struct Batch {
    seq: u64,
    first_line: u64,
    lines: Vec<Vec<u8>>,
}

fn read_batch<R: BufRead>(
    input: &mut R,
    seq: u64,
    first_line: u64,
) -> Result<Option<Batch>, BatchError> {
    let mut lines = Vec::with_capacity(BATCH_LINES);
    let mut bytes = 0;
    while lines.len() < BATCH_LINES && bytes < BATCH_BYTES {
        let mut buf = Vec::new();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(BatchError::Read)?;
        if n == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        bytes += buf.len();
        lines.push(buf);
    }
    Ok((!lines.is_empty()).then_some(Batch {
        seq,
        first_line,
        lines,
    }))
}

fn write_outcomes<W: Write>(
    out: &mut W,
    outcomes: &[LineOutcome],
    stats: &mut RunStats,
) -> Result<(), BatchError> {
    for o in outcomes {
        out.write_all(o.output.as_bytes())
            .map_err(BatchError::Write)?;
        out.write_all(b"\n").map_err(BatchError::Write)?;
        stats.lines += 1;
        stats.found += u64::from(o.found);
        stats.bad += u64::from(o.bad);
    }
    Ok(())
}

fn process_batch<J: LineJob>(job: &J, b: &Batch) -> Vec<LineOutcome> {
    b.lines
        .iter()
        .enumerate()
        .map(|(k, l)| job.process(b.first_line + k as u64, l))
        .collect()
}

/// Run `job` over every line of `input`, writing outputs to `out` in input order.
/// `threads` ≤ 1 processes inline.
pub fn run_lines<R, W, J>(
    mut input: R,
    mut out: W,
    threads: usize,
    job: &J,
) -> Result<RunStats, BatchError>
where
    R: BufRead + Send,
    W: Write,
    J: LineJob,
{
    let mut stats = RunStats::default();
    if threads <= 1 {
        // One thread: no batching, one reused line buffer.
        let mut buf = Vec::new();
        let mut line_no = 0u64;
        loop {
            buf.clear();
            if input
                .read_until(b'\n', &mut buf)
                .map_err(BatchError::Read)?
                == 0
            {
                break;
            }
            line_no += 1;
            let mut line = buf.as_slice();
            line = line.strip_suffix(b"\n").unwrap_or(line);
            line = line.strip_suffix(b"\r").unwrap_or(line);
            let outcome = job.process(line_no, line);
            write_outcomes(&mut out, std::slice::from_ref(&outcome), &mut stats)?;
        }
        out.flush().map_err(BatchError::Write)?;
        return Ok(stats);
    }
    let (work_tx, work_rx) = bounded::<Batch>(threads * 2);
    let (done_tx, done_rx) = bounded::<(u64, Vec<LineOutcome>)>(threads * 2);
    std::thread::scope(|s| -> Result<RunStats, BatchError> {
        let reader = s.spawn(move || -> Result<(), BatchError> {
            let (mut seq, mut line) = (0u64, 1u64);
            while let Some(b) = read_batch(&mut input, seq, line)? {
                seq += 1;
                line += b.lines.len() as u64;
                if work_tx.send(b).is_err() {
                    break; // the writer stopped (write error): nothing left to do
                }
            }
            Ok(())
        });
        for _ in 0..threads {
            let rx = work_rx.clone();
            let tx = done_tx.clone();
            s.spawn(move || {
                for b in rx {
                    if tx.send((b.seq, process_batch(job, &b))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(work_rx);
        drop(done_tx);
        // Reorder: hold early batches until their predecessors arrive.
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        for (seq, outcomes) in done_rx.iter() {
            pending.insert(seq, outcomes);
            while let Some(o) = pending.remove(&next) {
                if result.is_ok() {
                    result = write_outcomes(&mut out, &o, &mut stats);
                }
                next += 1;
            }
            if result.is_err() {
                break;
            }
        }
        drop(done_rx);
        result?;
        reader.join().map_err(|_| BatchError::Worker)??;
        out.flush().map_err(BatchError::Write)?;
        Ok(stats)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Echo;
    impl LineJob for Echo {
        fn process(&self, n: u64, line: &[u8]) -> LineOutcome {
            let s = String::from_utf8_lossy(line);
            LineOutcome {
                output: format!("{n}:{s}"),
                found: s.contains('x'),
                bad: s.is_empty(),
            }
        }
    }

    #[test]
    fn keeps_order_across_threads() {
        let input: String = (0..5000)
            .map(|i| format!("l{i}{}\n", if i % 7 == 0 { "x" } else { "" }))
            .collect();
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            let stats = run_lines(input.as_bytes(), &mut out, threads, &Echo).expect("run");
            let text = String::from_utf8(out).expect("utf8");
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), 5000);
            assert!(lines[4999].starts_with("5000:l4999"));
            assert_eq!(stats.found, (0..5000).filter(|i| i % 7 == 0).count() as u64);
        }
    }
}
