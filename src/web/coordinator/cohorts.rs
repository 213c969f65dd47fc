//! `/coordinator`: the cohorts list with key figures, and creating and editing a cohort.

use crate::cohorts::Slug;
use std::collections::BTreeMap;

use crate::web::extract::{Form, Path};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;

use super::cohort;
use crate::cohorts::settings::{self, Problem};
use crate::cohorts::{self, CreateError, NewCohort};
use crate::feeds::links::Verdict;
use crate::progress::grid;
use crate::web::auth::{Coordinator, CurrentPerson};
use crate::web::{AppError, AppState};

/// `GET /coordinator`: every cohort with its participants, who was active this week, who
/// finished and whose feeds fail.
pub async fn index(
    State(state): State<AppState>,
    Coordinator { current, person }: Coordinator,
) -> Result<Html<String>, AppError> {
    let now = Utc::now();
    let all = cohorts::list(&state.db).await?;
    let mut figures = grid::figures(&state.db, now).await?;
    let rows: Vec<minijinja::Value> = all
        .into_iter()
        .map(|c| {
            let f = figures.remove(&c.id).unwrap_or_default();
            let program = state.programs.of(&c).info.title.clone();
            context! {
                slug => c.slug, name => c.name, starts_on => c.starts_on.to_string(),
                ends_on => c.ends_on.map(|d| d.to_string()), pace => c.pace.to_string(), visibility => c.visibility.to_string(),
                program,
                participants => f.participants, active => f.active, finished => f.finished, failing => f.failing,
            }
        })
        .collect();
    // ISO dates and moments: the template writes them in the reader's language.
    let day = |at: Option<chrono::DateTime<Utc>>| at.map(|at| at.date_naive().to_string());
    let tokens: Vec<minijinja::Value> = crate::auth::api_tokens(&state.db, Some(&person))
        .await?
        .into_iter()
        .map(|t| {
            let state = match (t.token.revoked_at, t.live(now)) {
                (Some(_), _) => "revoked",
                (None, true) => "active",
                (None, false) => "expired",
            };
            context! {
                id => t.token.id, created => day(Some(t.token.created_at)), last_used => day(t.token.last_used_at),
                expires => day(t.token.expires_at), state,
            }
        })
        .collect();
    let link_reports: Vec<minijinja::Value> = crate::lessons::links::latest(&state.db)
        .await?
        .into_iter()
        .map(|r| {
            let dead: Vec<minijinja::Value> = r
                .links
                .iter()
                .filter_map(|l| match &l.verdict {
                    Verdict::Dead(why) => Some(context! {
                        file => l.file.clone(), line => l.line, url => l.url.clone(),
                        why => why.say(current.locale()),
                    }),
                    _ => None,
                })
                .collect();
            let title = state
                .programs
                .get(&r.program)
                .map_or(r.program.clone(), |p| p.info.title.clone());
            context! {
                title, checked => format!("{} UTC", r.checked_at.to_rfc3339()),
                links => r.links.len(), dead,
            }
        })
        .collect();
    current.render(
        "coordinator.html",
        context! { cohorts => rows, tokens, email => person.email, link_reports },
    )
}

/// `POST /coordinator/tokens/{id}/revoke`: a coordinator revokes one of their API tokens.
pub async fn revoke_token(
    State(state): State<AppState>,
    Coordinator { person, .. }: Coordinator,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    if !crate::auth::revoke_api_token(&state.db, id, Some(&person), Utc::now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/coordinator#tokens-heading").into_response())
}

/// The settings form, with each problem next to its field.
fn form_page(
    state: &AppState,
    current: &CurrentPerson,
    status: StatusCode,
    slug: Option<&str>,
    form: &settings::Form,
    problems: &[Problem],
) -> Result<Response, AppError> {
    let problems: BTreeMap<&'static str, String> = problems
        .iter()
        .map(|p| (p.field, p.say(current.locale())))
        .collect();
    let programs: Vec<minijinja::Value> = state
        .programs
        .iter()
        .map(|p| context! { slug => p.slug(), title => p.info.title.clone(), lessons => p.lessons.len(), weeks => p.weeks() })
        .collect();
    let page = current.render(
        "cohort-settings.html",
        context! {
            slug, form => minijinja::Value::from(minijinja::value::Serde(form)), problems, programs,
            weekdays => ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        },
    )?;
    Ok((status, page).into_response())
}

/// `GET /coordinator/cohorts/new`
pub async fn new_form(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
) -> Result<Response, AppError> {
    form_page(
        &state,
        &current,
        StatusCode::OK,
        None,
        &settings::Form::blank(),
        &[],
    )
}

/// `POST /coordinator/cohorts/new`: creates the cohort, or shows the form again with every
/// problem and creates nothing.
pub async fn create(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Form(form): Form<settings::Form>,
) -> Result<Response, AppError> {
    let slug = settings::check_slug(&form.slug).map_err(|e| Problem::new("slug", e));
    let parsed = form.settings();
    let program = cohorts::program_for(&state.programs, &form.program);
    let (slug, settings, program) = match (slug, parsed, program) {
        (Ok(slug), Ok(settings), Ok(program)) => (slug, settings, program),
        (slug, parsed, program) => {
            let mut problems: Vec<Problem> = slug.err().into_iter().collect();
            problems.extend(parsed.err().unwrap_or_default());
            problems.extend(program.err());
            return form_page(
                &state,
                &current,
                StatusCode::BAD_REQUEST,
                None,
                &form,
                &problems,
            );
        }
    };
    let new = NewCohort {
        slug,
        settings,
        program,
    };
    match cohorts::create(&state.db, new, Utc::now()).await {
        Ok(created) => {
            Ok(Redirect::to(&format!("/coordinator/cohorts/{}", created.slug)).into_response())
        }
        Err(CreateError::Db(e)) => Err(e.into()),
        Err(e) => form_page(
            &state,
            &current,
            StatusCode::BAD_REQUEST,
            None,
            &form,
            &e.problems(),
        ),
    }
}

/// `GET /coordinator/cohorts/{slug}/settings`
pub async fn edit_form(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    form_page(
        &state,
        &current,
        StatusCode::OK,
        Some(&cohort.slug),
        &settings::Form::of(&cohort),
        &[],
    )
}

/// `POST /coordinator/cohorts/{slug}/settings`: the same checks as creating; the slug stays.
pub async fn update(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Form(mut form): Form<settings::Form>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    form.slug = cohort.slug.clone();
    form.program = cohort.program.clone();
    let settings = match form.settings() {
        Ok(settings) => settings,
        Err(problems) => {
            return form_page(
                &state,
                &current,
                StatusCode::BAD_REQUEST,
                Some(&cohort.slug),
                &form,
                &problems,
            );
        }
    };
    match cohorts::update(&state.db, cohort, settings).await {
        Ok(updated) => Ok(Redirect::to(&format!(
            "/coordinator/cohorts/{}?notice=saved",
            updated.slug
        ))
        .into_response()),
        Err(CreateError::Db(e)) => Err(e.into()),
        Err(e) => form_page(
            &state,
            &current,
            StatusCode::BAD_REQUEST,
            Some(slug.as_str()),
            &form,
            &e.problems(),
        ),
    }
}
