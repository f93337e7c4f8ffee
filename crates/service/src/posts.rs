//! Writing posts: create and edit drafts with their targets, checked on every save.

use domain::audit::Summary;
use domain::content::{Pillar, PostText};
use domain::platform::Platform;
use domain::workflow::{self, Action, PostFacts, PostStatus, Verdict, Who};
use domain::{FieldError, Permission};
use serde::Deserialize;
use store::accounts::SocialAccount;
use store::audit::{self, Event};
use store::consents::Consent;
use store::posts::{self, NewTarget, Post, PostFields, PostState, Target};
use store::{Db, StoreError};

use crate::check_run::run_check;
use crate::checker::Checker;
use crate::error::Fields;
use crate::post_check::PostCheck;
use crate::{Actor, Result, ServiceError};

/// What use cases that run the compliance check need.
#[derive(Clone, Copy)]
pub struct Deps<'a> {
    pub db: &'a Db,
    pub sealer: &'a vault::Sealer,
    pub checker: &'a Checker,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct TargetInput {
    pub account_id: i64,
    /// `None` publishes the base text.
    pub variant_text: Option<String>,
    /// Epoch milliseconds.
    pub scheduled_at: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PostInput {
    pub base_text: String,
    pub pillar: String,
    pub location_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub series_id: Option<i64>,
    pub targets: Vec<TargetInput>,
}

/// Input that passed validation.
pub(crate) struct Valid {
    pub base_text: String,
    pub pillar: Pillar,
    pub targets: Vec<(SocialAccount, NewTarget)>,
}

pub(crate) fn who(actor: &Actor) -> Who {
    Who {
        user_id: actor.user_id,
        role: actor.role,
    }
}

pub(crate) fn conflict(e: StoreError) -> ServiceError {
    match e {
        StoreError::Conflict(_) => ServiceError::Conflict(
            "Someone else changed this post after you opened it. Your text is kept below; reload to see their version."
                .into(),
        ),
        e => e.into(),
    }
}

pub(crate) fn platform_of(a: &SocialAccount) -> Platform {
    Platform::parse(&a.platform).unwrap_or(Platform::Facebook)
}

async fn validate(db: &Db, actor: &Actor, input: &PostInput, now_ms: i64) -> Result<Valid> {
    let mut f = Fields::default();
    let base = f.take(PostText::parse("base_text", &input.base_text));
    let pillar = f.take(Pillar::parse(&input.pillar));
    let mut c = db.conn().await?;
    if let Some(id) = input.location_id {
        if !store::orgs::locations(&mut c, actor.org_id)
            .await?
            .iter()
            .any(|l| l.id == id)
        {
            f.push(FieldError::new(
                "location_id",
                format!("location {id} is not one of this organisation's"),
            ));
        }
    }
    if let Some(id) = input.campaign_id {
        if store::plans::campaign(&mut c, actor.org_id, id)
            .await?
            .is_none()
        {
            f.push(FieldError::new(
                "campaign_id",
                format!("campaign {id} does not exist"),
            ));
        }
    }
    if let Some(id) = input.series_id {
        if store::plans::series(&mut c, actor.org_id, id)
            .await?
            .is_none()
        {
            f.push(FieldError::new(
                "series_id",
                format!("series {id} does not exist"),
            ));
        }
    }
    let mut targets = Vec::new();
    for t in &input.targets {
        let Some(account) = store::accounts::get(&mut c, actor.org_id, t.account_id).await? else {
            f.push(FieldError::new(
                "targets",
                format!(
                    "account {} is not one of this organisation's accounts",
                    t.account_id
                ),
            ));
            continue;
        };
        if targets
            .iter()
            .any(|(a, _): &(SocialAccount, NewTarget)| a.id == account.id)
        {
            f.push(FieldError::new(
                "targets",
                format!("{} is targeted twice", account.name),
            ));
            continue;
        }
        let variant = t.variant_text.as_deref().filter(|v| !v.trim().is_empty());
        let text = variant.unwrap_or(&input.base_text);
        let platform = platform_of(&account);
        for p in platform.problems(text) {
            f.push(FieldError::new(
                "targets",
                format!("{} ({}): {p}", account.name, platform.label()),
            ));
        }
        if let Some(at) = t.scheduled_at {
            if at < now_ms {
                f.push(FieldError::new(
                    "targets",
                    format!("{}: the scheduled time is in the past", account.name),
                ));
            }
        }
        targets.push((
            account.clone(),
            NewTarget {
                account_id: account.id,
                variant_text: variant.map(str::to_string),
                scheduled_at: t.scheduled_at,
            },
        ));
    }
    f.finish()?;
    let (Some(base), Some(pillar)) = (base, pillar) else {
        unreachable!("validated")
    };
    Ok(Valid {
        base_text: base.into_inner(),
        pillar,
        targets,
    })
}

