//! The "Publishing" part of a post's page: each target's publication in plain words, and
//! the actions people take on it (retry the failed targets, settle one Bedside could not
//! decide about, take the post down everywhere).

use axum::extract::{Path, State};
use axum::response::Response;
use domain::platform::Platform;
use domain::FieldError;
use jiff::tz::TimeZone;
use service::connections::Resolution;
use service::ServiceError;
use store::accounts::SocialAccount;
use store::posts::Target;
use store::publications::Publication;

use super::posts::settle;
use super::Viewer;
use crate::error::AppError;
use crate::forms::{human_local, RawForm};
use crate::state::AppState;

/// A link that tells a person what to do about a failure.
pub struct Fix {
    pub href: String,
    pub text: &'static str,
}

pub struct PublicationView {
    pub id: i64,
    pub account: String,
    /// The status key (a CSS class).
    pub status: String,
    pub words: String,
    /// Where the post is on the platform (http and https addresses only).
    pub link: Option<String>,
    pub fix: Option<Fix>,
    pub attempts: i64,
    pub in_review: bool,
}

#[derive(Default)]
pub struct Publishing {
    pub items: Vec<PublicationView>,
    pub any_failed: bool,
    pub any_sent: bool,
    /// The short links published with the post and their clicks.
    pub links: Vec<LinkView>,
}

pub struct LinkView {
    pub account: String,
    pub original: String,
    pub short_url: String,
    pub clicks: i64,
    /// "mobile 3, desktop 1"; bots counted apart.
    pub devices: String,
    pub bot_clicks: i64,
}

/// The publications of a post, described for people.
pub async fn of_post(
    st: &AppState,
    a: &service::Actor,
    post_id: i64,
    targets: &[(Target, SocialAccount)],
    tz: &TimeZone,
) -> Result<Publishing, AppError> {
    let pubs = service::connections::of_post(&st.db, a, post_id).await?;
    let items = pubs
        .iter()
        .map(|p| {
            let acc = targets
                .iter()
                .map(|(_, a)| a)
                .find(|a| a.id == p.account_id);
            let platform = acc
                .and_then(|a| Platform::parse(&a.platform))
                .map(|p| p.label())
                .unwrap_or("the platform");
            let account = match acc {
                Some(a) => format!("{} ({platform})", a.name),
                None => format!("Account #{}", p.account_id),
            };
            let (words, fix) = describe(p, platform, |ms| human_local(ms, tz));
            PublicationView {
                id: p.id,
                account,
                status: p.status.clone(),
                words,
                link: p
                    .remote_url
                    .clone()
                    .filter(|u| u.starts_with("https://") || u.starts_with("http://")),
                fix,
                attempts: p.attempts,
                in_review: p.status == "review",
            }
        })
        .collect();
    let base = st.config.public_url.trim_end_matches('/');
    let links = service::links::post_links(&st.db, a, post_id)
        .await?
        .into_iter()
        .map(|l| LinkView {
            account: targets
                .iter()
                .map(|(_, a)| a)
                .find(|a| a.id == l.account_id)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| format!("Account #{}", l.account_id)),
            short_url: format!("{base}/l/{}", l.code),
            devices: l
                .by_device
                .iter()
                .filter(|(d, n)| *n > 0 && *d != domain::links::DeviceClass::Bot)
                .map(|(d, n)| format!("{} {n}", d.as_str()))
                .collect::<Vec<_>>()
                .join(", "),
            clicks: l.clicks,
            bot_clicks: l.bot_clicks,
            original: l.original,
        })
        .collect();
    Ok(Publishing {
        items,
        any_failed: pubs.iter().any(|p| p.status == "failed"),
        any_sent: pubs.iter().any(|p| p.status == "sent"),
        links,
    })
}

fn reconnect(p: &Publication) -> Option<Fix> {
    Some(Fix {
        href: format!("/settings/accounts#connect-{}", p.account_id),
        text: "reconnect the account",
    })
}

/// Why a publication did not go out, from its error code (a class, never content).
fn reason(p: &Publication) -> (String, Option<Fix>) {
    let code = p.last_error.as_deref().unwrap_or("");
    let words = match code {
        "revoked" => return ("access revoked".into(), reconnect(p)),
        "auth_expired" => return ("the access token expired".into(), reconnect(p)),
        "account:not_connected" => {
            return ("the account is not connected".into(), reconnect(p));
        }
        "version_sunset" => "the platform retired the API version Bedside uses".into(),
        "gave_up_after_retries" => "the platform did not take it after several tries".into(),
        "rate_limited" => "the platform asked Bedside to slow down".into(),
        "not_received" => "the platform did not receive it".into(),
        "rejected_transient" => "the platform refused it for now".into(),
        "compliance:verdict_worse" => "the check at publish time found new problems".into(),
        "post:not_scheduled" => "the post left the schedule".into(),
        "post:gone" => "the post no longer exists".into(),
        "media:unreadable" => {
            "an attached image or video could not be read from the data directory".into()
        }
        "lookup:ambiguous" => "several posts on the platform look like it".into(),
        "lookup:not_found" | "lookup:not_found_yet" => {
            "Bedside could not find it on the platform".into()
        }
        "" => "no reason recorded".into(),
        c => match c.split_once(':') {
            Some(("rejected", kind)) => format!("the platform refused it ({})", human(kind)),
            Some(("not_supported", what)) => {
                format!("the platform does not support {}", human(what))
            }
            _ => human(c),
        },
    };
    (words, None)
}

