//! Training for compliance (COMPLY-7): `/compliance/training` shows who is current,
//! publishes new versions of the policy and edits the quiz.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::training::{QuestionDraft, MIN_QUESTIONS};
use domain::training_defaults::{POLICY_TEMPLATE, POLICY_TEMPLATE_TITLE};
use domain::Permission;
use service::training::{Edit, KeyedQuestion};
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct Person {
    pub name: String,
    pub role: String,
    pub attested: String,
    pub passed: String,
    pub state: String,
    pub current: bool,
}

pub struct Version {
    pub version: i64,
    pub title: String,
    pub published: String,
    pub change_note: String,
}

/// What the publish form shows.
#[derive(Default)]
pub struct PolicyInput {
    pub title: String,
    pub body: String,
    pub change_note: String,
}

#[derive(Template)]
#[template(path = "training_admin.html")]
struct AdminPage {
    layout: Layout,
    people: Vec<Person>,
    current_count: usize,
    active_count: usize,
    versions: Vec<Version>,
    policy: PolicyInput,
    questions: Vec<KeyedQuestion>,
    shipped: bool,
    new_question: QuestionDraft,
    can_manage: bool,
    min_questions: usize,
    errors: FormErrors,
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    policy: Option<PolicyInput>,
    new_question: QuestionDraft,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let a = v.actor();
    let roster = service::training::roster(&st.db, a, st.now_ms()).await?;
    let versions = service::training::policy_versions(&st.db, a).await?;
    let quiz = service::training::quiz(&st.db, a).await?;
    let active: Vec<_> = roster.into_iter().filter(|s| s.active).collect();
    let policy = policy.unwrap_or_else(|| match versions.first() {
        Some(p) => PolicyInput {
            title: p.title.clone(),
            body: p.body.clone(),
            change_note: String::new(),
        },
        None => PolicyInput {
            title: POLICY_TEMPLATE_TITLE.into(),
            body: POLICY_TEMPLATE.into(),
            change_note: String::new(),
        },
    });
    let people: Vec<Person> = active
        .iter()
        .map(|s| Person {
            name: s.display_name.clone(),
            role: s.role.clone(),
            attested: s
                .attested_version
                .map(|n| format!("version {n}"))
                .unwrap_or_else(|| "—".into()),
            passed: s.passed_at.map(render::when).unwrap_or_else(|| "—".into()),
            state: if s.is_current() {
                "Current".into()
            } else {
                let parts: Vec<&str> = s.missing.iter().map(|m| m.describe()).collect();
                format!("Needs to {}", parts.join("; "))
            },
            current: s.is_current(),
        })
        .collect();
    Ok(render::page(
        errors.status(),
        &AdminPage {
            layout: Layout::new(
                "Policy and training",
                Some(&v.principal),
                &v.csrf,
                "/compliance",
            ),
            current_count: people.iter().filter(|p| p.current).count(),
            active_count: people.len(),
            people,
            versions: versions
                .into_iter()
                .map(|p| Version {
                    version: p.version,
                    title: p.title,
                    published: render::when(p.published_at),
                    change_note: p.change_note,
                })
                .collect(),
            policy,
            questions: quiz.questions,
            shipped: quiz.shipped,
            new_question,
            can_manage: a.role.can(Permission::ManagePolicies),
            min_questions: MIN_QUESTIONS,
            errors,
        },
    ))
}

pub async fn page(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    render_page(
        &st,
        &v,
        None,
        QuestionDraft::default(),
        FormErrors::default(),
    )
    .await
}

pub async fn publish(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let input = PolicyInput {
        title: form.text("title"),
        body: form.text("body"),
        change_note: form.text("change_note"),
    };
    let r = service::training::publish_policy(
        &st.db,
        v.actor(),
        &input.title,
        &input.body,
        &input.change_note,
        st.now_ms(),
    )
    .await;
    match r {
        Ok(_) => Ok(Redirect::to("/compliance/training").into_response()),
        Err(ServiceError::Invalid(e)) => {
            render_page(
                &st,
                &v,
                Some(input),
                QuestionDraft::default(),
                FormErrors(e),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// A question from the form: options one per line, the right one by number.
pub fn draft(form: &RawForm) -> QuestionDraft {
    QuestionDraft {
        prompt: form.text("prompt"),
        options: form.text("options").lines().map(String::from).collect(),
        correct: form.text("correct"),
        explanation: form.text("explanation"),
        rule: form.text("rule"),
    }
}

async fn edit(
    st: &AppState,
    v: &Viewer,
    e: Edit,
    typed: QuestionDraft,
) -> Result<Response, AppError> {
    match service::training::edit_quiz(&st.db, v.actor(), e, st.now_ms()).await {
        Ok(_) => Ok(Redirect::to("/compliance/training#h-quiz").into_response()),
        Err(ServiceError::Invalid(errors)) => {
            render_page(st, v, None, typed, FormErrors(errors)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_question(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let d = draft(&form);
    edit(&st, &v, Edit::Add(d.clone()), d).await
}

pub async fn update_question(
    State(st): State<AppState>,
    v: Viewer,
    Path(key): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    edit(
        &st,
        &v,
        Edit::Update(key, draft(&form)),
        QuestionDraft::default(),
    )
    .await
}

pub async fn delete_question(
    State(st): State<AppState>,
    v: Viewer,
    Path(key): Path<i64>,
) -> Result<Response, AppError> {
    edit(&st, &v, Edit::Delete(key), QuestionDraft::default()).await
}

pub async fn reset_quiz(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    edit(&st, &v, Edit::Reset, QuestionDraft::default()).await
}
