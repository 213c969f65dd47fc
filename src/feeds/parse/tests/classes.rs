//! The feeds that once lost posts silently (tests/fixtures/blogs/lossy, one per class of
//! issue 14), read as feedparser reads them; and the count that makes any loss visible.

use super::*;

const LOSSY: &[&str] = &[
    "lossy/rss1-no-link.rdf",
    "lossy/html-in-text.xml",
    "lossy/other-titles.xml",
    "lossy/atom-text-links.xml",
    "lossy/atom-items.xml",
    "lossy/rss2-namespace.xml",
    "lossy/rss-no-channel.xml",
    "lossy/bare-version.json",
    "lossy/slash-dates.xml",
    "lossy/base64.xml",
    "lossy/undated.xml",
    "lossy/undated-build-date.xml",
];

fn links(feed: &ParsedFeed) -> Vec<Option<&str>> {
    feed.posts.iter().map(|p| p.link.as_deref()).collect()
}

fn url(path: &str) -> String {
    format!("http://{HOST}/lossy/{path}")
}

#[test]
fn every_lossy_fixture_gives_every_post_it_shows() {
    for path in LOSSY {
        let feed = parse_fixture(path);
        assert!(feed.items.seen >= 1, "{path}: {:?}", feed.items);
        assert_eq!(
            feed.posts.len(),
            feed.items.seen,
            "{path}: {:?}",
            titles(&feed)
        );
        assert_eq!((feed.items.unread, feed.items.why), (0, None), "{path}");
        assert!(
            looks_like_feed(&fixture(path), Some(content_type(path))),
            "{path}"
        );
        assert_eq!(parse_fixture(path), feed, "{path}: the same twice");
    }
}

#[test]
fn class_1_rss_1_0_items_without_a_link_are_kept_without_one() {
    let feed = parse_fixture("lossy/rss1-no-link.rdf");
    assert_eq!(
        titles(&feed),
        [
            "Thing 13: Online maps",
            "Thing 12: Image generators",
            "A note without any address"
        ]
    );
    assert_eq!(links(&feed), [Some(url("notes/3").as_str()), None, None]);
    assert_eq!(feed.posts[1].guid, url("notes/2"), "rdf:about is the id");
    assert!(feed.posts[2].guid.starts_with("h:"));
    assert_eq!(feed.posts[1].published_at, Some(at("2026-10-20T09:00:00Z")));

    let netscape = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
        <channel><title>0.90</title><link>http://old.example/</link></channel>
        <item><title>Linked</title><link>http://old.example/1</link></item>
        <item><title>Unlinked</title></item><item/></rdf:RDF>"#;
    let feed = parse_str(netscape).expect("RSS 0.90");
    assert_eq!(titles(&feed), ["Linked", "Unlinked"]);
    assert_eq!(
        (feed.items.seen, feed.items.unread, feed.items.why),
        (3, 1, Some(Unread::Empty)),
        "the empty item is counted, not hidden"
    );
}

#[test]
fn class_2_html_written_inside_rss_text_is_kept_whole() {
    let feed = parse_fixture("lossy/html-in-text.xml");
    assert_eq!(feed.title.as_deref(), Some("Hand-made news"));
    assert_eq!(titles(&feed), ["Thing 9: Hello bold world", "Plain title"]);
    let html = &feed.posts[0].content_html;
    for kept in [
        "I tried it <b>today</b> &amp; liked it.<br>",
        &format!("<a href=\"{}\"", url("html/more.html")),
        "<i>this</i>",
    ] {
        assert!(html.contains(kept), "{kept} lost from {html}");
    }
    assert_eq!(
        feed.posts[1].content_html,
        "<p>Paragraph one.</p><p>Paragraph two.</p>"
    );
}

