//! `/me`: where a participant stands in each of their cohorts, and what they can do about
//! it: claim a post that counted for nothing, report a lesson themselves (where the cohort
//! allows it), move their blog, and choose their emails and display name.

use crate::web::extract::Form;
use crate::web::extract::Query;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use minijinja::context;
use minijinja::value::{Serde, Value};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use crate::access::keys;
use crate::entities::{cohort, feed, participant, person};
use crate::feeds::health;
use crate::links::Links;
use crate::people::{BlogUrl, parse_name};
use crate::progress::completions::{self, CompletionError, Rules};
use crate::progress::standing::{LessonState, Standing, standing};
use crate::web::auth::SignedIn;
use crate::web::{AppError, AppState, view};
use crate::{cohorts, feeds, rate};

#[derive(Deserialize)]
pub struct MeQuery {
    notice: Option<String>,
}

/// What a notice code in the address says, after a form was sent.
fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "claimed" => "Thanks: that post now counts for the lesson you chose.",
        "reported" => "Marked as done. Well done!",
        "moved" => "Your blog's address is changed. See below whether Twentythree could read it.",
        "saved" => "Your preferences are saved.",
        "addresses" => {
            "Your private addresses are new: the old ones no longer work. Give the new ones to your feed reader and calendar."
        }
        _ => return None,
    })
}

/// "Mon 7 Dec 2026, 09:00 CET", and the same instant in the person's own zone when theirs
/// differs from the cohort's.
fn when(instant: DateTime<Utc>, cohort_tz: Tz, own: Option<Tz>) -> Value {
    let local = own
        .filter(|tz| *tz != cohort_tz)
        .map(|tz| view::datetime(instant, tz));
    context! { at => view::datetime(instant, cohort_tz), local }
}

#[derive(Serialize)]
struct LessonView {
    number: i32,
    title: String,
    week: i32,
    required: bool,
    state: &'static str,
    source: Option<String>,
    date: Option<Value>,
    evidence: Option<EvidenceView>,
}

#[derive(Serialize)]
struct EvidenceView {
    title: String,
    link: Option<String>,
    reason: Option<String>,
}

fn lesson_views(standing: &Standing, tz: Tz, own: Option<Tz>) -> Vec<LessonView> {
    standing
        .lessons
        .iter()
        .map(|l| {
            let (state, source, date, evidence) = match &l.state {
                LessonState::Done {
                    source,
                    at,
                    evidence,
                } => (
                    "done",
                    Some(source.clone()),
                    Some(Value::from(view::date(*at, tz))),
                    evidence.as_ref().map(|p| EvidenceView {
                        title: p.title.clone(),
                        link: p.link.clone(),
                        reason: p.reason.clone(),
                    }),
                ),
                LessonState::Open { .. } => ("open", None, None, None),
                LessonState::Locked { opens_at } => {
                    ("locked", None, Some(when(*opens_at, tz, own)), None)
                }
            };
            LessonView {
                number: l.number,
                title: l.title.clone(),
                week: l.week,
                required: l.required,
                state,
                source,
                date,
                evidence,
            }
        })
        .collect()
}

/// `GET /me`.
pub async fn show(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Query(query): Query<MeQuery>,
) -> Result<Html<String>, AppError> {
    let notice = query.notice.as_deref().and_then(notice_text);
    page(&state, &person, &current, notice, None).await
}

