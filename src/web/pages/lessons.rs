//! `/lessons` and `/lessons/{number}`: the program, paced by the public schedule.

use crate::web::extract::Path;
use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::access::{self, LessonAccess};
use crate::cohorts;
use crate::entities::cohort;
use crate::lessons::Lesson;
use crate::together::{experts, highlights};
use crate::web::access::Looking;
use crate::web::{AppError, AppState, view};

#[derive(Serialize)]
struct LessonView<'a> {
    number: i32,
    title: &'a str,
    week: i32,
    minutes: Option<i32>,
    required: bool,
    open: bool,
    /// When it opens, for a lesson not yet open.
    opens: Option<String>,
}

fn lesson_view(lesson: &Lesson, access: LessonAccess) -> LessonView<'_> {
    LessonView {
        number: lesson.number,
        title: &lesson.title,
        week: lesson.week,
        minutes: lesson.minutes,
        required: lesson.required,
        open: access == LessonAccess::Open,
        opens: match access {
            LessonAccess::OpensAt(at, timezone) => Some(view::datetime(at, timezone)),
            _ => None,
        },
    }
}

#[derive(Serialize)]
struct Week<'a> {
    number: i32,
    lessons: Vec<LessonView<'a>>,
}

pub async fn index(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
) -> Result<Html<String>, AppError> {
    let all = cohorts::list(&state.db).await?;
    let now = Utc::now();
    let weeks: Vec<Week> = (1..=state.program.weeks())
        .map(|week| Week {
            number: week,
            lessons: state
                .program
                .in_week(week)
                .map(|l| lesson_view(l, access::lesson(&viewer, l, &all, now)))
                .collect(),
        })
        .collect();
    current.render(
        "lessons.html",
        context! { weeks => Value::from(Serde(&weeks)), preview => all.is_empty() },
    )
}

pub async fn show(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    Path(number): Path<String>,
) -> Result<Html<String>, AppError> {
    let number: i32 = number.parse().map_err(|_| AppError::NotFound)?;
    let lesson = state.program.get(number).ok_or(AppError::NotFound)?;
    let all = cohorts::list(&state.db).await?;
    let access = access::lesson(&viewer, lesson, &all, Utc::now());
    let readable: Vec<&cohort::Model> = access::visible_cohorts(&viewer, &all).collect();
    let (written, models) = if access == LessonAccess::Open {
        (
            crate::feeds::river::about_lesson(&state.db, &readable, number, 20).await?,
            highlights::for_lesson(&state.db, &readable, number).await?,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let slug_of = |id: i32| readable.iter().find(|c| c.id == id).map(|c| c.slug.clone());
    let models: Vec<Value> = models
        .into_iter()
        .map(|h| {
            context! {
                slug => slug_of(h.cohort_id), author => h.author, participant => h.highlight.participant_id,
                title => h.post.title, link => h.post.link, excerpt => h.post.excerpt,
                note => h.highlight.note, by => h.by,
            }
        })
        .collect();
    let written: Vec<Value> = written
        .into_iter()
        .map(|(slug, post)| {
            context! {
                slug, author => post.author, title => post.title, link => post.link, excerpt => post.excerpt,
                id => post.id, participant => post.participant_id, date => view::date(post.published_at, chrono_tz::Tz::UTC),
                may_highlight => highlights::may_highlight(&viewer, post.participant_id),
            }
        })
        .collect();
    let experts = experts::names(&state.db, lesson).await?;
    let previous = state
        .program
        .get(number - 1)
        .map(|l| lesson_view(l, LessonAccess::Open));
    let next = state
        .program
        .get(number + 1)
        .map(|l| lesson_view(l, LessonAccess::Open));
    current.render(
        "lesson.html",
        context! {
            lesson => Value::from(Serde(lesson_view(lesson, access))),
            body => (access == LessonAccess::Open).then_some(lesson.body_html.as_str()),
            tags => Value::from(Serde(&lesson.tags)),
            written,
            models,
            experts,
            previous => Value::from(Serde(&previous)),
            next => Value::from(Serde(&next)),
        },
    )
}
