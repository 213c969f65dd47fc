//! Reading the cohort's blogs: discovery from home pages, polite polling, the river and
//! the cohort's own feeds, safety against hostile blogs.

use serde_json::Value;

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{TestApp, spawn_app, stdout};

/// (home page, feed path it should find, platform, posts in the feed)
const BLOGS: &[(&str, &str, &str, usize)] = &[
    ("/wordpress/", "/wordpress/feed/", "WordPress", 4),
    ("/blogger/", "/blogger/feeds/posts/default", "Blogger", 4),
    ("/medium/", "/medium/feed.xml", "Medium", 3),
    ("/substack/", "/substack/feed.xml", "Substack", 3),
    ("/ghost/", "/ghost/rss.xml", "Ghost", 3),
    ("/mastodon/@kim", "/mastodon/@kim.rss", "Mastodon", 4),
    ("/microblog/", "/microblog/feed.xml", "Micro.blog", 3),
    ("/hugo/", "/hugo/index.xml", "Hugo", 3),
    ("/jekyll/", "/jekyll/feed.xml", "Jekyll", 3),
    ("/jsonfeed/", "/jsonfeed/feed.json", "", 3),
    ("/rss1/", "/rss1/index.rdf", "", 3),
];

async fn cohort_with_host(app: &TestApp) -> BlogHost {
    app.create_cohort("autumn", "2026-09-01".parse().unwrap(), &[]);
    BlogHost::start(app.state.config.base_url.as_str()).await
}

async fn progress(app: &TestApp) -> Vec<Value> {
    let (status, json) = app.get_json("/api/v1/cohorts/autumn/progress").await;
    assert_eq!(status, 200);
    json["participants"].as_array().unwrap().clone()
}

fn participant<'a>(people: &'a [Value], name: &str) -> &'a Value {
    people
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} is in the cohort"))
}

