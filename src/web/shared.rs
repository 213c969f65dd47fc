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

use tokio::sync::Notify;
use tokio::sync::futures::OwnedNotified;

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

/// A page being made by its first reader (the others wait for it), made, or an answer not
/// to keep (a redirect to sign in, an error): then every reader asks the handler.
enum Making {
    Now(Arc<Notify>),
    Done(Arc<Page>),
    Never,
}

struct Kept {
    version: i64,
    made: Instant,
    page: Making,
}

/// What a reader does about a page.
enum Turn {
    /// Sends it.
    Send(Arc<Page>),
    /// Waits for the reader who is making it.
    Wait(OwnedNotified),
    /// Makes it (and tells those who wait).
    Make(Arc<Notify>),
    /// Asks the handler: this answer is not kept.
    Pass,
}

/// How a reader's turn at making a page ended.
enum Ending {
    /// With a page to keep.
    Kept(Arc<Page>),
    /// With an answer not to keep, for this data version.
    NotKept,
    /// Without an answer (the request was dropped): the next reader makes it.
    Abandoned,
}

/// The pages kept for strangers.
#[derive(Default)]
pub struct SharedPages {
    pages: Mutex<HashMap<Key, Kept>>,
}

impl SharedPages {
    /// The kept page of `key` at `version`, or the wait for the reader making it, or the
    /// turn to make it.
    fn turn(&self, key: &Key, version: i64) -> Turn {
        let mut pages = self.lock();
        if let Some(kept) = pages.get(key)
            && kept.version == version
            && kept.made.elapsed() < LIFETIME
        {
            return match &kept.page {
                Making::Done(page) => Turn::Send(page.clone()),
                Making::Never => Turn::Pass,
                // Made before the lock is let go: the maker's word cannot come too early.
                Making::Now(notify) => Turn::Wait(notify.clone().notified_owned()),
            };
        }
        if pages.len() >= CAPACITY {
            pages.clear();
        }
        let notify = Arc::new(Notify::new());
        pages.insert(
            key.clone(),
            Kept {
                version,
                made: Instant::now(),
                page: Making::Now(notify.clone()),
            },
        );
        Turn::Make(notify)
    }

    /// How the making of `key` at `version` ended; the waiting readers are told.
    fn made(&self, key: &Key, version: i64, ending: Ending, notify: &Notify) {
        {
            let mut pages = self.lock();
            if let Some(kept) = pages.get_mut(key)
                && kept.version == version
                && matches!(kept.page, Making::Now(_))
            {
                match ending {
                    Ending::Kept(page) => kept.page = Making::Done(page),
                    Ending::NotKept => kept.page = Making::Never,
                    Ending::Abandoned => {
                        pages.remove(key);
                    }
                }
            }
        }
        notify.notify_waiters();
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
    let notify = loop {
        match state.caches.strangers.turn(&key, version) {
            Turn::Send(page) => return page.send(&asked),
            Turn::Wait(made) => {
                made.await;
                // Made, not to be kept, or given up (then this reader may make it).
            }
            Turn::Make(notify) => break notify,
            Turn::Pass => return next.run(request).await,
        }
    };
    let turn = MakerTurn {
        state: state.clone(),
        key,
        version,
        notify,
        ended: false,
    };
    request.extensions_mut().insert(ForEveryStranger);
    let response = next.run(request).await;
    let (page, response) = keepable(response).await;
    match page {
        Some(page) => {
            turn.end(Ending::Kept(page.clone()));
            page.send(&asked)
        }
        None => {
            turn.end(Ending::NotKept);
            response
        }
    }
}

/// The turn of the reader making a page. However it ends (a page, an answer not to keep,
/// or the client gone mid-way and the request dropped), the readers waiting for it are
/// told.
struct MakerTurn {
    state: AppState,
    key: Key,
    version: i64,
    notify: Arc<Notify>,
    ended: bool,
}

impl MakerTurn {
    fn end(mut self, ending: Ending) {
        self.ended = true;
        let strangers = &self.state.caches.strangers;
        strangers.made(&self.key, self.version, ending, &self.notify);
    }
}

impl Drop for MakerTurn {
    fn drop(&mut self) {
        if !self.ended {
            let strangers = &self.state.caches.strangers;
            strangers.made(&self.key, self.version, Ending::Abandoned, &self.notify);
        }
    }
}

/// The page to keep from a handler's answer (a 200 that sets no cookie), with the answer
/// to send when there is none.
async fn keepable(response: Response) -> (Option<Arc<Page>>, Response) {
    if response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
        || response.headers().contains_key(header::CONTENT_ENCODING)
    {
        return (None, response);
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, LARGEST).await {
        Ok(bytes) => bytes,
        Err(e) => {
            let e = AppError::Internal(anyhow::anyhow!("a page body: {e}"));
            return (None, e.into_response());
        }
    };
    match KeptBody::new(bytes.clone()).await {
        Ok(body) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            let page = Page {
                body,
                headers: parts.headers,
            };
            (Some(Arc::new(page)), Response::default())
        }
        Err(_) => (None, Response::from_parts(parts, Body::from(bytes))),
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