pub async fn create(deps: Deps<'_>, actor: &Actor, input: &PostInput, now_ms: i64) -> Result<i64> {
    actor.require(Permission::Compose)?;
    let v = validate(deps.db, actor, input, now_ms).await?;
    let pairs: Vec<_> = v
        .targets
        .iter()
        .map(|(a, t)| (a.clone(), t.variant_text.clone()))
        .collect();
    let check = run_check(deps, actor.org_id, None, &v.base_text, &pairs, &[], now_ms).await?;
    let mut tx = deps.db.begin().await?;
    let fields = PostFields {
        location_id: input.location_id,
        campaign_id: input.campaign_id,
        series_id: input.series_id,
        pillar: v.pillar.as_str(),
        base_text: &v.base_text,
    };
    let state = PostState {
        status: PostStatus::Draft.as_str(),
        verdict: check.verdict.as_str(),
        accepted_verdict: Verdict::Allow.as_str(),
        check_json: &check.to_json(),
    };
    let id = posts::insert(
        &mut tx,
        actor.org_id,
        actor.user_id,
        &fields,
        &state,
        now_ms,
    )
    .await?;
    let targets: Vec<NewTarget> = v.targets.into_iter().map(|(_, t)| t).collect();
    posts::replace_targets(&mut tx, id, &targets).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.create", "post", id).with(
            Summary::new()
                .value("verdict", check.verdict.as_str())
                .id("targets", targets.len() as i64),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub(crate) async fn load(db: &Db, actor: &Actor, id: i64) -> Result<Post> {
    actor.require(Permission::ViewCalendar)?;
    let mut c = db.conn().await?;
    posts::get(&mut c, actor.org_id, id)
        .await?
        .ok_or(ServiceError::NotFound)
}

pub(crate) fn status_of(p: &Post) -> PostStatus {
    PostStatus::parse(&p.status).unwrap_or(PostStatus::Draft)
}

pub(crate) fn verdict_str(s: &str) -> Verdict {
    Verdict::parse(s).unwrap_or(Verdict::Block)
}

/// Save an edit. `version` is the one the editor loaded; a newer one means someone else
/// saved in between, and this save is refused with nothing changed.
pub async fn update(
    deps: Deps<'_>,
    actor: &Actor,
    id: i64,
    version: i64,
    input: &PostInput,
    now_ms: i64,
) -> Result<PostStatus> {
    let post = load(deps.db, actor, id).await?;
    if post.author_id != actor.user_id && !actor.role.can(Permission::ApprovePosts) {
        return Err(ServiceError::Forbidden(Permission::ApprovePosts));
    }
    if post.version != version {
        return Err(conflict(StoreError::Conflict(String::new())));
    }
    let v = validate(deps.db, actor, input, now_ms).await?;
    let consents = {
        let mut c = deps.db.conn().await?;
        store::consents::for_post(&mut c, id).await?
    };
    let pairs: Vec<_> = v
        .targets
        .iter()
        .map(|(a, t)| (a.clone(), t.variant_text.clone()))
        .collect();
    let check = run_check(
        deps,
        actor.org_id,
        Some(id),
        &v.base_text,
        &pairs,
        &consents,
        now_ms,
    )
    .await?;
    let status = status_of(&post);
    let facts = PostFacts {
        status,
        author_id: post.author_id,
        verdict: check.verdict,
        accepted: verdict_str(&post.accepted_verdict),
        all_targets_timed: false,
    };
    let next = workflow::transition(facts, &Action::Edit, Some(who(actor)))
        .map_err(|e| ServiceError::Refused(e.to_string()))?;
    let mut tx = deps.db.begin().await?;
    let fields = PostFields {
        location_id: input.location_id,
        campaign_id: input.campaign_id,
        series_id: input.series_id,
        pillar: v.pillar.as_str(),
        base_text: &v.base_text,
    };
    posts::update_fields(&mut tx, id, version, &fields, now_ms)
        .await
        .map_err(conflict)?;
    let targets: Vec<NewTarget> = v.targets.into_iter().map(|(_, t)| t).collect();
    posts::replace_targets(&mut tx, id, &targets).await?;
    let state = PostState {
        status: next.as_str(),
        verdict: check.verdict.as_str(),
        accepted_verdict: if next == status {
            &post.accepted_verdict
        } else {
            Verdict::Allow.as_str()
        },
        check_json: &check.to_json(),
    };
    posts::set_state(&mut tx, id, version + 1, &state, now_ms)
        .await
        .map_err(conflict)?;
    crate::publishing::sync(&mut tx, actor.org_id, id, status, next, now_ms).await?;
    let mut changed = Vec::new();
    if post.base_text != v.base_text {
        changed.push("base_text");
    }
    if post.pillar != v.pillar.as_str() {
        changed.push("pillar");
    }
    changed.push("targets");
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.edit", "post", id).with(
            Summary::new()
                .fields(&changed)
                .value("status", next.as_str())
                .value("verdict", check.verdict.as_str()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// A post with everything its page shows.
pub struct PostView {
    pub post: Post,
    pub targets: Vec<(Target, SocialAccount)>,
    pub consents: Vec<Consent>,
    pub check: Option<PostCheck>,
    pub comments: Vec<store::collab::Comment>,
    pub reviews: Vec<store::posts::Review>,
}

pub async fn view(db: &Db, actor: &Actor, id: i64) -> Result<PostView> {
    let post = load(db, actor, id).await?;
    let mut c = db.conn().await?;
    let accounts = store::accounts::list(&mut c, actor.org_id).await?;
    let targets = posts::targets(&mut c, id)
        .await?
        .into_iter()
        .filter_map(|t| {
            accounts
                .iter()
                .find(|a| a.id == t.account_id)
                .cloned()
                .map(|a| (t, a))
        })
        .collect();
    Ok(PostView {
        check: PostCheck::from_json(&post.check_json),
        consents: store::consents::for_post(&mut c, id).await?,
        comments: store::collab::comments(&mut c, id).await?,
        reviews: posts::reviews(&mut c, id).await?,
        targets,
        post,
    })
}
