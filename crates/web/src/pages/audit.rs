//! The audit log page and its CSV export.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Permission;
use serde::Deserialize;
use service::auditlog::csv_cell;
use store::audit::Filter;

use super::Viewer;
use crate::error::AppError;
use crate::render::{self, when, Layout};
use crate::state::AppState;

const PAGE_SIZE: i64 = 100;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditQuery {
    action: String,
    actor: String,
    from: String,
    until: String,
    before: Option<i64>,
}

pub struct Row {
    seq: i64,
    when: String,
    actor: String,
    action: String,
    object: String,
    summary: String,
}

#[derive(Template)]
#[template(path = "settings/audit.html")]
struct AuditPage<'a> {
    layout: Layout,
    entries: Vec<Row>,
    actions: Vec<String>,
    filter_action: Option<&'a str>,
    filter_actor: &'a str,
    filter_from: &'a str,
    filter_until: &'a str,
    filter_error: Option<String>,
    query: String,
    older: Option<i64>,
    can_export: bool,
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Dates are whole days in the organisation's time zone.
fn day_start_ms(raw: &str, tz: &str, field: &str) -> Result<Option<i64>, String> {
    let Some(s) = non_empty(raw) else {
        return Ok(None);
    };
    let date: jiff::civil::Date = s
        .parse()
        .map_err(|_| format!("{field} must be a date like 2026-11-22"))?;
    let zoned = date
        .to_zoned(jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC))
        .map_err(|_| format!("{field} is out of range"))?;
    Ok(Some(zoned.timestamp().as_millisecond()))
}

async fn build_filter(
    st: &AppState,
    v: &Viewer,
    q: &AuditQuery,
) -> Result<Result<Filter, String>, AppError> {
    let org = service::org::organisation(&st.db, v.actor()).await?;
    let from = day_start_ms(&q.from, &org.time_zone, "From");
    let until =
        day_start_ms(&q.until, &org.time_zone, "Until").map(|u| u.map(|ms| ms + 86_400_000));
    Ok(match (from, until) {
        (Ok(from_ms), Ok(until_ms)) => Ok(Filter {
            org_id: v.actor().org_id,
            action: non_empty(&q.action),
            actor: non_empty(&q.actor).map(|a| a.to_lowercase()),
            object_type: None,
            from_ms,
            until_ms,
        }),
        (Err(e), _) | (_, Err(e)) => Err(e),
    })
}

fn parse_query(raw: &Option<String>) -> Result<AuditQuery, AppError> {
    serde_urlencoded::from_str(raw.as_deref().unwrap_or("")).map_err(|_| {
        AppError::BadRequest("the filter is not valid; `before` must be a number".into())
    })
}

pub async fn page(
    State(st): State<AppState>,
    v: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let q = parse_query(&raw)?;
    let (entries, filter_error) = match build_filter(&st, &v, &q).await? {
        Ok(f) => (
            service::auditlog::page(&st.db, v.actor(), f, PAGE_SIZE, q.before).await?,
            None,
        ),
        Err(e) => (Vec::new(), Some(e)),
    };
    let older = (entries.len() as i64 == PAGE_SIZE)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    let rows = entries
        .into_iter()
        .map(|e| Row {
            seq: e.seq,
            when: when(e.at_ms),
            actor: e.actor,
            action: e.action,
            object: format!("{} {}", e.object_type, e.object_id),
            summary: e.summary,
        })
        .collect();
    let query = serde_urlencoded::to_string([
        ("action", q.action.as_str()),
        ("actor", q.actor.as_str()),
        ("from", q.from.as_str()),
        ("until", q.until.as_str()),
    ])
    .unwrap_or_default();
    let status = if filter_error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(render::page(
        status,
        &AuditPage {
            layout: Layout::new("Audit log", Some(&v.principal), &v.csrf, "/settings/audit"),
            entries: rows,
            actions: service::auditlog::actions(&st.db, v.actor()).await?,
            filter_action: non_empty(&q.action).is_some().then_some(q.action.as_str()),
            filter_actor: &q.actor,
            filter_from: &q.from,
            filter_until: &q.until,
            filter_error,
            query,
            older,
            can_export: v.actor().role.can(Permission::ExportAuditLog),
        },
    ))
}

pub async fn export_csv(
    State(st): State<AppState>,
    v: Viewer,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let q = parse_query(&raw)?;
    let f = build_filter(&st, &v, &q)
        .await?
        .map_err(AppError::BadRequest)?;
    let entries = service::auditlog::export(&st.db, v.actor(), f, st.now_ms()).await?;
    let mut out =
        String::from("seq,time_utc,actor,action,object_type,object_id,summary,prev_hash,hash\n");
    for e in entries {
        let time = jiff::Timestamp::from_millisecond(e.at_ms)
            .map(|t| t.to_string())
            .unwrap_or_default();
        let cells = [
            e.seq.to_string(),
            time,
            e.actor,
            e.action,
            e.object_type,
            e.object_id,
            e.summary,
            e.prev_hash,
            e.hash,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"bedside-audit.csv\"",
            ),
        ],
        out,
    )
        .into_response())
}
