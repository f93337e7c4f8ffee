//! Moving posts through the approval workflow (COMPLY-5). Every action re-runs the
//! compliance check (consents may have expired since), asks the pure state machine whether
//! it is allowed, and writes the new state, a review record, notifications and one audit
//! entry in one transaction.

use domain::audit::Summary;
use domain::content::family_of_channel;
use domain::workflow::{self, Action, PostFacts, PostStatus, Verdict};
use domain::{Permission, Role};
use store::audit::{self, Event};
use store::posts::{self, PostState};
use store::{collab, Tx};

use crate::check_run::run_check;
use crate::post_check::PostCheck;
use crate::posts::{conflict, load, platform_of, status_of, verdict_str, who, Deps};
use crate::{Actor, Result, ServiceError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewAction {
    Submit,
    Approve { override_reason: Option<String> },
    Reject { reason: String },
    Withdraw,
    Schedule,
}

/// Re-check a post as it stands: text, targets and attached consents.
async fn recheck(
    deps: Deps<'_>,
    org_id: i64,
    post: &store::posts::Post,
    now_ms: i64,
) -> Result<(PostCheck, bool)> {
    recheck_with(deps, org_id, post, None, now_ms).await
}

/// Re-check, counting `extra` as attached too (before it is written).
async fn recheck_with(
    deps: Deps<'_>,
    org_id: i64,
    post: &store::posts::Post,
    extra: Option<store::consents::Consent>,
    now_ms: i64,
) -> Result<(PostCheck, bool)> {
    let (targets, consents) = {
        let mut c = deps.db.conn().await?;
        let accounts = store::accounts::list(&mut c, org_id).await?;
        let targets = posts::targets(&mut c, post.id).await?;
        let timed = !targets.is_empty() && targets.iter().all(|t| t.scheduled_at.is_some());
        let pairs: Vec<_> = targets
            .into_iter()
            .filter_map(|t| {
                accounts
                    .iter()
                    .find(|a| a.id == t.account_id)
                    .map(|a| (a.clone(), t.variant_text))
            })
            .collect();
        let mut consents = store::consents::for_post(&mut c, post.id).await?;
        consents.extend(extra);
        ((pairs, timed), consents)
    };
    let check = run_check(
        deps,
        org_id,
        Some(post.id),
        &post.base_text,
        &targets.0,
        &consents,
        now_ms,
    )
    .await?;
    Ok((check, targets.1))
}

/// Members who should hear about a post waiting for review.
async fn reviewers(tx: &mut Tx, org_id: i64, verdict: Verdict, except: i64) -> Result<Vec<i64>> {
    let members = store::users::members(tx, org_id).await?;
    Ok(members
        .into_iter()
        .filter(|m| m.active && m.user_id != except)
        .filter(|m| {
            Role::parse(&m.role).is_some_and(|r| match verdict {
                Verdict::Allow => r.can(Permission::ApprovePosts),
                _ => r.can(Permission::ApproveFlagged),
            })
        })
        .map(|m| m.user_id)
        .collect())
}

pub async fn act(
    deps: Deps<'_>,
    actor: &Actor,
    id: i64,
    version: i64,
    action: ReviewAction,
    now_ms: i64,
) -> Result<PostStatus> {
    let post = load(deps.db, actor, id).await?;
    if post.version != version {
        return Err(conflict(store::StoreError::Conflict(String::new())));
    }
    if action == ReviewAction::Submit {
        let mut c = deps.db.conn().await?;
        crate::training::require_current(&mut c, actor, "submit posts", now_ms).await?;
    }
    let (check, timed) = recheck(deps, actor.org_id, &post, now_ms).await?;
    let status = status_of(&post);
    let wf_action = match &action {
        ReviewAction::Submit => Action::Submit,
        ReviewAction::Approve { override_reason } => Action::Approve {
            override_reason: override_reason.clone(),
        },
        ReviewAction::Reject { .. } => Action::Reject,
        ReviewAction::Withdraw => Action::Withdraw,
        ReviewAction::Schedule => Action::Schedule,
    };
    if let ReviewAction::Reject { reason } = &action {
        if reason.trim().is_empty() {
            return Err(domain::FieldError::new(
                "reason",
                "is required: tell the author what to change",
            )
            .into());
        }
    }
    let facts = PostFacts {
        status,
        author_id: post.author_id,
        verdict: check.verdict,
        accepted: verdict_str(&post.accepted_verdict),
        all_targets_timed: timed,
    };
    let next = workflow::transition(facts, &wf_action, Some(who(actor)))
        .map_err(|e| ServiceError::Refused(e.to_string()))?;
    let accepted = match &action {
        ReviewAction::Approve { .. } => check.verdict,
        _ if next == PostStatus::InReview || next == PostStatus::Draft => Verdict::Allow,
        _ => verdict_str(&post.accepted_verdict),
    };
    let reason = match &action {
        ReviewAction::Approve { override_reason } if check.verdict == Verdict::Block => {
            override_reason.clone()
        }
        ReviewAction::Reject { reason } => Some(reason.clone()),
        _ => None,
    };
    let mut tx = deps.db.begin().await?;
    let state = PostState {
        status: next.as_str(),
        verdict: check.verdict.as_str(),
        accepted_verdict: accepted.as_str(),
        check_json: &check.to_json(),
    };
    posts::set_state(&mut tx, id, version, &state, now_ms)
        .await
        .map_err(conflict)?;
    crate::publishing::sync(&mut tx, actor.org_id, id, status, next, now_ms).await?;
    let name = wf_action.name();
    posts::add_review(
        &mut tx,
        id,
        Some(actor.user_id),
        name,
        check.verdict.as_str(),
        reason.as_deref(),
        now_ms,
    )
    .await?;
    let recipients = match &action {
        ReviewAction::Submit => {
            reviewers(&mut tx, actor.org_id, check.verdict, actor.user_id).await?
        }
        _ if post.author_id != actor.user_id => vec![post.author_id],
        _ => Vec::new(),
    };
    let message = format!(
        "{} — post #{id} is now {}",
        actor.display_name,
        next.label().to_lowercase()
    );
    for user in recipients {
        collab::notify(
            &mut tx,
            actor.org_id,
            user,
            name,
            Some(id),
            &message,
            now_ms,
        )
        .await?;
    }
    let mut summary = Summary::new()
        .value("from", status.as_str())
        .value("to", next.as_str())
        .value("verdict", check.verdict.as_str());
    if reason.is_some() {
        summary = summary.fields(&["reason"]);
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), audit_action(name), "post", id).with(summary),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

fn audit_action(name: &str) -> &'static str {
    match name {
        "submit" => "post.submit",
        "approve" => "post.approve",
        "override_approve" => "post.override",
        "reject" => "post.reject",
        "withdraw" => "post.withdraw",
        "schedule" => "post.schedule",
        _ => "post.change",
    }
}

