//! The calendar (PLAN-3): month and week views of every account's posts, filtered, with
//! series slots, unscheduled drafts beside it, and moving a post by drag and drop or by
//! its keyboard-friendly form.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::content::Pillar;
use domain::platform::Platform;
use domain::recurrence::Rule;
use domain::workflow::PostStatus;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::{format_local, parse_local, zone, RawForm};
use crate::render::{self, Layout};
use crate::state::AppState;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct CalQuery {
    view: String,
    date: String,
    location: String,
    campaign: String,
    pillar: String,
    platform: String,
    status: String,
}

#[derive(Clone)]
pub struct Item {
    pub post_id: i64,
    pub target_id: i64,
    pub version: i64,
    pub time: String,
    pub platform: String,
    pub account: String,
    pub excerpt: String,
    pub status: String,
    pub status_label: &'static str,
}

#[derive(Clone)]
pub struct Day {
    pub date: String,
    pub label: String,
    pub in_month: bool,
    pub today: bool,
    pub items: Vec<Item>,
    pub slots: Vec<(String, String)>,
    /// Observances on this day: (name, link to the composer).
    pub suggestions: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    layout: Layout,
    title: String,
    view: String,
    weeks: Vec<Vec<Day>>,
    prev: String,
    next: String,
    query: String,
    q: CalQuery,
    locations: Vec<(i64, String)>,
    campaigns: Vec<(i64, String)>,
    pillars: Vec<(&'static str, &'static str)>,
    platforms: Vec<(&'static str, &'static str)>,
    statuses: Vec<(&'static str, &'static str)>,
    unscheduled: Vec<(i64, String, String)>,
    time_zone: String,
}

fn opt_id(s: &str) -> Result<Option<i64>, AppError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.trim()
        .parse()
        .map(Some)
        .map_err(|_| AppError::BadRequest("filters must be ids".into()))
}

fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

