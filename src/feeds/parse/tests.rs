//! The parser against the blog fixtures (tests/fixtures/blogs, whose README states what
//! each must give), the feed-rs sample feeds, and small feeds written here for one rule each.

use std::path::{Path, PathBuf};

use super::*;
use crate::feeds::sanitize;

mod classes;

const HOST: &str = "127.0.0.1:8080";
const BASE: &str = "http://127.0.0.1:2323";

fn blogs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blogs")
}

/// A fixture's bytes with `{{host}}` and `{{base}}` replaced in the raw bytes, as the
/// fixture server does.
fn fixture(path: &str) -> Vec<u8> {
    let bytes = std::fs::read(blogs_dir().join(path)).expect("fixture");
    replace(
        &replace(&bytes, b"{{host}}", HOST.as_bytes()),
        b"{{base}}",
        BASE.as_bytes(),
    )
}

fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        if rest.starts_with(from) {
            out.extend_from_slice(to);
            rest = &rest[from.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

fn now() -> DateTime<Utc> {
    at("2026-11-23T12:00:00Z")
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("date")
        .with_timezone(&Utc)
}

fn feed_url(path: &str) -> Url {
    Url::parse(&format!("http://{HOST}/{path}")).expect("url")
}

fn content_type(path: &str) -> &'static str {
    if path.ends_with(".json") {
        "application/json"
    } else {
        "application/xml"
    }
}

fn parse_fixture(path: &str) -> ParsedFeed {
    parse_bytes(&fixture(path), path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse_bytes(bytes: &[u8], path: &str) -> Result<ParsedFeed, ParseError> {
    parse(bytes, Some(content_type(path)), &feed_url(path), now())
}

fn parse_str(doc: &str) -> Result<ParsedFeed, ParseError> {
    parse(doc.as_bytes(), None, &feed_url("feed.xml"), now())
}

fn guids(feed: &ParsedFeed) -> Vec<&str> {
    feed.posts.iter().map(|p| p.guid.as_str()).collect()
}

fn titles(feed: &ParsedFeed) -> Vec<&str> {
    feed.posts.iter().map(|p| p.title.as_str()).collect()
}

fn post<'a>(feed: &'a ParsedFeed, title: &str) -> &'a ParsedPost {
    feed.posts
        .iter()
        .find(|p| p.title == title)
        .unwrap_or_else(|| panic!("no post {title:?} in {:?}", titles(feed)))
}

const FEED_FIXTURES: &[&str] = &[
    "wordpress/feed.xml",
    "wordpress/comments.xml",
    "blogger/atom.xml",
    "medium/feed.xml",
    "substack/feed.xml",
    "ghost/rss.xml",
    "mastodon/kim.rss",
    "microblog/feed.json",
    "microblog/feed.xml",
    "hugo/index.xml",
    "jekyll/feed.xml",
    "jsonfeed/feed.json",
    "rss1/index.rdf",
    "noguid/feed.xml",
    "relative/feed.xml",
    "latin1/feed.xml",
    "windows1252/feed.xml",
    "utf8-wrong-decl/feed.xml",
    "utf16/feed.xml",
    "duplicates/feed.xml",
    "old-rss/rss093.xml",
    "old-rss/rss-noversion.xml",
    "old-rss/rss090.rdf",
    "old-rss/bare-amp.xml",
    "hostile/feed.xml",
];

/// One row of the "Every post" table in the fixtures' README.
struct Row {
    file: String,
    title: Option<String>,
    published: Option<DateTime<Utc>>,
    id: Option<String>,
    url: Option<String>,
}

fn readme_rows() -> Vec<Row> {
    let readme = std::fs::read_to_string(blogs_dir().join("README.md")).expect("README");
    let readme = readme.replace("{{host}}", HOST).replace("{{base}}", BASE);
    let code = |cell: &str| {
        cell.strip_prefix('`')
            .and_then(|c| c.strip_suffix('`'))
            .map(str::to_owned)
    };
    readme
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line
                .split(" | ")
                .map(|c| c.trim_matches(|c: char| c == '|' || c.is_whitespace()))
                .collect();
            assert_eq!(cells.len(), 6, "{line}");
            Row {
                file: code(cells[0]).expect("file"),
                title: code(cells[1]),
                published: (cells[3] != "—").then(|| at(cells[3])),
                id: code(cells[4]),
                url: code(cells[5]),
            }
        })
        .collect()
}

