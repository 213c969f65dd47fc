//! The pages everyone reads, kept as sent for readers who are not signed in: a cohort's
//! page and river, the lesson pages and the finishers' wall. What such a page says depends
//! only on its address, the reader's language settings and the data, so the first
//! stranger's answer (rendered, then compressed once in every coding) serves every
//! stranger after them while the data version stands still, at most [`LIFETIME`] (the
//! clock's words on a page, like a week opening, are that late at most, as with every
//! kept page). Signed-in readers, whose pages carry their name and their form token, are
//! served as before. The pages are kept in a [`Cache`] like the data beneath them, so
//! strangers who miss together wait for the one who makes the page, and an answer not to
//! keep (a redirect to sign in, an error) is remembered as such for its data version.
//!
//! A page kept for strangers carries no form token: its only form, the footer's language
//! switcher, works for a stranger without one (see [`crate::web::csrf`]).

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::auth::{LANG_COOKIE, cookie_value, session_token};
use super::body::KeptBody;
use super::cache::Cache;
use super::{AppError, AppState};

/// The routes whose pages are the same for every stranger.
const SHARED: &[&str] = &[
    "/cohorts/{slug}",
    "/cohorts/{slug}/posts",
    "/cohorts/{slug}/finishers",
    "/lessons",
    "/lessons/{number}",
    "/programs/{slug}/lessons/{number}",
];

/// Pages kept at most; the cache starts afresh when full.
const CAPACITY: usize = 256;

/// The largest page kept.
const LARGEST: usize = 2 * 1024 * 1024;

/// Marks a request whose page is made for every stranger: its reader gets no form token.
#[derive(Clone, Copy, Debug)]
pub struct ForEveryStranger;

/// What decides a stranger's page besides the data: its address with the query, and the
/// reader's language settings (`Accept-Language` and the switcher's cookie).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    address: String,
    accept_language: Option<String>,
    lang: Option<String>,
}

/// A page as the first stranger got it: its body and the handler's headers.
pub struct Page {
    body: KeptBody,
    headers: HeaderMap,
}

impl Page {
    fn send(&self, asked: &HeaderMap) -> Response {
        self.body.send(asked, self.headers.clone())
    }
}

/// The pages kept for strangers: a page, or none for an answer not to keep.
pub struct SharedPages(Cache<Key, Option<Page>>);

impl Default for SharedPages {
    fn default() -> Self {
        Self(Cache::with_capacity(CAPACITY))
    }
}

/// Answers a stranger's GET of a shared page from what was kept, or keeps the answer.
pub async fn for_strangers(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = shared_key(&request, &state) else {
        return next.run(request).await;
    };
    let asked = request.headers().clone();
    // The request goes to the handler at most once: in the read, when this reader makes
    // the page, or after it, when the page is not one to keep.
    let mut unsent = Some((request, next));
    let mut not_kept: Option<Response> = None;
    let (unsent_ref, not_kept_ref) = (&mut unsent, &mut not_kept);
    let kept = state
        .caches
        .strangers
        .0
        .get_or_read(&state.db, key, move || async move {
            let Some((mut request, next)) = unsent_ref.take() else {
                return Ok(None);
            };
            request.extensions_mut().insert(ForEveryStranger);
            let (page, response) = keepable(next.run(request).await).await?;
            *not_kept_ref = response;
            Ok(page)
        })
        .await;
    if let Some(response) = not_kept {
        return response;
    }
    let kept = match kept {
        Ok(kept) => kept,
        Err(e) => return e.into_response(),
    };
    match (kept.as_ref(), unsent) {
        (Some(page), _) => page.send(&asked),
        (None, Some((request, next))) => next.run(request).await,
        (None, None) => {
            AppError::Internal(anyhow::anyhow!("a shared page neither kept nor answered"))
                .into_response()
        }
    }
}

/// The page to keep from a handler's answer (a 200 that sets no cookie), or the answer
/// itself when it is not one to keep.
async fn keepable(response: Response) -> Result<(Option<Page>, Option<Response>), AppError> {
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return Ok((None, Some(response)));
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, LARGEST)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("a page body: {e}")))?;
    match KeptBody::new(bytes.clone()).await {
        Ok(body) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            let page = Page {
                body,
                headers: parts.headers,
            };
            Ok((Some(page), None))
        }
        Err(_) => Ok((None, Some(Response::from_parts(parts, Body::from(bytes))))),
    }
}

/// The key of a request for a shared page, if it is one: a GET of a shared route by a
/// reader without a session.
fn shared_key(request: &Request, state: &AppState) -> Option<Key> {
    let route = request.extensions().get::<MatchedPath>()?;
    let headers = request.headers();
    if request.method() != Method::GET
        || !SHARED.contains(&route.as_str())
        || session_token(headers, &state.config.base_url).is_some()
    {
        return None;
    }
    Some(Key {
        address: request.uri().path_and_query()?.as_str().to_owned(),
        accept_language: headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        lang: cookie_value(headers, LANG_COOKIE),
    })
}
