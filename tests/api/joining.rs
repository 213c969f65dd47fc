//! Joining from the web, confirming by email, the participant's own page, and the limits
//! on sign-in and join requests: a cookie-keeping client against the real server, the
//! real SMTP sink and the loopback blog host.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use twentythree::entities::{join_request, participant, person};

use crate::blog_host::BlogHost;
use crate::helpers::{TestApp, spawn_app};

/// A browser: keeps cookies, does not follow redirects (so the tests see them).
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

struct Answer {
    status: u16,
    location: String,
    body: String,
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    Answer {
        status,
        location,
        body: response.text().await.unwrap(),
    }
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> Answer {
    answer(
        client
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// The form token in a page, as a browser would send it back.
fn csrf(page: &str) -> String {
    let start = page.find(r#"name="csrf" value=""#).expect("a form token") + 19;
    page[start..start + 64].to_owned()
}

/// Posts `fields` with the form token of the page at `from`, as a browser submits a form.
async fn submit(
    client: &reqwest::Client,
    app: &TestApp,
    from: &str,
    to: &str,
    fields: &[(&str, &str)],
) -> Answer {
    let token = csrf(&get(client, app, from).await.body);
    let mut form: Vec<(&str, &str)> = vec![("csrf", &token)];
    form.extend_from_slice(fields);
    answer(
        client
            .post(format!("{}{to}", app.address))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await
}

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
    let me = browser();

    let form = get(&me, &app, "/join").await;
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
    let check = submit(
        &me,
        &app,
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

    let sent = submit(
        &me,
        &app,
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

    let confirm_page = get(&me, &app, &format!("/join/{token}")).await;
    assert_eq!(confirm_page.status, 200);
    assert!(confirm_page.body.contains("Confirm and join</button>"));
    assert_eq!(
        count_people(&app).await,
        0,
        "opening the link changes nothing"
    );
    let joined = submit(
        &me,
        &app,
        &format!("/join/{token}"),
        &format!("/join/{token}"),
        &[],
    )
    .await;
    assert_eq!((joined.status, joined.location.as_str()), (303, "/me"));
    let again = submit(&me, &app, "/me", &format!("/join/{token}"), &[]).await;
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
    let page = get(&me, &app, "/me").await;
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
    let claimed = submit(
        &me,
        &app,
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
    let page = get(&me, &app, "/me?notice=claimed").await;
    assert!(page.body.contains("4 of 23 things done"));
    assert!(page.body.contains("you said"));

    let forged = me
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
    let stranger = browser();
    let blog = host.url("/ghost/");
    let join = |email: &'static str| {
        let (stranger, app, blog) = (&stranger, &app, blog.clone());
        async move {
            submit(
                stranger,
                app,
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
    let client = browser();
    let bad = submit(
        &client,
        &app,
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
    let client = browser();
    for (path, words) in [
        ("/html-not-feed/", "no feed found"),
        ("/no-such-blog/", "404"),
    ] {
        let blog = host.url(path);
        let check = submit(
            &client,
            &app,
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
    let client = browser();
    for _ in 0..5 {
        let ok = submit(
            &client,
            &app,
            "/login",
            "/login",
            &[("email", "cora@example.org")],
        )
        .await;
        assert_eq!(ok.status, 200);
    }
    let limited = submit(
        &client,
        &app,
        "/login",
        "/login",
        &[("email", "cora@example.org")],
    )
    .await;
    assert_eq!(limited.status, 429);
    assert!(limited.body.contains("Please wait a little"));
    let other = submit(
        &client,
        &app,
        "/login",
        "/login",
        &[("email", "kim@example.org")],
    )
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
    let client = browser();
    let mut statuses = Vec::new();
    for n in 0..31 {
        let email = format!("person{n}@example.org");
        let answer = submit(
            &client,
            &app,
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

/// Signs `email` in through the emailed link, in `client`.
async fn sign_in(app: &TestApp, client: &reqwest::Client, email: &str) {
    let before = app.smtp.to(email).len();
    submit(client, app, "/login", "/login", &[("email", email)]).await;
    app.send_mail().await;
    let token = link_in(&app.smtp.to(email)[before], "/login/");
    let done = submit(
        client,
        app,
        &format!("/login/{token}"),
        &format!("/login/{token}"),
        &[],
    )
    .await;
    assert_eq!(done.status, 303);
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
        get(&browser(), &app, "/me").await.location,
        "/login",
        "strangers sign in first"
    );
    let pat = browser();
    sign_in(&app, &pat, "pat@example.org").await;
    let page = get(&pat, &app, "/me").await;
    assert!(page.body.contains("no feed found"), "{}", page.body);
    assert!(page.body.contains("I moved my blog"));

    let member = participant::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let moved = submit(
        &pat,
        &app,
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
    let page = get(&pat, &app, "/me").await;
    assert!(page.body.contains("Ghost"), "{}", page.body);
    assert!(
        page.body.contains("Photos and licences"),
        "the new blog's posts count"
    );

    let bad = submit(
        &pat,
        &app,
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
    let saved = submit(
        &pat,
        &app,
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
    let page = get(&pat, &app, "/me").await;
    assert!(page.body.contains("Hello, Blue Heron"));
}
