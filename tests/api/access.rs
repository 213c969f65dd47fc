//! Who sees what, over HTTP: every kind of viewer (stranger, participant of the cohort, of
//! another cohort, coordinator) against every kind of cohort (public, members-only, cohort
//! pace, self pace) and every page family, feed and calendar.

use chrono::{Datelike, Days, Duration, Utc, Weekday};
use twentythree::cohorts::{Pace, Visibility};
use twentythree::entities::participant;

use crate::blog_host::{BlogHost, Fault};
use crate::browser::{Answer, Browser, link_in};
use crate::helpers::{TestApp, spawn_app};

/// The world every test here starts from.
struct World {
    app: TestApp,
    /// Ada, in the members-only staff cohort (cohort pace, started 15 days ago), with a post.
    ada: participant::Model,
    /// Pat, in the public cohort (started 2 days ago).
    pat: participant::Model,
    /// Cy, in a members-only self-paced cohort, who joined last Tuesday.
    cy: participant::Model,
    _host: BlogHost,
}

const ADA: &str = "ada@example.org";
const BO: &str = "bo@example.org";
const CY: &str = "cy@example.org";
const PAT: &str = "pat@example.org";
const COCO: &str = "coco@example.org";

/// The most recent Tuesday before today, at 10:00 UTC.
fn last_tuesday() -> chrono::DateTime<Utc> {
    let mut day = Utc::now().date_naive() - Days::new(1);
    while day.weekday() != Weekday::Tue {
        day = day - Days::new(1);
    }
    day.and_hms_opt(10, 0, 0).unwrap().and_utc()
}

fn rss(title: &str, published: chrono::DateTime<Utc>) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A blog</title><link>http://blog.example/</link>\
         <item><title>{title}</title><link>http://blog.example/1</link><guid>p1</guid><category>thing1</category>\
         <pubDate>{}</pubDate><description>What I learned.</description></item></channel></rss>",
        published.to_rfc2822()
    )
    .into_bytes()
}

impl World {
    async fn build() -> Self {
        let app = spawn_app().await;
        let host = BlogHost::start(app.state.config.base_url.as_str()).await;
        let today = Utc::now().date_naive();
        let public = app
            .new_cohort(
                "pub",
                today - Days::new(2),
                Visibility::Public,
                Pace::Cohort,
            )
            .await;
        let staff = app
            .new_cohort(
                "staff",
                today - Days::new(15),
                Visibility::Members,
                Pace::Cohort,
            )
            .await;
        let other = app
            .new_cohort(
                "other",
                today + Days::new(3),
                Visibility::Members,
                Pace::Cohort,
            )
            .await;
        let own = app
            .new_cohort(
                "own",
                today - Days::new(60),
                Visibility::Members,
                Pace::SelfPaced,
            )
            .await;
        let yesterday = Utc::now() - Duration::days(1);
        host.set_fault(
            "/ada.xml",
            Fault::Body(
                "application/rss+xml".into(),
                rss("Ada's first post", yesterday),
            ),
        );
        let at = Utc::now() - Duration::days(20);
        let ada = app
            .join_at(&staff, "Ada Staff", ADA, &host.url("/ada.xml"), at)
            .await;
        let pat = app
            .join_at(&public, "Pat Public", PAT, "https://pat.example.org/", at)
            .await;
        app.join_at(&other, "Bo Other", BO, "https://bo.example.org/", at)
            .await;
        let cy = app
            .join_at(
                &own,
                "Cy Self",
                CY,
                "https://cy.example.org/",
                last_tuesday(),
            )
            .await;
        app.new_coordinator(COCO, "Coco Ordinator").await;
        app.poll_feeds().await;
        Self {
            app,
            ada,
            pat,
            cy,
            _host: host,
        }
    }

    async fn viewer(&self, who: Option<&str>) -> Browser {
        match who {
            Some(email) => Browser::sign_in(&self.app, email).await,
            None => Browser::new(&self.app),
        }
    }

    /// The private key in `email`'s addresses, as their `/me` shows it.
    async fn key_of(&self, email: &str) -> String {
        let me = Browser::sign_in(&self.app, email)
            .await
            .get("/me")
            .await
            .body;
        let start = me.find("calendar.ics?key=").expect("a private address") + 17;
        me[start..start + 32].to_owned()
    }
}

fn shows_lesson(answer: &Answer) -> bool {
    answer.body.contains("class=\"prose\"")
}

fn next_of(path: &str) -> String {
    let next: String = url::form_urlencoded::byte_serialize(path.as_bytes()).collect();
    format!("/login?next={next}")
}

