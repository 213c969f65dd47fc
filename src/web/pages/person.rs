//! `/cohorts/{slug}/people/{id}`: one participant's blog, its health and their posts.

use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};

use crate::cohorts;
use crate::feeds::{health, river};
use crate::web::access::ParticipantPage;
use crate::web::pages::river::{PER_PAGE, post_views, reason_in};
use crate::web::{AppError, AppState, view};

pub async fn show(
    State(state): State<AppState>,
    ParticipantPage {
        cohort,
        current,
        member,
        person,
    }: ParticipantPage,
) -> Result<Html<String>, AppError> {
    let feed = crate::feeds::of_member(&state.db, &member).await?;
    let now = Utc::now();
    let filter = river::Filter {
        participant: Some(member.id),
        thing: None,
    };
    let river::RiverPage { posts, more, .. } =
        river::page(&state.db, &cohort, filter, 1, PER_PAGE).await?;
    let total = river::count(&state.db, &cohort, filter).await?;
    let completed: Vec<i32> = crate::progress::completed(&state.db, &member)
        .await?
        .into_iter()
        .filter(|n| {
            state
                .programs
                .of(&cohort)
                .get(*n)
                .is_some_and(|l| l.required)
        })
        .collect();
    let required = state.programs.of(&cohort).required_count();
    let timezone = cohorts::timezone(&cohort);
    let current = current.in_program_language(&state.programs.of(&cohort).info.language);
    current.render(
        "person.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            person => context! {
                id => member.id,
                name => person.name,
                blog => member.blog_url,
                joined => view::iso_date(member.joined_at, timezone),
                finished => member.finished_at.map(|at| view::iso_date(at, timezone)),
            },
            feed => feed.as_ref().map(|f| context! {
                url => f.url.clone(),
                title => f.title.clone(),
                platform => f.platform.clone(),
                status => f.status.to_string(),
                health => health::describe(f, now).say(current.locale()),
            }),
            completed => Value::from(Serde(&completed)),
            program => view::program(state.programs.of(&cohort)),
            done => completed.len(),
            required,
            percent => view::percent(completed.len(), required),
            posts => Value::from(Serde(post_views(&posts, timezone, |p| reason_in(p, current.locale())))),
            total,
            more,
        },
    )
}
