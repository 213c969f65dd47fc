//! Signing in by emailed link, sessions, sign-out, cross-site refusals and API tokens,
//! over real HTTP and the real SMTP sink.

use chrono::{Duration, Utc};
use twentythree::people::Email;

use crate::helpers::{TestApp, days_from_today, spawn_app, stderr, stdout};

fn add_coordinator(app: &TestApp, email: &str) {
    let output = app.run_cli(&["coordinator", "add", "--email", email, "--name", "Cora"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

async fn post_login(app: &TestApp, email: &str) -> (u16, String) {
    let response = crate::helpers::no_redirects()
        .post(format!("{}/login", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={}", email.replace('@', "%40")))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Asks for a link and returns the token from the email that arrives.
pub(crate) async fn emailed_token(app: &TestApp, email: &str) -> String {
    let before = app.smtp.messages().len();
    post_login(app, email).await;
    app.send_mail().await;
    let messages = app.smtp.messages();
    let message = messages.get(before).expect("a sign-in email");
    assert_eq!(message.kind(), "login");
    let data = message.data.replace("=\r\n", "");
    let start = data.find("/login/").expect("a link") + "/login/".len();
    data[start..start + 64].to_owned()
}

/// Signs in with `token`; returns the status and the `Set-Cookie` header.
pub(crate) async fn sign_in(app: &TestApp, token: &str) -> (u16, Option<String>) {
    let response = crate::helpers::no_redirects()
        .post(format!("{}/login/{token}", app.address))
        .send()
        .await
        .unwrap();
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("twentythree="));
    (response.status().as_u16(), cookie)
}

async fn json(response: reqwest::Response) -> serde_json::Value {
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

pub(crate) fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_owned()
}

async fn home_as(app: &TestApp, cookie: &str) -> String {
    crate::helpers::no_redirects()
        .get(format!("{}/", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn known_and_unknown_addresses_get_the_same_answer_and_only_the_known_gets_mail() {
    let app = spawn_app().await;
    add_coordinator(&app, "cora@example.org");
    assert!(app.get("/login").await.body.contains(r#"name="email""#));

    let (known_status, known) = post_login(&app, "Cora@Example.org").await;
    let (unknown_status, unknown) = post_login(&app, "nobody@example.org").await;
    assert_eq!((known_status, unknown_status), (200, 200));
    assert_eq!(
        crate::helpers::without_form_tokens(&known.replace("cora@example.org", "X")),
        crate::helpers::without_form_tokens(&unknown.replace("nobody@example.org", "X"))
    );
    assert!(known.contains("Check your email"));

    app.send_mail().await;
    let messages = app.smtp.messages();
    assert_eq!(messages.len(), 1, "only the known address gets mail");
    assert_eq!(messages[0].to, vec!["cora@example.org".to_owned()]);
    assert_eq!(messages[0].kind(), "login");
    let data = messages[0].data.replace("=\r\n", "");
    assert!(data.contains("http://127.0.0.1:2323/login/"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_link_shows_a_button_signs_in_once_and_sign_out_ends_the_session() {
    let app = spawn_app().await;
    add_coordinator(&app, "cora@example.org");
    let token = emailed_token(&app, "cora@example.org").await;

    for _ in 0..2 {
        let page = app.get(&format!("/login/{token}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&format!(r#"action="/login/{token}""#)));
        assert!(page.body.contains("Sign in</button>"));
    }

    let (status, set_cookie) = sign_in(&app, &token).await;
    assert_eq!(status, 303);
    let set_cookie = set_cookie.expect("a session cookie");
    assert!(set_cookie.starts_with("twentythree="), "{set_cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=2592000"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    let cookie = cookie_pair(&set_cookie);
    assert!(home_as(&app, &cookie).await.contains("Signed in as Cora"));

    let (again, no_cookie) = sign_in(&app, &token).await;
    assert_eq!(again, 410, "a used link is refused");
    assert!(no_cookie.is_none());
    let dead = app.get(&format!("/login/{token}")).await;
    assert_eq!(dead.status, 410);
    assert!(dead.body.contains("no longer works"));

    let without_token = crate::helpers::no_redirects()
        .post(format!("{}/logout", app.address))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(without_token.status().as_u16(), 403);
    assert!(home_as(&app, &cookie).await.contains("Signed in as Cora"));
    let page = home_as(&app, &cookie).await;
    let start = page.find(r#"name="csrf" value=""#).expect("a form token") + 19;
    let token = &page[start..start + 64];
    let response = crate::helpers::no_redirects()
        .post(format!("{}/logout", app.address))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let cleared = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    let after = home_as(&app, &cookie).await;
    assert!(
        !after.contains("Signed in as"),
        "the old cookie no longer works"
    );
    assert!(after.contains(r#"href="/login""#));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_or_unknown_token_is_refused() {
    let app = spawn_app().await;
    add_coordinator(&app, "cora@example.org");
    let email: Email = "cora@example.org".parse().unwrap();
    let person = twentythree::people::find_person(&app.state.db, &email)
        .await
        .unwrap()
        .unwrap();
    let old = Utc::now() - Duration::minutes(31);
    let token = twentythree::auth::create_login_token(&app.state.db, &person, old)
        .await
        .unwrap();
    assert_eq!(app.get(&format!("/login/{token}")).await.status, 410);
    assert_eq!(sign_in(&app, &token).await, (410, None));
    assert_eq!(sign_in(&app, &"0".repeat(64)).await, (410, None));
}

#[tokio::test(flavor = "multi_thread")]
async fn cross_site_posts_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    add_coordinator(&app, "cora@example.org");
    let token = emailed_token(&app, "cora@example.org").await;
    let url = format!("{}/login/{token}", app.address);

    let foreign = crate::helpers::no_redirects()
        .post(&url)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status().as_u16(), 403);
    assert!(foreign.headers().get("set-cookie").is_none());
    let fetch_site = crate::helpers::no_redirects()
        .post(&url)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_site.status().as_u16(), 403);
    assert!(fetch_site.text().await.unwrap().contains("another site"));

    let sent_before = app.smtp.messages().len();
    let login = crate::helpers::no_redirects()
        .post(format!("{}/login", app.address))
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=cora%40example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 403);
    app.send_mail().await;
    assert_eq!(app.smtp.messages().len(), sent_before, "no mail was queued");

    let same_site = crate::helpers::no_redirects()
        .post(&url)
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(
        same_site.status().as_u16(),
        303,
        "the token was left unused"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn api_tokens_are_for_coordinators_and_show_emails() {
    let app = spawn_app().await;
    app.create_cohort("spring", days_from_today(-7), &[]);
    app.create_cohort("inner", days_from_today(-7), &["--visibility", "members"]);
    app.add_participant("spring", "Kim", "kim@example.org", "http://127.0.0.1:9/");
    add_coordinator(&app, "cora@example.org");

    let refused = app.run_cli(&["token", "create", "--email", "kim@example.org"]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("not a coordinator"),
        "{}",
        stderr(&refused)
    );
    let unknown = app.run_cli(&["token", "create", "--email", "who@example.org"]);
    assert!(!unknown.status.success());
    let created = app.run_cli(&["token", "create", "--email", "cora@example.org"]);
    assert!(created.status.success(), "{}", stderr(&created));
    let token = stdout(&created).trim().to_owned();
    assert_eq!(token.len(), 64);

    let (status, public) = app.get_json("/api/v1/cohorts/spring/progress").await;
    assert_eq!(status, 200);
    assert!(public["participants"][0].get("email").is_none());

    let api = |path: &str, bearer: &str| {
        crate::helpers::no_redirects()
            .get(format!("{}{path}", app.address))
            .header("authorization", format!("Bearer {bearer}"))
            .send()
    };
    let response = api("/api/v1/cohorts/spring/progress", &token)
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body = json(response).await;
    assert_eq!(body["participants"][0]["email"], "kim@example.org");

    assert_eq!(app.get("/api/v1/cohorts/inner/progress").await.status, 403);
    let inner = api("/api/v1/cohorts/inner/progress", &token).await.unwrap();
    assert_eq!(inner.status().as_u16(), 200);

    let bad = api("/api/v1/cohorts/spring/progress", &"f".repeat(64))
        .await
        .unwrap();
    assert_eq!(bad.status().as_u16(), 401);
    let body = json(bad).await;
    assert!(body["error"].as_str().unwrap().contains("not valid"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_in_coordinator_sees_emails_in_the_api() {
    let app = spawn_app().await;
    app.create_cohort("spring", days_from_today(-7), &[]);
    app.add_participant("spring", "Kim", "kim@example.org", "http://127.0.0.1:9/");
    add_coordinator(&app, "cora@example.org");
    let token = emailed_token(&app, "cora@example.org").await;
    let cookie = cookie_pair(&sign_in(&app, &token).await.1.unwrap());
    let response = crate::helpers::no_redirects()
        .get(format!("{}/api/v1/cohorts/spring/progress", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let body = json(response).await;
    assert_eq!(body["participants"][0]["email"], "kim@example.org");
}

#[tokio::test(flavor = "multi_thread")]
async fn housekeeping_forgets_expired_sessions_links_and_limits() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    use twentythree::entities::{login_token, rate_limit, session};
    let app = spawn_app().await;
    app.new_coordinator("cora@example.org", "Cora").await;
    let cora = crate::browser::Browser::sign_in(&app, "cora@example.org").await;
    assert_eq!(cora.get("/coordinator").await.status, 200);
    let db = &app.state.db;
    let rows = || async {
        (
            session::Entity::find().count(db).await.unwrap(),
            login_token::Entity::find().count(db).await.unwrap(),
            rate_limit::Entity::find().count(db).await.unwrap(),
        )
    };
    assert_eq!(
        twentythree::housekeeping::tick(db, Utc::now())
            .await
            .unwrap(),
        1,
        "the used link"
    );
    assert_eq!(rows().await, (1, 0, 2));
    let later = Utc::now() + Duration::days(31);
    assert_eq!(twentythree::housekeeping::tick(db, later).await.unwrap(), 3);
    assert_eq!(rows().await, (0, 0, 0));
    assert_eq!(
        cora.get("/coordinator").await.status,
        303,
        "signed out for good"
    );
}
