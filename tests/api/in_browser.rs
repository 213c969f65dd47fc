//! The site in a real browser: every page family at desktop and phone width, light and
//! dark, checked with axe-core and for sideways scrolling; and the main journeys of a
//! participant and a coordinator, clicked through from the home page, with screenshots.

use chrono::{Days, Duration, Utc};
use fantoccini::Client;

use crate::blog_host::{BlogHost, Fault};
use crate::chrome::{self, axe_violations, browser, overflow, screenshot};
use crate::helpers::{TestApp, spawn_app};

/// An RSS feed whose posts are about `things`, one a day back from yesterday.
pub fn blog(name: &str, things: &[i32]) -> Vec<u8> {
    let items: String = things
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let day = Utc::now() - Duration::days(1 + i64::try_from(i).unwrap_or(0));
            format!(
                "<item><title>Thing {n}: what {name} tried</title><link>http://blog.example/{name}/{n}</link>\
                 <guid>{name}-{n}</guid><category>thing{n}</category><pubDate>{}</pubDate>\
                 <description>&lt;p&gt;This week I tried the lesson, got stuck once, asked a colleague and \
                 it worked. Next time I would start smaller.&lt;/p&gt;</description></item>",
                day.to_rfc2822()
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}'s learning log</title><link>http://blog.example/{name}</link>{items}</channel></rss>").into_bytes()
}

const NAMES: &[&str] = &[
    "Ada Lovelace",
    "Bo Chen",
    "Cy Okafor",
    "Dana Ruiz",
    "Eli Novak",
    "Fatima Haddad",
    "Gus Lindqvist",
    "Hana Sato",
    "Ian Murphy",
    "Jo Kowalski",
    "Kim Lee",
    "Kim Lee",
    "Luis Ortega",
    "Mia Rossi",
    "Noor Aziz",
    "Olu Adeyemi",
];

/// A public cohort that started 17 days ago with 16 people at various points, one of them
/// finished, and a coordinator.
pub async fn world() -> (TestApp, BlogHost) {
    let app = spawn_app().await;
    let host = BlogHost::start(app.state.config.base_url.as_str()).await;
    let starts = Utc::now().date_naive() - Days::new(17);
    let cohort = app
        .new_cohort_with("spring", starts, |s| {
            s.name = "Spring 2027 at the Library".into()
        })
        .await;
    for (i, name) in NAMES.iter().enumerate() {
        let slug = format!("b{i}");
        let things: Vec<i32> = (1..=i32::try_from(i % 9).unwrap_or(0)).collect();
        host.set_fault(
            &format!("/{slug}.xml"),
            Fault::Body("application/rss+xml".into(), blog(name, &things)),
        );
        let email = format!("p{i}@example.org");
        app.join_at(
            &cohort,
            name,
            &email,
            &host.url(&format!("/{slug}.xml")),
            Utc::now() - Duration::days(18),
        )
        .await;
    }
    app.new_coordinator("coco@example.org", "Coco Ordinator")
        .await;
    app.poll_feeds().await;
    let first = twentythree::cohorts::member(&app.state.db, &cohort, 1)
        .await
        .unwrap()
        .unwrap()
        .0;
    app.finish_by_coordinator(&first).await;
    (app, host)
}