fn human(code: &str) -> String {
    code.replace(['_', ':'], " ")
}

/// A publication's state in plain words, with what to do about it when there is something.
pub fn describe(
    p: &Publication,
    platform: &str,
    when: impl Fn(i64) -> String,
) -> (String, Option<Fix>) {
    match p.status.as_str() {
        "scheduled" if p.attempts > 0 => {
            let (why, fix) = reason(p);
            (
                format!("Will try again {} ({why})", when(p.next_attempt_at)),
                fix,
            )
        }
        "scheduled" => (format!("Scheduled for {}", when(p.due_at)), None),
        "claimed" | "sending" => ("Being sent now".into(), None),
        "sent" => {
            let at = p.sent_at.map(&when).unwrap_or_default();
            match p.last_error.as_deref() {
                Some(e) if e.starts_with("delete:") => (
                    format!("Sent {at}; taking it down has not worked yet, Bedside keeps trying"),
                    None,
                ),
                _ => (format!("Sent {at}"), None),
            }
        }
        "failed" => {
            let (why, fix) = reason(p);
            (format!("Failed: {why}"), fix)
        }
        "unknown" | "reconciling" => (format!("Checking whether {platform} received it"), None),
        "review" => {
            let extra = match p.last_error.as_deref() {
                Some("lookup:ambiguous") => " (several posts there look like it)",
                _ => "",
            };
            (
                format!(
                    "Waiting for a person: Bedside cannot tell whether {platform} received it{extra}"
                ),
                None,
            )
        }
        "cancelled" => match p.last_error.as_deref() {
            None => ("Cancelled".into(), None),
            Some(_) => (format!("Cancelled: {}", reason(p).0), None),
        },
        "deleted" => (format!("Taken down from {platform}"), None),
        other => (human(other), None),
    }
}

pub async fn retry(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let r = service::connections::retry_failed(&st.db, v.actor(), id, st.now_ms())
        .await
        .map(|_| ());
    settle(&st, &v, id, r, Some("retried")).await
}

pub async fn resolve(
    State(st): State<AppState>,
    v: Viewer,
    Path(publication_id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    // Where the form was: the page to return to. The service checks the publication.
    let post_id = form.id("post_id")?;
    let resolution = match form.get("choice") {
        Some("published") => Some(Resolution::Published {
            remote_id: form.get("remote_id").map(str::to_string),
        }),
        Some("resend") => Some(Resolution::Resend),
        Some("abandon") => Some(Resolution::Abandon),
        _ => None,
    };
    let r = match resolution {
        Some(res) => {
            service::connections::resolve(&st.db, v.actor(), publication_id, &res, st.now_ms())
                .await
        }
        None => Err(ServiceError::Invalid(vec![FieldError::new(
            "choice",
            "is required: say whether it is on the platform, should be sent, or should not be sent",
        )])),
    };
    settle(&st, &v, post_id, r, Some("resolved")).await
}

pub async fn takedown(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
    form: RawForm,
) -> Result<Response, AppError> {
    let r = service::connections::request_takedown(
        &st.db,
        v.actor(),
        id,
        &form.text("reason"),
        st.now_ms(),
    )
    .await
    .map(|_| ());
    settle(&st, &v, id, r, Some("takedown")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publication(status: &str, error: Option<&str>) -> Publication {
        Publication {
            id: 7,
            org_id: 1,
            post_id: 3,
            target_id: 4,
            account_id: 5,
            due_at: 1_000,
            status: status.into(),
            fence: 1,
            claimed_by: None,
            lease_until: None,
            attempts: 1,
            next_attempt_at: 2_000,
            idempotency_key: "k".into(),
            remote_id: None,
            remote_url: None,
            last_error: error.map(str::to_string),
            sent_at: Some(3_000),
        }
    }

    fn words(status: &str, error: Option<&str>) -> (String, Option<String>) {
        let (w, fix) = describe(&publication(status, error), "X", |ms| format!("at {ms}"));
        (w, fix.map(|f| f.href))
    }

    #[test]
    fn failures_say_why_and_what_to_do() {
        assert_eq!(
            words("failed", Some("revoked")),
            (
                "Failed: access revoked".into(),
                Some("/settings/accounts#connect-5".into())
            )
        );
        assert_eq!(
            words("failed", Some("rejected:duplicate")).0,
            "Failed: the platform refused it (duplicate)"
        );
        assert_eq!(
            words("scheduled", Some("rate_limited")).0,
            "Will try again at 2000 (the platform asked Bedside to slow down)"
        );
        assert_eq!(
            words("failed", Some("something:new_code")).0,
            "Failed: something new code"
        );
    }

    #[test]
    fn states_in_plain_words() {
        assert_eq!(words("sent", None).0, "Sent at 3000");
        assert_eq!(
            words("review", Some("lookup:not_found")).0,
            "Waiting for a person: Bedside cannot tell whether X received it"
        );
        assert_eq!(words("deleted", None).0, "Taken down from X");
        assert_eq!(
            words("cancelled", Some("post:not_scheduled")).0,
            "Cancelled: the post left the schedule"
        );
    }
}
