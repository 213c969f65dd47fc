//! Open Badges for finishers: the documents (issuer, class, assertion) with their required
//! fields, ids equal to their addresses and a recipient hash that holds for the finisher's
//! email only; where finishers meet their badge; revocation and finishing again; badges off
//! without an issuer email. The images, the export and the official validator have modules
//! of their own.

mod export;
mod images;
mod validator;

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use sha2::{Digest, Sha256};
use twentythree::entities::{badge_assertion, participant};

use crate::blog_host::{BlogHost, Fault};
use crate::browser::{Browser, link_in};
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
async fn people_see_a_verification_page_and_machines_json() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let (status, page) = world.html(&path).await;
    let page = unescaped(&page);
    assert_eq!(status, 200);
    for words in [
        "This badge is real",
        "Ada Lovelace",
        "Springfield Public Library",
        "Spring 2026",
        "5 October 2026",
    ] {
        assert!(page.contains(words), "{words}: {page}");
    }
    assert!(
        !page.contains("Download your badge"),
        "only the finisher is offered it"
    );
    let ada = Browser::sign_in(&world.app, ADA).await;
    let own = ada
        .client
        .get(world.url(&path))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    let own = unescaped(&own.text().await.unwrap());
    assert!(
        own.contains("Download your badge") && own.contains("linkedin.com/profile/add"),
        "{own}"
    );
    // A validator's Accept and no Accept at all get JSON-LD.
    let response = world
        .app
        .client
        .get(world.url(&path))
        .header(
            "accept",
            "application/ld+json, application/json, image/png, image/svg+xml",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-type"], "application/ld+json");
    assert_eq!(response.headers()["vary"], "Accept");
    assert_eq!(world.document(&path).await.0, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_finisher_meets_the_badge_in_the_email_on_me_on_the_certificate_and_on_the_wall() {
    let world = World::new().await;
    let path = world.assertion_path().await;
    let id = path.rsplit('/').next().unwrap().to_owned();
    world.app.send_mail().await;
    let mail = world
        .app
        .smtp
        .to(ADA)
        .into_iter()
        .find(|m| m.kind() == "celebration")
        .expect("a celebration");
    let png = link_in(&mail.data, "/badges/assertions/");
    assert_eq!(png, format!("{path}.png"));
    let data = mail.data.replace("=\r\n", "").replace("=3D", "=");
    assert!(data.contains("Download your badge") && data.contains("Add to LinkedIn"));
    assert!(data.contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"));
    assert!(data.contains(&format!("certId={id}")), "{data}");
    assert!(
        data.contains("organizationName=Springfield+Public+Library"),
        "{data}"
    );
    assert!(
        data.contains("issueYear=2026&issueMonth=10")
            || data.contains("issueYear=2026&amp;issueMonth=10")
    );

    let ada = Browser::sign_in(&world.app, ADA).await;
    let me = unescaped(&ada.get("/me").await.body);
    assert!(
        me.contains("Download your badge") && me.contains(&format!("{path}.png")),
        "{me}"
    );
    assert!(
        me.contains("Add to LinkedIn") && me.contains("certUrl="),
        "{me}"
    );
    let certificate = format!("/cohorts/spring/people/{}/certificate", world.ada.id);
    let own = unescaped(&ada.get(&certificate).await.body);
    assert!(
        own.contains("Download your badge") && own.contains(&path),
        "{own}"
    );
    let public = unescaped(&world.app.get(&certificate).await.body);
    assert!(
        public.contains(&path) && !public.contains("Download your badge"),
        "{public}"
    );

    let wall = unescaped(&world.app.get("/cohorts/spring/finishers").await.body);
    assert!(
        wall.contains(&format!("href=\"{path}\"")) && wall.contains("/badges/spring.png"),
        "{wall}"
    );
    let bob = Browser::sign_in(&world.app, "bob@example.org").await;
    assert!(!bob.get("/me").await.body.contains("Download your badge"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unmarking_revokes_the_badge_and_finishing_again_issues_a_new_one() {
    let world = World::new().await;
    world
        .app
        .new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    let first = world.assertion_path().await;
    let first_url = world.url(&first);

    world.coordinator_sets(7, false).await;
    let (status, revoked) = world.document(&first).await;
    assert_eq!(status, 200, "a revoked assertion keeps its address");
    assert_eq!(revoked["id"], first_url);
    assert_eq!(revoked["type"], "Assertion");
    assert_eq!(revoked["revoked"], true);
    assert!(
        revoked["revocationReason"]
            .as_str()
            .unwrap()
            .contains("Thing 7")
    );
    assert!(revoked.get("recipient").is_none());
    let page = unescaped(&world.html(&first).await.1);
    assert!(
        page.contains("This badge was revoked") && page.contains("Thing 7"),
        "{page}"
    );
    assert_eq!(world.bytes(&format!("{first}.png")).await.0, 404);
    let progress = world
        .app
        .get_json("/api/v1/cohorts/spring/progress")
        .await
        .1;
    let ada = progress["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Ada Lovelace")
        .unwrap();
    assert!(ada["finished_at"].is_null(), "{ada}");
    assert!(
        twentythree::badges::live_for(&world.app.state.db, world.ada.id)
            .await
            .unwrap()
            .is_none()
    );
    let wall = unescaped(&world.app.get("/cohorts/spring/finishers").await.body);
    assert!(!wall.contains(&first));

    // Unmarking another thing revokes nothing more; marking thing 7 again finishes her anew.
    world.coordinator_sets(8, false).await;
    world.coordinator_sets(8, true).await;
    assert!(
        twentythree::badges::live_for(&world.app.state.db, world.ada.id)
            .await
            .unwrap()
            .is_none()
    );
    world.coordinator_sets(7, true).await;
    let second = world.assertion_path().await;
    assert_ne!(second, first);
    assert_eq!(world.document(&second).await.1["type"], "Assertion");
    assert_eq!(world.document(&first).await.1["revoked"], true);
    let count = badge_assertion::Entity::find()
        .filter(badge_assertion::Column::ParticipantId.eq(world.ada.id))
        .count(&world.app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn badges_are_off_until_an_issuer_email_is_set() {
    let app = spawn_app_with(at_own_address).await;
    let world = World::in_app(app).await;
    for path in ["/badges/issuer", "/badges/spring", "/badges/spring.png"] {
        assert_eq!(world.bytes(path).await.0, 404, "{path}");
    }
    let count = badge_assertion::Entity::find()
        .count(&world.app.state.db)
        .await
        .unwrap();
    assert_eq!(count, 0);
    world.app.send_mail().await;
    let mail = world.app.smtp.to(ADA);
    assert!(mail.iter().any(|m| m.kind() == "celebration"));
    assert!(mail.iter().all(|m| !m.data.contains("badge")));
    world
        .app
        .new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    let coco = Browser::sign_in(&world.app, "coco@example.org").await;
    let grid = coco.get("/coordinator/cohorts/spring").await.body;
    assert!(
        grid.contains("Open Badges are off") && grid.contains("TWENTYTHREE_BADGE_ISSUER_EMAIL"),
        "{grid}"
    );

    // Turned on later (a restart with an issuer email): earlier finishers get theirs, once.
    let on = |c: &mut twentythree::Config| {
        at_own_address(c);
        c.badge_issuer_email = Some(ISSUER_EMAIL.parse().unwrap());
    };
    let later = crate::helpers::spawn_app_on_with(world.app.database_url.clone(), on).await;
    crate::helpers::spawn_app_on_with(world.app.database_url.clone(), on).await;
    let awarded = badge_assertion::Entity::find()
        .all(&later.state.db)
        .await
        .unwrap();
    assert_eq!(awarded.len(), 1);
    assert_eq!(awarded[0].participant_id, world.ada.id);
    assert_eq!(Some(awarded[0].issued_on), world.ada.finished_at);
    let coco = Browser::sign_in(&later, "coco@example.org").await;
    let grid = unescaped(&coco.get("/coordinator/cohorts/spring").await.body);
    assert!(
        grid.contains("Open Badges are on") && grid.contains("/badges/spring"),
        "{grid}"
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