#[test]
fn every_post_in_the_readme_table_comes_out_as_described() {
    let rows = readme_rows();
    assert!(rows.len() > 50, "the table has {} rows", rows.len());
    let mut files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    files.dedup();
    for file in files {
        let feed = parse_fixture(file);
        let expected: Vec<&Row> = rows.iter().filter(|r| r.file == file).collect();
        assert_eq!(
            feed.posts.len(),
            expected.len(),
            "{file}: {:?}",
            titles(&feed)
        );
        for (n, row) in expected.iter().enumerate() {
            let found = feed
                .posts
                .iter()
                .find(|p| p.link == row.url)
                .unwrap_or_else(|| panic!("{file}: no post with link {:?}", row.url));
            match row.title.as_deref().map(sanitize::title) {
                Some(title) if !title.is_empty() => assert_eq!(found.title, title, "{file}"),
                _ => assert!(!found.title.is_empty(), "{file}: empty title"),
            }
            assert_eq!(found.published_at, row.published, "{file}: {}", found.title);
            let reused = expected[..n]
                .iter()
                .any(|earlier| earlier.id.is_some() && earlier.id == row.id);
            match (&row.id, &row.url) {
                (Some(id), _) if !reused => assert_eq!(&found.guid, id, "{file}"),
                (_, Some(url)) => {
                    assert_eq!(found.guid, url.split('#').next().unwrap_or(url), "{file}")
                }
                (_, None) => assert!(found.guid.starts_with("h:"), "{file}: {}", found.guid),
            }
        }
    }
}

#[test]
fn every_fixture_gives_the_same_guids_twice_and_they_are_unique() {
    for path in FEED_FIXTURES {
        let first = parse_fixture(path);
        let second = parse_fixture(path);
        assert_eq!(first, second, "{path}");
        let mut unique = guids(&first);
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), first.posts.len(), "{path}");
        assert!(
            first
                .posts
                .iter()
                .all(|p| !p.guid.is_empty() && !p.title.is_empty()),
            "{path}"
        );
        assert!(
            first
                .posts
                .windows(2)
                .all(|w| w[0].published_at >= w[1].published_at),
            "{path}: not newest first"
        );
    }
}

#[test]
fn the_feed_rs_sample_feeds_parse_with_stable_guids() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/feed-rs");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).expect("feed-rs fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".json")) {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read");
        let url = Url::parse("https://example.com/feed").expect("url");
        let first = parse(&bytes, None, &url, now()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let second = parse(&bytes, None, &url, now()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!first.posts.is_empty(), "{name}: no posts");
        assert!(
            first.posts.iter().all(|p| !p.guid.trim().is_empty()),
            "{name}: empty guid"
        );
        assert_eq!(guids(&first), guids(&second), "{name}");
        count += 1;
    }
    assert!(count >= 30, "only {count} sample feeds");
}

#[test]
fn latin1_is_decoded_by_its_declaration() {
    let feed = parse_fixture("latin1/feed.xml");
    assert_eq!(feed.title.as_deref(), Some("Le carnet d'Élodie"));
    assert_eq!(
        titles(&feed),
        ["Une idée naïve", "Thing 19: Un café à Zürich"]
    );
    let cafe = post(&feed, "Thing 19: Un café à Zürich");
    assert_eq!(
        cafe.content_html,
        "<p>Crème brûlée, façade, señor, 25°C, ½ tasse, Straße, £3.</p>"
    );
    assert!(!format!("{feed:?}").contains('\u{fffd}'));
}

#[test]
fn windows_1252_gives_real_quotes_and_euros() {
    let feed = parse_fixture("windows1252/feed.xml");
    assert_eq!(feed.title.as_deref(), Some("Dana’s “Smart” Blog"));
    assert_eq!(
        titles(&feed),
        [
            "Budget – €10 for the whole course",
            "Thing 20: “Smart quotes” cost €5"
        ]
    );
    assert_eq!(
        post(&feed, "Thing 20: “Smart quotes” cost €5").content_html,
        "<p>It’s true – the “smart” plugin costs €5 a month… ™</p>"
    );
    assert!(
        !format!("{feed:?}")
            .chars()
            .any(|c| ('\u{80}'..='\u{9f}').contains(&c))
    );
}

#[test]
fn valid_utf8_wins_over_a_wrong_declaration() {
    let feed = parse_fixture("utf8-wrong-decl/feed.xml");
    assert_eq!(feed.title.as_deref(), Some("Jürgen's naïve notes"));
    assert_eq!(titles(&feed), ["Größe matters", "Thing 21: Café in Zürich"]);
    assert!(!format!("{feed:?}").contains('Ã'));
}

#[test]
fn utf16_with_a_bom_is_decoded_whatever_http_says() {
    for content_type in [
        None,
        Some("application/xml"),
        Some("text/xml; charset=iso-8859-1"),
    ] {
        let feed = parse(
            &fixture("utf16/feed.xml"),
            content_type,
            &feed_url("utf16/feed.xml"),
            now(),
        )
        .expect("utf-16");
        assert_eq!(feed.title.as_deref(), Some("Yuki’s UTF-16 feed"));
        assert_eq!(
            titles(&feed),
            ["Über the weekend", "Thing 22: Größe, 日本語 and 🎉"]
        );
        assert_eq!(
            post(&feed, "Thing 22: Größe, 日本語 and 🎉").content_html,
            "<p>Größe, 日本語, emoji 🎉 and a snowman ☃.</p>"
        );
    }
}

