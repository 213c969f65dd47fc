//! Recognising things in posts, completions and overrides, finishing exactly once, and the
//! mail that celebrates it, received by a real SMTP server.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;
use twentythree::entities::{cohort, outbox, participant};

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{TestApp, spawn_app};
use crate::smtp::Mode;

/// (home page, the things its posts count for)
const BLOGS: &[(&str, &[i64])] = &[
    ("/wordpress/", &[2, 3, 7]),
    ("/blogger/", &[1, 2, 3, 4]),
    ("/medium/", &[4, 6]),
    ("/substack/", &[5, 8, 9]),
    ("/ghost/", &[6, 10]),
    ("/mastodon/@kim", &[7, 8, 9]),
    ("/microblog/", &[14, 15, 16]),
    ("/hugo/", &[10, 11]),
    ("/jekyll/", &[11, 12]),
    ("/jsonfeed/", &[12, 14]),
    ("/rss1/", &[13, 14]),
    ("/relative/feed.xml", &[16, 17, 18]),
    ("/noguid/feed.xml", &[15, 16]),
];

async fn cohort_and_host(app: &TestApp, extra: &[&str]) -> BlogHost {
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), extra);
    BlogHost::start(app.state.config.base_url.as_str()).await
}

async fn people(app: &TestApp) -> Vec<Value> {
    app.get_json("/api/v1/cohorts/autumn/progress").await.1["participants"]
        .as_array()
        .unwrap()
        .clone()
}

fn person<'a>(people: &'a [Value], name: &str) -> &'a Value {
    people.iter().find(|p| p["name"] == name).unwrap()
}