#[test]
fn class_3_titles_and_text_in_other_elements_are_read_and_never_merged() {
    let feed = parse_fixture("lossy/other-titles.xml");
    assert_eq!(
        titles(&feed),
        [
            "Thing 7: Podcasts on the train",
            "Thing 6: Photo sharing",
            "Episode without words"
        ]
    );
    let excerpts: Vec<&str> = feed.posts.iter().map(|p| p.excerpt.as_str()).collect();
    assert_eq!(
        excerpts,
        [
            "Three podcasts I now follow.",
            "A picture a day, for a week.",
            "Only a media description."
        ]
    );
    let mut ids = guids(&feed);
    ids.dedup();
    assert_eq!(ids.len(), 3);

    let feed = parse_fixture("lossy/atom-text-links.xml");
    assert_eq!(
        links(&feed),
        [
            Some(url("atom/video-calls").as_str()),
            Some(url("atom/podcasts").as_str())
        ]
    );
    assert_eq!(
        guids(&feed),
        [url("atom/video-calls"), url("atom/podcasts")]
    );
}

#[test]
fn entries_without_ids_merge_only_when_identical_in_every_field() {
    let item = |text: &str, date: &str| {
        format!(
            "<item><title>Same</title><description>{text}</description><pubDate>{date}</pubDate></item>"
        )
    };
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>t</title>{}{}{}{}</channel></rss>",
        item("One", "Mon, 02 Nov 2026 10:00:00 GMT"),
        item("One", "Mon, 02 Nov 2026 10:00:00 GMT"),
        item("One", "Tue, 03 Nov 2026 10:00:00 GMT"),
        item("Two", "Mon, 02 Nov 2026 10:00:00 GMT"),
    );
    let feed = parse_str(&doc).expect("feed");
    assert_eq!(feed.posts.len(), 3, "{:?}", guids(&feed));
    assert_eq!((feed.items.seen, feed.items.unread), (4, 0));
    assert_eq!(guids(&parse_str(&doc).expect("again")), guids(&feed));
}

#[test]
fn class_4_an_atom_feed_of_items_is_read_as_entries() {
    let feed = parse_fixture("lossy/atom-items.xml");
    assert_eq!(
        titles(&feed),
        ["Thing 3: Feed readers", "Thing 2: Blogging"]
    );
    assert_eq!(feed.posts[0].guid, format!("tag:{HOST},2026:items-2"));
    assert_eq!(
        feed.posts[0].content_html,
        "<p>Written as an item, read as an entry.</p>"
    );
    assert_eq!(feed.site_url, Some(url("items/")));
}

#[test]
fn class_5_rss_in_a_default_namespace_or_without_a_channel_is_read() {
    let feed = parse_fixture("lossy/rss2-namespace.xml");
    assert_eq!(feed.title.as_deref(), Some("UserLand namespace"));
    assert_eq!(titles(&feed), ["Thing 11: Wikis", "Weekend reading"]);
    let feed = parse_fixture("lossy/rss-no-channel.xml");
    assert_eq!(feed.title.as_deref(), Some("No channel at all"));
    assert_eq!(
        titles(&feed),
        ["Thing 10: Online games", "Library open day"]
    );
    assert_eq!(links(&feed)[0], Some(url("bare/games.html").as_str()));
}

#[test]
fn class_6_a_bare_json_feed_version_is_read() {
    let feed = parse_fixture("lossy/bare-version.json");
    assert_eq!(guids(&feed), ["json-2", "json-1"]);
    assert_eq!(feed.posts[0].title, "Thing 14: Screencasts");
    for version in ["1", "1.0"] {
        let doc = fixture("lossy/bare-version.json");
        let doc = String::from_utf8(doc)
            .expect("utf-8")
            .replace("\"1.1\"", &format!("\"{version}\""));
        assert!(looks_like_feed(doc.as_bytes(), Some("application/json")));
        let feed = parse(doc.as_bytes(), None, &feed_url("feed.json"), now()).expect(version);
        assert_eq!(feed.posts.len(), 2, "{version}");
    }
}

#[test]
fn class_7_dates_with_slashes_and_dots_are_read() {
    let feed = parse_fixture("lossy/slash-dates.xml");
    let dates: Vec<_> = feed.posts.iter().map(|p| p.published_at).collect();
    assert_eq!(
        dates,
        [
            Some(at("2026-11-05T14:03:00Z")),
            Some(at("2026-10-20T09:30:00Z")),
            Some(at("2026-10-01T00:00:00Z"))
        ]
    );
}