#[test]
fn rss_without_a_version_or_with_an_old_one_is_read() {
    let feed = parse_fixture("old-rss/rss-noversion.xml");
    assert_eq!(titles(&feed), ["Getting organised", "Autumn leaves"]);
    assert_eq!(post(&feed, "Getting organised").categories, ["thing20"]);
    let feed = parse_fixture("old-rss/rss093.xml");
    assert_eq!(
        titles(&feed),
        ["Thing 19: Podcasts, the old way", "Back online"]
    );
    for version in ["0.94", "2.01", "3"] {
        let doc = format!(
            "<rss version=\"{version}\"><channel><item><title>A</title><link>http://x.example/a</link></item></channel></rss>"
        );
        assert_eq!(titles(&parse_str(&doc).expect(version)), ["A"]);
    }
}

#[test]
fn rss_0_90_items_are_read_without_dates() {
    let feed = parse_fixture("old-rss/rss090.rdf");
    assert_eq!(
        titles(&feed),
        ["Thing 21: Blogging like it is 1999", "Under construction"]
    );
    assert!(
        feed.posts
            .iter()
            .all(|p| p.published_at.is_none() && p.published_raw.is_none())
    );
    assert_eq!(
        feed.posts[1].link.as_deref(),
        Some("http://127.0.0.1:8080/old-rss/1999/construction.html")
    );
}

#[test]
fn bare_ampersands_are_repaired() {
    let feed = parse_fixture("old-rss/bare-amp.xml");
    assert_eq!(feed.title.as_deref(), Some("Fish & Chips Fridays"));
    assert_eq!(
        titles(&feed),
        ["Thing 22: Tips & tricks for searching", "Q&A session"]
    );
    assert_eq!(
        feed.posts[0].link.as_deref(),
        Some("http://127.0.0.1:8080/old-rss/bare-amp/?p=22&lang=en")
    );
    assert_eq!(
        feed.posts[1].link.as_deref(),
        Some("http://127.0.0.1:8080/old-rss/bare-amp/?p=21&lang=en")
    );
    assert_eq!(
        feed.posts[1].excerpt,
        "Questions & answers from the drop-in."
    );
}

#[test]
fn atom_text_constructs_with_odd_types_are_read() {
    let doc = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="">Odd</title>
        <entry><id>e1</id><title type="TEXT/HTML">A &amp;amp; B</title><updated>2026-10-01T00:00:00Z</updated>
        <summary type="text/plain">Plain summary</summary><content type="application/xhtml+xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML body</p></div></content></entry>
        <entry><id>e2</id><title type="weird">Second</title><updated>2026-09-01T00:00:00Z</updated><content type="">Text body &lt;b&gt;not bold&lt;/b&gt;</content></entry></feed>"#;
    let feed = parse_str(doc).expect("repaired");
    assert_eq!(feed.title.as_deref(), Some("Odd"));
    assert_eq!(titles(&feed), ["A & B", "Second"]);
    assert_eq!(feed.posts[0].content_html, "<p>XHTML body</p>");
    assert_eq!(
        feed.posts[1].content_html,
        "<p>Text body &lt;b&gt;not bold&lt;/b&gt;</p>"
    );
}

#[test]
fn atom_0_3_is_read_with_its_dates() {
    let doc = r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Blogger</title>
        <entry><title>Old post</title><link rel="alternate" type="text/html" href="http://old.example/1.html"/><id>tag:old,2004:1</id>
        <issued>2026-10-01T10:00:00+02:00</issued><modified>2026-10-02T10:00:00Z</modified>
        <content type="text/html" mode="escaped">&lt;p&gt;Hello&lt;/p&gt;</content></entry></feed>"#;
    let feed = parse_str(doc).expect("atom 0.3");
    let post = &feed.posts[0];
    assert_eq!(
        (
            post.guid.as_str(),
            post.title.as_str(),
            post.content_html.as_str()
        ),
        ("tag:old,2004:1", "Old post", "<p>Hello</p>")
    );
    assert_eq!(
        post.published_raw.as_deref(),
        Some("2026-10-01T10:00:00+02:00")
    );
    assert_eq!(post.published_at, Some(at("2026-10-01T08:00:00Z")));
    assert_eq!(post.updated_at, Some(at("2026-10-02T10:00:00Z")));
}

