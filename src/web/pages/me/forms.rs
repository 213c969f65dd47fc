//! The forms of `/me`: claim a post that counted for nothing, report a lesson (where the
//! cohort allows it), move one's blog, new private addresses, and preferences.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use chrono_tz::Tz;
use serde::Deserialize;

use crate::access::keys;
use crate::entities::{cohort, participant, person};
use crate::i18n::{self, Locale, Refusal, Text};
use crate::people::{self, BlogUrl, Preferences, check_name};
use crate::progress::completions::{self, Rules};
use crate::templates::sentence;
use crate::web::auth::{CurrentPerson, SignedIn};
use crate::web::extract::{Form, required};
use crate::web::{AppError, AppState};
use crate::{feeds, rate};

/// The signed-in person's place named by a form's `participant` field, with its cohort;
/// 400 when none is chosen, 404 for anyone else's.
pub(super) async fn own_membership(
    state: &AppState,
    person: &person::Model,
    participant: &str,
) -> Result<(participant::Model, cohort::Model), AppError> {
    let id = required(participant, "choose-cohort")?;
    people::membership(&state.db, person, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn rules<'a>(state: &'a AppState, cohort: &cohort::Model) -> Rules<'a> {
    Rules::of(&state.programs, cohort, &state.config.base_url)
}

/// Back to `/me` with `notice` when a claim, a report or a request was taken, or `/me`
/// again with why it was refused (400; nothing changed).
pub(super) async fn answer<T, E: Refusal>(
    state: &AppState,
    person: &person::Model,
    current: &CurrentPerson,
    outcome: Result<T, E>,
    notice: &str,
) -> Result<Response, AppError> {
    let problem = match outcome {
        Ok(_) => return Ok(Redirect::to(&format!("/me?notice={notice}")).into_response()),
        Err(e) => e.refusal()?.say(current.locale()),
    };
    let page = super::page(state, person, current, None, Some(problem)).await?;
    Ok((StatusCode::BAD_REQUEST, page).into_response())
}

/// A field's problem as a sentence in the reader's language (400, nothing changed).
fn refusal(problem: &Text, current: &CurrentPerson) -> AppError {
    AppError::BadRequest(Text::verbatim(format!(
        "{}.",
        sentence(&problem.say(current.locale()))
    )))
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
    let (member, cohort) = own_membership(&state, &person, &form.participant).await?;
    let post = required(&form.post, "choose-post")?;
    let lesson = required(&form.lesson, "choose-lesson-of-post")?;
    let claimed = completions::claim(
        &state.db,
        rules(&state, &cohort),
        &member,
        &cohort,
        (post, lesson),
        Utc::now(),
    )
    .await;
    answer(&state, &person, &current, claimed, "claimed").await
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
    let (member, cohort) = own_membership(&state, &person, &form.participant).await?;
    let lesson = required(&form.lesson, "choose-lesson")?;
    let reported = completions::report_self(
        &state.db,
        rules(&state, &cohort),
        &member,
        &cohort,
        lesson,
        Utc::now(),
    )
    .await;
    answer(&state, &person, &current, reported, "reported").await
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
    let (member, _) = own_membership(&state, &person, &form.participant).await?;
    let blog = BlogUrl::check(&form.blog).map_err(|e| refusal(&e, &current))?;
    let now = Utc::now();
    let key = format!("blog-move:{}", person.id);
    if !rate::allow(&state.db, &key, rate::BLOG_MOVES, now).await? {
        let problem = i18n::message(
            current.locale(),
            "error-blog-moves",
            &[("count", rate::BLOG_MOVES.max.into())],
        );
        let page = super::page(&state, &person, &current, None, Some(problem)).await?;
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
            let problem = i18n::message(current.locale(), "error-blog-taken", &[]);
            let page = super::page(&state, &person, &current, None, Some(problem)).await?;
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
    #[serde(default)]
    highlight_emails: Option<String>,
    #[serde(default)]
    language: String,
}

/// `POST /me/preferences`: display name, own time zone and which routine emails to get.
pub async fn preferences(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
    Form(form): Form<PreferencesForm>,
) -> Result<Response, AppError> {
    let name = check_name(&form.name).map_err(|e| refusal(&e, &current))?;
    let timezone = match form.timezone.trim() {
        "" => None,
        zone => Some(zone.parse::<Tz>().map_err(|_| {
            AppError::refused(Text::new("error-unknown-timezone").with("zone", zone))
        })?),
    };
    let language = match form.language.trim() {
        "" => None,
        code => Some(
            Locale::from_code(code)
                .ok_or_else(|| AppError::refused(Text::new("error-unknown-language")))?,
        ),
    };
    let preferences = Preferences {
        language,
        name,
        timezone,
        release_emails: form.release_emails.is_some(),
        milestone_emails: form.milestone_emails.is_some(),
        highlight_emails: form.highlight_emails.is_some(),
    };
    people::set_preferences(&state.db, person, preferences).await?;
    Ok(Redirect::to("/me?notice=saved").into_response())
}
