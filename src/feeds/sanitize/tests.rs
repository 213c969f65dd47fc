use super::*;

fn base() -> Url {
    Url::parse("http://blog.example/2026/10/post/").expect("url")
}

#[test]
fn scripts_styles_handlers_forms_and_plugins_are_gone() {
    let html = r#"<p onclick="x()" style="position:fixed">Hi <script>alert(1)</script><b>there</b></p><style>p{}</style>
            <form action="https://evil.example"><input name=p><button>Go</button></form><object data="x.swf"></object><embed src="x.swf">
            <svg onload=alert(1)><circle r=1 /></svg><meta http-equiv="refresh" content="0"><base href="https://evil.example/"><noscript><img src="n.png"></noscript>"#;
    let clean = post_html(html, Some(&base()));
    assert_eq!(
        clean.split_whitespace().collect::<Vec<_>>().join(" "),
        "<p>Hi <b>there</b></p>"
    );
}

#[test]
fn dangerous_urls_are_dropped_and_links_are_safe() {
    let html = r#"<a href="  JaVaScRiPt:alert(1)">a</a><a href="vbscript:x">b</a><a href="data:text/html;base64,PHNjcmlwdD4=">c</a><a href="/ok">d</a>"#;
    let clean = post_html(html, Some(&base()));
    assert_eq!(
        clean,
        r#"<a rel="nofollow noopener noreferrer ugc">a</a><a rel="nofollow noopener noreferrer ugc">b</a><a rel="nofollow noopener noreferrer ugc">c</a><a href="http://blog.example/ok" rel="nofollow noopener noreferrer ugc">d</a>"#
    );
}

#[test]
fn relative_urls_resolve_against_the_base_or_go() {
    let html = r#"<img src="images/pic.png" alt="A"><a href="../../other/">o</a>"#;
    assert_eq!(
        post_html(html, Some(&base())),
        r#"<img src="http://blog.example/2026/10/post/images/pic.png" alt="A"><a href="http://blog.example/2026/other/" rel="nofollow noopener noreferrer ugc">o</a>"#
    );
    assert_eq!(
        post_html(html, None),
        r#"<a rel="nofollow noopener noreferrer ugc">o</a>"#
    );
}

#[test]
fn tracking_pixels_and_sourceless_images_are_dropped() {
    let html = r#"<p>a<img src="https://t.example/p.gif" width="1" height="1"><img src="https://t.example/q.gif" height="0px"><img src="javascript:x"><img src="https://e.example/real.png" width="640"></p>"#;
    assert_eq!(
        post_html(html, Some(&base())),
        r#"<p>a<img src="https://e.example/real.png" width="640"></p>"#
    );
}

#[test]
fn data_images_only() {
    let png = "data:image/png;base64,iVBORw0KGgo=";
    assert_eq!(
        post_html(&format!(r#"<img src="{png}">"#), None),
        format!(r#"<img src="{png}">"#)
    );
    assert_eq!(
        post_html(r#"<img src="data:image/svg+xml;base64,PHN2Zz4=">"#, None),
        ""
    );
    assert_eq!(
        post_html(&format!(r#"<a href="{png}">x</a>"#), None),
        r#"<a rel="nofollow noopener noreferrer ugc">x</a>"#
    );
}

#[test]
fn only_video_frames_stay_and_they_are_sandboxed() {
    let html = r#"<iframe src="https://evil.example/"></iframe><iframe width="560" src="https://www.youtube.com/embed/abc123" allow="camera" allowfullscreen>fallback <script>x</script></iframe><iframe src="//player.vimeo.com/video/1"></iframe><iframe src="http://www.youtube-nocookie.com/embed/x"></iframe><iframe src="https://www.youtube.com/watch?v=1"></iframe>"#;
    let clean = post_html(html, Some(&base()));
    assert_eq!(
        clean,
        concat!(
            r#"<iframe width="560" src="https://www.youtube.com/embed/abc123" allowfullscreen="" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy"></iframe>"#,
            r#"<iframe src="https://player.vimeo.com/video/1" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy"></iframe>"#,
            r#"<iframe src="https://www.youtube-nocookie.com/embed/x" sandbox="allow-scripts allow-same-origin allow-presentation" loading="lazy"></iframe>"#,
        )
    );
}

#[test]
fn escaped_markup_stays_text() {
    let clean = post_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", None);
    assert_eq!(clean, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}

#[test]
fn plain_text_and_excerpts() {
    assert_eq!(
        plain_text(
            "<p>One&nbsp;two</p><p>three &amp; <em>fo</em>ur</p><script>x</script><ul><li>a</li><li>b</li></ul>"
        ),
        "One two three & four a b"
    );
    let long = "<p>".to_owned() + &"word ".repeat(100) + "</p>";
    let short = excerpt(&long, 30);
    assert!(short.ends_with("word…"), "{short}");
    assert!(short.chars().count() <= 30);
    assert_eq!(excerpt("<p>Short one.</p>", 300), "Short one.");
}

#[test]
fn titles_are_plain_text() {
    assert_eq!(
        title("Thing 21: <script>alert(1)</script>"),
        "Thing 21: alert(1)"
    );
    assert_eq!(title("<b>bold</b> &amp;lt;script&amp;gt;"), "bold <script>");
    assert_eq!(title("Caf&eacute; &amp;amp; cake"), "Café & cake");
    assert_eq!(
        title("  Comment on X\n\t\tby Y \u{0}\u{85}"),
        "Comment on X by Y"
    );
    assert_eq!(title("Fish & Chips, 1 < 2"), "Fish & Chips, 1 < 2");
    assert_eq!(title("Pat&#039;s 23 Things"), "Pat's 23 Things");
    let long = title(&"long ".repeat(100));
    assert!(
        long.chars().count() <= 300 && long.chars().count() > 290 && long.ends_with("long…"),
        "{long}"
    );
}
