use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{rfc3339, ApiCaller};
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
pub struct AuditParams {
    /// Action name or prefix, e.g. `location.`
    pub action: Option<String>,
    /// Actor email
    pub actor: Option<String>,
    /// Entries before this sequence number (for paging)
    pub before: Option<i64>,
    /// 1 to 1000, default 100
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    /// Ids and field names only; never content.
    pub summary: serde_json::Value,
    pub hash: String,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditParams),
    responses((status = 200, body = [AuditEntry]), (status = 403, body = super::openapi::ErrorBody)),
    security(("token" = [])))]
pub async fn list(
    State(st): State<AppState>,
    ApiCaller(a): ApiCaller,
    Query(p): Query<AuditParams>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let f = store::audit::Filter {
        action: p.action,
        actor: p.actor,
        ..Default::default()
    };
    let limit = p.limit.unwrap_or(100).clamp(1, 1000);
    let rows = service::auditlog::page(&st.db, &a, f, limit, p.before).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| AuditEntry {
                seq: r.seq,
                at: rfc3339(r.at_ms),
                actor: r.actor,
                action: r.action,
                object_type: r.object_type,
                object_id: r.object_id,
                summary: serde_json::from_str(&r.summary).unwrap_or(serde_json::Value::Null),
                hash: r.hash,
            })
            .collect(),
    ))
}
