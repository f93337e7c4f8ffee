//! Running tesseract: image bytes on stdin, TSV on stdout, a hard time limit.

use super::{parse_tsv, Recognition};
use crate::MediaError;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct OcrConfig {
    /// The tesseract binary; a bare name is looked up on PATH.
    pub binary: PathBuf,
    /// Tesseract language list, e.g. "eng+hin".
    pub languages: String,
    /// Longer than this and the process is killed and [`MediaError::OcrTimeout`] returned.
    pub timeout: Duration,
}

impl Default for OcrConfig {
    fn default() -> Self {
        OcrConfig {
            binary: PathBuf::from("tesseract"),
            languages: "eng+hin".to_string(),
            timeout: Duration::from_secs(60),
        }
    }
}

/// Recognise the text in an image (any format tesseract's Leptonica reads: JPEG, PNG, GIF,
/// WebP). One thread per image: tesseract's own OpenMP threads are switched off, since a
/// web server runs several of these at once.
pub fn recognise(image: &[u8], config: &OcrConfig) -> Result<Recognition, MediaError> {
    let mut child = Command::new(&config.binary)
        .args(["stdin", "stdout", "-l", &config.languages, "tsv"])
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => MediaError::OcrUnavailable(format!(
                "{} was not found; install the tesseract-ocr package",
                config.binary.display()
            )),
            _ => MediaError::OcrUnavailable(format!("cannot start tesseract: {e}")),
        })?;
    // Feed and drain on threads so a full pipe can never stall the wait below.
    let mut stdin = child.stdin.take();
    let input = image.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            // A write error means tesseract exited early; its status says why.
            let _ = stdin.write_all(&input);
        }
    });
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > config.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(MediaError::OcrTimeout {
                    seconds: config.timeout.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(MediaError::OcrFailed(format!("waiting for tesseract: {e}"))),
        }
    };
    let _ = writer.join();
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        let reason = String::from_utf8_lossy(&stderr);
        let reason = reason
            .lines()
            .find(|l| l.contains("rror") || l.contains("ailed"))
            .or_else(|| reason.lines().next())
            .unwrap_or("no message");
        return Err(MediaError::OcrFailed(format!(
            "tesseract exited with {status}: {reason}"
        )));
    }
    let tsv = String::from_utf8(stdout)
        .map_err(|_| MediaError::OcrFailed("tesseract wrote invalid UTF-8".into()))?;
    Ok(Recognition::from_words(parse_tsv(&tsv)?))
}

fn drain<R: Read + Send + 'static>(pipe: Option<R>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut out);
        }
        out
    })
}
