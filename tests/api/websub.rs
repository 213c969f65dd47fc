//! WebSub against a hub written for the tests: a blog on loopback whose feed advertises a
//! hub on the same host. The hub records what it is asked; the test then plays the hub's
//! part (the verification GET, signed and unsigned deliveries) against the running app.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Utc;
use hmac::{Hmac, Mac};
use sea_orm::{EntityTrait, PaginatorTrait};
use twentythree::entities::{post as post_entity, websub_subscription};

use crate::helpers::{TestApp, spawn_app, spawn_app_with};

#[derive(Default)]
struct Blog {
    /// (id, title), oldest first.
    posts: Vec<(u32, String)>,
    advertises_hub: bool,
    /// Every form the hub was sent.
    requests: Vec<HashMap<String, String>>,
}

struct BlogAndHub {
    address: String,
    state: Arc<Mutex<Blog>>,
}

impl BlogAndHub {
    async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(Blog {
            posts: vec![(1, "Thing 1: my first post".into())],
            advertises_hub: true,
            requests: Vec::new(),
        }));
        let app = Router::new()
            .route("/feed.xml", get(feed))
            .route("/hub", post(hub))
            .with_state((address.clone(), state.clone()));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { address, state }
    }

    fn feed_url(&self) -> String {
        format!("{}/feed.xml", self.address)
    }

    fn publish(&self, id: u32, title: &str) {
        self.state.lock().unwrap().posts.push((id, title.into()));
    }

    fn requests(&self) -> Vec<HashMap<String, String>> {
        self.state.lock().unwrap().requests.clone()
    }
}

type Shared = (String, Arc<Mutex<Blog>>);

