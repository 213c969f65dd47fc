//! What people notice on the pages: links between them, honest words, and the details of
//! serving them (compression, icons, validators, error pages).

use chrono::{Days, Duration, Utc};

use crate::browser::Browser;
use crate::helpers::spawn_app;
use crate::in_browser::world;

#[tokio::test(flavor = "multi_thread")]
async fn every_cohort_page_is_linked_from_where_people_start() {
    let (app, _host) = world().await;
    let stranger = Browser::new(&app);
    let home = stranger.get("/").await.body;
    assert!(
        home.contains("href=\"/cohorts/spring\"")
            && home.contains("href=\"/cohorts/spring/posts\"")
    );
    let cohort = stranger.get("/cohorts/spring").await.body;
    for link in [
        "/cohorts/spring/posts\"",
        "/cohorts/spring/finishers\"",
        "/cohorts/spring/people/2\"",
        "/cohorts/spring/feed.atom\"",
        "/cohorts/spring/calendar.ics\"",
        "rel=\"alternate\" type=\"application/atom+xml\"",
    ] {
        assert!(cohort.contains(link), "{link}");
    }
    let wall = stranger.get("/cohorts/spring/finishers").await.body;
    assert!(wall.contains("/cohorts/spring/people/1/certificate"));
    assert!(
        wall.contains("1 person has"),
        "the wall counts its finishers"
    );
    let finisher = stranger.get("/cohorts/spring/people/1").await.body;
    assert!(finisher.contains("/cohorts/spring/people/1/certificate"));
    let ada = Browser::sign_in(&app, "p0@example.org").await;
    let me = ada.get("/me").await.body;
    assert!(
        me.contains("/cohorts/spring/people/1/certificate")
            && me.contains("/cohorts/spring/finishers"),
        "{me}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn people_are_paged_and_found_by_name() {
    let (app, _host) = world().await;
    let stranger = Browser::new(&app);
    let found = stranger.get("/cohorts/spring?q=KIM").await.body;
    assert_eq!(found.matches("class=\"name\"").count(), 2, "both Kim Lees");
    assert!(found.contains("2 people match"));
    let river = stranger.get("/cohorts/spring/posts?who=noor").await.body;
    assert!(river.contains("People matching") && river.contains("Noor Aziz"));
    assert!(
        !river.contains("<option value=\"2\">Bo Chen"),
        "no list of everyone"
    );
    let bad = stranger.get("/cohorts/spring?page=zero").await;
    assert_eq!(bad.status, 400);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ended_cohort_says_so_and_is_not_offered_for_joining() {
    let app = spawn_app().await;
    let today = Utc::now().date_naive();
    app.new_cohort_with("october", today - Days::new(70), |s| {
        s.ends_on = Some(today - Days::new(10));
    })
    .await;
    let stranger = Browser::new(&app);
    let page = stranger.get("/cohorts/october").await.body;
    assert!(page.contains("This cohort has ended"), "{page}");
    assert!(!page.contains("/join?cohort=october"));
    let home = stranger.get("/").await.body;
    assert!(home.contains("ended ") && !home.contains("week 8 of 8"));
    assert!(
        !stranger
            .get("/join")
            .await
            .body
            .contains("value=\"october\"")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_joiner_is_told_the_truth_about_their_blog() {
    let app = spawn_app().await;
    let cohort = app
        .new_cohort_with("spring", Utc::now().date_naive() - Days::new(3), |_| {})
        .await;
    app.join_at(
        &cohort,
        "Nia",
        "nia@example.org",
        "https://nia.invalid/",
        Utc::now(),
    )
    .await;
    let nia = Browser::sign_in(&app, "nia@example.org").await;
    let me = nia.get("/me").await.body;
    assert!(me.contains("has not read your blog yet"), "{me}");
    assert!(!me.contains("every post you wrote"));
    let _ = Duration::zero();
}

/// A client that leaves answers as they come (compressed or not) and asks for no coding
/// itself.
fn undecoding() -> reqwest::Client {
    reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .no_deflate()
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_are_compressed_and_static_files_have_validators() {
    let app = spawn_app().await;
    let raw = undecoding();
    let page = raw
        .get(format!("{}/lessons", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(page.headers()["content-encoding"], "gzip");
    for path in ["/static/style.css", "/favicon.ico", "/favicon.svg"] {
        let first = raw
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(first.status(), 200, "{path}");
        let etag = first.headers()["etag"].clone();
        let again = raw
            .get(format!("{}{path}", app.address))
            .header("if-none-match", etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
    }
}

/// What the server keeps between requests (the cohort's feeds and its progress document)
/// goes out compressed once, in the coding the reader asks for: every coding says the
/// same, and a reader who has it gets 304.
#[tokio::test(flavor = "multi_thread")]
async fn kept_bodies_are_sent_in_the_coding_the_reader_asks_for() {
    let (app, _host) = world().await;
    let raw = undecoding();
    let ask = |path: &str, coding: &str| {
        raw.get(format!("{}{path}", app.address))
            .header("accept-encoding", coding)
            .send()
    };
    for path in [
        "/cohorts/spring/feed.atom",
        "/cohorts/spring/feed.json",
        "/api/v1/cohorts/spring/progress",
    ] {
        let plain = ask(path, "identity").await.unwrap();
        assert_eq!(plain.status(), 200, "{path}");
        assert!(plain.headers().get("content-encoding").is_none(), "{path}");
        let etag = plain.headers().get("etag").cloned();
        let plain = plain.bytes().await.unwrap();
        assert!(
            String::from_utf8_lossy(&plain).contains("Bo Chen"),
            "{path}"
        );

        let br = ask(path, "gzip, deflate, br, zstd").await.unwrap();
        assert_eq!(br.headers()["content-encoding"], "br", "{path}");
        assert_eq!(br.headers()["vary"], "accept-encoding", "{path}");
        let br = br.bytes().await.unwrap();
        assert!(br.len() < plain.len() / 2, "{path} is compressed");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut unpacked).unwrap();
        assert_eq!(unpacked, plain, "{path}");

        let gzip = ask(path, "br;q=0, gzip").await.unwrap();
        assert_eq!(gzip.headers()["content-encoding"], "gzip", "{path}");
        let gzip = gzip.bytes().await.unwrap();
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut unpacked)
            .unwrap();
        assert_eq!(unpacked, plain, "{path}");

        if let Some(etag) = etag {
            let again = raw
                .get(format!("{}{path}", app.address))
                .header("accept-encoding", "br")
                .header("if-none-match", etag)
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), 304, "{path}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_error_page_shows_who_is_signed_in_with_a_friendly_title() {
    let (app, _host) = world().await;
    let ada = Browser::sign_in(&app, "p0@example.org").await;
    let missing = ada.get("/nothing-here").await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("Signed in as Ada Lovelace"),
        "{}",
        missing.body
    );
    assert!(missing.body.contains("Page not found") && !missing.body.contains("Not Found"));
    let empty = Browser::new(&app)
        .submit("/login", "/login", &[("email", "")])
        .await;
    assert_eq!(empty.status, 400);
    assert!(
        empty.body.contains("enter your email address"),
        "{}",
        empty.body
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_address_whose_slug_or_number_names_nothing_is_not_found() {
    let app = spawn_app().await;
    app.create_cohort("autumn", Utc::now().date_naive(), &[]);
    app.new_coordinator("coco@example.org", "Coco").await;
    let coordinator = Browser::sign_in(&app, "coco@example.org").await;
    for path in [
        "/coordinator/cohorts/Not_A_Slug",
        "/coordinator/cohorts/autumn/people/abc",
        "/coordinator/cohorts/autumn/people/0",
        "/coordinator/cohorts/autumn/people/999",
        "/coordinator/mail?cohort=Not_A_Slug",
    ] {
        assert_eq!(coordinator.get(path).await.status, 404, "{path}");
    }
    for path in ["/cohorts/autumn/people/abc", "/cohorts/autumn/people/-3"] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
    assert_eq!(
        coordinator.get("/coordinator/cohorts/autumn").await.status,
        200
    );
}
