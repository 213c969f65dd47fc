use super::*;

fn fixture(path: &str) -> String {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/blogs")
        .join(path);
    std::fs::read_to_string(file)
        .unwrap()
        .replace("{{host}}", "127.0.0.1:9")
}

fn url(s: &str) -> Url {
    Url::parse(s).unwrap()
}

#[test]
fn prefers_the_posts_feed_and_ignores_wp_json() {
    let links = read_page(&fixture("wordpress/index.html"));
    let candidates = feed_candidates(&links);
    assert_eq!(candidates[0], "http://127.0.0.1:9/wordpress/feed/");
    assert!(candidates.iter().all(|c| !c.contains("wp-json")));
    assert_eq!(
        platform_of_page(&links, &url("http://127.0.0.1:9/wordpress/")),
        Some("WordPress")
    );
}

#[test]
fn recognises_platforms_from_their_pages() {
    for (page, platform) in [
        ("blogger/index.html", Some("Blogger")),
        ("ghost/index.html", Some("Ghost")),
        ("hugo/index.html", Some("Hugo")),
        ("jekyll/index.html", Some("Jekyll")),
        ("medium/index.html", Some("Medium")),
        ("microblog/index.html", Some("Micro.blog")),
        ("mastodon/index.html", Some("Mastodon")),
        ("html-not-feed/index.html", None),
    ] {
        let links = read_page(&fixture(page));
        assert_eq!(
            platform_of_page(&links, &url("http://127.0.0.1:9/")),
            platform,
            "{page}"
        );
    }
}

#[test]
fn finds_no_feed_in_a_page_with_only_a_language_alternate() {
    assert!(feed_candidates(&read_page(&fixture("html-not-feed/index.html"))).is_empty());
}

#[test]
fn survives_broken_markup() {
    let links = read_page(
        "<html><head><link rel=alternate type='application/rss+xml' href=/feed <meta name=generator content=x",
    );
    assert!(links.alternates.len() <= 1);
    assert!(read_page("").alternates.is_empty());
}

#[test]
fn a_long_page_is_cut_between_characters() {
    // A three-byte character straddling the cut used to panic the slice.
    let page = format!("{}\u{20ac}<link rel=alternate>", "a".repeat(MAX_PAGE - 1));
    assert!(read_page(&page).alternates.is_empty());
}

#[test]
fn probes_the_current_folder_then_the_root() {
    let urls = probe_urls(&url("https://example.org/blog/index.html"));
    assert_eq!(urls[0].as_str(), "https://example.org/blog/feed/");
    assert!(
        urls.iter()
            .any(|u| u.as_str() == "https://example.org/feeds/posts/default")
    );
}
