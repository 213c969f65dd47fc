//! `/cohorts/{slug}`: a cohort's calendar and everyone's progress.

use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::cohorts;
use crate::progress;
use crate::web::access::ReadableCohort;
use crate::web::{AppError, AppState, view};

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
) -> Result<Html<String>, AppError> {
    let now = Utc::now();
    let timezone = cohorts::timezone(&cohort);
    let weeks: Vec<WeekView> = (1..=state.program.weeks())
        .map(|week| {
            let opens = cohorts::week_opens(&cohort, week);
            WeekView {
                number: week,
                opens: view::datetime(opens, timezone),
                open: opens <= now,
                lessons: state
                    .program
                    .in_week(week)
                    .map(|l| (l.number, l.title.clone()))
                    .collect(),
            }
        })
        .collect();
    let required = state.program.required_count();
    let participants: Vec<ParticipantView> = progress::cohort_progress(&state.db, &cohort)
        .await?
        .into_iter()
        .map(|p| ParticipantView {
            id: p.id,
            done: p.completed.len(),
            percent: view::percent(p.completed.len(), required),
            finished: p.finished_at.is_some(),
            name: p.name,
            blog: p.blog,
        })
        .collect();
    let starts = view::date(cohorts::week_opens(&cohort, 1), timezone);
    current.render(
        "cohort.html",
        context! {
            cohort => context! {
                slug => cohort.slug,
                name => cohort.name,
                starts,
                timezone => cohort.timezone,
                self_paced => cohort.pace == cohorts::Pace::SelfPaced.as_str(),
            },
            weeks => Value::from(Serde(&weeks)),
            participants => Value::from(Serde(&participants)),
            required,
        },
    )
}
