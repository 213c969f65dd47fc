//! `/me`: where a participant stands in each of their cohorts, what they can do about it
//! (the forms are in [`forms`]), their private addresses, and their preferences.

mod check;
mod forms;
mod partner;

pub use check::check;
pub use forms::{claim, move_blog, new_addresses, preferences, report};
pub use partner::ask as partner;

use axum::extract::State;
use axum::response::Html;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::{Deserialize, Serialize};

use crate::access::{Viewer, keys};
use crate::entities::{cohort, participant, person};
use crate::feeds::health;
use crate::i18n::Locale;
use crate::links::Links;
use crate::progress::completions::Source;
use crate::progress::recognise::reason_text;
use crate::progress::standing::{LessonStanding, LessonState, Standing, standing};
use crate::web::auth::{CurrentPerson, SignedIn};
use crate::web::extract::Query;
use crate::web::{AppError, AppState, view};
use crate::{cohorts, feeds};

#[derive(Deserialize)]
pub struct MeQuery {
    notice: Option<String>,
}

/// The message key of a notice code in the address, after a form was sent.
fn notice_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "claimed" => "me-notice-claimed",
        "reported" => "me-notice-reported",
        "moved" => "me-notice-moved",
        "saved" => "me-notice-saved",
        "partner-asked" => "me-notice-partner-asked",
        "partner-stopped" => "me-notice-partner-stopped",
        "check-read" => "me-notice-check-read",
        "check-busy" => "me-notice-check-busy",
        "check-failed" => "me-notice-check-failed",
        "check-no-feed" => "me-notice-check-no-feed",
        "addresses" => "me-notice-addresses",
        _ => return None,
    })
}

/// "Mon 7 Dec 2026, 09:00 CET" (as the template's `datetime` filter writes it in the
/// reader's language), and the same instant in the person's own zone when theirs differs
/// from the cohort's.
fn when(instant: DateTime<Utc>, cohort_tz: Tz, own: Option<Tz>) -> Value {
    let local = own
        .filter(|tz| *tz != cohort_tz)
        .map(|tz| view::iso_datetime(instant, tz));
    context! { at => view::iso_datetime(instant, cohort_tz), local }
}

#[derive(Serialize)]
struct LessonView {
    number: i32,
    title: String,
    week: i32,
    required: bool,
    state: &'static str,
    source: Option<Source>,
    date: Option<Value>,
    evidence: Option<EvidenceView>,
}

#[derive(Serialize)]
struct EvidenceView {
    title: String,
    link: Option<String>,
    reason: Option<String>,
}

fn lesson_views(standing: &Standing, tz: Tz, own: Option<Tz>, locale: Locale) -> Vec<LessonView> {
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
                    Some(*source),
                    Some(Value::from(view::iso_date(*at, tz))),
                    evidence.as_ref().map(|p| EvidenceView {
                        title: p.title.clone(),
                        link: p.link.clone(),
                        reason: p.reason.as_deref().map(|r| reason_text(r).say(locale)),
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
pub(super) async fn page(
    state: &AppState,
    person: &person::Model,
    current: &CurrentPerson,
    notice: Option<&str>,
    problem: Option<String>,
) -> Result<Html<String>, AppError> {
    let viewer = Viewer::load(&state.db, Some(person.clone())).await?;
    let links = Links::new(&state.config.base_url);
    let key = keys::key_of(&state.db, &state.secret, person).await?;
    let mentees = viewer.mentees.len();
    let own = viewer.own_timezone();
    let mut cohorts_view = Vec::new();
    for (member, cohort) in &viewer.memberships {
        let about = Membership {
            member,
            cohort,
            own,
            subscribe: subscribe(&links, cohort, &key),
        };
        cohorts_view.push(about.view(state, current, Utc::now()).await?);
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
                highlight_emails => person.highlight_emails,
                timezone => person.timezone.clone().unwrap_or_default(),
                language => person.language.clone().unwrap_or_default(),
            },
            cohorts => cohorts_view,
            mentees,
            calendar => links.personal_calendar(&key),
        },
    )
}

/// One cohort of the person's, as `/me` shows it.
struct Membership<'a> {
    member: &'a participant::Model,
    cohort: &'a cohort::Model,
    /// The person's own time zone, when they chose one.
    own: Option<Tz>,
    /// The cohort's feeds and calendar to subscribe to.
    subscribe: Value,
}

/// The cohort's feeds, blogroll and calendar; a members-only cohort's carry the person's
/// key.
fn subscribe(links: &Links, cohort: &cohort::Model, key: &str) -> Value {
    let file = |name: &str| {
        let key = (!cohorts::is_public(cohort)).then_some(key);
        links.cohort_file(&cohort.slug, name, key)
    };
    context! {
        atom => file("feed.atom"), json => file("feed.json"),
        opml => file("blogroll.opml"), calendar => file("calendar.ics"),
    }
}

impl Membership<'_> {
    async fn view(
        self,
        state: &AppState,
        current: &CurrentPerson,
        now: DateTime<Utc>,
    ) -> Result<Value, AppError> {
        let Membership {
            member,
            cohort,
            own,
            subscribe,
        } = self;
        let tz = cohorts::timezone(cohort);
        let program = state.programs.of(cohort);
        let standing = standing(&state.db, program, cohort, member, now).await?;
        let feed = feeds::of_member(&state.db, member).await?;
        let week = week_view(&standing, tz, own);
        let badge = crate::web::badges::offer_for(state, cohort, member).await?;
        let partner = partner::view(state, cohort, member, own.unwrap_or(tz)).await?;
        let locale = current.locale();
        Ok(context! {
            member_id => member.id,
            program => view::program(program),
            badge,
            partner,
            subscribe,
            private => !cohorts::is_public(cohort),
            slug => cohort.slug.clone(),
            name => cohort.name.clone(),
            timezone => cohort.timezone.clone(),
            self_report => cohort.self_report,
            finished => member.finished_at.map(|at| view::iso_date(at, tz)),
            done => standing.done,
            required => standing.required,
            percent => view::percent(standing.done, standing.required),
            lessons => Value::from(Serde(lesson_views(&standing, tz, own, locale))),
            unclaimed => Value::from(Serde(standing.unclaimed.iter().take(20).map(|p| context! {
                id => p.id,
                title => p.title.clone(),
                link => p.link.clone(),
                date => view::iso_date(p.published_at, tz),
                reason => p.reason.as_deref().map(|r| reason_text(r).say(locale)),
            }).collect::<Vec<_>>())),
            blog => member.blog_url.clone(),
            feed => feed.as_ref().map(|f| context! {
                url => f.url.clone(),
                title => f.title.clone(),
                platform => f.platform.clone(),
                status => f.status.to_string(),
                healthy => !health::is_failing(f),
                read => f.last_fetched_at.is_some() && f.status == health::Status::Ok,
                health => health::describe(f, now).say(locale),
            }),
            ..week
        })
    }
}

/// This week's lessons, when the next week opens, and the lessons a post may be claimed
/// for (every open one).
fn week_view(standing: &Standing, tz: Tz, own: Option<Tz>) -> Value {
    let open: Vec<&LessonStanding> = standing
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
    context! { current_week, this_week, next, claimable }
}