#[test]
fn json_feed_quirks_are_repaired() {
    let doc = r#"{"version": "http://jsonfeed.org/version/1", "title": "Old JSON", "home_page_url": "https://j.example/",
        "items": [{"id": 7, "url": "https://j.example/7", "content_html": "<p>Seven</p>", "tags": "thing7", "date_published": "2026-10-01T09:00:00Z"},
                  {"id": 8.5, "content_text": "No title, no url.\n\nSecond paragraph.", "tags": ["a", "a", "B"]}]}"#;
    let feed = parse(
        doc.as_bytes(),
        Some("application/json"),
        &feed_url("feed.json"),
        now(),
    )
    .expect("json");
    assert_eq!(feed.site_url.as_deref(), Some("https://j.example/"));
    assert_eq!(guids(&feed), ["7", "8.5"]);
    assert_eq!(feed.posts[0].categories, ["thing7"]);
    assert_eq!(feed.posts[1].categories, ["a", "B"]);
    assert_eq!(feed.posts[1].title, "No title, no url. Second paragraph.");
    assert_eq!(
        feed.posts[1].content_html,
        "<p>No title, no url.</p><p>Second paragraph.</p>"
    );
    let v1 = doc.replace(
        "http://jsonfeed.org/version/1",
        "https://jsonfeed.org/version/1",
    );
    assert_eq!(
        guids(&parse(v1.as_bytes(), None, &feed_url("feed.json"), now()).expect("v1")),
        ["7", "8.5"]
    );
}

#[test]
fn illegal_characters_and_references_do_not_sink_a_feed() {
    let doc = "<rss version=\"2.0\"><channel><title>Ctl\u{1}</title><item><title>Bad &#0; ref &#xD800; and \u{8}control</title><guid>g</guid></item></channel></rss>";
    let feed = parse_str(doc).expect("repaired");
    assert_eq!(feed.title.as_deref(), Some("Ctl"));
    assert_eq!(titles(&feed), ["Bad \u{fffd} ref \u{fffd} and control"]);
}

#[test]
fn hostile_content_is_made_harmless() {
    let feed = parse_fixture("hostile/feed.xml");
    let all = format!(
        "{:?}",
        feed.posts
            .iter()
            .map(|p| &p.content_html)
            .collect::<Vec<_>>()
    )
    .to_ascii_lowercase();
    for gone in [
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "evil.example",
        "<svg",
        "<style",
        "<form",
        "<input",
        "tracker.example",
        "position:fixed",
        "data:text/html",
        "<object",
        "<embed",
        "<meta",
        "<base",
    ] {
        assert!(!all.contains(gone), "{gone} survived");
    }
    let first = post(&feed, "Thing 21: alert(1)");
    for kept in [
        "Safe paragraph one.",
        "Here is my video:",
        "Safe paragraph two with",
        "href=\"https://example.org/ok\"",
    ] {
        assert!(first.content_html.contains(kept), "{kept} lost");
    }
    assert!(first.content_html.contains(
        r#"src="https://www.youtube.com/embed/abc123" title="YouTube video player" allowfullscreen="" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy"></iframe>"#
    ));
    let second = post(&feed, "bold <script>");
    assert!(
        second.content_html.contains("Overlay paragraph.")
            && second.content_html.contains("Safe paragraph three.")
    );
    assert!(
        second
            .content_html
            .contains("&lt;script&gt;alert('escaped text, must stay text')&lt;/script&gt;")
    );
    assert_eq!(
        second.categories,
        ["thing22", "<img src=x onerror=alert(2)>"]
    );
    let third = feed
        .posts
        .iter()
        .find(|p| p.guid == "http://127.0.0.1:8080/hostile/?p=1")
        .expect("third");
    assert_eq!(third.link, None);
    assert_eq!(third.title, "Safe paragraph four.");
}

#[test]
fn medium_tracking_pixels_are_dropped() {
    let feed = parse_fixture("medium/feed.xml");
    for post in &feed.posts {
        assert!(
            !post.content_html.contains("medium.com/_/stat"),
            "{}",
            post.title
        );
    }
    assert!(
        post(&feed, "Image editing in the browser")
            .content_html
            .contains("<img alt=\"A photo of the reading room")
    );
}

#[test]
fn relative_links_resolve_against_xml_base_then_the_item_link() {
    let host = format!("http://{HOST}");
    let feed = parse_fixture("relative/feed.xml");
    assert_eq!(feed.site_url, Some(format!("{host}/relative/")));
    let check = |title: &str, urls: &[&str]| {
        let html = &post(&feed, title).content_html;
        for url in urls {
            assert!(
                html.contains(&format!("\"{host}{url}\"")),
                "{title}: {url} missing in {html}"
            );
        }
    };
    check("Learning in public", &["/relative/about/"]);
    check(
        "Collaborative documents",
        &[
            "/relative/archive/img/b.png",
            "/relative/2026/10/tagging.html",
        ],
    );
    check(
        "Tagging",
        &["/relative/notes/tagging.html", "/relative/images/tags.png"],
    );
    assert_eq!(
        post(&feed, "Collaborative documents").link,
        Some(format!(
            "{host}/relative/2026/11/collaborative-documents.html"
        ))
    );

    let feed = parse_fixture("hugo/index.xml");
    let maps = &post(&feed, "Maps, mostly").content_html;
    assert!(
        maps.contains(&format!("\"{host}/hugo/posts/maps-mostly/images/pic.png\""))
            && maps.contains(&format!("\"{host}/hugo/posts/other/\""))
    );
    let setup = &post(&feed, "Setting up this site").content_html;
    assert!(
        setup.contains(&format!(
            "\"{host}/hugo/posts/setting-up-this-site/images/pic.png\""
        )) && setup.contains(&format!("\"{host}/hugo/about/\""))
    );
    assert!(
        !setup.contains(&format!("\"{host}/about/\""))
            && !maps.contains(&format!("\"{host}/hugo/images/pic.png\""))
    );

    let feed = parse_fixture("jekyll/feed.xml");
    assert!(
        post(&feed, "Mind maps")
            .content_html
            .contains(&format!("\"{host}/jekyll/assets/img/mind-map.png\""))
    );
}

