//! Organisation settings and locations.

use domain::audit::Summary;
use domain::{FieldError, LocationName, OrgName, Permission};
use store::audit::{self, Event};
use store::orgs::{self, Location, Organisation};
use store::{Db, StoreError};

use crate::auth::rename;
use crate::error::Fields;
use crate::{Actor, Result, ServiceError};

pub const JURISDICTIONS: [(&str, &str); 2] = [("US", "United States"), ("IN", "India")];

pub fn parse_jurisdiction(raw: &str) -> Result<&'static str, FieldError> {
    let v = raw.trim().to_uppercase();
    JURISDICTIONS
        .iter()
        .find(|(code, _)| *code == v)
        .map(|(code, _)| *code)
        .ok_or_else(|| FieldError::new("jurisdiction", "must be US or IN"))
}

/// An IANA time zone name such as Asia/Kolkata or America/New_York.
pub fn parse_time_zone(raw: &str) -> Result<String, FieldError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(FieldError::new("time_zone", "is required"));
    }
    jiff::tz::TimeZone::get(v)
        .map(|_| v.to_string())
        .map_err(|_| {
            FieldError::new(
                "time_zone",
                format!("{v:?} is not a known time zone (e.g. Asia/Kolkata)"),
            )
        })
}

pub async fn organisation(db: &Db, actor: &Actor) -> Result<Organisation> {
    actor.require(Permission::ViewOrganisation)?;
    let mut c = db.conn().await?;
    Ok(orgs::get(&mut c, actor.org_id).await?)
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OrgForm {
    pub name: String,
    pub time_zone: String,
    pub jurisdiction: String,
}

pub async fn update_organisation(
    db: &Db,
    actor: &Actor,
    form: &OrgForm,
    now_ms: i64,
) -> Result<Vec<&'static str>> {
    actor.require(Permission::ManageOrganisation)?;
    let mut f = Fields::default();
    let name = f.take(OrgName::parse(&form.name));
    let tz = f.take(parse_time_zone(&form.time_zone));
    let j = f.take(parse_jurisdiction(&form.jurisdiction));
    f.finish()?;
    let (Some(name), Some(tz), Some(j)) = (name, tz, j) else {
        unreachable!("validated above")
    };
    let mut tx = db.begin().await?;
    let changed = orgs::update(&mut tx, actor.org_id, name.as_str(), &tz, j).await?;
    if !changed.is_empty() {
        audit::append(
            &mut tx,
            now_ms,
            &actor.audit(),
            &Event::new(
                Some(actor.org_id),
                "org.update",
                "organisation",
                actor.org_id,
            )
            .with(Summary::new().fields(&changed)),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(changed)
}

pub async fn locations(db: &Db, actor: &Actor) -> Result<Vec<Location>> {
    actor.require(Permission::ViewOrganisation)?;
    let mut c = db.conn().await?;
    Ok(orgs::locations(&mut c, actor.org_id).await?)
}

fn conflict_name(e: StoreError, name: &str) -> ServiceError {
    match e {
        StoreError::Conflict(_) => ServiceError::Invalid(vec![FieldError::new(
            "name",
            format!("a location called {name:?} already exists"),
        )]),
        e => e.into(),
    }
}

pub async fn create_location(db: &Db, actor: &Actor, name: &str, now_ms: i64) -> Result<Location> {
    actor.require(Permission::ManageLocations)?;
    let name = LocationName::parse(name)?;
    let mut tx = db.begin().await?;
    let id = orgs::create_location(&mut tx, actor.org_id, name.as_str(), now_ms)
        .await
        .map_err(|e| conflict_name(e, name.as_str()))?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "location.create", "location", id)
            .with(Summary::new().fields(&["name"])),
    )
    .await?;
    tx.commit().await?;
    Ok(Location {
        id,
        org_id: actor.org_id,
        name: name.into_inner(),
        created_at: now_ms,
    })
}

pub async fn rename_location(
    db: &Db,
    actor: &Actor,
    id: i64,
    name: &str,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ManageLocations)?;
    let name = LocationName::parse(name).map_err(|e| rename(e, "name"))?;
    let mut tx = db.begin().await?;
    let n = orgs::rename_location(&mut tx, actor.org_id, id, name.as_str())
        .await
        .map_err(|e| conflict_name(e, name.as_str()))?;
    if n == 0 {
        return Err(ServiceError::NotFound);
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "location.rename", "location", id)
            .with(Summary::new().fields(&["name"])),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
