//! Load for `bench/publish.sh`: a demo organisation with many accounts per platform, each
//! created in a running `bedside sim` and connected (sealed with the installation key),
//! and posts approved through the normal workflow so that `TARGETS` publications fall due
//! within `SPREAD_MS` of `DUE_MS`.
//!
//!     cargo run --release -p engine --example publish_load -- \
//!         DATABASE_URL KEY_FILE SIM_CONTROL_URL TARGETS DUE_MS SPREAD_MS ACCOUNTS_PER_PLATFORM
//!
//! Prints one JSON line: {"posts": N, "targets": N, "accounts": N, "seconds": S}.

use std::time::Instant;

use domain::platform::Platform;
use domain::Role;
use service::checker::Checker;
use service::connections::Credentials;
use service::plans::AccountInput;
use service::posts::{Deps, PostInput, TargetInput};
use service::review::ReviewAction;
use service::{Actor, PasswordCost, Passwords};
use store::Db;
use vault::Sealer;

const PLATFORMS: [Platform; 6] = [
    Platform::Facebook,
    Platform::X,
    Platform::Linkedin,
    Platform::GoogleBusiness,
    Platform::Mastodon,
    Platform::Bluesky,
];

fn arg(i: usize) -> String {
    std::env::args().nth(i).unwrap_or_else(|| {
        eprintln!("usage: publish_load DATABASE_URL KEY_FILE SIM_CONTROL_URL TARGETS DUE_MS SPREAD_MS ACCOUNTS_PER_PLATFORM");
        std::process::exit(2)
    })
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

async fn actor(db: &Db, role: Role) -> Actor {
    let (email, _, _) = service::demo::DEMO_USERS
        .iter()
        .find(|(_, _, r)| *r == role)
        .unwrap();
    let mut c = db.conn().await.unwrap();
    let u = store::users::find_by_email(&mut c, email)
        .await
        .unwrap()
        .unwrap();
    let (org_id, role) = store::users::primary_membership(&mut c, u.id)
        .await
        .unwrap()
        .unwrap();
    Actor {
        user_id: u.id,
        email: u.email,
        display_name: u.display_name,
        org_id,
        role: Role::parse(&role).unwrap(),
    }
}

fn remote_id(p: Platform, k: usize) -> String {
    match p {
        Platform::Linkedin => format!("urn:li:organization:{}", 5000 + k),
        Platform::GoogleBusiness => format!("accounts/9000/locations/{}", 7000 + k),
        Platform::Bluesky => format!("did:plc:bedsidebench{k:08}"),
        _ => format!("{}", 880_000_000_000_000u64 + k as u64),
    }
}

#[tokio::main]
async fn main() {
    let (url, key_file) = (arg(1), arg(2));
    let sim = arg(3).trim_end_matches('/').to_string();
    let targets: usize = arg(4).parse().expect("TARGETS");
    let due: i64 = arg(5).parse().expect("DUE_MS");
    let spread: i64 = arg(6).parse().expect("SPREAD_MS");
    let per_platform: usize = arg(7).parse().expect("ACCOUNTS_PER_PLATFORM");
    let started = Instant::now();
    let key = std::fs::read_to_string(&key_file).expect("key file");
    let key: [u8; 32] = hex::decode(key.trim())
        .expect("hex key")
        .try_into()
        .expect("32 bytes");
    let sealer = Sealer::new(&key);
    let db = Db::connect(&url).await.expect("database");
    db.migrate().await.expect("migrate");
    service::demo::seed(&db, &Passwords::new(PasswordCost::Low), now())
        .await
        .expect("seed");
    let owner = actor(&db, Role::Owner).await;
    let author = actor(&db, Role::Author).await;
    let manager = actor(&db, Role::Manager).await;
    let http = reqwest::Client::new();
    let bases: serde_json::Value = http
        .get(format!("{sim}/_sim/bases"))
        .send()
        .await
        .expect("simulator")
        .json()
        .await
        .expect("bases");

    // `per_platform` accounts per text platform, each its own account on the simulator.
    let mut accounts: Vec<i64> = Vec::new();
    for p in PLATFORMS {
        for k in 0..per_platform {
            let remote = remote_id(p, k);
            let a: serde_json::Value = http
                .post(format!("{sim}/_sim/accounts"))
                .json(&serde_json::json!({"platform": p.as_str(), "id": remote}))
                .send()
                .await
                .expect("simulator")
                .json()
                .await
                .expect("account");
            let input = AccountInput {
                platform: p.as_str().into(),
                name: format!("Bench {} {k}", p.as_str()),
                handle: format!("bench_{}_{k}", p.as_str()),
                location_id: None,
            };
            let id = service::plans::add_account(&db, &owner, &input, now())
                .await
                .expect("account");
            let s = |f: &str| a[f].as_str().unwrap_or_default().to_string();
            let federated = matches!(p, Platform::Mastodon | Platform::Bluesky);
            let creds = Credentials {
                remote_account_id: remote,
                access_token: s("access_token"),
                refresh_token: Some(s("refresh_token")),
                expires_at: None,
                server: federated.then(|| bases[p.as_str()].as_str().unwrap().to_string()),
                app_password: (p == Platform::Bluesky).then(|| s("password")),
            };
            service::connections::connect(&db, &sealer, &owner, id, &creds, now())
                .await
                .expect("connect");
            accounts.push(id);
        }
    }

    // Each post goes to one account of every platform (6 targets), rotating accounts.
    let checker = Checker::default();
    let deps = Deps {
        db: &db,
        sealer: &sealer,
        checker: &checker,
    };
    let posts = targets.div_ceil(PLATFORMS.len());
    let mut made = 0;
    for i in 0..posts {
        let n = (targets - made).min(PLATFORMS.len());
        let at = due + spread * i as i64 / (posts as i64 - 1).max(1);
        let slot = i % per_platform;
        let input = PostInput {
            base_text: format!(
                "Bench post {i} of the season: free check-ups at the Bhopal clinic this week"
            ),
            pillar: "education".into(),
            targets: (0..n)
                .map(|j| TargetInput {
                    account_id: accounts[j * per_platform + slot],
                    variant_text: None,
                    scheduled_at: Some(at),
                })
                .collect(),
            ..Default::default()
        };
        let id = service::posts::create(deps, &author, &input, now())
            .await
            .expect("create");
        for (who, action) in [
            (&author, ReviewAction::Submit),
            (
                &manager,
                ReviewAction::Approve {
                    override_reason: None,
                },
            ),
        ] {
            let version = {
                let mut c = db.conn().await.unwrap();
                store::posts::get(&mut c, 1, id)
                    .await
                    .unwrap()
                    .unwrap()
                    .version
            };
            service::review::act(deps, who, id, version, action, now())
                .await
                .expect("review");
        }
        made += n;
    }
    println!(
        "{}",
        serde_json::json!({"posts": posts, "targets": made, "accounts": accounts.len(), "seconds": started.elapsed().as_secs_f64()})
    );
}
