//! The friendly page for too many requests.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::context;

use crate::web::AppError;
use crate::web::auth::CurrentPerson;

/// 429 with a page that says what happened and when to try again.
pub fn too_many(current: &CurrentPerson) -> Result<Response, AppError> {
    let page = current.render("too-many.html", context! {})?;
    Ok((
        StatusCode::TOO_MANY_REQUESTS,
        [(axum::http::header::RETRY_AFTER, "900")],
        page,
    )
        .into_response())
}
