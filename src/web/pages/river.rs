//! `/cohorts/{slug}/posts`: the river, filtered by thing or person, 50 posts a page.

use crate::i18n::Text;
use crate::web::extract::{Query, positive};
use axum::extract::State;
use axum::response::Html;
use chrono_tz::Tz;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::{Deserialize, Serialize};

use crate::cohorts;
use crate::feeds::river::{self, Filter, RiverPost};
use crate::i18n::Locale;
use crate::progress::people::{self, Search};
use crate::progress::recognise;
use crate::web::access::ReadableCohort;
use crate::web::cache::KeptRiver;
use crate::web::{AppError, AppState, view};

pub const PER_PAGE: u64 = 50;

#[derive(Deserialize)]
pub struct RiverQuery {
    thing: Option<String>,
    person: Option<String>,
    page: Option<String>,
    /// Part of a name, to find whose posts to show.
    who: Option<String>,
}

/// People a name search lists at most.
const MATCHES: u64 = 20;

/// A post as the templates show it.
#[derive(Serialize)]
pub struct PostView {
    id: i32,
    participant_id: i32,
    author: String,
    title: String,
    link: Option<String>,
    excerpt: String,
    /// Its ISO date, or `None` when its feed dates nothing.
    date: Option<String>,
    things: Vec<i32>,
    reason: Option<String>,
}

/// Why `post` counts, in `locale`.
pub fn reason_in(post: &RiverPost, locale: Locale) -> Option<String> {
    post.reason
        .as_deref()
        .map(|r| recognise::reason_text(r).say(locale))
}

/// The posts as the river shows them; `reason` says why one counts.
pub fn post_views(
    posts: &[RiverPost],
    timezone: Tz,
    reason: impl Fn(&RiverPost) -> Option<String>,
) -> Vec<PostView> {
    posts
        .iter()
        .map(|p| PostView {
            id: p.id,
            participant_id: p.participant_id,
            date: (!p.undated).then(|| view::iso_date(p.published_at, timezone)),
            author: p.author.clone(),
            title: p.title.clone(),
            link: p.link.clone(),
            excerpt: p.excerpt.clone(),
            things: p.things.clone(),
            reason: reason(p),
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    ReadableCohort {
        cohort, current, ..
    }: ReadableCohort,
    Query(query): Query<RiverQuery>,
) -> Result<Html<String>, AppError> {
    let filter = Filter {
        thing: positive(query.thing.as_deref())?,
        participant: positive(query.person.as_deref())?,
    };
    if filter
        .thing
        .is_some_and(|n| state.programs.of(&cohort).get(n).is_none())
    {
        return Err(AppError::BadRequest(Text::new("error-no-such-thing")));
    }
    let page = positive(query.page.as_deref())?.unwrap_or(1);
    let key = (
        cohort.id,
        filter.thing,
        filter.participant,
        u64::try_from(page).unwrap_or(1),
        PER_PAGE,
    );
    let kept = state
        .caches
        .river
        .get_or_read(&state.db, key, || async {
            let page = river::page(&state.db, &cohort, filter, key.3, PER_PAGE).await?;
            let highlighted =
                crate::together::highlights::marks(&state.db, page.posts.iter().map(|p| p.id))
                    .await?;
            let reasons = page
                .posts
                .iter()
                .flat_map(|p| {
                    Locale::ALL
                        .into_iter()
                        .filter_map(move |l| reason_in(p, l).map(|said| ((p.id, l), said)))
                })
                .collect();
            Ok(KeptRiver {
                page,
                highlighted,
                reasons,
            })
        })
        .await?;
    let KeptRiver {
        page: river::RiverPage { posts, total, more },
        highlighted,
        reasons,
    } = &*kept;
    let (total, more) = (*total, *more);
    let pages = total.exact().map(|n| n.div_ceil(PER_PAGE).max(1));
    let (total, more_than) = match total {
        river::Total::Exact(n) => (n, false),
        river::Total::MoreThan(n) => (n, true),
    };
    let person_name = match filter.participant {
        Some(id) => cohorts::member(&state.db, &cohort, id)
            .await?
            .map(|(_, person)| person.name),
        None => None,
    };
    let who = query.who.clone().filter(|w| !w.trim().is_empty());
    let matches = match &who {
        Some(name) => {
            let search = Search {
                name: Some(name.clone()),
            };
            people::page(&state.db, &cohort, &search, 1, MATCHES)
                .await?
                .0
        }
        None => Vec::new(),
    };
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
    let current = current.in_program_language(&state.programs.of(&cohort).info.language);
    let locale = current.locale();
    current
        .render(
        "river.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone(), public => cohorts::is_public(&cohort) },
            posts => Value::from(Serde(post_views(posts, cohorts::timezone(&cohort), |p| reasons.get(&(p.id, locale)).cloned()))),
            highlighted => Value::from(Serde(highlighted)),
            total,
            more_than,
            page,
            pages,
            previous => (page > 1).then(|| link(page - 1)),
            next => more.then(|| link(page + 1)),
            thing => filter.thing,
            program => view::program(state.programs.of(&cohort)),
            thing_title => filter.thing.and_then(|n| state.programs.of(&cohort).get(n)).map(|l| l.title.clone()),
            person => filter.participant,
            person_name,
            lessons => Value::from(Serde(state.programs.of(&cohort).lessons.iter().map(|l| (l.number, l.title.clone())).collect::<Vec<_>>())),
            who => who.unwrap_or_default(),
            matches => Value::from(Serde(matches.iter().map(|p| (p.id, p.name.clone(), p.blog.clone())).collect::<Vec<_>>())),
        },
    )
}
