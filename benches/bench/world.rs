//! The world the benchmark reads and loads, in a process of its own so the server's memory
//! is its own: generated blogs on many loopback hosts (127.0.1.1, 127.0.1.2, ... on one
//! port), a switch that gives a tenth of them a new post, and the load generator.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use crate::blog;

/// The `n`th loopback host (1-based): 127.0.1.n.
pub fn host_ip(n: u32) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, 0, 1, u8::try_from(n).unwrap_or(1)))
}

/// The feed address of `blog` in a world of `hosts` hosts on `port`.
pub fn feed_url(blog: u32, hosts: u32, port: u16) -> String {
    format!("http://{}:{port}/{blog}/feed/", host_ip(1 + blog % hosts))
}

#[derive(Clone, Default)]
struct World {
    /// New posts on every tenth blog (blog % 10 == 0).
    extra: Arc<AtomicU32>,
}

async fn feed(State(world): State<World>, Path(blog): Path<u32>, headers: HeaderMap) -> Response {
    let extra = if blog % 10 == 0 {
        world.extra.load(Ordering::Relaxed)
    } else {
        0
    };
    let etag = format!("\"{blog}-{extra}\"");
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str());
    if matches {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("blog.example")
        .to_owned();
    let body = blog::feed(blog, &host, extra);
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                "application/rss+xml; charset=UTF-8".to_owned(),
            ),
            (header::ETAG, etag),
            (
                header::LAST_MODIFIED,
                "Thu, 03 Dec 2026 09:30:00 GMT".to_owned(),
            ),
        ],
        body,
    )
        .into_response()
}

async fn set_extra(State(world): State<World>, Path(extra): Path<u32>) -> StatusCode {
    world.extra.store(extra, Ordering::Relaxed);
    StatusCode::NO_CONTENT
}

/// What the load generator is asked to do.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Load {
    pub url: String,
    pub cookie: Option<String>,
    pub clients: usize,
    pub seconds: f64,
}

/// What it saw.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct LoadResult {
    pub requests: usize,
    pub errors: usize,
    pub first_error: Option<String>,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    pub bytes: usize,
}

async fn load(Json(load): Json<Load>) -> Json<LoadResult> {
    Json(run_load(load).await)
}

/// `clients` clients asking for `url` back to back for `seconds`.
async fn run_load(load: Load) -> LoadResult {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let until = started + Duration::from_secs_f64(load.seconds);
    let tasks: Vec<_> = (0..load.clients)
        .map(|_| {
            let (client, load) = (client.clone(), load.clone());
            tokio::spawn(async move {
                let mut times = Vec::new();
                let (mut errors, mut first_error, mut bytes) = (0, None, 0);
                while Instant::now() < until {
                    let sent = Instant::now();
                    let mut request = client.get(&load.url);
                    if let Some(cookie) = &load.cookie {
                        request = request.header(header::COOKIE, cookie);
                    }
                    match request.send().await {
                        Ok(r) if r.status() == StatusCode::OK => {
                            bytes += r.bytes().await.map_or(0, |b| b.len());
                        }
                        Ok(r) => {
                            errors += 1;
                            if first_error.is_none() {
                                // The status and the page's title, which names the cause
                                // (the server's log on standard error says more).
                                let status = r.status();
                                let body = r.text().await.unwrap_or_default();
                                let title = body
                                    .split_once("<title>")
                                    .and_then(|(_, rest)| rest.split_once("</title>"))
                                    .map_or("", |(title, _)| title.trim());
                                first_error = Some(format!("status {status} (\"{title}\")"));
                            }
                        }
                        Err(e) => {
                            errors += 1;
                            first_error.get_or_insert(e.to_string());
                        }
                    }
                    times.push(sent.elapsed());
                }
                (times, errors, first_error, bytes)
            })
        })
        .collect();
    let mut result = LoadResult::default();
    let mut times = Vec::new();
    for task in tasks {
        let (t, errors, first_error, bytes) = task.await.unwrap();
        times.extend(t);
        result.errors += errors;
        result.bytes += bytes;
        result.first_error = result.first_error.or(first_error);
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort_unstable();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    result.requests = times.len();
    result.per_second = times.len() as f64 / elapsed;
    result.p50_ms = ms(times.get(times.len() / 2));
    result.p99_ms = ms(times.get(times.len() * 99 / 100));
    result.max_ms = ms(times.last());
    result
}

/// Serves the world on `hosts` loopback hosts and prints `WORLD <port>`; ends when its
/// standard input closes (the benchmark ended).
pub async fn serve(hosts: u32) {
    let app = Router::new()
        .route("/{blog}/feed/", get(feed))
        .route("/_extra/{n}", post(set_extra))
        .route("/_load", post(load))
        .with_state(World::default());
    let (port, listeners) = bind_all(hosts).await;
    for listener in listeners {
        tokio::spawn(axum::serve(listener, app.clone()).into_future());
    }
    println!("WORLD {port}");
    let _ = tokio::task::spawn_blocking(|| {
        let mut sink = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut sink)
    })
    .await;
}

/// One listener per host, all on one port.
async fn bind_all(hosts: u32) -> (u16, Vec<tokio::net::TcpListener>) {
    'attempt: for _ in 0..20 {
        let first = tokio::net::TcpListener::bind((host_ip(1), 0))
            .await
            .unwrap();
        let port = first.local_addr().unwrap().port();
        let mut listeners = vec![first];
        for n in 2..=hosts {
            match tokio::net::TcpListener::bind(SocketAddr::new(host_ip(n), port)).await {
                Ok(l) => listeners.push(l),
                Err(_) => continue 'attempt,
            }
        }
        return (port, listeners);
    }
    panic!("cannot bind {hosts} loopback hosts on one port");
}
