//! The web layer: axum routes, server-rendered pages, the JSON API and its OpenAPI
//! document, static assets and operational endpoints. Handlers are thin: they parse the
//! request, call a `service` use case and render the result.

pub mod access;
mod api;
mod assets;
mod cookies;
mod error;
mod forms;
mod guard;
mod headers;
mod highlight;
mod metrics;
mod ops;
mod pages;
mod render;
mod routes;
mod state;

pub use error::AppError;
pub use routes::router;
pub use state::{AppState, WebConfig};

/// Serve until `shutdown` resolves. The listener is bound by the caller, so a taken port is
/// reported before anything starts.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
