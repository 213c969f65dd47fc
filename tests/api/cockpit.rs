//! The coordinator's cockpit in a browser: a cookie-keeping client signed in by the emailed
//! link, against the real server, the real SMTP sink and the loopback blog host.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::{cohort, completion_override, outbox, participant, person};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{TestApp, days_from_today, spawn_app, stderr};

/// An RSS feed with `(title, days ago)` posts.
fn feed(posts: &[(String, i64)]) -> Vec<u8> {
    let items: String = posts
        .iter()
        .enumerate()
        .map(|(i, (title, days))| {
            let at = (Utc::now() - Duration::days(*days)).to_rfc2822();
            format!(
                "<item><title>{title}</title><link>http://blog.example/{i}</link><guid>post-{i}-{days}</guid>\
                 <pubDate>{at}</pubDate><description>Notes.</description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A blog</title><link>http://blog.example/</link>{items}</channel></rss>").into_bytes()
}

fn serve_feed(host: &BlogHost, path: &str, posts: &[(String, i64)]) {
    host.set_fault(path, Fault::Body("application/rss+xml".into(), feed(posts)));
}

/// A cohort that started 60 days ago with Ada (active, one unclaimed post), Bo (stalled),
/// Cy (finished) and Dee (whose blog has no feed), and Sam, a coordinator.
async fn cohort_with_people(app: &TestApp) -> BlogHost {
    app.create_cohort("autumn", days_from_today(-60), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    serve_feed(
        &host,
        "/ada/feed.xml",
        &[
            ("Thing 1: hello".into(), 1),
            ("Musings on a Monday".into(), 2),
        ],
    );
    serve_feed(&host, "/bo/feed.xml", &[("Thing 1: my first".into(), 30)]);
    let all: Vec<(String, i64)> = (1..=23).map(|n| (format!("Thing {n}: done"), 20)).collect();
    serve_feed(&host, "/cy/feed.xml", &all);
    for (name, path) in [
        ("Ada", "/ada/feed.xml"),
        ("Bo", "/bo/feed.xml"),
        ("Cy", "/cy/feed.xml"),
        ("Dee", "/dee/nothing-here/"),
    ] {
        let email = format!("{}@example.org", name.to_lowercase());
        app.add_participant("autumn", name, &email, &host.url(path));
    }
    let added = app.run_cli(&[
        "coordinator",
        "add",
        "--email",
        "sam@example.org",
        "--name",
        "Sam",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    app.poll_feeds().await;
    host
}

async fn id_of(app: &TestApp, name: &str) -> i64 {
    let (_, progress) = app.get_json("/api/v1/cohorts/autumn/progress").await;
    progress["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

async fn completed(app: &TestApp, name: &str) -> serde_json::Value {
    let (_, progress) = app.get_json("/api/v1/cohorts/autumn/progress").await;
    progress["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap()["completed"]
        .clone()
}

/// The names in the grid's rows.
fn grid_names(page: &str) -> Vec<String> {
    page.split(r#"<th scope="row" class="who"><a href=""#)
        .skip(1)
        .map(|row| {
            let start = row.find('>').unwrap() + 1;
            row[start..start + row[start..].find('<').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_coordinator_sees_the_figures_creates_a_cohort_and_filters_the_grid() {
    let app = spawn_app().await;
    let _host = cohort_with_people(&app).await;
    let sam = Browser::sign_in(&app, "sam@example.org").await;

    let list = sam.get("/coordinator").await;
    assert_eq!(list.status, 200);
    let row = &list.body[list.body.find(r#"id="cohort-autumn""#).unwrap()..];
    for (class, value) in [("participants", 4), ("active", 1), ("finished", 1)] {
        assert!(
            row.contains(&format!(r#"<td class="num {class}">{value}</td>"#)),
            "{class} should be {value}"
        );
    }
    assert!(
        row.contains(r#"?show=feed-failing">1</a>"#),
        "Dee's feed fails"
    );
    assert!(list.body.contains(r#"href="/coordinator/cohorts/new""#));

    let cohorts_before = cohort::Entity::find().count(&app.state.db).await.unwrap();
    let bad = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &[
                ("name", " "),
                ("slug", "Bad Slug"),
                ("starts", "2027-03-01"),
                ("ends", "2027-02-01"),
                ("timezone", "Mars/Base"),
                ("release_time", "09:00"),
                ("pace", "cohort"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    for field in ["name", "slug", "timezone"] {
        assert!(
            bad.body.contains(&format!(r#"id="{field}-problem""#)),
            "{field}"
        );
    }
    assert!(
        bad.body.contains(r#"value="Mars&#x2f;Base""#),
        "the form keeps what was typed"
    );
    assert_eq!(
        cohort::Entity::find().count(&app.state.db).await.unwrap(),
        cohorts_before,
        "a bad form creates nothing"
    );
    let ends_first = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &[
                ("name", "Spring"),
                ("slug", "spring-2027"),
                ("starts", "2027-03-01"),
                ("ends", "2027-02-01"),
                ("timezone", "Europe/Berlin"),
                ("release_time", "09:00"),
                ("pace", "self"),
                ("visibility", "members"),
            ],
        )
        .await;
    assert_eq!(ends_first.status, 400);
    assert!(ends_first.body.contains(r#"id="ends-problem""#));
    assert!(ends_first.body.contains("cannot end before it starts"));

    let created = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &[
                ("name", "Spring"),
                ("slug", "spring-2027"),
                ("starts", "2027-03-01"),
                ("ends", ""),
                ("timezone", "Europe/Berlin"),
                ("release_day", "tuesday"),
                ("release_time", "10:30"),
                ("pace", "self"),
                ("visibility", "members"),
                ("self_report", "on"),
                ("celebrate_cohort", "on"),
            ],
        )
        .await;
    assert_eq!(created.status, 303);
    assert_eq!(created.location, "/coordinator/cohorts/spring-2027");
    let spring = twentythree::cohorts::find(&app.state.db, "spring-2027")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            spring.pace.as_ref(),
            spring.visibility.as_ref(),
            spring.release_weekday
        ),
        ("self", "members", 2)
    );
    assert!(spring.self_report && spring.celebrate_cohort);
    assert_eq!(spring.timezone, "Europe/Berlin");
    let again = sam
        .submit(
            "/coordinator/cohorts/new",
            "/coordinator/cohorts/new",
            &[
                ("name", "Spring again"),
                ("slug", "spring-2027"),
                ("starts", "2027-03-01"),
                ("timezone", "UTC"),
                ("release_time", "09:00"),
                ("pace", "cohort"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains(r#"id="slug-problem""#) && again.body.contains("already exists"));

    let settings = "/coordinator/cohorts/spring-2027/settings";
    let page = sam.get(settings).await;
    assert!(
        page.body.contains(r#"value="Europe&#x2f;Berlin""#)
            && page.body.contains(r#"value="tuesday" selected"#)
    );
    let bad_edit = sam
        .submit(
            settings,
            settings,
            &[
                ("name", "Spring 2027"),
                ("starts", "2027-03-01"),
                ("timezone", "Nowhere"),
                ("release_time", "10:30"),
                ("pace", "self"),
                ("visibility", "members"),
            ],
        )
        .await;
    assert_eq!(bad_edit.status, 400);
    assert!(bad_edit.body.contains(r#"id="timezone-problem""#));
    let unchanged = twentythree::cohorts::find(&app.state.db, "spring-2027")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.name, "Spring", "a bad edit changes nothing");
    let saved = sam
        .submit(
            settings,
            settings,
            &[
                ("name", "Spring 2027"),
                ("starts", "2027-03-02"),
                ("timezone", "Europe/Berlin"),
                ("release_time", "10:30"),
                ("pace", "cohort"),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let edited = twentythree::cohorts::find(&app.state.db, "spring-2027")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            edited.name.as_str(),
            edited.pace.as_ref(),
            edited.self_report
        ),
        ("Spring 2027", "cohort", false)
    );
    assert_eq!(edited.slug, "spring-2027", "the slug stays");

    let grid = sam.get("/coordinator/cohorts/autumn").await;
    assert_eq!(grid.status, 200);
    assert_eq!(grid_names(&grid.body), ["Ada", "Bo", "Cy", "Dee"]);
    assert!(grid.body.contains("Legend"));
    assert!(
        grid.body
            .contains(r#"<td class="cell src-post" title="Thing 1 done "#),
        "a cell says its source"
    );
    assert!(
        grid.body
            .contains(r#"rel="nofollow noopener noreferrer ugc">P</a>"#),
        "and links to the post"
    );
    assert!(grid.body.contains("<svg") && grid.body.contains("<title id=\"curve-title\">"));
    assert!(grid.body.contains("Lessons done") && grid.body.contains("Finishers"));
    let health = &grid.body[grid.body.find(r#"id="feeds""#).unwrap()..];
    assert!(
        health.contains("Dee") && !health.contains(">Ada<"),
        "the feed health table lists the failing feeds"
    );
    for (filter, names) in [
        ("stalled", vec!["Bo"]),
        ("finished", vec!["Cy"]),
        ("feed-failing", vec!["Dee"]),
        ("never-posted", vec!["Dee"]),
        ("unclaimed", vec!["Ada"]),
    ] {
        let page = sam
            .get(&format!("/coordinator/cohorts/autumn?show={filter}"))
            .await;
        assert_eq!(grid_names(&page.body), names, "{filter}");
    }
    assert_eq!(
        sam.get("/coordinator/cohorts/autumn?show=nonsense")
            .await
            .status,
        400
    );
    assert_eq!(sam.get("/coordinator/cohorts/nowhere").await.status, 404);
    let mail = sam.get("/coordinator/mail?cohort=autumn").await;
    assert_eq!(mail.status, 200);
    assert!(
        mail.body.contains("cy@example.org"),
        "Cy's celebration is in the cohort's mail log"
    );
    assert!(
        !mail.body.contains("sam@example.org"),
        "but not the coordinator's sign-in link"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_participant_page_overrides_repolls_and_fixes_the_feed() {
    let app = spawn_app().await;
    let host = cohort_with_people(&app).await;
    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let bo = id_of(&app, "Bo").await;
    let page = format!("/coordinator/cohorts/autumn/people/{bo}");

    let shown = sam.get(&page).await;
    assert_eq!(shown.status, 200);
    assert!(shown.body.contains("Thing 1: my first") && shown.body.contains("post (P)"));
    assert!(shown.body.contains("No overrides."));

    let thing5 = format!("{page}/things/5");
    let marked = sam
        .submit(&page, &thing5, &[("done", "true"), ("back", "person")])
        .await;
    assert_eq!(marked.status, 303);
    assert_eq!(
        marked.location,
        format!("{page}?notice=marked&thing=5#thing-5"),
        "back to the lesson, not the top of the page"
    );
    let after = sam.get(&marked.location).await.body;
    assert!(after.contains("Thing 5 is marked done."));
    assert!(
        after.contains("coordinator&#x27;s mark (M)") || after.contains("coordinator's mark (M)")
    );
    let unmarked = sam
        .submit(&page, &thing5, &[("done", "false"), ("back", "person")])
        .await;
    assert_eq!(unmarked.status, 303);
    assert_eq!(completed(&app, "Bo").await, serde_json::json!([1]));
    let history = sam.get(&page).await.body;
    let table = &history[history.find("class=\"calendar overrides\"").unwrap()..];
    assert_eq!(
        table.matches("<td>Sam</td>").count(),
        2,
        "both overrides are audited with who"
    );
    let sam_id = person::Entity::find()
        .filter(person::Column::Email.eq("sam@example.org"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let audit = completion_override::Entity::find()
        .filter(completion_override::Column::ParticipantId.eq(i32::try_from(bo).unwrap()))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 2);
    assert!(
        audit
            .iter()
            .all(|o| o.by_person_id == Some(sam_id) && o.lesson_number == 5)
    );

    serve_feed(
        &host,
        "/bo/feed.xml",
        &[
            ("Thing 1: my first".into(), 30),
            ("Thing 2: back at it".into(), 0),
        ],
    );
    let polled = sam.submit(&page, &format!("{page}/poll"), &[]).await;
    assert_eq!(polled.status, 303);
    assert!(
        polled.location.contains("notice=read&added=1"),
        "{}",
        polled.location
    );
    assert!(sam.get(&polled.location).await.body.contains("1 new post."));
    assert_eq!(
        completed(&app, "Bo").await,
        serde_json::json!([1, 2]),
        "re-poll read the new post"
    );

    let dee = id_of(&app, "Dee").await;
    let dee_page = format!("/coordinator/cohorts/autumn/people/{dee}");
    assert!(sam.get(&dee_page).await.body.contains("Not read yet"));
    let bad = sam
        .submit(
            &dee_page,
            &format!("{dee_page}/blog"),
            &[("blog", "ftp://nope")],
        )
        .await;
    assert_eq!(bad.status, 400);
    let fixed = sam
        .submit(
            &dee_page,
            &format!("{dee_page}/blog"),
            &[("blog", &host.url("/wordpress/"))],
        )
        .await;
    assert_eq!(fixed.status, 303);
    assert!(fixed.location.ends_with("notice=found"));
    let moved = participant::Entity::find_by_id(i32::try_from(dee).unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.blog_url, host.url("/wordpress/"));
    let repolled = sam
        .submit(&dee_page, &format!("{dee_page}/poll"), &[])
        .await;
    assert!(
        repolled.location.contains("notice=read"),
        "{}",
        repolled.location
    );
    assert_ne!(
        completed(&app, "Dee").await,
        serde_json::json!([]),
        "the new feed's posts count"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn reminders_go_once_a_week_to_the_stalled_and_behind_never_to_finishers() {
    let app = spawn_app().await;
    let _host = cohort_with_people(&app).await;
    let ada = person::Entity::find()
        .filter(person::Column::Email.eq("ada@example.org"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let off = app
        .client
        .post(format!(
            "{}/unsubscribe/{}",
            app.address, ada.unsubscribe_token
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 200, "Ada turns routine email off");
    // Dee joined a month ago (and has done nothing); Eve was imported a minute ago.
    let dee = participant::Entity::find()
        .inner_join(person::Entity)
        .filter(person::Column::Email.eq("dee@example.org"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut dee: participant::ActiveModel = dee.into();
    dee.joined_at = sea_orm::ActiveValue::Set(Utc::now() - Duration::days(30));
    sea_orm::ActiveModelTrait::update(dee, &app.state.db)
        .await
        .unwrap();
    app.add_participant(
        "autumn",
        "Eve",
        "eve@example.org",
        "https://eve.example.org/",
    );
    app.send_mail().await;
    let before = app.smtp.messages().len();
    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let page = "/coordinator/cohorts/autumn/reminders";

    let preview = sam.get(page).await.body;
    let list =
        &preview[preview.find("reminder-list").unwrap()..preview.find("What it says").unwrap()];
    assert!(list.contains(">Bo<") && list.contains("stalled"), "{list}");
    assert!(list.contains(">Dee<"), "a month in, nothing done: {list}");
    assert!(!list.contains(">Cy<"), "never finishers");
    assert!(
        !list.contains(">Eve<"),
        "lateness counts from joining, so never someone who just joined"
    );
    assert!(
        !list.contains(">Ada<"),
        "never someone who turned routine email off"
    );
    assert!(
        preview.contains("Keep going with autumn"),
        "the preview shows the text"
    );

    let sent = sam.submit(page, page, &[]).await;
    assert_eq!(sent.status, 303);
    assert!(sent.location.ends_with("sent=2"), "{}", sent.location);
    app.send_mail().await;
    let reminders: Vec<_> = app.smtp.messages()[before..]
        .iter()
        .filter(|m| m.kind() == "reminder")
        .cloned()
        .collect();
    let mut to: Vec<String> = reminders.iter().map(|m| m.to[0].clone()).collect();
    to.sort();
    assert_eq!(to, ["bo@example.org", "dee@example.org"]);
    assert!(reminders.iter().all(|m| {
        m.header("List-Unsubscribe")
            .is_some_and(|h| h.contains("/unsubscribe/"))
    }));

    let again = sam.submit(page, page, &[]).await;
    assert!(
        again.location.ends_with("sent=0"),
        "a second click within 7 days sends nothing"
    );
    assert!(
        sam.get(&again.location)
            .await
            .body
            .contains("Nobody is due a reminder now.")
    );
    assert_eq!(
        outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("reminder"))
            .count(&app.state.db)
            .await
            .unwrap(),
        2
    );
    let reminded = participant::Entity::find()
        .filter(participant::Column::LastRemindedAt.is_not_null())
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(reminded, 2);

    let week_later = Utc::now() + Duration::days(8);
    let cohort = twentythree::cohorts::find(&app.state.db, "autumn")
        .await
        .unwrap()
        .unwrap();
    let reminder = twentythree::progress::reminders::Reminder {
        program: app.state.programs.default_program(),
        cohort: &cohort,
        base_url: &app.state.config.base_url,
    };
    let (a, b) = tokio::join!(
        twentythree::progress::reminders::send(&app.state.db, &reminder, None, week_later),
        twentythree::progress::reminders::send(&app.state.db, &reminder, None, week_later)
    );
    assert_eq!(
        a.unwrap() + b.unwrap(),
        3,
        "a week later Bo and Dee are due again, and Eve now too (a week after joining); two coordinators at once send one each"
    );
}

/// A multipart body with the form token and one file field, as a browser uploads it.
pub fn upload(browser: &Browser, to: &str, token: &str, csv: &[u8]) -> reqwest::RequestBuilder {
    let boundary = "----twentythree-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(csv);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    browser
        .client
        .post(format!("{}{to}", browser.address))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_upload_imports_by_the_cli_rules_and_a_bad_one_imports_nothing() {
    let app = spawn_app().await;
    let host = cohort_with_people(&app).await;
    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let page = "/coordinator/cohorts/autumn/import";
    let count = || async {
        participant::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap()
    };

    let bad_csv = format!(
        "name,email,blog\nEve,eve@example.org,{}\nFay,not-an-email,{}\n",
        host.url("/ada/feed.xml"),
        host.url("/bo/feed.xml")
    );
    let token = sam.token(page).await;
    let bad = upload(&sam, page, &token, bad_csv.as_bytes())
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let report = bad.text().await.unwrap();
    assert!(report.contains("Nothing was imported"));
    assert!(report.contains("<td>3</td>"), "the bad line is named");
    assert_eq!(count().await, 4, "a bad row imports nothing");

    let good_csv = format!(
        "name,email,blog\nEve,eve@example.org,{}\nFay,fay@example.org,{}\nAda,ada@example.org,{}\n",
        host.url("/ada/feed.xml"),
        host.url("/wordpress/"),
        host.url("/ada/feed.xml")
    );
    let good = upload(&sam, page, &token, good_csv.as_bytes())
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), 200);
    let report = good.text().await.unwrap();
    assert!(report.contains("added eve@example.org") && report.contains("added fay@example.org"));
    assert!(report.contains("ada@example.org is already in the cohort, skipped"));
    assert!(report.contains("in the background"));
    assert_eq!(count().await, 6);
    let csv = sam
        .get("/coordinator/cohorts/autumn/progress.csv")
        .await
        .body;
    assert!(
        csv.contains("Eve,eve@example.org,") && csv.contains("Fay,fay@example.org,"),
        "the export has them"
    );

    let no_token = upload(&sam, page, &"0".repeat(64), good_csv.as_bytes())
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 403, "the upload's form token is checked");
    // A token in the address is never read: the right one there is refused.
    let in_address = sam
        .client
        .post(format!("{}{page}?csrf={token}", sam.address))
        .header("content-type", "multipart/form-data; boundary=x")
        .body(format!(
            "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\n{good_csv}\r\n--x--\r\n"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(in_address.status(), 403);
    assert_eq!(count().await, 6);

    // Last: the server answers 413 without reading the whole body and closes that
    // connection, which the client's pool would otherwise try to reuse.
    let huge = vec![b'a'; 5 * 1024 * 1024];
    let too_big = upload(&sam, page, &token, &huge).send().await.unwrap();
    assert_eq!(too_big.status(), 413);
    assert_eq!(count().await, 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn only_coordinators_reach_the_cockpit_and_cross_site_posts_change_nothing() {
    let app = spawn_app().await;
    let _host = cohort_with_people(&app).await;
    let ada = Browser::sign_in(&app, "ada@example.org").await;
    let stranger = Browser::new(&app);
    let bo = id_of(&app, "Bo").await;
    let pages = [
        "/coordinator".to_owned(),
        "/coordinator/cohorts/new".to_owned(),
        "/coordinator/cohorts/autumn".to_owned(),
        "/coordinator/cohorts/autumn/settings".to_owned(),
        format!("/coordinator/cohorts/autumn/people/{bo}"),
        "/coordinator/cohorts/autumn/reminders".to_owned(),
        "/coordinator/cohorts/autumn/import".to_owned(),
    ];
    for page in &pages {
        assert_eq!(ada.get(page).await.status, 403, "{page}");
        let away = stranger.get(page).await;
        let back: String = url::form_urlencoded::byte_serialize(page.as_bytes()).collect();
        assert_eq!(
            (away.status, away.location),
            (303, format!("/login?next={back}")),
            "{page}"
        );
    }
    let ada_token = ada.token("/me").await;
    for to in [
        "/coordinator/cohorts/new".to_owned(),
        "/coordinator/cohorts/autumn/reminders".to_owned(),
        format!("/coordinator/cohorts/autumn/people/{bo}/poll"),
    ] {
        let refused = ada
            .client
            .post(format!("{}{to}", app.address))
            .form(&[
                ("csrf", ada_token.as_str()),
                ("name", "X"),
                ("slug", "sneaky"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 403, "{to}");
    }

    let sam = Browser::sign_in(&app, "sam@example.org").await;
    let token = sam.token("/coordinator/cohorts/new").await;
    for to in [
        "/coordinator/cohorts/new",
        "/coordinator/cohorts/autumn/reminders",
    ] {
        let cross_site = sam
            .client
            .post(format!("{}{to}", app.address))
            .header("origin", "https://evil.example")
            .form(&[
                ("csrf", token.as_str()),
                ("name", "Evil"),
                ("slug", "evil"),
                ("starts", "2027-01-01"),
                ("timezone", "UTC"),
                ("release_time", "09:00"),
                ("pace", "cohort"),
                ("visibility", "public"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status(), 403, "{to}");
    }
    assert!(
        twentythree::cohorts::find(&app.state.db, "evil")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        twentythree::cohorts::find(&app.state.db, "sneaky")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        outbox::Entity::find()
            .filter(outbox::Column::Kind.eq("reminder"))
            .count(&app.state.db)
            .await
            .unwrap(),
        0,
        "no reminder left"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cli_edits_a_cohort_with_the_same_rules_as_the_form() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &["--self-report"]);
    let bad = app.run_cli(&["cohort", "edit", "autumn", "--ends", "2026-01-01"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("cannot end before it starts"),
        "{}",
        stderr(&bad)
    );
    let ok = app.run_cli(&[
        "cohort",
        "edit",
        "autumn",
        "--name",
        "Autumn 2026",
        "--pace",
        "self",
        "--self-report",
        "false",
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let edited = twentythree::cohorts::find(&app.state.db, "autumn")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            edited.name.as_str(),
            edited.pace.as_ref(),
            edited.self_report
        ),
        ("Autumn 2026", "self", false)
    );
    assert_eq!(
        edited.starts_on.to_string(),
        "2026-09-01",
        "what was not given stays"
    );
}

/// A cohort of more than one grid page (100 people): every page renders, the pager keeps
/// the search and the order, and the last page holds the rest.
#[tokio::test(flavor = "multi_thread")]
async fn a_grid_of_several_pages_pages_with_its_search_kept() {
    let app = spawn_app().await;
    app.new_coordinator("sam@example.org", "Sam").await;
    let cohort = app
        .new_cohort(
            "staff",
            days_from_today(-10),
            twentythree::cohorts::Visibility::Members,
            twentythree::cohorts::Pace::Cohort,
        )
        .await;
    for n in 1..=130 {
        let new = twentythree::people::NewParticipant::parse(
            &format!("Staff member {n:03}"),
            &format!("staff{n}@example.org"),
            &format!("https://staff{n}.blog.example/"),
        )
        .unwrap();
        twentythree::people::add_participant(&app.state.db, &cohort, &new, Utc::now())
            .await
            .unwrap();
    }
    let sam = Browser::sign_in(&app, "sam@example.org").await;

    let first = sam.get("/coordinator/cohorts/staff").await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(grid_names(&first.body).len(), 100);
    assert!(first.body.contains("Page 1 of 2"), "{}", first.body);
    assert!(first.body.contains("&amp;page=2#grid"), "a link to page 2");

    let searched = sam
        .get("/coordinator/cohorts/staff?q=staff+member+1&sort=name&page=1")
        .await;
    assert_eq!(searched.status, 200, "{}", searched.body);
    // "Staff member 100" to "Staff member 130": 31 people, one page.
    assert_eq!(grid_names(&searched.body).len(), 31);
    assert!(!searched.body.contains("Page 1 of"), "one page, no pager");

    let second = sam.get("/coordinator/cohorts/staff?page=2").await;
    assert_eq!(second.status, 200, "{}", second.body);
    let names = grid_names(&second.body);
    assert_eq!(names.len(), 30);
    assert_eq!(names.last().map(String::as_str), Some("Staff member 130"));
    assert!(second.body.contains("Page 2 of 2"));
    assert!(
        second.body.contains("&amp;page=1#grid"),
        "a link back to page 1"
    );
}
