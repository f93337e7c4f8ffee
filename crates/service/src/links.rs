//! First-party links (COMPOSE-5). The organisation classifies its own pages (public
//! information, booking, portal, intake; which trackers they carry) and that feeds the
//! check's landing-page facts. When a target is published, every link in it becomes a short
//! link through Bedside with campaign parameters; a click is counted per link, day and
//! device class, and nothing else about the person is kept.

use domain::audit::Summary;
use domain::links::{self, classify, DeviceClass, UrlClass};
use domain::Permission;
use policy::LandingPage;
use store::audit::Event;
use store::links::{LinkClicks, NewLink};
use store::{Db, Source, Tx};

use crate::{Actor, Result, ServiceError};

/// Short codes: 8 characters of [0-9A-Za-z] (47 bits).
const CODE_LEN: usize = 8;
const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The organisation's classes, as stored (rows that no longer parse are skipped).
pub async fn load_classes(src: &mut impl Source, org_id: i64) -> Result<Vec<(i64, UrlClass)>> {
    let rows = store::links::url_classes(src, org_id).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            UrlClass::parse(&r.prefix, &r.kind, &r.trackers)
                .ok()
                .map(|c| (r.id, c))
        })
        .collect())
}

/// The classes as the check uses them (no permission: the check runs for everyone).
pub async fn check_classes(db: &Db, org_id: i64) -> Result<Vec<UrlClass>> {
    let mut c = db.conn().await?;
    let classes = load_classes(&mut c, org_id).await?;
    Ok(classes.into_iter().map(|(_, c)| c).collect())
}

pub async fn classes(db: &Db, actor: &Actor) -> Result<Vec<(i64, UrlClass)>> {
    actor.require(Permission::ViewOrganisation)?;
    let mut c = db.conn().await?;
    load_classes(&mut c, actor.org_id).await
}

/// Classify a prefix (or change its class). Returns its id.
pub async fn save_class(
    db: &Db,
    actor: &Actor,
    prefix: &str,
    kind: &str,
    trackers: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ManageConsents)?;
    let class = UrlClass::parse(prefix, kind, trackers).map_err(ServiceError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::links::save_url_class(
        &mut tx,
        actor.org_id,
        &class.prefix,
        class.kind.as_str(),
        &class.trackers.join(" "),
        actor.user_id,
        now_ms,
    )
    .await?;
    let summary = Summary::new()
        .value("prefix", &class.prefix)
        .value("kind", class.kind.as_str())
        .value("trackers", &class.trackers.join(" "));
    let event = Event::new(Some(actor.org_id), "url_class.save", "url_class", id).with(summary);
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(id)
}

pub async fn delete_class(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::ManageConsents)?;
    let mut tx = db.begin().await?;
    if !store::links::delete_url_class(&mut tx, actor.org_id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let event = Event::new(Some(actor.org_id), "url_class.delete", "url_class", id);
    actor.commit_audited(tx, now_ms, event).await
}

/// The landing-page facts for a text: the most sensitive classified page it links to
/// (a tracked booking page over an untracked one over public information). `None` when no
/// link is classified, which the check treats cautiously.
pub fn landing_for(classes: &[UrlClass], text: &str) -> Option<LandingPage> {
    let rank = |c: &UrlClass| (c.kind.is_sensitive(), !c.trackers.is_empty());
    links::find_urls(text)
        .iter()
        .filter_map(|u| classify(&u.url, classes))
        .max_by_key(|c| rank(c))
        .map(|c| LandingPage {
            kind: Some(c.kind.as_str().to_string()),
            third_party_trackers: Some(c.trackers.clone()),
            ..Default::default()
        })
}

fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::rngs::OsRng;
    (0..CODE_LEN)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

/// Where a target's links go.
pub struct ShortenTarget<'a> {
    pub org_id: i64,
    pub post_id: i64,
    pub target_id: i64,
    pub account_id: i64,
    /// Platform name, the `utm_source`.
    pub platform: &'a str,
    /// The campaign's name, for `utm_campaign`; left out when it is not safe to use.
    pub campaign: Option<&'a str>,
    /// Bedside's public address, e.g. https://social.narmada.example
    pub base_url: &'a str,
}

