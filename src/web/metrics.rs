//! `GET /metrics` and the layer that counts every request by its route.

use crate::i18n::Text;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{AppError, AppState};

/// `GET /metrics`: Prometheus text, with the database gauges read now; only for a scraper
/// that sends the operator's `Authorization: Bearer` secret (`TWENTYTHREE_METRICS_TOKEN`),
/// and not there at all (404) when no secret is set.
pub async fn show(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    let Some(secret) = &state.config.metrics_token else {
        return Err(AppError::NotFound);
    };
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !crate::web::csrf::constant_time_eq(sent.trim().as_bytes(), secret.as_bytes()) {
        let refusal = AppError::Unauthorized(Text::verbatim(
            "The metrics are for the operator's scraper: send the secret set in TWENTYTHREE_METRICS_TOKEN as a bearer token.",
        ));
        return Ok(([(header::WWW_AUTHENTICATE, "Bearer")], refusal).into_response());
    }
    let text = state.metrics.render(&state.db, chrono::Utc::now()).await?;
    Ok(([(header::CONTENT_TYPE, crate::metrics::CONTENT_TYPE)], text).into_response())
}

/// Counts the request under its route pattern (`/cohorts/{slug}`), never its raw path, so
/// that the number of series stays bounded.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = match request.method().as_str() {
        known @ ("GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS") => known,
        _ => "other",
    }
    .to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    state.metrics.request(
        &method,
        &route,
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}
