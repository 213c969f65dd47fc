//! The pages everyone reads, kept as sent for readers who are not signed in: a cohort's
//! page and river, the lesson pages and the finishers' wall. What such a page says depends
//! only on its address, the reader's language settings and the data, so the first
//! stranger's answer (rendered, then compressed once in every coding) serves every
//! stranger after them while the data version stands still, at most [`LIFETIME`] (the
//! clock's words on a page, like a week opening, are that late at most, as with every
//! kept page). Signed-in readers, whose pages carry their name and their form token, are
//! served as before.
//!
//! A page kept for strangers carries no form token: its only form, the footer's language
//! switcher, works for a stranger without one (see [`crate::web::csrf`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::auth::{LANG_COOKIE, cookie_value, session_token};
use super::body::KeptBody;
use super::cache::LIFETIME;
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

/// Pages kept at most; the map starts afresh when full.
const CAPACITY: usize = 256;

/// The largest page kept.
const LARGEST: usize = 2 * 1024 * 1024;

/// Marks a request whose page is made for every stranger: its reader gets no form token.
#[derive(Clone, Copy, Debug)]
pub struct ForEveryStranger;

/// What decides a stranger's page besides the data: its address with the query, and the
/// reader's language settings (`Accept-Language` and the switcher's cookie).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
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

struct Kept {
    version: i64,
    made: Instant,
    page: Arc<Page>,
}

/// The pages kept for strangers.
#[derive(Default)]
pub struct SharedPages {
    pages: Mutex<HashMap<Key, Kept>>,
}

impl SharedPages {
    fn get(&self, key: &Key, version: i64) -> Option<Arc<Page>> {
        let pages = self.lock();
        let kept = pages.get(key)?;
        (kept.version == version && kept.made.elapsed() < LIFETIME).then(|| kept.page.clone())
    }

    fn keep(&self, key: Key, version: i64, page: Arc<Page>) {
        let mut pages = self.lock();
        if pages.len() >= CAPACITY {
            pages.clear();
        }
        pages.insert(
            key,
            Kept {
                version,
                made: Instant::now(),
                page,
            },
        );
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Kept>> {
        self.pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Answers a stranger's GET of a shared page from what was kept, or keeps the answer.
pub async fn for_strangers(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = shared_key(&request, &state) else {
        return next.run(request).await;
    };
    // The version is read first: what is made below is never kept under a newer one.
    let version = match crate::db::data_version(&state.db).await {
        Ok(version) => version,
        Err(e) => return AppError::from(e).into_response(),
    };
    let asked = request.headers().clone();
    if let Some(page) = state.caches.strangers.get(&key, version) {
        return page.send(&asked);
    }
    request.extensions_mut().insert(ForEveryStranger);
    let response = next.run(request).await;
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, LARGEST).await {
        Ok(bytes) => bytes,
        Err(e) => return AppError::Internal(anyhow::anyhow!("a page body: {e}")).into_response(),
    };
    match KeptBody::new(bytes.clone()).await {
        Ok(body) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            let page = Arc::new(Page {
                body,
                headers: parts.headers,
            });
            state.caches.strangers.keep(key, version, page.clone());
            page.send(&asked)
        }
        Err(_) => Response::from_parts(parts, Body::from(bytes)),
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
