//! The composer: one post for several accounts, with live compliance feedback (htmx).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::content::Pillar;
use domain::platform::Platform;
use service::posts::{PostInput, TargetInput};
use service::ServiceError;
use store::accounts::SocialAccount;

use super::Viewer;
use crate::error::AppError;
use crate::forms::{format_local, parse_local, zone, RawForm};
use crate::highlight::{redact, segments, Segment};
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct Choice {
    pub id: i64,
    pub label: String,
    pub selected: bool,
}

pub struct TargetRow {
    pub account_id: i64,
    pub label: String,
    pub platform: &'static str,
    pub limit: usize,
    pub unit: &'static str,
    pub selected: bool,
    pub variant: String,
    pub at: String,
}

#[derive(Template)]
#[template(path = "compose.html")]
struct ComposePage {
    layout: Layout,
    action: String,
    post_id: Option<i64>,
    version: i64,
    text: String,
    pillars: Vec<(&'static str, &'static str, bool)>,
    locations: Vec<Choice>,
    campaigns: Vec<Choice>,
    series: Vec<Choice>,
    targets: Vec<TargetRow>,
    snippets: Vec<(String, String, String)>,
    errors: FormErrors,
    conflict: Option<String>,
    time_zone: String,
}

/// What the form holds, whether freshly loaded or re-rendered after an error.
#[derive(Default)]
pub struct Draft {
    pub input: PostInput,
    pub at_local: Vec<(i64, String)>,
}

