//! `/coordinator/cohorts/{slug}/people/{id}`: everything about one participant, a mark or
//! unmark form per lesson (posting to the override route), "re-poll now" and "fix the feed
//! address".

use crate::cohorts::Slug;
use crate::i18n::Text;
use crate::progress::recognise::reason_text;
use crate::web::extract::Id;
use crate::web::extract::{Form, Path, Query};
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use super::cohort;
use super::member_of;
use crate::cohorts;
use crate::feeds::{self, health};
use crate::i18n::{self, Locale};
use crate::people::BlogUrl;
use crate::poller::Read;
use crate::progress::completions;
use crate::progress::standing::{self, LessonState};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState, view};

#[derive(Deserialize)]
pub struct PersonQuery {
    notice: Option<String>,
    thing: Option<i32>,
    added: Option<usize>,
}

/// What a notice code in the address says after a form on this page was sent, in
/// `locale`; `word` is the program's word for a lesson.
fn notice(query: &PersonQuery, locale: Locale, word: &str) -> Option<String> {
    let thing = query.thing.unwrap_or_default();
    let lesson = [("word", word.into()), ("thing", thing.into())];
    let key = match query.notice.as_deref()? {
        "marked" => return Some(i18n::message(locale, "coord-notice-marked", &lesson)),
        "unmarked" => return Some(i18n::message(locale, "coord-notice-unmarked", &lesson)),
        "read" => {
            let added = query.added.unwrap_or_default();
            return Some(i18n::message(
                locale,
                "coord-notice-read",
                &[("added", added.into())],
            ));
        }
        "marked-many" => "coord-notice-marked-many",
        "unmarked-many" => "coord-notice-unmarked-many",
        "unchanged" => "coord-notice-unchanged",
        "busy" => "coord-notice-busy",
        "deferred" => "coord-notice-deferred",
        "failed" => "coord-notice-failed",
        "gone" => "coord-notice-gone",
        "no-feed" => "coord-notice-no-feed",
        "found" => "coord-notice-found",
        "not-found" => "coord-notice-not-found",
        _ => return None,
    };
    Some(i18n::message(locale, key, &[]))
}

pub async fn show(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
    Query(query): Query<PersonQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let (member, person) = member_of(&state, &cohort, id).await?;
    let now = Utc::now();
    let tz = cohorts::timezone(&cohort);
    let standing =
        standing::standing(&state.db, state.programs.of(&cohort), &cohort, &member, now).await?;
    let feed = feeds::of_member(&state.db, &member).await?;
    let overrides = completions::override_history(&state.db, &member).await?;
    let lessons: Vec<minijinja::Value> = standing
        .lessons
        .iter()
        .map(|l| {
            let (state_name, date, source, evidence) = match &l.state {
                LessonState::Done { source, at, evidence } => {
                    ("done", view::iso_date(*at, tz), Some(*source), evidence.clone())
                }
                LessonState::Open { opened_at } => ("open", view::iso_date(*opened_at, tz), None, None),
                LessonState::Locked { opens_at } => ("locked", view::iso_date(*opens_at, tz), None, None),
            };
            context! {
                number => l.number, title => l.title.clone(), required => l.required,
                state => state_name, date, source, done => state_name == "done",
                evidence => evidence.map(|e| context! { title => e.title, link => e.link, reason => e.reason.as_deref().map(|r| reason_text(r).say(current.locale())) }),
            }
        })
        .collect();
    let history: Vec<minijinja::Value> = overrides
        .iter()
        .map(|o| {
            context! {
                number => o.number, done => o.done, at => view::iso_datetime(o.at, tz), by => o.by.clone(),
            }
        })
        .collect();
    let unclaimed: Vec<minijinja::Value> = standing
        .unclaimed
        .iter()
        .map(|p| {
            context! { title => p.title.clone(), link => p.link.clone(), date => view::iso_date(p.published_at, tz), reason => p.reason.as_deref().map(|r| reason_text(r).say(current.locale())) }
        })
        .collect();
    current.render(
        "coordinator-person.html",
        context! {
            program => view::program(state.programs.of(&cohort)),
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            member => context! {
                id => member.id, name => person.name.clone(), email => person.email.clone(),
                blog => member.blog_url.clone(), joined => view::iso_date(member.joined_at, tz),
                finished => member.finished_at.map(|at| view::iso_date(at, tz)),
                reminded => member.last_reminded_at.map(|at| view::iso_date(at, tz)),
                release_emails => person.release_emails,
            },
            feed => feed.as_ref().map(|f| context! {
                url => f.url.clone(), status => f.status.to_string(), health => health::describe(f, now).say(current.locale()),
                error => health::last_error(f).map(|e| e.say(current.locale())), failing => health::is_failing(f),
                since => f.failing_since.map(|at| view::iso_datetime(at, tz)),
                fetched => f.last_fetched_at.map(|at| view::iso_datetime(at, tz)),
            }),
            done => standing.done, required => standing.required,
            lessons, history, unclaimed,
            notice => notice(&query, current.locale(), state.programs.of(&cohort).word()),
        },
    )
}

fn person_page(slug: &str, id: i32, query: &str) -> Response {
    Redirect::to(&format!("/coordinator/cohorts/{slug}/people/{id}?{query}")).into_response()
}

/// `POST .../people/{id}/poll`: reads this one feed now (through the poller's lease), then
/// shows what happened.
pub async fn poll(
    State(state): State<AppState>,
    _: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let (member, _) = member_of(&state, &cohort, id).await?;
    let Some(feed) = feeds::of_member(&state.db, &member).await? else {
        return Ok(person_page(&cohort.slug, member.id, "notice=no-feed"));
    };
    let outcome = match state.poller.poll_feed(feed, Utc::now()).await {
        Read::Fetched(stored) => format!("notice=read&added={}", stored.added),
        Read::Unchanged => "notice=unchanged".into(),
        Read::Deferred => "notice=deferred".into(),
        Read::Gone => "notice=gone".into(),
        Read::Failed(_) => "notice=failed".into(),
        Read::Busy => "notice=busy".into(),
    };
    Ok(person_page(&cohort.slug, member.id, &outcome))
}

#[derive(Deserialize)]
pub struct BlogForm {
    blog: String,
}

/// `POST .../people/{id}/blog`: a new blog address, and discovery of its feed.
pub async fn fix_blog(
    State(state): State<AppState>,
    Coordinator { .. }: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
    Form(form): Form<BlogForm>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let (member, _) = member_of(&state, &cohort, id).await?;
    let blog = BlogUrl::check(&form.blog)
        .map_err(|e| AppError::refused(Text::new("coord-error-blog-address").with("problem", e)))?;
    let id = member.id;
    let attached = feeds::move_blog(
        &state.db,
        &state.poller.fetcher,
        member,
        blog.url(),
        feeds::Mover::Coordinator,
        Utc::now(),
    )
    .await?;
    let outcome = if attached.found.is_ok() {
        "notice=found"
    } else {
        "notice=not-found"
    };
    Ok(person_page(&cohort.slug, id, outcome))
}
