//! `/cohorts/{slug}/posts`: the river, filtered by thing or person, 50 posts a page.

use crate::web::extract::{Path, Query};
use axum::extract::State;
use axum::response::Html;
use chrono_tz::Tz;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::{Deserialize, Serialize};

use crate::cohorts;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::{cohort, participant, person};
use crate::feeds::river::{self, Filter, RiverPost};
use crate::web::auth::CurrentPerson;
use crate::web::{AppError, AppState, view};

pub const PER_PAGE: u64 = 50;

#[derive(Deserialize)]
pub struct RiverQuery {
    thing: Option<String>,
    person: Option<String>,
    page: Option<String>,
}

/// A post as the templates show it.
#[derive(Serialize)]
pub struct PostView {
    id: i32,
    participant_id: i32,
    author: String,
    title: String,
    link: Option<String>,
    excerpt: String,
    date: String,
    things: Vec<i32>,
    reason: Option<String>,
}

pub fn post_views(posts: Vec<RiverPost>, timezone: Tz) -> Vec<PostView> {
    posts
        .into_iter()
        .map(|p| PostView {
            id: p.id,
            participant_id: p.participant_id,
            date: view::date(p.published_at, timezone),
            author: p.author,
            title: p.title,
            link: p.link,
            excerpt: p.excerpt,
            things: p.things,
            reason: p.reason,
        })
        .collect()
}

fn number(value: Option<&str>, what: &str) -> Result<Option<i32>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<i32>()
            .ok()
            .filter(|n| *n >= 1)
            .map(Some)
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "`{what}` must be a whole number of 1 or more, not {v:?}."
                ))
            }),
    }
}

/// A cohort that strangers may read, or why not.
pub async fn readable_cohort(state: &AppState, slug: &str) -> Result<cohort::Model, AppError> {
    let cohort = cohorts::find(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    if !cohorts::is_public(&cohort) {
        return Err(AppError::Forbidden(format!(
            "{} is open to its members only.",
            cohort.name
        )));
    }
    Ok(cohort)
}

/// Participant `id` of `cohort` with their person, or 404.
pub async fn member_of(
    state: &AppState,
    cohort: &cohort::Model,
    id: &str,
) -> Result<(participant::Model, person::Model), AppError> {
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    participant::Entity::find_by_id(id)
        .filter(participant::Column::CohortId.eq(cohort.id))
        .find_also_related(person::Entity)
        .one(&state.db)
        .await?
        .and_then(|(m, p)| Some((m, p?)))
        .ok_or(AppError::NotFound)
}

pub async fn show(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(slug): Path<String>,
    Query(query): Query<RiverQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = readable_cohort(&state, &slug).await?;
    let filter = Filter {
        thing: number(query.thing.as_deref(), "thing")?,
        participant: number(query.person.as_deref(), "person")?,
    };
    if filter.thing.is_some_and(|n| state.program.get(n).is_none()) {
        return Err(AppError::BadRequest(
            "There is no such thing in the program.".into(),
        ));
    }
    let page = number(query.page.as_deref(), "page")?.unwrap_or(1);
    let river::RiverPage { posts, total, more } = river::page(
        &state.db,
        &cohort,
        filter,
        u64::try_from(page).unwrap_or(1),
        PER_PAGE,
    )
    .await?;
    let pages = total.exact().map(|n| n.div_ceil(PER_PAGE).max(1));
    let total = match total {
        river::Total::Exact(n) => Value::from(n),
        river::Total::MoreThan(n) => Value::from(format!("More than {n}")),
    };
    let people = crate::progress::names(&state.db, &cohort).await?;
    let person_name = filter
        .participant
        .and_then(|id| people.iter().find(|(p, _)| *p == id))
        .map(|(_, name)| name.clone());
    let link = |page: u64| {
        let mut parts = Vec::new();
        if let Some(thing) = filter.thing {
            parts.push(format!("thing={thing}"));
        }
        if let Some(person) = filter.participant {
            parts.push(format!("person={person}"));
        }
        parts.push(format!("page={page}"));
        format!("/cohorts/{}/posts?{}", cohort.slug, parts.join("&"))
    };
    let page = u64::try_from(page).unwrap_or(1);
    current.render(
        "river.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            posts => Value::from(Serde(post_views(posts, cohorts::timezone(&cohort)))),
            total,
            page,
            pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => more.then(|| link(page + 1)),
            thing => filter.thing,
            thing_title => filter.thing.and_then(|n| state.program.get(n)).map(|l| l.title.clone()),
            person => filter.participant,
            person_name,
            lessons => Value::from(Serde(state.program.lessons.iter().map(|l| (l.number, l.title.clone())).collect::<Vec<_>>())),
            people => Value::from(Serde(&people)),
        },
    )
}
