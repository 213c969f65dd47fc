//! Polling: a cold poll of every blog, an all-304 re-poll and one where a tenth of the
//! blogs have a new post (each with its own peak memory); and the `serve` pass, where the
//! poller inside a running server reads a fresh import by itself.

use std::time::{Duration, Instant};

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::feed;

use crate::report::{self, Row};
use crate::settings::Settings;
use crate::{scratch, world};

/// Tells the world how many new posts every tenth blog has.
pub async fn set_extra(settings: &Settings, extra: u32) {
    let url = format!(
        "http://{}:{}/_extra/{extra}",
        world::host_ip(1),
        settings.world_port
    );
    reqwest::Client::new().post(url).send().await.unwrap();
}

/// The three passes of `twentythree poll`.
pub async fn passes(settings: &Settings) {
    set_extra(settings, 0).await;
    let scratch = scratch::start(settings, false).await;
    let state = &scratch.state;
    scratch::enrol(&state.db, &scratch.cohort, 0..settings.blogs, settings).await;
    for (what, extra) in [("poll cold", 0), ("poll all 304", 0), ("poll 10% new", 1)] {
        set_extra(settings, extra).await;
        report::reset_peak();
        let started = Instant::now();
        let summary = state
            .poller
            .poll_now(None, Utc::now(), |_| {})
            .await
            .unwrap();
        let wall = started.elapsed().as_secs_f64();
        eprintln!("{what}: {summary}");
        let fine = summary.read + summary.unchanged;
        Row {
            rate: Some(f64::from(settings.blogs) / wall),
            posts_per_s: Some(summary.added as f64 / wall),
            wall_s: Some(wall),
            rss_mb: report::peak_mb(),
            note: if fine == summary.feeds() {
                format!(
                    "{} read, {} unchanged, {} new posts",
                    summary.read, summary.unchanged, summary.added
                )
            } else {
                format!("{summary}")
            },
            ..Row::new(format!("{what} ({} blogs)", settings.blogs))
        }
        .emit();
    }
}

async fn read_so_far(db: &sea_orm::DatabaseConnection) -> u64 {
    feed::Entity::find()
        .filter(feed::Column::LastFetchedAt.is_not_null())
        .count(db)
        .await
        .unwrap()
}

/// A running server (background workers on) gets a fresh import of every blog; the pass
/// ends when its poller has read them all, by itself.
pub async fn serve(settings: &Settings) {
    set_extra(settings, 0).await;
    let scratch = scratch::start(settings, true).await;
    let db = &scratch.state.db;
    // Let the workers' first look (an empty database) pass, as in a server that runs.
    tokio::time::sleep(Duration::from_secs(1)).await;
    report::reset_peak();
    let imported = Instant::now();
    scratch::enrol(db, &scratch.cohort, 0..settings.blogs, settings).await;
    let enrolled = imported.elapsed();
    let total = u64::from(settings.blogs);
    let limit = Duration::from_secs(180);
    let mut first = None;
    loop {
        let read = read_so_far(db).await;
        if read > 0 && first.is_none() {
            first = Some(imported.elapsed());
        }
        if read >= total || imported.elapsed() > limit {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let wall = imported.elapsed();
    let read = read_so_far(db).await;
    let first = first.unwrap_or(wall);
    let reading = (wall - first).as_secs_f64().max(0.001);
    Row {
        rate: Some(read as f64 / reading),
        wall_s: Some(wall.as_secs_f64()),
        rss_mb: report::peak_mb(),
        note: format!(
            "{read} of {total} read; import {:.1} s, first read {:.1} s after it began, rate from first to last read",
            enrolled.as_secs_f64(),
            first.as_secs_f64()
        ),
        ..Row::new(format!("serve: fresh import ({} blogs)", settings.blogs))
    }
    .emit();
}