#[test]
fn an_id_less_post_keeps_its_id_when_its_title_changes_because_its_link_wins() {
    let original = fixture("noguid/feed.xml");
    let retitled = replace(
        &original,
        b"Thing 16: Tagging",
        b"Thing 16: Tagging, revised",
    );
    let before = parse_bytes(&original, "noguid/feed.xml").expect("before");
    let after = parse_bytes(&retitled, "noguid/feed.xml").expect("after");
    assert_eq!(guids(&before), guids(&after));
    assert_eq!(after.posts[1].title, "Thing 16: Tagging, revised");
    assert_eq!(
        before.posts[1].guid,
        "http://127.0.0.1:8080/noguid/2026/10/tagging.html"
    );
    // Without link or id the hash is all there is: stable, but title dependent.
    let quick = retitled.clone();
    let renamed = replace(&quick, b"Quick note", b"Quick notes");
    let renamed = parse_bytes(&renamed, "noguid/feed.xml").expect("renamed");
    assert!(before.posts[0].guid.starts_with("h:"));
    assert_ne!(renamed.posts[0].guid, before.posts[0].guid);
}

#[test]
fn feed_rs_invented_ids_are_never_used() {
    let doc = |title: &str| {
        format!(
            "<rss version=\"2.0\"><channel><item><title>{title}</title><link>http://x.example/p?utm_source=rss&amp;id=4#top</link></item></channel></rss>"
        )
    };
    let first = parse_str(&doc("One")).expect("one");
    let second = parse_str(&doc("Two")).expect("two");
    assert_eq!(guids(&first), ["http://x.example/p?id=4"]);
    assert_eq!(guids(&first), guids(&second));
}

#[test]
fn duplicate_ids_are_disambiguated_by_link() {
    let feed = parse_fixture("duplicates/feed.xml");
    assert_eq!(
        guids(&feed),
        [
            "post-1",
            "post-2",
            "http://127.0.0.1:8080/duplicates/2026/10/podcasting/"
        ]
    );
    assert_eq!(post(&feed, "Thing 18: Online collaboration").guid, "post-1");
    assert_eq!(guids(&parse_fixture("duplicates/feed.xml")), guids(&feed));

    let item = |title: &str| format!("<item><guid>same</guid><title>{title}</title></item>");
    let doc = format!(
        "<rss version=\"2.0\"><channel>{}{}{}{}</channel></rss>",
        item("A"),
        item("B"),
        item("A"),
        item("C")
    );
    let feed = parse_str(&doc).expect("duplicates");
    assert_eq!(titles(&feed), ["A", "B", "C"], "an exact repeat is dropped");
    assert_eq!(feed.posts[0].guid, "same");
    assert!(
        feed.posts[1].guid.starts_with("h:")
            && feed.posts[2].guid.starts_with("h:")
            && feed.posts[1].guid != feed.posts[2].guid,
        "{:?}",
        guids(&feed)
    );
}

#[test]
fn absurd_and_unreadable_dates_give_none_but_keep_the_raw_text() {
    let item = |n: u32, date: &str| {
        format!("<item><guid>{n}</guid><title>P{n}</title><pubDate>{date}</pubDate></item>")
    };
    let doc = format!(
        "<rss version=\"2.0\"><channel>{}{}{}{}{}</channel></rss>",
        item(1, "Fri, 01 Jan 2099 00:00:00 GMT"),
        item(2, "Tue, 24 Nov 2026 11:00:00 GMT"),
        item(3, "Mon, 01 Jan 1990 00:00:00 GMT"),
        item(4, "sometime last week"),
        item(5, "2026-10-01 09:30:00"),
    );
    let feed = parse_str(&doc).expect("dates");
    let by_guid = |g: &str| feed.posts.iter().find(|p| p.guid == g).expect("post");
    assert_eq!(by_guid("1").published_at, None);
    assert_eq!(
        by_guid("1").published_raw.as_deref(),
        Some("Fri, 01 Jan 2099 00:00:00 GMT")
    );
    assert_eq!(by_guid("2").published_at, Some(at("2026-11-24T11:00:00Z")));
    assert_eq!(by_guid("3").published_at, None);
    assert_eq!(by_guid("4").published_at, None);
    assert_eq!(
        by_guid("4").published_raw.as_deref(),
        Some("sometime last week")
    );
    assert_eq!(by_guid("5").published_at, Some(at("2026-10-01T09:30:00Z")));
}

