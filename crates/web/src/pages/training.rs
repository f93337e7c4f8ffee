//! Training (COMPLY-7) for every member: `/training` shows the current social media policy
//! to accept and the quiz to pass, and what is still missing before they may post.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::training::{Grade, PASS_PERCENT, TRAINING_VALID_DAYS};
use service::training::{KeyedQuestion, Standing};
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::RawForm;
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

pub struct PolicyView {
    pub version: i64,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub published: String,
}

pub struct Missed {
    pub prompt: String,
    pub chosen: String,
    pub right: String,
    pub explanation: String,
}

pub struct QuizResult {
    pub correct: usize,
    pub total: usize,
    pub percent: usize,
    pub passed: bool,
    pub missed: Vec<Missed>,
}

#[derive(Template)]
#[template(path = "training.html")]
struct TrainingPage {
    layout: Layout,
    policy: Option<PolicyView>,
    attested_current: bool,
    attested_when: String,
    passed_when: String,
    valid_until: String,
    missing: Vec<&'static str>,
    questions: Vec<KeyedQuestion>,
    /// Answers as sent, by question key (what the form shows after grading).
    chosen: Vec<(i64, usize)>,
    result: Option<QuizResult>,
    pass_percent: usize,
    valid_days: i64,
    errors: FormErrors,
}

impl TrainingPage {
    fn is_chosen(&self, key: &i64, option: &usize) -> bool {
        self.chosen.iter().any(|(k, o)| k == key && o == option)
    }
}

pub fn paragraphs(body: &str) -> Vec<String> {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

fn when(ms: Option<i64>) -> String {
    ms.map(render::when).unwrap_or_default()
}

async fn render_page(
    st: &AppState,
    v: &Viewer,
    chosen: Vec<(i64, usize)>,
    result: Option<QuizResult>,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let a = v.actor();
    let now = st.now_ms();
    let policy = service::training::current_policy(&st.db, a).await?;
    let s: Standing = service::training::my_standing(&st.db, a, now).await?;
    let quiz = service::training::quiz(&st.db, a).await?;
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        errors.status()
    };
    Ok(render::page(
        status,
        &TrainingPage {
            layout: Layout::new("Training", Some(&v.principal), &v.csrf, "/training"),
            attested_current: policy.is_some() && s.attested_version == s.current_version,
            policy: policy.map(|p| PolicyView {
                version: p.version,
                paragraphs: paragraphs(&p.body),
                title: p.title,
                published: render::when(p.published_at),
            }),
            attested_when: when(s.attested_at),
            passed_when: when(s.passed_at),
            valid_until: when(s.valid_until),
            missing: s.missing.iter().map(|m| m.describe()).collect(),
            questions: quiz.questions,
            chosen,
            result,
            pass_percent: PASS_PERCENT,
            valid_days: TRAINING_VALID_DAYS,
            errors,
        },
    ))
}

pub async fn page(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    render_page(&st, &v, Vec::new(), None, FormErrors::default()).await
}

pub async fn attest(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let version = form.id("version")?;
    if form.get("accept").is_none() {
        let e = domain::FieldError::new("accept", "must be ticked to accept the policy");
        return render_page(&st, &v, Vec::new(), None, FormErrors(vec![e])).await;
    }
    match service::training::attest(&st.db, v.actor(), version, st.now_ms()).await {
        Ok(()) => Ok(Redirect::to("/training").into_response()),
        Err(ServiceError::Invalid(e)) => {
            render_page(&st, &v, Vec::new(), None, FormErrors(e)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Answers arrive as `q<key>=<option index>`.
pub fn answers(form: &RawForm) -> Result<Vec<(i64, String)>, AppError> {
    form.0
        .iter()
        .filter_map(|(k, v)| k.strip_prefix('q').map(|key| (key, v)))
        .map(|(key, v)| {
            key.parse()
                .map(|k| (k, v.clone()))
                .map_err(|_| AppError::BadRequest(format!("q{key} is not a question of the quiz")))
        })
        .collect()
}

fn describe(questions: &[KeyedQuestion], chosen: &[(i64, usize)], g: &Grade) -> QuizResult {
    let missed = g
        .missed
        .iter()
        .filter_map(|i| questions.get(*i))
        .map(|q| {
            let picked = chosen.iter().find(|(k, _)| *k == q.key).map(|(_, o)| *o);
            Missed {
                prompt: q.question.prompt.clone(),
                chosen: picked
                    .and_then(|o| q.question.options.get(o).cloned())
                    .unwrap_or_else(|| "(no answer)".into()),
                right: q
                    .question
                    .options
                    .get(q.question.correct)
                    .cloned()
                    .unwrap_or_default(),
                explanation: q.question.explanation.clone(),
            }
        })
        .collect();
    QuizResult {
        correct: g.correct,
        total: g.total,
        percent: g.percent(),
        passed: g.passed,
        missed,
    }
}

pub async fn quiz(
    State(st): State<AppState>,
    v: Viewer,
    form: RawForm,
) -> Result<Response, AppError> {
    let given = answers(&form)?;
    match service::training::take_quiz(&st.db, v.actor(), &given, st.now_ms()).await {
        Ok((quiz, g)) => {
            let chosen: Vec<(i64, usize)> = given
                .iter()
                .filter_map(|(k, a)| a.trim().parse().ok().map(|o| (*k, o)))
                .collect();
            let result = describe(&quiz.questions, &chosen, &g);
            render_page(&st, &v, chosen, Some(result), FormErrors::default()).await
        }
        Err(ServiceError::Invalid(e)) => {
            render_page(&st, &v, Vec::new(), None, FormErrors(e)).await
        }
        Err(e) => Err(e.into()),
    }
}
