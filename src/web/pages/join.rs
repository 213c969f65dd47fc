//! `/join`: name, email, blog and cohort; discovery shows what it found before the person
//! confirms; an emailed link (`/join/{token}`) completes the registration and signs in.

use crate::i18n::{self, Locale};
use crate::web::extract::Form;
use crate::web::extract::{Path, Query};
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::{Deserialize, Serialize};

use crate::access::{self, Viewer};
use crate::cohorts::archive_cutoff;
use crate::entities::cohort;
use crate::feeds::discover::{self, Discovered};
use crate::people::{self, BlogUrl, Email, NewParticipant, check_name};
use crate::progress::recognise::{Decision, PostFacts, recognise};
use crate::web::access::Looking;
use crate::web::auth::{ClientIp, CurrentPerson, session_cookie};
use crate::web::pages::limits;
use crate::web::{AppError, AppState, view};
use crate::{auth, cohorts, feeds, joining, rate};

/// How many of the newest posts the preview shows.
const PREVIEW_POSTS: usize = 5;

#[derive(Deserialize, Default)]
pub struct JoinForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    blog: String,
    #[serde(default)]
    cohort: String,
    /// `check` (run discovery and show it) or `confirm` (send the email).
    #[serde(default)]
    step: String,
}

#[derive(Deserialize)]
pub struct JoinQuery {
    cohort: Option<String>,
}

/// What is wrong with each field, in words.
#[derive(Serialize, Default)]
struct Problems {
    name: Option<String>,
    email: Option<String>,
    blog: Option<String>,
    cohort: Option<String>,
}

#[derive(Serialize)]
struct CohortChoice {
    slug: String,
    name: String,
    starts: String,
}

#[derive(Serialize)]
struct PreviewPost {
    title: String,
    link: Option<String>,
    date: Option<String>,
    verdict: String,
}

fn choices(open: &[cohort::Model]) -> Vec<CohortChoice> {
    open.iter()
        .map(|c| CohortChoice {
            slug: c.slug.clone(),
            name: c.name.clone(),
            starts: view::iso_date(cohorts::week_opens(c, 1), cohorts::timezone(c)),
        })
        .collect()
}

fn render(
    current: &CurrentPerson,
    status: StatusCode,
    open: &[cohort::Model],
    form: &JoinForm,
    extra: Value,
) -> Result<Response, AppError> {
    let page = current.render(
        "join.html",
        context! {
            cohorts => Value::from(Serde(choices(open))),
            form => context! {
                name => form.name.clone(),
                email => form.email.clone(),
                blog => form.blog.clone(),
                cohort => form.cohort.clone(),
            },
            ..extra
        },
    )?;
    Ok((status, page).into_response())
}

