//! Joining from the web, confirming by email, the participant's own page, and the limits
//! on sign-in and join requests: a cookie-keeping client against the real server, the
//! real SMTP sink and the loopback blog host.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::{join_request, participant, person};

use crate::blog_host::BlogHost;
use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app};

fn link_in(message: &crate::smtp::Received, path: &str) -> String {
    let data = message.data.replace("=\r\n", "");
    let start = data.find(path).expect("a link") + path.len();
    data[start..start + 64].to_owned()
}

async fn count_people(app: &TestApp) -> u64 {
    person::Entity::find().count(&app.state.db).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_participant_joins_with_a_home_page_confirms_signs_in_and_claims_a_post() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let blog = host.url("/wordpress/");
    let me = Browser::new(&app);

    let form = me.get("/join").await;
    assert_eq!(form.status, 200);
    for field in [r#"name="name""#, r#"name="email""#, r#"name="blog""#] {
        assert!(form.body.contains(field), "{field}");
    }

    let fields = [
        ("name", "Pat Doe"),
        ("email", "Pat@Example.org"),
        ("blog", blog.as_str()),
        ("cohort", "autumn"),
    ];
    let check = me
        .submit(
            "/join",
            "/join",
            &[&fields[..], &[("step", "check")]].concat(),
        )
        .await;
    assert_eq!(check.status, 200, "{}", check.body);
    assert!(check.body.contains("We found your blog"), "{}", check.body);
    assert!(check.body.contains("WordPress"));
    assert!(check.body.contains("Pat&#x27;s 23 Things") || check.body.contains("Pat's 23 Things"));
    assert!(check.body.contains("Thing #3: My feed reader"));
    assert!(check.body.contains("counts for Thing 3"));
    assert!(check.body.contains("What I had for lunch"));
    assert_eq!(
        count_people(&app).await,
        0,
        "nothing is stored before confirming"
    );

    let sent = me
        .submit(
            "/join",
            "/join",
            &[&fields[..], &[("step", "confirm")]].concat(),
        )
        .await;
    assert_eq!(sent.status, 200);
    assert!(sent.body.contains("Check your email"));
    assert_eq!(
        count_people(&app).await,
        0,
        "nobody joins before the link is used"
    );
    app.send_mail().await;
    let messages = app.smtp.to("pat@example.org");
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].kind(), "confirm");
    let token = link_in(&messages[0], "/join/");

    let confirm_page = me.get(&format!("/join/{token}")).await;
    assert_eq!(confirm_page.status, 200);
    assert!(confirm_page.body.contains("Confirm and join</button>"));
    assert_eq!(
        count_people(&app).await,
        0,
        "opening the link changes nothing"
    );
    let joined = me
        .submit(&format!("/join/{token}"), &format!("/join/{token}"), &[])
        .await;
    assert_eq!((joined.status, joined.location.as_str()), (303, "/me"));
    let again = me.submit("/me", &format!("/join/{token}"), &[]).await;
    assert_eq!(again.status, 410, "a used link is dead");

    let member = participant::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(member.feed_id.is_some(), "the blog's feed was attached");
    let pat = person::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (pat.email.as_str(), pat.name.as_str()),
        ("pat@example.org", "Pat Doe")
    );
    assert!(pat.confirmed_at.is_some());

    app.poll_feeds().await;
    let page = me.get("/me").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Signed in as Pat Doe"));
    assert!(page.body.contains("3 of 23 things done"), "{}", page.body);
    assert!(
        page.body.contains("My first week with RSS"),
        "evidence is shown"
    );
    assert!(page.body.contains("Posts that counted for nothing"));
    assert!(page.body.contains("What I had for lunch"));

    let lunch = twentythree::entities::post::Entity::find()
        .filter(twentythree::entities::post::Column::Title.eq("What I had for lunch"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let claimed = me
        .submit(
            "/me",
            "/me/claims",
            &[
                ("participant", &member.id.to_string()),
                ("post", &lunch.id.to_string()),
                ("lesson", "1"),
            ],
        )
        .await;
    assert_eq!(
        (claimed.status, claimed.location.as_str()),
        (303, "/me?notice=claimed")
    );
    let progress = app.get_json("/api/v1/cohorts/autumn/progress").await.1;
    assert_eq!(
        progress["participants"][0]["completed"],
        serde_json::json!([1, 2, 3, 7])
    );
    let page = me.get("/me?notice=claimed").await;
    assert!(page.body.contains("4 of 23 things done"));
    assert!(page.body.contains("you said"));

    let forged = me
        .client
        .post(format!("{}/me/claims", app.address))
        .form(&[
            ("participant", member.id.to_string()),
            ("post", lunch.id.to_string()),
            ("lesson", "4".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        forged.status().as_u16(),
        403,
        "a claim without the form token"
    );
    let progress = app.get_json("/api/v1/cohorts/autumn/progress").await.1;
    assert_eq!(
        progress["participants"][0]["completed"],
        serde_json::json!([1, 2, 3, 7])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn joining_twice_looks_the_same_to_a_stranger_and_the_member_is_told_by_email() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    let stranger = Browser::new(&app);
    let blog = host.url("/ghost/");
    let join = |email: &'static str| {
        let (stranger, blog) = (&stranger, blog.clone());
        async move {
            stranger
                .submit(
                    "/join",
                    "/join",
                    &[
                        ("name", "Someone"),
                        ("email", email),
                        ("blog", &blog),
                        ("cohort", "autumn"),
                        ("step", "confirm"),
                    ],
                )
                .await
        }
    };
    let member = join("pat@example.org").await;
    let newcomer = join("kim@example.org").await;
    assert_eq!((member.status, newcomer.status), (200, 200));
    assert_eq!(
        member.body.replace("pat@example.org", "X"),
        newcomer.body.replace("kim@example.org", "X"),
        "the page does not tell who is already in"
    );
    app.send_mail().await;
    let to_pat = app.smtp.to("pat@example.org");
    assert_eq!(to_pat.len(), 1);
    assert_eq!(to_pat[0].kind(), "confirm");
    let data = to_pat[0].data.replace("=\r\n", "");
    assert!(data.contains("already in"), "{data}");
    assert!(data.contains("/login/"), "it offers sign-in");
    assert_eq!(app.smtp.to("kim@example.org")[0].kind(), "confirm");
    let pending = join_request::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pending, 1, "only the newcomer waits for confirmation");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_join_form_says_what_to_fix_and_changes_nothing() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let client = Browser::new(&app);
    let bad = client
        .submit(
            "/join",
            "/join",
            &[
                ("name", ""),
                ("email", "not-an-address"),
                ("blog", "ftp://x"),
                ("cohort", "nope"),
                ("step", "confirm"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.body.matches(r#"class="problem""#).count(),
        4,
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains(r#"value="not-an-address""#),
        "what was typed is kept"
    );
    app.send_mail().await;
    assert!(app.smtp.messages().is_empty());
    assert_eq!(
        join_request::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_join_form_says_in_plain_words_why_a_blog_cannot_be_read() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let client = Browser::new(&app);
    for (path, words) in [
        ("/html-not-feed/", "no feed found"),
        ("/no-such-blog/", "404"),
    ] {
        let blog = host.url(path);
        let check = client
            .submit(
                "/join",
                "/join",
                &[
                    ("name", "Kim"),
                    ("email", "kim@example.org"),
                    ("blog", &blog),
                    ("cohort", "autumn"),
                    ("step", "check"),
                ],
            )
            .await;
        assert_eq!(check.status, 200);
        assert!(
            check.body.contains("We could not read that blog yet"),
            "{path}"
        );
        assert!(
            check.body.to_lowercase().contains(words),
            "{path}: {}",
            check.body
        );
        assert!(check.body.contains("Join anyway"), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_requests_are_limited_per_address_with_a_friendly_page() {
    let app = spawn_app().await;
    let output = app.run_cli(&[
        "coordinator",
        "add",
        "--email",
        "cora@example.org",
        "--name",
        "Cora",
    ]);
    assert!(output.status.success());
    let client = Browser::new(&app);
    for _ in 0..5 {
        let ok = client
            .submit("/login", "/login", &[("email", "cora@example.org")])
            .await;
        assert_eq!(ok.status, 200);
    }
    let limited = client
        .submit("/login", "/login", &[("email", "cora@example.org")])
        .await;
    assert_eq!(limited.status, 429);
    assert!(limited.body.contains("Please wait a little"));
    let other = client
        .submit("/login", "/login", &[("email", "kim@example.org")])
        .await;
    assert_eq!(other.status, 200, "another address is not held up");
    app.send_mail().await;
    assert_eq!(
        app.smtp.to("cora@example.org").len(),
        5,
        "the sixth request sent nothing"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn join_requests_are_limited_per_client_address() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let client = Browser::new(&app);
    let mut statuses = Vec::new();
    for n in 0..31 {
        let email = format!("person{n}@example.org");
        let answer = client
            .submit(
                "/join",
                "/join",
                &[
                    ("name", "Someone"),
                    ("email", &email),
                    ("blog", "https://blog.example.org"),
                    ("cohort", "autumn"),
                    ("step", "confirm"),
                ],
            )
            .await;
        statuses.push(answer.status);
    }
    assert!(statuses[..30].iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(statuses[30], 429);
    app.send_mail().await;
    assert_eq!(app.smtp.messages().len(), 30);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_participant_moves_their_blog_and_sets_preferences() {
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    app.add_participant(
        "autumn",
        "Pat",
        "pat@example.org",
        &host.url("/html-not-feed/"),
    );
    assert_eq!(
        Browser::new(&app).get("/me").await.location,
        "/login?next=%2Fme",
        "strangers sign in first, and come back"
    );
    let pat = Browser::sign_in(&app, "pat@example.org").await;
    let page = pat.get("/me").await;
    assert!(page.body.contains("no feed found"), "{}", page.body);
    assert!(page.body.contains("I moved my blog"));

    let member = participant::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let moved = pat
        .submit(
            "/me",
            "/me/blog",
            &[
                ("participant", &member.id.to_string()),
                ("blog", &host.url("/ghost/")),
            ],
        )
        .await;
    assert_eq!(moved.status, 303);
    app.poll_feeds().await;
    let page = pat.get("/me").await;
    assert!(page.body.contains("Ghost"), "{}", page.body);
    assert!(
        page.body.contains("Photos and licences"),
        "the new blog's posts count"
    );

    let bad = pat
        .submit(
            "/me",
            "/me/preferences",
            &[
                ("name", "Pat"),
                ("timezone", "Mars/Olympus"),
                ("release_emails", "on"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("is not a time zone"), "{}", bad.body);
    let saved = pat
        .submit(
            "/me",
            "/me/preferences",
            &[
                ("name", "Blue Heron"),
                ("timezone", "America/Chicago"),
                ("milestone_emails", "on"),
            ],
        )
        .await;
    assert_eq!(saved.location, "/me?notice=saved");
    let person = person::Entity::find()
        .filter(person::Column::Email.eq("pat@example.org"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.name, "Blue Heron");
    assert_eq!(person.timezone.as_deref(), Some("America/Chicago"));
    assert!(!person.release_emails && person.milestone_emails);
    let page = pat.get("/me").await;
    assert!(page.body.contains("Hello, Blue Heron"));
}
