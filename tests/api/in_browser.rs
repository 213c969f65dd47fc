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
    let form = client
        .form(fantoccini::Locator::Css("form[action='/login']"))
        .await
        .unwrap();
    form.set_by_name("email", email).await.unwrap();
    form.submit().await.unwrap();
    app.send_mail().await;
    let mail = app.smtp.to(email).last().cloned().unwrap();
    let link = crate::browser::link_in(&mail.data, "/login/");
    client
        .goto(&format!("{}{link}", app.address))
        .await
        .unwrap();
    client
        .find(fantoccini::Locator::Css("main form button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_family_is_usable_at_desktop_and_phone_width() {
    let Some(probe) = browser(1280, 900, false).await else {
        return;
    };
    probe.close().await.unwrap();
    let (app, _host) = world().await;
    let pages = [
        ("home", "/"),
        ("lessons", "/lessons"),
        ("lesson", "/lessons/1"),
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
    ];
    let mut problems = Vec::new();
    for (width, height) in [(1280, 900), (375, 812)] {
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
            client.close().await.unwrap();
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
