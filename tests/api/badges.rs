//! Open Badges for finishers: the world the badge tests share, and the documents (issuer,
//! class, assertion) with their required fields, ids equal to their addresses and a
//! recipient hash that holds for the finisher's email only. Where finishers meet their
//! badge, its life (revocation, badges off and on), the images, the export and the
//! official validator have modules of their own.

mod export;
mod images;
mod lifecycle;
mod pages;
mod validator;

use chrono::{Duration, Utc};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;
use sha2::{Digest, Sha256};
use twentythree::entities::{badge_assertion, participant};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::Browser;
use crate::helpers::{TestApp, spawn_app_with};
use crate::progress::finisher_feed;

pub const ISSUER_EMAIL: &str = "badges@library.example";
pub const ADA: &str = "ada@example.org";

/// A server whose base URL is its real loopback address (so that the badges' addresses
/// answer), issuing badges as a library, with a cohort where Ada finishes by blogging
/// about all 23 things and Bob has not started.
pub struct World {
    pub app: TestApp,
    /// Serves Ada's blog for as long as the world lasts.
    _host: BlogHost,
    pub ada: participant::Model,
    pub bob: participant::Model,
}

/// A configuration change that puts the server at a free loopback port of its own.
pub fn at_own_address(config: &mut twentythree::Config) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    config.bind = format!("127.0.0.1:{port}").parse().unwrap();
    config.base_url = format!("http://127.0.0.1:{port}").parse().unwrap();
}

impl World {
    pub async fn new() -> Self {
        let app = spawn_app_with(|c| {
            at_own_address(c);
            c.badge_issuer_email = Some(ISSUER_EMAIL.parse().unwrap());
            c.organisation = Some("Springfield Public Library".into());
        })
        .await;
        Self::in_app(app).await
    }

    /// The cohort, Ada and Bob in `app`; Ada's feed is read, which finishes her.
    pub async fn in_app(app: TestApp) -> Self {
        let cohort = app
            .new_cohort_with("spring", "2026-09-01".parse().unwrap(), |s| {
                s.name = "Spring 2026".into();
            })
            .await;
        let host = BlogHost::start(app.state.config.base_url.as_str()).await;
        host.set_fault(
            "/ada.xml",
            Fault::Body("application/rss+xml".into(), finisher_feed(1..=23)),
        );
        let joined = Utc::now() - Duration::days(90);
        let ada = app
            .join_at(&cohort, "Ada Lovelace", ADA, &host.url("/ada.xml"), joined)
            .await;
        let bob = app
            .join_at(
                &cohort,
                "Bob Builder",
                "bob@example.org",
                &host.url("/missing.xml"),
                joined,
            )
            .await;
        app.poll_feeds().await;
        let ada = participant::Entity::find_by_id(ada.id)
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        assert!(ada.finished_at.is_some(), "Ada finishes by blogging");
        Self {
            app,
            _host: host,
            ada,
            bob,
        }
    }

