use super::*;

fn url() -> Url {
    Url::parse("http://blog.example/feed.xml").expect("url")
}

#[test]
fn rss_items_keep_raw_dates_ids_and_subjects() {
    let doc = r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
            <item><guid isPermaLink="false"> a-1 </guid><pubDate>Mon, 5 Oct 2026 10:00:00 CEST</pubDate><dc:date>2020-01-01</dc:date><dc:subject>thing7</dc:subject><link>http://x/</link></item>
            <item><dc:date>2026-10-01 09:30:00</dc:date><description>d</description></item>
        </channel></rss>"#;
    let raw = scan(doc, &url()).expect("well-formed");
    assert_eq!(raw.root, "rss");
    assert_eq!(raw.items.len(), 2);
    let first = &raw.items[0];
    assert_eq!(first.id.as_deref(), Some("a-1"));
    assert!(!first.guid_is_permalink);
    assert_eq!(
        first.published.as_deref(),
        Some("Mon, 5 Oct 2026 10:00:00 CEST")
    );
    assert_eq!(first.subjects, ["thing7"]);
    assert_eq!(first.link_text.as_deref(), Some("http://x/"));
    assert_eq!(
        raw.items[1].published.as_deref(),
        Some("2026-10-01 09:30:00")
    );
    assert_eq!(raw.items[1].link_text, None);
}

#[test]
fn wordpress_comment_counts_are_kept() {
    let text = r#"<rss version="2.0" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel>
            <item><guid>a</guid><slash:comments>3</slash:comments></item>
            <item><guid>b</guid><slash:comments>0</slash:comments></item>
            <item><guid>c</guid></item>
            <item><guid>d</guid><slash:comments>lots</slash:comments></item>
            </channel></rss>"#;
    let doc = scan(text, &url()).unwrap();
    let counts: Vec<Option<i32>> = doc.items.iter().map(|i| i.comments).collect();
    assert_eq!(counts, [Some(3), Some(0), None, None]);
}

#[test]
fn atom_xml_base_scopes_are_resolved() {
    let doc = r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://h/relative/">
            <entry><id>1</id><updated>2026-10-01T00:00:00Z</updated><content type="html">x</content></entry>
            <entry xml:base="archive/"><id>2</id><content type="html" xml:base="deeper/">x</content><summary>s</summary></entry>
            <entry><id>3</id><link href="x"/></entry>
        </feed>"#;
    let raw = scan(doc, &url()).expect("well-formed");
    let bases: Vec<_> = raw
        .items
        .iter()
        .map(|i| i.content_base.as_ref().map(Url::as_str))
        .collect();
    assert_eq!(
        bases,
        [
            Some("http://h/relative/"),
            Some("http://h/relative/archive/deeper/"),
            Some("http://h/relative/")
        ]
    );
    assert_eq!(
        raw.items[1].summary_base.as_ref().map(Url::as_str),
        Some("http://h/relative/archive/")
    );
    assert_eq!(
        raw.items[0].updated.as_deref(),
        Some("2026-10-01T00:00:00Z")
    );
    assert_eq!(raw.visible, 3);
}

#[test]
fn broken_xml_says_where() {
    let doc = "<rss version=\"2.0\">\n<channel>\n<item><title>a</titel></item>";
    let problem = scan(doc, &url()).expect_err("broken");
    assert_eq!(problem.line, 3);
    assert!(
        problem.message.contains("<title> is closed by </titel>"),
        "{}",
        problem.message
    );
    let cut = "<rss version=\"2.0\">\n<channel>\n<item><description><![CDATA[abc";
    assert_eq!(
        scan(cut, &url()).expect_err("cut").message,
        "a CDATA section is never closed"
    );
    let unclosed = "<rss version=\"2.0\">\n<channel>\n";
    assert_eq!(
        scan(unclosed, &url()).expect_err("unclosed").message,
        "the document ends before <channel> is closed"
    );
}
