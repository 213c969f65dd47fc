//! A program's lessons, paced by the public schedule: `/lessons` and `/lessons/{number}`
//! for the default program, `/programs/{slug}` and `/programs/{slug}/lessons/{number}` for
//! the others (the default program's addresses there redirect to `/lessons`).

use crate::web::extract::{Id, Path};
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::access::{self, LessonAccess, Viewer};
use crate::cohorts;
use crate::entities::cohort;
use crate::lessons::{Lesson, Program};
use crate::together::{experts, highlights};
use crate::web::access::Looking;
use crate::web::auth::CurrentPerson;
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
            LessonAccess::OpensAt(at, timezone) => Some(view::iso_datetime(at, timezone)),
            _ => None,
        },
    }
}

#[derive(Serialize)]
struct Week<'a> {
    number: i32,
    lessons: Vec<LessonView<'a>>,
}

/// The program's cohorts, and the viewer as far as this program goes: their places in
/// its cohorts only, so that another program's calendar opens nothing here.
async fn within(
    state: &AppState,
    program: &Program,
    viewer: Viewer,
) -> Result<(Vec<cohort::Model>, Viewer), AppError> {
    let ours: Vec<cohort::Model> = cohorts::list(&state.db)
        .await?
        .into_iter()
        .filter(|c| c.program == program.slug())
        .collect();
    let viewer = Viewer {
        memberships: viewer
            .memberships
            .into_iter()
            .filter(|(_, c)| c.program == program.slug())
            .collect(),
        ..viewer
    };
    Ok((ours, viewer))
}

/// What every program page says about the program: its names, licence and attribution.
fn about(program: &Program) -> Value {
    let info = &program.info;
    context! {
        description => info.description.clone(), language => info.language.clone(),
        licence => info.licence.clone(), licence_url => info.licence_url.clone(),
        attribution => info.attribution.clone(), attribution_url => info.attribution_url.clone(),
        version => program.content_hash.get(..12).unwrap_or_default(),
    }
}

async fn index_of(
    state: &AppState,
    program: &Program,
    viewer: Viewer,
    current: &CurrentPerson,
) -> Result<Html<String>, AppError> {
    let (ours, viewer) = within(state, program, viewer).await?;
    let now = Utc::now();
    let weeks: Vec<Week> = (1..=program.weeks())
        .map(|week| Week {
            number: week,
            lessons: program
                .in_week(week)
                .map(|l| lesson_view(l, access::lesson(&viewer, l, &ours, now)))
                .collect(),
        })
        .collect();
    current.render(
        "lessons.html",
        context! {
            weeks => Value::from(Serde(&weeks)), preview => ours.is_empty(),
            program => view::program(program), about => about(program),
            several => state.programs.len() > 1,
        },
    )
}

async fn lesson_of(
    state: &AppState,
    program: &Program,
    number: i32,
    viewer: Viewer,
    current: &CurrentPerson,
) -> Result<Html<String>, AppError> {
    let lesson = program.get(number).ok_or(AppError::NotFound)?;
    let (ours, viewer) = within(state, program, viewer).await?;
    let access = access::lesson(&viewer, lesson, &ours, Utc::now());
    let readable: Vec<&cohort::Model> = access::visible_cohorts(&viewer, &ours).collect();
    let (written, models) = if access == LessonAccess::Open {
        let key = (readable.iter().map(|c| c.id).collect(), number);
        let kept = state
            .caches
            .lessons
            .get_or_read(&state.db, key, || async {
                Ok((
                    crate::feeds::river::about_lesson(&state.db, &readable, number, 20).await?,
                    highlights::for_lesson(&state.db, &readable, number).await?,
                ))
            })
            .await?;
        (*kept).clone()
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
                id => post.id, participant => post.participant_id, date => view::iso_date(post.published_at, chrono_tz::Tz::UTC),
                may_highlight => highlights::may_highlight(&viewer, post.participant_id),
            }
        })
        .collect();
    let experts = experts::names(&state.db, lesson).await?;
    let previous = program
        .get(number - 1)
        .map(|l| lesson_view(l, LessonAccess::Open));
    let next = program
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
            program => view::program(program),
        },
    )
}

/// `GET /lessons`: the default program.
pub async fn index(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
) -> Result<Html<String>, AppError> {
    index_of(&state, state.programs.default_program(), viewer, &current).await
}

/// `GET /lessons/{number}`: a lesson of the default program.
pub async fn show(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    Path(Id(number)): Path<Id>,
) -> Result<Html<String>, AppError> {
    lesson_of(
        &state,
        state.programs.default_program(),
        number,
        viewer,
        &current,
    )
    .await
}

/// `GET /programs`: every program on this server, with the cohorts of each the viewer may
/// know of.
pub async fn programs(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
) -> Result<Html<String>, AppError> {
    let all = cohorts::list(&state.db).await?;
    let all: Vec<&cohort::Model> = access::visible_cohorts(&viewer, &all).collect();
    let programs: Vec<Value> = state
        .programs
        .iter()
        .map(|p| {
            context! {
                program => view::program(p), about => about(p),
                cohorts => all.iter().filter(|c| c.program == p.slug()).count(),
            }
        })
        .collect();
    current.render("programs.html", context! { programs })
}

/// `GET /programs/{slug}`: a program's lessons (the default program's are at `/lessons`).
pub async fn program(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let program = state.programs.get(&slug).ok_or(AppError::NotFound)?;
    if program.default {
        return Ok(Redirect::permanent(&program.path()).into_response());
    }
    Ok(index_of(&state, program, viewer, &current)
        .await?
        .into_response())
}

/// `GET /programs/{slug}/lessons/{number}`.
pub async fn program_lesson(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    Path((slug, Id(number))): Path<(String, Id)>,
) -> Result<Response, AppError> {
    let program = state.programs.get(&slug).ok_or(AppError::NotFound)?;
    if program.default {
        program.get(number).ok_or(AppError::NotFound)?;
        return Ok(Redirect::permanent(&program.lesson_path(number)).into_response());
    }
    Ok(lesson_of(&state, program, number, viewer, &current)
        .await?
        .into_response())
}
