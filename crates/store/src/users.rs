//! Users and their memberships (one role per organisation).

use crate::{Result, Source, Tx};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub active: bool,
    pub created_at: i64,
}

/// A user as a member of one organisation.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Member {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub active: bool,
    pub role: String,
    pub created_at: i64,
}

pub async fn create(
    tx: &mut Tx,
    email: &str,
    display_name: &str,
    password_hash: Option<&str>,
    now_ms: i64,
) -> Result<i64> {
    Ok(scalar!(
        tx,
        fetch_one,
        i64,
        "INSERT INTO users (email, display_name, password_hash, active, created_at) VALUES ($1, $2, $3, TRUE, $4) RETURNING id",
        email,
        display_name,
        password_hash,
        now_ms
    )?)
}

pub async fn add_membership(
    tx: &mut Tx,
    user_id: i64,
    org_id: i64,
    role: &str,
    now_ms: i64,
) -> Result<()> {
    execute!(
        tx,
        "INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4)",
        user_id,
        org_id,
        role,
        now_ms
    )?;
    Ok(())
}

const USER_COLS: &str =
    "SELECT id, email, display_name, password_hash, active, created_at FROM users";

pub async fn find_by_email(src: &mut impl Source, email: &str) -> Result<Option<User>> {
    let sql = format!("{USER_COLS} WHERE email = $1");
    Ok(fetch!(src, fetch_optional, User, &sql, email)?)
}

pub async fn get(src: &mut impl Source, id: i64) -> Result<User> {
    let sql = format!("{USER_COLS} WHERE id = $1");
    Ok(fetch!(src, fetch_one, User, &sql, id)?)
}

pub async fn count(src: &mut impl Source) -> Result<i64> {
    Ok(scalar!(src, fetch_one, i64, "SELECT COUNT(*) FROM users")?)
}

const MEMBER_COLS: &str =
    "SELECT u.id AS user_id, u.email, u.display_name, u.active, m.role, m.created_at
     FROM memberships m JOIN users u ON u.id = m.user_id";

pub async fn members(src: &mut impl Source, org_id: i64) -> Result<Vec<Member>> {
    let sql = format!("{MEMBER_COLS} WHERE m.org_id = $1 ORDER BY u.display_name, u.id");
    Ok(fetch!(src, fetch_all, Member, &sql, org_id)?)
}

pub async fn member(src: &mut impl Source, org_id: i64, user_id: i64) -> Result<Option<Member>> {
    let sql = format!("{MEMBER_COLS} WHERE m.org_id = $1 AND u.id = $2");
    Ok(fetch!(src, fetch_optional, Member, &sql, org_id, user_id)?)
}

/// The organisation a user signs in to: their earliest membership.
pub async fn primary_membership(
    src: &mut impl Source,
    user_id: i64,
) -> Result<Option<(i64, String)>> {
    Ok(fetch!(
        src,
        fetch_optional,
        (i64, String),
        "SELECT org_id, role FROM memberships WHERE user_id = $1 ORDER BY created_at, org_id LIMIT 1",
        user_id
    )?)
}

pub async fn active_owner_count(src: &mut impl Source, org_id: i64) -> Result<i64> {
    Ok(scalar!(
        src,
        fetch_one,
        i64,
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.org_id = $1 AND m.role = 'owner' AND u.active = TRUE",
        org_id
    )?)
}

pub async fn set_role(tx: &mut Tx, org_id: i64, user_id: i64, role: &str) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE memberships SET role = $1 WHERE org_id = $2 AND user_id = $3",
        role,
        org_id,
        user_id
    )?)
}

pub async fn set_active(tx: &mut Tx, user_id: i64, active: bool) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE users SET active = $1 WHERE id = $2",
        active,
        user_id
    )?)
}

pub async fn set_password(tx: &mut Tx, user_id: i64, password_hash: &str) -> Result<u64> {
    Ok(execute!(
        tx,
        "UPDATE users SET password_hash = $1 WHERE id = $2",
        password_hash,
        user_id
    )?)
}