/// The text with every link replaced by its short link (created on first use, the same one
/// on every later call for this target). Links already pointing at Bedside stay.
pub async fn shorten(db: &Db, t: &ShortenTarget<'_>, text: &str, now_ms: i64) -> Result<String> {
    let found = links::find_urls(text);
    if found.is_empty() {
        return Ok(text.to_string());
    }
    let base = t.base_url.trim_end_matches('/');
    let mut tx = db.begin().await?;
    let mut short = Vec::new();
    for u in &found {
        if u.url.starts_with(base) {
            short.push(u.url.clone());
            continue;
        }
        let link = create(&mut tx, t, &u.url, now_ms).await?;
        short.push(format!("{base}/l/{}", link.code));
    }
    tx.commit().await?;
    let mut i = 0;
    Ok(links::rewrite_urls(text, |_| {
        i += 1;
        short.get(i - 1).cloned().unwrap_or_default()
    }))
}

async fn create(
    tx: &mut Tx,
    t: &ShortenTarget<'_>,
    original: &str,
    now_ms: i64,
) -> Result<store::links::ShortLink> {
    let destination = links::with_utm(original, t.platform, t.campaign);
    // A code already taken (1 in 2^47 per pair) fails the insert; try a fresh one.
    let mut last = None;
    for _ in 0..3 {
        let code = new_code();
        let l = NewLink {
            code: &code,
            post_id: t.post_id,
            target_id: t.target_id,
            account_id: t.account_id,
            original,
            destination: &destination,
        };
        match store::links::get_or_create(tx, t.org_id, &l, now_ms).await {
            Ok(link) => return Ok(link),
            Err(store::StoreError::Conflict(c)) => last = Some(c),
            Err(e) => return Err(e.into()),
        }
    }
    Err(ServiceError::Conflict(format!(
        "could not find a free short code ({})",
        last.unwrap_or_default()
    )))
}

/// Follow a short link: count the click and say where to go. Unknown codes are `None`.
pub async fn click(db: &Db, code: &str, user_agent: &str, now_ms: i64) -> Result<Option<String>> {
    let valid = code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    if !valid {
        return Ok(None);
    }
    let mut tx = db.begin().await?;
    let Some(link) = store::links::by_code(&mut tx, code).await? else {
        return Ok(None);
    };
    let device = DeviceClass::of_user_agent(user_agent);
    store::links::count_click(
        &mut tx,
        link.id,
        now_ms.div_euclid(domain::DAY_MS),
        device.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(link.destination))
}

/// One link of a post, with its clicks by device class.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LinkStats {
    pub code: String,
    pub target_id: i64,
    pub account_id: i64,
    pub original: String,
    pub destination: String,
    /// (device class, clicks), every class listed.
    pub by_device: Vec<(DeviceClass, i64)>,
    /// Clicks by people: everything but bots.
    pub clicks: i64,
    pub bot_clicks: i64,
}

fn fold(rows: Vec<LinkClicks>) -> Vec<LinkStats> {
    let mut out: Vec<LinkStats> = Vec::new();
    for r in rows {
        if out.last().is_none_or(|l| l.code != r.code) {
            out.push(LinkStats {
                code: r.code.clone(),
                target_id: r.target_id,
                account_id: r.account_id,
                original: r.original.clone(),
                destination: r.destination.clone(),
                by_device: DeviceClass::ALL.iter().map(|d| (*d, 0)).collect(),
                clicks: 0,
                bot_clicks: 0,
            });
        }
        let (Some(last), Some(device), Some(n)) = (out.last_mut(), r.device, r.clicks) else {
            continue;
        };
        let device = DeviceClass::parse(&device).unwrap_or(DeviceClass::Unknown);
        if let Some(slot) = last.by_device.iter_mut().find(|(d, _)| *d == device) {
            slot.1 += n;
        }
        if device == DeviceClass::Bot {
            last.bot_clicks += n;
        } else {
            last.clicks += n;
        }
    }
    out
}

pub async fn post_links(db: &Db, actor: &Actor, post_id: i64) -> Result<Vec<LinkStats>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    store::posts::get(&mut c, actor.org_id, post_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let rows = store::links::clicks_for_post(&mut c, actor.org_id, post_id).await?;
    Ok(fold(rows))
}

/// A campaign name is used in `utm_campaign` only when the check finds nothing personal in
/// it ("Sunita's knee story" stays out of URLs; the campaign id is used instead).
pub fn safe_campaign(engine: &policy::Engine, id: i64, name: &str) -> String {
    let result = engine.check(&policy::CheckRequest {
        text: name.to_string(),
        channel: Some("post".into()),
        ..Default::default()
    });
    if result.phi.is_empty() && !links::slug(name).is_empty() {
        name.to_string()
    } else {
        format!("campaign-{id}")
    }
}
