//! The intended content mix (PLAN-4) against planned and published posts, and goals
//! (PLAN-1) with the progress the data of today can show.

use domain::audit::Summary;
use domain::content::Pillar;
use domain::planning::{percent_of, ContentMix, GoalDraft, GoalSpec, Metric};
use domain::{FieldError, Permission};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use store::audit::Event;
use store::strategy::{Goal, NewGoal, PillarCount};
use store::Db;

use crate::{Actor, Result, ServiceError};

/// The organisation's time zone (UTC if the stored name is unknown).
async fn zone(db: &Db, org_id: i64) -> Result<TimeZone> {
    let mut c = db.conn().await?;
    let org = store::orgs::get(&mut c, org_id).await?;
    Ok(TimeZone::get(&org.time_zone).unwrap_or(TimeZone::UTC))
}

fn midnight_ms(d: Date, tz: &TimeZone) -> i64 {
    d.to_zoned(tz.clone())
        .map(|z| z.timestamp().as_millisecond())
        .unwrap_or(0)
}

/// The first and last day of the month `now_ms` falls in, in the organisation's zone.
pub async fn this_month(db: &Db, actor: &Actor, now_ms: i64) -> Result<(Date, Date)> {
    let tz = zone(db, actor.org_id).await?;
    let today = jiff::Timestamp::from_millisecond(now_ms)
        .map(|t| t.to_zoned(tz).date())
        .unwrap_or(Date::constant(2026, 1, 1));
    Ok((today.first_of_month(), today.last_of_month()))
}

/// Counts for the days `from..=to` (local dates).
async fn counts(
    db: &Db,
    org_id: i64,
    tz: &TimeZone,
    from: Date,
    to: Date,
) -> Result<Vec<PillarCount>> {
    let until = to.tomorrow().unwrap_or(to);
    let mut c = db.conn().await?;
    Ok(store::strategy::pillar_counts(
        &mut c,
        org_id,
        midnight_ms(from, tz),
        midnight_ms(until, tz),
    )
    .await?)
}

pub async fn content_mix(db: &Db, actor: &Actor) -> Result<Option<ContentMix>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    let rows = store::strategy::content_mix(&mut c, actor.org_id).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let pairs: Vec<(String, String)> = rows.into_iter().map(|(p, n)| (p, n.to_string())).collect();
    // Stored rows were validated on the way in; anything else reads as "not set".
    Ok(ContentMix::parse(&pairs).ok())
}

