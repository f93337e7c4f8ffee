//! Members of an organisation: invitations, roles, deactivation, passwords.

use domain::audit::Summary;
use domain::{DisplayName, Email, FieldError, Password, Permission, Role};
use store::audit::{self, Event};
use store::invitations::{self, Invitation};
use store::users::{self, Member};
use store::{hash_secret, random_secret, sessions, Db, StoreError};

use crate::auth::{rename, NewSession};
use crate::error::Fields;
use crate::{Actor, Passwords, Result, ServiceError};

pub const INVITE_TTL_MS: i64 = 7 * 24 * 60 * 60 * 1000;

pub fn parse_role(raw: &str) -> Result<Role, FieldError> {
    Role::parse(raw.trim()).ok_or_else(|| {
        FieldError::new(
            "role",
            "must be one of owner, compliance, manager, author, responder, analyst",
        )
    })
}

pub async fn members(db: &Db, actor: &Actor) -> Result<Vec<Member>> {
    actor.require(Permission::ViewOrganisation)?;
    let mut c = db.conn().await?;
    Ok(users::members(&mut c, actor.org_id).await?)
}

pub async fn pending_invitations(db: &Db, actor: &Actor, now_ms: i64) -> Result<Vec<Invitation>> {
    actor.require(Permission::ManageUsers)?;
    let mut c = db.conn().await?;
    Ok(invitations::pending(&mut c, actor.org_id, now_ms).await?)
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct InviteForm {
    pub email: String,
    pub display_name: String,
    pub role: String,
}

/// Returns the invitation id and the one-time link secret.
pub async fn invite(
    db: &Db,
    actor: &Actor,
    form: &InviteForm,
    now_ms: i64,
) -> Result<(i64, String)> {
    actor.require(Permission::ManageUsers)?;
    let mut f = Fields::default();
    let email = f.take(Email::parse(&form.email));
    let name =
        f.take(DisplayName::parse(&form.display_name).map_err(|e| rename(e, "display_name")));
    let role = f.take(parse_role(&form.role));
    f.finish()?;
    let (Some(email), Some(name), Some(role)) = (email, name, role) else {
        unreachable!("validated")
    };
    let mut tx = db.begin().await?;
    if users::find_by_email(&mut tx, email.as_str())
        .await?
        .is_some()
    {
        return Err(ServiceError::Invalid(vec![FieldError::new(
            "email",
            "a user with this email already exists",
        )]));
    }
    let secret = random_secret(24);
    let id = invitations::create(
        &mut tx,
        actor.org_id,
        email.as_str(),
        name.as_str(),
        role.as_str(),
        &hash_secret(&secret),
        actor.user_id,
        now_ms,
        now_ms + INVITE_TTL_MS,
    )
    .await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "user.invite", "invitation", id)
            .with(Summary::new().value("role", role.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok((id, secret))
}

pub async fn open_invitation(db: &Db, secret: &str, now_ms: i64) -> Result<Invitation> {
    let mut c = db.conn().await?;
    invitations::find_open(&mut c, &hash_secret(secret), now_ms)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Accept an invitation by choosing a password; signs the new member in.
pub async fn accept_invitation(
    db: &Db,
    passwords: &Passwords,
    secret: &str,
    password: &str,
    now_ms: i64,
) -> Result<NewSession> {
    let inv = open_invitation(db, secret, now_ms).await?;
    let password = Password::parse("password", password)?;
    let hash = passwords.hash(&password);
    let mut tx = db.begin().await?;
    if invitations::accept(&mut tx, inv.id, now_ms).await? == 0 {
        return Err(ServiceError::NotFound);
    }
    let user_id = users::create(&mut tx, &inv.email, &inv.display_name, Some(&hash), now_ms)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ServiceError::Conflict("a user with this email already exists".into())
            }
            e => e.into(),
        })?;
    users::add_membership(&mut tx, user_id, inv.org_id, &inv.role, now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &store::audit::Actor::user(user_id, &inv.email),
        &Event::new(Some(inv.org_id), "user.create", "user", user_id).with(
            Summary::new()
                .id("invitation_id", inv.id)
                .value("role", &inv.role),
        ),
    )
    .await?;
    tx.commit().await?;
    crate::auth::sign_in_without_password(db, user_id, inv.org_id, now_ms).await
}

/// Refuse changes that would leave an organisation without an active owner.
async fn ensure_owner_remains(tx: &mut store::Tx, org_id: i64, target: &Member) -> Result<()> {
    if target.role == Role::Owner.as_str()
        && target.active
        && users::active_owner_count(tx, org_id).await? <= 1
    {
        return Err(ServiceError::Refused(
            "An organisation needs at least one active owner.".into(),
        ));
    }
    Ok(())
}

