//! The coordinator's overrides and export over HTTP, and who may use them.

use twentythree::entities::person;

use crate::blog_host::BlogHost;
use crate::helpers::{TestApp, spawn_app};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn session_for(app: &TestApp, email: &str) -> String {
    let person = person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let token = twentythree::auth::create_session(&app.state.db, &person, chrono::Utc::now())
        .await
        .unwrap();
    format!("twentythree={token}")
}

/// The form body a page would send for this session: its form token and `fields`.
fn form(cookie: &str, fields: &str) -> String {
    let session = cookie.split_once('=').unwrap().1;
    format!(
        "csrf={}&{fields}",
        twentythree::web::csrf::form_token(session)
    )
}

async fn completed(app: &TestApp) -> serde_json::Value {
    app.get_json("/api/v1/cohorts/autumn/progress").await.1["participants"][0]["completed"].clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_coordinator_overrides_a_lesson_and_exports_the_progress() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    assert!(
        app.run_cli(&[
            "coordinator",
            "add",
            "--email",
            "sam@example.org",
            "--name",
            "Sam"
        ])
        .status
        .success()
    );
    app.poll_feeds().await;
    let pat = app.get_json("/api/v1/cohorts/autumn/progress").await.1["participants"][0]["id"]
        .as_i64()
        .unwrap();
    let coordinator = session_for(&app, "sam@example.org").await;
    let participant = session_for(&app, "pat@example.org").await;
    let thing = |n: i32| {
        format!(
            "{}/coordinator/cohorts/autumn/people/{pat}/things/{n}",
            app.address
        )
    };

    let stranger = crate::helpers::no_redirects()
        .post(thing(7))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("done={}", "false"))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), 303);
    assert_eq!(stranger.headers()["location"], "/login");
    let refused = crate::helpers::no_redirects()
        .post(thing(7))
        .header("cookie", &participant)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&participant, "done=false"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403, "a participant cannot override");
    let cross_site = crate::helpers::no_redirects()
        .post(thing(7))
        .header("cookie", &coordinator)
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&coordinator, "done=false"))
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    for body in [
        "done=false".to_owned(),
        format!("csrf={}&done=false", "0".repeat(64)),
    ] {
        let no_token = crate::helpers::no_redirects()
            .post(thing(7))
            .header("cookie", &coordinator)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(no_token.status(), 403, "a missing or wrong form token");
    }
    let bad = crate::helpers::no_redirects()
        .post(thing(7))
        .header("cookie", &coordinator)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(&coordinator, "done=maybe"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert_eq!(
        completed(&app).await,
        serde_json::json!([2, 3, 7]),
        "nothing changed so far"
    );

    for (n, done) in [(7, "false"), (20, "true")] {
        let ok = crate::helpers::no_redirects()
            .post(thing(n))
            .header("cookie", &coordinator)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&coordinator, &format!("done={done}")))
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 303, "thing {n}");
    }
    assert_eq!(completed(&app).await, serde_json::json!([2, 3, 20]));
    app.poll_feeds().await;
    twentythree::progress::reevaluate_all(
        &app.state.db,
        &app.state.programs,
        &app.state.config.base_url,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(
        completed(&app).await,
        serde_json::json!([2, 3, 20]),
        "the override wins over recognition"
    );

    let csv_url = format!("{}/coordinator/cohorts/autumn/progress.csv", app.address);
    assert_eq!(
        crate::helpers::no_redirects()
            .get(&csv_url)
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "strangers sign in first"
    );
    let csv = crate::helpers::no_redirects()
        .get(&csv_url)
        .header("cookie", &coordinator)
        .send()
        .await
        .unwrap();
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().take(3).collect::<Vec<_>>(),
        ["name", "email", "blog"]
    );
    assert_eq!(header.len(), 3 + 23 + 1);
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.iter().take(2).collect::<Vec<_>>(),
        ["Pat", "pat@example.org"]
    );
    assert!(!row[3 + 1].is_empty(), "thing 2 has its date");
    assert!(row[3 + 6].is_empty(), "thing 7 was unmarked");
    assert!(!row[3 + 19].is_empty(), "thing 20 was marked");
}
