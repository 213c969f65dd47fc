//! The program's pages: the home page, the lesson list and a lesson, paced by the schedule.

use crate::helpers::{days_from_today, spawn_app};

#[tokio::test(flavor = "multi_thread")]
async fn a_fresh_install_previews_every_lesson_and_says_what_to_do_next() {
    let app = spawn_app().await;
    let home = app.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.body.contains("twentythree coordinator add"),
        "the next step is shown"
    );
    assert!(
        home.body.contains("twentythree cohort create"),
        "the next step is shown"
    );

    let lessons = app.get("/lessons").await;
    assert_eq!(lessons.body.matches("<li value=").count(), 23);
    assert!(lessons.body.contains("Week 8"));

    let lesson = app.get("/lessons/23").await;
    assert_eq!(lesson.status, 200);
    assert!(
        lesson.body.contains("<h2>Blog about it</h2>"),
        "the body of a preview lesson is shown"
    );
    assert!(lesson.body.contains("<code>thing23</code>"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lesson_that_has_not_opened_shows_only_its_title_and_date() {
    let app = spawn_app().await;
    let starts = days_from_today(-8);
    app.create_cohort(
        "spring",
        starts,
        &["--timezone", "Europe/Berlin", "--release-time", "00:00"],
    );

    let week_two = app.get("/lessons/4").await;
    assert!(
        week_two.body.contains("<h2>Try this</h2>"),
        "week 2 opened a day ago"
    );

    let week_three = app.get("/lessons/7").await;
    assert_eq!(week_three.status, 200);
    assert!(week_three.body.contains("Wikis"), "the title is shown");
    assert!(
        !week_three.body.contains("<h2>Try this</h2>"),
        "the body is not"
    );
    let opens = (starts + chrono::Days::new(14))
        .format("%-d %b %Y")
        .to_string();
    assert!(
        week_three.body.contains(&opens),
        "says when it opens: {opens}"
    );

    let list = app.get("/lessons").await;
    assert!(
        list.body.contains("opens "),
        "the list says when locked lessons open"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn members_only_cohorts_do_not_open_lessons_to_strangers() {
    let app = spawn_app().await;
    app.create_cohort("staff", days_from_today(-30), &["--visibility", "members"]);
    let lesson = app.get("/lessons/1").await;
    assert!(!lesson.body.contains("<h2>Try this</h2>"));
    assert!(lesson.body.contains("opens with its cohort"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_pages_get_a_helpful_404() {
    let app = spawn_app().await;
    for path in [
        "/lessons/24",
        "/lessons/0",
        "/lessons/seven",
        "/cohorts/nobody",
        "/no/such/page",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(page.content_type.starts_with("text/html"), "{path}");
        assert!(
            page.body.contains("There is nothing at this address"),
            "{path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_carries_the_security_headers_and_the_stylesheet_is_served() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(format!("{}/", app.address))
        .send()
        .await
        .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status, 200);
    assert!(css.content_type.starts_with("text/css"));
    assert!(css.body.contains(":focus-visible"));
}

#[tokio::test(flavor = "multi_thread")]
async fn health_check_answers_when_the_database_does() {
    let app = spawn_app().await;
    let page = app.get("/healthz").await;
    assert_eq!((page.status, page.body.trim()), (200, "ok"));
}
