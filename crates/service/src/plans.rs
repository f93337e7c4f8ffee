//! Social accounts, campaigns, series and templates: what posts are planned against.

use domain::audit::Summary;
use domain::content::Pillar;
use domain::platform::Platform;
use domain::recurrence::Rule;
use domain::{DisplayName, FieldError, Permission};
use store::accounts::SocialAccount;
use store::audit::{self, Event};
use store::collab::Template;
use store::plans::{Campaign, NewCampaign, Series};
use store::{Db, StoreError};

use crate::error::Fields;
use crate::{Actor, Result, ServiceError};

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct AccountInput {
    pub platform: String,
    pub name: String,
    pub handle: String,
    pub location_id: Option<i64>,
}

pub async fn accounts(db: &Db, actor: &Actor) -> Result<Vec<SocialAccount>> {
    actor.require(Permission::ViewOrganisation)?;
    let mut c = db.conn().await?;
    Ok(store::accounts::list(&mut c, actor.org_id).await?)
}

pub async fn add_account(db: &Db, actor: &Actor, input: &AccountInput, now_ms: i64) -> Result<i64> {
    actor.require(Permission::ManageLocations)?;
    let mut f = Fields::default();
    let platform = Platform::parse(input.platform.trim());
    if platform.is_none() {
        f.push(FieldError::new(
            "platform",
            "must be one of the supported platforms",
        ));
    }
    let name = f.take(DisplayName::parse(&input.name));
    let handle = input.handle.trim();
    if handle.is_empty() || handle.chars().count() > 100 || handle.contains(char::is_whitespace) {
        f.push(FieldError::new(
            "handle",
            "is required, without spaces (e.g. @narmadacare or a page id)",
        ));
    }
    let mut c = db.conn().await?;
    if let Some(l) = input.location_id {
        if !store::orgs::locations(&mut c, actor.org_id)
            .await?
            .iter()
            .any(|x| x.id == l)
        {
            f.push(FieldError::new(
                "location_id",
                "is not one of this organisation's locations",
            ));
        }
    }
    drop(c);
    f.finish()?;
    let (Some(platform), Some(name)) = (platform, name) else {
        unreachable!("validated")
    };
    let mut tx = db.begin().await?;
    let id = store::accounts::create(
        &mut tx,
        actor.org_id,
        input.location_id,
        platform.as_str(),
        name.as_str(),
        handle,
        now_ms,
    )
    .await
    .map_err(|e| match e {
        StoreError::Conflict(_) => ServiceError::from(FieldError::new(
            "handle",
            "this account is already connected",
        )),
        e => e.into(),
    })?;
    store::compliance::bump_generation(&mut tx, actor.org_id).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "account.create", "social_account", id)
            .with(Summary::new().value("platform", platform.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CampaignInput {
    pub name: String,
    pub goal: String,
    pub hashtags: String,
    pub starts_on: String,
    pub ends_on: String,
}

pub async fn campaigns(db: &Db, actor: &Actor) -> Result<Vec<Campaign>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::plans::campaigns(&mut c, actor.org_id).await?)
}

/// Hashtags normalised to `#tag` words separated by spaces.
pub fn normalise_hashtags(raw: &str) -> Result<String, FieldError> {
    let mut out = Vec::new();
    for w in raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let tag = w.trim_start_matches('#');
        if tag.is_empty() || !tag.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return Err(FieldError::new(
                "hashtags",
                format!("{w:?} is not a hashtag (letters, digits and _ only)"),
            ));
        }
        out.push(format!("#{tag}"));
    }
    Ok(out.join(" "))
}

pub async fn add_campaign(
    db: &Db,
    actor: &Actor,
    input: &CampaignInput,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let mut f = Fields::default();
    let name = f.take(DisplayName::parse(&input.name));
    let tags = f.take(normalise_hashtags(&input.hashtags));
    let start = f.take(
        input
            .starts_on
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| FieldError::new("starts_on", "must be a date like 2026-12-01")),
    );
    let end = f.take(
        input
            .ends_on
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| FieldError::new("ends_on", "must be a date like 2026-12-31")),
    );
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            f.push(FieldError::new("ends_on", "is before the start"));
        }
    }
    if input.goal.trim().chars().count() > 500 {
        f.push(FieldError::new("goal", "must be at most 500 characters"));
    }
    f.finish()?;
    let (Some(name), Some(tags), Some(start), Some(end)) = (name, tags, start, end) else {
        unreachable!("validated")
    };
    let (s, e) = (start.to_string(), end.to_string());
    let c = NewCampaign {
        name: name.as_str(),
        goal: input.goal.trim(),
        hashtags: &tags,
        starts_on: &s,
        ends_on: &e,
    };
    let mut tx = db.begin().await?;
    let id = store::plans::create_campaign(&mut tx, actor.org_id, &c, now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "campaign.create", "campaign", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn series_list(db: &Db, actor: &Actor) -> Result<Vec<Series>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::plans::series_list(&mut c, actor.org_id).await?)
}

