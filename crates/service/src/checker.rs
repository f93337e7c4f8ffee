//! The compliance engine per organisation, built from its settings, members and staff
//! consents, and cached until the organisation's policy generation changes (a change on any
//! instance bumps it, so every instance rebuilds).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use policy::{Engine, Jurisdiction, OrgPolicy, StaffMember};
use store::Db;
use vault::Sealer;

use crate::Result;

#[derive(Default)]
pub struct Checker {
    cache: Mutex<HashMap<i64, (i64, Arc<Engine>)>>,
}

impl std::fmt::Debug for Checker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checker").finish_non_exhaustive()
    }
}

pub fn jurisdiction(code: &str) -> Jurisdiction {
    if code.eq_ignore_ascii_case("IN") {
        Jurisdiction::IN
    } else {
        Jurisdiction::US
    }
}

/// The editable part of the organisation's policy (everything but names and staff, which
/// come from the organisation and its members).
pub async fn stored_policy(db: &Db, org_id: i64) -> Result<OrgPolicy> {
    let mut c = db.conn().await?;
    Ok(match store::compliance::settings(&mut c, org_id).await? {
        Some(json) => serde_json::from_str(&json).unwrap_or_else(|e| {
            tracing::error!(org_id, error = %e, "stored compliance settings are unreadable; using defaults");
            OrgPolicy::default()
        }),
        None => OrgPolicy::default(),
    })
}

async fn build_policy(db: &Db, sealer: &Sealer, org_id: i64) -> Result<OrgPolicy> {
    let mut policy = stored_policy(db, org_id).await?;
    let mut c = db.conn().await?;
    let org = store::orgs::get(&mut c, org_id).await?;
    policy.name = Some(org.name.clone());
    policy.default_jurisdiction = Some(jurisdiction(&org.jurisdiction));
    // Members are staff; a staff media consent on file lets them be named and shown.
    let mut staff: Vec<StaffMember> = store::users::members(&mut c, org_id)
        .await?
        .into_iter()
        .map(|m| StaffMember {
            name: m.display_name,
            consent: false,
        })
        .collect();
    for consent in store::consents::list(&mut c, org_id).await? {
        if consent.kind != "staff" || consent.status != "active" {
            continue;
        }
        let Ok(name) = sealer.open(&consent.subject_name_sealed) else {
            continue;
        };
        match staff
            .iter_mut()
            .find(|s| s.name.eq_ignore_ascii_case(&name))
        {
            Some(s) => s.consent = true,
            None => staff.push(StaffMember {
                name,
                consent: true,
            }),
        }
    }
    policy.staff = staff;
    for account in store::accounts::list(&mut c, org_id).await? {
        if !policy.handles.contains(&account.handle) {
            policy.handles.push(account.handle);
        }
    }
    Ok(policy)
}

impl Checker {
    pub async fn engine(&self, db: &Db, sealer: &Sealer, org_id: i64) -> Result<Arc<Engine>> {
        let generation = {
            let mut c = db.conn().await?;
            store::compliance::generation(&mut c, org_id).await?
        };
        if let Some((g, e)) = self.cache.lock().ok().and_then(|m| m.get(&org_id).cloned()) {
            if g == generation {
                return Ok(e);
            }
        }
        let policy = build_policy(db, sealer, org_id).await?;
        let engine = Arc::new(
            tokio::task::spawn_blocking(move || Engine::new(policy))
                .await
                .map_err(|e| {
                    crate::ServiceError::Refused(format!(
                        "the compliance engine could not be built: {e}"
                    ))
                })?,
        );
        if let Ok(mut m) = self.cache.lock() {
            m.insert(org_id, (generation, engine.clone()));
        }
        Ok(engine)
    }
}

/// The organisation's own details and extra rules, as a compliance officer edits them.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct SettingsInput {
    pub phones: String,
    pub emails: String,
    pub addresses: String,
    pub handles: String,
    pub domains: String,
    pub banned_claims: String,
    pub mrn_patterns: String,
    pub contact_phone: String,
    pub contact_email: String,
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

pub async fn save_settings(
    db: &Db,
    actor: &crate::Actor,
    input: &SettingsInput,
    now_ms: i64,
) -> Result<()> {
    actor.require(domain::Permission::ManageConsents)?;
    let mut f = crate::error::Fields::default();
    let mrn = lines(&input.mrn_patterns);
    for p in &mrn {
        if let Err(e) = regex::Regex::new(p) {
            f.push(domain::FieldError::new(
                "mrn_patterns",
                format!("{p:?} is not a valid pattern: {e}"),
            ));
        }
    }
    let all = [
        &input.phones,
        &input.emails,
        &input.addresses,
        &input.handles,
        &input.domains,
        &input.banned_claims,
    ];
    if all.iter().map(|s| lines(s).len()).sum::<usize>() > 500 {
        f.push(domain::FieldError::new(
            "settings",
            "at most 500 entries in all",
        ));
    }
    f.finish()?;
    let mut policy = stored_policy(db, actor.org_id).await?;
    policy.phones = lines(&input.phones);
    policy.emails = lines(&input.emails);
    policy.addresses = lines(&input.addresses);
    policy.handles = lines(&input.handles);
    policy.domains = lines(&input.domains);
    policy.banned_claims = lines(&input.banned_claims);
    policy.mrn_patterns = mrn;
    policy.contact_phone = Some(input.contact_phone.trim().to_string()).filter(|s| !s.is_empty());
    policy.contact_email = Some(input.contact_email.trim().to_string()).filter(|s| !s.is_empty());
    let json =
        serde_json::to_string(&policy).map_err(|e| crate::ServiceError::Refused(e.to_string()))?;
    let mut tx = db.begin().await?;
    store::compliance::save_settings(&mut tx, actor.org_id, &json, now_ms).await?;
    store::audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &store::audit::Event::new(
            Some(actor.org_id),
            "compliance.settings",
            "organisation",
            actor.org_id,
        )
        .with(domain::audit::Summary::new().fields(&[
            "phones",
            "emails",
            "addresses",
            "handles",
            "domains",
            "banned_claims",
            "mrn_patterns",
            "contact",
        ])),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