fn choices<T>(
    items: Vec<T>,
    selected: Option<i64>,
    f: impl Fn(&T) -> (i64, String),
) -> Vec<Choice> {
    items
        .iter()
        .map(|t| {
            let (id, label) = f(t);
            Choice {
                id,
                label,
                selected: Some(id) == selected,
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn page(
    st: &AppState,
    v: &Viewer,
    post_id: Option<i64>,
    version: i64,
    draft: Draft,
    errors: FormErrors,
    conflict: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let a = v.actor();
    let org = service::org::organisation(&st.db, a).await?;
    let accounts = service::plans::accounts(&st.db, a).await?;
    let mut snippets: Vec<(String, String, String)> = service::plans::SAFE_SNIPPETS
        .iter()
        .map(|(lang, name, body)| (lang.to_string(), name.to_string(), body.to_string()))
        .collect();
    for t in service::plans::templates(&st.db, a).await? {
        snippets.push((t.language, t.name, t.body));
    }
    let input = &draft.input;
    let targets = accounts
        .iter()
        .map(|acc: &SocialAccount| {
            let p = Platform::parse(&acc.platform).unwrap_or(Platform::Facebook);
            let t = input.targets.iter().find(|t| t.account_id == acc.id);
            TargetRow {
                account_id: acc.id,
                label: format!("{} ({})", acc.name, p.label()),
                platform: p.as_str(),
                limit: p.limit(),
                unit: p.unit(),
                selected: t.is_some(),
                variant: t.and_then(|t| t.variant_text.clone()).unwrap_or_default(),
                at: draft
                    .at_local
                    .iter()
                    .find(|(id, _)| *id == acc.id)
                    .map(|(_, s)| s.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let title = if post_id.is_some() {
        "Edit post"
    } else {
        "Compose"
    };
    let action = post_id
        .map(|id| format!("/posts/{id}/edit"))
        .unwrap_or_else(|| "/compose".into());
    Ok(render::page(
        status,
        &ComposePage {
            layout: Layout::new(title, Some(&v.principal), &v.csrf, "/compose"),
            action,
            post_id,
            version,
            text: input.base_text.clone(),
            pillars: Pillar::ALL
                .iter()
                .map(|p| (p.as_str(), p.label(), p.as_str() == input.pillar))
                .collect(),
            locations: choices(
                service::org::locations(&st.db, a).await?,
                input.location_id,
                |l| (l.id, l.name.clone()),
            ),
            campaigns: choices(
                service::plans::campaigns(&st.db, a).await?,
                input.campaign_id,
                |c| (c.id, c.name.clone()),
            ),
            series: choices(
                service::plans::series_list(&st.db, a).await?,
                input.series_id,
                |s| (s.id, s.name.clone()),
            ),
            targets,
            snippets,
            errors,
            conflict,
            time_zone: org.time_zone,
        },
    ))
}

/// What a link into the composer may start it with (e.g. a suggested observance post).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Start {
    text: String,
    pillar: String,
}

pub async fn new(
    State(st): State<AppState>,
    v: Viewer,
    axum::extract::Query(start): axum::extract::Query<Start>,
) -> Result<Response, AppError> {
    let pillar = domain::content::Pillar::parse(&start.pillar)
        .map(|p| p.as_str())
        .unwrap_or("education");
    let draft = Draft {
        input: PostInput {
            pillar: pillar.into(),
            base_text: start.text,
            ..Default::default()
        },
        ..Default::default()
    };
    page(
        &st,
        &v,
        None,
        0,
        draft,
        FormErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// Read the composer form. Times are the organisation's local times.
pub fn read_form(form: &RawForm, tz: &jiff::tz::TimeZone) -> (Draft, Vec<domain::FieldError>) {
    let mut errors = Vec::new();
    let mut input = PostInput {
        base_text: form.text("base_text"),
        pillar: form.text("pillar"),
        ..Default::default()
    };
    for (key, slot) in [
        ("location_id", &mut input.location_id),
        ("campaign_id", &mut input.campaign_id),
        ("series_id", &mut input.series_id),
    ] {
        match form.opt_id(key) {
            Ok(v) => *slot = v,
            Err(_) => errors.push(domain::FieldError::new(
                "post",
                format!("{key} must be a number"),
            )),
        }
    }
    let mut at_local = Vec::new();
    for raw in form.all("account") {
        let Ok(id) = raw.parse::<i64>() else {
            errors.push(domain::FieldError::new(
                "targets",
                format!("{raw:?} is not an account"),
            ));
            continue;
        };
        let at = form.text(&format!("at_{id}"));
        let scheduled_at = match parse_local(&at, tz) {
            Ok(v) => v,
            Err(e) => {
                errors.push(domain::FieldError::new("targets", e));
                None
            }
        };
        at_local.push((id, at));
        let variant = form.text(&format!("variant_{id}"));
        input.targets.push(TargetInput {
            account_id: id,
            variant_text: (!variant.trim().is_empty()).then_some(variant),
            scheduled_at,
        });
    }
    (Draft { input, at_local }, errors)
}

async fn org_zone(st: &AppState, v: &Viewer) -> Result<jiff::tz::TimeZone, AppError> {
    Ok(zone(
        &service::org::organisation(&st.db, v.actor())
            .await?
            .time_zone,
    ))
}

pub async fn create(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let tz = org_zone(&st, &v).await?;
    let (draft, mut errors) = read_form(&form, &tz);
    if errors.is_empty() {
        match service::posts::create(st.deps(), v.actor(), &draft.input, st.now_ms()).await {
            Ok(id) => return Ok(Redirect::to(&format!("/posts/{id}")).into_response()),
            Err(ServiceError::Invalid(e)) => errors = e,
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &st,
        &v,
        None,
        0,
        draft,
        FormErrors(errors),
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn edit(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let view = service::posts::view(&st.db, v.actor(), id).await?;
    let tz = org_zone(&st, &v).await?;
    let p = &view.post;
    let draft = Draft {
        input: PostInput {
            base_text: p.base_text.clone(),
            pillar: p.pillar.clone(),
            location_id: p.location_id,
            campaign_id: p.campaign_id,
            series_id: p.series_id,
            targets: view
                .targets
                .iter()
                .map(|(t, _)| TargetInput {
                    account_id: t.account_id,
                    variant_text: t.variant_text.clone(),
                    scheduled_at: t.scheduled_at,
                })
                .collect(),
        },
        at_local: view
            .targets
            .iter()
            .filter_map(|(t, _)| {
                t.scheduled_at
                    .map(|ms| (t.account_id, format_local(ms, &tz)))
            })
            .collect(),
    };
    page(
        &st,
        &v,
        Some(id),
        p.version,
        draft,
        FormErrors::default(),
        None,
        StatusCode::OK,
    )
    .await
}

pub async fn update(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let tz = org_zone(&st, &v).await?;
    let version = form.id("version")?;
    let (draft, mut errors) = read_form(&form, &tz);
    let mut conflict = None;
    if errors.is_empty() {
        match service::posts::update(st.deps(), v.actor(), id, version, &draft.input, st.now_ms())
            .await
        {
            Ok(_) => return Ok(Redirect::to(&format!("/posts/{id}")).into_response()),
            Err(ServiceError::Invalid(e)) => errors = e,
            Err(ServiceError::Conflict(m)) => conflict = Some(m),
            Err(e) => return Err(e.into()),
        }
    }
    let status = if conflict.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    page(
        &st,
        &v,
        Some(id),
        version,
        draft,
        FormErrors(errors),
        conflict,
        status,
    )
    .await
}

pub struct CountRow {
    pub label: String,
    pub platform: &'static str,
    pub handle: String,
    pub preview: String,
    pub count: usize,
    pub limit: usize,
    pub unit: &'static str,
    pub over: bool,
}

#[derive(Template)]
#[template(path = "compose_feedback.html")]
struct Feedback {
    verdict: &'static str,
    segments: Vec<Segment>,
    findings: Vec<policy::RuleFinding>,
    counts: Vec<CountRow>,
    suggestion: Option<String>,
    can_redact: bool,
    empty: bool,
}

/// The live check while typing: the base text checked as a post, highlighted, with each
/// chosen account's count by its platform's rules.
pub async fn check(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let text = form.text("base_text");
    let engine = st.engine(v.actor().org_id).await?;
    let classes = service::links::check_classes(&st.db, v.actor().org_id).await?;
    let req = policy::CheckRequest {
        text: text.clone(),
        channel: Some("post".into()),
        facts: policy::Facts {
            landing_page: service::links::landing_for(&classes, &text),
            ..Default::default()
        },
        ..Default::default()
    };
    let result = engine.check(&req);
    let accounts = service::plans::accounts(&st.db, v.actor()).await?;
    let chosen: Vec<i64> = form
        .all("account")
        .iter()
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = accounts
        .iter()
        .filter(|a| chosen.contains(&a.id))
        .map(|a| {
            let p = Platform::parse(&a.platform).unwrap_or(Platform::Facebook);
            let variant = form.text(&format!("variant_{}", a.id));
            let body = if variant.trim().is_empty() {
                &text
            } else {
                &variant
            };
            let count = p.count(body);
            CountRow {
                label: format!("{} ({})", a.name, p.label()),
                platform: p.as_str(),
                handle: a.handle.clone(),
                preview: body.to_string(),
                count,
                limit: p.limit(),
                unit: p.unit(),
                over: count > p.limit(),
            }
        })
        .collect();
    let feedback = Feedback {
        verdict: result.verdict.as_str(),
        segments: segments(&text, &result),
        can_redact: !result.phi.is_empty(),
        suggestion: result.suggestion.clone().filter(|s| s != &text),
        findings: result.findings,
        counts,
        empty: text.trim().is_empty(),
    };
    Ok(render::ok(&feedback))
}

#[derive(Template)]
#[template(path = "compose_textarea.html")]
struct TextArea {
    text: String,
}

/// One click: replace the text with its redacted version (or the engine's suggestion).
pub async fn redact_text(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let text = form.text("base_text");
    let replacement = if form.get("use") == Some("suggestion") {
        let engine = st.engine(v.actor().org_id).await?;
        let req = policy::CheckRequest {
            text: text.clone(),
            channel: Some("post".into()),
            ..Default::default()
        };
        engine.check(&req).suggestion.unwrap_or(text)
    } else {
        let engine = st.engine(v.actor().org_id).await?;
        let req = policy::CheckRequest {
            text: text.clone(),
            channel: Some("post".into()),
            ..Default::default()
        };
        redact(&text, &engine.check(&req))
    };
    Ok(render::ok(&TextArea { text: replacement }))
}