/// The page, with a notice after a form that worked or the reason one was refused.
async fn page(
    state: &AppState,
    person: &person::Model,
    current: &crate::web::auth::CurrentPerson,
    notice: Option<&str>,
    problem: Option<String>,
) -> Result<Html<String>, AppError> {
    let now = Utc::now();
    let own: Option<Tz> = person.timezone.as_deref().and_then(|t| t.parse().ok());
    let memberships = participant::Entity::find()
        .filter(participant::Column::PersonId.eq(person.id))
        .find_also_related(cohort::Entity)
        .order_by_desc(participant::Column::JoinedAt)
        .all(&state.db)
        .await?;
    let links = Links::new(&state.config.base_url);
    let key = keys::key_of(&state.db, &state.secret, person).await?;
    let mut cohorts_view = Vec::new();
    for (member, cohort) in memberships {
        let Some(cohort) = cohort else { continue };
        let tz = cohorts::timezone(&cohort);
        let standing = standing(&state.db, &state.program, &cohort, &member, now).await?;
        let feed = match member.feed_id {
            Some(id) => feed::Entity::find_by_id(id).one(&state.db).await?,
            None => None,
        };
        let open: Vec<&crate::progress::standing::LessonStanding> = standing
            .lessons
            .iter()
            .filter(|l| !matches!(l.state, LessonState::Locked { .. }))
            .collect();
        let current_week = open.iter().map(|l| l.week).max();
        let this_week: Vec<Value> = standing
            .lessons
            .iter()
            .filter(|l| Some(l.week) == current_week)
            .map(|l| {
                context! {
                    number => l.number,
                    title => l.title.clone(),
                    done => matches!(l.state, LessonState::Done { .. }),
                }
            })
            .collect();
        let next = standing.lessons.iter().find_map(|l| match l.state {
            LessonState::Locked { opens_at } => Some(context! {
                week => l.week,
                when => when(opens_at, tz, own),
            }),
            _ => None,
        });
        let claimable: Vec<Value> = open
            .iter()
            .map(|l| context! { number => l.number, title => l.title.clone() })
            .collect();
        let file = |name: &str| {
            let key = (!cohorts::is_public(&cohort)).then_some(key.as_str());
            links.cohort_file(&cohort.slug, name, key)
        };
        let subscribe = context! {
            atom => file("feed.atom"), json => file("feed.json"),
            opml => file("blogroll.opml"), calendar => file("calendar.ics"),
        };
        let badge = crate::web::badges::offer_for(state, &cohort, &member).await?;
        cohorts_view.push(context! {
            member_id => member.id,
            badge,
            subscribe,
            private => !cohorts::is_public(&cohort),
            slug => cohort.slug.clone(),
            name => cohort.name.clone(),
            timezone => cohort.timezone.clone(),
            self_report => cohort.self_report,
            finished => member.finished_at.map(|at| view::date(at, tz)),
            certificate => member.finished_at.map(|_| format!("/cohorts/{}/people/{}/certificate", cohort.slug, member.id)),
            done => standing.done,
            required => standing.required,
            percent => view::percent(standing.done, standing.required),
            current_week,
            this_week,
            next,
            lessons => Value::from(Serde(lesson_views(&standing, tz, own))),
            unclaimed => Value::from(Serde(standing.unclaimed.iter().take(20).map(|p| context! {
                id => p.id,
                title => p.title.clone(),
                link => p.link.clone(),
                date => view::date(p.published_at, tz),
                reason => p.reason.clone(),
            }).collect::<Vec<_>>())),
            claimable,
            blog => member.blog_url.clone(),
            feed => feed.as_ref().map(|f| context! {
                url => f.url.clone(),
                title => f.title.clone(),
                platform => f.platform.clone(),
                status => f.status.clone(),
                healthy => !health::is_failing(f),
                read => f.last_fetched_at.is_some() && f.status == health::Status::Ok.as_str(),
                health => health::describe(f, now),
            }),
        });
    }
    current.render(
        "me.html",
        context! {
            notice,
            problem,
            person => context! {
                name => person.name.clone(),
                email => person.email.clone(),
                release_emails => person.release_emails,
                milestone_emails => person.milestone_emails,
                timezone => person.timezone.clone().unwrap_or_default(),
            },
            cohorts => cohorts_view,
            calendar => links.personal_calendar(&key),
        },
    )
}

/// The signed-in person's place `id`, with its cohort; 404 for anyone else's.
async fn own_membership(
    state: &AppState,
    person: &person::Model,
    id: i32,
) -> Result<(participant::Model, cohort::Model), AppError> {
    participant::Entity::find_by_id(id)
        .filter(participant::Column::PersonId.eq(person.id))
        .find_also_related(cohort::Entity)
        .one(&state.db)
        .await?
        .and_then(|(m, c)| Some((m, c?)))
        .ok_or(AppError::NotFound)
}

fn rules(state: &AppState) -> Rules<'_> {
    Rules {
        program: &state.program,
        base_url: &state.config.base_url,
    }
}

/// `/me` again with why a claim or report was refused (400; nothing changed).
async fn refused(
    state: &AppState,
    person: &person::Model,
    current: &crate::web::auth::CurrentPerson,
    e: CompletionError,
) -> Result<Response, AppError> {
    let problem = match e {
        CompletionError::Db(e) => return Err(e.into()),
        other => format!("{}.", capitalise(&other.to_string())),
    };
    let page = page(state, person, current, None, Some(problem)).await?;
    Ok((StatusCode::BAD_REQUEST, page).into_response())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn number(field: &str, what: &str) -> Result<i32, AppError> {
    field
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest(format!("Choose {what}.")))
}

#[derive(Deserialize)]
pub struct ClaimForm {
    participant: String,
    post: String,
    lesson: String,
}

