//! The social media policy and training (COMPLY-7): compliance publishes versions of the
//! policy and may edit the quiz; every member accepts the current version and passes the
//! quiz; [`require_current`] holds back anyone who has not, before they submit a post or
//! send a reply.

use domain::audit::Summary;
use domain::training::{
    self, grade, Grade, Missing, PolicyDocument, Question, QuestionDraft, Record, MAX_QUESTIONS,
    MIN_QUESTIONS,
};
use domain::training_defaults::default_questions;
use domain::{FieldError, Permission};
use store::audit::Event;
use store::training::{MemberTraining, NewQuestion, PolicyVersion, QuestionRow};
use store::{Db, Source};

use crate::{Actor, Result, ServiceError};

/// A quiz question with the key its answer is sent back under: the stored id, or the
/// 1-based position for the shipped quiz.
#[derive(Debug, Clone, serde::Serialize)]
pub struct KeyedQuestion {
    pub key: i64,
    #[serde(flatten)]
    pub question: Question,
}

/// The quiz as the organisation has it, and whether that is the shipped one.
#[derive(Debug, Clone)]
pub struct Quiz {
    pub questions: Vec<KeyedQuestion>,
    pub shipped: bool,
}

fn from_row(r: QuestionRow) -> Option<KeyedQuestion> {
    let options: Vec<String> = serde_json::from_str(&r.options_json).ok()?;
    let correct = usize::try_from(r.correct)
        .ok()
        .filter(|c| *c < options.len())?;
    Some(KeyedQuestion {
        key: r.id,
        question: Question {
            prompt: r.prompt,
            options,
            correct,
            explanation: r.explanation,
            rule: r.rule,
        },
    })
}

async fn load_quiz(src: &mut impl Source, org_id: i64) -> Result<Quiz> {
    let rows = store::training::questions(src, org_id).await?;
    if rows.is_empty() {
        let questions = default_questions()
            .into_iter()
            .zip(1..)
            .map(|(question, key)| KeyedQuestion { key, question })
            .collect();
        return Ok(Quiz {
            questions,
            shipped: true,
        });
    }
    Ok(Quiz {
        questions: rows.into_iter().filter_map(from_row).collect(),
        shipped: false,
    })
}

pub async fn quiz(db: &Db, actor: &Actor) -> Result<Quiz> {
    actor.require(Permission::UseApp)?;
    let mut c = db.conn().await?;
    load_quiz(&mut c, actor.org_id).await
}

/// A person's training facts and what is missing.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Standing {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
    pub current_version: Option<i64>,
    pub attested_version: Option<i64>,
    pub attested_at: Option<i64>,
    pub passed_at: Option<i64>,
    pub valid_until: Option<i64>,
    pub attempts: i64,
    pub missing: Vec<Missing>,
}

impl Standing {
    pub fn is_current(&self) -> bool {
        self.missing.is_empty()
    }
}

fn standing(m: MemberTraining, current: Option<i64>, now_ms: i64) -> Standing {
    let record = Record {
        current_version: current,
        attested_version: m.attested_version,
        passed_at_ms: m.passed_at,
    };
    Standing {
        missing: record.missing(now_ms),
        valid_until: record.quiz_valid_until_ms(),
        user_id: m.user_id,
        display_name: m.display_name,
        email: m.email,
        role: m.role,
        active: m.active,
        current_version: current,
        attested_version: m.attested_version,
        attested_at: m.attested_at,
        passed_at: m.passed_at,
        attempts: m.attempts,
    }
}

