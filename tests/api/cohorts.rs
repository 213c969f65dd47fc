//! A cohort's page and the progress API.

use crate::helpers::{days_from_today, spawn_app};

#[tokio::test(flavor = "multi_thread")]
async fn a_cohort_page_lists_participants_with_progress_bars_and_its_calendar() {
    let app = spawn_app().await;
    app.create_cohort(
        "autumn",
        days_from_today(-1),
        &["--timezone", "America/Chicago"],
    );
    app.add_participant(
        "autumn",
        "Kim Lee",
        "kim@example.org",
        "https://kim.example.org/",
    );
    app.add_participant(
        "autumn",
        "Ana <b>Ruiz</b>",
        "ana@example.org",
        "ana.example.org",
    );

    let page = app.get("/cohorts/autumn").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Kim Lee"));
    assert!(
        page.body.contains("Ana &lt;b&gt;Ruiz&lt;&#x2f;b&gt;"),
        "names are escaped"
    );
    assert_eq!(page.body.matches("<progress").count(), 2);
    assert!(page.body.contains("0 / 23"));
    assert!(
        page.body.contains("ana.example.org"),
        "the blog address is normalised and shown"
    );
    assert_eq!(
        page.body.matches("<tr class=").count(),
        8,
        "eight weeks on the calendar"
    );

    let home = app.get("/").await;
    assert!(home.body.contains("/cohorts/autumn"));
    assert!(home.body.contains("week 1 of 8"));
    assert!(
        home.body.contains("Thing 1:"),
        "this week's lessons are on the home page"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_progress_api_answers_with_the_contracted_fields() {
    let app = spawn_app().await;
    app.create_cohort(
        "autumn",
        "2026-09-07".parse().unwrap(),
        &["--timezone", "Europe/London", "--release-time", "09:30"],
    );
    app.add_participant(
        "autumn",
        "Kim Lee",
        "Kim@Example.org",
        "kim.example.org/blog",
    );

    let (status, json) = app.get_json("/api/v1/cohorts/autumn/progress").await;
    assert_eq!(status, 200);
    assert_eq!(json["cohort"]["slug"], "autumn");
    let lessons = json["lessons"].as_array().unwrap();
    assert_eq!(lessons.len(), 23);
    assert_eq!(lessons[0]["number"], 1);
    assert_eq!(lessons[0]["week"], 1);
    assert_eq!(lessons[0]["opens_at"], "2026-09-07T08:30:00Z");
    assert_eq!(
        lessons[22]["opens_at"], "2026-10-26T09:30:00Z",
        "after the clocks went back"
    );
    let kim = &json["participants"][0];
    assert_eq!(kim["name"], "Kim Lee");
    assert_eq!(kim["blog"], "https://kim.example.org/blog");
    assert!(kim["id"].is_i64());
    assert_eq!(kim["completed"], serde_json::json!([]));
    assert!(kim["finished_at"].is_null());
    assert!(kim.get("email").is_none(), "emails are not public");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_api_answers_errors_in_json() {
    let app = spawn_app().await;
    let (status, json) = app.get_json("/api/v1/cohorts/nobody/progress").await;
    assert_eq!(status, 404);
    assert!(json["error"].is_string());

    app.create_cohort("staff", days_from_today(0), &["--visibility", "members"]);
    let (status, json) = app.get_json("/api/v1/cohorts/staff/progress").await;
    assert_eq!(status, 403);
    assert!(json["error"].as_str().unwrap().contains("members"));
    let page = app.get("/cohorts/staff").await;
    assert_eq!(page.status, 200, "a stranger is shown the sign-in form");
    assert!(page.body.contains("Sign in"), "{}", page.body);
}
