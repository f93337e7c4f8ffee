//! Configuration: built-in defaults, then a TOML file, then `BEDSIDE_*` environment
//! variables, then command-line flags — each later source overrides the earlier.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};

/// Everything that can be set in the TOML file (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub database_url: Option<String>,
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub secret_key_file: Option<PathBuf>,
    pub public_url: Option<String>,
    pub log_format: Option<String>,
    pub max_body_bytes: Option<usize>,
    pub max_upload_bytes: Option<usize>,
    pub trust_proxy: Option<bool>,
    pub platform_sim: Option<String>,
    pub publisher: Option<bool>,
    pub publisher_poll_ms: Option<u64>,
    pub publisher_concurrency: Option<usize>,
    pub publisher_lease_ms: Option<i64>,
    pub short_links: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub database_url: String,
    pub listen: String,
    pub data_dir: PathBuf,
    pub secret_key_file: PathBuf,
    pub public_url: String,
    pub log_format: String,
    pub max_body_bytes: usize,
    pub max_upload_bytes: usize,
    pub trust_proxy: bool,
    /// Control URL of a `bedside sim` to publish to instead of the real platforms.
    pub platform_sim: Option<String>,
    /// Run the publisher in this process.
    pub publisher: bool,
    /// Idle poll interval of the publisher (jittered; PostgreSQL also wakes it at once).
    pub publisher_poll_ms: u64,
    /// Platform calls in flight at once per instance.
    pub publisher_concurrency: usize,
    /// How long a claim or a send is an instance's before another may take over.
    pub publisher_lease_ms: i64,
    /// Publish links as short links under `public_url` (click counting, campaign
    /// parameters). Default: on, unless `public_url` is a loopback address that the
    /// platforms' users could not reach (then only with the simulator).
    pub short_links: bool,
}

/// Overrides from the command line.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub config_file: Option<PathBuf>,
    pub listen: Option<String>,
    pub database_url: Option<String>,
    pub json_logs: bool,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn env_parse<T: std::str::FromStr>(name: &str) -> anyhow::Result<Option<T>> {
    match env(name) {
        None => Ok(None),
        Some(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| anyhow::anyhow!("{name}={v:?} is not valid")),
    }
}

