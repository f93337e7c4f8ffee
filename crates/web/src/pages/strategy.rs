//! Goals (PLAN-1) and the content mix (PLAN-4): `/plans/goals`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::content::Pillar;
use domain::planning::{GoalDraft, Metric};
use domain::Permission;
use jiff::civil::Date;
use serde::Deserialize;
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct MixLine {
    pub key: &'static str,
    pub label: &'static str,
    pub intended: String,
    pub planned: i64,
    pub published: i64,
    pub actual: i64,
    /// Actual minus intended share, in percentage points ("+13", "−2"); empty without a
    /// mix or without posts.
    pub gap: String,
    /// What the form shows: the intended share, or what was just typed.
    pub input: String,
}

pub struct GoalLine {
    pub id: i64,
    pub name: String,
    pub metric: &'static str,
    pub pillar: String,
    pub period: String,
    pub target: i64,
    pub value: Option<i64>,
    pub percent: i64,
}

#[derive(Template)]
#[template(path = "goals.html")]
struct GoalsPage {
    layout: Layout,
    from: String,
    to: String,
    mix_set: bool,
    total: i64,
    mix: Vec<MixLine>,
    goals: Vec<GoalLine>,
    metrics: Vec<(&'static str, &'static str)>,
    pillars: Vec<(&'static str, &'static str)>,
    draft: GoalDraft,
    can_plan: bool,
    errors: FormErrors,
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct Period {
    /// First day, YYYY-MM-DD; default the first of this month.
    pub from: String,
    /// Last day (included); default the last of this month.
    pub to: String,
}

fn date(field: &'static str, raw: &str) -> Result<Option<Date>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| {
        AppError::Invalid(vec![domain::FieldError::new(
            field,
            format!("{raw:?} is not a date like 2026-12-01"),
        )])
    })
}

/// A period of days: the dates given, or this month (in the organisation's zone).
pub async fn period(
    st: &AppState,
    a: &service::Actor,
    p: &Period,
) -> Result<(Date, Date), AppError> {
    let (first, last) = service::strategy::this_month(&st.db, a, st.now_ms()).await?;
    Ok((
        date("from", &p.from)?.unwrap_or(first),
        date("to", &p.to)?.unwrap_or(last),
    ))
}

/// Actual minus intended share in points: "+13", "−2", "0"; empty without a mix or posts.
fn gap(actual: i64, intended: Option<u8>, total: i64) -> String {
    match intended {
        Some(i) if total > 0 => match actual - i64::from(i) {
            d if d > 0 => format!("+{d}"),
            d if d < 0 => format!("−{}", -d),
            _ => "0".into(),
        },
        _ => String::new(),
    }
}

/// What the forms show after a refused submission.
#[derive(Default)]
struct Typed {
    mix: Vec<(String, String)>,
    goal: GoalDraft,
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    p: &Period,
    typed: Typed,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let a = v.actor();
    let (from, to) = period(st, a, p).await?;
    let report = match service::strategy::mix_report(&st.db, a, from, to).await {
        Err(ServiceError::Invalid(e)) => return Err(AppError::Invalid(e)),
        r => r?,
    };
    let mix = report
        .rows
        .iter()
        .map(|r| {
            let key = r.pillar.as_str();
            let typed = typed
                .mix
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone());
            let intended = r.intended_percent.map(|n| n.to_string());
            MixLine {
                key,
                label: r.pillar.label(),
                input: typed.or_else(|| intended.clone()).unwrap_or_default(),
                intended: intended
                    .map(|n| format!("{n} %"))
                    .unwrap_or_else(|| "—".into()),
                planned: r.planned,
                published: r.published,
                actual: r.actual_percent,
                gap: gap(r.actual_percent, r.intended_percent, report.total),
            }
        })
        .collect();
    let goals = service::strategy::goals(&st.db, a)
        .await?
        .into_iter()
        .map(|g| GoalLine {
            id: g.goal.id,
            name: g.goal.name,
            metric: g.metric.label(),
            pillar: g
                .goal
                .pillar
                .as_deref()
                .and_then(|p| Pillar::parse(p).ok())
                .map(|p| p.label().to_string())
                .unwrap_or_default(),
            period: format!("{} – {}", g.goal.starts_on, g.goal.ends_on),
            target: g.goal.target,
            value: g.value,
            percent: g.percent.unwrap_or(0),
        })
        .collect();
    Ok(render::page(
        errors.status(),
        &GoalsPage {
            layout: Layout::new(
                "Goals and content mix",
                Some(&v.principal),
                &v.csrf,
                "/plans",
            ),
            from: from.to_string(),
            to: to.to_string(),
            mix_set: report.mix_set,
            total: report.total,
            mix,
            goals,
            metrics: Metric::ALL
                .iter()
                .map(|m| (m.as_str(), m.label()))
                .collect(),
            pillars: Pillar::ALL
                .iter()
                .map(|p| (p.as_str(), p.label()))
                .collect(),
            draft: typed.goal,
            can_plan: a.role.can(Permission::ApprovePosts),
            errors,
        },
    ))
}

pub async fn page(
    State(st): State<AppState>,
    v: Viewer,
    Query(p): Query<Period>,
) -> Result<Response, AppError> {
    render_page(&st, &v, &p, Typed::default(), FormErrors::default()).await
}

pub async fn set_mix(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let entries: Vec<(String, String)> = Pillar::ALL
        .iter()
        .map(|p| (p.as_str().to_string(), form.text(p.as_str())))
        .collect();
    match service::strategy::set_content_mix(&st.db, v.actor(), &entries, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/plans/goals").into_response()),
        Err(ServiceError::Invalid(e)) => {
            let typed = Typed {
                mix: entries,
                ..Default::default()
            };
            render_page(&st, &v, &Period::default(), typed, FormErrors(e)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_goal(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let draft = GoalDraft {
        name: form.text("name"),
        metric: form.text("metric"),
        pillar: Some(form.text("pillar")),
        target: form.text("target"),
        starts_on: form.text("starts_on"),
        ends_on: form.text("ends_on"),
    };
    match service::strategy::add_goal(&st.db, v.actor(), &draft, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/plans/goals").into_response()),
        Err(ServiceError::Invalid(e)) => {
            let typed = Typed {
                goal: draft,
                ..Default::default()
            };
            render_page(&st, &v, &Period::default(), typed, FormErrors(e)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_goal(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    service::strategy::delete_goal(&st.db, v.actor(), id, st.now_ms()).await?;
    Ok(Redirect::to("/plans/goals").into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn gap_in_points() {
        assert_eq!(super::gap(48, Some(35), 10), "+13");
        assert_eq!(super::gap(33, Some(35), 10), "−2");
        assert_eq!(super::gap(35, Some(35), 10), "0");
        assert_eq!(super::gap(0, Some(35), 0), "", "no posts yet");
        assert_eq!(super::gap(50, None, 4), "", "no mix set");
    }
}
