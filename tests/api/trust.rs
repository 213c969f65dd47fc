//! Completions people can trust: every trick a hostile participant would try is refused
//! with the database unchanged, and nothing tells a stranger who is registered.

use chrono::{DateTime, Days, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::{completion, participant, post};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app, spawn_app_with};

/// An RSS feed of `(title, guid, published, category)` items.
fn feed(items: &[(&str, &str, DateTime<Utc>, Option<&str>)]) -> Vec<u8> {
    let items: String = items
        .iter()
        .map(|(title, guid, published, category)| {
            let category = category.map(|c| format!("<category>{c}</category>")).unwrap_or_default();
            format!(
                "<item><title>{title}</title><link>http://blog.example/{guid}</link><guid>{guid}</guid>{category}\
                 <pubDate>{}</pubDate><description>Notes.</description></item>",
                published.to_rfc2822()
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A blog</title><link>http://blog.example/</link>{items}</channel></rss>").into_bytes()
}

/// A cohort that started 8 days ago (weeks 1 and 2 are open), and Mal, whose blog has an
/// old post from the archive, a recognised post for Thing 1 and two posts about nothing.
struct Setting {
    app: TestApp,
    host: BlogHost,
    mal: participant::Model,
    cohort: twentythree::entities::cohort::Model,
}

const MAL: &str = "mal@example.org";

impl Setting {
    async fn new(self_report: bool) -> Self {
        let app = spawn_app().await;
        let host = BlogHost::start(app.state.config.base_url.as_str()).await;
        let starts = Utc::now().date_naive() - Days::new(8);
        let cohort = app
            .new_cohort_with("staff", starts, |s| s.self_report = self_report)
            .await;
        let day = |n: i64| Utc::now() - Duration::days(n);
        host.set_fault(
            "/mal.xml",
            Fault::Body(
                "application/rss+xml".into(),
                feed(&[
                    ("Holiday photos", "old", day(70), None),
                    ("Getting started", "one", day(6), Some("thing1")),
                    ("What I read", "free", day(2), None),
                    ("Another note", "free2", day(1), None),
                ]),
            ),
        );
        let mal = app
            .join_at(&cohort, "Mal", MAL, &host.url("/mal.xml"), day(9))
            .await;
        app.new_coordinator("coco@example.org", "Coco").await;
        app.poll_feeds().await;
        Self {
            app,
            host,
            mal,
            cohort,
        }
    }

    async fn post_id(&self, guid: &str) -> i32 {
        post::Entity::find()
            .filter(post::Column::Guid.contains(guid))
            .all(&self.app.state.db)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.guid.ends_with(guid))
            .unwrap()
            .id
    }

    /// Mal's completions as (lesson, source).
    async fn done(&self) -> Vec<(i32, String)> {
        let mut done: Vec<(i32, String)> = completion::Entity::find()
            .filter(completion::Column::ParticipantId.eq(self.mal.id))
            .all(&self.app.state.db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.lesson_number, c.source.to_string()))
            .collect();
        done.sort();
        done
    }

    async fn claim(&self, mal: &Browser, guid: &str, lesson: i32) -> crate::browser::Answer {
        let post = self.post_id(guid).await.to_string();
        let participant = self.mal.id.to_string();
        let lesson = lesson.to_string();
        mal.submit(
            "/me",
            "/me/claims",
            &[
                ("participant", &participant),
                ("post", &post),
                ("lesson", &lesson),
            ],
        )
        .await
    }

    async fn report(&self, mal: &Browser, lesson: i32) -> crate::browser::Answer {
        let participant = self.mal.id.to_string();
        let lesson = lesson.to_string();
        mal.submit(
            "/me",
            "/me/done",
            &[("participant", &participant), ("lesson", &lesson)],
        )
        .await
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn claims_count_only_for_open_lessons_and_posts_of_the_cohorts_time() {
    let setting = Setting::new(false).await;
    let mal = Browser::sign_in(&setting.app, MAL).await;
    let before = setting.done().await;
    assert_eq!(before, [(1, "post".to_owned())]);
    let refusals = [
        ("free", 10, "has not opened for you yet"),
        ("old", 2, "published before the cohort began"),
        ("one", 3, "already counts for Thing 1"),
        ("free", 99, "no Thing 99"),
    ];
    for (guid, lesson, why) in refusals {
        let refused = setting.claim(&mal, guid, lesson).await;
        assert_eq!(refused.status, 400, "{guid} for {lesson}");
        assert!(refused.body.contains(why), "{why}: {}", refused.body);
        assert!(
            refused.body.contains("Every lesson"),
            "it is /me, saying why"
        );
        assert_eq!(setting.done().await, before, "nothing changed");
    }
    // Self-reporting is off in this cohort.
    let refused = setting.report(&mal, 2).await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("does not allow reporting"));
    assert_eq!(setting.done().await, before);

    // An honest claim works, once: the post cannot then be claimed for another lesson.
    assert_eq!(setting.claim(&mal, "free", 3).await.status, 303);
    let again = setting.claim(&mal, "free", 4).await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains("already counts for Thing 3"));
    // Recognition of later posts keeps the claim (the post still counts for Thing 3).
    setting.app.poll_feeds().await;
    let still = setting.claim(&mal, "free", 5).await;
    assert_eq!(still.status, 400, "the claim survived a re-read");
    assert_eq!(
        setting.done().await,
        [(1, "post".to_owned()), (3, "claim".to_owned())]
    );
    let member = participant::Entity::find_by_id(setting.mal.id)
        .one(&setting.app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(member.finished_at.is_none());

    // The same refusals, and a form left half-filled, in the participant's own language.
    mal.choose_language("Mal", "nl").await;
    let refusals = [
        (
            "free",
            "10",
            "Ding 10 is voor jou nog niet open: het gaat open op ",
        ),
        (
            "old",
            "2",
            "Dat bericht is gepubliceerd voordat de groep begon",
        ),
        ("free", "99", "Er is geen Ding 99 in dit programma."),
        ("free", "", "Kies de les waar het bericht over ging."),
        ("free", "twee", "“twee” is geen heel getal van 1 of meer."),
    ];
    for (guid, lesson, why) in refusals {
        let post = setting.post_id(guid).await.to_string();
        let participant = setting.mal.id.to_string();
        let refused = mal
            .submit(
                "/me",
                "/me/claims",
                &[
                    ("participant", &participant),
                    ("post", &post),
                    ("lesson", lesson),
                ],
            )
            .await;
        assert_eq!(refused.status, 400, "{guid} for {lesson:?}");
        assert!(refused.body.contains(why), "{why}: {}", refused.body);
        crate::i18n::assert_no_english(
            &refused.body,
            &[
                "has not opened",
                "published before",
                "no Thing",
                "Choose",
                "whole number",
            ],
            "a refused claim",
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn self_reports_follow_the_calendar_and_a_coordinators_unmark_is_final() {
    let setting = Setting::new(true).await;
    let mal = Browser::sign_in(&setting.app, MAL).await;
    let locked = setting.report(&mal, 12).await;
    assert_eq!(locked.status, 400);
    assert!(locked.body.contains("has not opened for you yet"));
    assert_eq!(setting.report(&mal, 2).await.status, 303);

    // A coordinator unmarks Thing 2 and Thing 1: neither comes back by the participant's hand.
    let coco = Browser::sign_in(&setting.app, "coco@example.org").await;
    for lesson in [1, 2] {
        let path = format!(
            "/coordinator/cohorts/staff/people/{}/things/{lesson}",
            setting.mal.id
        );
        let unmark = coco
            .submit(
                &format!("/coordinator/cohorts/staff/people/{}", setting.mal.id),
                &path,
                &[("done", "false")],
            )
            .await;
        assert_eq!(unmark.status, 303);
    }
    assert!(setting.done().await.is_empty());
    let again = setting.report(&mal, 2).await;
    assert_eq!(again.status, 400);
    assert!(
        again.body.contains("coordinator unmarked Thing 2"),
        "{}",
        again.body
    );
    let claim = setting.claim(&mal, "free", 1).await;
    assert_eq!(claim.status, 400);
    assert!(claim.body.contains("coordinator unmarked Thing 1"));
    // Recognition of the post tagged thing1 stays overruled too.
    setting.app.poll_feeds().await;
    assert!(setting.done().await.is_empty());

    // Before a cohort starts nothing can be reported.
    let later = setting
        .app
        .new_cohort_with("later", Utc::now().date_naive() + Days::new(5), |s| {
            s.self_report = true
        })
        .await;
    let early = setting
        .app
        .join_at(
            &later,
            "Mal",
            MAL,
            "https://mal-two.example.org/",
            Utc::now(),
        )
        .await;
    let refused = mal
        .submit(
            "/me",
            "/me/done",
            &[("participant", &early.id.to_string()), ("lesson", "1")],
        )
        .await;
    assert_eq!(refused.status, 400);
    let _ = &setting.cohort;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blog_belongs_to_one_participant_and_moves_are_limited() {
    let setting = Setting::new(false).await;
    let app = &setting.app;
    let host = &setting.host;
    host.set_fault(
        "/ada.xml",
        Fault::Body(
            "application/rss+xml".into(),
            feed(&[(
                "Thing 2: my notes",
                "ada2",
                Utc::now() - Duration::days(1),
                None,
            )]),
        ),
    );
    app.join_at(
        &setting.cohort,
        "Ada",
        "ada@example.org",
        &host.url("/ada.xml"),
        Utc::now(),
    )
    .await;
    let mal = Browser::sign_in(app, MAL).await;
    let participant = setting.mal.id.to_string();
    let move_to = |blog: String| {
        let participant = participant.clone();
        let mal = &mal;
        async move {
            mal.submit(
                "/me",
                "/me/blog",
                &[("participant", &participant), ("blog", &blog)],
            )
            .await
        }
    };
    let taken = move_to(host.url("/ada.xml")).await;
    assert_eq!(taken.status, 400);
    assert!(taken.body.contains("already another participant"));
    let member = participant::Entity::find_by_id(setting.mal.id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.blog_url, setting.mal.blog_url, "nothing changed");
    app.poll_feeds().await;
    assert_eq!(
        setting.done().await,
        [(1, "post".to_owned())],
        "Ada's posts stay hers"
    );

    // Joining with a classmate's blog is refused on the form.
    let stranger = Browser::new(app);
    let join = stranger
        .submit(
            "/join",
            "/join",
            &[
                ("name", "Eve"),
                ("email", "eve@example.org"),
                ("blog", &host.url("/ada.xml")),
                ("cohort", "staff"),
                ("step", "confirm"),
            ],
        )
        .await;
    assert_eq!(join.status, 400);
    assert!(join.body.contains("already someone"));

    // A real move: the old blog's feed stops being read; what it earned stays earned.
    host.set_fault(
        "/mal-new.xml",
        Fault::Body("application/rss+xml".into(), feed(&[])),
    );
    assert_eq!(move_to(host.url("/mal-new.xml")).await.status, 303);
    let old_reads = host.hits("/mal.xml");
    app.poll_feeds().await;
    assert_eq!(
        host.hits("/mal.xml"),
        old_reads,
        "nobody's blog is no longer read"
    );
    assert_eq!(setting.done().await, [(1, "post".to_owned())]);

    // A storm of moves is cut at five a day (one was used above, the refused one too).
    let mut statuses = Vec::new();
    for n in 0..5 {
        statuses.push(
            move_to(format!("https://storm{n}.example.org/"))
                .await
                .status,
        );
    }
    assert_eq!(statuses, [303, 303, 303, 429, 429]);
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_answers_the_same_for_known_and_unknown_addresses() {
    let app = spawn_app().await;
    app.new_coordinator("known@example.org", "Known").await;
    let counts = || async {
        let db = &app.state.db;
        (
            twentythree::entities::outbox::Entity::find()
                .count(db)
                .await
                .unwrap(),
            twentythree::entities::login_token::Entity::find()
                .count(db)
                .await
                .unwrap(),
            twentythree::entities::sign_in_request::Entity::find()
                .count(db)
                .await
                .unwrap(),
            twentythree::entities::rate_limit::Entity::find()
                .count(db)
                .await
                .unwrap(),
        )
    };
    let app = &app;
    let ask = |email: &'static str| async move {
        let response = app
            .client
            .post(format!("{}/login", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("email={}", email.replace('@', "%40")))
            .send()
            .await
            .unwrap();
        let status = response.status();
        let mut headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter(|(name, _)| !["date", "set-cookie"].contains(&name.as_str()))
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        headers.sort();
        let body = crate::helpers::without_form_tokens(
            &response.text().await.unwrap().replace(email, "ADDRESS"),
        );
        (status, headers, body)
    };
    let start = counts().await;
    let known = ask("known@example.org").await;
    let after_known = counts().await;
    let unknown = ask("nobod@example.org").await;
    let after_unknown = counts().await;
    assert_eq!(known, unknown, "status, headers and body are the same");
    let delta = |a: (u64, u64, u64, u64), b: (u64, u64, u64, u64)| {
        (b.0 - a.0, b.1 - a.1, b.2 - a.2, b.3 - a.3)
    };
    assert_eq!(delta(start, after_known).2, 1);
    assert_eq!(
        delta(start, after_known).0,
        0,
        "no email queued while answering"
    );
    assert_eq!(delta(after_known, after_unknown).0, 0);
    assert_eq!(delta(after_known, after_unknown).1, 0);
    assert_eq!(delta(after_known, after_unknown).2, 1);
    // Only the known address gets mail, from the worker.
    app.send_mail().await;
    assert_eq!(app.smtp.to("known@example.org").len(), 1);
    assert!(app.smtp.to("nobod@example.org").is_empty());
    assert_eq!(counts().await.2, 0, "every request was answered");
}

#[tokio::test(flavor = "multi_thread")]
async fn names_chosen_by_participants_never_become_formulas_or_subjects() {
    let setting = Setting::new(false).await;
    let app = &setting.app;
    let mal = Browser::sign_in(app, MAL).await;
    let saved = mal
        .submit(
            "/me",
            "/me/preferences",
            &[
                ("name", "=HYPERLINK(\"http://evil.example\",\"x\")"),
                ("timezone", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    app.join_at(
        &setting.cohort,
        "+1+1",
        "plus@example.org",
        "https://plus.example.org/",
        Utc::now(),
    )
    .await;
    app.join_at(
        &setting.cohort,
        "@SUM(A1)",
        "at@example.org",
        "https://at.example.org/",
        Utc::now(),
    )
    .await;
    let coco = Browser::sign_in(app, "coco@example.org").await;
    let csv = coco
        .get("/coordinator/cohorts/staff/progress.csv")
        .await
        .body;
    for line in csv.lines().skip(1) {
        let first = line.trim_start_matches('"');
        assert!(!first.starts_with(['=', '+', '-', '@']), "{line}");
    }
    assert!(
        csv.contains("'=HYPERLINK") && csv.contains("'+1+1") && csv.contains("'@SUM"),
        "{csv}"
    );

    // Mal finishes: the coordinator's celebration subject does not carry Mal's name.
    app.finish_by_coordinator(&setting.mal).await;
    app.send_mail().await;
    let note = app
        .smtp
        .to("coco@example.org")
        .into_iter()
        .find(|m| m.kind() == "celebration")
        .unwrap();
    let subject = note.header("Subject").unwrap();
    assert!(!subject.contains("HYPERLINK"), "{subject}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_join_email_carries_nothing_the_requester_typed() {
    let setting = Setting::new(false).await;
    let stranger = Browser::new(&setting.app);
    let answer = stranger
        .submit(
            "/join",
            "/join",
            &[
                ("name", "Cheap pills at spam.example"),
                ("email", "victim@example.org"),
                ("blog", "https://spam.example/buy-now"),
                ("cohort", "staff"),
                ("step", "confirm"),
            ],
        )
        .await;
    assert_eq!(answer.status, 200);
    setting.app.send_mail().await;
    let mail = setting.app.smtp.to("victim@example.org");
    assert_eq!(mail.len(), 1);
    assert!(!mail[0].data.contains("spam.example") && !mail[0].data.contains("pills"));
}

#[tokio::test(flavor = "multi_thread")]
async fn api_tokens_are_listed_revoked_and_expire() {
    let app = spawn_app().await;
    app.new_cohort(
        "staff",
        Utc::now().date_naive(),
        twentythree::cohorts::Visibility::Members,
        twentythree::cohorts::Pace::Cohort,
    )
    .await;
    app.new_coordinator("coco@example.org", "Coco").await;
    let created = app.run_cli(&[
        "token",
        "create",
        "--email",
        "coco@example.org",
        "--expires",
        "30d",
    ]);
    assert!(created.status.success());
    let token = String::from_utf8_lossy(&created.stdout).trim().to_owned();
    let api = |token: String| {
        let app = &app;
        async move {
            app.client
                .get(format!("{}/api/v1/cohorts/staff/progress", app.address))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
    };
    let answer = api(token.clone()).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(
        answer.headers()["cache-control"],
        "no-store",
        "it carries addresses"
    );
    let list = String::from_utf8_lossy(&app.run_cli(&["token", "list"]).stdout).into_owned();
    assert!(
        list.contains("coco@example.org") && list.contains("active"),
        "{list}"
    );
    assert!(
        !list.contains(&token),
        "the token itself is never shown again"
    );
    let id = list.split('\t').next().unwrap().trim().to_owned();
    assert!(app.run_cli(&["token", "revoke", &id]).status.success());
    assert_eq!(api(token).await.status(), 401);
    assert!(
        !app.run_cli(&["token", "revoke", &id]).status.success(),
        "revoked once"
    );
    assert!(
        !app.run_cli(&[
            "token",
            "create",
            "--email",
            "coco@example.org",
            "--expires",
            "2001-01-01"
        ])
        .status
        .success()
    );

    // An expired token is refused, and the cockpit lists the coordinator's tokens.
    let (expired, _) = twentythree::auth::create_api_token(
        &app.state.db,
        &"coco@example.org".parse().unwrap(),
        Some(Utc::now() - Duration::minutes(1)),
        Utc::now() - Duration::days(1),
    )
    .await
    .unwrap();
    assert_eq!(api(expired).await.status(), 401);
    let coco = Browser::sign_in(&app, "coco@example.org").await;
    let cockpit = coco.get("/coordinator").await.body;
    assert!(
        cockpit.contains("revoked") && cockpit.contains("expired"),
        "{cockpit}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn form_tokens_come_from_the_body_and_private_pages_are_not_stored() {
    let setting = Setting::new(false).await;
    let mal = Browser::sign_in(&setting.app, MAL).await;
    let token = mal.token("/me").await;
    let sneaky = mal
        .client
        .post(format!("{}/me/preferences?csrf={token}", mal.address))
        .form(&[("name", "Renamed")])
        .send()
        .await
        .unwrap();
    assert_eq!(sneaky.status(), 403, "a token in the address is not read");
    let me = mal
        .client
        .get(format!("{}/me", mal.address))
        .send()
        .await
        .unwrap();
    assert_eq!(me.headers()["cache-control"], "no-store");
    assert!(!me.text().await.unwrap().contains("Renamed"));
    // A public page to a stranger may be cached; nothing says HSTS over plain http.
    let home = setting
        .app
        .client
        .get(format!("{}/", setting.app.address))
        .send()
        .await
        .unwrap();
    assert!(home.headers().get("cache-control").is_none());
    assert!(home.headers().get("strict-transport-security").is_none());
    // Behind https, every answer asks browsers to stay on https.
    let https =
        spawn_app_with(|c| c.base_url = "https://things.example.org".parse().unwrap()).await;
    let page = https
        .client
        .get(format!("{}/", https.address))
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}
