//! Health observances (PLAN-7): the shipped catalogue as the organisation sees it (India's
//! observances only for organisations in India, minus the ones it hid), its own, and the
//! suggestions they make for a range of calendar days.

use domain::content::Pillar;
use domain::observances::{self, span_label, starts_overlapping, Observance};
use domain::{DisplayName, FieldError, Permission};
use jiff::civil::Date;
use store::audit::Event;
use store::strategy::{NewObservance, OwnObservance};
use store::Db;

use crate::error::Fields;
use crate::{Actor, Result, ServiceError};

/// A shipped observance and whether this organisation hid it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Shipped {
    #[serde(flatten)]
    pub observance: Observance,
    pub when: String,
    pub hidden: bool,
}

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub shipped: Vec<Shipped>,
    pub own: Vec<OwnObservance>,
}

async fn jurisdiction(db: &Db, org_id: i64) -> Result<String> {
    let mut c = db.conn().await?;
    Ok(store::orgs::get(&mut c, org_id).await?.jurisdiction)
}

fn applicable(jurisdiction: &str) -> impl Iterator<Item = &'static Observance> + '_ {
    observances::shipped()
        .iter()
        .filter(move |o| o.scope.applies_to(jurisdiction))
}

pub async fn catalogue(db: &Db, actor: &Actor) -> Result<Catalogue> {
    actor.require(Permission::ViewCalendar)?;
    let j = jurisdiction(db, actor.org_id).await?;
    let mut c = db.conn().await?;
    let hidden = store::strategy::hidden_keys(&mut c, actor.org_id).await?;
    let own = store::strategy::own_observances(&mut c, actor.org_id).await?;
    let shipped = applicable(&j)
        .map(|o| Shipped {
            when: o.when(),
            hidden: hidden.contains(&o.key),
            observance: o.clone(),
        })
        .collect();
    Ok(Catalogue { shipped, own })
}

/// Hide a shipped observance from this organisation's calendar, or show it again.
pub async fn set_hidden(
    db: &Db,
    actor: &Actor,
    key: &str,
    hidden: bool,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ApprovePosts)?;
    let j = jurisdiction(db, actor.org_id).await?;
    let key = key.trim();
    if !applicable(&j).any(|o| o.key == key) {
        return Err(FieldError::new(
            "key",
            format!("{key:?} is not one of the shipped observances"),
        )
        .into());
    }
    let mut tx = db.begin().await?;
    if store::strategy::set_hidden(&mut tx, actor.org_id, key, hidden, actor.user_id, now_ms)
        .await?
    {
        let action = if hidden {
            "observance.hide"
        } else {
            "observance.show"
        };
        let event = Event::new(Some(actor.org_id), action, "observance", key);
        return actor.commit_audited(tx, now_ms, event).await;
    }
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OwnInput {
    pub name: String,
    /// YYYY-MM-DD
    pub date: String,
    #[serde(default)]
    pub yearly: bool,
    #[serde(default)]
    pub note: String,
}

pub const MAX_NOTE: usize = 500;

pub async fn add_own(db: &Db, actor: &Actor, input: &OwnInput, now_ms: i64) -> Result<i64> {
    actor.require(Permission::ApprovePosts)?;
    let mut f = Fields::default();
    let name = f.take(DisplayName::parse(&input.name));
    let date = f.take(input.date.trim().parse::<Date>().map_err(|_| {
        FieldError::new(
            "date",
            format!("{:?} is not a date like 2026-12-05", input.date.trim()),
        )
    }));
    if let Some(d) = date {
        if input.yearly && d.month() == 2 && d.day() == 29 {
            f.push(FieldError::new(
                "date",
                "29 February does not come every year; pick another day for a yearly observance",
            ));
        }
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE {
        f.push(FieldError::new(
            "note",
            format!("must be at most {MAX_NOTE} characters"),
        ));
    }
    f.finish()?;
    let (Some(name), Some(date)) = (name, date) else {
        unreachable!("validated")
    };
    let on = date.to_string();
    let mut tx = db.begin().await?;
    let o = NewObservance {
        name: name.as_str(),
        observed_on: &on,
        yearly: input.yearly,
        note,
    };
    let id =
        store::strategy::add_observance(&mut tx, actor.org_id, &o, actor.user_id, now_ms).await?;
    let event = Event::new(
        Some(actor.org_id),
        "observance.create",
        "org_observance",
        id,
    );
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(id)
}

pub async fn delete_own(db: &Db, actor: &Actor, id: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::ApprovePosts)?;
    let mut tx = db.begin().await?;
    if !store::strategy::delete_observance(&mut tx, actor.org_id, id).await? {
        return Err(ServiceError::NotFound);
    }
    let event = Event::new(
        Some(actor.org_id),
        "observance.delete",
        "org_observance",
        id,
    );
    actor.commit_audited(tx, now_ms, event).await
}

/// An observance on the calendar: a suggestion to post about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suggestion {
    /// The day to show it on: its first day, or the first day of the range when it began
    /// earlier.
    pub date: Date,
    pub name: String,
    /// "29 September", "1–7 September".
    pub when: String,
    pub pillar: Pillar,
    pub note: String,
    /// True for the organisation's own observances.
    pub own: bool,
}

/// The observances that fall (at least partly) in `[from, until)`, by date then name.
pub async fn suggestions(
    db: &Db,
    actor: &Actor,
    from: Date,
    until: Date,
) -> Result<Vec<Suggestion>> {
    let cat = catalogue(db, actor).await?;
    let mut out = Vec::new();
    for s in cat.shipped.iter().filter(|s| !s.hidden) {
        let o = &s.observance;
        for start in starts_overlapping(o.month, o.day, o.days, from, until) {
            out.push(Suggestion {
                date: start.max(from),
                name: o.name.clone(),
                when: s.when.clone(),
                pillar: o.pillar,
                note: String::new(),
                own: false,
            });
        }
    }
    for o in &cat.own {
        let Ok(d) = o.observed_on.parse::<Date>() else {
            continue;
        };
        let starts = if o.yearly {
            starts_overlapping(d.month(), d.day(), 1, from, until)
        } else if d >= from && d < until {
            vec![d]
        } else {
            Vec::new()
        };
        for start in starts {
            out.push(Suggestion {
                date: start,
                name: o.name.clone(),
                when: span_label(start, 1),
                pillar: Pillar::Community,
                note: o.note.clone(),
                own: true,
            });
        }
    }
    out.sort_by(|a, b| (a.date, &a.name).cmp(&(b.date, &b.name)));
    Ok(out)
}
