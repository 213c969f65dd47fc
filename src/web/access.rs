//! The access rule at the door of every cohort page and feed: extractors that find the
//! cohort, ask [`crate::access`] whether the viewer may read it, and otherwise send a
//! stranger to sign in (and back), refuse anyone else without naming anyone, or answer a
//! feed reader with a wrong key 404.

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};

use crate::access::{self, Verdict, Viewer, keys};
use crate::cohorts::{self, Slug};
use crate::entities::{cohort, participant, person};
use crate::i18n::Text;
use crate::web::auth::{CurrentPerson, sign_in_first};
use crate::web::extract::{Id, Path};
use crate::web::{AppError, AppState};

/// Who is looking, with the cohorts they take part in.
pub struct Looking {
    pub viewer: Viewer,
    pub current: CurrentPerson,
}

impl FromRequestParts<AppState> for Looking {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let current = CurrentPerson::from_request_parts(parts, state).await?;
        let viewer = Viewer::load(&state.db, current.person.clone()).await?;
        Ok(Self { viewer, current })
    }
}

/// A cohort the viewer may read (the `{slug}` of the route).
pub struct ReadableCohort {
    pub cohort: cohort::Model,
    pub current: CurrentPerson,
}

impl FromRequestParts<AppState> for ReadableCohort {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let cohort = cohort_of_path(parts, state).await?;
        let Looking { viewer, current } = Looking::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        // A participant's own pages (`people/{id}`) ask the rule for people's pages, which
        // also lets their mentors in; every other cohort page asks the cohort's rule.
        let verdict = match path_param(parts, state, "id").await?.map(|id| id.parse()) {
            Some(Ok(id)) => access::person_page(&viewer, &cohort, id),
            _ => access::cohort_pages(&viewer, &cohort),
        };
        match verdict {
            Verdict::Allowed => Ok(Self { cohort, current }),
            Verdict::SignIn => Err(sign_in_first(&parts.method, &parts.uri)),
            Verdict::Refused => Err(members_only().into_response()),
        }
    }
}

/// A participant's page of a readable cohort (`{slug}/people/{id}` and what hangs below
/// it): the participant with their person, if the viewer may see their page.
pub struct ParticipantPage {
    pub cohort: cohort::Model,
    pub current: CurrentPerson,
    pub member: participant::Model,
    pub person: person::Model,
}

impl FromRequestParts<AppState> for ParticipantPage {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        // ReadableCohort has asked the rule for people's pages of this `{id}`.
        let ReadableCohort {
            cohort, current, ..
        } = ReadableCohort::from_request_parts(parts, state).await?;
        let Path((_, Id(id))) = Path::<(Slug, Id)>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let (member, person) = cohorts::member(&state.db, &cohort, id)
            .await
            .map_err(|e| AppError::from(e).into_response())?
            .ok_or_else(|| AppError::NotFound.into_response())?;
        Ok(Self {
            cohort,
            current,
            member,
            person,
        })
    }
}

/// A cohort whose feeds, blogroll or calendar the asker may read: anyone for a public
/// cohort; for a members-only one, a member or coordinator by their private key (feed
/// readers cannot sign in) or their session. A wrong or replaced key gets 404.
pub struct CohortFeed {
    pub cohort: cohort::Model,
    /// Whether the answer is someone's private copy (not to be kept by shared caches).
    pub private: bool,
}

impl FromRequestParts<AppState> for CohortFeed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let key = key_in(&parts.uri);
        let Some(key) = key else {
            let readable = ReadableCohort::from_request_parts(parts, state).await?;
            let private = !cohorts::is_public(&readable.cohort);
            return Ok(Self {
                cohort: readable.cohort,
                private,
            });
        };
        let cohort = cohort_of_path(parts, state).await?;
        if cohorts::is_public(&cohort) {
            return Ok(Self {
                cohort,
                private: false,
            });
        }
        let viewer = key_holder(state, &key)
            .await
            .map_err(IntoResponse::into_response)?;
        match access::cohort_pages(&viewer, &cohort) {
            Verdict::Allowed => Ok(Self {
                cohort,
                private: true,
            }),
            Verdict::SignIn | Verdict::Refused => Err(AppError::NotFound.into_response()),
        }
    }
}

/// The `key` in the query string of `uri`, if any.
pub fn key_in(uri: &axum::http::Uri) -> Option<String> {
    url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(name, value)| name == "key" && !value.is_empty())
        .map(|(_, value)| value.into_owned())
}

/// The viewer a private key stands for; 404 when it is nobody's (wrong or replaced).
pub async fn key_holder(state: &AppState, key: &str) -> Result<Viewer, AppError> {
    let person = keys::holder(&state.db, key)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Viewer::load(&state.db, Some(person)).await?)
}

/// The value of the path's parameter `name`, if the route has one.
async fn path_param(
    parts: &mut Parts,
    state: &AppState,
    name: &str,
) -> Result<Option<String>, Response> {
    let params = RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|rejection| {
            super::extract::unreadable_address(&rejection.body_text()).into_response()
        })?;
    Ok(params
        .iter()
        .find(|(param, _)| *param == name)
        .map(|(_, value)| value.to_owned()))
}

async fn cohort_of_path(parts: &mut Parts, state: &AppState) -> Result<cohort::Model, Response> {
    let slug = path_param(parts, state, "slug")
        .await?
        .ok_or_else(|| AppError::NotFound.into_response())?;
    cohorts::find(&state.db, &slug)
        .await
        .map_err(|e| AppError::from(e).into_response())?
        .ok_or_else(|| AppError::NotFound.into_response())
}

/// The refusal for a signed-in person who may not read a members-only cohort: it says who
/// may, and names no one.
pub fn members_only() -> AppError {
    AppError::Forbidden(Text::new("error-members-only"))
}
