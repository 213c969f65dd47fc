//! `/unsubscribe/{token}`: the link in routine emails. Opening it shows a button; the POST
//! (also the one-click `List-Unsubscribe-Post` of mail programs) turns routine mail off.

use crate::web::extract::Path;
use axum::extract::State;
use axum::response::Html;
use minijinja::context;

use crate::entities::person;
use crate::people;
use crate::web::auth::CurrentPerson;
use crate::web::{AppError, AppState};

async fn find(state: &AppState, token: &str) -> Result<person::Model, AppError> {
    people::by_unsubscribe_token(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
) -> Result<Html<String>, AppError> {
    let person = find(&state, &token).await?;
    let subscribed = person.release_emails || person.milestone_emails || person.highlight_emails;
    current.render("unsubscribe.html", context! { token, done => !subscribed })
}

pub async fn confirm(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
) -> Result<Html<String>, AppError> {
    let person = find(&state, &token).await?;
    people::stop_routine_mail(&state.db, person).await?;
    current.render("unsubscribe.html", context! { token, done => true })
}