pub async fn change_role(
    db: &Db,
    actor: &Actor,
    user_id: i64,
    role: &str,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ManageUsers)?;
    let role = parse_role(role)?;
    let mut tx = db.begin().await?;
    let target = users::member(&mut tx, actor.org_id, user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if target.role == role.as_str() {
        return Ok(());
    }
    ensure_owner_remains(&mut tx, actor.org_id, &target).await?;
    users::set_role(&mut tx, actor.org_id, user_id, role.as_str()).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "user.role_change", "user", user_id).with(
            Summary::new()
                .value("from", &target.role)
                .value("to", role.as_str()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Deactivating ends the member's sessions in the same transaction, so they are signed
/// out at once; their API tokens stop working because lookups require an active user.
pub async fn set_active(
    db: &Db,
    actor: &Actor,
    user_id: i64,
    active: bool,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::ManageUsers)?;
    if user_id == actor.user_id && !active {
        return Err(ServiceError::Refused(
            "You cannot deactivate yourself.".into(),
        ));
    }
    let mut tx = db.begin().await?;
    let target = users::member(&mut tx, actor.org_id, user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if target.active == active {
        return Ok(());
    }
    if !active {
        ensure_owner_remains(&mut tx, actor.org_id, &target).await?;
        sessions::delete_for_user(&mut tx, user_id, None).await?;
    }
    users::set_active(&mut tx, user_id, active).await?;
    let action = if active {
        "user.reactivate"
    } else {
        "user.deactivate"
    };
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), action, "user", user_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PasswordForm {
    pub current_password: String,
    pub new_password: String,
    pub confirm_password: String,
}

/// Change one's own password; every other session of the user ends.
pub async fn change_password(
    db: &Db,
    passwords: &Passwords,
    actor: &Actor,
    keep_session_hash: &str,
    form: &PasswordForm,
    now_ms: i64,
) -> Result<()> {
    let user = {
        let mut c = db.conn().await?;
        users::get(&mut c, actor.user_id).await?
    };
    let mut f = Fields::default();
    if !passwords.verify(user.password_hash.as_deref(), &form.current_password) {
        f.push(FieldError::new("current_password", "is not correct"));
    }
    let new = f.take(Password::parse("new_password", &form.new_password));
    if form.new_password != form.confirm_password {
        f.push(FieldError::new(
            "confirm_password",
            "does not match the new password",
        ));
    }
    f.finish()?;
    let Some(new) = new else {
        unreachable!("validated")
    };
    let hash = passwords.hash(&new);
    let mut tx = db.begin().await?;
    users::set_password(&mut tx, actor.user_id, &hash).await?;
    sessions::delete_for_user(&mut tx, actor.user_id, Some(keep_session_hash)).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(
            Some(actor.org_id),
            "user.password_change",
            "user",
            actor.user_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A member created directly by an administrator (`bedside user add`).
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub password: &'a str,
}

/// `bedside user add`: create a member directly (administrators on the server).
pub async fn add_user_cli(
    db: &Db,
    passwords: &Passwords,
    org_id: i64,
    new: &NewUser<'_>,
    now_ms: i64,
) -> Result<i64> {
    let mut f = Fields::default();
    let email = f.take(Email::parse(new.email));
    let name = f.take(DisplayName::parse(new.display_name));
    let role = f.take(parse_role(new.role));
    let password = f.take(Password::parse("password", new.password));
    f.finish()?;
    let (Some(email), Some(name), Some(role), Some(password)) = (email, name, role, password)
    else {
        unreachable!("validated")
    };
    let hash = passwords.hash(&password);
    let mut tx = db.begin().await?;
    store::orgs::get(&mut tx, org_id)
        .await
        .map_err(|_| ServiceError::Refused(format!("no organisation with id {org_id}")))?;
    let user_id = users::create(&mut tx, email.as_str(), name.as_str(), Some(&hash), now_ms)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                ServiceError::Conflict(format!("a user with email {email} already exists"))
            }
            e => e.into(),
        })?;
    users::add_membership(&mut tx, user_id, org_id, role.as_str(), now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &store::audit::Actor::cli(),
        &Event::new(Some(org_id), "user.create", "user", user_id)
            .with(Summary::new().value("role", role.as_str())),
    )
    .await?;
    tx.commit().await?;
    Ok(user_id)
}
