//! The extractors handlers use for forms, query strings and path segments: axum's, with
//! every rejection turned into an [`AppError`] page (400 saying what was wrong, 413 for a
//! body over its limit) instead of axum's plain-text 422 or 415.

use axum::extract::path::ErrorKind;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;

use crate::i18n::Text;
use crate::web::{AppError, FORM_LIMIT};

/// A URL-encoded form, at most [`FORM_LIMIT`] bytes.
pub struct Form<T>(pub T);

/// The query string.
pub struct Query<T>(pub T);

/// The path's parameters.
pub struct Path<T>(pub T);

impl<S, T> FromRequest<S> for Form<T>
where
    S: Send + Sync,
    axum::Form<T>: FromRequest<S, Rejection = FormRejection>,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match axum::Form::<T>::from_request(request, state).await {
            Ok(axum::Form(value)) => Ok(Self(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(too_large())
            }
            Err(rejection) => Err(AppError::refused(
                Text::new("error-form-unreadable").with("detail", rejection.body_text()),
            )),
        }
    }
}

impl<S, T> FromRequestParts<S> for Query<T>
where
    S: Send + Sync,
    axum::extract::Query<T>: FromRequestParts<S, Rejection = QueryRejection>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(value)| Self(value))
            .map_err(|rejection| {
                AppError::refused(
                    Text::new("error-query-unreadable").with("detail", rejection.body_text()),
                )
            })
    }
}

impl<S, T> FromRequestParts<S> for Path<T>
where
    S: Send + Sync,
    axum::extract::Path<T>: FromRequestParts<S, Rejection = PathRejection>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Self(value))
            .map_err(|rejection| match &rejection {
                // A segment that is not a slug or a number names nothing here.
                PathRejection::FailedToDeserializePathParams(e)
                    if matches!(
                        e.kind(),
                        ErrorKind::DeserializeError { .. }
                            | ErrorKind::Message(_)
                            | ErrorKind::ParseError { .. }
                            | ErrorKind::ParseErrorAtIndex { .. }
                            | ErrorKind::ParseErrorAtKey { .. }
                    ) =>
                {
                    AppError::NotFound
                }
                _ => unreadable_address(&rejection.body_text()),
            })
    }
}

/// A path segment that numbers a row (a participant, a lesson, a pairing): a whole number
/// of 1 or more, or the address names nothing (404).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id(pub i32);

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse::<i32>()
            .ok()
            .filter(|n| *n >= 1)
            .map(Self)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a number")))
    }
}

/// The answer to an address whose path segments cannot be read.
pub fn unreadable_address(detail: &str) -> AppError {
    AppError::refused(Text::new("error-address-unreadable").with("detail", detail))
}

/// The answer to a form body over [`FORM_LIMIT`].
pub fn too_large() -> AppError {
    AppError::TooLarge(Text::new("error-form-too-large").with("limit", FORM_LIMIT / 1024))
}

/// A whole number of 1 or more that a query string or form gives (a page, a lesson, an
/// id), or `None` when it is left out; anything else is a 400 saying so.
pub fn positive(value: Option<&str>) -> Result<Option<i32>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<i32>()
            .ok()
            .filter(|n| *n >= 1)
            .map(Some)
            .ok_or_else(|| AppError::refused(Text::new("error-not-a-number").with("value", v))),
    }
}

/// A whole number of 1 or more that a form must give; left out, a 400 asking to choose
/// `what` (the catalogue's name of it, such as `choose-cohort`).
pub fn required(value: &str, what: &str) -> Result<i32, AppError> {
    positive(Some(value))?
        .ok_or_else(|| AppError::refused(Text::new("error-choose").with("what", Text::new(what))))
}
