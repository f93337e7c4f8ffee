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

/// Demo content: accounts, a campaign, a series and posts in several states, so the
/// calendar, the composer and the review queue have something to show.
pub async fn seed_content(deps: crate::posts::Deps<'_>, now_ms: i64) -> Result<()> {
    use crate::plans::{AccountInput, CampaignInput};
    use crate::posts::{PostInput, TargetInput};
    use crate::review::ReviewAction;

    let actor = |email: &str, id: i64, role: Role| crate::Actor {
        user_id: id,
        email: email.into(),
        display_name: email.into(),
        org_id: 1,
        role,
    };
    let ids = {
        let mut c = deps.db.conn().await?;
        let mut ids = Vec::new();
        for (email, _, _) in DEMO_USERS {
            ids.push(
                users::find_by_email(&mut c, email)
                    .await?
                    .map(|u| u.id)
                    .unwrap_or(0),
            );
        }
        ids
    };
    let owner = actor(DEMO_USERS[0].0, ids[0], Role::Owner);
    let compliance = actor(DEMO_USERS[2].0, ids[2], Role::Compliance);
    let manager = actor(DEMO_USERS[4].0, ids[4], Role::Manager);
    let author = actor(DEMO_USERS[6].0, ids[6], Role::Author);
    let mut accounts = Vec::new();
    for (platform, name, handle) in [
        ("facebook", "Narmada Care Clinics", "narmadacareclinics"),
        ("instagram", "Narmada Care", "@narmadacare"),
        ("x", "Narmada Care", "@NarmadaCare"),
        ("google_business", "Narmada Care Bhopal", "locations/bhopal"),
    ] {
        let input = AccountInput {
            platform: platform.into(),
            name: name.into(),
            handle: handle.into(),
            location_id: None,
        };
        accounts.push(crate::plans::add_account(deps.db, &owner, &input, now_ms).await?);
    }
    let start = jiff::Timestamp::from_millisecond(now_ms)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::get("Asia/Kolkata").unwrap_or(jiff::tz::TimeZone::UTC))
                .date()
        })
        .unwrap_or(jiff::civil::date(2026, 12, 1));
    let campaign = CampaignInput {
        name: "Heart health month".into(),
        goal: "More cardiac screening bookings".into(),
        hashtags: "#HeartHealth #NarmadaCares".into(),
        starts_on: start.to_string(),
        ends_on: start
            .checked_add(jiff::Span::new().days(30))
            .unwrap_or(start)
            .to_string(),
    };
    let campaign_id = crate::plans::add_campaign(deps.db, &manager, &campaign, now_ms).await?;
    let rule = format!("FREQ=MONTHLY;BYSETPOS=1;BYDAY=TH;TIME=18:00;START={start}");
    crate::plans::add_series(
        deps.db,
        &manager,
        "Diabetes webinar",
        "qa_live",
        &rule,
        now_ms,
    )
    .await?;
    // (text, pillar, account, minutes from now, how far it goes). The first goes out two
    // minutes after the demo starts, so a new user sees the publisher at work.
    let minute = 60_000;
    let posts: [(&str, &str, usize, i64, &str); 6] = [
        ("Flu vaccines are in: walk in at any Narmada Care clinic this week, 9am to 5pm.", "service_announcement", 2, 2, "approve"),
        ("Free blood pressure checks at all four clinics this Saturday, 9am to 1pm. No appointment needed. #HeartHealth", "wellness_campaign", 0, 2880, "approve"),
        ("Five small habits that protect your heart, from our cardiology team: walk daily, less salt, sleep well, no tobacco, check your BP.", "education", 1, 5760, "approve"),
        ("Our Sehore clinic now opens at 8am on weekdays.", "service_announcement", 3, 8640, "submit"),
        ("Join Dr. Meera Iyer for a live Q&A on diabetes and diet on Thursday at 6pm.", "qa_live", 2, 12960, "draft"),
        ("So proud of Ramesh Yadav, 67, who is walking again after his bypass surgery on 3 November!", "patient_story", 0, 17280, "draft"),
    ];
    for (text, pillar, acc, minutes, state) in posts {
        let input = PostInput {
            base_text: text.into(),
            pillar: pillar.into(),
            campaign_id: (pillar == "wellness_campaign" || pillar == "education")
                .then_some(campaign_id),
            targets: vec![TargetInput {
                account_id: accounts[acc],
                variant_text: None,
                scheduled_at: Some(now_ms + minutes * minute),
            }],
            ..Default::default()
        };
        let id = crate::posts::create(deps, &author, &input, now_ms).await?;
        if state == "draft" {
            continue;
        }
        crate::review::act(deps, &author, id, 1, ReviewAction::Submit, now_ms).await?;
        if state == "approve" {
            crate::review::act(
                deps,
                &compliance,
                id,
                2,
                ReviewAction::Approve {
                    override_reason: None,
                },
                now_ms,
            )
            .await?;
        }
    }
    // An intended mix and a goal for this month, so the planning page has something to show.
    let mix: Vec<(String, String)> = [
        ("education", "35"),
        ("wellness_campaign", "20"),
        ("service_announcement", "15"),
        ("community", "10"),
        ("qa_live", "10"),
        ("behind_the_scenes", "5"),
        ("patient_story", "5"),
    ]
    .map(|(p, n)| (p.to_string(), n.to_string()))
    .into();
    crate::strategy::set_content_mix(deps.db, &manager, &mix, now_ms).await?;
    let goal = domain::planning::GoalDraft {
        name: "Publish twice a week".into(),
        metric: "posts_published".into(),
        pillar: None,
        target: "8".into(),
        starts_on: start.first_of_month().to_string(),
        ends_on: start.last_of_month().to_string(),
    };
    crate::strategy::add_goal(deps.db, &manager, &goal, now_ms).await?;
    seed_training(deps.db, &compliance, &ids, now_ms).await
}

/// A published policy that everyone accepted and a passed quiz, except the second author
/// (Arjun Rao), who shows what happens to someone who has not done the training yet.
async fn seed_training(db: &Db, compliance: &crate::Actor, ids: &[i64], now_ms: i64) -> Result<()> {
    use domain::training_defaults::{default_questions, POLICY_TEMPLATE, POLICY_TEMPLATE_TITLE};
    let version = crate::training::publish_policy(
        db,
        compliance,
        POLICY_TEMPLATE_TITLE,
        POLICY_TEMPLATE,
        "",
        now_ms,
    )
    .await?;
    let answers: Vec<(i64, String)> = default_questions()
        .iter()
        .zip(1..)
        .map(|(q, key)| (key, q.correct.to_string()))
        .collect();
    for (i, (email, name, role)) in DEMO_USERS.iter().enumerate() {
        if *email == "author2@narmada.example" {
            continue;
        }
        let member = crate::Actor {
            user_id: ids[i],
            email: (*email).into(),
            display_name: (*name).into(),
            org_id: compliance.org_id,
            role: *role,
        };
        crate::training::attest(db, &member, version, now_ms).await?;
        crate::training::take_quiz(db, &member, &answers, now_ms).await?;
    }
    Ok(())
}