async fn feed(State((address, state)): State<Shared>) -> impl IntoResponse {
    let blog = state.lock().unwrap();
    let hub = if blog.advertises_hub {
        format!(r#"<link rel="hub" href="{address}/hub"/>"#)
    } else {
        String::new()
    };
    let entries: String = blog
        .posts
        .iter()
        .rev()
        .map(|(id, title)| {
            format!(
                r#"<entry><title>{title}</title><id>{address}/posts/{id}</id><link href="{address}/posts/{id}"/><updated>2026-12-0{id}T10:00:00Z</updated><content type="html">Hello {id}</content></entry>"#
            )
        })
        .collect();
    let body = format!(
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Pushy blog</title>{hub}<link rel="self" href="{address}/feed.xml"/><link rel="alternate" href="{address}/"/><id>{address}/</id><updated>2026-12-01T10:00:00Z</updated>{entries}</feed>"#
    );
    ([(header::CONTENT_TYPE, "application/atom+xml")], body)
}

async fn hub(
    State((_, state)): State<Shared>,
    Form(form): Form<HashMap<String, String>>,
) -> StatusCode {
    state.lock().unwrap().requests.push(form);
    StatusCode::ACCEPTED
}

async fn posts(app: &TestApp) -> u64 {
    post_entity::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap()
}

async fn subscription(app: &TestApp) -> websub_subscription::Model {
    websub_subscription::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .expect("a subscription")
}

fn sign(method: &str, secret: &str, body: &[u8]) -> String {
    let bytes = match method {
        "sha1" => {
            let mut mac = <Hmac<sha1::Sha1> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
            mac.update(body);
            mac.finalize().into_bytes().to_vec()
        }
        _ => {
            let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(secret.as_bytes()).unwrap();
            mac.update(body);
            mac.finalize().into_bytes().to_vec()
        }
    };
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{method}={hex}")
}

/// The app with WebSub on, one participant whose blog is `blog`, read once and subscribed.
async fn subscribed(blog: &BlogAndHub) -> TestApp {
    let app = spawn_app_with(|config| config.websub = true).await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    app.add_participant("autumn", "Pat", "pat@example.org", &blog.feed_url());
    app.poll_feeds().await;
    app.state.poller.tick(Utc::now()).await.unwrap();
    app
}

/// The callback address (built on the configured base URL) at the test server's address.
fn local(app: &TestApp, callback: &str) -> String {
    let base = app.state.config.base_url.as_str().trim_end_matches('/');
    match callback.strip_prefix(base) {
        Some(path) => format!("{}{path}", app.address),
        None => callback.to_owned(),
    }
}

async fn verify(app: &TestApp, callback: &str, query: &[(&str, &str)]) -> (u16, String) {
    let url = url::Url::parse_with_params(&local(app, callback), query).unwrap();
    let response = app.client.get(url).send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn deliver(app: &TestApp, callback: &str, signature: Option<String>, body: &str) -> u16 {
    let mut request = app
        .client
        .post(local(app, callback))
        .header(header::CONTENT_TYPE, "application/atom+xml")
        .body(body.to_owned());
    if let Some(signature) = signature {
        request = request.header("X-Hub-Signature", signature);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_with_a_hub_is_subscribed_verified_and_read_at_once_on_a_signed_delivery() {
    let blog = BlogAndHub::start().await;
    let app = subscribed(&blog).await;
    assert_eq!(posts(&app).await, 1, "the first poll read the blog");

    let requests = blog.requests();
    assert_eq!(requests.len(), 1, "one subscription request: {requests:?}");
    let asked = &requests[0];
    assert_eq!(asked["hub.mode"], "subscribe");
    assert_eq!(asked["hub.topic"], blog.feed_url());
    assert_eq!(asked["hub.lease_seconds"], "864000");
    let callback = asked["hub.callback"].clone();
    let base = app.state.config.base_url.as_str();
    assert!(
        callback.starts_with(&format!("{base}websub/")),
        "{callback}"
    );
    let secret = asked["hub.secret"].clone();
    assert!(secret.len() >= 32, "a real secret: {secret}");

    // The hub verifies: a wrong topic is refused, the right one gets its challenge back.
    let wrong = [
        ("hub.mode", "subscribe"),
        ("hub.topic", "http://elsewhere.example/feed"),
        ("hub.challenge", "c-123"),
        ("hub.lease_seconds", "864000"),
    ];
    assert_eq!(verify(&app, &callback, &wrong).await.0, 404);
    let other_callback = format!("{}/websub/{}", app.address, "ab".repeat(32));
    let right = [
        ("hub.mode", "subscribe".to_owned()),
        ("hub.topic", blog.feed_url()),
        ("hub.challenge", "c-123".into()),
        ("hub.lease_seconds", "864000".into()),
    ];
    let right: Vec<(&str, &str)> = right.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(verify(&app, &other_callback, &right).await.0, 404);
    assert_eq!(
        verify(&app, &callback, &right).await,
        (200, "c-123".to_owned())
    );
    assert_eq!(
        subscription(&app).await.state,
        websub_subscription::State::Active
    );

    // The blog publishes; deliveries without a valid signature change nothing.
    blog.publish(2, "Thing 2: pushed");
    let pushed = "<feed><entry><title>Forged post</title></entry></feed>";
    assert_eq!(deliver(&app, &callback, None, pushed).await / 100, 2);
    let forged = sign("sha256", "not-the-secret", pushed.as_bytes());
    assert_eq!(
        deliver(&app, &callback, Some(forged), pushed).await / 100,
        2
    );
    let tampered = sign("sha256", &secret, b"another body");
    assert_eq!(
        deliver(&app, &callback, Some(tampered), pushed).await / 100,
        2
    );
    assert_eq!(
        posts(&app).await,
        1,
        "unsigned or badly signed deliveries read nothing"
    );
    assert_eq!(deliver(&app, &other_callback, None, pushed).await, 404);

    // A signed delivery reads the feed at once, without waiting for the next poll; the
    // pushed body itself is not taken as a post.
    let signed = sign("sha256", &secret, pushed.as_bytes());
    assert_eq!(
        deliver(&app, &callback, Some(signed), pushed).await / 100,
        2
    );
    assert_eq!(posts(&app).await, 2, "the new post was read at once");
    let river = app.get("/cohorts/autumn/posts").await;
    assert!(river.body.contains("Thing 2: pushed"), "{}", river.body);
    assert!(!river.body.contains("Forged post"));

    // sha1 signatures (older hubs) are accepted too.
    blog.publish(3, "Thing 3: pushed again");
    let signed = sign("sha1", &secret, b"ping");
    assert_eq!(
        deliver(&app, &callback, Some(signed), "ping").await / 100,
        2
    );
    assert_eq!(posts(&app).await, 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_subscription_near_the_end_of_its_lease_is_renewed_on_tick_and_left_when_the_hub_goes() {
    let blog = BlogAndHub::start().await;
    let app = subscribed(&blog).await;
    let callback = blog.requests()[0]["hub.callback"].clone();
    let secret = blog.requests()[0]["hub.secret"].clone();
    let query = [
        ("hub.mode", "subscribe".to_owned()),
        ("hub.topic", blog.feed_url()),
        ("hub.challenge", "x".into()),
        ("hub.lease_seconds", "864000".into()),
    ];
    let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(verify(&app, &callback, &query).await.0, 200);

    // Far from the end of the lease: nothing is asked again.
    app.state.poller.tick(Utc::now()).await.unwrap();
    assert_eq!(blog.requests().len(), 1);

    // Within a day of its end: renewed, with the same callback and secret.
    let late = Utc::now() + chrono::Duration::days(9) + chrono::Duration::hours(12);
    app.state.poller.tick(late).await.unwrap();
    let requests = blog.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert_eq!(requests[1]["hub.mode"], "subscribe");
    assert_eq!(requests[1]["hub.callback"], callback);
    assert_eq!(requests[1]["hub.secret"], secret);
    // Until the hub verifies the renewal, it is not asked again at every tick.
    app.state.poller.tick(late).await.unwrap();
    assert_eq!(blog.requests().len(), 2, "asked once, not at every tick");

    // The blog stops advertising a hub: the next read notices and the subscription is left.
    blog.state.lock().unwrap().advertises_hub = false;
    app.poll_feeds().await;
    app.state.poller.tick(Utc::now()).await.unwrap();
    let requests = blog.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    assert_eq!(requests[2]["hub.mode"], "unsubscribe");
    assert_eq!(requests[2]["hub.callback"], callback);
    let leave = [
        ("hub.mode", "unsubscribe".to_owned()),
        ("hub.topic", blog.feed_url()),
        ("hub.challenge", "bye".into()),
    ];
    let leave: Vec<(&str, &str)> = leave.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        verify(&app, &callback, &leave).await,
        (200, "bye".to_owned())
    );
    assert_eq!(
        websub_subscription::Entity::find()
            .count(&app.state.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        deliver(&app, &callback, None, "x").await,
        404,
        "the callback is gone"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hub_that_denies_the_subscription_marks_it_denied() {
    let blog = BlogAndHub::start().await;
    let app = subscribed(&blog).await;
    let callback = blog.requests()[0]["hub.callback"].clone();
    let topic = blog.feed_url();
    let denied = [
        ("hub.mode", "denied"),
        ("hub.topic", topic.as_str()),
        ("hub.reason", "no"),
    ];
    assert_eq!(verify(&app, &callback, &denied).await.0, 200);
    assert_eq!(
        subscription(&app).await.state,
        websub_subscription::State::Denied
    );
    // Denied: not asked again on the next ticks.
    app.state
        .poller
        .tick(Utc::now() + chrono::Duration::hours(2))
        .await
        .unwrap();
    assert_eq!(blog.requests().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn with_websub_off_nothing_subscribes_and_the_callback_is_404() {
    let blog = BlogAndHub::start().await;
    let app = spawn_app().await;
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    app.add_participant("autumn", "Pat", "pat@example.org", &blog.feed_url());
    app.poll_feeds().await;
    app.state.poller.tick(Utc::now()).await.unwrap();
    assert_eq!(posts(&app).await, 1, "the blog is still polled");
    assert!(
        blog.requests().is_empty(),
        "no hub request: {:?}",
        blog.requests()
    );
    let callback = format!("{}/websub/{}", app.address, "ab".repeat(32));
    let query = [
        ("hub.mode", "subscribe"),
        ("hub.topic", "x"),
        ("hub.challenge", "c"),
    ];
    assert_eq!(verify(&app, &callback, &query).await.0, 404);
    assert_eq!(deliver(&app, &callback, None, "x").await, 404);
}
