//! The coordinator's cockpit (`/coordinator/...`): the cohorts list, cohort settings, the
//! progress grid, one participant's page, overrides, reminders, CSV import and export, and
//! the mail log. Only coordinators get in (the `Coordinator` extractor).

mod chart;
pub mod cohorts;
pub mod grid;
pub mod import;
pub mod people;
pub mod reminders;
pub mod together;

use crate::cohorts::Slug;
use crate::i18n::Text;
use crate::web::body::KeptBody;
use crate::web::extract::Id;
use crate::web::extract::{Form, Path, Query};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use crate::entities::cohort;
use crate::progress::completions::{self, Override, Rules};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState};

async fn cohort(state: &AppState, slug: &Slug) -> Result<cohort::Model, AppError> {
    crate::cohorts::find(&state.db, slug.as_str())
        .await?
        .ok_or(AppError::NotFound)
}

/// Participant `id` of `cohort` with their person, or 404.
async fn member_of(
    state: &AppState,
    cohort: &cohort::Model,
    Id(id): Id,
) -> Result<
    (
        crate::entities::participant::Model,
        crate::entities::person::Model,
    ),
    AppError,
> {
    crate::cohorts::member(&state.db, cohort, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Deserialize)]
pub struct OverrideForm {
    done: String,
    /// Set by the form on the cockpit's participant page: go back there with a notice.
    #[serde(default)]
    back: Option<String>,
}

fn parse_done(done: &str) -> Result<bool, AppError> {
    match done {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(AppError::refused(
            Text::new("coord-error-done").with("value", other),
        )),
    }
}

/// Records a coordinator's marks or unmarks of `numbers` for participant `id` of `slug`.
async fn record_overrides(
    state: &AppState,
    coordinator: &crate::entities::person::Model,
    (slug, id): (&Slug, Id),
    numbers: &[i32],
    done: bool,
) -> Result<(cohort::Model, i32), AppError> {
    let cohort = cohort(state, slug).await?;
    let (member, _) = member_of(state, &cohort, id).await?;
    let rules = Rules {
        program: state.programs.of(&cohort),
        base_url: &state.config.base_url,
    };
    let changes: Vec<Override> = numbers
        .iter()
        .map(|number| Override {
            number: *number,
            done,
            by: Some(coordinator.id),
        })
        .collect();
    completions::set_many_by_coordinator(&state.db, rules, &member, &cohort, &changes, Utc::now())
        .await?;
    Ok((cohort, member.id))
}

/// `POST /coordinator/cohorts/{slug}/people/{id}/things/{number}` with `done=true|false`:
/// marks or unmarks a lesson; it wins over recognition from then on, and is audited.
pub async fn set_thing(
    State(state): State<AppState>,
    Coordinator {
        person: coordinator,
        ..
    }: Coordinator,
    Path((slug, id, number)): Path<(Slug, Id, Id)>,
    Form(form): Form<OverrideForm>,
) -> Result<Response, AppError> {
    let done = parse_done(&form.done)?;
    let Id(number) = number;
    let (cohort, member) =
        record_overrides(&state, &coordinator, (&slug, id), &[number], done).await?;
    if form.back.as_deref() == Some("person") {
        let notice = if done { "marked" } else { "unmarked" };
        return Ok(Redirect::to(&format!(
            "/coordinator/cohorts/{}/people/{member}?notice={notice}&thing={number}#thing-{number}",
            cohort.slug
        ))
        .into_response());
    }
    Ok(Redirect::to(&format!("/cohorts/{}/people/{member}", cohort.slug)).into_response())
}

/// `POST /coordinator/cohorts/{slug}/people/{id}/things` with `done=true|false` and one
/// `thing-N=on` per lesson: marks or unmarks the chosen lessons at once.
pub async fn set_things(
    State(state): State<AppState>,
    Coordinator {
        person: coordinator,
        ..
    }: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
    Form(form): Form<std::collections::HashMap<String, String>>,
) -> Result<Response, AppError> {
    let done = parse_done(form.get("done").map_or("", String::as_str))?;
    let mut numbers: Vec<i32> = form
        .keys()
        .filter_map(|key| key.strip_prefix("thing-")?.parse().ok())
        .collect();
    numbers.sort_unstable();
    if numbers.is_empty() {
        return Err(AppError::refused(Text::new("coord-error-tick-lesson")));
    }
    let (cohort, member) =
        record_overrides(&state, &coordinator, (&slug, id), &numbers, done).await?;
    let notice = if done { "marked-many" } else { "unmarked-many" };
    Ok(Redirect::to(&format!(
        "/coordinator/cohorts/{}/people/{member}?notice={notice}#lessons",
        cohort.slug
    ))
    .into_response())
}

/// `GET /coordinator/cohorts/{slug}/progress.csv`: one row per participant with each
/// lesson's completion date and the finishing date.
pub async fn progress_csv(
    State(state): State<AppState>,
    _: Coordinator,
    Path(slug): Path<Slug>,
    request: HeaderMap,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let body = state
        .caches
        .csv
        .get_or_read(&state.db, cohort.id, || async {
            let program = state.programs.of(&cohort);
            let csv = crate::progress::export::progress_csv(&state.db, program, &cohort).await?;
            KeptBody::new(csv).await
        })
        .await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let disposition = format!("attachment; filename=\"{}-progress.csv\"", cohort.slug);
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(body.send(&request, headers))
}

#[derive(Deserialize)]
pub struct MailQuery {
    cohort: Option<String>,
}

/// `GET /coordinator/mail`: the mail log, newest first: what was sent, what waits, and
/// what failed with the mail server's reply. `?cohort=SLUG` keeps the mail to its members
/// (among the newest 2,000 emails).
pub async fn mail_log(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Query(query): Query<MailQuery>,
) -> Result<Html<String>, AppError> {
    let members = match query.cohort.as_deref().filter(|s| !s.is_empty()) {
        Some(slug) => {
            let slug: Slug = slug.parse().map_err(|_| AppError::NotFound)?;
            let cohort = cohort(&state, &slug).await?;
            let emails = crate::cohorts::member_addresses(&state.db, &cohort).await?;
            Some((cohort, emails))
        }
        None => None,
    };
    let rows: Vec<minijinja::Value> = crate::mail::log(
        &state.db,
        members.as_ref().map(|(_, e)| e),
        200,
    )
    .await?
    .into_iter()
    .map(|logged| {
        let row = logged.row;
        minijinja::context! {
            created => format!("{} UTC", row.created_at.to_rfc3339()),
            kind => row.kind.to_string(), to => logged.to, subject => row.subject,
            status => row.status.to_string(), attempts => row.attempts, error => row.last_error,
        }
    })
    .collect();
    let cohort = members.map(|(c, _)| minijinja::context! { slug => c.slug, name => c.name });
    current.render("mail-log.html", minijinja::context! { rows, cohort })
}
