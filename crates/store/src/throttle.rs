//! Login throttling, shared by every instance through the database. Keys are
//! `account:<email>` and `addr:<ip>`; a key that does not belong to any user is throttled the
//! same way, so throttling reveals nothing about which accounts exist.

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_failures: i64,
    pub window_ms: i64,
    pub lock_ms: i64,
}

/// When the key is locked, until when.
pub async fn locked_until(src: &mut impl Source, key: &str, now_ms: i64) -> Result<Option<i64>> {
    let until = scalar!(
        src,
        fetch_optional,
        i64,
        "SELECT locked_until FROM login_throttle WHERE throttle_key = $1",
        key
    )?;
    Ok(until.filter(|u| *u > now_ms))
}

/// Count a failure; lock the key when it reaches the limit within the window.
pub async fn record_failure(
    tx: &mut Tx,
    key: &str,
    now_ms: i64,
    limits: Limits,
) -> Result<Option<i64>> {
    let window_floor = now_ms - limits.window_ms;
    let failures = scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES ($1, 1, $2, 0)
         ON CONFLICT (throttle_key) DO UPDATE SET
           failures = CASE WHEN login_throttle.window_start < $3 THEN 1 ELSE login_throttle.failures + 1 END,
           window_start = CASE WHEN login_throttle.window_start < $3 THEN $2 ELSE login_throttle.window_start END
         RETURNING failures",
        key,
        now_ms,
        window_floor
    )?;
    if failures >= limits.max_failures {
        let until = now_ms + limits.lock_ms;
        execute!(
            tx,
            "UPDATE login_throttle SET locked_until = $1, failures = 0, window_start = $2 WHERE throttle_key = $3",
            until,
            now_ms,
            key
        )?;
        return Ok(Some(until));
    }
    Ok(None)
}

pub async fn clear(tx: &mut Tx, key: &str) -> Result<()> {
    execute!(
        tx,
        "DELETE FROM login_throttle WHERE throttle_key = $1",
        key
    )?;
    Ok(())
}
