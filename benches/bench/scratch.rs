//! A server under test on a fresh database (SQLite, or a new database on the PostgreSQL
//! server named by `TWENTYTHREE_BENCH_DATABASE_URL`), and participants enrolled in bulk.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, TransactionTrait};
use twentythree::entities::{cohort, feed, participant, person};
use twentythree::feeds::health::Status;
use twentythree::people::{self, NewParticipant};

use crate::common::{self, Scratch};
use crate::settings::Settings;
use crate::world;

/// A server on a fresh database with the public cohort `bench`; `workers` runs the
/// background workers as `serve` does.
pub async fn start(settings: &Settings, workers: bool) -> Scratch {
    let database = settings.database_url.as_deref().map(fresh_postgres);
    let database = match database {
        Some(pending) => Some(pending.await),
        None => None,
    };
    common::start_with("bench", move |config| {
        config.allow_private_feeds = true;
        config.background_workers = workers;
        if let Some(url) = database {
            config.database_url = url;
        }
    })
    .await
}

/// Creates a database with a random name on the server at `server` and returns its URL.
async fn fresh_postgres(server: &str) -> String {
    let name = format!("bench_{:016x}", rand::random::<u64>());
    let admin = sea_orm::Database::connect(server).await.unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let mut url = url::Url::parse(server).unwrap();
    url.set_path(&name);
    url.to_string()
}

/// Adds participants `blogs` (a range of blog numbers) to `cohort`, each with the feed of
/// their generated blog, due now and never read (as after an import and discovery).
pub async fn enrol(
    db: &sea_orm::DatabaseConnection,
    cohort: &cohort::Model,
    blogs: std::ops::Range<u32>,
    settings: &Settings,
) -> Vec<(participant::Model, person::Model)> {
    let now = Utc::now();
    let mut enrolled = Vec::new();
    let numbers: Vec<u32> = blogs.collect();
    for chunk in numbers.chunks(500) {
        let txn = db.begin().await.unwrap();
        for &blog in chunk {
            let url = world::feed_url(blog, settings.hosts, settings.world_port);
            let new = NewParticipant::parse(
                &format!("Participant {blog:05}"),
                &format!("p{blog}@example.org"),
                &url,
            )
            .unwrap();
            let member = people::add_participant(&txn, cohort, &new, now)
                .await
                .unwrap();
            let feed = feed::ActiveModel {
                url: Set(url),
                status: Set(Status::Pending),
                next_fetch_at: Set(Some(now)),
                consecutive_errors: Set(0),
                previous_urls: Set("[]".into()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap();
            let mut row: participant::ActiveModel = member.into();
            row.feed_id = Set(Some(feed.id));
            let member = row.update(&txn).await.unwrap();
            let person = people::find_person(&txn, &new.email)
                .await
                .unwrap()
                .unwrap();
            enrolled.push((member, person));
        }
        txn.commit().await.unwrap();
    }
    enrolled
}
