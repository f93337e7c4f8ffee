//! Demo data for `bedside serve --demo`: a clinic network in Madhya Pradesh with four
//! locations and two members of every role, all sharing one published demo password.

use domain::audit::Summary;
use domain::{Password, Role};
use store::audit::{self, Event};
use store::{orgs, users, Db};

use crate::{Passwords, Result};

pub const DEMO_PASSWORD: &str = "bedside-demo-2026";
pub const DEMO_ORG: &str = "Narmada Care Clinics";
pub const DEMO_LOCATIONS: [&str; 4] = ["Bhopal", "Raisen", "Sehore", "Vidisha"];

/// (email, display name, role)
pub const DEMO_USERS: [(&str, &str, Role); 12] = [
    ("owner@narmada.example", "Asha Verma", Role::Owner),
    ("owner2@narmada.example", "Rohan Mehta", Role::Owner),
    (
        "compliance@narmada.example",
        "Farah Qureshi",
        Role::Compliance,
    ),
    (
        "compliance2@narmada.example",
        "Daniel Brooks",
        Role::Compliance,
    ),
    ("manager@narmada.example", "Meera Iyer", Role::Manager),
    ("manager2@narmada.example", "Vikram Singh", Role::Manager),
    ("author@narmada.example", "Neha Patel", Role::Author),
    ("author2@narmada.example", "Arjun Rao", Role::Author),
    ("responder@narmada.example", "Sunita Yadav", Role::Responder),
    ("responder2@narmada.example", "Kabir Khan", Role::Responder),
    ("analyst@narmada.example", "Priya Nair", Role::Analyst),
    ("analyst2@narmada.example", "Tom Fischer", Role::Analyst),
];

/// Seed the demo organisation unless one exists. Returns true when it seeded.
pub async fn seed(db: &Db, passwords: &Passwords, now_ms: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    if orgs::count(&mut tx).await? > 0 {
        return Ok(false);
    }
    let org_id = orgs::create(&mut tx, DEMO_ORG, "Asia/Kolkata", "IN", now_ms).await?;
    let actor = store::audit::Actor::system();
    audit::append(
        &mut tx,
        now_ms,
        &actor,
        &Event::new(Some(org_id), "org.create", "organisation", org_id),
    )
    .await?;
    for name in DEMO_LOCATIONS {
        let id = orgs::create_location(&mut tx, org_id, name, now_ms).await?;
        audit::append(
            &mut tx,
            now_ms,
            &actor,
            &Event::new(Some(org_id), "location.create", "location", id)
                .with(Summary::new().fields(&["name"])),
        )
        .await?;
    }
    // One hash for the shared demo password keeps start-up fast.
    let hash = passwords.hash(&Password::parse("password", DEMO_PASSWORD)?);
    for (email, name, role) in DEMO_USERS {
        let user_id = users::create(&mut tx, email, name, Some(&hash), now_ms).await?;
        users::add_membership(&mut tx, user_id, org_id, role.as_str(), now_ms).await?;
        audit::append(
            &mut tx,
            now_ms,
            &actor,
            &Event::new(Some(org_id), "user.create", "user", user_id)
                .with(Summary::new().value("role", role.as_str())),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}