/// The cohorts `viewer` may join: those not ended that they may see (members-only ones
/// only for their members and coordinators).
async fn joinable(
    state: &AppState,
    viewer: &Viewer,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<cohort::Model>, AppError> {
    let mut open = cohorts::not_ended(&state.db, now).await?;
    open.retain(|c| access::sees_cohort(viewer, c));
    Ok(open)
}

/// `GET /join`: the form (with `?cohort=slug` preselecting a cohort).
pub async fn form(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    Query(query): Query<JoinQuery>,
) -> Result<Response, AppError> {
    let open = joinable(&state, &viewer, Utc::now()).await?;
    let form = JoinForm {
        cohort: query
            .cohort
            .or_else(|| open.first().map(|c| c.slug.clone()))
            .unwrap_or_default(),
        ..Default::default()
    };
    render(
        &current,
        StatusCode::OK,
        &open,
        &form,
        context! { step => "form", problems => Value::from(Serde(Problems::default())) },
    )
}

/// `POST /join`: checks the fields, then either shows what discovery found (`step=check`)
/// or emails the confirmation link (`step=confirm`). The answer to `confirm` is the same
/// whether or not the address is already in the cohort.
pub async fn submit(
    State(state): State<AppState>,
    Looking { viewer, current }: Looking,
    ClientIp(ip): ClientIp,
    Form(form): Form<JoinForm>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    if !rate::allow(&state.db, &format!("join:ip:{ip}"), rate::PER_CLIENT, now).await? {
        return limits::too_many(&current);
    }
    let open = joinable(&state, &viewer, now).await?;
    let mut problems = Problems::default();
    let locale = current.locale();
    let name = check_name(&form.name)
        .map_err(|e| problems.name = Some(e.say(locale)))
        .ok();
    let email = Email::check(&form.email)
        .map_err(|e| problems.email = Some(e.say(locale)))
        .ok();
    let blog = BlogUrl::check(&form.blog)
        .map_err(|e| problems.blog = Some(e.say(locale)))
        .ok();
    let cohort = open.iter().find(|c| c.slug == form.cohort.trim());
    if let (Some(cohort), Some(url)) = (cohort, &blog)
        && feeds::blog_taken(&state.db, cohort.id, url.url()).await?
    {
        problems.blog = Some(i18n::message(current.locale(), "join-blog-taken", &[]));
    }
    if cohort.is_none() {
        problems.cohort = Some(if open.is_empty() {
            i18n::message(current.locale(), "join-no-cohort-open", &[])
        } else {
            i18n::message(current.locale(), "join-choose-cohort", &[])
        });
    }
    let (Some(name), Some(email), Some(blog), Some(cohort), None) =
        (name, email, blog, cohort, &problems.blog)
    else {
        return render(
            &current,
            StatusCode::BAD_REQUEST,
            &open,
            &form,
            context! { step => "form", problems => Value::from(Serde(problems)) },
        );
    };
    let new = NewParticipant { name, email, blog };
    if form.step == "confirm" {
        let key = format!("join:email:{}", new.email);
        if !rate::allow(&state.db, &key, rate::JOIN_PER_ADDRESS, now).await? {
            return limits::too_many(&current);
        }
        let language = current.locale();
        joining::request(
            &state.db,
            cohort,
            &new,
            language,
            &state.config.base_url,
            now,
        )
        .await?;
        return render(
            &current,
            StatusCode::OK,
            &open,
            &form,
            context! {
                step => "sent",
                email => new.email.to_string(),
                cohort_name => cohort.name.clone(),
                problems => Value::from(Serde(Problems::default())),
            },
        );
    }
    let found = discover::discover(&state.poller.fetcher, new.blog.url(), now).await;
    let preview = match &found {
        Ok(found) => context! {
            found => true,
            platform => found.platform,
            feed_title => found.feed.title.clone(),
            feed_url => found.feed_url.to_string(),
            posts => Value::from(Serde(preview_posts(&state, cohort, found, current.locale()))),
            post_count => found.feed.posts.len(),
        },
        Err(problem) => {
            context! { found => false, problem => problem.text().say(current.locale()) }
        }
    };
    render(
        &current,
        StatusCode::OK,
        &open,
        &form,
        context! {
            step => "check",
            preview,
            cohort_name => cohort.name.clone(),
            problems => Value::from(Serde(Problems::default())),
        },
    )
}

/// The newest posts as the engine read them, with what each would count for.
fn preview_posts(
    state: &AppState,
    cohort: &cohort::Model,
    found: &Discovered,
    locale: Locale,
) -> Vec<PreviewPost> {
    let now = Utc::now();
    let tz = cohorts::timezone(cohort);
    found
        .feed
        .posts
        .iter()
        .take(PREVIEW_POSTS)
        .map(|post| {
            let facts = PostFacts::of_parsed(post, now);
            let program = state.programs.of(cohort);
            let decision = recognise(
                &facts,
                program,
                &state.config.base_url,
                archive_cutoff(cohort),
            );
            let verdict = match decision {
                Decision::Counts(_) => {
                    let things: Vec<String> = decision
                        .lessons()
                        .iter()
                        .map(|n| format!("{} {n}", program.word()))
                        .collect();
                    i18n::message(
                        locale,
                        "join-verdict-counts",
                        &[("things", things.join(", ").into())],
                    )
                }
                Decision::Archive => i18n::message(locale, "join-verdict-archive", &[]),
                Decision::Nothing => i18n::message(locale, "join-verdict-nothing", &[]),
            };
            PreviewPost {
                title: post.title.clone(),
                link: post.link.clone(),
                date: post.published_at.map(|d| view::iso_date(d, tz)),
                verdict,
            }
        })
        .collect()
}

/// `GET /join/{token}`: a button that completes the registration (mail scanners follow
/// links, not forms).
pub async fn link(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let Some(request) = joining::pending(&state.db, &token, Utc::now()).await? else {
        return link_dead(&current);
    };
    let page = current.render(
        "join-confirm.html",
        context! { token, name => request.name, blog => request.blog_url, dead => false },
    )?;
    Ok(page.into_response())
}

fn link_dead(current: &CurrentPerson) -> Result<Response, AppError> {
    let page = current.render(
        "join-confirm.html",
        context! { token => "", name => "", blog => "", dead => true },
    )?;
    Ok((StatusCode::GONE, page).into_response())
}

/// `POST /join/{token}`: joins, reads the blog, signs in and goes to `/me`.
pub async fn confirm(
    State(state): State<AppState>,
    current: CurrentPerson,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let Some((person, member, blog)) = joining::confirm(&state.db, &token, now).await? else {
        return link_dead(&current);
    };
    if member.feed_id.is_none() {
        // A blog a classmate took meanwhile stays unlinked: `/me` asks for their own.
        match feeds::attach_blog(&state.db, &state.poller.fetcher, &member, &blog, now).await {
            Ok(_) | Err(feeds::AttachError::Taken) => {}
            Err(feeds::AttachError::Db(e)) => return Err(e.into()),
        }
    }
    // The browser she joined from says her language: kept as her preference (when she has
    // none yet), her pages and emails follow it, whatever language the program is in.
    let browser = &current.languages;
    let spoken = browser
        .cookie
        .as_deref()
        .and_then(Locale::matching)
        .or_else(|| {
            browser
                .accept_language
                .as_deref()
                .and_then(i18n::from_accept_language)
        });
    let person = match (&person.language, spoken) {
        (None, Some(locale)) => people::set_language(&state.db, person, locale).await?,
        _ => person,
    };
    let session = auth::create_session(&state.db, &person, now).await?;
    let cookie = session_cookie(&state.config.base_url, Some(&session))?;
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/me")).into_response())
}
