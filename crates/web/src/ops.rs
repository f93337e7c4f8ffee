//! Health checks and metrics for operators.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;

use crate::state::AppState;

/// Alive: the process answers.
pub async fn healthz() -> impl IntoResponse {
    Json(serde_json::json!({"status": "ok"}))
}

/// Ready: the database answers and every migration is applied.
pub async fn readyz(State(st): State<AppState>) -> impl IntoResponse {
    let db_ok = st.db.ping().await.is_ok();
    let migrated = db_ok && st.db.migrations_applied().await.unwrap_or(false);
    let status = if db_ok && migrated {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(serde_json::json!({
            "status": if status == StatusCode::OK { "ready" } else { "not_ready" },
            "database": if db_ok { "ok" } else { "unreachable" },
            "migrations": if migrated { "applied" } else { "pending" },
        })),
    )
}

pub async fn metrics(State(st): State<AppState>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        st.metrics.render(),
    )
}