    /// Ada's standing assertion's address (as a path).
    pub async fn assertion_path(&self) -> String {
        let row = twentythree::badges::live_for(&self.app.state.db, self.ada.id)
            .await
            .unwrap()
            .expect("Ada holds a badge");
        format!("/badges/assertions/{}", row.public_id)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.app.address)
    }

    /// GETs `path` as JSON-LD, checking the media type and that anyone may read it.
    pub async fn document(&self, path: &str) -> (u16, Value) {
        let response = self.app.client.get(self.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.unwrap();
        assert_eq!(headers["content-type"], "application/ld+json", "{path}");
        assert_eq!(headers["access-control-allow-origin"], "*", "{path}");
        (status, serde_json::from_str(&body).expect("JSON"))
    }

    /// The body of `path` as bytes, with its status and media type.
    pub async fn bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let response = self.app.client.get(self.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, kind, response.bytes().await.unwrap().to_vec())
    }

    pub async fn html(&self, path: &str) -> (u16, String) {
        let response = self
            .app
            .client
            .get(self.url(path))
            .header("accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
            .send()
            .await
            .unwrap();
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// A coordinator marks (`done`) or unmarks a thing of Ada's through the grid's form.
    pub async fn coordinator_sets(&self, number: i32, done: bool) {
        let coco = Browser::sign_in(&self.app, "coco@example.org").await;
        let person = format!("/coordinator/cohorts/spring/people/{}", self.ada.id);
        let to = format!("{person}/things/{number}");
        let answer = coco
            .submit(
                &person,
                &to,
                &[("done", if done { "true" } else { "false" })],
            )
            .await;
        assert!(answer.status < 400, "{}", answer.body);
    }
}

/// A page's HTML with the escapes of addresses undone (`/` is written `&#x2f;`).
pub fn unescaped(html: &str) -> String {
    html.replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether the assertion's recipient hash stands for `email`.
pub fn hash_holds_for(assertion: &Value, email: &str) -> bool {
    let recipient = &assertion["recipient"];
    let salt = recipient["salt"].as_str().unwrap();
    recipient["identity"] == format!("sha256${}", sha256_hex(&format!("{email}{salt}")))
}
#[tokio::test(flavor = "multi_thread")]
async fn a_finisher_gets_a_badge_whose_documents_are_complete() {
    let world = World::new().await;
    let base = world.app.address.clone();

    let (status, issuer) = world.document("/badges/issuer").await;
    assert_eq!(status, 200);
    assert_eq!(issuer["@context"], "https://w3id.org/openbadges/v2");
    assert_eq!(issuer["type"], "Profile");
    assert_eq!(issuer["id"], format!("{base}/badges/issuer"));
    assert_eq!(issuer["name"], "Springfield Public Library");
    assert_eq!(issuer["email"], ISSUER_EMAIL);
    assert_eq!(issuer["url"], format!("{base}/"));

    let (status, class) = world.document("/badges/spring").await;
    assert_eq!(status, 200);
    assert_eq!(class["type"], "BadgeClass");
    assert_eq!(class["id"], format!("{base}/badges/spring"));
    assert_eq!(class["issuer"], issuer["id"]);
    assert!(class["name"].as_str().unwrap().contains("Spring 2026"));
    assert!(!class["description"].as_str().unwrap().is_empty());
    assert!(!class["criteria"]["narrative"].as_str().unwrap().is_empty());
    assert_eq!(class["criteria"]["id"], format!("{base}/lessons"));
    assert!(!class["tags"].as_array().unwrap().is_empty());
    let image = class["image"].as_str().unwrap();
    let (status, kind, png) = world.bytes(image.strip_prefix(&base).unwrap()).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert!(png.starts_with(b"\x89PNG"));

    let path = world.assertion_path().await;
    let (status, assertion) = world.document(&path).await;
    assert_eq!(status, 200);
    assert_eq!(assertion["type"], "Assertion");
    assert_eq!(assertion["id"], format!("{base}{path}"));
    assert_eq!(assertion["badge"], class["id"]);
    assert_eq!(assertion["verification"]["type"], "HostedBadge");
    assert_eq!(assertion["recipient"]["type"], "email");
    assert_eq!(assertion["recipient"]["hashed"], true);
    assert!(
        assertion["recipient"]["identity"]
            .as_str()
            .unwrap()
            .starts_with("sha256$")
    );
    assert!(hash_holds_for(&assertion, ADA));
    assert!(!hash_holds_for(&assertion, "bob@example.org"));
    let issued = assertion["issuedOn"].as_str().unwrap();
    let issued_at = chrono::DateTime::parse_from_rfc3339(issued).expect("a date with an offset");
    assert_eq!(Some(issued_at.with_timezone(&Utc)), world.ada.finished_at);
    assert_eq!(
        assertion["evidence"]["id"],
        format!("{base}/cohorts/spring/people/{}", world.ada.id)
    );
    let narrative = assertion["evidence"]["narrative"].as_str().unwrap();
    assert!(
        narrative.starts_with("23 posts on 5 Oct 2026"),
        "{narrative}"
    );
    assert_eq!(assertion["image"], format!("{base}{path}.png"));
    assert!(assertion.get("revoked").is_none());

    for document in [&issuer, &class, &assertion] {
        assert!(!document.to_string().contains(ADA), "{document}");
    }
    // Bob has not finished: no badge.
    assert!(
        twentythree::badges::live_for(&world.app.state.db, world.bob.id)
            .await
            .unwrap()
            .is_none()
    );
}
#[tokio::test(flavor = "multi_thread")]
async fn unknown_badges_are_404_and_change_nothing() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    for missing in [
        "/badges/assertions/0123456789abcdef0123456789abcdef",
        "/badges/assertions/0123456789abcdef0123456789abcdef.png",
        "/badges/assertions/not-an-id.svg",
        "/badges/nosuchcohort",
        "/badges/nosuchcohort.png",
        "/badges/spring.gif",
        "/badges/spring/other.png",
        &format!("{path}.gif"),
        &format!("{path}/other.png"),
    ] {
        assert_eq!(world.bytes(missing).await.0, 404, "{missing}");
    }
    let count = badge_assertion::Entity::find()
        .count(&world.app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 1);
    // The nested image addresses answer as the flat ones do.
    assert_eq!(world.bytes("/badges/spring/image.png").await.1, "image/png");
    assert_eq!(
        world.bytes(&format!("{path}/badge.svg")).await.1,
        "image/svg+xml"
    );
}
