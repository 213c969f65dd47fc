//! `/coordinator/cohorts/{slug}/together`: learning partners (pair everyone who asked, pair
//! two people by hand, end a partnership) and mentors (make someone a mentor of chosen
//! participants, or stop).

use crate::cohorts::Slug;
use crate::web::extract::Id;
use std::collections::{HashMap, HashSet};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::{Value, context};
use serde::Deserialize;

use super::cohort;
use crate::entities::cohort as cohort_entity;
use crate::i18n::{self, Locale, Refusal, Text};
use crate::people::{Email, check_name};
use crate::together::mentors;
use crate::together::partners;
use crate::web::auth::{Coordinator, CurrentPerson};
use crate::web::extract::{Form, Path, Query, positive};
use crate::web::{AppError, AppState};

#[derive(Deserialize)]
pub struct NoticeQuery {
    notice: Option<String>,
    paired: Option<usize>,
    waiting: Option<usize>,
}

/// What a notice code in the address says, in `locale`.
fn notice(query: &NoticeQuery, locale: Locale) -> Option<String> {
    let key = match query.notice.as_deref()? {
        "paired" => {
            let paired = i18n::message(
                locale,
                "coord-notice-paired",
                &[("paired", query.paired.unwrap_or_default().into())],
            );
            let waiting = query.waiting.unwrap_or_default();
            return Some(if waiting == 0 {
                paired
            } else {
                let still = i18n::message(
                    locale,
                    "coord-notice-waiting",
                    &[("waiting", waiting.into())],
                );
                format!("{paired} {still}")
            });
        }
        "pair" => "coord-notice-pair",
        "ended" => "coord-notice-ended",
        "mentor" => "coord-notice-mentor",
        "unmentored" => "coord-notice-unmentored",
        _ => return None,
    };
    Some(i18n::message(locale, key, &[]))
}

async fn page(
    state: &AppState,
    current: &CurrentPerson,
    cohort: &cohort_entity::Model,
    notice: Option<String>,
    problem: Option<String>,
) -> Result<Html<String>, AppError> {
    let people = crate::progress::cohort_progress(&state.db, cohort).await?;
    let names: HashMap<i32, &str> = people.iter().map(|p| (p.id, p.name.as_str())).collect();
    let left = i18n::message(current.locale(), "coord-left-cohort", &[]);
    let name = |id: Option<i32>| {
        id.and_then(|id| names.get(&id).copied())
            .unwrap_or(&left)
            .to_owned()
    };
    let (open, asked) = partners::of_cohort(&state.db, cohort).await?;
    let pairs: Vec<Value> = open
        .iter()
        .map(|p| context! { id => p.id, first => name(p.first_id), second => name(p.second_id) })
        .collect();
    let waiting: Vec<String> = asked.iter().map(|id| name(Some(*id))).collect();
    let mut mentors_view: Vec<(String, String, Vec<Value>)> = Vec::new();
    for listed in mentors::of_cohort(&state.db, cohort).await? {
        let mentee = context! { id => listed.id, name => name(Some(listed.mentee_id)) };
        match mentors_view.last_mut() {
            Some((email, _, mentees)) if *email == listed.mentor.email => mentees.push(mentee),
            _ => mentors_view.push((listed.mentor.email, listed.mentor.name, vec![mentee])),
        }
    }
    let mentors_view: Vec<Value> = mentors_view
        .into_iter()
        .map(|(email, name, mentees)| context! { email, name, mentees })
        .collect();
    let choices: Vec<Value> = people
        .iter()
        .filter(|p| p.finished_at.is_none())
        .map(|p| context! { id => p.id, name => p.name.clone(), email => p.email.clone() })
        .collect();
    current.render(
        "coordinator-together.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            notice, problem, pairs, waiting, mentors => mentors_view, choices,
        },
    )
}

/// The page again with what to fix, a sentence in the reader's language (400; nothing
/// changed).
async fn refused(
    state: &AppState,
    current: &CurrentPerson,
    cohort: &cohort_entity::Model,
    problem: String,
) -> Result<Response, AppError> {
    let page = page(state, current, cohort, None, Some(problem)).await?;
    Ok((StatusCode::BAD_REQUEST, page).into_response())
}