/// `POST /me/claims`: "this post was for Thing N".
pub async fn claim(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<ClaimForm>,
) -> Result<Response, AppError> {
    let (member, cohort) =
        own_membership(&state, &person, number(&form.participant, "a cohort")?).await?;
    let post = number(&form.post, "a post")?;
    let lesson = number(&form.lesson, "the lesson the post was for")?;
    let txn = crate::db::begin_write(&state.db).await?;
    let claimed = completions::claim(
        &txn,
        rules(&state),
        &member,
        &cohort,
        post,
        lesson,
        Utc::now(),
    )
    .await;
    if let Err(e) = claimed {
        txn.rollback().await?;
        return refused(&state, &person, &current, e).await;
    }
    txn.commit().await?;
    Ok(Redirect::to("/me?notice=claimed").into_response())
}

#[derive(Deserialize)]
pub struct ParticipantForm {
    participant: String,
    lesson: String,
}

/// `POST /me/done`: marks a lesson done by the participant's own word, where the cohort
/// allows it.
pub async fn report(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<ParticipantForm>,
) -> Result<Response, AppError> {
    let (member, cohort) =
        own_membership(&state, &person, number(&form.participant, "a cohort")?).await?;
    let lesson = number(&form.lesson, "a lesson")?;
    let txn = crate::db::begin_write(&state.db).await?;
    let reported =
        completions::report_self(&txn, rules(&state), &member, &cohort, lesson, Utc::now()).await;
    if let Err(e) = reported {
        txn.rollback().await?;
        return refused(&state, &person, &current, e).await;
    }
    txn.commit().await?;
    Ok(Redirect::to("/me?notice=reported").into_response())
}

#[derive(Deserialize)]
pub struct MoveForm {
    participant: String,
    blog: String,
}

/// `POST /me/blog`: "I moved my blog": a new address, discovered at once; never a
/// classmate's blog, and at most [`rate::BLOG_MOVES`] moves a day.
pub async fn move_blog(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<MoveForm>,
) -> Result<Response, AppError> {
    let (member, _) =
        own_membership(&state, &person, number(&form.participant, "a cohort")?).await?;
    let blog: BlogUrl = form
        .blog
        .parse()
        .map_err(|e: String| AppError::BadRequest(format!("{}.", capitalise(&e))))?;
    let now = Utc::now();
    let key = format!("blog-move:{}", person.id);
    if !rate::allow(&state.db, &key, rate::BLOG_MOVES, now).await? {
        let problem = format!(
            "You moved your blog {} times today already: try again tomorrow, or ask your coordinator.",
            rate::BLOG_MOVES.max
        );
        let page = page(&state, &person, &current, None, Some(problem)).await?;
        return Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response());
    }
    let moved = feeds::move_blog(
        &state.db,
        &state.poller.fetcher,
        member,
        blog.url(),
        feeds::Mover::Participant,
        now,
    )
    .await;
    match moved {
        Ok(_) => Ok(Redirect::to("/me?notice=moved").into_response()),
        Err(feeds::AttachError::Taken) => {
            let problem = "That blog is already another participant's in this cohort: give the address of your own blog.".to_owned();
            let page = page(&state, &person, &current, None, Some(problem)).await?;
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
        Err(feeds::AttachError::Db(e)) => Err(e.into()),
    }
}

/// `POST /me/addresses`: new private feed and calendar addresses; the old ones stop working.
pub async fn new_addresses(
    State(state): State<AppState>,
    SignedIn { person, .. }: SignedIn,
) -> Result<Response, AppError> {
    keys::replace(&state.db, &state.secret, person).await?;
    Ok(Redirect::to("/me?notice=addresses").into_response())
}

#[derive(Deserialize)]
pub struct PreferencesForm {
    name: String,
    #[serde(default)]
    timezone: String,
    #[serde(default)]
    release_emails: Option<String>,
    #[serde(default)]
    milestone_emails: Option<String>,
}

/// `POST /me/preferences`: display name, own time zone and which routine emails to get.
pub async fn preferences(
    State(state): State<AppState>,
    SignedIn { person, .. }: SignedIn,
    Form(form): Form<PreferencesForm>,
) -> Result<Response, AppError> {
    let name =
        parse_name(&form.name).map_err(|e| AppError::BadRequest(format!("{}.", capitalise(&e))))?;
    let timezone = match form.timezone.trim() {
        "" => None,
        zone => Some(zone.parse::<Tz>().map_err(|_| {
            AppError::BadRequest(format!(
                "{zone:?} is not a time zone Twentythree knows: use a name such as Europe/Berlin or America/Chicago."
            ))
        })?),
    };
    let mut row: person::ActiveModel = person.into();
    row.name = Set(name);
    row.timezone = Set(timezone.map(|tz| tz.name().to_owned()));
    row.release_emails = Set(form.release_emails.is_some());
    row.milestone_emails = Set(form.milestone_emails.is_some());
    row.update(&state.db).await?;
    Ok(Redirect::to("/me?notice=saved").into_response())
}
