//! The one error type of the HTTP edge. It maps every failure to a status code and a
//! message safe to show, renders an HTML page or a JSON body, and logs internal causes
//! (never request content).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::FieldError;
use service::ServiceError;

use crate::render;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign in required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("the form has expired; reload the page and try again")]
    Csrf,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Refused(String),
    #[error("too many attempts")]
    TooMany { retry_after_s: i64 },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("internal error")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) | AppError::Refused(_) => StatusCode::CONFLICT,
            AppError::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Stable machine-readable code for API clients.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Csrf => "csrf_failed",
            AppError::Invalid(_) => "invalid_input",
            AppError::BadRequest(_) => "bad_request",
            AppError::Conflict(_) => "conflict",
            AppError::Refused(_) => "refused",
            AppError::TooMany { .. } => "too_many_requests",
            AppError::PayloadTooLarge => "payload_too_large",
            AppError::Internal(_) => "internal",
        }
    }

    /// What a person may be told.
    pub fn public_message(&self) -> String {
        match self {
            AppError::NotFound => "There is nothing at this address.".into(),
            AppError::Unauthorized => "Sign in to continue.".into(),
            AppError::Forbidden => {
                "Your role does not allow this. Ask an owner if you need it.".into()
            }
            AppError::Csrf => "This form has expired. Reload the page and try again.".into(),
            AppError::Invalid(fields) => fields
                .iter()
                .map(|f| f.to_string())
                .collect::<Vec<_>>()
                .join("; "),
            AppError::BadRequest(m) | AppError::Conflict(m) | AppError::Refused(m) => m.clone(),
            AppError::TooMany { retry_after_s } => {
                format!(
                    "Too many attempts. Try again in {} minutes.",
                    (retry_after_s + 59) / 60
                )
            }
            AppError::PayloadTooLarge => "The request is too large.".into(),
            AppError::Internal(_) => "Something went wrong on our side. It has been logged.".into(),
        }
    }

    fn log(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(error = %cause, "internal error");
        }
    }

    /// Render as JSON: `{"error": {"code", "message", "fields"?}}`.
    pub fn into_json(self) -> Response {
        self.log();
        let mut body = serde_json::json!({
            "error": {"code": self.code(), "message": self.public_message()}
        });
        if let AppError::Invalid(fields) = &self {
            body["error"]["fields"] = fields
                .iter()
                .map(|f| serde_json::json!({"field": f.field, "message": f.message}))
                .collect();
        }
        let mut res = (self.status(), axum::Json(body)).into_response();
        self.retry_after(&mut res);
        res
    }

    fn retry_after(&self, res: &mut Response) {
        if let AppError::TooMany { retry_after_s } = self {
            if let Ok(v) = retry_after_s.to_string().parse() {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let mut res = render::error_page(status, &self.public_message());
        self.retry_after(&mut res);
        res
    }
}

impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(f) => AppError::Invalid(f),
            ServiceError::Conflict(m) => AppError::Conflict(m),
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Forbidden(_) => AppError::Forbidden,
            ServiceError::BadCredentials => AppError::Unauthorized,
            ServiceError::Throttled { .. } => AppError::TooMany { retry_after_s: 60 },
            ServiceError::Refused(m) => AppError::Refused(m),
            ServiceError::Store(e) => AppError::Internal(format!("{e:#}")),
        }
    }
}

impl From<store::StoreError> for AppError {
    fn from(e: store::StoreError) -> Self {
        AppError::Internal(format!("{e:#}"))
    }
}

/// JSON-rendering wrapper for API handlers.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_json()
    }
}

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}
