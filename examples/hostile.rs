//! The hostile poll: one cohort whose blogs include every fault of the hostile host (never
//! answers, trickles, 300 MB, gzip bomb, redirect loops and redirects into private
//! networks, 410, 500, 429, HTML, billion laughs, 100,000 entries, absurd lengths and
//! dates, one GUID for all, invalid UTF-8) beside healthy blogs, polled once with the
//! production timeouts. Prints the poll time, the slowest page answered meanwhile, each
//! feed's outcome and the process's peak memory (VmHWM).
//!
//! `cargo run --release --example hostile`. Not a test: the targets (two minutes, 300 MB)
//! are read off its output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[allow(dead_code, reason = "the suite uses the rest")]
#[path = "../tests/api/hostile_host.rs"]
mod hostile_host;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use twentythree::cohorts::{self, NewCohort, Pace, Settings, Visibility};
use twentythree::entities::{feed, post};
use twentythree::feeds::fetch::Options;
use twentythree::feeds::poller::Poller;
use twentythree::{Application, Config};

use hostile_host::{FAULTS, HostileHost};

const HEALTHY: usize = 20;

fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let host = HostileHost::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        database_url: format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("hostile.db").display()
        ),
        bind: "127.0.0.1:0".parse().unwrap(),
        lessons_dir: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
        mail_dir: dir.path().join("mail"),
        allow_private_feeds: false,
        background_workers: false,
        ..Config::defaults().unwrap()
    };
    let app = Application::build(config).await.unwrap();
    let address = app.local_addr().unwrap();
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let settings = Settings {
        name: "Hostile".into(),
        starts_on: "2026-09-01".parse().unwrap(),
        ends_on: None,
        timezone: chrono_tz::UTC,
        release_weekday: None,
        release_time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        pace: Pace::Cohort,
        visibility: Visibility::Public,
        celebrate_cohort: false,
        self_report: false,
    };
    let new = NewCohort {
        slug: "hostile".parse().unwrap(),
        settings,
    };
    let cohort = cohorts::create(&state.db, new, Utc::now()).await.unwrap();
    for fault in FAULTS {
        hostile_host::enrol(&state.db, &cohort, fault.name(), &host.url(*fault)).await;
    }
    for n in 0..HEALTHY {
        hostile_host::enrol(
            &state.db,
            &cohort,
            &format!("healthy{n}"),
            &host.healthy_url(n),
        )
        .await;
    }
    let defaults = Options::default();
    let poller = Poller::new(
        state.db.clone(),
        hostile_host::fetcher(&host, defaults.total_timeout),
        &state.config,
        Arc::clone(&state.program),
    );

    let started = Instant::now();
    let polled = cohort.clone();
    let poll = tokio::spawn(async move {
        poller
            .poll_now(Some(&polled), Utc::now(), |_| {})
            .await
            .unwrap()
    });
    let client = reqwest::Client::new();
    let mut slowest = Duration::ZERO;
    let mut pages = 0;
    while !poll.is_finished() {
        let asked = Instant::now();
        let response = client
            .get(format!("http://{address}/cohorts/hostile"))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        response.bytes().await.unwrap();
        slowest = slowest.max(asked.elapsed());
        pages += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let summary = poll.await.unwrap();
    let took = started.elapsed();

    println!(
        "blogs: {} hostile, {HEALTHY} healthy; timeouts {:?} connect, {:?} total",
        FAULTS.len(),
        defaults.connect_timeout,
        defaults.total_timeout
    );
    println!("poll: {:.1} s: {summary}", took.as_secs_f64());
    println!(
        "pages during the poll: {pages}, slowest {:.0} ms",
        slowest.as_secs_f64() * 1000.0
    );
    for fault in FAULTS {
        let row = feed::Entity::find()
            .filter(feed::Column::Url.eq(host.url(*fault)))
            .one(&state.db)
            .await
            .unwrap()
            .unwrap();
        let posts = post::Entity::find()
            .filter(post::Column::FeedId.eq(row.id))
            .all(&state.db)
            .await
            .unwrap()
            .len();
        println!(
            "  {:<18} {:<8} {} posts  {}",
            fault.name(),
            row.status,
            posts,
            row.last_error.unwrap_or_default()
        );
    }
    println!("private canary contacted: {} times", host.canary_hits());
    println!("peak memory: {:.0} MB", peak_memory_mb());
}
