//! Signing in and out, sessions, and the first-run setup of the owner account.

use domain::audit::Summary;
use domain::{DisplayName, Email, OrgName, Password, Role};
use store::audit::{self, Event};
use store::{hash_secret, invitations, orgs, random_secret, sessions, throttle, users, Db};

use crate::error::Fields;
use crate::org::{parse_jurisdiction, parse_time_zone};
use crate::{Actor, Passwords, Result, ServiceError};

pub const SESSION_TTL_MS: i64 = 12 * 60 * 60 * 1000;
/// A session in use is extended at most this often, to keep reads cheap.
const EXTEND_AFTER_MS: i64 = 5 * 60 * 1000;
pub const SETUP_TTL_MS: i64 = 24 * 60 * 60 * 1000;

pub const ACCOUNT_LIMITS: throttle::Limits = throttle::Limits {
    max_failures: 5,
    window_ms: 15 * 60 * 1000,
    lock_ms: 15 * 60 * 1000,
};
pub const ADDRESS_LIMITS: throttle::Limits = throttle::Limits {
    max_failures: 20,
    window_ms: 15 * 60 * 1000,
    lock_ms: 15 * 60 * 1000,
};

/// A new session: `secret` goes in the cookie; only its hash is stored.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub secret: String,
    pub csrf_token: String,
    pub expires_at: i64,
}

/// A session that is valid now.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    pub csrf_token: String,
    pub id_hash: String,
}

async fn open_session(
    tx: &mut store::Tx,
    user_id: i64,
    org_id: i64,
    now_ms: i64,
) -> Result<NewSession> {
    let secret = random_secret(32);
    let csrf_token = random_secret(32);
    let expires_at = now_ms + SESSION_TTL_MS;
    sessions::create(
        tx,
        &hash_secret(&secret),
        user_id,
        org_id,
        &csrf_token,
        now_ms,
        expires_at,
    )
    .await?;
    Ok(NewSession {
        secret,
        csrf_token,
        expires_at,
    })
}

/// Check credentials and open a session. Failures are counted per account and per client
/// address; either being locked refuses the attempt before any password is checked.
pub async fn sign_in(
    db: &Db,
    passwords: &Passwords,
    email: &str,
    password: &str,
    client_addr: &str,
    now_ms: i64,
) -> Result<NewSession> {
    let email_key = format!("account:{}", email.trim().to_lowercase());
    let addr_key = format!("addr:{client_addr}");
    {
        let mut c = db.conn().await?;
        for key in [&email_key, &addr_key] {
            if let Some(until_ms) = throttle::locked_until(&mut c, key, now_ms).await? {
                return Err(ServiceError::Throttled { until_ms });
            }
        }
    }
    let user = {
        let mut c = db.conn().await?;
        match Email::parse(email) {
            Ok(e) => users::find_by_email(&mut c, e.as_str()).await?,
            Err(_) => None,
        }
    };
    let ok = passwords.verify(
        user.as_ref().and_then(|u| u.password_hash.as_deref()),
        password,
    );
    let membership = match (&user, ok) {
        (Some(u), true) if u.active => {
            let mut c = db.conn().await?;
            users::primary_membership(&mut c, u.id).await?
        }
        _ => None,
    };
    let mut tx = db.begin().await?;
    match (user, membership) {
        (Some(u), Some((org_id, _role))) => {
            throttle::clear(&mut tx, &email_key).await?;
            let s = open_session(&mut tx, u.id, org_id, now_ms).await?;
            audit::append(
                &mut tx,
                now_ms,
                &store::audit::Actor::user(u.id, &u.email),
                &Event::new(Some(org_id), "auth.sign_in", "user", u.id),
            )
            .await?;
            tx.commit().await?;
            Ok(s)
        }
        (u, _) => {
            let locked_account =
                throttle::record_failure(&mut tx, &email_key, now_ms, ACCOUNT_LIMITS).await?;
            let locked_addr =
                throttle::record_failure(&mut tx, &addr_key, now_ms, ADDRESS_LIMITS).await?;
            if locked_account.is_some() || locked_addr.is_some() {
                let scope = if locked_account.is_some() {
                    "account"
                } else {
                    "address"
                };
                let org_id = match &u {
                    Some(u) => users::primary_membership(&mut tx, u.id).await?.map(|m| m.0),
                    None => None,
                };
                let object_id = u
                    .as_ref()
                    .map(|u| u.id.to_string())
                    .unwrap_or_else(|| "-".into());
                audit::append(
                    &mut tx,
                    now_ms,
                    &store::audit::Actor::anonymous(),
                    &Event::new(org_id, "auth.locked", "user", object_id)
                        .with(Summary::new().value("scope", scope)),
                )
                .await?;
            }
            tx.commit().await?;
            Err(ServiceError::BadCredentials)
        }
    }
}

