//! A cohort whose blogs misbehave in every way at once, beside healthy blogs: each fault
//! ends as a named error (or the right non-error outcome) on its own feed, every healthy
//! blog is read, nothing private is contacted, and the server keeps answering meanwhile.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Datelike, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use twentythree::entities::{feed, post};
use twentythree::poller::Poller;

use crate::helpers::{days_from_today, spawn_app};
use crate::hostile_host::{self, FAULTS, Fault, HostileHost, LONG_TITLE, MANY_ENTRIES};

const HEALTHY: usize = 5;

async fn feed_at(db: &sea_orm::DatabaseConnection, url: &str) -> feed::Model {
    feed::Entity::find()
        .filter(feed::Column::Url.eq(url))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no feed at {url}"))
}

async fn posts_of(db: &sea_orm::DatabaseConnection, feed: &feed::Model) -> Vec<post::Model> {
    post::Entity::find()
        .filter(post::Column::FeedId.eq(feed.id))
        .all(db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_cohort_of_hostile_blogs_polls_to_the_end_with_every_fault_named() {
    let app = spawn_app().await;
    app.create_cohort("hostile", days_from_today(-7), &[]);
    let db = &app.state.db;
    let cohort = twentythree::cohorts::find(db, "hostile")
        .await
        .unwrap()
        .unwrap();
    let host = HostileHost::start().await;
    for fault in FAULTS {
        hostile_host::enrol(db, &cohort, fault.name(), &host.url(*fault)).await;
    }
    for n in 0..HEALTHY {
        hostile_host::enrol(db, &cohort, &format!("healthy{n}"), &host.healthy_url(n)).await;
    }
    // A blog whose name itself resolves into the private network.
    let intranet = format!("http://intranet.test:{}/feed", host.canary.port());
    hostile_host::enrol(db, &cohort, "intranet", &intranet).await;
    let poller = Poller::new(
        db.clone(),
        hostile_host::fetcher(&host, Duration::from_secs(5)),
        &app.state.config,
        Arc::clone(&app.state.programs),
        Default::default(),
    );

    let started = Instant::now();
    let polled_cohort = cohort.clone();
    let poll = tokio::spawn(async move {
        poller
            .poll_now(Some(&polled_cohort), Utc::now(), |_| {})
            .await
            .unwrap()
    });
    let mut slowest = Duration::ZERO;
    let mut pages = 0;
    let mut pace = tokio::time::interval(Duration::from_millis(100));
    while !poll.is_finished() {
        pace.tick().await;
        let asked = Instant::now();
        let page = app.get("/cohorts/hostile").await;
        assert_eq!(page.status, 200);
        slowest = slowest.max(asked.elapsed());
        pages += 1;
    }
    let summary = poll.await.unwrap();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(30), "the poll took {took:?}");
    assert!(pages >= 5, "only {pages} page requests during the poll");
    assert!(
        slowest < Duration::from_secs(2),
        "a page took {slowest:?} during the poll"
    );
    assert_eq!(summary.feeds(), FAULTS.len() + HEALTHY + 1, "{summary}");

    for n in 0..HEALTHY {
        let feed = feed_at(db, &host.healthy_url(n)).await;
        assert_eq!(
            feed.status.as_ref(),
            "ok",
            "healthy{n}: {:?}",
            feed.last_error
        );
        assert_eq!(posts_of(db, &feed).await.len(), 3, "healthy{n}");
    }
    let private = feed_at(db, &intranet).await;
    assert_eq!(private.status.as_ref(), "blocked");
    assert!(
        private
            .last_error
            .unwrap_or_default()
            .contains("private network (intranet.test at 127.0.0.1"),
    );
    assert_eq!(host.canary_hits(), 0, "a private address was contacted");

    let named = |fault: Fault, words: &str| (fault, words.to_owned());
    let failures = [
        named(Fault::NeverAnswers, "did not answer within"),
        named(Fault::Trickles, "did not answer within"),
        named(Fault::Huge, "larger than 10 MB"),
        named(Fault::GzipBomb, "larger than 10 MB"),
        named(Fault::RedirectLoop, "redirects more than 5 times"),
        named(
            Fault::RedirectToMetadata,
            "private network (169.254.169.254)",
        ),
        named(
            Fault::RedirectToPrivateName,
            "private network (intranet.test at 127.0.0.1",
        ),
        named(Fault::ServerError, "server had an error (500)"),
        named(Fault::HtmlPage, "web page, not a feed"),
    ];
    for (fault, words) in failures {
        let feed = feed_at(db, &host.url(fault)).await;
        let error = feed.last_error.clone().unwrap_or_default();
        assert!(error.contains(&words), "{fault:?}: {error:?}");
        assert!(
            ["failing", "blocked"].contains(&feed.status.as_ref()),
            "{fault:?}: {}",
            feed.status
        );
        assert!(posts_of(db, &feed).await.is_empty(), "{fault:?}");
    }
    for fault in [Fault::RedirectToMetadata, Fault::RedirectToPrivateName] {
        assert_eq!(
            feed_at(db, &host.url(fault)).await.status.as_ref(),
            "blocked"
        );
    }

    let gone = feed_at(db, &host.url(Fault::Gone)).await;
    assert_eq!(gone.status.as_ref(), "gone");
    assert!(gone.next_fetch_at.is_none());

    let busy = feed_at(db, &host.url(Fault::TooManyRequests)).await;
    assert_eq!(
        busy.status.as_ref(),
        "ok",
        "a 429 is not a failure: {:?}",
        busy.last_error
    );
    assert!(busy.last_error.is_none());
    let until = busy.retry_after_until.expect("the next fetch is put off");
    assert!(
        until > Utc::now() + chrono::Duration::minutes(59),
        "{until}"
    );

    let laughs = feed_at(db, &host.url(Fault::BillionLaughs)).await;
    assert_eq!(laughs.status.as_ref(), "ok", "{:?}", laughs.last_error);
    let laugh_posts = posts_of(db, &laughs).await;
    let longest = laugh_posts
        .iter()
        .map(|p| p.title.len() + p.content_html.len())
        .max()
        .unwrap_or(0);
    assert!(longest < 1000, "an entity expanded to {longest} bytes");
    assert!(laughs.title.as_deref().unwrap_or_default().len() < 1000);

    let many = feed_at(db, &host.url(Fault::HundredThousandEntries)).await;
    assert_eq!(many.status.as_ref(), "ok", "{:?}", many.last_error);
    let kept = posts_of(db, &many).await;
    assert!(
        (100..=twentythree::feeds::parse::MAX_POSTS).contains(&kept.len()),
        "{} posts kept",
        kept.len()
    );
    let newest = format!("e{}", MANY_ENTRIES - 1);
    assert!(
        kept.iter().any(|p| p.guid == newest),
        "the newest entry was dropped"
    );
    assert!(
        kept.iter().all(|p| p.guid != "e0"),
        "the oldest entry was kept"
    );

    let long = feed_at(db, &host.url(Fault::AbsurdLengths)).await;
    assert_eq!(long.status.as_ref(), "ok", "{:?}", long.last_error);
    let long_posts = posts_of(db, &long).await;
    assert_eq!(long_posts.len(), 1);
    let long_post = &long_posts[0];
    assert!(
        long_post.title.len() < LONG_TITLE / 100,
        "title {}",
        long_post.title.len()
    );
    assert!(
        long_post.guid.len() <= 1000,
        "guid {}",
        long_post.guid.len()
    );
    assert!(long_post.content_html.len() <= 200 * 1024);
    assert!(
        long_post.categories.len() < 50 * 110,
        "categories {}",
        long_post.categories.len()
    );
    assert!(long_post.link.as_deref().unwrap_or_default().len() <= 2048);

    let dates = feed_at(db, &host.url(Fault::AbsurdDates)).await;
    assert_eq!(dates.status.as_ref(), "ok", "{:?}", dates.last_error);
    let dated = posts_of(db, &dates).await;
    assert_eq!(dated.len(), 2);
    for post in &dated {
        assert!(
            (1995..=Utc::now().year() + 1).contains(&post.published_at.year()),
            "{}: {}",
            post.title,
            post.published_at
        );
    }

    let same = feed_at(db, &host.url(Fault::SameGuid)).await;
    assert_eq!(same.status.as_ref(), "ok", "{:?}", same.last_error);
    let copies = posts_of(db, &same).await;
    assert_eq!(copies.len(), 5, "entries sharing one guid were merged");

    let bad = feed_at(db, &host.url(Fault::InvalidUtf8)).await;
    assert_eq!(bad.status.as_ref(), "ok", "{:?}", bad.last_error);
    let bad_posts = posts_of(db, &bad).await;
    assert_eq!(bad_posts.len(), 1);
    assert!(
        bad_posts[0].title.starts_with("Caf"),
        "{}",
        bad_posts[0].title
    );

    let page = app.get("/cohorts/hostile/posts").await;
    assert_eq!(page.status, 200);
}