/// Back to the page with `notice` when taken, or the page again with why it was refused.
async fn answer<T, E: Refusal>(
    state: &AppState,
    current: &CurrentPerson,
    cohort: &cohort_entity::Model,
    outcome: Result<T, E>,
    notice: &str,
) -> Result<Response, AppError> {
    match outcome {
        Ok(_) => Ok(back(cohort, &format!("notice={notice}"))),
        Err(e) => {
            let problem = e.refusal()?.say(current.locale());
            refused(state, current, cohort, problem).await
        }
    }
}

fn back(cohort: &cohort_entity::Model, query: &str) -> Response {
    Redirect::to(&format!(
        "/coordinator/cohorts/{}/together?{query}",
        cohort.slug
    ))
    .into_response()
}

pub async fn show(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Query(query): Query<NoticeQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    page(
        &state,
        &current,
        &cohort,
        notice(&query, current.locale()),
        None,
    )
    .await
}

/// `POST .../together/pair-everyone`: pairs everyone who asked.
pub async fn pair_everyone(
    State(state): State<AppState>,
    Coordinator { .. }: Coordinator,
    Path(slug): Path<Slug>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let done: HashMap<i32, usize> = crate::progress::cohort_progress(&state.db, &cohort)
        .await?
        .into_iter()
        .map(|p| (p.id, p.completed.len()))
        .collect();
    let paired = partners::pair_everyone(&state.db, &cohort, &done, Utc::now()).await?;
    Ok(back(
        &cohort,
        &format!(
            "notice=paired&paired={}&waiting={}",
            paired.pairs.len(),
            paired.waiting.len()
        ),
    ))
}

#[derive(Deserialize)]
pub struct PairForm {
    #[serde(default)]
    first: String,
    #[serde(default)]
    second: String,
}

/// `POST .../together/pairs`: two people paired by hand.
pub async fn pair(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Form(form): Form<PairForm>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let (Some(first), Some(second)) = (positive(Some(&form.first))?, positive(Some(&form.second))?)
    else {
        let problem = i18n::message(current.locale(), "problem-choose-two", &[]);
        return refused(&state, &current, &cohort, problem).await;
    };
    let paired = partners::pair_by_hand(&state.db, &cohort, first, second, Utc::now()).await;
    answer(&state, &current, &cohort, paired, "pair").await
}

/// `POST .../together/pairs/{id}/end`.
pub async fn end_pair(
    State(state): State<AppState>,
    Coordinator { .. }: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let Id(id) = id;
    if !partners::end_by_coordinator(&state.db, &cohort, id, Utc::now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(back(&cohort, "notice=ended"))
}

/// `POST .../together/mentors` with `email`, `name` and one `mentee-ID=on` per mentee.
pub async fn add_mentor(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    let locale = current.locale();
    let wrong =
        |key: &str, e: Text| i18n::message(locale, key, &[("problem", e.say(locale).into())]);
    let email = match Email::check(field("email")) {
        Ok(email) => email,
        Err(e) => {
            let problem = wrong("problem-mentor-address", e);
            return refused(&state, &current, &cohort, problem).await;
        }
    };
    let name = match check_name(field("name")) {
        Ok(name) => name,
        Err(e) => {
            let problem = wrong("problem-mentor-name", e);
            return refused(&state, &current, &cohort, problem).await;
        }
    };
    let mentees: HashSet<i32> = form
        .iter()
        .filter(|(_, value)| value.as_str() == "on")
        .filter_map(|(key, _)| key.strip_prefix("mentee-")?.parse().ok())
        .collect();
    let mentees: Vec<i32> = mentees.into_iter().collect();
    let assigned = mentors::assign(&state.db, &cohort, (&email, &name), &mentees, Utc::now()).await;
    answer(&state, &current, &cohort, assigned, "mentor").await
}

/// `POST .../together/mentors/{id}/remove`: the mentor stops seeing that participant.
pub async fn remove_mentor(
    State(state): State<AppState>,
    Coordinator { .. }: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let Id(id) = id;
    if !mentors::remove(&state.db, &cohort, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(back(&cohort, "notice=unmentored"))
}