#[tokio::test(flavor = "multi_thread")]
async fn blogs_on_every_platform_are_found_from_their_home_pages_and_read_on_the_first_poll() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    for (i, (home, ..)) in BLOGS.iter().enumerate() {
        let output = app.run_cli(&[
            "participant",
            "add",
            "--cohort",
            "autumn",
            "--name",
            &format!("Blogger {i}"),
            "--email",
            &format!("p{i}@example.org"),
            "--blog",
            &host.url(home),
        ]);
        assert!(
            output.status.success(),
            "{home}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout(&output).contains("Found the feed"),
            "{home}: {}",
            stdout(&output)
        );
    }
    let first = app.poll_feeds().await;
    assert_eq!(first.read, BLOGS.len(), "{first}");
    assert!(first.failed.is_empty(), "{first}");

    let people = progress(&app).await;
    for (i, (home, feed, _, posts)) in BLOGS.iter().enumerate() {
        let person = participant(&people, &format!("Blogger {i}"));
        assert_eq!(person["feed"]["url"], host.url(feed), "{home}");
        assert_eq!(person["feed"]["status"], "ok", "{home}");
        assert!(person["feed"]["last_error"].is_null(), "{home}");
        assert!(person["feed"]["next_fetch_at"].is_string(), "{home}");
        assert_eq!(person["posts"], *posts as i64, "{home}");
    }
    assert_eq!(
        host.hits("/wordpress/comments/feed/"),
        0,
        "the comments feed is never read"
    );

    let second = app.poll_feeds().await;
    assert_eq!(second.unchanged, BLOGS.len(), "{second}");
    assert_eq!((second.added, second.updated), (0, 0), "{second}");
    for (home, feed, ..) in BLOGS {
        assert!(
            host.conditional_hits(feed) >= 1,
            "{home}: the second poll sends a conditional request"
        );
        assert!(host.not_modified(feed) >= 1, "{home}: and is answered 304");
    }
    let again = progress(&app).await;
    for (i, (.., posts)) in BLOGS.iter().enumerate() {
        assert_eq!(
            participant(&again, &format!("Blogger {i}"))["posts"],
            *posts as i64,
            "nothing stored twice"
        );
    }

    let wordpress = participant(&again, "Blogger 0")["id"].as_i64().unwrap();
    let page = app
        .get(&format!("/cohorts/autumn/people/{wordpress}"))
        .await;
    assert!(page.body.contains("WordPress"), "the platform is shown");
    assert!(page.body.contains("All fine"), "feed health in plain words");
    assert!(page.body.contains("Exploring online maps"));

    let river = app.get("/cohorts/autumn/posts").await;
    let total: usize = BLOGS.iter().map(|b| b.3).sum();
    assert!(
        river.body.contains(&format!("{total} posts")),
        "the river holds every post"
    );
    let newest = river.body.find("Thing 4 - Podcasts on the bus").unwrap();
    let oldest = river.body.find("My first week with RSS").unwrap();
    assert!(newest < oldest, "newest first");
    let only_one = app
        .get(&format!("/cohorts/autumn/posts?person={wordpress}"))
        .await;
    assert!(only_one.body.contains("4 posts"), "filter by person");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unreadable_blog_says_why_and_a_poll_still_finishes() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    app.add_participant(
        "autumn",
        "Broken",
        "broken@example.org",
        &host.url("/malformed/feed.xml"),
    );
    app.add_participant(
        "autumn",
        "Plain",
        "plain@example.org",
        &host.url("/html-not-feed/"),
    );
    app.add_participant(
        "autumn",
        "Missing",
        "missing@example.org",
        &host.url("/nobody-here/"),
    );
    app.add_participant("autumn", "Fine", "fine@example.org", &host.url("/jekyll/"));

    let output = app.run_cli(&["poll", "--cohort", "autumn"]);
    assert!(
        output.status.success(),
        "a poll with failing feeds still exits 0"
    );
    let summary = stdout(&output);
    assert!(
        summary.contains("Polled 4 feeds")
            && summary.contains("1 read")
            && summary.contains("3 failed"),
        "{summary}"
    );

    let people = progress(&app).await;
    assert_eq!(participant(&people, "Fine")["feed"]["status"], "ok");
    for name in ["Broken", "Plain", "Missing"] {
        let feed = &participant(&people, name)["feed"];
        assert_eq!(feed["status"], "pending", "{name}: never read yet");
        assert!(feed["last_error"].is_string(), "{name}");
        assert!(
            feed["next_fetch_at"].is_string(),
            "{name}: the poller keeps trying"
        );
    }
    assert!(
        participant(&people, "Plain")["feed"]["last_error"]
            .as_str()
            .unwrap()
            .contains("no feed found")
    );
    assert!(
        participant(&people, "Missing")["feed"]["last_error"]
            .as_str()
            .unwrap()
            .contains("404")
    );
    let broken = participant(&people, "Broken")["id"].as_i64().unwrap();
    let page = app.get(&format!("/cohorts/autumn/people/{broken}")).await;
    assert!(
        page.body.contains("Not read yet"),
        "the participant's page says why"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_markup_never_reaches_a_page_or_an_output_feed() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    app.add_participant(
        "autumn",
        "Mallory",
        "mallory@example.org",
        &host.url("/hostile/feed.xml"),
    );
    assert_eq!(app.poll_feeds().await.read, 1);

    let river = app.get("/cohorts/autumn/posts").await;
    let person = app
        .get(&format!(
            "/cohorts/autumn/people/{}",
            progress(&app).await[0]["id"]
        ))
        .await;
    for page in [&river.body, &person.body] {
        assert!(
            page.contains("Safe paragraph one") || page.contains("Thing 21"),
            "the posts are shown"
        );
        for bad in [
            "<script",
            "onerror",
            "onload",
            "onclick",
            "javascript:",
            "evil.example",
            "<svg",
            "type=\"password\"",
            "<b>bold",
        ] {
            assert!(!page.to_lowercase().contains(bad), "{bad} reached a page");
        }
    }
    let atom = app.get("/cohorts/autumn/feed.atom").await.body;
    let json = app.get("/cohorts/autumn/feed.json").await.body;
    for (name, body) in [("atom", &atom), ("json", &json)] {
        let feed =
            feed_rs::parser::parse(body.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(feed.entries.len(), 3, "{name}");
        for entry in &feed.entries {
            let html = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .unwrap_or_default()
                .to_lowercase();
            let title = entry
                .title
                .as_ref()
                .map(|t| t.content.to_lowercase())
                .unwrap_or_default();
            for bad in [
                "<script",
                "onerror",
                "onclick",
                "javascript:",
                "evil.example",
                "<style",
                "<form",
                "tracker.example",
            ] {
                assert!(!html.contains(bad), "{name}: {bad} in content");
            }
            assert!(
                !title.contains("<img")
                    || !title.contains("onerror=")
                    || json.contains("\\u003cimg"),
                "{name}: title is text"
            );
        }
        assert!(
            html_links(&feed)
                .iter()
                .all(|l| !l.to_lowercase().starts_with("javascript")),
            "{name}: no javascript: links"
        );
    }
}

fn html_links(feed: &feed_rs::model::Feed) -> Vec<String> {
    feed.entries
        .iter()
        .flat_map(|e| e.links.iter().map(|l| l.href.clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cohort_feeds_validate_in_other_readers_and_answer_not_modified() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    app.add_participant("autumn", "Pat", "pat@example.org", &host.url("/wordpress/"));
    app.add_participant("autumn", "Lee", "lee@example.org", &host.url("/microblog/"));
    app.poll_feeds().await;

    let atom = app
        .client
        .get(format!("{}/cohorts/autumn/feed.atom", app.address))
        .send()
        .await
        .unwrap();
    assert!(
        atom.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let etag = atom.headers()["etag"].to_str().unwrap().to_owned();
    assert!(atom.headers().contains_key("last-modified"));
    let feed = feed_rs::parser::parse(atom.text().await.unwrap().as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 7);
    assert!(feed.entries.iter().any(|e| {
        e.title
            .as_ref()
            .is_some_and(|t| t.content == "Exploring online maps")
    }));
    assert!(feed.entries.iter().all(|e| !e.authors.is_empty()));
    let again = app
        .client
        .get(format!("{}/cohorts/autumn/feed.atom", app.address))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);

    let json = app.get("/cohorts/autumn/feed.json").await;
    assert!(json.content_type.starts_with("application/feed+json"));
    let parsed: Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(parsed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(parsed["items"].as_array().unwrap().len(), 7);
    assert_eq!(
        feed_rs::parser::parse(json.body.as_bytes())
            .unwrap()
            .entries
            .len(),
        7
    );

    let opml = app.get("/cohorts/autumn/blogroll.opml").await.body;
    let mut reader = quick_xml::Reader::from_str(&opml);
    let mut feeds = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)
                if e.name().as_ref() == "outline" =>
            {
                let url = e
                    .try_get_attribute("xmlUrl")
                    .unwrap()
                    .unwrap()
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap()
                    .into_owned();
                feeds.push(url);
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    feeds.sort();
    assert_eq!(
        feeds,
        vec![
            host.url("/microblog/feed.xml"),
            host.url("/wordpress/feed/")
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_loopback_address_in_any_spelling_is_never_contacted_when_private_feeds_are_off() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    let port = host.address.port();
    let spellings = [
        format!("http://127.0.0.1:{port}/wordpress/"),
        format!("http://2130706433:{port}/wordpress/"),
        format!("http://0x7f.0.0.1:{port}/wordpress/"),
        format!("http://0177.0.0.1:{port}/wordpress/"),
        format!("http://127.1:{port}/wordpress/"),
        format!("http://[::ffff:127.0.0.1]:{port}/wordpress/"),
        format!("http://localhost:{port}/wordpress/"),
    ];
    for (i, blog) in spellings.iter().enumerate() {
        let output = crate::helpers::binary(app.dir.path(), &app.database_url)
            .env("TWENTYTHREE_ALLOW_PRIVATE_FEEDS", "false")
            .args([
                "participant",
                "add",
                "--cohort",
                "autumn",
                "--name",
                &format!("P{i}"),
                "--email",
                &format!("p{i}@example.org"),
                "--blog",
                // One blog per participant (a blog belongs to one person in a cohort).
                &format!("{blog}?p={i}"),
            ])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{blog}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            stdout(&output).contains("will not be read"),
            "{blog}: {}",
            stdout(&output)
        );
    }
    let people = progress(&app).await;
    assert_eq!(people.len(), spellings.len());
    for person in &people {
        assert_eq!(person["feed"]["status"], "blocked", "{person}");
        assert!(person["feed"]["next_fetch_at"].is_null());
    }
    assert_eq!(host.total_hits(), 0, "no request reached the loopback host");
}

#[tokio::test(flavor = "multi_thread")]
async fn one_tick_reads_a_backlog_many_batches_long_and_then_finds_nothing_due() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    for (n, (_, feed, ..)) in BLOGS.iter().enumerate() {
        let email = format!("p{n}@example.org");
        app.add_participant("autumn", &format!("P{n}"), &email, &host.url(feed));
    }
    let mut poller = app.state.poller.clone();
    poller.batch = 3;
    poller.concurrency = 2;
    let now = chrono::Utc::now();
    let summary = poller.tick(now).await.unwrap();
    assert_eq!(summary.read, BLOGS.len(), "{summary}");
    for (_, feed, ..) in BLOGS {
        assert_eq!(host.hits(feed), 2, "discovery, then one read: {feed}");
    }
    let again = poller.tick(now).await.unwrap();
    assert_eq!(again.feeds(), 0, "nothing is due any more: {again}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_poller_honours_retry_after_gone_and_permanent_redirects() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    app.add_participant(
        "autumn",
        "Busy",
        "busy@example.org",
        &host.url("/ghost/rss.xml"),
    );
    app.add_participant(
        "autumn",
        "Gone",
        "gone@example.org",
        &host.url("/substack/feed.xml"),
    );
    app.add_participant(
        "autumn",
        "Moved",
        "moved@example.org",
        &host.url("/medium/feed.xml"),
    );
    app.add_participant(
        "autumn",
        "Hopping",
        "hop@example.org",
        &host.url("/hugo/index.xml"),
    );
    host.set_fault("/ghost/rss.xml", Fault::RetryAfter(429, "3600".into()));
    host.set_fault("/substack/feed.xml", Fault::Status(410));
    host.set_fault(
        "/medium/feed.xml",
        Fault::Redirect(301, "http://{{host}}/medium/new-feed.xml".into()),
    );
    host.set_fault(
        "/medium/new-feed.xml",
        Fault::Redirect(308, "http://{{host}}/jekyll/feed.xml".into()),
    );
    host.set_fault(
        "/hugo/index.xml",
        Fault::Redirect(302, "http://{{host}}/rss1/index.rdf".into()),
    );

    let summary = app.poll_feeds().await;
    assert_eq!(
        (summary.deferred, summary.gone, summary.read),
        (1, 1, 2),
        "{summary}"
    );
    let people = progress(&app).await;
    let busy = &participant(&people, "Busy")["feed"];
    assert_ne!(busy["status"], "failing", "Retry-After is not a failure");
    let next: chrono::DateTime<chrono::Utc> =
        busy["next_fetch_at"].as_str().unwrap().parse().unwrap();
    assert!(
        next > chrono::Utc::now() + chrono::Duration::minutes(55),
        "the next read waits an hour: {next}"
    );
    let gone = &participant(&people, "Gone")["feed"];
    assert_eq!(gone["status"], "gone");
    assert!(gone["next_fetch_at"].is_null());
    assert!(gone["last_error"].as_str().unwrap().contains("410"));
    assert_eq!(
        participant(&people, "Moved")["feed"]["url"],
        host.url("/jekyll/feed.xml"),
        "301 and 308 move the feed"
    );
    assert_eq!(
        participant(&people, "Hopping")["feed"]["url"],
        host.url("/hugo/index.xml"),
        "302 does not"
    );

    let hits = host.hits("/ghost/rss.xml") + host.hits("/substack/feed.xml");
    let again = app.poll_feeds().await;
    assert_eq!(
        again.feeds(),
        2,
        "the deferred and the gone feed are left alone: {again}"
    );
    assert_eq!(
        host.hits("/ghost/rss.xml") + host.hits("/substack/feed.xml"),
        hits
    );
}

/// (name, feed path under /lossy/, posts stored, things ticked)
const LOSSY: &[(&str, &str, i64, &[i64])] = &[
    ("Robin", "rss1-no-link.rdf", 3, &[12, 13]),
    ("Hana", "html-in-text.xml", 2, &[9]),
    ("Dara", "other-titles.xml", 3, &[6, 7]),
    ("Tove", "atom-text-links.xml", 2, &[4, 5]),
    ("Ike", "atom-items.xml", 2, &[2, 3]),
    ("Uma", "rss2-namespace.xml", 2, &[11]),
    ("Noor", "rss-no-channel.xml", 2, &[10]),
    ("Jun", "bare-version.json", 2, &[14]),
    ("Sol", "slash-dates.xml", 3, &[15, 16, 17]),
    ("Bea", "base64.xml", 1, &[8]),
    ("Pia", "partial.xml", 3, &[18, 19, 20]),
];

#[tokio::test(flavor = "multi_thread")]
async fn feeds_that_once_lost_posts_give_every_post_or_say_which_they_lost() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    for (name, path, ..) in LOSSY {
        let email = format!("{}@example.org", name.to_lowercase());
        app.add_participant("autumn", name, &email, &host.url(&format!("/lossy/{path}")));
    }
    let summary = app.poll_feeds().await;
    assert_eq!(summary.read, LOSSY.len(), "{summary}");

    let people = progress(&app).await;
    for (name, path, posts, things) in LOSSY {
        let person = participant(&people, name);
        assert_eq!(person["feed"]["status"], "ok", "{path}");
        assert_eq!(person["posts"], *posts, "{path}");
        assert_eq!(person["completed"], serde_json::json!(things), "{path}");
        if *name != "Pia" {
            assert!(person["feed"]["last_error"].is_null(), "{path}");
        }
    }
    let lost = "2 of 5 posts in your feed could not be read: they have no title, link or text";
    assert_eq!(participant(&people, "Pia")["feed"]["last_error"], lost);

    let pia = crate::browser::Browser::sign_in(&app, "pia@example.org").await;
    let me = pia.get("/me").await.body;
    assert!(me.contains(lost), "the participant is told on /me");
    assert!(!me.contains("All fine"), "{me}");
    let id = participant(&people, "Pia")["id"].as_i64().unwrap();
    let page = app.get(&format!("/cohorts/autumn/people/{id}")).await.body;
    assert!(page.contains(lost) && !page.contains("All fine"));

    let added = app.run_cli(&[
        "coordinator",
        "add",
        "--email",
        "sam@example.org",
        "--name",
        "Sam",
    ]);
    assert!(added.status.success());
    let sam = crate::browser::Browser::sign_in(&app, "sam@example.org").await;
    let grid = sam.get("/coordinator/cohorts/autumn").await.body;
    let table = &grid[grid.find("feed-health").expect("a feed health table")..];
    assert!(table.contains("Pia") && table.contains(lost), "{table}");
    assert!(!table.contains("Robin"), "a feed read whole is not listed");
    let person = sam
        .get(&format!("/coordinator/cohorts/autumn/people/{id}"))
        .await
        .body;
    assert!(person.contains(lost));

    let again = app.poll_feeds().await;
    assert_eq!(again.unchanged, LOSSY.len(), "{again}");
    let people = progress(&app).await;
    assert_eq!(
        participant(&people, "Pia")["feed"]["last_error"],
        lost,
        "an unchanged feed still says what it loses"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_undated_feed_read_for_the_first_time_sinks_below_dated_posts_and_still_counts() {
    let app = spawn_app().await;
    let host = cohort_with_host(&app).await;
    for (name, path) in [
        ("Una", "/lossy/undated.xml"),
        ("Bill", "/lossy/undated-build-date.xml"),
        ("Pat", "/wordpress/"),
    ] {
        let email = format!("{}@example.org", name.to_lowercase());
        app.add_participant("autumn", name, &email, &host.url(path));
    }
    assert_eq!(app.poll_feeds().await.read, 3);
    let people = progress(&app).await;
    assert_eq!(
        participant(&people, "Una")["completed"],
        serde_json::json!([1, 21])
    );
    assert_eq!(
        participant(&people, "Bill")["completed"],
        serde_json::json!([2, 22])
    );

    let river = app.get("/cohorts/autumn/posts").await.body;
    let at = |title: &str| {
        river
            .find(title)
            .unwrap_or_else(|| panic!("{title} in the river"))
    };
    // Una's history, in her feed's order, below every dated post, and said to be undated.
    assert!(at("My first week with RSS") < at("Thing 21: Reflections"));
    assert!(at("Thing 21: Reflections") < at("Thing 1: Getting started"));
    assert!(at("Thing 1: Getting started") < at("About this site"));
    assert!(river[at("Thing 21: Reflections")..].contains("date unknown"));
    // Bill's undated posts take his feed's own build date, in his feed's order.
    assert!(at("What I had for lunch") < at("Thing 22: Keeping up"));
    assert!(at("Thing 22: Keeping up") < at("Thing 2: Blogging"));
    assert!(at("Thing 2: Blogging") < at("Thing #3: My feed reader"));
    assert!(river[at("Thing 22: Keeping up")..at("Thing 2: Blogging")].contains("30 Oct 2026"));
}
