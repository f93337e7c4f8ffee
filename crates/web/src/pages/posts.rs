//! A post's page: its checks per target, consents, the review actions the viewer may take,
//! how publishing went, comments and the review history.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::workflow::PostStatus;
use domain::Permission;
use serde::Deserialize;
use service::review::ReviewAction;
use service::ServiceError;

use super::publishing::{self, Publishing};
use super::Viewer;
use crate::error::AppError;
use crate::forms::{human_local, zone, RawForm};
use crate::highlight::{segments, Segment};
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

pub struct TargetView {
    pub label: String,
    pub when: String,
    pub verdict: String,
    pub count: String,
    pub problems: Vec<String>,
    pub segments: Vec<Segment>,
    pub findings: Vec<policy::RuleFinding>,
}

pub struct ConsentRow {
    pub id: i64,
    pub reference: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "post.html")]
struct PostPage {
    layout: Layout,
    id: i64,
    version: i64,
    status: &'static str,
    status_key: &'static str,
    verdict: String,
    pillar: String,
    base_segments: Vec<Segment>,
    base_findings: Vec<policy::RuleFinding>,
    targets: Vec<TargetView>,
    consents: Vec<ConsentRow>,
    attachable: Vec<ConsentRow>,
    comments: Vec<(String, String, String)>,
    history: Vec<(String, String, String, String, Option<String>)>,
    publishing: Publishing,
    can_edit: bool,
    can_submit: bool,
    can_review: bool,
    can_override: bool,
    can_withdraw: bool,
    /// Retry, settle and take down publications.
    can_publish: bool,
    message: Option<String>,
}

