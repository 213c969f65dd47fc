//! What every answer carries (the security headers, on errors too), the body size limit on
//! forms, and malformed forms, query strings, paths and JSON answered with a 400 that
//! says what was wrong, never a 500.

use crate::helpers::{TestApp, days_from_today, spawn_app};

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.text().await.unwrap(),
    }
}

fn form(app: &TestApp, path: &str, body: impl Into<String>) -> reqwest::RequestBuilder {
    crate::helpers::no_redirects()
        .post(format!("{}{path}", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.into())
}

async fn app_with_cohort() -> TestApp {
    let app = spawn_app().await;
    app.create_cohort("open", days_from_today(-7), &[]);
    app
}

fn assert_security_headers(what: &str, answer: &Answer) {
    let header = |name: &str| {
        answer
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_else(|| panic!("{what} ({}): no {name}", answer.status))
            .to_owned()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(csp.contains("default-src 'self'"), "{what}: {csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
        "{what}: {csp}"
    );
    assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
    assert!(!header("referrer-policy").is_empty(), "{what}");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_family_and_every_error_carries_the_security_headers() {
    let app = app_with_cohort().await;
    let gets = [
        ("/", 200),
        ("/login", 200),
        ("/join", 200),
        ("/lessons", 200),
        ("/lessons/1", 200),
        ("/cohorts/open", 200),
        ("/cohorts/open/posts", 200),
        ("/cohorts/open/finishers", 200),
        ("/cohorts/open/feed.atom", 200),
        ("/cohorts/open/feed.json", 200),
        ("/cohorts/open/blogroll.opml", 200),
        ("/api/v1/cohorts/open/progress", 200),
        ("/healthz", 200),
        ("/static/style.css", 200),
        ("/nowhere", 404),
        ("/cohorts/nobody", 404),
        ("/api/v1/cohorts/nobody/progress", 404),
        ("/cohorts/open/posts?page=abc", 400),
    ];
    for (path, status) in gets {
        let answer =
            send(crate::helpers::no_redirects().get(format!("{}{path}", app.address))).await;
        assert_eq!(answer.status, status, "GET {path}: {}", answer.body);
        assert_security_headers(&format!("GET {path}"), &answer);
    }
    for path in [
        "/me",
        "/coordinator/mail",
        "/login/not-a-token",
        "/join/not-a-token",
        "/unsubscribe/not-a-token",
    ] {
        let answer =
            send(crate::helpers::no_redirects().get(format!("{}{path}", app.address))).await;
        assert!(answer.status < 500, "GET {path}: {}", answer.status);
        assert_security_headers(&format!("GET {path}"), &answer);
    }

    let cross_site = send(
        form(&app, "/login", "email=a%40example.org").header("origin", "https://evil.example"),
    )
    .await;
    assert_eq!(cross_site.status, 403);
    assert_security_headers("cross-site POST", &cross_site);

    let mut last = None;
    for _ in 0..6 {
        last = Some(send(form(&app, "/login", "email=many%40example.org")).await);
    }
    let limited = last.unwrap();
    assert_eq!(limited.status, 429);
    assert_security_headers("rate-limited POST", &limited);

    let huge = send(form(
        &app,
        "/login",
        format!("email={}", "a".repeat(100 * 1024)),
    ))
    .await;
    assert_eq!(huge.status, 413);
    assert_security_headers("oversized POST", &huge);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_form_over_the_limit_gets_a_clear_413_page_and_a_form_under_it_is_read() {
    let app = app_with_cohort().await;
    let limit = twentythree::web::FORM_LIMIT;
    let over = format!(
        "name=Kim&email=kim%40example.org&blog={}",
        "a".repeat(limit)
    );
    for (path, content_type) in [
        ("/join", "application/x-www-form-urlencoded"),
        ("/join", "application/x-www-form-urlencoded; charset=utf-8"),
    ] {
        let answer = send(
            crate::helpers::no_redirects()
                .post(format!("{}{path}", app.address))
                .header("content-type", content_type)
                .body(over.clone()),
        )
        .await;
        assert_eq!(answer.status, 413, "{path}");
        assert!(answer.body.contains("too big to read"), "{}", answer.body);
        assert!(answer.body.contains("64 KB"), "{}", answer.body);
    }
    // Just under the limit the form is read (and its long blog address refused in words).
    let under = format!(
        "name=Kim&email=kim%40example.org&blog=http://example.org/{}",
        "a".repeat(limit - 200)
    );
    let answer = send(form(&app, "/join", under)).await;
    assert!(
        answer.status < 500 && answer.status != 413,
        "{}",
        answer.status
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_forms_queries_paths_and_json_get_a_400_that_says_so() {
    let app = app_with_cohort().await;
    let gets = [
        "/cohorts/open/posts?page=abc",
        "/cohorts/open/posts?page=%ZZ",
        "/cohorts/open/posts?thing=%FF%FE",
        "/cohorts/open/posts?person=-1x",
        "/cohorts/open/posts?page=99999999999999999999999",
        "/cohorts/%FF",
        "/cohorts/open/people/%FF",
    ];
    for path in gets {
        let answer =
            send(crate::helpers::no_redirects().get(format!("{}{path}", app.address))).await;
        assert_eq!(answer.status, 400, "GET {path}: {}", answer.body);
        assert!(
            answer.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(answer.body.contains("<p"), "GET {path}: {}", answer.body);
    }
    let api = send(
        crate::helpers::no_redirects().get(format!("{}/api/v1/cohorts/%FF/progress", app.address)),
    )
    .await;
    assert_eq!(api.status, 400, "{}", api.body);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert!(
        json["error"].as_str().unwrap().contains("cannot be read"),
        "{json}"
    );

    let posts = [
        (
            "/login",
            "application/x-www-form-urlencoded",
            "nothing=here",
        ),
        (
            "/login",
            "application/json",
            r#"{"email": "kim@example.org"}"#,
        ),
        ("/login", "application/json", r#"{"email": "#),
        ("/login", "text/plain", "email=kim%40example.org"),
        ("/me/claims", "application/json", "[1, 2"),
    ];
    for (path, content_type, body) in posts {
        let answer = send(
            crate::helpers::no_redirects()
                .post(format!("{}{path}", app.address))
                .header("content-type", content_type)
                .body(body),
        )
        .await;
        assert!(
            [400, 401, 403, 303].contains(&answer.status),
            "POST {path} ({content_type}): {} {}",
            answer.status,
            answer.body
        );
        if path == "/login" {
            assert_eq!(answer.status, 400, "POST {path} ({content_type})");
            assert!(answer.body.contains("could not be read"), "{}", answer.body);
        }
    }

    // A sweep of nonsense over the routes: never a 500.
    let nonsense = [
        "?page=%",
        "?thing=%C0%AF",
        "?person=1e9999",
        "/%00",
        "?a[]=1&a[]=2",
        "?%%%=%%%",
    ];
    let routes = [
        "/",
        "/join",
        "/me",
        "/lessons",
        "/lessons/abc",
        "/cohorts/open",
        "/cohorts/open/posts",
        "/cohorts/open/finishers",
        "/cohorts/open/people/abc",
        "/cohorts/open/people/1/certificate",
        "/cohorts/open/feed.atom",
        "/cohorts/open/feed.json",
        "/cohorts/open/blogroll.opml",
        "/coordinator/mail",
        "/coordinator/cohorts/open/progress.csv",
        "/api/v1/cohorts/open/progress",
        "/login/abc",
        "/join/abc",
        "/unsubscribe/abc",
    ];
    for route in routes {
        for junk in nonsense {
            let path = format!("{route}{junk}");
            let answer =
                send(crate::helpers::no_redirects().get(format!("{}{path}", app.address))).await;
            assert!(
                answer.status < 500,
                "GET {path}: {} {}",
                answer.status,
                answer.body
            );
        }
    }
}