#[test]
fn posts_without_dates_keep_their_place() {
    let item =
        |n: u32, date: &str| format!("<item><guid>{n}</guid><title>P{n}</title>{date}</item>");
    let doc = format!(
        "<rss version=\"2.0\"><channel>{}{}{}{}</channel></rss>",
        item(1, ""),
        item(2, "<pubDate>Mon, 05 Oct 2026 10:00:00 GMT</pubDate>"),
        item(3, ""),
        item(4, "<pubDate>Tue, 10 Nov 2026 10:00:00 GMT</pubDate>"),
    );
    assert_eq!(guids(&parse_str(&doc).expect("feed")), ["1", "4", "2", "3"]);
}

#[test]
fn at_most_300_posts_and_the_newest_are_kept() {
    let start = at("2026-01-01T00:00:00Z");
    // Oldest first, as some generators write them.
    let items: String = (0..350)
        .map(|n| {
            let date = (start + chrono::Duration::hours(i64::from(n))).to_rfc2822();
            format!(
                "<item><guid>p{n}</guid><title>Post {n}</title><pubDate>{date}</pubDate></item>"
            )
        })
        .collect();
    let feed = parse_str(&format!(
        "<rss version=\"2.0\"><channel>{items}</channel></rss>"
    ))
    .expect("big feed");
    assert_eq!(feed.posts.len(), MAX_POSTS);
    assert_eq!(feed.posts[0].guid, "p349");
    assert_eq!(feed.posts[MAX_POSTS - 1].guid, "p50");
}

#[test]
fn categories_tags_labels_and_subjects_are_kept_per_post() {
    let wordpress = parse_fixture("wordpress/feed.xml");
    assert_eq!(
        post(&wordpress, "Exploring online maps").categories,
        ["23 Things", "maps", "Thing 7"]
    );
    assert!(
        post(&wordpress, "Thing #3: My feed reader")
            .categories
            .is_empty()
    );
    let blogger = parse_fixture("blogger/atom.xml");
    assert_eq!(
        post(&blogger, "Half term").categories,
        ["personal"],
        "feed-level labels stay on the feed"
    );
    assert_eq!(
        post(&blogger, "Week three reflections").categories,
        ["reflections", "Thing 3", "thing2"]
    );
    assert!(
        post(&blogger, "Thing 4 - Podcasts on the bus")
            .categories
            .is_empty()
    );
    let mastodon = parse_fixture("mastodon/kim.rss");
    assert_eq!(mastodon.posts[1].categories, ["thing8", "23things"]);
    let json = parse_fixture("microblog/feed.json");
    assert_eq!(json.posts[1].categories, ["Thing 15", "Photos"]);
    let rdf = parse_fixture("rss1/index.rdf");
    assert_eq!(post(&rdf, "Photo sharing").categories, ["Thing 14"]);
    let relative = parse_fixture("relative/feed.xml");
    assert_eq!(
        post(&relative, "Tagging").categories,
        ["thing16", "Thing 16"]
    );

    let many: String = (0..60)
        .map(|n| format!("<category>tag {n}</category><category>TAG {n}</category>"))
        .collect();
    let long = "x".repeat(150);
    let doc = format!(
        "<rss version=\"2.0\"><channel><item><guid>1</guid><category>{long}</category><category> News &amp;amp; Views </category>{many}</item></channel></rss>"
    );
    let categories = &parse_str(&doc).expect("feed").posts[0].categories;
    assert_eq!(categories.len(), 50);
    assert_eq!(categories[0].chars().count(), 100);
    assert_eq!(categories[1], "News & Views");
    assert_eq!(categories[2..4], ["tag 0", "tag 1"]);
}

#[test]
fn posts_without_title_or_text_are_untitled() {
    let doc = "<rss version=\"2.0\"><channel><item><guid>1</guid><description>   </description></item></channel></rss>";
    assert_eq!(titles(&parse_str(doc).expect("feed")), ["Untitled post"]);
    let mastodon = parse_fixture("mastodon/kim.rss");
    assert_eq!(mastodon.posts[3].title, "Coffee first. Then lessons.");
    assert!(
        mastodon.posts[0].title.ends_with('…') && mastodon.posts[0].title.chars().count() <= 80
    );
}

#[test]
fn feed_level_details() {
    let ghost = parse_fixture("ghost/rss.xml");
    assert_eq!(ghost.ttl, Some(Duration::from_secs(60 * 60)));
    assert_eq!(
        ghost.site_url.as_deref(),
        Some("http://127.0.0.1:8080/ghost/")
    );
    let blogger = parse_fixture("blogger/atom.xml");
    assert_eq!(
        blogger.site_url.as_deref(),
        Some("http://127.0.0.1:8080/blogger/")
    );
    assert_eq!(blogger.title.as_deref(), Some("Sam's 23 Things"));
    assert_eq!(
        parse_fixture("wordpress/feed.xml").title.as_deref(),
        Some("Pat's 23 Things")
    );
    let hostile = parse_fixture("hostile/feed.xml");
    assert_eq!(
        hostile.title.as_deref(),
        Some("Totally normal blog alert('channel')")
    );
}

