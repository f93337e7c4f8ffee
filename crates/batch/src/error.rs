use thiserror::Error;

/// Errors of the command-line layer. Malformed input lines are not errors: they are
/// reported in the output stream and processing goes on.
#[derive(Debug, Error)]
pub enum BatchError {
    #[error("cannot open {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("read error: {0}")]
    Read(#[source] std::io::Error),
    #[error("write error: {0}")]
    Write(#[source] std::io::Error),
    #[error("a worker thread panicked")]
    Worker,
    #[error("bad data in {path}: {reason}")]
    Data { path: String, reason: String },
    #[error("detector configuration: {0}")]
    Config(#[from] phi::ConfigError),
}