/// The session behind a cookie secret, if valid; extends it while in use.
pub async fn session(db: &Db, secret: &str, now_ms: i64) -> Result<Option<Session>> {
    let id_hash = hash_secret(secret);
    let info = {
        let mut c = db.conn().await?;
        sessions::lookup(&mut c, &id_hash, now_ms).await?
    };
    let Some(info) = info else { return Ok(None) };
    let Some(role) = Role::parse(&info.role) else {
        return Ok(None);
    };
    if now_ms - info.last_seen_at > EXTEND_AFTER_MS {
        let mut tx = db.begin().await?;
        sessions::extend(&mut tx, &id_hash, now_ms, now_ms + SESSION_TTL_MS).await?;
        tx.commit().await?;
    }
    Ok(Some(Session {
        actor: Actor {
            user_id: info.user_id,
            email: info.email,
            display_name: info.display_name,
            org_id: info.org_id,
            role,
        },
        csrf_token: info.csrf_token,
        id_hash,
    }))
}

pub async fn sign_out(db: &Db, session: &Session, now_ms: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    sessions::delete(&mut tx, &session.id_hash).await?;
    audit::append(
        &mut tx,
        now_ms,
        &session.actor.audit(),
        &Event::new(
            Some(session.actor.org_id),
            "auth.sign_out",
            "user",
            session.actor.user_id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Make a one-time setup link secret when nobody can sign in yet. `None` when users exist.
pub async fn create_setup_token(db: &Db, now_ms: i64) -> Result<Option<String>> {
    let mut tx = db.begin().await?;
    if users::count(&mut tx).await? > 0 {
        return Ok(None);
    }
    let secret = random_secret(24);
    invitations::create_setup_token(
        &mut tx,
        &hash_secret(&secret),
        now_ms,
        now_ms + SETUP_TTL_MS,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(secret))
}

pub async fn setup_token_valid(db: &Db, secret: &str, now_ms: i64) -> Result<bool> {
    let mut c = db.conn().await?;
    Ok(invitations::setup_token_valid(&mut c, &hash_secret(secret), now_ms).await?)
}

/// The first-run form.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct SetupForm {
    pub org_name: String,
    pub time_zone: String,
    pub jurisdiction: String,
    pub display_name: String,
    pub email: String,
    pub password: String,
}

/// Create the organisation and its owner, consume the setup link, and sign the owner in.
pub async fn complete_setup(
    db: &Db,
    passwords: &Passwords,
    secret: &str,
    form: &SetupForm,
    now_ms: i64,
) -> Result<NewSession> {
    let mut f = Fields::default();
    let org_name = f.take(OrgName::parse(&form.org_name).map_err(|e| rename(e, "org_name")));
    let tz = f.take(parse_time_zone(&form.time_zone));
    let jurisdiction = f.take(parse_jurisdiction(&form.jurisdiction));
    let name =
        f.take(DisplayName::parse(&form.display_name).map_err(|e| rename(e, "display_name")));
    let email = f.take(Email::parse(&form.email));
    let password = f.take(Password::parse("password", &form.password));
    f.finish()?;
    let (Some(org_name), Some(tz), Some(jurisdiction), Some(name), Some(email), Some(password)) =
        (org_name, tz, jurisdiction, name, email, password)
    else {
        unreachable!("Fields::finish returned Ok, so every field parsed")
    };
    let hash = passwords.hash(&password);
    let mut tx = db.begin().await?;
    if invitations::use_setup_token(&mut tx, &hash_secret(secret), now_ms).await? == 0 {
        return Err(ServiceError::Refused(
            "This setup link has expired or was already used. Restart bedside serve for a new one."
                .into(),
        ));
    }
    if users::count(&mut tx).await? > 0 {
        return Err(ServiceError::Refused(
            "Setup is already complete; sign in instead.".into(),
        ));
    }
    let org_id = orgs::create(&mut tx, org_name.as_str(), &tz, jurisdiction, now_ms).await?;
    let user_id =
        users::create(&mut tx, email.as_str(), name.as_str(), Some(&hash), now_ms).await?;
    users::add_membership(&mut tx, user_id, org_id, Role::Owner.as_str(), now_ms).await?;
    let actor = store::audit::Actor::user(user_id, email.as_str());
    audit::append(
        &mut tx,
        now_ms,
        &actor,
        &Event::new(Some(org_id), "org.create", "organisation", org_id)
            .with(Summary::new().fields(&["name", "time_zone", "jurisdiction"])),
    )
    .await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor,
        &Event::new(Some(org_id), "user.create", "user", user_id)
            .with(Summary::new().value("role", "owner")),
    )
    .await?;
    let s = open_session(&mut tx, user_id, org_id, now_ms).await?;
    tx.commit().await?;
    Ok(s)
}

/// Field errors from a shared parser carry its generic field name; forms use their own.
pub(crate) fn rename(mut e: domain::FieldError, field: &'static str) -> domain::FieldError {
    e.field = field;
    e
}

/// Open a session for a user who just proved who they are another way (accepting an
/// invitation with a fresh password).
pub(crate) async fn sign_in_without_password(
    db: &Db,
    user_id: i64,
    org_id: i64,
    now_ms: i64,
) -> Result<NewSession> {
    let mut tx = db.begin().await?;
    let s = open_session(&mut tx, user_id, org_id, now_ms).await?;
    tx.commit().await?;
    Ok(s)
}
