//! `/coordinator/cohorts/{slug}/reminders`: who would get a reminder and what it says; the
//! coordinator ticks who gets one, reviews the count, and confirms.

use crate::cohorts::Slug;
use crate::i18n::Text;
use std::collections::{HashMap, HashSet};

use crate::web::extract::{Form, Path, Query};
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use super::cohort;
use crate::i18n;
use crate::progress::grid;
use crate::progress::reminders::{self, Reminder};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState};

#[derive(Deserialize)]
pub struct SentQuery {
    sent: Option<usize>,
}

/// Everyone due, as the preview's checklist says them: rendered once per data version and
/// language, with the sample email (what the first of them would get).
pub struct KeptDue {
    checklist: String,
    due: usize,
    sample: Option<(String, String)>,
}

/// The page, listing everyone due; `chosen` (when reviewing) those ticked.
async fn page(
    state: &AppState,
    current: &crate::web::auth::CurrentPerson,
    slug: &Slug,
    sent: Option<usize>,
    chosen: Option<&HashSet<i32>>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(state, slug).await?;
    let locale = current.locale();
    let kept = state
        .caches
        .reminders
        .get_or_read(&state.db, (cohort.id, locale.code()), || {
            kept_due(state, &cohort, locale)
        })
        .await?;
    let people: Vec<minijinja::Value> = match chosen {
        Some(ids) => {
            let rows = state.grid_rows(&cohort).await?;
            reminders::due(&rows, Utc::now())
                .iter()
                .filter(|(row, _)| ids.contains(&row.id))
                .map(|(row, _)| context! { id => row.id, name => row.name.clone(), email => row.email.clone() })
                .collect()
        }
        None => Vec::new(),
    };
    current.render(
        "coordinator-reminders.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            anyone => if chosen.is_some() { !people.is_empty() } else { kept.due > 0 },
            people, sent, every => reminders::EVERY.num_days(), reviewing => chosen.is_some(),
            due => kept.due, stalled_after => grid::STALLED_AFTER.num_days(),
            checklist => minijinja::Value::from_safe_string(kept.checklist.clone()),
            sample => kept.sample.as_ref().map(|(subject, text)| context! { subject, text }),
        },
    )
}

/// Who is due now, said in `locale`, and the sample email.
async fn kept_due(
    state: &AppState,
    cohort: &cohort::Model,
    locale: i18n::Locale,
) -> Result<KeptDue, AppError> {
    let now = Utc::now();
    let rows = state.grid_rows(cohort).await?;
    let due = reminders::due(&rows, now);
    let reminder = Reminder {
        program: state.programs.of(cohort),
        cohort,
        base_url: &state.config.base_url,
    };
    let sample = match due.first() {
        Some((row, _)) => {
            let email = reminder.email(row, "…", now)?;
            Some((email.subject, email.text))
        }
        None => None,
    };
    let people: Vec<minijinja::Value> = due
        .iter()
        .map(|(row, _)| {
            let why = if row.stalled {
                i18n::message(locale, "coord-why-stalled", &[("days", grid::STALLED_AFTER.num_days().into())])
            } else {
                i18n::message(locale, "coord-why-behind", &[("count", row.overdue.into())])
            };
            context! { id => row.id, name => row.name.clone(), email => row.email.clone(), done => row.done, why }
        })
        .collect();
    let checklist = crate::templates::render(
        "coordinator-reminders-due.html",
        context! { people, cohort => context! { slug => cohort.slug.clone() }, lang => locale.code() },
    )?;
    Ok(KeptDue {
        checklist,
        due: due.len(),
        sample,
    })
}

pub async fn preview(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Query(query): Query<SentQuery>,
) -> Result<Html<String>, AppError> {
    page(&state, &current, &slug, query.sent, None).await
}

/// `POST` with `step=review` and one `person-ID=on` per ticked person: shows who will get
/// one and asks to confirm; with `step=send` (and the same ticks) queues them. A form with
/// no step sends to everyone due. A second click within 7 days sends nothing more.
pub async fn send(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let chosen: HashSet<i32> = form
        .keys()
        .filter_map(|key| key.strip_prefix("person-")?.parse().ok())
        .collect();
    let step = form.get("step").map_or("", String::as_str);
    if step == "review" {
        if chosen.is_empty() {
            return Err(AppError::refused(Text::new("coord-error-tick-person")));
        }
        let html = page(&state, &current, &slug, None, Some(&chosen)).await?;
        return Ok(html.into_response());
    }
    let cohort = cohort(&state, &slug).await?;
    let reminder = Reminder {
        program: state.programs.of(&cohort),
        cohort: &cohort,
        base_url: &state.config.base_url,
    };
    let only = (step == "send").then_some(&chosen);
    let sent = reminders::send(&state.db, &reminder, only, Utc::now()).await?;
    Ok(Redirect::to(&format!(
        "/coordinator/cohorts/{}/reminders?sent={sent}",
        cohort.slug
    ))
    .into_response())
}