#[test]
fn unreadable_documents_say_why_in_plain_words() {
    let malformed =
        parse_bytes(&fixture("malformed/feed.xml"), "malformed/feed.xml").expect_err("malformed");
    assert!(
        matches!(malformed, ParseError::InvalidXml { line: 18, .. }),
        "{malformed:?}"
    );
    assert_eq!(
        malformed.to_string(),
        "the feed is not valid XML: a CDATA section is never closed (line 18)"
    );
    let page = parse(
        &fixture("html-not-feed/index.html"),
        Some("text/html; charset=utf-8"),
        &feed_url("html-not-feed/"),
        now(),
    );
    assert_eq!(
        page.expect_err("page").to_string(),
        "the address gives a web page, not a feed"
    );
    let cases: &[(&str, &str)] = &[
        ("", "the address gives an empty document, not a feed"),
        ("  \n ", "the address gives an empty document, not a feed"),
        (
            "{\"routes\": {}}",
            "the address gives JSON data, but not a JSON Feed",
        ),
        (
            "{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [}",
            "the feed is not valid JSON: expected value (line 2)",
        ),
        (
            "<catalog><book/></catalog>",
            "the address gives an XML document, but not a feed (its root element is <catalog>)",
        ),
        (
            "Hello",
            "the address gives something that is neither a feed nor a web page",
        ),
        (
            "<rss version=\"2.0\"><title>No channel</title></rss>",
            "the feed could not be read: it has no <channel> with its items",
        ),
        (
            "<rss version=\"2.0\"><channel><title>Cut",
            "the feed is not valid XML: the document ends before <title> is closed (line 1)",
        ),
        (
            "<html><body>Hi</body></html>",
            "the address gives a web page, not a feed",
        ),
        (
            "<rss version=\"2.0\"><channel><title>c</title><item></item><item><description> </description><link></link></item></channel></rss>",
            "none of the 2 posts in the feed could be read: they have no title, link or text",
        ),
    ];
    for (doc, message) in cases {
        assert_eq!(parse_str(doc).expect_err(doc).to_string(), *message);
    }
}

#[tokio::test]
async fn a_panic_in_the_parser_becomes_an_error() {
    let result: Result<(), ParseError> = contain_panics(|| panic!("feed-rs fell over")).await;
    assert!(matches!(result, Err(ParseError::Crashed)));
    let feed = parse_async(
        fixture("utf16/feed.xml").into(),
        None,
        feed_url("utf16/feed.xml"),
        now(),
    )
    .await
    .expect("parsed");
    assert_eq!(feed.posts.len(), 2);
}

#[test]
fn discovery_sniffs_feeds_from_pages() {
    for path in FEED_FIXTURES {
        assert!(
            looks_like_feed(&fixture(path), Some(content_type(path))),
            "{path}"
        );
    }
    for page in [
        "wordpress/index.html",
        "blogger/index.html",
        "mastodon/index.html",
        "html-not-feed/index.html",
    ] {
        assert!(
            !looks_like_feed(&fixture(page), Some("text/html")),
            "{page}"
        );
    }
    assert!(looks_like_feed(
        br#"{"version":"https:\/\/jsonfeed.org\/version\/1","items":[]}"#,
        None
    ));
    assert!(!looks_like_feed(
        br#"{"name":"wp-json","routes":{}}"#,
        Some("application/json")
    ));
    assert!(!looks_like_feed(b"<?xml version=\"1.0\"?><catalog/>", None));
}

#[test]
fn an_rss_guid_that_is_a_permalink_stands_in_for_a_missing_link() {
    let doc = r#"<rss version="2.0"><channel>
        <item><title>Permalink guid</title><guid>https://p.example/1</guid></item>
        <item><title>Opaque guid</title><guid isPermaLink="false">https://p.example/2</guid></item>
        <item><title>Relative guid</title><guid>post-3</guid></item></channel></rss>"#;
    let feed = parse_str(doc).expect("feed");
    let links: Vec<Option<&str>> = feed.posts.iter().map(|p| p.link.as_deref()).collect();
    assert_eq!(links, [Some("https://p.example/1"), None, None]);
}

#[test]
fn plain_text_titles_keep_angle_brackets_as_text() {
    let doc = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title type="text">Why I like &lt;canvas&gt;</title><updated>2026-10-01T00:00:00Z</updated></entry>
        <entry><id>2</id><title type="html">Why I like &lt;b&gt;bold&lt;/b&gt;</title><updated>2026-09-01T00:00:00Z</updated></entry></feed>"#;
    assert_eq!(
        titles(&parse_str(doc).expect("feed")),
        ["Why I like <canvas>", "Why I like bold"]
    );
}