fn ms_at_midnight(d: Date, tz: &TimeZone) -> i64 {
    d.to_zoned(tz.clone())
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(0)
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

pub async fn page(
    State(st): State<AppState>,
    v: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let q: CalQuery = serde_urlencoded::from_str(raw.as_deref().unwrap_or(""))
        .map_err(|_| AppError::BadRequest("the calendar address is not valid".into()))?;
    let a = v.actor();
    let org = service::org::organisation(&st.db, a).await?;
    let tz = zone(&org.time_zone);
    let today = jiff::Timestamp::from_millisecond(st.now_ms())
        .map(|t| t.to_zoned(tz.clone()).date())
        .unwrap_or(Date::constant(2026, 1, 1));
    let anchor: Date = if q.date.trim().is_empty() {
        today
    } else {
        q.date.trim().parse().map_err(|_| {
            AppError::BadRequest(format!("{:?} is not a date like 2026-12-01", q.date))
        })?
    };
    let week = q.view == "week";
    let (start, days, prev, next) = if week {
        let monday = add_days(anchor, -i64::from(anchor.weekday().to_monday_zero_offset()));
        (monday, 7, add_days(monday, -7), add_days(monday, 7))
    } else {
        let first = anchor.first_of_month();
        let start = add_days(first, -i64::from(first.weekday().to_monday_zero_offset()));
        let last = anchor.last_of_month();
        let end = add_days(last, 6 - i64::from(last.weekday().to_monday_zero_offset()));
        let n = (end - start).get_days() as i64 + 1;
        let prev = first
            .checked_sub(jiff::Span::new().months(1))
            .unwrap_or(first);
        let next = first
            .checked_add(jiff::Span::new().months(1))
            .unwrap_or(first);
        (start, n, prev, next)
    };
    let end = add_days(start, days);
    let filter = store::calendar::Filter {
        location_id: opt_id(&q.location)?,
        campaign_id: opt_id(&q.campaign)?,
        pillar: non_empty(&q.pillar),
        platform: non_empty(&q.platform),
        status: non_empty(&q.status),
    };
    let items = service::calendar::items(
        &st.db,
        a,
        ms_at_midnight(start, &tz),
        ms_at_midnight(end, &tz),
        &filter,
    )
    .await?;
    let mut grid: Vec<Day> = (0..days)
        .map(|i| {
            let d = add_days(start, i);
            Day {
                date: d.to_string(),
                label: d.strftime("%a %-d %b").to_string(),
                in_month: week || d.month() == anchor.month(),
                today: d == today,
                items: Vec::new(),
                slots: Vec::new(),
                suggestions: Vec::new(),
            }
        })
        .collect();
    for it in items {
        let Ok(z) =
            jiff::Timestamp::from_millisecond(it.scheduled_at).map(|t| t.to_zoned(tz.clone()))
        else {
            continue;
        };
        let idx = (z.date() - start).get_days() as usize;
        if let Some(day) = grid.get_mut(idx) {
            let status = PostStatus::parse(&it.status).unwrap_or(PostStatus::Draft);
            day.items.push(Item {
                post_id: it.post_id,
                target_id: it.target_id,
                version: it.version,
                time: z.strftime("%H:%M").to_string(),
                platform: Platform::parse(&it.platform)
                    .map(|p| p.label())
                    .unwrap_or("?")
                    .to_string(),
                account: it.account_name,
                excerpt: it.excerpt,
                status: it.status.clone(),
                status_label: status.label(),
            });
        }
    }
    if filter.status.is_none() && filter.platform.is_none() {
        for s in service::plans::series_list(&st.db, a).await? {
            let Ok(rule) = Rule::parse(&s.rule) else {
                continue;
            };
            for t in rule.instants_until(&tz, end) {
                let z = t.to_zoned(tz.clone());
                if z.date() < start {
                    continue;
                }
                if let Some(day) = grid.get_mut((z.date() - start).get_days() as usize) {
                    day.slots
                        .push((z.strftime("%H:%M").to_string(), s.name.clone()));
                }
            }
        }
    }
    if filter.status.is_none() && filter.platform.is_none() {
        for s in service::observances::suggestions(&st.db, a, start, end).await? {
            if let Some(day) = grid.get_mut((s.date - start).get_days() as usize) {
                let link = serde_urlencoded::to_string([
                    ("pillar", s.pillar.as_str()),
                    ("text", &format!("{} ({}): ", s.name, s.when)),
                ])
                .unwrap_or_default();
                day.suggestions.push((s.name, format!("/compose?{link}")));
            }
        }
    }
    let weeks = grid.chunks(7).map(|w| w.to_vec()).collect();
    let query = serde_urlencoded::to_string([
        ("view", q.view.as_str()),
        ("location", q.location.as_str()),
        ("campaign", q.campaign.as_str()),
        ("pillar", q.pillar.as_str()),
        ("platform", q.platform.as_str()),
        ("status", q.status.as_str()),
    ])
    .unwrap_or_default();
    let unscheduled = service::calendar::unscheduled(&st.db, a)
        .await?
        .into_iter()
        .map(|u| (u.post_id, u.status, u.excerpt))
        .collect();
    let title = if week {
        format!("Week of {}", start.strftime("%-d %B %Y"))
    } else {
        anchor.strftime("%B %Y").to_string()
    };
    Ok(render::ok(&CalendarPage {
        layout: Layout::new("Calendar", Some(&v.principal), &v.csrf, "/calendar"),
        title,
        view: if week { "week".into() } else { "month".into() },
        weeks,
        prev: prev.to_string(),
        next: next.to_string(),
        query,
        locations: service::org::locations(&st.db, a)
            .await?
            .into_iter()
            .map(|l| (l.id, l.name))
            .collect(),
        campaigns: service::plans::campaigns(&st.db, a)
            .await?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect(),
        pillars: Pillar::ALL
            .iter()
            .map(|p| (p.as_str(), p.label()))
            .collect(),
        platforms: Platform::ALL
            .iter()
            .map(|p| (p.as_str(), p.label()))
            .collect(),
        statuses: PostStatus::ALL
            .iter()
            .map(|s| (s.as_str(), s.label()))
            .collect(),
        unscheduled,
        time_zone: org.time_zone,
        q,
    }))
}

/// Move one target: from drag and drop (script) or the "Move" form (keyboard).
pub async fn move_target(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let a = v.actor();
    let tz = zone(&service::org::organisation(&st.db, a).await?.time_zone);
    let post_id = form.id("post_id")?;
    let target_id = form.id("target_id")?;
    let version = form.id("version")?;
    let at = parse_local(&form.text("at"), &tz)
        .map_err(AppError::BadRequest)?
        .ok_or_else(|| AppError::BadRequest("at is required".into()))?;
    match service::review::reschedule(st.deps(), a, post_id, version, target_id, at, st.now_ms())
        .await
    {
        Ok(()) => {
            let back = form
                .get("back")
                .filter(|b| b.starts_with("/calendar"))
                .unwrap_or("/calendar");
            Ok(Redirect::to(back).into_response())
        }
        Err(ServiceError::Conflict(m)) | Err(ServiceError::Refused(m)) => Ok((
            StatusCode::CONFLICT,
            render::error_page(StatusCode::CONFLICT, &m),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "calendar_move.html")]
struct MovePage {
    layout: Layout,
    post_id: i64,
    target_id: i64,
    version: i64,
    account: String,
    current: String,
    at_local: String,
    date: String,
    time_zone: String,
}

#[derive(Deserialize)]
pub struct MoveQuery {
    post_id: i64,
    target_id: i64,
}

/// The keyboard-friendly way to move a post: a form with the new date and time.
pub async fn move_form(
    State(st): State<AppState>,
    v: Viewer,
    axum::extract::Query(q): axum::extract::Query<MoveQuery>,
) -> Result<Response, AppError> {
    let view = service::posts::view(&st.db, v.actor(), q.post_id).await?;
    let (t, acc) = view
        .targets
        .iter()
        .find(|(t, _)| t.id == q.target_id)
        .ok_or(AppError::NotFound)?;
    let org = service::org::organisation(&st.db, v.actor()).await?;
    let tz = zone(&org.time_zone);
    let at = t.scheduled_at.unwrap_or_else(|| st.now_ms());
    Ok(render::ok(&MovePage {
        layout: Layout::new("Move a post", Some(&v.principal), &v.csrf, "/calendar"),
        post_id: q.post_id,
        target_id: q.target_id,
        version: view.post.version,
        account: acc.name.clone(),
        current: t
            .scheduled_at
            .map(|ms| crate::forms::human_local(ms, &tz))
            .unwrap_or_else(|| "not scheduled".into()),
        at_local: format_local(at, &tz),
        date: format_local(at, &tz).get(..10).unwrap_or("").to_string(),
        time_zone: org.time_zone,
    }))
}
