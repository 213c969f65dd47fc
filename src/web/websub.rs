//! `/websub/{id}`: a WebSub hub's callback. GET is the hub verifying a (un)subscription,
//! POST a delivery; both are 404 unless `TWENTYTHREE_WEBSUB` is on and the id is one of
//! ours. A signed delivery reads the feed at once through the poller's lease; the pushed
//! body itself is never used.

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::feeds::websub::{self, Delivery, Verification};
use crate::web::{AppError, AppState};

pub async fn verify(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(request): Query<Verification>,
) -> Result<Response, AppError> {
    if !state.config.websub {
        return Err(AppError::NotFound);
    }
    match websub::verify(&state.db, &id, &request, Utc::now()).await? {
        Some(challenge) => Ok((
            [(
                axum::http::header::CONTENT_TYPE,
                "text/plain; charset=utf-8",
            )],
            challenge,
        )
            .into_response()),
        None => Err(AppError::NotFound),
    }
}

pub async fn deliver(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    if !state.config.websub {
        return Err(AppError::NotFound);
    }
    let body: Bytes = match axum::body::to_bytes(body, websub::MAX_DELIVERY).await {
        Ok(body) => body,
        Err(_) => return Ok(StatusCode::PAYLOAD_TOO_LARGE.into_response()),
    };
    let signature = headers.get("x-hub-signature").and_then(|v| v.to_str().ok());
    match websub::delivery(&state.db, &id, signature, &body).await? {
        Delivery::Unknown => Err(AppError::NotFound),
        Delivery::Ignored => Ok(StatusCode::ACCEPTED.into_response()),
        Delivery::Read(feed) => {
            let read = state.poller.poll_feed(*feed, Utc::now()).await;
            tracing::debug!(?read, "WebSub delivery read the feed");
            Ok(StatusCode::NO_CONTENT.into_response())
        }
    }
}
