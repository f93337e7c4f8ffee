//! The consent registry pages and the compliance overview (review queue, take-downs).

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::content::CHANNEL_FAMILIES;
use service::consents::{ConsentInput, ConsentView, Document};
use service::ServiceError;

use super::Viewer;
use crate::error::AppError;
use crate::forms::{human_local, parse_local, zone};
use crate::render::{self, when, FormErrors, Layout};
use crate::state::AppState;

pub struct Row {
    pub id: i64,
    pub reference: String,
    pub kind: String,
    pub subject: String,
    pub signed_by: String,
    pub covers: String,
    pub channels: String,
    pub valid: String,
    pub status: String,
    pub document: bool,
}

#[derive(Template)]
#[template(path = "consents.html")]
struct ConsentsPage {
    layout: Layout,
    rows: Vec<Row>,
    errors: FormErrors,
    families: &'static [&'static str],
    form: FormEcho,
    message: Option<String>,
}

#[derive(Default)]
pub struct FormEcho {
    pub reference: String,
    pub subject_name: String,
    pub purpose: String,
}

fn row(c: ConsentView, tz: &jiff::tz::TimeZone) -> Row {
    let k = &c.consent;
    let mut covers = Vec::new();
    for (on, what) in [
        (k.covers_text, "text"),
        (k.covers_images, "images"),
        (k.covers_video, "video"),
    ] {
        if on {
            covers.push(what);
        }
    }
    Row {
        id: k.id,
        reference: k.reference.clone(),
        kind: k.kind.clone(),
        subject: match &c.guardian_name {
            Some(g) => format!("{} (guardian: {g})", c.subject_name),
            None => c.subject_name.clone(),
        },
        signed_by: k.signed_by.clone(),
        covers: covers.join(", "),
        channels: k.channels.replace(',', ", "),
        valid: match k.valid_until {
            Some(u) => format!(
                "{} to {}",
                human_local(k.valid_from, tz),
                human_local(u, tz)
            ),
            None => format!("from {}", human_local(k.valid_from, tz)),
        },
        status: k.status.clone(),
        document: k.document_path.is_some(),
    }
}

async fn page(
    st: &AppState,
    v: &Viewer,
    errors: FormErrors,
    form: FormEcho,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let tz = zone(
        &service::org::organisation(&st.db, v.actor())
            .await?
            .time_zone,
    );
    let rows = service::consents::list(&st.db, &st.sealer, v.actor())
        .await?
        .into_iter()
        .map(|c| row(c, &tz))
        .collect();
    Ok(render::page(
        status,
        &ConsentsPage {
            layout: Layout::new("Consents", Some(&v.principal), &v.csrf, "/compliance"),
            rows,
            errors,
            families: &CHANNEL_FAMILIES,
            form,
            message,
        },
    ))
}

pub async fn list(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    page(
        &st,
        &v,
        FormErrors::default(),
        FormEcho::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// Register a consent from the multipart form (fields plus an optional signed document).
pub async fn create(
    State(st): State<AppState>,
    v: Viewer,
    mut mp: Multipart,
) -> Result<Response, AppError> {
    let tz = zone(
        &service::org::organisation(&st.db, v.actor())
            .await?
            .time_zone,
    );
    let mut input = ConsentInput::default();
    let mut doc: Option<Vec<u8>> = None;
    let (mut from, mut until) = (String::new(), String::new());
    while let Some(field) = mp
        .next_field()
        .await
        .map_err(crate::forms::multipart_error)?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "document" {
            let bytes = field.bytes().await.map_err(crate::forms::multipart_error)?;
            if !bytes.is_empty() {
                doc = Some(bytes.to_vec());
            }
            continue;
        }
        let value = field.text().await.map_err(crate::forms::multipart_error)?;
        match name.as_str() {
            "kind" => input.kind = value,
            "reference" => input.reference = value,
            "subject_name" => input.subject_name = value,
            "signed_by" => input.signed_by = value,
            "guardian_name" => input.guardian_name = Some(value),
            "covers_text" => input.covers_text = true,
            "covers_images" => input.covers_images = true,
            "covers_video" => input.covers_video = true,
            "channels" => input.channels.push(value),
            "purpose" => input.purpose = value,
            "valid_from" => from = value,
            "valid_until" => until = value,
            _ => {}
        }
    }
    let echo = FormEcho {
        reference: input.reference.clone(),
        subject_name: input.subject_name.clone(),
        purpose: input.purpose.clone(),
    };
    let mut errors = Vec::new();
    match parse_local(&from, &tz) {
        Ok(Some(ms)) => input.valid_from_ms = ms,
        Ok(None) => input.valid_from_ms = st.now_ms(),
        Err(e) => errors.push(domain::FieldError::new("valid_from", e)),
    }
    match parse_local(&until, &tz) {
        Ok(v) => input.valid_until_ms = v,
        Err(e) => errors.push(domain::FieldError::new("valid_until", e)),
    }
    if errors.is_empty() {
        let document = doc.as_deref().map(|bytes| Document { bytes });
        match service::consents::register(
            &st.db,
            &st.sealer,
            &st.config.data_dir,
            v.actor(),
            &input,
            document,
            st.now_ms(),
        )
        .await
        {
            Ok(_) => return Ok(Redirect::to("/consents").into_response()),
            Err(ServiceError::Invalid(e)) => errors = e,
            Err(e) => return Err(e.into()),
        }
    }
    page(
        &st,
        &v,
        FormErrors(errors),
        echo,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub async fn revoke(
    State(st): State<AppState>,
    v: Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    match service::consents::revoke(&st.db, v.actor(), id, st.now_ms()).await {
        Ok(loss) => {
            let m = format!(
                "Consent revoked. {} unpublished post(s) went back to draft; {} published post(s) are listed for take-down.",
                loss.moved_to_draft.len(),
                loss.takedown_requested.len()
            );
            page(
                &st,
                &v,
                FormErrors::default(),
                FormEcho::default(),
                Some(m),
                StatusCode::OK,
            )
            .await
        }
        Err(ServiceError::Refused(m)) => {
            page(
                &st,
                &v,
                FormErrors::default(),
                FormEcho::default(),
                Some(m),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "compliance.html")]
struct CompliancePage {
    layout: Layout,
    queue: Vec<(i64, String)>,
    takedowns: Vec<(i64, String, String)>,
    can_manage: bool,
}

pub async fn overview(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    let a = v.actor();
    let queue = {
        let mut c = st.db.conn().await?;
        store::posts::ids_with_status(&mut c, a.org_id, "in_review", 100).await?
    };
    let mut rows = Vec::new();
    for id in queue {
        let view = service::posts::view(&st.db, a, id).await?;
        rows.push((id, view.post.verdict));
    }
    let takedowns = service::consents::takedowns(&st.db, a)
        .await?
        .into_iter()
        .map(|t| (t.post_id, t.reason, when(t.created_at)))
        .collect();
    Ok(render::ok(&CompliancePage {
        layout: Layout::new("Compliance", Some(&v.principal), &v.csrf, "/compliance"),
        queue: rows,
        takedowns,
        can_manage: a.role.can(domain::Permission::ManageConsents),
    }))
}