#[test]
fn undated_posts_keep_document_order_and_the_feed_date_is_kept_for_them() {
    let feed = parse_fixture("lossy/undated.xml");
    assert_eq!(
        titles(&feed),
        [
            "Thing 21: Reflections",
            "Thing 1: Getting started",
            "About this site"
        ]
    );
    assert!(feed.posts.iter().all(|p| p.published_at.is_none()));
    assert_eq!(feed.updated_at, None);
    let built = parse_fixture("lossy/undated-build-date.xml");
    assert_eq!(built.updated_at, Some(at("2026-10-30T18:00:00Z")));
    assert_eq!(
        titles(&built),
        ["Thing 22: Keeping up", "Thing 2: Blogging"]
    );
}

#[test]
fn class_8_base64_text_is_decoded() {
    let feed = parse_fixture("lossy/base64.xml");
    assert_eq!(feed.title.as_deref(), Some("Base64 Blog"));
    assert_eq!(titles(&feed), ["Thing 8: Sharing files"]);
    assert_eq!(
        feed.posts[0].content_html,
        "<p>Shared a folder with <b>the team</b>.</p>"
    );
    let not_base64 = r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><id>1</id><title mode="base64">Not base64!</title></entry></feed>"#;
    assert_eq!(
        titles(&parse_str(not_base64).expect("feed")),
        ["Not base64!"]
    );
}

#[test]
fn items_that_give_no_post_are_counted_with_the_reason() {
    let feed = parse_fixture("lossy/partial.xml");
    assert_eq!(
        titles(&feed),
        [
            "Thing 18: Online collaboration",
            "Thing 19: Podcasts",
            "Thing 20: Wrap-up"
        ]
    );
    assert_eq!(
        feed.items,
        Items {
            seen: 5,
            unread: 2,
            why: Some(Unread::Empty)
        }
    );
    // An item where no reader looks for one: counted, and said to be unreadable.
    let stray = "<rss version=\"2.0\"><channel><title>t</title><item><title>In</title><link>http://s.example/1</link></item></channel><item><title>Out</title></item></rss>";
    let feed = parse_str(stray).expect("feed");
    assert_eq!(titles(&feed), ["In"]);
    assert_eq!(
        feed.items,
        Items {
            seen: 2,
            unread: 1,
            why: Some(Unread::NotUnderstood)
        }
    );
}

#[test]
fn the_blog_fixtures_lose_nothing() {
    for path in FEED_FIXTURES {
        let feed = parse_fixture(path);
        assert_eq!(feed.items.unread, 0, "{path}: {:?}", feed.items);
    }
}

#[test]
fn items_with_only_media_are_posts_and_stay_apart_and_a_document_of_nothing_says_so() {
    let item = |n: u32| {
        format!(
            "<item><enclosure url=\"http://m.example/{n}.mp3\" length=\"1\" type=\"audio/mpeg\"/></item>"
        )
    };
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>t</title>{}{}</channel></rss>",
        item(1),
        item(2)
    );
    let feed = parse_str(&doc).expect("feed");
    assert_eq!(titles(&feed), ["Untitled post", "Untitled post"]);
    assert_ne!(feed.posts[0].guid, feed.posts[1].guid);
    assert_eq!(feed.items.unread, 0);

    let other_netscape = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://channel.netscape.com/rdf/simple/0.9/"><channel><title>c</title></channel><item><title>A</title><link>http://n.example/a</link></item></rdf:RDF>"#;
    assert_eq!(titles(&parse_str(other_netscape).expect("0.90")), ["A"]);

    let nothing = "<rss version=\"2.0\"><channel><title>t</title><item><source url=\"http://s.example/\">S</source></item></channel></rss>";
    assert_eq!(
        parse_str(nothing).expect_err("nothing").to_string(),
        "the one post in the feed could not be read: it has no title, link or text"
    );
}

#[test]
fn every_feed_rs_sample_gives_as_many_posts_as_it_shows() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feed-rs");
    let url = Url::parse("https://example.com/feed").expect("url");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("feed-rs fixtures") {
        let path = entry.expect("entry").path();
        let name = path.display().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".json")) {
            continue;
        }
        let feed = parse(&std::fs::read(&path).expect("read"), None, &url, now())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(feed.posts.len(), feed.items.seen, "{name}");
        assert_eq!(feed.items.unread, 0, "{name}");
        count += 1;
    }
    assert!(count >= 30);
}
