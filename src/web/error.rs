//! One error type for every handler: pages answer with an HTML page, the API with JSON.
//! Internal causes are logged once and never shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::templates;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("forbidden")]
    Forbidden(String),
    #[error("unauthorized")]
    Unauthorized(String),
    /// A request body over its limit (413).
    #[error("too large")]
    TooLarge(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Internal(e.into())
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        Self::Internal(e.into())
    }
}

impl AppError {
    fn status(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What a person may be told.
    fn public_message(&self) -> String {
        match self {
            Self::NotFound => "There is nothing at this address. It may have moved, or the link may be mistyped.".into(),
            Self::BadRequest(message)
            | Self::Forbidden(message)
            | Self::Unauthorized(message)
            | Self::TooLarge(message) => {
                message.clone()
            }
            Self::Internal(_) => "Something went wrong on our side. It has been logged; please try again in a moment.".into(),
        }
    }

    fn log(&self) {
        if let Self::Internal(cause) = self {
            tracing::error!(error = ?cause, "request failed");
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let page = templates::render(
            "error.html",
            minijinja::context! { status => status.as_u16(), reason => status.canonical_reason(), message => self.public_message() },
        );
        match page {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = ?e, "cannot render the error page");
                (status, self.public_message()).into_response()
            }
        }
    }
}

/// The API's flavour of [`AppError`]: `{"error": "..."}` with the right status.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let body = serde_json::json!({ "error": self.0.public_message() });
        (self.0.status(), Json(body)).into_response()
    }
}