/// Signs `browser` in as `email` by the emailed link, as a person would.
pub async fn sign_in(app: &TestApp, client: &Client, email: &str) {
    client
        .goto(&format!("{}/login", app.address))
        .await
        .unwrap();
    let before = app.smtp.to(email).len();
    chrome::fill(client, "main #email", email).await;
    // Wait for the answer, so the request is recorded before the mail worker runs.
    chrome::go(client, "main form button").await;
    app.send_mail().await;
    let mail = app.smtp.to(email)[before..]
        .last()
        .cloned()
        .expect("a new sign-in link");
    let link = crate::browser::link_in(&mail.data, "/login/");
    client
        .goto(&format!("{}{link}", app.address))
        .await
        .unwrap();
    chrome::go(client, "main form button").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_family_is_usable_at_desktop_and_phone_width() {
    let Some(probe) = browser(1280, 900, false).await else {
        return;
    };
    probe.close().await.unwrap();
    let (app, _host) = world().await;
    learning_together(&app).await;
    let pages = [
        ("home", "/"),
        ("lessons", "/lessons"),
        ("lesson", "/lessons/1"),
        ("programs", "/programs"),
        ("program", "/programs/ai-at-work"),
        ("program-lesson", "/programs/ai-at-work/lessons/1"),
        ("cohort", "/cohorts/spring"),
        ("river", "/cohorts/spring/posts"),
        ("person", "/cohorts/spring/people/2"),
        ("finishers", "/cohorts/spring/finishers"),
        ("certificate", "/cohorts/spring/people/1/certificate"),
        ("join", "/join"),
        ("login", "/login"),
        ("missing", "/nothing-here"),
    ];
    let signed_in = [
        ("me", "/me"),
        ("coordinator", "/coordinator"),
        ("grid", "/coordinator/cohorts/spring"),
        ("coordinator-person", "/coordinator/cohorts/spring/people/3"),
        ("reminders", "/coordinator/cohorts/spring/reminders"),
        ("settings", "/coordinator/cohorts/spring/settings"),
        ("import", "/coordinator/cohorts/spring/import"),
        ("together", "/coordinator/cohorts/spring/together"),
        ("mail", "/coordinator/mail"),
        ("mentor", "/mentor"),
    ];
    let mut problems = Vec::new();
    for (width, height) in [(1280, 1800), (375, 1800)] {
        for dark in [false, true] {
            let client = browser(width, height, dark).await.unwrap();
            let mode = if dark { "dark" } else { "light" };
            for (name, path) in pages {
                client
                    .goto(&format!("{}{path}", app.address))
                    .await
                    .unwrap();
                check(&client, &format!("{name}-{width}-{mode}"), &mut problems).await;
            }
            sign_in(&app, &client, "coco@example.org").await;
            for (name, path) in signed_in {
                client
                    .goto(&format!("{}{path}", app.address))
                    .await
                    .unwrap();
                check(&client, &format!("{name}-{width}-{mode}"), &mut problems).await;
            }
            sign_in(&app, &client, "p1@example.org").await;
            client.goto(&format!("{}/me", app.address)).await.unwrap();
            check(
                &client,
                &format!("me-partner-{width}-{mode}"),
                &mut problems,
            )
            .await;
            client.close().await.unwrap();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The coordinator mentors three people and highlights a post for Thing 1; the people of
/// places 2 and 3 are learning partners.
async fn learning_together(app: &TestApp) {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use twentythree::together::{highlights, mentors, partners};
    let db = &app.state.db;
    let cohort = twentythree::cohorts::find(db, "spring")
        .await
        .unwrap()
        .unwrap();
    mentors::assign(
        db,
        &cohort,
        (&"coco@example.org".parse().unwrap(), "Coco"),
        &[2, 3, 4],
        Utc::now(),
    )
    .await
    .unwrap();
    partners::pair_by_hand(db, &cohort, 2, 3, Utc::now())
        .await
        .unwrap();
    let post = twentythree::entities::post_thing::Entity::find()
        .filter(twentythree::entities::post_thing::Column::ParticipantId.eq(2))
        .filter(twentythree::entities::post_thing::Column::LessonNumber.eq(1))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .post_id;
    let coco = twentythree::people::find_person(db, &"coco@example.org".parse().unwrap())
        .await
        .unwrap();
    let viewer = twentythree::access::Viewer::load(db, coco).await.unwrap();
    let target = highlights::Target {
        author: 2,
        post,
        lesson: 1,
    };
    highlights::highlight(
        db,
        (&app.state.programs, &app.state.config.base_url),
        &viewer,
        target,
        "Short, honest, and full of links worth following",
        Utc::now(),
    )
    .await
    .unwrap();
}

async fn check(client: &Client, shot: &str, problems: &mut Vec<String>) {
    screenshot(client, shot).await;
    let wider = overflow(client).await;
    if wider > 0 {
        problems.push(format!("{shot}: {wider}px wider than the window"));
    }
    if chrome::axe_script().is_some() {
        for violation in axe_violations(client).await {
            problems.push(format!("{shot}: {violation}"));
        }
    }
}

/// Robin's blog: a home page that points at its feed, and the feed with `items`.
fn robin_blog(host: &BlogHost, items: &[(&str, Option<&str>, i64)]) {
    let home = format!(
        "<!doctype html><html><head><title>Robin learns</title>\
         <link rel=\"alternate\" type=\"application/rss+xml\" title=\"Robin learns\" href=\"{}\"></head>\
         <body><h1>Robin learns</h1></body></html>",
        host.url("/robin/feed.xml")
    );
    host.set_fault(
        "/robin/",
        Fault::Body("text/html; charset=utf-8".into(), home.into_bytes()),
    );
    let items: String = items
        .iter()
        .map(|(title, tag, hours_ago)| {
            let category = tag.map(|t| format!("<category>{t}</category>")).unwrap_or_default();
            format!(
                "<item><title>{title}</title><link>http://blog.example/robin/{hours_ago}</link><guid>robin-{hours_ago}</guid>{category}\
                 <pubDate>{}</pubDate><description>What I tried and what I noticed.</description></item>",
                (Utc::now() - Duration::hours(*hours_ago)).to_rfc2822()
            )
        })
        .collect();
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Robin learns</title><link>{}</link>{items}</channel></rss>",
        host.url("/robin/")
    );
    host.set_fault(
        "/robin/feed.xml",
        Fault::Body("application/rss+xml".into(), feed.into_bytes()),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_participant_joins_reads_posts_and_finds_everything_by_clicking() {
    let Some(client) = browser(375, 1400, false).await else {
        return;
    };
    let (app, host) = world().await;
    robin_blog(&host, &[("A morning with feeds", None, 20)]);
    let shot = |name: &'static str| {
        let client = &client;
        async move { chrome::both_widths(client, &format!("participant-{name}"), 375).await }
    };

    // From the home page to the join form, with the blog's home page address.
    client.goto(&app.address).await.unwrap();
    shot("01-home").await;
    chrome::click_link(&client, "Join").await;
    chrome::fill(&client, "#name", "Robin Reader").await;
    chrome::fill(&client, "#email", "robin@example.org").await;
    chrome::fill(&client, "#blog", &host.url("/robin/")).await;
    chrome::go(&client, "button[value=check]").await;
    assert!(chrome::text(&client).await.contains("We found your blog"));
    shot("02-join-preview").await;
    chrome::go(&client, "button[value=confirm]").await;
    assert!(chrome::text(&client).await.contains("Check your email"));

    // The emailed link, its button, and Robin's own page.
    app.send_mail().await;
    let mail = app.smtp.to("robin@example.org").last().cloned().unwrap();
    assert_eq!(mail.kind(), "confirm");
    let link = crate::browser::link_in(&mail.data, "/join/");
    client
        .goto(&format!("{}{link}", app.address))
        .await
        .unwrap();
    chrome::go(&client, "main form button").await;
    assert_eq!(chrome::path(&client).await, "/me");
    shot("03-me").await;

    // This week's lessons open from /me.
    chrome::go(&client, ".this-week a").await;
    assert!(
        client
            .find(fantoccini::Locator::Css(".prose"))
            .await
            .is_ok(),
        "the lesson's text"
    );
    shot("04-lesson").await;

    // Robin publishes a post about Thing 1; after a poll it is ticked.
    robin_blog(
        &host,
        &[
            ("A morning with feeds", None, 20),
            ("Thing 1: my new blog", Some("thing1"), 1),
        ],
    );
    app.poll_feeds().await;
    client.goto(&format!("{}/me", app.address)).await.unwrap();
    let me = chrome::text(&client).await;
    assert!(
        me.contains("Done") && me.contains("Thing 1: my new blog"),
        "{me}"
    );

    // The post that counted for nothing is claimed for Thing 2.
    client
        .find(fantoccini::Locator::Css("form.claim select"))
        .await
        .unwrap()
        .select_by_value("2")
        .await
        .unwrap();
    chrome::go(&client, "form.claim button").await;
    assert!(chrome::text(&client).await.contains("that post now counts"));
    shot("05-claimed").await;

    // The river, a peer's page, and a finisher's certificate, all by clicking.
    chrome::click_link(&client, "Everyone's posts").await;
    assert!(chrome::path(&client).await.ends_with("/posts"));
    shot("06-river").await;
    chrome::go(&client, ".post .meta a[href*='/people/']").await;
    assert!(chrome::path(&client).await.contains("/people/"));
    shot("07-peer").await;
    client.goto(&format!("{}/me", app.address)).await.unwrap();
    chrome::click_link(&client, "Finishers").await;
    chrome::click_link(&client, "certificate").await;
    assert!(
        chrome::text(&client)
            .await
            .contains("has completed all 23 things")
    );
    shot("08-certificate").await;
    assert_eq!(overflow(&client).await, 0);
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_coordinator_works_the_cockpit_on_a_phone() {
    let Some(client) = browser(375, 1400, false).await else {
        return;
    };
    let (app, _host) = world().await;
    let shot = |name: &'static str| {
        let client = &client;
        async move { chrome::both_widths(client, &format!("coordinator-{name}"), 375).await }
    };
    sign_in(&app, &client, "coco@example.org").await;
    assert_eq!(chrome::path(&client).await, "/coordinator");
    shot("01-cohorts").await;
    chrome::click_link(&client, "Spring 2027 at the Library").await;
    assert_eq!(
        overflow(&client).await,
        0,
        "nothing scrolls sideways on a phone"
    );

    // Find a person by name, then the stalled.
    chrome::fill(&client, "#q", "noor").await;
    chrome::go(&client, "form.grid-search button").await;
    let found = chrome::text(&client).await;
    assert!(
        found.contains("Noor Aziz") && !found.contains("Olu Adeyemi"),
        "{found}"
    );
    shot("02-search").await;
    chrome::click_link(&client, "Clear").await;
    chrome::go(&client, "nav.filters a[href*='show=stalled']").await;
    assert!(chrome::text(&client).await.contains("Jo Kowalski"));
    shot("03-stalled").await;

    // Jo's page: two lessons marked at once.
    chrome::click_link(&client, "Jo Kowalski").await;
    chrome::click(&client, "#tick-1").await;
    chrome::click(&client, "#tick-2").await;
    chrome::go(&client, "#bulk button[value=true]").await;
    assert!(
        chrome::text(&client)
            .await
            .contains("The ticked lessons are marked done.")
    );
    shot("04-marked").await;

    // Reminders to a chosen few: untick all but one, review, confirm.
    client
        .goto(&format!(
            "{}/coordinator/cohorts/spring/reminders",
            app.address
        ))
        .await
        .unwrap();
    let boxes = client
        .find_all(fantoccini::Locator::Css(
            "input[type=checkbox][name^=person-]",
        ))
        .await
        .unwrap();
    assert!(boxes.len() >= 2, "several are due");
    for tick in &boxes[1..] {
        tick.click().await.unwrap();
    }
    shot("05-reminders").await;
    chrome::go(&client, "main form button[type=submit]").await;
    assert!(chrome::text(&client).await.contains("Send 1 reminder?"));
    shot("06-confirm").await;
    chrome::go(&client, ".confirm button").await;
    assert!(chrome::text(&client).await.contains("1 reminder queued"));
    app.send_mail().await;
    let reminders = app
        .smtp
        .messages()
        .into_iter()
        .filter(|m| m.kind() == "reminder")
        .count();
    assert_eq!(reminders, 1, "only the chosen one");

    // The CSV, fetched by the browser with its own session.
    client
        .goto(&format!("{}/coordinator/cohorts/spring", app.address))
        .await
        .unwrap();
    let href = client
        .find(fantoccini::Locator::LinkText("Export CSV"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let (status, csv) = chrome::fetch(&client, &href).await;
    assert_eq!(status, 200);
    assert!(
        csv.starts_with("name,email,blog,thing1") && csv.contains("Jo Kowalski"),
        "{csv}"
    );
    client.close().await.unwrap();
}

/// The cockpit in Dutch and German on a phone: the longer words ("Voortgangscurve",
/// "Ins Stocken geraten", "Teilnehmende importieren") wrap instead of widening the page.
#[tokio::test(flavor = "multi_thread")]
async fn the_cockpit_in_dutch_and_german_fits_a_phone() {
    let Some(client) = browser(375, 1400, false).await else {
        return;
    };
    let (app, _host) = world().await;
    let coco =
        twentythree::people::find_person(&app.state.db, &"coco@example.org".parse().unwrap())
            .await
            .unwrap()
            .unwrap();
    sign_in(&app, &client, "coco@example.org").await;
    let pages = [
        ("cohorts", "/coordinator"),
        ("grid", "/coordinator/cohorts/spring"),
        ("person", "/coordinator/cohorts/spring/people/3"),
        ("settings", "/coordinator/cohorts/spring/settings"),
        ("reminders", "/coordinator/cohorts/spring/reminders"),
        ("together", "/coordinator/cohorts/spring/together"),
        ("import", "/coordinator/cohorts/spring/import"),
        ("mail", "/coordinator/mail"),
    ];
    let mut problems = Vec::new();
    let mut person = coco;
    for locale in [twentythree::i18n::Locale::Nl, twentythree::i18n::Locale::De] {
        person = twentythree::people::set_language(&app.state.db, person, locale)
            .await
            .unwrap();
        for (name, path) in pages {
            client
                .goto(&format!("{}{path}", app.address))
                .await
                .unwrap();
            let shot = format!("cockpit-{}-{name}-375", locale.code());
            check(&client, &shot, &mut problems).await;
        }
        client
            .goto(&format!("{}/coordinator/cohorts/spring", app.address))
            .await
            .unwrap();
        let text = chrome::text(&client).await;
        let word = if locale == twentythree::i18n::Locale::Nl {
            "Voortgangscurve"
        } else {
            "Abschlusskurve"
        };
        assert!(text.contains(word), "{text}");
    }
    client.close().await.unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn join_sign_in_and_the_grid_work_from_the_keyboard() {
    let Some(client) = browser(1280, 900, false).await else {
        return;
    };
    let (app, host) = world().await;
    robin_blog(&host, &[]);

    // Sign in by keyboard: Tab to the address, type it, Tab to the button, Enter.
    client
        .goto(&format!("{}/login", app.address))
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "#email", 12).await);
    client
        .active_element()
        .await
        .unwrap()
        .send_keys("coco@example.org")
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "main button", 3).await);
    chrome::press_enter(&client).await;
    assert!(chrome::text(&client).await.contains("Check your email"));
    app.send_mail().await;
    let mail = app.smtp.to("coco@example.org").last().cloned().unwrap();
    let link = crate::browser::link_in(&mail.data, "/login/");
    client
        .goto(&format!("{}{link}", app.address))
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "main button", 12).await);
    chrome::press_enter(&client).await;
    assert_eq!(chrome::path(&client).await, "/coordinator");

    // The grid: reach it and a person's page without a mouse.
    client
        .goto(&format!("{}/coordinator/cohorts/spring", app.address))
        .await
        .unwrap();
    assert!(
        chrome::tab_to(&client, ".grid-scroll", 60).await,
        "the grid takes focus"
    );
    assert!(chrome::tab_to(&client, ".grid a[href*='/people/']", 5).await);
    chrome::press_enter(&client).await;
    assert!(
        chrome::path(&client)
            .await
            .contains("/coordinator/cohorts/spring/people/")
    );

    // Joining by keyboard (signed out, in a fresh browser).
    client.close().await.unwrap();
    let client = browser(1280, 900, false).await.unwrap();
    client.goto(&format!("{}/join", app.address)).await.unwrap();
    assert!(chrome::tab_to(&client, "#name", 15).await);
    client
        .active_element()
        .await
        .unwrap()
        .send_keys("Kai")
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "#email", 2).await);
    client
        .active_element()
        .await
        .unwrap()
        .send_keys("kai@example.org")
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "#blog", 2).await);
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&host.url("/robin/"))
        .await
        .unwrap();
    assert!(chrome::tab_to(&client, "button[value=check]", 3).await);
    chrome::press_enter(&client).await;
    assert!(chrome::text(&client).await.contains("We found your blog"));
    client.close().await.unwrap();
}
