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

mod common;
#[allow(dead_code, reason = "the suite uses the rest")]
#[path = "../tests/api/hostile_host.rs"]
mod hostile_host;

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use twentythree::entities::{feed, post};
use twentythree::feeds::fetch::Options;
use twentythree::poller::Poller;

use common::peak_memory_mb;
use hostile_host::{FAULTS, HostileHost};

const HEALTHY: usize = 20;

#[tokio::main]
async fn main() {
    let host = HostileHost::start().await;
    let common::Scratch {
        address,
        state,
        cohort,
        _dir,
    } = common::start("hostile", false).await;
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
        Arc::clone(&state.programs),
        Default::default(),
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
