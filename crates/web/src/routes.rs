//! The router: every route here must also appear in [`crate::access::ROUTES`].

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderName, Uri};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::error::AppError;
use crate::pages::{
    account, audit, auth, calendar, compliance_settings, compose, consents, home, links, media,
    news, observances, plans, posts, publishing, settings, social_accounts, strategy, tokens,
    training, training_admin, users,
};
use crate::state::AppState;
use crate::{access, api, assets, guard, headers, metrics, ops};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

async fn not_found(uri: Uri) -> Response {
    if access::is_api(uri.path()) {
        AppError::NotFound.into_json()
    } else {
        AppError::NotFound.into_response()
    }
}

pub fn router(state: AppState) -> Router {
    let max_body = state.config.max_body_bytes;
    let max_upload = state.config.max_upload_bytes;
    // Uploads get their own, larger body limit.
    let uploads = Router::new()
        .route("/consents", post(consents::create))
        .route("/media", post(media::upload))
        // Multipart has its own 2 MB default; the configured limit is the one that counts.
        .layer(DefaultBodyLimit::max(max_upload))
        .layer(RequestBodyLimitLayer::new(max_upload));
    Router::new()
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .route("/static/{file}", get(assets::file))
        .route("/login", get(auth::login_page).post(auth::login))
        .route("/logout", post(auth::logout))
        .route(
            "/setup/{token}",
            get(auth::setup_form).post(auth::setup_submit),
        )
        .route(
            "/invite/{token}",
            get(auth::invite_form).post(auth::invite_accept),
        )
        .route("/", get(home::home))
        .route("/calendar", get(calendar::page))
        .route(
            "/calendar/move",
            get(calendar::move_form).post(calendar::move_target),
        )
        .route("/compose", get(compose::new).post(compose::create))
        .route("/compose/check", post(compose::check))
        .route("/compose/redact", post(compose::redact_text))
        .route("/posts/{id}", get(posts::page))
        .route("/posts/{id}/edit", get(compose::edit).post(compose::update))
        .route("/posts/{id}/action", post(posts::act))
        .route("/posts/{id}/consents", post(posts::attach))
        .route("/posts/{id}/comments", post(posts::comment))
        .route("/posts/{id}/retry", post(publishing::retry))
        .route("/posts/{id}/takedown", post(publishing::takedown))
        .route("/publications/{id}/resolve", post(publishing::resolve))
        .route("/media", get(media::list))
        .route("/media/{id}", get(media::item))
        .route("/media/{id}/file", get(media::file))
        .route("/media/{id}/describe", post(media::describe))
        .route("/media/{id}/attach", post(media::attach))
        .route("/consents", get(consents::list))
        .route("/consents/{id}/revoke", post(consents::revoke))
        .route("/plans", get(plans::plans))
        .route("/plans/campaigns", post(plans::add_campaign))
        .route("/plans/series", post(plans::add_series))
        .route("/plans/templates", post(plans::add_template))
        .route(
            "/plans/observances",
            get(observances::page).post(observances::add),
        )
        .route(
            "/plans/observances/visibility",
            post(observances::visibility),
        )
        .route("/plans/observances/{id}/delete", post(observances::delete))
        .route("/plans/goals", get(strategy::page).post(strategy::add_goal))
        .route("/plans/goals/{id}/delete", post(strategy::delete_goal))
        .route("/plans/mix", post(strategy::set_mix))
        .route("/plans/news", get(news::page))
        .route("/plans/news/feeds", post(news::follow))
        .route("/plans/news/feeds/{id}/delete", post(news::unfollow))
        .route("/plans/news/feeds/{id}/refresh", post(news::refresh))
        .route("/notifications", get(plans::notifications))
        .route("/notifications/read", post(plans::mark_read))
        .route("/inbox", get(home::inbox))
        .route("/analytics", get(home::analytics))
        .route("/compliance", get(consents::overview))
        .route("/training", get(training::page))
        .route("/training/attest", post(training::attest))
        .route("/training/quiz", post(training::quiz))
        .route("/compliance/training", get(training_admin::page))
        .route("/compliance/policy", post(training_admin::publish))
        .route("/compliance/quiz", post(training_admin::add_question))
        .route("/compliance/quiz/reset", post(training_admin::reset_quiz))
        .route(
            "/compliance/quiz/{key}",
            post(training_admin::update_question),
        )
        .route(
            "/compliance/quiz/{key}/delete",
            post(training_admin::delete_question),
        )
        .route(
            "/settings/accounts",
            get(social_accounts::list).post(social_accounts::add),
        )
        .route(
            "/settings/accounts/{id}/connect",
            post(social_accounts::connect),
        )
        .route(
            "/settings/compliance",
            get(compliance_settings::show).post(compliance_settings::save),
        )
        .route(
            "/account/password",
            get(account::form).post(account::change),
        )
        .route("/settings", get(home::settings))
        .route(
            "/settings/organisation",
            get(settings::organisation).post(settings::save_organisation),
        )
        .route(
            "/settings/locations",
            get(settings::locations).post(settings::add_location),
        )
        .route("/settings/locations/{id}", post(settings::rename_location))
        .route("/settings/users", get(users::list))
        .route("/settings/users/invite", post(users::invite))
        .route("/settings/users/{id}/role", post(users::change_role))
        .route("/settings/users/{id}/active", post(users::set_active))
        .route("/settings/tokens", get(tokens::list).post(tokens::create))
        .route("/settings/tokens/{id}/revoke", post(tokens::revoke))
        .route("/settings/links", get(links::page).post(links::save))
        .route("/settings/links/{id}/delete", post(links::delete))
        .route("/l/{code}", get(links::follow))
        .route("/settings/audit", get(audit::page))
        .route("/settings/audit.csv", get(audit::export_csv))
        .route("/api/v1/openapi.json", get(api::openapi::document))
        .route("/api/v1/me", get(api::me::me))
        .route(
            "/api/v1/locations",
            get(api::org::list_locations).post(api::org::create_location),
        )
        .route("/api/v1/users", get(api::org::list_users))
        .route("/api/v1/audit", get(api::audit::list))
        .route("/api/v1/check", post(api::check::check))
        .route(
            "/api/v1/posts",
            get(api::posts::list).post(api::posts::create),
        )
        .route(
            "/api/v1/posts/{id}",
            get(api::posts::get).put(api::posts::update),
        )
        .route("/api/v1/posts/{id}/actions", post(api::posts::act))
        .route("/api/v1/posts/{id}/consents", post(api::posts::attach))
        .route(
            "/api/v1/posts/{id}/publications",
            get(api::publishing::list),
        )
        .route("/api/v1/posts/{id}/retry", post(api::publishing::retry))
        .route(
            "/api/v1/posts/{id}/takedown",
            post(api::publishing::takedown),
        )
        .route(
            "/api/v1/publications/{id}/resolve",
            post(api::publishing::resolve),
        )
        .route(
            "/api/v1/consents",
            get(api::consents::list).post(api::consents::create),
        )
        .route("/api/v1/consents/{id}/revoke", post(api::consents::revoke))
        .route(
            "/api/v1/campaigns",
            get(api::consents::campaigns).post(api::consents::add_campaign),
        )
        .route(
            "/api/v1/accounts",
            get(api::consents::accounts).post(api::consents::add_account),
        )
        .route("/api/v1/accounts/health", get(api::connections::health))
        .route(
            "/api/v1/observances",
            get(api::observances::list).post(api::observances::add),
        )
        .route("/api/v1/observances/{id}", delete(api::observances::delete))
        .route(
            "/api/v1/observances/visibility",
            post(api::observances::visibility),
        )
        .route(
            "/api/v1/observances/suggestions",
            get(api::observances::suggestions),
        )
        .route(
            "/api/v1/content-mix",
            get(api::strategy::mix).put(api::strategy::set_mix),
        )
        .route(
            "/api/v1/goals",
            get(api::strategy::goals).post(api::strategy::add_goal),
        )
        .route("/api/v1/goals/{id}", delete(api::strategy::delete_goal))
        .route(
            "/api/v1/url-classes",
            get(api::links::list).post(api::links::save),
        )
        .route("/api/v1/url-classes/{id}", delete(api::links::delete))
        .route("/api/v1/posts/{id}/links", get(api::links::post_links))
        .route("/api/v1/news", get(api::news::items))
        .route(
            "/api/v1/feeds",
            get(api::news::feeds).post(api::news::follow),
        )
        .route("/api/v1/feeds/{id}", delete(api::news::unfollow))
        .route("/api/v1/training", get(api::training::status))
        .route("/api/v1/training/attest", post(api::training::attest))
        .route(
            "/api/v1/training/quiz",
            get(api::training::quiz).post(api::training::take_quiz),
        )
        .route("/api/v1/training/roster", get(api::training::roster))
        .route(
            "/api/v1/policies",
            get(api::training::versions).post(api::training::publish),
        )
        .route(
            "/api/v1/accounts/{id}/credentials",
            post(api::connections::connect),
        )
        .layer(RequestBodyLimitLayer::new(max_body))
        .merge(uploads)
        .route_layer(from_fn_with_state(state.clone(), guard::enforce))
        .route_layer(from_fn_with_state(state.clone(), metrics::track))
        .fallback(not_found)
        .layer(from_fn(headers::security_headers))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            // Method and request id only: paths can carry one-time link secrets.
            let id = req
                .headers()
                .get(&REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!("http", method = %req.method(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}