/// Replace the intended mix. `entries` are (pillar, percentage) as typed.
pub async fn set_content_mix(
    db: &Db,
    actor: &Actor,
    entries: &[(String, String)],
    now_ms: i64,
) -> Result<ContentMix> {
    actor.require(Permission::ApprovePosts)?;
    let mix = ContentMix::parse(entries).map_err(ServiceError::Invalid)?;
    let shares: Vec<(&str, i64)> = mix
        .shares()
        .map(|(p, n)| (p.as_str(), i64::from(n)))
        .collect();
    let mut summary = Summary::new();
    for (p, n) in &shares {
        summary = summary.id(p, *n);
    }
    let mut tx = db.begin().await?;
    store::strategy::set_content_mix(&mut tx, actor.org_id, &shares).await?;
    let event = Event::new(
        Some(actor.org_id),
        "content_mix.update",
        "organisation",
        actor.org_id,
    );
    actor
        .commit_audited(tx, now_ms, event.with(summary))
        .await?;
    Ok(mix)
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MixRow {
    pub pillar: Pillar,
    /// The intended share, when a mix is set.
    pub intended_percent: Option<u8>,
    /// Approved or scheduled, not yet published.
    pub planned: i64,
    pub published: i64,
    /// This pillar's share of all planned and published posts in the period.
    pub actual_percent: i64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MixReport {
    pub from: Date,
    pub to: Date,
    pub mix_set: bool,
    pub total: i64,
    pub rows: Vec<MixRow>,
}

/// Planned and published posts per pillar for the days `from..=to`, against the mix.
pub async fn mix_report(db: &Db, actor: &Actor, from: Date, to: Date) -> Result<MixReport> {
    actor.require(Permission::ViewCalendar)?;
    if to < from {
        return Err(FieldError::new("to", "is before the start of the period").into());
    }
    let mix = content_mix(db, actor).await?;
    let tz = zone(db, actor.org_id).await?;
    let counts = counts(db, actor.org_id, &tz, from, to).await?;
    let n = |p: Pillar, published: bool| -> i64 {
        counts
            .iter()
            .filter(|c| c.pillar == p.as_str() && (c.status == "published") == published)
            .map(|c| c.posts)
            .sum()
    };
    let mut rows: Vec<MixRow> = Pillar::ALL
        .into_iter()
        .map(|p| MixRow {
            pillar: p,
            intended_percent: mix.map(|m| m.percent(p)),
            planned: n(p, false),
            published: n(p, true),
            actual_percent: 0,
        })
        .collect();
    let total: i64 = rows.iter().map(|r| r.planned + r.published).sum();
    for r in &mut rows {
        r.actual_percent = percent_of(r.planned + r.published, total);
    }
    Ok(MixReport {
        from,
        to,
        mix_set: mix.is_some(),
        total,
        rows,
    })
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct GoalProgress {
    pub goal: Goal,
    pub metric: Metric,
    /// None while the metric needs analytics that do not exist yet.
    pub value: Option<i64>,
    pub percent: Option<i64>,
}

fn measure(metric: Metric, pillar: Option<&str>, counts: &[PillarCount]) -> Option<i64> {
    let sum = |keep: &dyn Fn(&PillarCount) -> bool| {
        counts.iter().filter(|c| keep(c)).map(|c| c.posts).sum()
    };
    match metric {
        Metric::PostsPublished => Some(sum(&|c| c.status == "published")),
        Metric::PostsPublishedPerPillar => Some(sum(&|c| {
            c.status == "published" && Some(c.pillar.as_str()) == pillar
        })),
        Metric::PostsPlanned => Some(sum(&|_| true)),
        Metric::Engagements | Metric::LinkClicks | Metric::FollowersGained => None,
    }
}

pub async fn goals(db: &Db, actor: &Actor) -> Result<Vec<GoalProgress>> {
    actor.require(Permission::ViewCalendar)?;
    let list = {
        let mut c = db.conn().await?;
        store::strategy::goals(&mut c, actor.org_id).await?
    };
    let tz = zone(db, actor.org_id).await?;
    let mut out = Vec::with_capacity(list.len());
    for goal in list {
        let Ok(metric) = Metric::parse(&goal.metric) else {
            continue;
        };
        let value = match (goal.starts_on.parse::<Date>(), goal.ends_on.parse::<Date>()) {
            (Ok(s), Ok(e)) if metric.measured_now() => {
                let counts = counts(db, actor.org_id, &tz, s, e).await?;
                measure(metric, goal.pillar.as_deref(), &counts)
            }
            _ => None,
        };
        out.push(GoalProgress {
            percent: value.map(|v| percent_of(v, goal.target)),
            value,
            metric,
            goal,
        });
    }
    Ok(out)
}

pub async fn add_goal(db: &Db, actor: &Actor, draft: &GoalDraft, now_ms: i64) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let g = GoalSpec::parse(draft).map_err(ServiceError::Invalid)?;
    let (s, e) = (g.starts_on.to_string(), g.ends_on.to_string());
    let new = NewGoal {
        name: g.name.as_str(),
        metric: g.metric.as_str(),
        pillar: g.pillar.map(Pillar::as_str),
        target: g.target,
        starts_on: &s,
        ends_on: &e,
    };
    let mut tx = db.begin().await?;
    let id =
        store::strategy::create_goal(&mut tx, actor.org_id, &new, actor.user_id, now_ms).await?;
    let event = Event::new(Some(actor.org_id), "goal.create", "goal", id)
        .with(Summary::new().value("metric", g.metric.as_str()));
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(id)
}

pub async fn delete_goal(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::ApprovePosts)?;
    let mut tx = db.begin().await?;
    if !store::strategy::delete_goal(&mut tx, actor.org_id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let event = Event::new(Some(actor.org_id), "goal.delete", "goal", id);
    actor.commit_audited(tx, now_ms, event).await
}