impl Config {
    pub fn load(flags: &Flags) -> anyhow::Result<Config> {
        let file_path = flags
            .config_file
            .clone()
            .or_else(|| env("BEDSIDE_CONFIG").map(PathBuf::from));
        let file = match &file_path {
            Some(p) => read_file(p)?,
            None => FileConfig::default(),
        };
        let data_dir = env("BEDSIDE_DATA_DIR")
            .map(PathBuf::from)
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from("./bedside-data"));
        let database_url = flags
            .database_url
            .clone()
            .or_else(|| env("BEDSIDE_DATABASE_URL"))
            .or(file.database_url)
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("bedside.db").display()));
        let listen = flags
            .listen
            .clone()
            .or_else(|| env("BEDSIDE_LISTEN"))
            .or(file.listen)
            .unwrap_or_else(|| "127.0.0.1:8080".into());
        let secret_key_file = env("BEDSIDE_SECRET_KEY_FILE")
            .map(PathBuf::from)
            .or(file.secret_key_file)
            .unwrap_or_else(|| data_dir.join("secret.key"));
        let public_url = env("BEDSIDE_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{listen}"));
        let log_format = if flags.json_logs {
            "json".to_string()
        } else {
            env("BEDSIDE_LOG_FORMAT")
                .or(file.log_format)
                .unwrap_or_else(|| "pretty".into())
        };
        if !matches!(log_format.as_str(), "pretty" | "json") {
            bail!("log_format must be \"pretty\" or \"json\", not {log_format:?}");
        }
        let max_body_bytes = env_parse("BEDSIDE_MAX_BODY_BYTES")?
            .or(file.max_body_bytes)
            .unwrap_or(1024 * 1024);
        let max_upload_bytes = env_parse("BEDSIDE_MAX_UPLOAD_BYTES")?
            .or(file.max_upload_bytes)
            .unwrap_or(20 * 1024 * 1024);
        let trust_proxy = env_parse("BEDSIDE_TRUST_PROXY")?
            .or(file.trust_proxy)
            .unwrap_or(false);
        let platform_sim = env("BEDSIDE_PLATFORM_SIM").or(file.platform_sim);
        if let Some(u) = &platform_sim {
            if !(u.starts_with("http://") || u.starts_with("https://")) {
                bail!("platform_sim must be the simulator's control URL, e.g. http://127.0.0.1:9800, not {u:?}");
            }
        }
        let publisher = env_parse("BEDSIDE_PUBLISHER")?
            .or(file.publisher)
            .unwrap_or(true);
        let publisher_poll_ms = env_parse("BEDSIDE_PUBLISHER_POLL_MS")?
            .or(file.publisher_poll_ms)
            .unwrap_or(500);
        if !(10..=60_000).contains(&publisher_poll_ms) {
            bail!("publisher_poll_ms must be between 10 and 60000, not {publisher_poll_ms}");
        }
        let publisher_concurrency = env_parse("BEDSIDE_PUBLISHER_CONCURRENCY")?
            .or(file.publisher_concurrency)
            .unwrap_or(32);
        if !(1..=1024).contains(&publisher_concurrency) {
            bail!("publisher_concurrency must be between 1 and 1024, not {publisher_concurrency}");
        }
        let publisher_lease_ms = env_parse("BEDSIDE_PUBLISHER_LEASE_MS")?
            .or(file.publisher_lease_ms)
            .unwrap_or(120_000);
        if !(3_000..=3_600_000).contains(&publisher_lease_ms) {
            bail!("publisher_lease_ms must be between 3000 and 3600000, not {publisher_lease_ms}");
        }
        let reachable = !["://127.", "://localhost", "://[::1]"]
            .iter()
            .any(|h| public_url.contains(h));
        let short_links = env_parse("BEDSIDE_SHORT_LINKS")?
            .or(file.short_links)
            .unwrap_or(reachable || platform_sim.is_some());
        Ok(Config {
            short_links,
            publisher_lease_ms,
            platform_sim,
            publisher,
            publisher_poll_ms,
            publisher_concurrency,
            database_url,
            listen,
            data_dir,
            secret_key_file,
            public_url,
            log_format,
            max_body_bytes,
            max_upload_bytes,
            trust_proxy,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.database_url.starts_with("sqlite:")
    }

    /// The effective configuration as TOML, with the database password masked.
    pub fn masked_toml(&self) -> String {
        let mut shown = self.clone();
        shown.database_url = mask_url_password(&self.database_url);
        toml::to_string(&shown).unwrap_or_else(|e| format!("# cannot render configuration: {e}\n"))
    }

    pub fn web(&self) -> web::WebConfig {
        web::WebConfig {
            public_url: self.public_url.clone(),
            secure_cookies: self.public_url.starts_with("https://"),
            max_body_bytes: self.max_body_bytes,
            max_upload_bytes: self.max_upload_bytes,
            trust_proxy: self.trust_proxy,
            data_dir: self.data_dir.clone(),
        }
    }
}

fn read_file(p: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("cannot read configuration file {}", p.display()))?;
    toml::from_str(&text)
        .with_context(|| format!("configuration file {} is not valid", p.display()))
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn mask_url_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let Some(at) = rest.find('@') else {
        return url.to_string();
    };
    let userinfo = &rest[..at];
    match userinfo.find(':') {
        Some(colon) => format!(
            "{}{}:***{}",
            &url[..scheme_end],
            &userinfo[..colon],
            &rest[at..]
        ),
        None => url.to_string(),
    }
}

/// The key that encrypts secrets at rest: 32 random bytes, hex, created with mode 0600 on
/// first start. An unreadable or malformed file is an error, never silently replaced.
pub fn load_or_create_secret_key(path: &Path) -> anyhow::Result<[u8; 32]> {
    if path.exists() {
        return read_secret_key(path);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut key = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
    write_private(path, &hex::encode(key))
        .with_context(|| format!("cannot write the secret key file {}", path.display()))?;
    Ok(key)
}

pub fn read_secret_key(path: &Path) -> anyhow::Result<[u8; 32]> {
    {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the secret key file {}", path.display()))?;
        let bytes = hex::decode(text.trim())
            .ok()
            .filter(|b| b.len() == 32)
            .with_context(|| {
                format!(
                    "the secret key file {} must hold 64 hex characters",
                    path.display()
                )
            })?;
        let mut key = [0u8; 32];
        key.copy_from_slice(&bytes);
        Ok(key)
    }
}

pub fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(contents.as_bytes())?;
    f.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_password() {
        assert_eq!(
            mask_url_password("postgres://u:pw@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(mask_url_password("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(mask_url_password("sqlite://./x.db"), "sqlite://./x.db");
    }

    #[test]
    fn secret_key_is_created_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        let a = load_or_create_secret_key(&p).unwrap();
        let b = load_or_create_secret_key(&p).unwrap();
        assert_eq!(a, b);
        std::fs::write(&p, "not hex").unwrap();
        let e = load_or_create_secret_key(&p).unwrap_err();
        assert!(format!("{e:#}").contains("64 hex characters"));
    }
}