/// Move one target to a new time (calendar drag and drop or its keyboard alternative).
pub async fn reschedule(
    deps: Deps<'_>,
    actor: &Actor,
    id: i64,
    version: i64,
    target_id: i64,
    at_ms: i64,
    now_ms: i64,
) -> Result<()> {
    actor.require(Permission::Compose)?;
    let post = load(deps.db, actor, id).await?;
    if post.author_id != actor.user_id && !actor.role.can(Permission::ApprovePosts) {
        return Err(ServiceError::Forbidden(Permission::ApprovePosts));
    }
    if !status_of(&post).editable() {
        return Err(ServiceError::Refused(
            "a published post cannot be moved; take it down first".into(),
        ));
    }
    if at_ms < now_ms {
        return Err(domain::FieldError::new("scheduled_at", "is in the past").into());
    }
    let mut tx = deps.db.begin().await?;
    posts::reschedule_target(&mut tx, id, version, target_id, at_ms, now_ms)
        .await
        .map_err(|e| match e {
            store::StoreError::NotFound => ServiceError::NotFound,
            e => conflict(e),
        })?;
    crate::publishing::moved(&mut tx, actor.org_id, id, status_of(&post), now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.reschedule", "post", id)
            .with(Summary::new().id("target_id", target_id)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Attach a consent. It must be active, in date, cover text, and cover the channel family
/// of every target; an approved post goes back to review, since what is shown changed.
pub async fn attach_consent(
    deps: Deps<'_>,
    actor: &Actor,
    id: i64,
    version: i64,
    consent_id: i64,
    now_ms: i64,
) -> Result<PostStatus> {
    actor.require(Permission::Compose)?;
    let post = load(deps.db, actor, id).await?;
    if post.version != version {
        return Err(conflict(store::StoreError::Conflict(String::new())));
    }
    let (consent, families) = {
        let mut c = deps.db.conn().await?;
        let consent = store::consents::get(&mut c, actor.org_id, consent_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let accounts = store::accounts::list(&mut c, actor.org_id).await?;
        let mut families: Vec<&'static str> = posts::targets(&mut c, id)
            .await?
            .iter()
            .filter_map(|t| accounts.iter().find(|a| a.id == t.account_id))
            .map(|a| family_of_channel(platform_of(a).post_channel()))
            .collect();
        if families.is_empty() {
            families.push("post");
        }
        (consent, families)
    };
    let scope = crate::post_check::scope_of(&consent);
    let field = |m: String| ServiceError::from(domain::FieldError::new("consent_id", m));
    if consent.status != "active" {
        return Err(field(format!(
            "consent {} was {}",
            consent.reference, consent.status
        )));
    }
    if !scope.valid_at(now_ms) {
        return Err(field(format!(
            "consent {} is not valid now (expired or not yet in force)",
            consent.reference
        )));
    }
    if !scope.text {
        return Err(field(format!(
            "consent {} does not cover text",
            consent.reference
        )));
    }
    if let Some(f) = families.iter().find(|f| !scope.covers_channel(f)) {
        return Err(field(format!(
            "consent {} does not cover the channel {f}",
            consent.reference
        )));
    }
    let (check, _) = recheck_with(deps, actor.org_id, &post, Some(consent.clone()), now_ms).await?;
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
    store::consents::attach(&mut tx, id, consent_id, actor.user_id, now_ms)
        .await
        .map_err(|e| match e {
            store::StoreError::Conflict(_) => {
                field(format!("consent {} is already attached", consent.reference))
            }
            e => e.into(),
        })?;
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
    posts::set_state(&mut tx, id, version, &state, now_ms)
        .await
        .map_err(conflict)?;
    crate::publishing::sync(&mut tx, actor.org_id, id, status, next, now_ms).await?;
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.consent_attach", "post", id).with(
            Summary::new()
                .id("consent_id", consent_id)
                .value("verdict", check.verdict.as_str()),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(next)
}

/// A comment on a post. `@name` (first name or email) notifies that member.
pub async fn comment(
    db: &store::Db,
    actor: &Actor,
    id: i64,
    body: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ViewCalendar)?;
    let body = body.trim();
    if body.is_empty() {
        return Err(domain::FieldError::new("body", "is required").into());
    }
    if body.chars().count() > 2000 {
        return Err(domain::FieldError::new("body", "must be at most 2000 characters").into());
    }
    load(db, actor, id).await?;
    let mut tx = db.begin().await?;
    let comment_id = collab::add_comment(&mut tx, id, actor.user_id, body, now_ms).await?;
    let members = store::users::members(&mut tx, actor.org_id).await?;
    let mut mentioned = Vec::new();
    for word in body.split_whitespace().filter_map(|w| w.strip_prefix('@')) {
        let w = word
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if w.is_empty() {
            continue;
        }
        let hits: Vec<_> = members
            .iter()
            .filter(|m| {
                m.email.to_lowercase() == w
                    || m.email
                        .split('@')
                        .next()
                        .is_some_and(|l| l.to_lowercase() == w)
                    || m.display_name
                        .split_whitespace()
                        .next()
                        .is_some_and(|f| f.to_lowercase() == w)
            })
            .collect();
        if let [m] = hits.as_slice() {
            if m.user_id != actor.user_id && !mentioned.contains(&m.user_id) {
                mentioned.push(m.user_id);
            }
        }
    }
    let message = format!("{} mentioned you on post #{id}", actor.display_name);
    for user in &mentioned {
        collab::notify(
            &mut tx,
            actor.org_id,
            *user,
            "mention",
            Some(id),
            &message,
            now_ms,
        )
        .await?;
    }
    audit::append(
        &mut tx,
        now_ms,
        &actor.audit(),
        &Event::new(Some(actor.org_id), "post.comment", "post", id).with(
            Summary::new()
                .id("comment_id", comment_id)
                .id("mentions", mentioned.len() as i64),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(comment_id)
}
