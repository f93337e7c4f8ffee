//! Reading the calendar.

use domain::Permission;
use store::calendar::{Filter, Item, Unscheduled};
use store::Db;

use crate::{Actor, Result};

pub async fn items(
    db: &Db,
    actor: &Actor,
    from_ms: i64,
    until_ms: i64,
    f: &Filter,
) -> Result<Vec<Item>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::calendar::items(&mut c, actor.org_id, from_ms, until_ms, f).await?)
}

pub async fn unscheduled(db: &Db, actor: &Actor) -> Result<Vec<Unscheduled>> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    Ok(store::calendar::unscheduled(&mut c, actor.org_id, 50).await?)
}
