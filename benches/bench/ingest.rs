//! Ingest, per feed and stage by stage, so a profile can say where a cold poll's time goes:
//! parse (sanitising included, as the parser does it), sanitise alone, recognise, store the
//! posts, and store the decisions (what `completions::evaluate` writes).

use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::TransactionTrait;
use twentythree::feeds::{parse, sanitize, store};
use twentythree::progress::completions::{self, Rules};
use twentythree::progress::recognise::{self, PostFacts};
use url::Url;

use crate::report::Row;
use crate::settings::Settings;
use crate::{blog, poll, scratch, world};

/// Feeds timed per stage.
const FEEDS: u32 = 200;

fn row(what: &str, mut times: Vec<Duration>, note: &str) -> Row {
    times.sort_unstable();
    let total: f64 = times.iter().map(Duration::as_secs_f64).sum();
    let ms = |d: Option<&Duration>| d.map(|d| d.as_secs_f64() * 1000.0);
    Row {
        rate: Some(times.len() as f64 / total),
        p50_ms: ms(times.get(times.len() / 2)),
        p99_ms: ms(times.get(times.len() * 99 / 100)),
        max_ms: ms(times.last()),
        note: note.to_owned(),
        ..Row::new(format!("ingest: {what}"))
    }
}

fn timed<T>(mut work: impl FnMut(u32) -> T) -> Vec<Duration> {
    (0..FEEDS)
        .map(|i| {
            let started = Instant::now();
            std::hint::black_box(work(i));
            started.elapsed()
        })
        .collect()
}

pub async fn stages(settings: &Settings) {
    poll::set_extra(settings, 0).await;
    let url = world::feed_url(1, settings.hosts, settings.world_port);
    let body = reqwest::get(&url).await.unwrap().bytes().await.unwrap();
    let feed_url = Url::parse(&url).unwrap();
    let now = Utc::now();
    let parse_one = || parse::parse(&body, Some("application/rss+xml"), &feed_url, now).unwrap();
    let parsed = parse_one();
    let note = format!("{} KB, {} posts", body.len() / 1024, parsed.posts.len());
    row("parse (sanitise included)", timed(|_| parse_one()), &note).emit();

    let raw = blog::contents(1, feed_url.host_str().unwrap_or_default());
    let sanitise = timed(|_| {
        raw.iter()
            .map(|html| {
                let clean = sanitize::post_html(html, Some(&feed_url));
                sanitize::excerpt(&clean, 300).len() + clean.len()
            })
            .sum::<usize>()
    });
    row("sanitise", sanitise, "post_html and excerpt of each post").emit();

    let scratch = scratch::start(settings, false).await;
    let state = &scratch.state;
    let base = state.config.base_url.clone();
    let cutoff = twentythree::cohorts::archive_cutoff(&scratch.cohort);
    let recognised = timed(|_| {
        parsed
            .posts
            .iter()
            .map(|p| {
                recognise::recognise(
                    &PostFacts::of_parsed(p, now),
                    state.programs.default_program(),
                    &base,
                    cutoff,
                )
            })
            .collect::<Vec<_>>()
    });
    row("recognise", recognised, "").emit();

    let members = scratch::enrol(&state.db, &scratch.cohort, 0..FEEDS, settings).await;
    let mut stored = Vec::new();
    for (member, _) in &members {
        let started = Instant::now();
        let txn = state.db.begin().await.unwrap();
        let feed = member.feed_id.unwrap_or_default();
        let dating = store::Dating {
            feed_date: parsed.updated_at,
            first_read: true,
        };
        store::store_posts(&txn, feed, &parsed.posts, dating, now)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        stored.push(started.elapsed());
    }
    row("store posts", stored, "one transaction per feed").emit();

    let rules = Rules {
        program: state.programs.default_program(),
        base_url: &base,
    };
    let mut decided = Vec::new();
    for (member, _) in &members {
        let started = Instant::now();
        let txn = state.db.begin().await.unwrap();
        completions::evaluate(&txn, rules, member, &scratch.cohort, now)
            .await
            .unwrap();
        txn.commit().await.unwrap();
        decided.push(started.elapsed());
    }
    row(
        "store decisions",
        decided,
        "completions::evaluate, one transaction per feed",
    )
    .emit();
}
