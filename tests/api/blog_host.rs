//! A blog host for the tests: a real HTTP server on loopback serving the fixture blogs in
//! `tests/fixtures/blogs` with ETag/Last-Modified/304, counting requests, and misbehaving
//! on demand.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::hostile_host::replace;

/// A way to misbehave at one path.
#[derive(Clone, Debug)]
pub enum Fault {
    Status(u16),
    RetryAfter(u16, String),
    Redirect(u16, String),
    Body(String, Vec<u8>),
    /// The next request waits this long before getting the inner answer; later ones get
    /// the inner answer at once (a reader that hangs mid-fetch, once).
    SlowOnce(std::time::Duration, Box<Fault>),
}

#[derive(Default)]
struct Counters {
    hits: HashMap<String, usize>,
    conditional: HashMap<String, usize>,
    not_modified: HashMap<String, usize>,
}

struct Host {
    root: PathBuf,
    host: String,
    base: String,
    counters: Mutex<Counters>,
    faults: Mutex<HashMap<String, Fault>>,
}

pub struct BlogHost {
    pub address: SocketAddr,
    state: Arc<Host>,
}

impl BlogHost {
    /// Starts the host; `base` is the Twentythree base URL the fixtures link to.
    pub async fn start(base: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let state = Arc::new(Host {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blogs"),
            host: address.to_string(),
            base: base.trim_end_matches('/').to_owned(),
            counters: Mutex::default(),
            faults: Mutex::default(),
        });
        let app = Router::new().fallback(serve).with_state(state.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { address, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Requests for `path` so far.
    pub fn hits(&self, path: &str) -> usize {
        self.state
            .counters
            .lock()
            .unwrap()
            .hits
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    /// Requests for `path` that carried If-None-Match or If-Modified-Since.
    pub fn conditional_hits(&self, path: &str) -> usize {
        self.state
            .counters
            .lock()
            .unwrap()
            .conditional
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    pub fn not_modified(&self, path: &str) -> usize {
        self.state
            .counters
            .lock()
            .unwrap()
            .not_modified
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    pub fn total_hits(&self) -> usize {
        self.state.counters.lock().unwrap().hits.values().sum()
    }

    pub fn set_fault(&self, path: &str, fault: Fault) {
        self.state
            .faults
            .lock()
            .unwrap()
            .insert(path.to_owned(), fault);
    }
}

fn fixture_path(path: &str) -> String {
    let aliases = [
        ("/wordpress/feed/", "wordpress/feed.xml"),
        ("/wordpress/comments/feed/", "wordpress/comments.xml"),
        ("/blogger/feeds/posts/default", "blogger/atom.xml"),
        ("/mastodon/@kim.rss", "mastodon/kim.rss"),
        ("/mastodon/@kim", "mastodon/index.html"),
    ];
    if let Some((_, file)) = aliases.iter().find(|(alias, _)| *alias == path) {
        return (*file).to_owned();
    }
    if path.ends_with('/') {
        return format!("{}index.html", path.trim_start_matches('/'));
    }
    path.trim_start_matches('/').to_owned()
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("xml" | "rss" | "rdf") => "application/xml",
        Some("json") => "application/json",
        _ => "text/html; charset=utf-8",
    }
}

async fn serve(State(host): State<Arc<Host>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let headers: HeaderMap = request.headers().clone();
    {
        let mut counters = host.counters.lock().unwrap();
        *counters.hits.entry(path.clone()).or_default() += 1;
        if headers.contains_key(header::IF_NONE_MATCH)
            || headers.contains_key(header::IF_MODIFIED_SINCE)
        {
            *counters.conditional.entry(path.clone()).or_default() += 1;
        }
    }
    let mut fault = host.faults.lock().unwrap().get(&path).cloned();
    if let Some(Fault::SlowOnce(wait, inner)) = fault {
        host.faults
            .lock()
            .unwrap()
            .insert(path.clone(), (*inner).clone());
        tokio::time::sleep(wait).await;
        fault = Some(*inner);
    }
    match fault {
        Some(Fault::Status(code)) => return StatusCode::from_u16(code).unwrap().into_response(),
        Some(Fault::RetryAfter(code, after)) => {
            return (
                StatusCode::from_u16(code).unwrap(),
                [(header::RETRY_AFTER, after)],
            )
                .into_response();
        }
        Some(Fault::Redirect(code, to)) => {
            return (
                StatusCode::from_u16(code).unwrap(),
                [(header::LOCATION, to.replace("{{host}}", &host.host))],
            )
                .into_response();
        }
        Some(Fault::Body(kind, body)) => {
            return ([(header::CONTENT_TYPE, kind)], body).into_response();
        }
        Some(Fault::SlowOnce(..)) | None => {}
    }
    let file = fixture_path(&path);
    if file.contains("..") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(raw) = std::fs::read(host.root.join(&file)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let body = replace(
        &replace(&raw, b"{{host}}", host.host.as_bytes()),
        b"{{base}}",
        host.base.as_bytes(),
    );
    let etag = format!(
        "\"{:x}\"",
        body.iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b))
                .wrapping_mul(0x100_0000_01b3))
    );
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        *host
            .counters
            .lock()
            .unwrap()
            .not_modified
            .entry(path)
            .or_default() += 1;
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    Response::builder()
        .header(header::CONTENT_TYPE, content_type(&file))
        .header(header::ETAG, etag)
        .header(header::LAST_MODIFIED, "Mon, 02 Nov 2026 10:00:00 GMT")
        .body(Body::from(body))
        .unwrap()
}
