//! The benchmark: polling throughput and page latency at cohort scale, on loopback.
//!
//! `cargo run --release --example bench -- [BLOGS]` (default 1,000 blogs of 20 posts).
//! It serves generated blogs from an in-process blog host, adds one participant per blog
//! (discovery included), polls everything twice (the second time conditionally) and times
//! the cohort's pages. Figures go to standard output, one per line, to compare between
//! versions. Not a test: nothing here passes or fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::Utc;
use futures_util::StreamExt;
use twentythree::people::NewParticipant;
use twentythree::{feeds, people};

mod common;

use common::peak_memory_mb;

const POSTS: usize = 20;

async fn feed(Path(blog): Path<usize>, headers: HeaderMap) -> impl IntoResponse {
    let etag = format!("\"blog-{blog}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        return (
            StatusCode::NOT_MODIFIED,
            [(header::ETAG, etag)],
            String::new(),
        );
    }
    let items: String = (1..=POSTS)
        .map(|n| {
            format!(
                "<item><title>Thing {n}: notes from blog {blog}</title><link>http://blog.example/{blog}/{n}</link>\
                 <guid>b{blog}-p{n}</guid><category>thing{n}</category><pubDate>Mon, {:02} Oct 2026 10:00:00 +0000</pubDate>\
                 <description>&lt;p&gt;What I tried this week, what went wrong, and what I saw others do. {}&lt;/p&gt;</description></item>",
                1 + n % 28,
                "Lorem ipsum dolor sit amet. ".repeat(20)
            )
        })
        .collect();
    let body = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Blog {blog}</title><link>http://blog.example/{blog}</link>{items}</channel></rss>"
    );
    (StatusCode::OK, [(header::ETAG, etag)], body)
}

async fn latency(
    client: &reqwest::Client,
    url: &str,
    cookie: &str,
    runs: usize,
) -> (Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let response = client
            .get(url)
            .header(header::COOKIE, cookie)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "{url}: {}",
            response.status()
        );
        response.bytes().await.unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    (times[runs / 2], times[runs * 95 / 100])
}

#[tokio::main]
async fn main() {
    let blogs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let host = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, Router::new().route("/{blog}/feed.xml", get(feed))).await
    });

    let common::Scratch {
        address,
        state,
        cohort,
        _dir,
    } = common::start("bench", true).await;

    let started = Instant::now();
    let fetcher = twentythree::fetcher(&state.config).unwrap();
    futures_util::stream::iter(0..blogs)
        .map(|i| {
            let (db, cohort, fetcher) = (&state.db, &cohort, &fetcher);
            async move {
                let blog = format!("http://{host}/{i}/feed.xml");
                let new = NewParticipant::parse(
                    &format!("Participant {i}"),
                    &format!("p{i}@example.org"),
                    &blog,
                )
                .unwrap();
                let member = people::add_participant(db, cohort, &new, Utc::now())
                    .await
                    .unwrap();
                feeds::attach_blog(db, fetcher, &member, new.blog.url(), Utc::now())
                    .await
                    .unwrap();
            }
        })
        .buffer_unordered(8)
        .collect::<Vec<_>>()
        .await;
    println!("blogs: {blogs} of {POSTS} posts each");
    println!(
        "join with discovery: {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let first = state
        .poller
        .poll_now(None, Utc::now(), |_| {})
        .await
        .unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "first poll: {elapsed:.1} s ({:.0} feeds/s): {first}",
        blogs as f64 / elapsed
    );
    let started = Instant::now();
    let second = state
        .poller
        .poll_now(None, Utc::now(), |_| {})
        .await
        .unwrap();
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "second poll (conditional): {elapsed:.1} s ({:.0} feeds/s): {second}",
        blogs as f64 / elapsed
    );

    let email: people::Email = "coordinator@example.org".parse().unwrap();
    let (coordinator, _) = people::add_coordinator(&state.db, &email, "Coordinator", Utc::now())
        .await
        .unwrap();
    let session = twentythree::auth::create_session(&state.db, &coordinator, Utc::now())
        .await
        .unwrap();
    let cookie = format!("twentythree={session}");
    let client = reqwest::Client::new();
    for path in [
        "/cohorts/bench",
        "/cohorts/bench/posts",
        "/cohorts/bench/posts?thing=7&page=3",
        "/api/v1/cohorts/bench/progress",
        "/cohorts/bench/feed.atom",
        "/lessons/7",
        "/coordinator",
        "/coordinator/cohorts/bench",
        "/coordinator/cohorts/bench?show=stalled&page=2",
        "/coordinator/cohorts/bench/reminders",
    ] {
        let url = format!("http://{address}{path}");
        let (median, p95) = latency(&client, &url, &cookie, 20).await;
        println!(
            "GET {path}: median {:.1} ms, p95 {:.1} ms",
            median.as_secs_f64() * 1000.0,
            p95.as_secs_f64() * 1000.0
        );
    }
    println!("peak memory: {:.0} MB", peak_memory_mb());
}
