//! `/coordinator/cohorts/{slug}/people/{id}`: everything about one participant, a mark or
//! unmark form per lesson (posting to the override route), "re-poll now" and "fix the feed
//! address".

use crate::cohorts::Slug;
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

/// What a notice code in the address says after a form on this page was sent.
fn notice(query: &PersonQuery) -> Option<String> {
    let thing = query.thing.unwrap_or_default();
    Some(match query.notice.as_deref()? {
        "marked" => format!("Thing {thing} is marked done."),
        "unmarked" => format!("Thing {thing} is marked not done."),
        "marked-many" => "The ticked lessons are marked done.".into(),
        "unmarked-many" => "The ticked lessons are marked not done.".into(),
        "read" => format!(
            "The feed was read just now: {}.",
            crate::templates::count(i64::try_from(query.added.unwrap_or_default()).unwrap_or(0), "new post", "new posts")
        ),
        "unchanged" => "The feed was read just now: nothing new.".into(),
        "busy" => {
            "The feed is being read right now by another worker; look again in a minute.".into()
        }
        "deferred" => {
            "The blog asked to be left alone for a while; Twentythree will read it later.".into()
        }
        "failed" => "The feed could not be read; see its health below.".into(),
        "gone" => "Twentythree has stopped reading this feed; if the blog moved, fix the feed address below.".into(),
        "no-feed" => "There is no feed to read yet: fix the feed address below.".into(),
        "found" => "Found the feed at the new address.".into(),
        "not-found" => "No feed found at that address yet; Twentythree keeps trying.".into(),
        _ => return None,
    })
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
                    ("done", view::date(*at, tz), Some(*source), evidence.clone())
                }
                LessonState::Open { opened_at } => ("open", view::date(*opened_at, tz), None, None),
                LessonState::Locked { opens_at } => ("locked", view::date(*opens_at, tz), None, None),
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
                number => o.number, done => o.done, at => view::datetime(o.at, tz), by => o.by.clone(),
            }
        })
        .collect();
    let unclaimed: Vec<minijinja::Value> = standing
        .unclaimed
        .iter()
        .map(|p| {
            context! { title => p.title.clone(), link => p.link.clone(), date => view::date(p.published_at, tz), reason => p.reason.as_deref().map(|r| reason_text(r).say(current.locale())) }
        })
        .collect();
    current.render(
        "coordinator-person.html",
        context! {
            program => view::program(state.programs.of(&cohort)),
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            member => context! {
                id => member.id, name => person.name.clone(), email => person.email.clone(),
                blog => member.blog_url.clone(), joined => view::date(member.joined_at, tz),
                finished => member.finished_at.map(|at| view::date(at, tz)),
                reminded => member.last_reminded_at.map(|at| view::date(at, tz)),
                release_emails => person.release_emails,
            },
            feed => feed.as_ref().map(|f| context! {
                url => f.url.clone(), status => f.status.to_string(), health => health::describe(f, now).say(current.locale()),
                error => health::last_error(f).map(|e| e.say(current.locale())), failing => health::is_failing(f),
                since => f.failing_since.map(|at| view::datetime(at, tz)),
                fetched => f.last_fetched_at.map(|at| view::datetime(at, tz)),
            }),
            done => standing.done, required => standing.required,
            lessons, history, unclaimed, notice => notice(&query),
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
    _: Coordinator,
    Path((slug, id)): Path<(Slug, Id)>,
    Form(form): Form<BlogForm>,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let (member, _) = member_of(&state, &cohort, id).await?;
    let blog: BlogUrl = form
        .blog
        .parse()
        .map_err(|e: String| AppError::BadRequest(format!("The blog address: {e}.")))?;
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
