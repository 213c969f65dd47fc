//! What the busiest pages keep between requests (the river, the output feeds, the grid, the
//! progress API) is never older than the data: a change made by another process — the CLI
//! reading feeds or adding people, a second instance, an operator's SQL — shows on the
//! next request.

use chrono::{Days, Duration, Utc};
use twentythree::cohorts::{Pace, Visibility};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{spawn_app, stderr};

fn rss(items: &[(&str, &str)]) -> Vec<u8> {
    let published = (Utc::now() - Duration::hours(2)).to_rfc2822();
    let items: String = items
        .iter()
        .map(|(guid, title)| {
            format!(
                "<item><title>{title}</title><link>http://blog.example/{guid}</link>\
                 <guid>{guid}</guid><pubDate>{published}</pubDate>\
                 <description>What I learned.</description></item>"
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A blog</title>\
         <link>http://blog.example/</link>{items}</channel></rss>"
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread")]
async fn kept_pages_show_what_another_process_changed_on_the_next_request() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let cohort = app
        .new_cohort(
            "kept",
            Utc::now().date_naive() - Days::new(3),
            Visibility::Public,
            Pace::Cohort,
        )
        .await;
    let feed = |items: &[(&str, &str)]| Fault::Body("application/rss+xml".into(), rss(items));
    host.set_fault("/ada.xml", feed(&[("a1", "Ada on Thing 1")]));
    let at = Utc::now() - Duration::days(3);
    app.join_at(
        &cohort,
        "Ada Lovelace",
        "ada@example.org",
        &host.url("/ada.xml"),
        at,
    )
    .await;
    app.new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    app.poll_feeds().await;
    let coordinator = Browser::sign_in(&app, "coco@example.org").await;

    // Each page is asked twice, so that the second answer comes from what was kept.
    for _ in 0..2 {
        assert!(app.get("/cohorts/kept").await.body.contains("Ada Lovelace"));
        assert!(!app.get("/lessons/2").await.body.contains("Ada on Thing 2"));
        assert!(
            app.get("/cohorts/kept/posts")
                .await
                .body
                .contains("Ada on Thing 1")
        );
        assert!(
            app.get("/cohorts/kept/feed.atom")
                .await
                .body
                .contains("Ada on Thing 1")
        );
        assert!(
            app.get("/cohorts/kept/feed.json")
                .await
                .body
                .contains("Ada on Thing 1")
        );
        assert!(
            coordinator
                .get("/coordinator/cohorts/kept")
                .await
                .body
                .contains("Ada Lovelace")
        );
    }

    // Another process reads the feeds: the new post is on the next page asked.
    host.set_fault(
        "/ada.xml",
        feed(&[("a1", "Ada on Thing 1"), ("a2", "Ada on Thing 2")]),
    );
    let poll = app.run_cli(&["poll"]);
    assert!(poll.status.success(), "{}", stderr(&poll));
    let river = app.get("/cohorts/kept/posts").await.body;
    assert!(river.contains("Ada on Thing 2"), "{river}");
    let lesson = app.get("/lessons/2").await.body;
    assert!(lesson.contains("Ada on Thing 2"), "{lesson}");
    assert!(
        app.get("/cohorts/kept/feed.atom")
            .await
            .body
            .contains("Ada on Thing 2")
    );
    assert!(
        app.get("/cohorts/kept/feed.json")
            .await
            .body
            .contains("Ada on Thing 2")
    );
    let grid = coordinator.get("/coordinator/cohorts/kept").await.body;
    assert!(
        grid.contains("Ada on Thing 2"),
        "the grid's cell links the new post: {grid}"
    );

    // Another process adds a participant: the grid lists her at once.
    let added = app.run_cli(&[
        "participant",
        "add",
        "--cohort",
        "kept",
        "--name",
        "Grace Hopper",
        "--email",
        "grace@example.org",
        "--blog",
        &host.url("/grace.xml"),
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let grid = coordinator.get("/coordinator/cohorts/kept").await.body;
    assert!(grid.contains("Grace Hopper"), "{grid}");
    let page = app.get("/cohorts/kept").await.body;
    assert!(page.contains("Grace Hopper"), "{page}");

    // A change written straight into the database (as an operator's SQL would) is seen
    // too: the author's new name on the river and in the feeds.
    use sea_orm::ConnectionTrait;
    app.state
        .db
        .execute_unprepared("UPDATE people SET name = 'Ada King' WHERE email = 'ada@example.org'")
        .await
        .unwrap();
    assert!(
        app.get("/cohorts/kept/posts")
            .await
            .body
            .contains("Ada King")
    );
    assert!(
        app.get("/cohorts/kept/feed.atom")
            .await
            .body
            .contains("Ada King")
    );
    assert!(app.get("/cohorts/kept").await.body.contains("Ada King"));
}

/// A page kept for readers who are not signed in serves every such reader in their own
/// language and nobody else: a signed-in reader of the same address gets their own page
/// (their name, their form token), a stranger gets no one's token and still switches
/// language from it, and a members-only cohort's page is never kept for strangers.
#[tokio::test(flavor = "multi_thread")]
async fn a_page_kept_for_strangers_serves_strangers_only() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let starts = Utc::now().date_naive() - Days::new(3);
    let open = app
        .new_cohort("open", starts, Visibility::Public, Pace::Cohort)
        .await;
    let closed = app
        .new_cohort("closed", starts, Visibility::Members, Pace::Cohort)
        .await;
    let feed = Fault::Body(
        "application/rss+xml".into(),
        rss(&[("a1", "Ada on Thing 1")]),
    );
    host.set_fault("/ada.xml", feed);
    let at = Utc::now() - Duration::days(3);
    let ada = "ada@example.org";
    app.join_at(&open, "Ada Lovelace", ada, &host.url("/ada.xml"), at)
        .await;
    app.join_at(&closed, "Ada Lovelace", ada, &host.url("/ada.xml"), at)
        .await;
    app.poll_feeds().await;

    for path in ["/cohorts/open", "/cohorts/open/posts", "/lessons/1"] {
        let english = Browser::new(&app);
        let german = Browser::speaking(&app, "de");
        for _ in 0..2 {
            let page = english.get(path).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(page.body.contains("Ada on Thing 1") || path == "/cohorts/open");
            assert_eq!(crate::i18n::html_lang(&page.body), "en", "{path}");
            assert!(
                !page.body.contains(r#"name="csrf""#),
                "{path} carries no token"
            );
            // A German browser: the lesson page speaks German, a cohort's pages its
            // program's language (English here), as for any stranger.
            let page = german.get(path).await.body;
            let expected = if path.starts_with("/lessons") {
                "de"
            } else {
                "en"
            };
            assert_eq!(crate::i18n::html_lang(&page), expected, "{path}");
        }
        let signed_in = Browser::sign_in(&app, ada).await;
        let own = signed_in.get(path).await.body;
        assert!(own.contains("Signed in as Ada Lovelace"), "{path}: {own}");
        assert!(
            own.contains(r#"name="csrf" value=""#),
            "{path} carries her token"
        );
        // The stranger's footer form works without a token.
        let switched = english
            .submit(path, "/language", &[("lang", "nl"), ("back", path)])
            .await;
        assert_eq!(switched.status, 303, "{path}");
        let dutch = english.get(path).await.body;
        assert_eq!(crate::i18n::html_lang(&dutch), "nl", "{path}");
    }

    // Strangers who come together after a change wait for the one who makes the page,
    // and all get it.
    use sea_orm::ConnectionTrait;
    app.state
        .db
        .execute_unprepared("UPDATE people SET name = 'Ada King' WHERE email = 'ada@example.org'")
        .await
        .unwrap();
    for page in strangers_together(&app, "/cohorts/open/posts").await {
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Ada King"), "{}", page.body);
    }

    // A members-only cohort sends a stranger to sign in every time, and shows a member
    // her cohort.
    for page in strangers_together(&app, "/cohorts/closed/posts").await {
        assert_eq!(page.status, 303);
    }
    let stranger = Browser::new(&app);
    assert_eq!(stranger.get("/cohorts/closed/posts").await.status, 303);
    let member = Browser::sign_in(&app, ada).await;
    let river = member.get("/cohorts/closed/posts").await;
    assert_eq!(river.status, 200);
    assert!(river.body.contains("Ada on Thing 1"));
}

#[tokio::test(flavor = "multi_thread")]
async fn readers_who_miss_together_wait_for_one_read() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let app = spawn_app().await;
    let cache = Arc::new(twentythree::web::cache::Cache::<i32, usize>::default());
    let reads = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..16)
        .map(|_| {
            let (cache, reads, db) = (cache.clone(), reads.clone(), app.state.db.clone());
            tokio::spawn(async move {
                cache
                    .get_or_read(&db, 1, || async {
                        let n = reads.fetch_add(1, Ordering::SeqCst) + 1;
                        // A slow read (a big river), so that the others come meanwhile.
                        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                        Ok(n)
                    })
                    .await
                    .map(|value| *value)
            })
        })
        .collect();
    for reader in readers {
        assert_eq!(
            reader.await.unwrap().unwrap(),
            1,
            "everyone got the one read"
        );
    }
    assert_eq!(reads.load(Ordering::SeqCst), 1, "sixteen readers, one read");
}

/// What 16 strangers asking for `path` at the same moment each get.
async fn strangers_together(
    app: &crate::helpers::TestApp,
    path: &str,
) -> Vec<crate::browser::Answer> {
    let asking: Vec<_> = (0..16)
        .map(|_| {
            let stranger = Browser::new(app);
            let path = path.to_owned();
            tokio::spawn(async move { stranger.get(&path).await })
        })
        .collect();
    let mut answers = Vec::new();
    for answer in asking {
        answers.push(answer.await.unwrap());
    }
    answers
}
