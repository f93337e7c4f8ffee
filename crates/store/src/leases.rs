//! Leases for periodic jobs (token refresh, reconciliation, consent expiry, feeds) so that
//! each runs on one instance at a time: whoever holds an unexpired lease runs the job.

use crate::{Result, Tx};

/// Take or renew the lease `name` for `holder` until `now_ms + ttl_ms`. Returns the fence
/// (bumped each time the lease changes hands) when held, `None` when someone else holds it.
pub async fn acquire(
    tx: &mut Tx,
    name: &str,
    holder: &str,
    now_ms: i64,
    ttl_ms: i64,
) -> Result<Option<i64>> {
    let until = now_ms + ttl_ms;
    execute!(
        tx,
        "INSERT INTO job_leases (name, holder, lease_until, fence) VALUES ($1, $2, $3, 1)
         ON CONFLICT (name) DO UPDATE SET
             fence = CASE WHEN job_leases.holder = $2 THEN job_leases.fence ELSE job_leases.fence + 1 END,
             holder = $2, lease_until = $3
         WHERE job_leases.holder = $2 OR job_leases.lease_until < $4",
        name,
        holder,
        until,
        now_ms
    )?;
    let row = fetch!(
        tx,
        fetch_optional,
        (String, i64),
        "SELECT holder, fence FROM job_leases WHERE name = $1",
        name
    )?;
    Ok(row.filter(|(h, _)| h == holder).map(|(_, f)| f))
}