#[tokio::test(flavor = "multi_thread")]
async fn lessons_open_by_each_viewers_own_schedule() {
    let world = World::build().await;
    // (viewer, lesson, body shown)
    let cases: &[(Option<&str>, i32, bool)] = &[
        // Strangers follow the public cohort: week 1 open, week 2 not yet.
        (None, 1, true),
        (None, 4, false),
        (None, 23, false),
        (Some(PAT), 1, true),
        (Some(PAT), 4, false),
        // The members-only staff cohort started 15 days ago: weeks 1 to 3 are open.
        (Some(ADA), 1, true),
        (Some(ADA), 4, true),
        (Some(ADA), 7, true),
        (Some(ADA), 10, false),
        // Bo's cohort starts in three days: nothing is open for him yet.
        (Some(BO), 1, false),
        // Cy's own week 1 opened when she joined; week 2 opens next Tuesday.
        (Some(CY), 1, true),
        (Some(CY), 4, false),
        (Some(COCO), 23, true),
    ];
    for (who, number, open) in cases {
        let browser = world.viewer(*who).await;
        let page = browser.get(&format!("/lessons/{number}")).await;
        assert_eq!(page.status, 200, "{who:?} lesson {number}");
        assert_eq!(shows_lesson(&page), *open, "{who:?} lesson {number}");
        if !open {
            assert!(
                page.body.contains("opens"),
                "{who:?} {number}: {}",
                page.body
            );
        }
    }
    // Each viewer is told their own opening date.
    let ada = world.viewer(Some(ADA)).await;
    let staff_week_4 = (Utc::now().date_naive() - Days::new(15) + Days::new(21))
        .format("%-d %b %Y")
        .to_string();
    assert!(ada.get("/lessons/10").await.body.contains(&staff_week_4));
    let cy = world.viewer(Some(CY)).await;
    let next_tuesday = (last_tuesday() + Duration::days(7))
        .format("Tue %-d %b %Y")
        .to_string();
    let locked = cy.get("/lessons/4").await.body;
    assert!(locked.contains(&next_tuesday), "{next_tuesday}: {locked}");
    assert!(cy.get("/me").await.body.contains(&next_tuesday));
    // The lesson list agrees with the lesson pages.
    assert!(
        ada.get("/lessons")
            .await
            .body
            .contains("href=\"/lessons/7\"")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn members_only_pages_are_for_members_and_coordinators() {
    let world = World::build().await;
    let ada = world.ada.id;
    let staff_pages = [
        "/cohorts/staff".to_owned(),
        "/cohorts/staff/posts".to_owned(),
        "/cohorts/staff/posts?thing=1".to_owned(),
        format!("/cohorts/staff/people/{ada}"),
        "/cohorts/staff/finishers".to_owned(),
    ];
    let coco = world.viewer(Some(COCO)).await;
    let member = world.viewer(Some(ADA)).await;
    let stranger = world.viewer(None).await;
    let outsiders = [world.viewer(Some(BO)).await, world.viewer(Some(PAT)).await];
    for path in &staff_pages {
        // Ada has not finished, so the wall shows the cohort, not her.
        let proof = if path.ends_with("finishers") {
            "Cohort staff"
        } else {
            "Ada Staff"
        };
        for insider in [&member, &coco] {
            let page = insider.get(path).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(page.body.contains(proof), "{path}: {}", page.body);
        }
        let away = stranger.get(path).await;
        assert_eq!((away.status, away.location), (303, next_of(path)), "{path}");
        for outsider in &outsiders {
            let refused = outsider.get(path).await;
            assert_eq!(refused.status, 403, "{path}");
            assert!(!refused.body.contains("Ada Staff"), "{path}");
            assert!(
                !refused.body.contains("Cohort staff"),
                "names nothing: {path}"
            );
            assert!(refused.body.contains("members"), "says who may: {path}");
        }
    }
    // The progress API follows the same rule; addresses only for coordinators.
    let api = member.get("/api/v1/cohorts/staff/progress").await;
    assert_eq!(api.status, 200);
    assert!(api.body.contains("Ada Staff") && !api.body.contains(ADA));
    assert!(
        coco.get("/api/v1/cohorts/staff/progress")
            .await
            .body
            .contains(ADA)
    );
    let refused = outsiders[0].get("/api/v1/cohorts/staff/progress").await;
    assert_eq!(refused.status, 403);
    assert!(!refused.body.contains("Ada Staff"));
    // A public cohort is everyone's.
    for browser in [&stranger, &member, &outsiders[0]] {
        let page = browser.get("/cohorts/pub").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Pat Public"));
        let person = browser
            .get(&format!("/cohorts/pub/people/{}", world.pat.id))
            .await;
        assert_eq!(person.status, 200);
    }
    // A self-paced members-only cohort: the same rule.
    let cy = world.viewer(Some(CY)).await;
    assert_eq!(cy.get("/cohorts/own/posts").await.status, 200);
    assert_eq!(member.get("/cohorts/own/posts").await.status, 403);
    let cy_page = format!("/cohorts/own/people/{}", world.cy.id);
    assert!(cy.get(&cy_page).await.body.contains("Cy Self"));
    assert_eq!(member.get(&cy_page).await.status, 403);
    // A person's page is found only in their own cohort.
    assert_eq!(
        coco.get(&format!("/cohorts/pub/people/{ada}")).await.status,
        404
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn certificates_follow_the_same_rule() {
    let world = World::build().await;
    let finished = world.app.finish_by_coordinator(&world.ada).await;
    assert!(finished.finished_at.is_some());
    let path = format!("/cohorts/staff/people/{}/certificate", world.ada.id);
    for who in [ADA, COCO] {
        let page = world.viewer(Some(who)).await.get(&path).await;
        assert_eq!(page.status, 200, "{who}");
        assert!(page.body.contains("Ada Staff"));
    }
    let refused = world.viewer(Some(BO)).await.get(&path).await;
    assert_eq!(refused.status, 403);
    assert!(!refused.body.contains("Ada Staff"));
    let away = world.viewer(None).await.get(&path).await;
    assert_eq!((away.status, away.location), (303, next_of(&path)));
    // The wall lists her for those who may see it.
    let wall = world
        .viewer(Some(ADA))
        .await
        .get("/cohorts/staff/finishers")
        .await;
    assert!(wall.body.contains("Ada Staff"));
}

#[tokio::test(flavor = "multi_thread")]
async fn members_read_their_feeds_and_calendar_by_a_private_revocable_address() {
    let world = World::build().await;
    let ada_key = world.key_of(ADA).await;
    let bo_key = world.key_of(BO).await;
    let coco_key = twentythree::access::keys::key_of(
        &world.app.state.db,
        &world.app.state.secret,
        &twentythree::people::find_person(&world.app.state.db, &COCO.parse().unwrap())
            .await
            .unwrap()
            .unwrap(),
    )
    .await
    .unwrap();
    let reader = world.viewer(None).await;
    let member = world.viewer(Some(ADA)).await;
    let files = [
        ("feed.atom", "Ada Staff"),
        ("feed.json", "Ada Staff"),
        ("blogroll.opml", "Ada Staff"),
        ("calendar.ics", "BEGIN:VCALENDAR"),
    ];
    for (file, proof) in files {
        let plain = format!("/cohorts/staff/{file}");
        let away = reader.get(&plain).await;
        assert_eq!(
            (away.status, away.location),
            (303, next_of(&plain)),
            "{file}"
        );
        for key in [&ada_key, &coco_key] {
            let page = reader.get(&format!("{plain}?key={key}")).await;
            assert_eq!(page.status, 200, "{file}");
            assert!(page.body.contains(proof), "{file}: {}", page.body);
        }
        for key in [
            bo_key.as_str(),
            "0123456789abcdef0123456789abcdef",
            "nonsense",
        ] {
            let refused = reader.get(&format!("{plain}?key={key}")).await;
            assert_eq!(refused.status, 404, "{file} with {key}");
            assert!(!refused.body.contains("Ada Staff"));
        }
        // Signed in, the plain address works too; a public cohort's needs no key.
        assert_eq!(member.get(&plain).await.status, 200, "{file}");
        let public = reader.get(&format!("/cohorts/pub/{file}")).await;
        assert_eq!(public.status, 200, "{file}");
    }
    let private = world
        .app
        .client
        .get(format!(
            "{}/cohorts/staff/feed.atom?key={ada_key}",
            world.app.address
        ))
        .send()
        .await
        .unwrap();
    assert!(
        private.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("private")
    );

    // Ada makes new addresses: the old key is dead, the new one works.
    let answer = member.submit("/me", "/me/addresses", &[]).await;
    assert_eq!(answer.status, 303);
    let me = member.get("/me").await.body;
    let start = me.find("calendar.ics?key=").unwrap() + 17;
    let new_key = me[start..start + 32].to_owned();
    assert_ne!(new_key, ada_key);
    let old = reader
        .get(&format!("/cohorts/staff/feed.atom?key={ada_key}"))
        .await;
    assert_eq!(old.status, 404);
    let new = reader
        .get(&format!("/cohorts/staff/feed.atom?key={new_key}"))
        .await;
    assert_eq!(new.status, 200);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_self_paced_member_has_her_own_calendar_on_her_tuesdays() {
    let world = World::build().await;
    let key = world.key_of(CY).await;
    let path = format!("/me/calendar.ics?key={key}");
    let reader = world.viewer(None).await;
    let first = world
        .app
        .client
        .get(format!("{}{path}", world.app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(
        first.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let text = first.text().await.unwrap();
    let events = events_of(&text);
    let openings: Vec<&Event> = events.iter().filter(|e| e.uid.contains("-week-")).collect();
    assert_eq!(openings.len(), 8, "one opening per week");
    for event in &openings {
        assert!(
            event.uid.ends_with(&format!("-p{}@127.0.0.1", world.cy.id)),
            "{}",
            event.uid
        );
        let start = chrono::NaiveDateTime::parse_from_str(&event.start, "%Y%m%dT%H%M%SZ")
            .unwrap_or_else(|e| panic!("{}: {e}", event.start));
        assert_eq!(start.weekday(), Weekday::Tue, "her own Tuesdays");
    }
    let nudges = events.iter().filter(|e| e.uid.contains("-nudge-")).count();
    assert_eq!(nudges, 8, "a reminder for every week not done");
    // A refresh gives the same events, and a reader that has them gets 304.
    let again = reader.get(&path).await.body;
    let uids = |events: &[Event]| events.iter().map(|e| e.uid.clone()).collect::<Vec<_>>();
    assert_eq!(uids(&events_of(&again)), uids(&events));
    let cached = world
        .app
        .client
        .get(format!("{}{path}", world.app.address))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), 304);
    assert_eq!(reader.get("/me/calendar.ics?key=wrong").await.status, 404);
}

struct Event {
    uid: String,
    start: String,
}

/// The events of a calendar, read by the `icalendar` crate's parser.
fn events_of(text: &str) -> Vec<Event> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| Event {
            uid: c.find_prop("UID").unwrap().val.to_string(),
            start: c.find_prop("DTSTART").unwrap().val.to_string(),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stranger_signs_in_and_comes_back_to_the_page_and_nowhere_else() {
    let world = World::build().await;
    let wanted = "/cohorts/staff/posts?thing=1";
    let stranger = world.viewer(None).await;
    let away = stranger.get(wanted).await;
    assert_eq!(away.location, next_of(wanted));
    let back = stranger.sign_in_from(&world.app, ADA, &away.location).await;
    assert_eq!((back.status, back.location.as_str()), (303, wanted));
    assert!(stranger.get(wanted).await.body.contains("first post"));

    for evil in ["//evil.example", "https://evil.example", "/\\evil.example"] {
        let browser = world.viewer(None).await;
        let before = world.app.smtp.to(ADA).len();
        browser
            .submit("/login", "/login", &[("email", ADA), ("next", evil)])
            .await;
        world.app.send_mail().await;
        let login = world.app.smtp.to(ADA)[before..].last().cloned().unwrap();
        let link = link_in(&login.data, "/login/");
        let token_path = link.split('?').next().unwrap().to_owned();
        // The link page carries no such `next`, and a forged one lands on /me.
        let button = browser
            .get(&format!(
                "{token_path}?next={}",
                url::form_urlencoded::byte_serialize(evil.as_bytes()).collect::<String>()
            ))
            .await;
        assert!(!button.body.contains("evil.example"), "{evil}");
        let signed_in = browser
            .submit(&token_path, &token_path, &[("next", evil)])
            .await;
        assert_eq!(
            (signed_in.status, signed_in.location.as_str()),
            (303, "/me"),
            "{evil}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn members_only_cohorts_are_listed_only_for_those_who_may_see_them() {
    let world = World::build().await;
    let lists = |body: &str, slug: &str| body.contains(&format!("/cohorts/{slug}\""));
    let stranger = world.viewer(None).await;
    let home = stranger.get("/").await.body;
    assert!(lists(&home, "pub") && !lists(&home, "staff"), "{home}");
    let join = stranger.get("/join").await.body;
    assert!(join.contains("value=\"pub\"") && !join.contains("value=\"staff\""));
    let ada = world.viewer(Some(ADA)).await.get("/").await.body;
    assert!(lists(&ada, "staff") && lists(&ada, "pub") && !lists(&ada, "other"));
    let coco = world.viewer(Some(COCO)).await;
    let home = coco.get("/").await.body;
    for slug in ["pub", "staff", "other", "own"] {
        assert!(lists(&home, slug), "{slug}");
    }
    assert!(coco.get("/join").await.body.contains("value=\"staff\""));
    // Asking to join a members-only cohort one cannot see is refused, changing nothing.
    let refused = stranger
        .submit(
            "/join",
            "/join",
            &[
                ("name", "Eve"),
                ("email", "eve@example.org"),
                ("blog", "https://eve.example.org/"),
                ("cohort", "staff"),
                ("step", "confirm"),
            ],
        )
        .await;
    assert_eq!(refused.status, 400);
    world.app.send_mail().await;
    assert!(world.app.smtp.to("eve@example.org").is_empty());
}