/// A blog with one post for every thing: whoever writes it finishes.
pub fn finisher_feed(things: std::ops::RangeInclusive<i32>) -> Vec<u8> {
    let items: String = things
        .map(|n| {
            format!(
                "<item><title>Thing {n}: done</title><link>http://blog.example/{n}</link><guid>post-{n}</guid>\
                 <pubDate>Mon, 05 Oct 2026 {:02}:00:00 +0000</pubDate><description>Notes on thing {n}.</description></item>",
                n % 24
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Finisher</title><link>http://blog.example/</link>{items}</channel></rss>").into_bytes()
}

async fn add_finisher(
    app: &TestApp,
    host: &BlogHost,
    name: &str,
    path: &str,
    things: std::ops::RangeInclusive<i32>,
) {
    host.set_fault(
        path,
        Fault::Body("application/rss+xml".into(), finisher_feed(things)),
    );
    app.add_participant(
        "autumn",
        name,
        &format!("{}@example.org", name.to_lowercase()),
        &host.url(path),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn posts_count_for_exactly_the_things_they_are_about() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    for (i, (blog, _)) in BLOGS.iter().enumerate() {
        app.add_participant(
            "autumn",
            &format!("P{i}"),
            &format!("p{i}@example.org"),
            &host.url(blog),
        );
    }
    let summary = app.poll_feeds().await;
    assert_eq!(summary.read, BLOGS.len(), "{summary}");
    let everyone = people(&app).await;
    for (i, (blog, things)) in BLOGS.iter().enumerate() {
        let completed: Vec<i64> = person(&everyone, &format!("P{i}"))["completed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        assert_eq!(completed, *things, "{blog}");
    }

    let wordpress = person(&everyone, "P0")["id"].as_i64().unwrap();
    let river = app.get("/cohorts/autumn/posts?thing=7").await;
    assert!(
        river.body.contains("Exploring online maps"),
        "filter by thing"
    );
    assert!(!river.body.contains("What I had for lunch"));
    let page = app
        .get(&format!("/cohorts/autumn/people/{wordpress}"))
        .await;
    assert!(
        page.body.contains("Thing 7"),
        "the things a post counts for are shown"
    );

    let lesson = app.get("/lessons/7").await;
    assert!(
        lesson.body.contains("Exploring online maps"),
        "the lesson shows what people wrote about it"
    );
    assert!(!lesson.body.contains("What I had for lunch"));
    assert!(
        page.body.contains("counts for Thing 7: tagged"),
        "each post says why it counted"
    );
    assert!(page.body.contains("no lesson recognised"), "or why not");

    // A second poll and a full re-evaluation change nothing.
    app.poll_feeds().await;
    twentythree::progress::reevaluate_all(
        &app.state.db,
        &app.state.programs,
        &app.state.config.base_url,
        Utc::now(),
    )
    .await
    .unwrap();
    let again = people(&app).await;
    for (i, _) in BLOGS.iter().enumerate() {
        let name = format!("P{i}");
        assert_eq!(
            person(&again, &name)["completed"],
            person(&everyone, &name)["completed"],
            "{name}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_finisher_is_celebrated_once_through_a_real_mail_server() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    for (email, name) in [("sam@example.org", "Sam"), ("alex@example.org", "Alex")] {
        assert!(
            app.run_cli(&["coordinator", "add", "--email", email, "--name", name])
                .status
                .success()
        );
    }
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    add_finisher(&app, &host, "Kai", "/kai/feed.xml", 1..=10).await;

    app.poll_feeds().await;
    let everyone = people(&app).await;
    assert!(person(&everyone, "Robin")["finished_at"].is_string());
    assert_eq!(
        person(&everyone, "Robin")["completed"]
            .as_array()
            .unwrap()
            .len(),
        23
    );
    assert!(person(&everyone, "Kai")["finished_at"].is_null());

    let sent = app.send_mail().await;
    assert_eq!(sent.failed, 0);
    let robin = app.smtp.to("robin@example.org");
    let celebrations: Vec<_> = robin.iter().filter(|m| m.kind() == "celebration").collect();
    assert_eq!(celebrations.len(), 1, "one celebration for the finisher");
    let mail = celebrations[0];
    assert!(
        mail.header("Content-Type")
            .unwrap()
            .starts_with("multipart/alternative")
    );
    assert!(mail.data.contains("text/plain") && mail.data.contains("text/html"));
    assert!(mail.header("Message-ID").unwrap().contains("outbox-"));
    assert!(
        mail.data.contains("/cohorts/autumn/people/"),
        "links the certificate"
    );
    assert!(
        mail.header("List-Unsubscribe").is_none(),
        "a celebration is not bulk mail"
    );
    for coordinator in ["sam@example.org", "alex@example.org"] {
        let notes: Vec<_> = app
            .smtp
            .to(coordinator)
            .into_iter()
            .filter(|m| m.kind() == "celebration")
            .collect();
        assert_eq!(notes.len(), 1, "{coordinator} gets one note");
        assert!(notes[0].data.contains("Robin"));
    }
    assert!(
        app.smtp
            .to("kai@example.org")
            .iter()
            .all(|m| m.kind() != "celebration"),
        "cohort-wide celebration is off by default"
    );
    assert_eq!(
        app.smtp
            .to("kai@example.org")
            .iter()
            .filter(|m| m.kind() == "milestone")
            .count(),
        0,
        "10 of 23 is not halfway"
    );

    // Polls, a full re-evaluation, racing pollers and another sender tick change nothing.
    let other = twentythree::poller::Poller::new(
        app.state.db.clone(),
        twentythree::fetcher(&app.state.config).unwrap(),
        &app.state.config,
        app.state.programs.clone(),
        Default::default(),
    );
    let mut edited = finisher_feed(1..=23);
    edited.extend_from_slice(b"<!-- edited -->");
    host.set_fault(
        "/robin/feed.xml",
        Fault::Body("application/rss+xml".into(), edited),
    );
    let (a, b) = tokio::join!(
        app.state.poller.poll_now(None, Utc::now(), |_| {}),
        other.poll_now(None, Utc::now(), |_| {})
    );
    a.unwrap();
    b.unwrap();
    let (x, y) = tokio::join!(
        twentythree::progress::reevaluate_all(
            &app.state.db,
            &app.state.programs,
            &app.state.config.base_url,
            Utc::now()
        ),
        twentythree::progress::reevaluate_all(
            &app.state.db,
            &app.state.programs,
            &app.state.config.base_url,
            Utc::now()
        )
    );
    x.unwrap();
    y.unwrap();
    app.send_mail().await;
    assert_eq!(
        app.smtp
            .messages()
            .iter()
            .filter(|m| m.kind() == "celebration")
            .count(),
        3,
        "still one celebration and two notes"
    );

    let wall = app.get("/cohorts/autumn/finishers").await;
    assert!(wall.body.contains("Robin") && !wall.body.contains("Kai"));
    let robin_id = person(&everyone, "Robin")["id"].as_i64().unwrap();
    let certificate = app
        .get(&format!("/cohorts/autumn/people/{robin_id}/certificate"))
        .await;
    assert_eq!(certificate.status, 200);
    assert!(certificate.body.contains("Robin") && certificate.body.contains("23 things"));
    let kai_id = person(&everyone, "Kai")["id"].as_i64().unwrap();
    assert_eq!(
        app.get(&format!("/cohorts/autumn/people/{kai_id}/certificate"))
            .await
            .status,
        400
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cohort_can_celebrate_together_and_halfway_is_noted() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    cohort::Entity::update_many()
        .col_expr(
            cohort::Column::CelebrateCohort,
            sea_orm::sea_query::Expr::value(true),
        )
        .exec(&app.state.db)
        .await
        .unwrap();
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    add_finisher(&app, &host, "Kai", "/kai/feed.xml", 1..=12).await;
    app.poll_feeds().await;
    app.send_mail().await;
    let kai = app.smtp.to("kai@example.org");
    assert_eq!(
        kai.iter().filter(|m| m.kind() == "celebration").count(),
        1,
        "the cohort hears of Robin"
    );
    let milestone: Vec<_> = kai.iter().filter(|m| m.kind() == "milestone").collect();
    assert_eq!(milestone.len(), 1, "12 of 23 is halfway");
    let unsubscribe = milestone[0]
        .header("List-Unsubscribe")
        .expect("bulk mail can be unsubscribed");
    assert_eq!(
        milestone[0].header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let url = unsubscribe
        .trim_start_matches('<')
        .trim_end_matches('>')
        .replace("http://127.0.0.1:2323", &app.address);
    let page = app
        .client
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Stop these emails"));
    let done = app
        .client
        .post(&url)
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200);
    let person = twentythree::entities::person::Entity::find()
        .filter(twentythree::entities::person::Column::Email.eq("kai@example.org"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !person.release_emails && !person.milestone_emails,
        "the unsubscribe works"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_coordinators_override_always_wins() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    app.poll_feeds().await;
    let member = participant::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    app.coordinator_marks(&member, 7, false).await;
    app.coordinator_marks(&member, 20, true).await;
    twentythree::progress::reevaluate_all(
        &app.state.db,
        &app.state.programs,
        &app.state.config.base_url,
        Utc::now(),
    )
    .await
    .unwrap();
    let completed = people(&app).await[0]["completed"].clone();
    assert_eq!(
        completed,
        serde_json::json!([2, 3, 20]),
        "7 stays unmarked, 20 stays marked"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_waits_while_the_server_is_down_and_leaves_once() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    app.smtp.stop();
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    app.poll_feeds().await;
    let now = Utc::now();
    let first = app.send_mail_at(now).await;
    assert_eq!(
        (first.sent, first.retrying),
        (0, 1),
        "the server is down: retry later"
    );
    let early = app.send_mail_at(now + Duration::seconds(10)).await;
    assert_eq!(early.sent + early.retrying, 0, "not before the back-off");
    app.smtp.restart().await;
    let later = app.send_mail_at(now + Duration::minutes(10)).await;
    assert_eq!(later.sent, 1);
    app.send_mail_at(now + Duration::minutes(20)).await;
    assert_eq!(app.smtp.to("robin@example.org").len(), 1, "delivered once");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_permanent_rejection_fails_the_email_with_the_servers_reply() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    app.poll_feeds().await;
    app.smtp.set_mode(Mode::Busy);
    assert_eq!(app.send_mail().await.retrying, 1, "451 is transient");
    app.smtp.set_mode(Mode::Refuse);
    assert_eq!(
        app.send_mail_at(Utc::now() + Duration::minutes(5))
            .await
            .failed,
        1,
        "550 is permanent"
    );
    let row = outbox::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status.as_ref(), "failed");
    assert!(row.last_error.unwrap().contains("550"));
    assert!(app.smtp.messages().is_empty());

    // The failure and the server's reply are visible to coordinators, and only to them.
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
    let log_url = format!("{}/coordinator/mail", app.address);
    let no_redirects = crate::helpers::no_redirects();
    assert_eq!(
        no_redirects.get(&log_url).send().await.unwrap().status(),
        303,
        "strangers sign in first"
    );
    for (email, status) in [("robin@example.org", 403), ("sam@example.org", 200)] {
        let who = twentythree::entities::person::Entity::find()
            .filter(twentythree::entities::person::Column::Email.eq(email))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        let token = twentythree::auth::create_session(&app.state.db, &who, Utc::now())
            .await
            .unwrap();
        let page = no_redirects
            .get(&log_url)
            .header("cookie", format!("twentythree={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), status, "{email}");
        if status == 200 {
            let body = page.text().await.unwrap();
            assert!(
                body.contains("failed") && body.contains("550"),
                "the coordinator sees the reply"
            );
            assert!(body.contains("robin@example.org"));
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn release_and_feed_problem_emails_are_sent_once_when_due() {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let today = Utc::now().date_naive();
    app.create_cohort("autumn", today, &["--release-time", "00:00"]);
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    app.add_participant("autumn", "Lost", "lost@example.org", &host.url("/nowhere/"));
    let notices = app.state.clone_notices();
    let now = Utc::now();
    assert_eq!(
        notices.tick(now).await.unwrap(),
        0,
        "week 1 opened before they joined: no backlog"
    );
    let week_two = now + Duration::days(7) + Duration::hours(1);
    notices.tick(week_two).await.unwrap();
    notices.tick(week_two + Duration::minutes(1)).await.unwrap();
    app.send_mail_at(week_two).await;
    let release: Vec<_> = app
        .smtp
        .to("pat@example.org")
        .into_iter()
        .filter(|m| m.kind() == "release")
        .collect();
    assert_eq!(release.len(), 1);
    assert!(release[0].data.contains("Thing 4") && release[0].header("List-Unsubscribe").is_some());
    let text = release[0].data.replace("=\r\n", "").replace("=3D", "=");
    let opened = (today + chrono::Days::new(7))
        .format("%-d %b %Y")
        .to_string();
    let next = (today + chrono::Days::new(14))
        .format("%-d %b %Y")
        .to_string();
    assert!(text.contains(&opened), "when the week opened: {text}");
    assert!(text.contains(&next), "when the next one opens");
    assert!(
        text.contains("/cohorts/autumn/calendar.ics"),
        "the calendar to subscribe to"
    );
    let problems: Vec<_> = app
        .smtp
        .to("lost@example.org")
        .into_iter()
        .filter(|m| m.kind() == "feed-problem")
        .collect();
    assert_eq!(
        problems.len(),
        1,
        "the blog has failed for more than two days by then"
    );
    assert!(problems[0].data.contains("404"), "says what is wrong");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_participant_claims_an_unrecognised_post_and_reports_where_allowed() {
    let app = spawn_app().await;
    let host = cohort_and_host(&app, &[]).await;
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    app.poll_feeds().await;
    let member = participant::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let lunch = twentythree::entities::post::Entity::find()
        .filter(twentythree::entities::post::Column::Title.eq("What I had for lunch"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    app.claims(&member, lunch.id, 19).await.unwrap();
    let refused = app.claims(&member, lunch.id, 99).await;
    assert!(refused.unwrap_err().to_string().contains("no Thing 99"));
    let self_report = app.reports_self(&member, 1).await;
    assert!(
        self_report
            .unwrap_err()
            .to_string()
            .contains("does not allow"),
        "self-report is off by default"
    );
    twentythree::progress::reevaluate_all(
        &app.state.db,
        &app.state.programs,
        &app.state.config.base_url,
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(
        people(&app).await[0]["completed"],
        serde_json::json!([2, 3, 7, 19]),
        "a claim survives re-evaluation"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_an_smtp_server_mail_is_written_as_eml_files() {
    let app = spawn_app().await;
    let dir = app.dir.path().join("outbox-files");
    let sender = twentythree::mail::sender::Sender::new(
        app.state.db.clone(),
        twentythree::mail::sender::Transport::from_config(None, &dir).unwrap(),
        app.state.config.mail_from.clone(),
        app.state.config.base_url.clone(),
    );
    let host = cohort_and_host(&app, &[]).await;
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    app.poll_feeds().await;
    assert_eq!(sender.tick(Utc::now()).await.unwrap().sent, 1);
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("X-Twentythree-Kind: celebration"));
    assert!(eml.contains("To: robin@example.org"));
}

#[tokio::test(flavor = "multi_thread")]
async fn mail_interrupted_mid_send_is_resent_only_where_losing_it_is_worse() {
    use sea_orm::sea_query::Expr;
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    add_finisher(&app, &host, "Robin", "/robin/feed.xml", 1..=23).await;
    add_finisher(&app, &host, "Kai", "/kai/feed.xml", 1..=12).await;
    app.poll_feeds().await;
    // As if a process died after handing both to the mail server.
    let earlier = Utc::now() - Duration::minutes(10);
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value("sending"))
        .col_expr(outbox::Column::LeaseUntil, Expr::value(earlier))
        .exec(&app.state.db)
        .await
        .unwrap();
    app.send_mail().await;
    let kinds: Vec<String> = app.smtp.messages().iter().map(|m| m.kind()).collect();
    assert_eq!(
        kinds,
        vec!["celebration".to_string()],
        "the celebration goes again, the halfway note does not"
    );
    let milestone = outbox::Entity::find()
        .filter(outbox::Column::Kind.eq("milestone"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(milestone.status.as_ref(), "failed");
    assert!(
        milestone
            .last_error
            .unwrap()
            .contains("cannot arrive twice")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_reads_the_blogs_and_sends_the_celebration_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let smtp = crate::smtp::SmtpSink::start().await;
    let mut config = crate::helpers::test_config(dir.path());
    config.smtp_url = Some(smtp.url());
    config.background_workers = true;
    let host = BlogHost::start(config.base_url.as_str()).await;
    host.set_fault(
        "/robin/feed.xml",
        Fault::Body("application/rss+xml".into(), finisher_feed(1..=23)),
    );
    for args in [
        vec![
            "cohort",
            "create",
            "--slug",
            "autumn",
            "--name",
            "Autumn",
            "--starts",
            "2026-09-01",
        ],
        vec![
            "participant",
            "add",
            "--cohort",
            "autumn",
            "--name",
            "Robin",
            "--email",
            "robin@example.org",
            "--blog",
            &host.url("/robin/feed.xml"),
        ],
    ] {
        assert!(
            crate::helpers::run_cli_in(dir.path(), &config.database_url, &args)
                .status
                .success()
        );
    }
    let app = twentythree::Application::build(config).await.unwrap();
    tokio::spawn(app.run_until(std::future::pending()));
    // The workers tick on their own schedule; wait for their result, within bounds.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while smtp.to("robin@example.org").is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let mail = smtp.to("robin@example.org");
    assert_eq!(
        mail.len(),
        1,
        "the poller read the blog, the finisher was celebrated, the sender sent it"
    );
    assert_eq!(mail[0].kind(), "celebration");
}
