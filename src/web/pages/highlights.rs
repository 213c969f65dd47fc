//! `POST /highlights`: a coordinator, or a mentor of the author, holds a post up as an
//! example for its lesson, with a one-line note.

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::access::Viewer;
use crate::i18n::Refusal;
use crate::i18n::Text;
use crate::together::highlights::{self, HighlightError, Target};
use crate::web::auth::{SignedIn, local_path};
use crate::web::extract::{Form, required};
use crate::web::{AppError, AppState};

#[derive(Deserialize)]
pub struct HighlightForm {
    participant: String,
    post: String,
    lesson: String,
    #[serde(default)]
    note: String,
    /// Where to go afterwards (a path on this site).
    #[serde(default)]
    back: String,
}

pub async fn create(
    State(state): State<AppState>,
    SignedIn { person, .. }: SignedIn,
    Form(form): Form<HighlightForm>,
) -> Result<Response, AppError> {
    let target = Target {
        author: required(&form.participant, "choose-author")?,
        post: required(&form.post, "choose-post")?,
        lesson: required(&form.lesson, "choose-lesson")?,
    };
    let viewer = Viewer::load(&state.db, Some(person)).await?;
    let done = highlights::highlight(
        &state.db,
        (&state.programs, &state.config.base_url),
        &viewer,
        target,
        &form.note,
        Utc::now(),
    )
    .await;
    match done {
        Ok(()) => {
            let back = local_path(&form.back)
                .map_or_else(|| format!("/lessons/{}", target.lesson), str::to_owned);
            Ok(Redirect::to(&back).into_response())
        }
        Err(HighlightError::NotAllowed) => Err(AppError::Forbidden(Text::new(
            "error-highlight-not-allowed",
        ))),
        Err(e) => Err(AppError::refused(e.refusal()?)),
    }
}