pub async fn show(
    st: &AppState,
    v: &Viewer,
    id: i64,
    message: Option<String>,
    status: StatusCode,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let a = v.actor();
    let view = service::posts::view(&st.db, a, id).await?;
    let org = service::org::organisation(&st.db, a).await?;
    let tz = zone(&org.time_zone);
    let p = &view.post;
    let st_enum = PostStatus::parse(&p.status).unwrap_or(PostStatus::Draft);
    let check = view.check.clone();
    let targets = view
        .targets
        .iter()
        .map(|(t, acc)| {
            let tc = check
                .as_ref()
                .and_then(|c| c.targets.iter().find(|x| x.account_id == acc.id));
            let text = t
                .variant_text
                .clone()
                .unwrap_or_else(|| p.base_text.clone());
            TargetView {
                label: format!("{} ({})", acc.name, acc.platform),
                when: t
                    .scheduled_at
                    .map(|ms| human_local(ms, &tz))
                    .unwrap_or_else(|| "no time yet".into()),
                verdict: tc
                    .map(|c| c.result.verdict.as_str().to_string())
                    .unwrap_or_else(|| "not checked".into()),
                count: tc
                    .map(|c| format!("{} / {} {}", c.count, c.limit, c.unit))
                    .unwrap_or_default(),
                problems: tc.map(|c| c.problems.clone()).unwrap_or_default(),
                segments: tc
                    .map(|c| segments(&c.text, &c.result))
                    .unwrap_or_else(|| segments(&text, &empty_result())),
                findings: tc.map(|c| c.result.findings.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let attached: Vec<i64> = view.consents.iter().map(|c| c.id).collect();
    let all_consents = service::consents::list(&st.db, &st.sealer, a).await?;
    let mine = p.author_id == a.user_id;
    let approver = a.role.can(Permission::ApprovePosts);
    let editable = st_enum.editable() && (mine || approver) && a.role.can(Permission::Compose);
    let publishing = publishing::of_post(st, a, id, &view.targets, &tz).await?;
    Ok(render::page(
        status,
        &PostPage {
            layout: Layout::new(
                format!("Post #{id}"),
                Some(&v.principal),
                &v.csrf,
                "/calendar",
            )
            .notice(notice),
            id,
            version: p.version,
            status: st_enum.label(),
            status_key: st_enum.as_str(),
            verdict: p.verdict.clone(),
            pillar: p.pillar.replace('_', " "),
            base_segments: check
                .as_ref()
                .map(|c| segments(&p.base_text, &c.base))
                .unwrap_or_default(),
            base_findings: check
                .as_ref()
                .map(|c| c.base.findings.clone())
                .unwrap_or_default(),
            targets,
            consents: view
                .consents
                .iter()
                .map(|c| ConsentRow {
                    id: c.id,
                    reference: c.reference.clone(),
                    status: c.status.clone(),
                })
                .collect(),
            attachable: all_consents
                .into_iter()
                .filter(|c| c.consent.status == "active" && !attached.contains(&c.consent.id))
                .map(|c| ConsentRow {
                    id: c.consent.id,
                    reference: format!(
                        "{} — {} ({})",
                        c.consent.reference, c.consent.purpose, c.consent.kind
                    ),
                    status: c.consent.status,
                })
                .collect(),
            comments: view
                .comments
                .iter()
                .map(|c| (c.author_name.clone(), when(c.created_at), c.body.clone()))
                .collect(),
            history: view
                .reviews
                .iter()
                .map(|r| {
                    (
                        when(r.created_at),
                        r.user_name.clone().unwrap_or_else(|| "Bedside".into()),
                        r.action.replace('_', " "),
                        r.verdict.clone(),
                        r.reason.clone(),
                    )
                })
                .collect(),
            publishing,
            can_edit: editable,
            can_submit: editable
                && matches!(
                    st_enum,
                    PostStatus::Draft | PostStatus::Rejected | PostStatus::Withdrawn
                ),
            can_review: approver && !mine && st_enum == PostStatus::InReview,
            can_override: a.role.can(Permission::ApproveFlagged)
                && !mine
                && st_enum == PostStatus::InReview
                && p.verdict == "block",
            can_withdraw: (mine || approver)
                && matches!(
                    st_enum,
                    PostStatus::InReview | PostStatus::Approved | PostStatus::Scheduled
                ),
            can_publish: approver,
            message,
        },
    ))
}

fn empty_result() -> policy::CheckResult {
    policy::CheckResult {
        id: None,
        verdict: policy::Verdict::Allow,
        findings: Vec::new(),
        phi: Vec::new(),
        escalate: false,
        suggestion: None,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    done: Option<String>,
}

pub async fn page(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    Query(d): Query<Done>,
) -> Result<Response, AppError> {
    let notice = match d.done.as_deref() {
        Some("retried") => Some("The failed targets are queued to be sent again."),
        Some("resolved") => Some("Recorded."),
        Some("takedown") => {
            Some("Take-down requested: Bedside is deleting the post from every platform.")
        }
        _ => None,
    };
    show(&st, &v, id, None, StatusCode::OK, notice).await
}

async fn after(
    st: &AppState,
    v: &Viewer,
    id: i64,
    r: service::Result<()>,
) -> Result<Response, AppError> {
    settle(st, v, id, r, None).await
}

/// After an action on post `id`: back to its page (with `?done=…` for a notice), or, when
/// refused, the page again with the reason and a fitting status code.
pub(super) async fn settle(
    st: &AppState,
    v: &Viewer,
    id: i64,
    r: service::Result<()>,
    done: Option<&str>,
) -> Result<Response, AppError> {
    match r {
        Ok(()) => {
            let to = match done {
                Some(d) => format!("/posts/{id}?done={d}"),
                None => format!("/posts/{id}"),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(ServiceError::Refused(m)) | Err(ServiceError::Conflict(m)) => {
            show(st, v, id, Some(m), StatusCode::CONFLICT, None).await
        }
        Err(ServiceError::Invalid(e)) => {
            // "Reason is required", not "reason: is required".
            let m = FormErrors(e)
                .items()
                .into_iter()
                .map(|(_, sentence)| sentence)
                .collect::<Vec<_>>()
                .join("; ");
            show(st, v, id, Some(m), StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn act(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let version = form.id("version")?;
    let reason = form.text("reason");
    let action = match form.get("action") {
        Some("submit") => ReviewAction::Submit,
        Some("approve") => ReviewAction::Approve {
            override_reason: None,
        },
        Some("override") => ReviewAction::Approve {
            override_reason: Some(reason),
        },
        Some("reject") => ReviewAction::Reject { reason },
        Some("withdraw") => ReviewAction::Withdraw,
        Some("schedule") => ReviewAction::Schedule,
        _ => {
            return Err(AppError::BadRequest(
                "action must be submit, approve, override, reject, withdraw or schedule".into(),
            ))
        }
    };
    let r = service::review::act(st.deps(), v.actor(), id, version, action, st.now_ms())
        .await
        .map(|_| ());
    after(&st, &v, id, r).await
}

pub async fn attach(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let version = form.id("version")?;
    let consent = form.id("consent_id")?;
    let r =
        service::review::attach_consent(st.deps(), v.actor(), id, version, consent, st.now_ms())
            .await
            .map(|_| ());
    after(&st, &v, id, r).await
}

pub async fn comment(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let r = service::review::comment(&st.db, v.actor(), id, &form.text("body"), st.now_ms())
        .await
        .map(|_| ());
    after(&st, &v, id, r).await
}
