//! Crashes and contention with the real binary: `kill -9` of `twentythree serve` during a
//! poll and during mail sending loses and doubles nothing; the CLI writing thousands of
//! rows while the server serves and writes never shows anyone an error.

use std::collections::HashMap;
use std::process::{Child, Stdio};
use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::{feed, outbox, post};

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{TestApp, binary, spawn_app, stderr, wait_until};
use crate::hostile_host::{self, HostileHost};
use crate::progress::finisher_feed;

const FINISHERS: usize = 8;

/// Starts the real server on this app's database, with its background workers.
fn serve(app: &TestApp) -> Child {
    binary(app.dir.path(), &app.database_url)
        .arg("serve")
        .env("TWENTYTHREE_BIND", "127.0.0.1:0")
        .env("TWENTYTHREE_SMTP_URL", app.smtp.url().as_str())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts")
}

async fn post_count(app: &TestApp) -> u64 {
    post::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_during_a_poll_and_during_sending_loses_and_doubles_nothing() {
    let app = spawn_app().await;
    app.create_cohort("crash", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    for n in 0..FINISHERS {
        let path = format!("/finisher{n}/feed.xml");
        host.set_fault(
            &path,
            Fault::Body("application/rss+xml".into(), finisher_feed(1..=23)),
        );
        app.add_participant(
            "crash",
            &format!("F{n}"),
            &format!("f{n}@example.org"),
            &host.url(&path),
        );
    }
    // A blog that never answers keeps the poll under way for its 20 seconds.
    let hostile = HostileHost::start().await;
    let cohort = twentythree::cohorts::find(&app.state.db, "crash")
        .await
        .unwrap()
        .unwrap();
    let never = hostile.path_url(hostile_host::Fault::NeverAnswers);
    hostile_host::enrol(&app.state.db, &cohort, "Slow", &never).await;

    // 1. Killed in the middle of the poll: the never-answering feed is still being read.
    let mut server = serve(&app);
    wait_until("the poll is under way", Duration::from_secs(60), || async {
        let slow = feed::Entity::find()
            .filter(feed::Column::Url.eq(never.as_str()))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        slow.lease_owner.is_some() && post_count(&app).await > 0
    })
    .await;
    server.kill().unwrap();
    server.wait().unwrap();

    // The dead process's leases run out (two minutes, passed here by the clock in the row).
    feed::Entity::update_many()
        .col_expr(
            feed::Column::LeaseUntil,
            sea_orm::sea_query::Expr::value(Utc::now() - chrono::Duration::seconds(1)),
        )
        .filter(feed::Column::LeaseOwner.is_not_null())
        .exec(&app.state.db)
        .await
        .unwrap();

    // 2. Restarted, then killed as soon as the first email has left.
    let mut server = serve(&app);
    let expected_posts = (FINISHERS * 23) as u64;
    wait_until(
        "every post is stored and mail is going out",
        Duration::from_secs(60),
        || async { post_count(&app).await == expected_posts && !app.smtp.messages().is_empty() },
    )
    .await;
    server.kill().unwrap();
    server.wait().unwrap();

    // 3. Another start (in-process, a few minutes on, past the dead sender's lease) finishes
    //    the mail; a second poll of everything stores nothing twice.
    let later = Utc::now() + chrono::Duration::minutes(10);
    app.send_mail_at(later).await;
    app.send_mail_at(later + chrono::Duration::minutes(10))
        .await;
    let summary = app.poll_feeds().await;
    assert_eq!(summary.added, 0, "{summary}");

    let posts = post::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(
        posts.len() as u64,
        expected_posts,
        "no post stored twice or lost"
    );
    let mut per_feed: HashMap<(i32, String), usize> = HashMap::new();
    for post in &posts {
        *per_feed
            .entry((post.feed_id, post.guid.clone()))
            .or_default() += 1;
    }
    assert!(per_feed.values().all(|n| *n == 1));

    let (_, progress) = app.get_json("/api/v1/cohorts/crash/progress").await;
    for person in progress["participants"].as_array().unwrap() {
        if person["name"].as_str().unwrap().starts_with('F') {
            assert_eq!(
                person["completed"].as_array().unwrap().len(),
                23,
                "{person}"
            );
        }
    }

    let rows = outbox::Entity::find().all(&app.state.db).await.unwrap();
    let celebrations = rows
        .iter()
        .filter(|r| r.kind.as_ref() == "celebration")
        .count();
    assert_eq!(
        celebrations, FINISHERS,
        "one celebration per finisher, none lost"
    );
    let messages = app.smtp.messages();
    for row in &rows {
        let copies: Vec<_> = messages
            .iter()
            .filter(|m| {
                m.header("Message-ID")
                    .is_some_and(|id| id.starts_with(&format!("<outbox-{}.", row.id)))
            })
            .collect();
        let resend = row.kind.resend_if_interrupted();
        match row.status.as_ref() {
            "sent" => assert!(
                !copies.is_empty(),
                "row {} ({}) marked sent, never received",
                row.id,
                row.kind
            ),
            "failed" => assert!(
                !resend
                    && row
                        .last_error
                        .as_deref()
                        .unwrap_or_default()
                        .contains("interrupted"),
                "row {} ({}): {:?}",
                row.id,
                row.kind,
                row.last_error
            ),
            other => panic!("row {} ({}) left {other}", row.id, row.kind),
        }
        assert!(
            copies.len() <= 1 || resend,
            "row {} ({}) arrived {} times",
            row.id,
            row.kind,
            copies.len()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_cli_importing_thousands_while_the_server_writes_shows_nobody_an_error() {
    let app = spawn_app().await;
    app.create_cohort("busy", "2026-09-01".parse().unwrap(), &[]);
    let mut csv = String::from("name,email,blog\n");
    for n in 0..1500 {
        // Port 1 refuses at once: every row still gets a (pending) feed written.
        csv.push_str(&format!(
            "Person {n},person{n}@example.org,http://127.0.0.1:1/blog{n}/\n"
        ));
    }
    let file = app.dir.path().join("many.csv");
    std::fs::write(&file, csv).unwrap();
    let (dir, database_url) = (app.dir.path().to_owned(), app.database_url.clone());
    let path = file.display().to_string();
    let import = tokio::task::spawn_blocking(move || {
        crate::helpers::run_cli_in(
            &dir,
            &database_url,
            &["participant", "import", "--cohort", "busy", &path],
        )
    });

    let mut answers = 0;
    let mut n = 0;
    while !import.is_finished() {
        n += 1;
        let page = app.get("/cohorts/busy").await;
        assert!(page.status < 500, "GET /cohorts/busy: {}", page.status);
        let response = app
            .client
            .post(format!("{}/login", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("email=visitor{n}%40example.org"))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        assert!(status < 500, "POST /login: {status} {body}");
        answers += 2;
    }
    let output = import.await.unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(answers >= 10, "only {answers} requests during the import");
    let (_, progress) = app.get_json("/api/v1/cohorts/busy/progress").await;
    assert_eq!(progress["participants"].as_array().unwrap().len(), 1500);
}