pub async fn add_series(
    db: &Db,
    actor: &Actor,
    name: &str,
    pillar: &str,
    rule: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let mut f = Fields::default();
    let name = f.take(DisplayName::parse(name));
    let pillar = f.take(Pillar::parse(pillar));
    let rule = f.take(Rule::parse(rule));
    f.finish()?;
    let (Some(name), Some(pillar), Some(rule)) = (name, pillar, rule) else {
        unreachable!("validated")
    };
    let mut tx = db.begin().await?;
    let id = store::plans::create_series(
        &mut tx,
        actor.org_id,
        name.as_str(),
        pillar.as_str(),
        &rule.to_rule_string(),
        now_ms,
    )
    .await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "series.create", "series", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Built-in safe snippets, shown alongside the organisation's own templates.
pub const SAFE_SNIPPETS: [(&str, &str, &str); 4] = [
    (
        "en",
        "Review reply (any rating)",
        "Thank you for taking the time to share your feedback. To protect everyone's privacy we never discuss anyone's care online. Please call us so we can listen and help.",
    ),
    (
        "en",
        "Move to a private channel",
        "We'd like to help, but we can't discuss health details here. Please call our front desk or use the secure patient portal, and we'll take it from there.",
    ),
    (
        "hi",
        "समीक्षा का उत्तर",
        "अपनी राय साझा करने के लिए धन्यवाद। सभी की गोपनीयता की रक्षा के लिए हम किसी के भी इलाज के बारे में ऑनलाइन बात नहीं करते। कृपया हमें फ़ोन करें, हम आपकी मदद करेंगे।",
    ),
    (
        "hi",
        "निजी माध्यम पर बात",
        "हम मदद करना चाहते हैं, पर यहाँ स्वास्थ्य से जुड़ी बातें नहीं कर सकते। कृपया हमारे रिसेप्शन पर फ़ोन करें।",
    ),
];

pub async fn templates(db: &Db, actor: &Actor) -> Result<Vec<Template>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::collab::templates(&mut c, actor.org_id).await?)
}

pub async fn add_template(
    db: &Db,
    actor: &Actor,
    kind: &str,
    language: &str,
    name: &str,
    body: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::Compose)?;
    let mut f = Fields::default();
    if !matches!(kind, "post" | "reply") {
        f.push(FieldError::new("kind", "must be post or reply"));
    }
    if !matches!(language, "en" | "hi") {
        f.push(FieldError::new("language", "must be en or hi"));
    }
    let name = f.take(DisplayName::parse(name));
    let body = f.take(domain::content::PostText::parse("body", body));
    f.finish()?;
    let (Some(name), Some(body)) = (name, body) else {
        unreachable!("validated")
    };
    let mut tx = db.begin().await?;
    let id = store::collab::add_template(
        &mut tx,
        actor.org_id,
        kind,
        language,
        name.as_str(),
        body.as_str(),
        now_ms,
    )
    .await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "template.create", "template", id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn notifications(db: &Db, actor: &Actor) -> Result<Vec<store::collab::Notification>> {
    let mut c = db.conn().await?;
    Ok(store::collab::notifications(&mut c, actor.user_id, 50).await?)
}

pub async fn unread(db: &Db, actor: &Actor) -> Result<i64> {
    let mut c = db.conn().await?;
    Ok(store::collab::unread_count(&mut c, actor.user_id).await?)
}

pub async fn mark_read(db: &Db, actor: &Actor, now_ms: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    store::collab::mark_all_read(&mut tx, actor.user_id, now_ms).await?;
    tx.commit().await?;
    Ok(())
}
