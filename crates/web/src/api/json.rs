//! A JSON body extractor whose rejections are API errors with a precise message.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, AppError};

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(ApiError(match rejection {
                JsonRejection::MissingJsonContentType(_) => AppError::BadRequest(
                    "send the body as JSON with Content-Type: application/json".into(),
                ),
                JsonRejection::JsonSyntaxError(e) => {
                    AppError::BadRequest(format!("the body is not valid JSON: {}", e.body_text()))
                }
                JsonRejection::JsonDataError(e) => AppError::BadRequest(format!(
                    "the JSON does not match the schema: {}",
                    e.body_text()
                )),
                r if r.status() == StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
                r => AppError::BadRequest(r.body_text()),
            })),
        }
    }
}
