//! `/cohorts/{slug}`: a cohort's calendar, where to read everyone's posts and follow them,
//! and its people a page at a time, findable by name.

use crate::web::extract::{Query, positive};
use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::{Deserialize, Serialize};

use crate::cohorts;
use crate::progress::people::{self, Search};
use crate::web::access::ReadableCohort;
use crate::web::{AppError, AppState, view};

/// People a page shows.
pub const PEOPLE_PER_PAGE: u64 = 50;

#[derive(Deserialize)]
pub struct CohortQuery {
    q: Option<String>,
    page: Option<String>,
}

#[derive(Serialize)]
struct WeekView {
    number: i32,
    opens: String,
    open: bool,
    lessons: Vec<(i32, String)>,
}

#[derive(Serialize)]
struct ParticipantView {
    id: i32,
    name: String,
    blog: String,
    done: usize,
    percent: usize,
    finished: bool,
}

pub async fn show(
    State(state): State<AppState>,
    ReadableCohort {
        cohort, current, ..
    }: ReadableCohort,
    Query(query): Query<CohortQuery>,
) -> Result<Html<String>, AppError> {
    let now = Utc::now();
    let timezone = cohorts::timezone(&cohort);
    let program = state.programs.of(&cohort);
    let weeks: Vec<WeekView> = (1..=program.weeks())
        .map(|week| {
            let opens = cohorts::week_opens(&cohort, week);
            WeekView {
                number: week,
                opens: view::iso_datetime(opens, timezone),
                open: opens <= now,
                lessons: program
                    .in_week(week)
                    .map(|l| (l.number, l.title.clone()))
                    .collect(),
            }
        })
        .collect();
    let search = Search {
        name: query.q.clone().filter(|q| !q.trim().is_empty()),
    };
    let page = u64::try_from(positive(query.page.as_deref())?.unwrap_or(1)).unwrap_or(1);
    let kept = state
        .caches
        .people
        .get_or_read(
            &state.db,
            (cohort.id, search.name.clone(), page),
            || async {
                let (people, total) =
                    people::page(&state.db, &cohort, &search, page, PEOPLE_PER_PAGE).await?;
                Ok((people, total, cohorts::figures(&state.db, &cohort).await?))
            },
        )
        .await?;
    let (people, total, figures) = (*kept).clone();
    let required = program.required_count();
    let participants: Vec<ParticipantView> = people
        .into_iter()
        .map(|p| {
            let done = p
                .completed
                .iter()
                .filter(|n| program.get(**n).is_some_and(|l| l.required))
                .count();
            ParticipantView {
                id: p.id,
                done,
                percent: view::percent(done, required),
                finished: p.finished_at.is_some(),
                name: p.name,
                blog: p.blog,
            }
        })
        .collect();
    let pages = total.div_ceil(PEOPLE_PER_PAGE).max(1);
    let link = |page: u64| {
        let q = search
            .name
            .as_deref()
            .map(|q| {
                format!(
                    "q={}&",
                    url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
                )
            })
            .unwrap_or_default();
        format!("/cohorts/{}?{q}page={page}#people", cohort.slug)
    };
    current
        .in_program_language(&state.programs.of(&cohort).info.language)
        .render(
        "cohort.html",
        context! {
            cohort => context! {
                slug => cohort.slug.clone(),
                name => cohort.name.clone(),
                starts => view::iso_date(cohorts::week_opens(&cohort, 1), timezone),
                ended => cohorts::ended(&cohort, now).then(|| cohort.ends_on.map(|d| d.to_string())),
                timezone => cohort.timezone.clone(),
                self_paced => cohort.pace == cohorts::Pace::SelfPaced,
                public => cohorts::is_public(&cohort),
                joinable => !cohorts::ended(&cohort, now),
            },
            weeks => Value::from(Serde(&weeks)),
            program => view::program(program),
            participants => Value::from(Serde(&participants)),
            required,
            figures => Value::from(Serde(&figures)),
            q => search.name.clone().unwrap_or_default(),
            total, page, pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => (page < pages).then(|| link(page + 1)),
        },
    )
}