#[test]
fn an_entity_bomb_is_read_as_a_feed_and_nothing_expands() {
    let mut doctype = String::from("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        let refs = format!("&{previous};").repeat(10);
        doctype.push_str(&format!("<!ENTITY lol{level} \"{refs}\">"));
    }
    doctype.push_str("]>");
    let bomb = format!(
        "<?xml version=\"1.0\"?>{doctype}<rss version=\"2.0\"><channel><title>&lol9;</title><item><guid>a</guid><title>Laugh &lol9;</title><description>&lol9;</description></item></channel></rss>"
    );
    assert!(looks_like_feed(bomb.as_bytes(), None));
    let url = Url::parse("http://example.org/feed").unwrap();
    let parsed = parse(bomb.as_bytes(), None, &url, Utc::now());
    let feed = parsed.expect("a feed");
    assert!(feed.title.unwrap_or_default().len() < 100);
    for post in feed.posts {
        assert!(post.title.len() + post.content_html.len() < 100, "{post:?}");
    }
}

#[test]
fn a_feed_of_thousands_of_entries_keeps_the_newest_wherever_they_stand() {
    let mut items = String::new();
    for n in 0..5000 {
        // Oldest first, with the newest of all in the middle.
        let (month, day) = if n == 2500 {
            (11, 30)
        } else {
            (1 + n / 500, 1 + n % 27)
        };
        items.push_str(&format!(
            "<item><guid>e{n}</guid><title>Post {n}</title><pubDate>2026-{month:02}-{day:02}T10:00:00Z</pubDate></item>"
        ));
    }
    let doc = format!(
        "<rss version=\"2.0\"><channel><title>Many</title>{items}<link>http://example.org/</link></channel></rss>"
    );
    let url = Url::parse("http://example.org/feed").unwrap();
    let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 1, 0, 0, 0).unwrap();
    let feed = parse(doc.as_bytes(), None, &url, now).unwrap();
    assert_eq!(feed.title.as_deref(), Some("Many"));
    assert_eq!(feed.posts.len(), MAX_POSTS);
    assert_eq!(feed.posts[0].guid, "e2500");
    assert!(feed.posts.iter().all(|p| p.guid != "e0"));
    let october = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 10, 1, 0, 0, 0).unwrap();
    assert!(feed.posts.iter().all(|p| p.published_at >= Some(october)));
    for post in &feed.posts {
        assert_eq!(post.title, format!("Post {}", &post.guid[1..]));
    }
}

#[test]
fn wordpress_comment_counts_are_kept_and_other_feeds_say_nothing() {
    let wordpress = parse_fixture("wordpress/feed.xml");
    assert_eq!(post(&wordpress, "What I had for lunch").comments, Some(1));
    assert_eq!(
        post(&wordpress, "Thing #3: My feed reader").comments,
        Some(0)
    );
    assert_eq!(post(&wordpress, "Exploring online maps").comments, Some(2));
    let blogger = parse_fixture("blogger/atom.xml");
    assert!(
        blogger.posts.iter().all(|p| p.comments.is_some()),
        "thr:total"
    );
    let jekyll = parse_fixture("jekyll/feed.xml");
    assert!(jekyll.posts.iter().all(|p| p.comments.is_none()));
}

#[test]
fn websub_hub_and_self_are_read_from_atom_and_rss() {
    let atom = parse_str(
        r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
        <link rel="hub" href="https://hub.example/"/><link rel="self" href="https://a.example/feed"/>
        <link rel="alternate" href="https://a.example/"/><id>tag:a,2026:1</id><updated>2026-11-01T00:00:00Z</updated>
        <entry><title>One</title><id>tag:a,2026:e1</id><link href="https://a.example/1"/><updated>2026-11-01T00:00:00Z</updated></entry></feed>"#,
    )
    .unwrap();
    assert_eq!(atom.hub.as_deref(), Some("https://hub.example/"));
    assert_eq!(atom.self_url.as_deref(), Some("https://a.example/feed"));
    assert_eq!(atom.site_url.as_deref(), Some("https://a.example/"));
    let rss = parse_str(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
        <title>R</title><link>https://r.example/</link>
        <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
        <atom:link rel="self" type="application/rss+xml" href="https://r.example/feed/"/>
        <item><title>One</title><link>https://r.example/1</link><guid>https://r.example/1</guid></item>
        </channel></rss>"#,
    )
    .unwrap();
    assert_eq!(
        rss.hub.as_deref(),
        Some("https://pubsubhubbub.appspot.com/")
    );
    assert_eq!(rss.self_url.as_deref(), Some("https://r.example/feed/"));
    assert_eq!(rss.site_url.as_deref(), Some("https://r.example/"));
    let plain = parse_str(
        r#"<rss version="2.0"><channel><title>P</title><link>https://p.example/</link>
        <item><title>One</title><link>https://p.example/1</link></item></channel></rss>"#,
    )
    .unwrap();
    assert_eq!((plain.hub, plain.self_url), (None, None));
}
