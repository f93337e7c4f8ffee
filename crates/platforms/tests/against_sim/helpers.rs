use std::time::Duration;

use bytes::Bytes;
use platforms::{
    AccountAuth, Connector, Connectors, Endpoint, Media, Outgoing, Platform, Probe, Settings,
};
use sim::{SimConfig, SimHandle};

pub struct Env {
    pub sim: SimHandle,
    pub conns: Connectors,
}

pub fn settings() -> Settings {
    Settings {
        request_timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(5),
        poll_interval: Duration::ZERO,
        max_polls: 5,
        pool_idle: true,
    }
}

pub fn connectors_for(sim: &SimHandle, settings: &Settings) -> Connectors {
    Connectors::new(settings, |p| {
        Endpoint::at(p, &sim.base_url(p)).with_app("sim-client", Some("sim-secret"))
    })
    .expect("connectors build")
}

pub async fn env() -> Env {
    env_with(settings()).await
}

pub async fn env_with(settings: Settings) -> Env {
    let sim = sim::spawn(SimConfig::default())
        .await
        .expect("simulator starts");
    let conns = connectors_for(&sim, &settings);
    Env { sim, conns }
}

impl Env {
    pub fn conn(&self, p: Platform) -> &dyn Connector {
        self.conns.get(p)
    }

    /// The demo account's current credentials.
    pub fn auth(&self, p: Platform) -> AccountAuth {
        let a = self.sim.account(p).expect("demo account");
        let mut auth = AccountAuth::new(a.id, a.access_token).with_refresh_token(a.refresh_token);
        if p == Platform::Bluesky {
            auth.app_password = Some(a.password.into());
        }
        auth
    }
}

pub fn image() -> Media {
    Media {
        bytes: Bytes::from_static(b"\xff\xd8\xff\xe0 simulated jpeg"),
        mime: "image/jpeg".into(),
        alt_text: "The clinic's front entrance".into(),
        public_url: Some("https://cdn.clinic.example/entrance.jpg".into()),
    }
}

pub fn video() -> Media {
    Media {
        bytes: Bytes::from(vec![7u8; 64 * 1024]),
        mime: "video/mp4".into(),
        alt_text: String::new(),
        public_url: Some("https://cdn.clinic.example/tour.mp4".into()),
    }
}

/// A post each platform accepts: media only where the platform requires it.
pub fn post(p: Platform, text: &str, key: &str) -> Outgoing {
    let media = match p {
        Platform::Instagram => vec![image()],
        Platform::Youtube => vec![video()],
        _ => vec![],
    };
    Outgoing {
        text: text.into(),
        title: (p == Platform::Youtube).then(|| "Clinic news".to_string()),
        media,
        idempotency_key: key.into(),
        marker: None,
        language: Some("en".into()),
        created_at: jiff::Timestamp::from_second(1_750_000_000).expect("valid"),
    }
}

pub fn probe(o: &Outgoing) -> Probe {
    let mut p = Probe::from(o);
    p.not_before = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_mins(5))
        .ok();
    p
}

/// Live posts on the platform with exactly this text, as the simulator stored them.
pub async fn stored(env: &Env, p: Platform, text: &str) -> usize {
    env.sim
        .state()
        .await
        .live_posts(p)
        .iter()
        .filter(|post| post.text == text)
        .count()
}

pub fn connectors_for_bases(base: impl Fn(Platform) -> String) -> Connectors {
    Connectors::new(&settings(), |p| Endpoint::at(p, &base(p))).expect("connectors build")
}
