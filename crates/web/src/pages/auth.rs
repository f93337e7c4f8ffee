//! Sign in, sign out, first-run setup and accepting invitations.

use askama::Template;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use service::auth::{NewSession, SetupForm};
use service::org::JURISDICTIONS;
use service::ServiceError;

use super::{Viewer, Visitor};
use crate::cookies;
use crate::error::AppError;
use crate::guard::{safe_next, ClientAddr};
use crate::render::{self, FormErrors, Layout};
use crate::state::AppState;

/// One message for every failed sign-in, so nobody can learn which accounts exist.
pub const BAD_CREDENTIALS: &str = "The email or password is not correct.";

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    email: String,
    next: String,
    message: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page(v: Visitor, Query(q): Query<NextQuery>) -> Response {
    if v.principal.is_some() {
        return Redirect::to(&safe_next(q.next.as_deref())).into_response();
    }
    render::ok(&LoginPage {
        layout: Layout::new("Sign in", None, &v.csrf, "/login"),
        email: String::new(),
        next: safe_next(q.next.as_deref()),
        message: None,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

fn with_session(to: &str, s: &NewSession, st: &AppState) -> Response {
    let mut res = Redirect::to(to).into_response();
    let max_age = (s.expires_at - st.now_ms()) / 1000;
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::set(
            cookies::SESSION,
            &s.secret,
            max_age,
            st.config.secure_cookies,
        ),
    );
    res
}

pub async fn login(
    State(st): State<AppState>,
    v: Visitor,
    Extension(addr): Extension<ClientAddr>,
    Form(f): Form<LoginForm>,
) -> Response {
    let now = st.now_ms();
    let result =
        service::auth::sign_in(&st.db, &st.passwords, &f.email, &f.password, &addr.0, now).await;
    let (status, message) = match result {
        Ok(s) => return with_session(&safe_next(Some(&f.next)), &s, &st),
        Err(ServiceError::BadCredentials) => {
            (StatusCode::UNAUTHORIZED, BAD_CREDENTIALS.to_string())
        }
        Err(ServiceError::Throttled { until_ms }) => {
            let minutes = ((until_ms - now) / 60_000).max(1);
            (
                StatusCode::TOO_MANY_REQUESTS,
                format!("Too many sign-in attempts. Try again in {minutes} minutes."),
            )
        }
        Err(e) => return AppError::from(e).into_response(),
    };
    render::page(
        status,
        &LoginPage {
            layout: Layout::new("Sign in", None, &v.csrf, "/login"),
            email: f.email,
            next: safe_next(Some(&f.next)),
            message: Some(message),
        },
    )
}

pub async fn logout(State(st): State<AppState>, v: Viewer) -> Result<Response, AppError> {
    if let Some(s) = &v.principal.session {
        service::auth::sign_out(&st.db, s, st.now_ms()).await?;
    }
    let mut res = Redirect::to("/login").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        cookies::clear(cookies::SESSION, st.config.secure_cookies),
    );
    Ok(res)
}

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    layout: Layout,
    token: String,
    form: SetupForm,
    errors: FormErrors,
    jurisdictions: &'static [(&'static str, &'static str)],
}

fn setup_page(
    v: &Visitor,
    token: String,
    form: SetupForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    render::page(
        status,
        &SetupPage {
            layout: Layout::new("Set up Bedside", None, &v.csrf, "/setup"),
            token,
            form,
            errors,
            jurisdictions: &JURISDICTIONS,
        },
    )
}

pub async fn setup_form(
    State(st): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    if !service::auth::setup_token_valid(&st.db, &token, st.now_ms()).await? {
        return Err(AppError::NotFound);
    }
    let form = SetupForm {
        time_zone: "Asia/Kolkata".into(),
        jurisdiction: "IN".into(),
        ..Default::default()
    };
    Ok(setup_page(
        &v,
        token,
        form,
        FormErrors::default(),
        StatusCode::OK,
    ))
}

pub async fn setup_submit(
    State(st): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Form(form): Form<SetupFormInput>,
) -> Result<Response, AppError> {
    let form = form.into_form();
    match service::auth::complete_setup(&st.db, &st.passwords, &token, &form, st.now_ms()).await {
        Ok(s) => Ok(with_session("/settings/locations", &s, &st)),
        Err(ServiceError::Invalid(errors)) => Ok(setup_page(
            &v,
            token,
            form,
            FormErrors(errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(e) => Err(e.into()),
    }
}

/// Form input with every field optional, so a missing field is a field error, not a 400.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SetupFormInput {
    org_name: String,
    time_zone: String,
    jurisdiction: String,
    display_name: String,
    email: String,
    password: String,
}

impl SetupFormInput {
    fn into_form(self) -> SetupForm {
        SetupForm {
            org_name: self.org_name,
            time_zone: self.time_zone,
            jurisdiction: self.jurisdiction,
            display_name: self.display_name,
            email: self.email,
            password: self.password,
        }
    }
}

#[derive(Template)]
#[template(path = "invite.html")]
struct InvitePage {
    layout: Layout,
    token: String,
    org_name: String,
    display_name: String,
    email: String,
    role: String,
    errors: FormErrors,
}

async fn invite_page(
    st: &AppState,
    v: &Visitor,
    token: String,
    errors: FormErrors,
) -> Result<Response, AppError> {
    let inv = service::accounts::open_invitation(&st.db, &token, st.now_ms()).await?;
    let mut c = st.db.conn().await?;
    let org = store::orgs::get(&mut c, inv.org_id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(render::page(
        status,
        &InvitePage {
            layout: Layout::new("Join", None, &v.csrf, "/invite"),
            token,
            org_name: org.name,
            display_name: inv.display_name,
            email: inv.email,
            role: inv.role,
            errors,
        },
    ))
}

pub async fn invite_form(
    State(st): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    invite_page(&st, &v, token, FormErrors::default()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordOnly {
    password: String,
}

pub async fn invite_accept(
    State(st): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    Form(f): Form<PasswordOnly>,
) -> Result<Response, AppError> {
    match service::accounts::accept_invitation(
        &st.db,
        &st.passwords,
        &token,
        &f.password,
        st.now_ms(),
    )
    .await
    {
        Ok(s) => Ok(with_session("/", &s, &st)),
        Err(ServiceError::Invalid(errors)) => invite_page(&st, &v, token, FormErrors(errors)).await,
        Err(e) => Err(e.into()),
    }
}
