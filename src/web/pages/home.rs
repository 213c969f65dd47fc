//! `/`: the cohorts, this week's lessons, and on a fresh install the next step.

use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::access;
use crate::cohorts;
use crate::web::access::Looking;
use crate::web::{AppError, AppState, view};

#[derive(Serialize)]
struct CohortCard {
    slug: String,
    name: String,
    starts: String,
    /// When it ended, for a cohort that has.
    ended: Option<String>,
    public: bool,
    /// Where the cohort's program keeps its lessons, and its word for one.
    lessons_path: String,
    word: String,
    week: i32,
    weeks: i32,
    participants: u64,
    this_week: Vec<LessonLink>,
}

#[derive(Serialize)]
struct LessonLink {
    number: i32,
    title: String,
}

pub async fn show(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
) -> Result<Html<String>, AppError> {
    let now = Utc::now();
    let all = cohorts::list(&state.db).await?;
    let coordinators = crate::people::coordinator_count(&state.db).await?;
    let mut cards = Vec::new();
    for cohort in access::visible_cohorts(&viewer, &all) {
        let ended = cohorts::ended(cohort, now);
        let program = state.programs.of(cohort);
        let (week, lessons) = cohorts::this_week(cohort, program, now);
        let lessons = if ended { Vec::new() } else { lessons };
        let participants = cohorts::participant_count(&state.db, cohort).await?;
        cards.push(CohortCard {
            slug: cohort.slug.clone(),
            name: cohort.name.clone(),
            starts: view::iso_date(cohorts::week_opens(cohort, 1), cohorts::timezone(cohort)),
            ended: cohort.ends_on.filter(|_| ended).map(|d| d.to_string()),
            public: cohorts::is_public(cohort),
            lessons_path: program.lessons_path(),
            word: program.word().to_owned(),
            week,
            weeks: program.weeks(),
            participants,
            this_week: lessons
                .into_iter()
                .map(|l| LessonLink {
                    number: l.number,
                    title: l.title.clone(),
                })
                .collect(),
        });
    }
    let default = state.programs.default_program();
    let first_week: Vec<LessonLink> = default
        .in_week(1)
        .map(|l| LessonLink {
            number: l.number,
            title: l.title.clone(),
        })
        .collect();
    current.render(
        "home.html",
        context! {
            cohorts => Value::from(Serde(&cards)),
            fresh_install => all.is_empty(),
            has_coordinator => coordinators > 0,
            lesson_count => default.lessons.len(),
            weeks => default.weeks(),
            program => view::program(default),
            programs => state.programs.len(),
            first_week => Value::from(Serde(&first_week)),
        },
    )
}
