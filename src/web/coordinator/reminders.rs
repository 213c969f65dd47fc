//! `/coordinator/cohorts/{slug}/reminders`: who would get a reminder and what it says, and
//! the button that sends them.

use crate::web::extract::{Path, Query};
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use super::cohort;
use crate::progress::grid;
use crate::progress::reminders::{self, Reminder};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState};

#[derive(Deserialize)]
pub struct SentQuery {
    sent: Option<usize>,
}

pub async fn preview(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<String>,
    Query(query): Query<SentQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let now = Utc::now();
    let rows = grid::rows(&state.db, &state.program, &cohort, now).await?;
    let due = reminders::due(&rows, now);
    let reminder = Reminder {
        program: &state.program,
        cohort: &cohort,
        base_url: &state.config.base_url,
    };
    let sample = match due.first() {
        Some((row, _)) => Some(reminder.email(row, "…", now)?),
        None => None,
    };
    let people: Vec<minijinja::Value> = due
        .iter()
        .map(|(row, why)| context! { id => row.id, name => row.name.clone(), email => row.email.clone(), done => row.done, why })
        .collect();
    current.render(
        "coordinator-reminders.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            people, sent => query.sent, every => reminders::EVERY.num_days(),
            stalled_after => grid::STALLED_AFTER.num_days(),
            sample => sample.map(|e| context! { subject => e.subject, text => e.text }),
        },
    )
}

/// `POST`: queues the reminders; a second click within 7 days sends nothing more.
pub async fn send(
    State(state): State<AppState>,
    _: Coordinator,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let reminder = Reminder {
        program: &state.program,
        cohort: &cohort,
        base_url: &state.config.base_url,
    };
    let sent = reminders::send(&state.db, &reminder, Utc::now()).await?;
    Ok(Redirect::to(&format!(
        "/coordinator/cohorts/{}/reminders?sent={sent}",
        cohort.slug
    ))
    .into_response())
}
