//! Policy and training over the API (COMPLY-7): the caller's standing, accepting the
//! policy, the quiz, the roster for compliance and publishing versions.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::json::ApiJson;
use super::ApiCaller;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct PolicyOut {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub change_note: String,
    /// Epoch milliseconds
    pub published_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct StandingOut {
    pub user_id: i64,
    pub display_name: String,
    pub role: String,
    /// May this person submit posts and send replies now?
    pub current: bool,
    /// What is missing: attestation, quiz, quiz_expired
    pub missing: Vec<String>,
    pub current_version: Option<i64>,
    pub attested_version: Option<i64>,
    /// Epoch milliseconds of the last passed quiz
    pub passed_at: Option<i64>,
    pub valid_until: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct TrainingOut {
    pub standing: StandingOut,
    pub policy: Option<PolicyOut>,
}

fn policy_out(p: store::training::PolicyVersion) -> PolicyOut {
    PolicyOut {
        version: p.version,
        title: p.title,
        body: p.body,
        change_note: p.change_note,
        published_at: p.published_at,
    }
}

fn standing_out(s: service::training::Standing) -> StandingOut {
    StandingOut {
        current: s.is_current(),
        missing: s
            .missing
            .iter()
            .filter_map(|m| serde_json::to_value(m).ok())
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        user_id: s.user_id,
        display_name: s.display_name,
        role: s.role,
        current_version: s.current_version,
        attested_version: s.attested_version,
        passed_at: s.passed_at,
        valid_until: s.valid_until,
    }
}

#[utoipa::path(get, path = "/api/v1/training", tag = "compliance",
    responses((status = 200, body = TrainingOut)), security(("token" = [])))]
pub async fn status(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<TrainingOut>, ApiError> {
    let standing = service::training::my_standing(&st.db, &a, st.now_ms()).await?;
    let policy = service::training::current_policy(&st.db, &a).await?;
    Ok(Json(TrainingOut {
        standing: standing_out(standing),
        policy: policy.map(policy_out),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct AttestBody {
    /// The version being accepted; must be the current one.
    pub version: i64,
}

#[utoipa::path(post, path = "/api/v1/training/attest", tag = "compliance", request_body = AttestBody,
    responses((status = 204, description = "accepted"), (status = 422, body = super::openapi::ErrorBody),
        (status = 409, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn attest(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<AttestBody>,
) -> Result<StatusCode, ApiError> {
    service::training::attest(&st.db, &a, b.version, st.now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct QuestionOut {
    /// Send the answer back under this key.
    pub key: i64,
    pub prompt: String,
    pub options: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/training/quiz", tag = "compliance",
    responses((status = 200, body = [QuestionOut])), security(("token" = [])))]
pub async fn quiz(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<QuestionOut>>, ApiError> {
    let quiz = service::training::quiz(&st.db, &a).await?;
    Ok(Json(
        quiz.questions
            .into_iter()
            .map(|q| QuestionOut {
                key: q.key,
                prompt: q.question.prompt,
                options: q.question.options,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AnswerIn {
    pub key: i64,
    /// Index of the chosen option (0 for the first)
    pub answer: usize,
}

#[derive(Deserialize, ToSchema)]
pub struct QuizBody {
    pub answers: Vec<AnswerIn>,
}

#[derive(Serialize, ToSchema)]
pub struct GradeOut {
    pub correct: usize,
    pub total: usize,
    pub passed: bool,
    /// Keys of the questions answered wrongly or not at all
    pub missed: Vec<i64>,
}

#[utoipa::path(post, path = "/api/v1/training/quiz", tag = "compliance", request_body = QuizBody,
    responses((status = 200, body = GradeOut), (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn take_quiz(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<QuizBody>,
) -> Result<Json<GradeOut>, ApiError> {
    let answers: Vec<(i64, String)> = b
        .answers
        .into_iter()
        .map(|x| (x.key, x.answer.to_string()))
        .collect();
    let (quiz, g) = service::training::take_quiz(&st.db, &a, &answers, st.now_ms()).await?;
    Ok(Json(GradeOut {
        missed: g
            .missed
            .iter()
            .filter_map(|i| quiz.questions.get(*i).map(|q| q.key))
            .collect(),
        correct: g.correct,
        total: g.total,
        passed: g.passed,
    }))
}

#[utoipa::path(get, path = "/api/v1/training/roster", tag = "compliance",
    responses((status = 200, body = [StandingOut])), security(("token" = [])))]
pub async fn roster(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<StandingOut>>, ApiError> {
    let list = service::training::roster(&st.db, &a, st.now_ms()).await?;
    Ok(Json(list.into_iter().map(standing_out).collect()))
}

#[utoipa::path(get, path = "/api/v1/policies", tag = "compliance",
    responses((status = 200, body = [PolicyOut])), security(("token" = [])))]
pub async fn versions(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
) -> Result<Json<Vec<PolicyOut>>, ApiError> {
    let list = service::training::policy_versions(&st.db, &a).await?;
    Ok(Json(list.into_iter().map(policy_out).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct PolicyBody {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub change_note: String,
}

#[utoipa::path(post, path = "/api/v1/policies", tag = "compliance", request_body = PolicyBody,
    responses((status = 201, description = "published; the body is the new version number"),
        (status = 422, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn publish(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    ApiJson(b): ApiJson<PolicyBody>,
) -> Result<(StatusCode, Json<i64>), ApiError> {
    let v = service::training::publish_policy(
        &st.db,
        &a,
        &b.title,
        &b.body,
        &b.change_note,
        st.now_ms(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(v)))
}
