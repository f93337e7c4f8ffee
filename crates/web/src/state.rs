use std::sync::Arc;

use service::checker::Checker;
use service::clock::Clock;
use service::Passwords;
use store::Db;
use vault::Sealer;

use crate::metrics::Metrics;

/// Settings the web layer needs from the configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The address people use, for links printed or shown once (setup, invitations).
    pub public_url: String,
    /// Mark cookies `Secure`; on when `public_url` is https.
    pub secure_cookies: bool,
    /// Larger request bodies get 413.
    pub max_body_bytes: usize,
    /// Larger uploads (signed documents, media) get 413.
    pub max_upload_bytes: usize,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Where uploaded files (signed consent documents, media) are kept.
    pub data_dir: std::path::PathBuf,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            public_url: "http://127.0.0.1:8080".into(),
            secure_cookies: false,
            max_body_bytes: 1024 * 1024,
            max_upload_bytes: 20 * 1024 * 1024,
            trust_proxy: false,
            data_dir: std::path::PathBuf::from("./bedside-data"),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub passwords: Arc<Passwords>,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<WebConfig>,
    pub sealer: Arc<Sealer>,
    pub checker: Arc<Checker>,
    pub(crate) metrics: Arc<Metrics>,
}

impl AppState {
    pub fn new(
        db: Db,
        passwords: Passwords,
        clock: Arc<dyn Clock>,
        config: WebConfig,
        sealer: Sealer,
    ) -> Self {
        AppState {
            db,
            passwords: Arc::new(passwords),
            clock,
            config: Arc::new(config),
            sealer: Arc::new(sealer),
            checker: Arc::new(Checker::default()),
            metrics: Arc::new(Metrics::default()),
        }
    }

    /// What use cases that run the compliance check need.
    pub fn deps(&self) -> service::posts::Deps<'_> {
        service::posts::Deps {
            db: &self.db,
            sealer: &self.sealer,
            checker: &self.checker,
        }
    }

    /// The compliance engine of an organisation (cached; rebuilt when its policy changes).
    pub async fn engine(&self, org_id: i64) -> Result<Arc<policy::Engine>, service::ServiceError> {
        self.checker.engine(&self.db, &self.sealer, org_id).await
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }
}