async fn standing_of(
    src: &mut impl Source,
    org_id: i64,
    user_id: i64,
    now_ms: i64,
) -> Result<Standing> {
    let current = store::training::current(src, org_id)
        .await?
        .map(|p| p.version);
    let m = store::training::member(src, org_id, user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok(standing(m, current, now_ms))
}

pub async fn my_standing(db: &Db, actor: &Actor, now_ms: i64) -> Result<Standing> {
    let mut c = db.conn().await?;
    standing_of(&mut c, actor.org_id, actor.user_id, now_ms).await
}

/// Refuse `action` ("submit posts", "send replies") to someone who is not current.
pub async fn require_current(
    src: &mut impl Source,
    actor: &Actor,
    action: &str,
    now_ms: i64,
) -> Result<()> {
    let s = standing_of(src, actor.org_id, actor.user_id, now_ms).await?;
    if s.is_current() {
        Ok(())
    } else {
        Err(ServiceError::Refused(training::refusal(action, &s.missing)))
    }
}

/// Who is current, for compliance: every member of the organisation.
pub async fn roster(db: &Db, actor: &Actor, now_ms: i64) -> Result<Vec<Standing>> {
    actor.require(Permission::ViewCompliance)?;
    let mut c = db.conn().await?;
    let current = store::training::current(&mut c, actor.org_id)
        .await?
        .map(|p| p.version);
    let rows = store::training::roster(&mut c, actor.org_id).await?;
    Ok(rows
        .into_iter()
        .map(|m| standing(m, current, now_ms))
        .collect())
}

pub async fn current_policy(db: &Db, actor: &Actor) -> Result<Option<PolicyVersion>> {
    actor.require(Permission::UseApp)?;
    let mut c = db.conn().await?;
    Ok(store::training::current(&mut c, actor.org_id).await?)
}

pub async fn policy_versions(db: &Db, actor: &Actor) -> Result<Vec<PolicyVersion>> {
    actor.require(Permission::UseApp)?;
    let mut c = db.conn().await?;
    Ok(store::training::versions(&mut c, actor.org_id).await?)
}

/// Publish a new version of the policy; everyone has to accept it again. Returns the
/// version number.
pub async fn publish_policy(
    db: &Db,
    actor: &Actor,
    title: &str,
    body: &str,
    change_note: &str,
    now_ms: i64,
) -> Result<i64> {
    actor.require(Permission::ManagePolicies)?;
    let doc = PolicyDocument::parse(title, body, change_note).map_err(ServiceError::Invalid)?;
    let mut tx = db.begin().await?;
    let (id, version) = store::training::publish(
        &mut tx,
        actor.org_id,
        &doc.title,
        &doc.body,
        &doc.change_note,
        actor.user_id,
        now_ms,
    )
    .await
    .map_err(|e| match e {
        store::StoreError::Conflict(_) => ServiceError::Conflict(
            "Someone published a version at the same moment; reload and publish again.".into(),
        ),
        e => e.into(),
    })?;
    // The publisher has read what they published.
    store::training::attest(&mut tx, id, actor.user_id, now_ms).await?;
    let summary = Summary::new()
        .id("version", version)
        .fields(&["title", "body"]);
    let event = Event::new(Some(actor.org_id), "policy.publish", "policy", id).with(summary);
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(version)
}

/// Accept version `version` of the policy, which must be the current one.
pub async fn attest(db: &Db, actor: &Actor, version: i64, now_ms: i64) -> Result<()> {
    actor.require(Permission::UseApp)?;
    let mut tx = db.begin().await?;
    let Some(current) = store::training::current(&mut tx, actor.org_id).await? else {
        return Err(ServiceError::Refused(
            "Your organisation has not published a social media policy yet.".into(),
        ));
    };
    if current.version != version {
        return Err(FieldError::new(
            "version",
            format!(
                "version {version} is not the current policy; the current one is version {}. Read it and accept that one.",
                current.version
            ),
        )
        .into());
    }
    if !store::training::attest(&mut tx, current.id, actor.user_id, now_ms).await? {
        tx.commit().await?;
        return Ok(());
    }
    let event = Event::new(Some(actor.org_id), "policy.attest", "policy", current.id)
        .with(Summary::new().id("version", version));
    actor.commit_audited(tx, now_ms, event).await
}

/// Grade a quiz attempt. `answers` are (question key, option index as typed); questions
/// without an answer count as wrong.
pub async fn take_quiz(
    db: &Db,
    actor: &Actor,
    answers: &[(i64, String)],
    now_ms: i64,
) -> Result<(Quiz, Grade)> {
    actor.require(Permission::UseApp)?;
    let mut tx = db.begin().await?;
    let quiz = load_quiz(&mut tx, actor.org_id).await?;
    for (key, _) in answers {
        if !quiz.questions.iter().any(|q| q.key == *key) {
            return Err(FieldError::new(
                "answers",
                format!("question {key} is not in the quiz (it may have been edited; reload it)"),
            )
            .into());
        }
    }
    let mut chosen = Vec::with_capacity(quiz.questions.len());
    for q in &quiz.questions {
        let raw = answers
            .iter()
            .find(|(k, _)| *k == q.key)
            .map(|(_, v)| v.trim());
        chosen.push(match raw {
            None | Some("") => None,
            Some(v) => match v.parse::<usize>() {
                Ok(i) if i < q.question.options.len() => Some(i),
                _ => {
                    return Err(FieldError::new(
                        "answers",
                        format!(
                            "{v:?} is not an answer to question {}: choose 0 to {}",
                            q.key,
                            q.question.options.len() - 1
                        ),
                    )
                    .into())
                }
            },
        });
    }
    let questions: Vec<Question> = quiz.questions.iter().map(|q| q.question.clone()).collect();
    let g = grade(&questions, &chosen);
    let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let id = store::training::record_attempt(
        &mut tx,
        actor.org_id,
        actor.user_id,
        to_i64(g.correct),
        to_i64(g.total),
        g.passed,
        now_ms,
    )
    .await?;
    let summary = Summary::new()
        .id("correct", to_i64(g.correct))
        .id("total", to_i64(g.total))
        .value("result", if g.passed { "passed" } else { "failed" });
    let event = Event::new(Some(actor.org_id), "training.quiz", "quiz_attempt", id).with(summary);
    actor.commit_audited(tx, now_ms, event).await?;
    Ok((quiz, g))
}

/// Where an edit goes: a new question at the end, or an existing one.
pub enum Edit {
    Add(QuestionDraft),
    Update(i64, QuestionDraft),
    Delete(i64),
    /// Back to the shipped quiz.
    Reset,
}

fn row_of(q: &Question) -> (String, i64) {
    let options = serde_json::to_string(&q.options).unwrap_or_else(|_| "[]".into());
    (options, i64::try_from(q.correct).unwrap_or(0))
}

async fn insert(
    tx: &mut store::Tx,
    org_id: i64,
    position: i64,
    q: &Question,
    now_ms: i64,
) -> Result<i64> {
    let (options_json, correct) = row_of(q);
    let new = NewQuestion {
        prompt: &q.prompt,
        options_json: &options_json,
        correct,
        explanation: &q.explanation,
        rule: &q.rule,
    };
    Ok(store::training::insert_question(tx, org_id, position, &new, now_ms).await?)
}

/// Change the organisation's quiz. The first change copies the shipped questions, so an
/// edit of one question keeps the others. Returns the id of the question added or changed.
pub async fn edit_quiz(db: &Db, actor: &Actor, edit: Edit, now_ms: i64) -> Result<Option<i64>> {
    actor.require(Permission::ManagePolicies)?;
    let parse = |d: &QuestionDraft| Question::parse(d).map_err(ServiceError::Invalid);
    let mut tx = db.begin().await?;
    let org = actor.org_id;
    let mut existing = store::training::questions(&mut tx, org).await?;
    let was_shipped = existing.is_empty();
    if was_shipped && !matches!(edit, Edit::Reset) {
        for (i, q) in default_questions().iter().enumerate() {
            insert(&mut tx, org, i64::try_from(i).unwrap_or(0), q, now_ms).await?;
        }
        existing = store::training::questions(&mut tx, org).await?;
    }
    // Edits name shipped questions by position (1-based) until they are copied.
    let resolve = |key: i64| -> Result<i64> {
        let row = if was_shipped {
            usize::try_from(key - 1).ok().and_then(|i| existing.get(i))
        } else {
            existing.iter().find(|r| r.id == key)
        };
        row.map(|r| r.id).ok_or(ServiceError::NotFound)
    };
    let (action, id) = match edit {
        Edit::Add(d) => {
            let q = parse(&d)?;
            if existing.len() >= MAX_QUESTIONS {
                return Err(ServiceError::Refused(format!(
                    "The quiz has {MAX_QUESTIONS} questions, the most it may have; remove one first."
                )));
            }
            let position = existing.iter().map(|r| r.position).max().unwrap_or(-1) + 1;
            (
                "quiz.add",
                Some(insert(&mut tx, org, position, &q, now_ms).await?),
            )
        }
        Edit::Update(key, d) => {
            let q = parse(&d)?;
            let id = resolve(key)?;
            let (options_json, correct) = row_of(&q);
            let new = NewQuestion {
                prompt: &q.prompt,
                options_json: &options_json,
                correct,
                explanation: &q.explanation,
                rule: &q.rule,
            };
            store::training::update_question(&mut tx, org, id, &new, now_ms).await?;
            ("quiz.update", Some(id))
        }
        Edit::Delete(key) => {
            let id = resolve(key)?;
            if existing.len() <= MIN_QUESTIONS {
                return Err(ServiceError::Refused(format!(
                    "A quiz needs at least {MIN_QUESTIONS} questions; add another before removing this one."
                )));
            }
            store::training::delete_question(&mut tx, org, id).await?;
            ("quiz.delete", Some(id))
        }
        Edit::Reset => {
            store::training::clear_questions(&mut tx, org).await?;
            ("quiz.reset", None)
        }
    };
    let event = Event::new(Some(org), action, "quiz_question", id.unwrap_or(0));
    actor.commit_audited(tx, now_ms, event).await?;
    Ok(id)
}
