//! `POST /me/check`: "I just posted: check my blog now". Reads the participant's feed at
//! once, through the poller's lease, at most once a minute per person.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::poller::Read;
use crate::web::auth::SignedIn;
use crate::web::extract::Form;
use crate::web::{AppError, AppState};
use crate::{feeds, rate};

#[derive(Deserialize)]
pub struct CheckForm {
    participant: String,
}

pub async fn check(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<CheckForm>,
) -> Result<Response, AppError> {
    let (member, _) = super::forms::own_membership(&state, &person, &form.participant).await?;
    let now = Utc::now();
    if !rate::allow(
        &state.db,
        &format!("check-now:{}", person.id),
        rate::CHECK_NOW,
        now,
    )
    .await?
    {
        let problem = crate::i18n::message(current.locale(), "error-checked-moments-ago", &[]);
        let page = super::page(&state, &person, &current, None, Some(problem)).await?;
        return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    let Some(feed) = feeds::of_member(&state.db, &member).await? else {
        return Ok(Redirect::to("/me?notice=check-no-feed").into_response());
    };
    let notice = match state.poller.poll_feed(feed, now).await {
        Read::Fetched(_) | Read::Unchanged => "check-read",
        Read::Busy => "check-busy",
        Read::Deferred | Read::Gone | Read::Failed(_) => "check-failed",
    };
    Ok(Redirect::to(&format!("/me?notice={notice}")).into_response())
}
