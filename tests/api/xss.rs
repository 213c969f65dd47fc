//! Cross-site scripting: every payload of `tests/fixtures/xss/payloads.txt` goes in
//! through feed titles, post titles, post HTML and categories, participant and coordinator
//! names, blog titles and lesson text; no executable markup may come out of any page, email
//! or output feed. The checker tokenises the output as a browser would (html5ever) rather
//! than searching for substrings, and is itself shown to catch the raw payloads.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use sea_orm::EntityTrait;

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{TestApp, days_from_today, spawn_app_with, stderr};
use crate::signin::{cookie_pair, emailed_token, sign_in};

fn payloads() -> Vec<String> {
    let file =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss/payloads.txt");
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("\\n", "\n"))
        .collect()
}

/// Elements that run code, load code or change where the page's links and forms go.
const EXECUTABLE_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "meta",
    "style", "svg", "math", "isindex", "form", "template", "noscript",
];
/// Attributes that hold an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "background",
    "poster",
    "codebase",
    "cite",
    "lowsrc",
    "dynsrc",
    "ping",
    "srcset",
    "to",
    "values",
    "from",
];

struct Finder<'a> {
    found: RefCell<Vec<String>>,
    /// Elements the page itself legitimately has (its own stylesheet link, its forms).
    allowed: &'a [(&'a str, &'a str, &'a str)],
}

fn is_dangerous_url(value: &str) -> bool {
    let normal: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{2028}')
        .collect::<String>()
        .to_ascii_lowercase();
    normal.starts_with("javascript:")
        || normal.starts_with("vbscript:")
        || (normal.starts_with("data:")
            && ![
                "data:image/png",
                "data:image/gif",
                "data:image/jpeg",
                "data:image/webp",
            ]
            .iter()
            .any(|safe| normal.starts_with(safe)))
}

impl TokenSink for Finder<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let name = tag.name.to_string();
        let attribute = |wanted: &str| {
            tag.attrs
                .iter()
                .find(|a| a.name.local.to_string().eq_ignore_ascii_case(wanted))
                .map(|a| a.value.to_string())
                .unwrap_or_default()
        };
        let allowed = self.allowed.iter().any(|(element, key, value)| {
            *element == name && (key.is_empty() || attribute(key).starts_with(value))
        });
        let mut found = self.found.borrow_mut();
        if EXECUTABLE_ELEMENTS.contains(&name.as_str()) && !allowed {
            found.push(format!("<{name}> element"));
        }
        for attr in &tag.attrs {
            let key = attr.name.local.to_string().to_ascii_lowercase();
            let key = match &attr.name.prefix {
                Some(prefix) => format!("{prefix}:{key}"),
                None => key,
            };
            let value = attr.value.to_string();
            if key.starts_with("on") {
                found.push(format!("<{name} {key}> event handler"));
            }
            if key == "srcdoc" {
                found.push(format!("<{name} srcdoc>"));
            }
            if key == "style" {
                let style = value.to_ascii_lowercase().replace("/**/", "");
                if [
                    "expression",
                    "javascript:",
                    "behavior",
                    "-moz-binding",
                    "url(",
                ]
                .iter()
                .any(|bad| style.contains(bad))
                {
                    found.push(format!("<{name} style={value:?}>"));
                }
            }
            if (URL_ATTRIBUTES.contains(&key.as_str()) || key == "content")
                && is_dangerous_url(&value)
            {
                found.push(format!("<{name} {key}={value:?}>"));
            }
            if key == "content" && value.to_ascii_lowercase().contains("url=") {
                let target = value.to_ascii_lowercase();
                let target = target.split("url=").nth(1).unwrap_or_default();
                if is_dangerous_url(target) {
                    found.push(format!("<{name} content={value:?}>"));
                }
            }
        }
        // Switch to the text states a browser switches to, so escaped text stays text.
        match name.as_str() {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Everything in `html` a browser would run: script-ish elements, event handlers,
/// `javascript:`/`vbscript:`/`data:` addresses, CSS expressions. `allowed` lists the
/// page's own elements as (element, attribute, value prefix).
pub fn executable_markup(html: &str, allowed: &[(&str, &str, &str)]) -> Vec<String> {
    let sink = Finder {
        found: RefCell::new(Vec::new()),
        allowed,
    };
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.found.take()
}

/// The page's own markup: its stylesheet, icon and feed links, its viewport meta, and forms
/// posting to itself.
const PAGE_OWN: &[(&str, &str, &str)] = &[
    ("link", "href", "/static/style.css"),
    ("link", "href", "/favicon.svg"),
    ("link", "href", "/cohorts/"),
    ("meta", "charset", ""),
    ("meta", "name", "viewport"),
    ("form", "action", "/"),
    ("form", "method", "post"),
];

fn assert_clean(what: &str, html: &str) {
    let found = executable_markup(html, PAGE_OWN);
    assert!(found.is_empty(), "{what}: {found:?}");
}

#[test]
fn the_checker_catches_the_raw_payloads() {
    let payloads = payloads();
    assert!(payloads.len() >= 100, "{} payloads", payloads.len());
    let caught = payloads
        .iter()
        .filter(|p| !executable_markup(p, &[]).is_empty())
        .count();
    // The rest are text that only becomes markup in an attribute or after a parser
    // mutation (`"onmouseover="alert(1)`): they are caught once they land somewhere.
    assert!(
        caught * 100 >= payloads.len() * 85,
        "caught {caught} of {}",
        payloads.len()
    );
    for raw in [
        "<ScRiPt>alert(1)</ScRiPt>",
        "<img src=x OnError=alert(1)>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
    ] {
        assert!(!executable_markup(raw, &[]).is_empty(), "{raw}");
    }
    assert!(executable_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", &[]).is_empty());
    assert!(executable_markup("<textarea><script>alert(1)</script></textarea>", &[]).is_empty());
    assert!(executable_markup("<a href=\"https://example.org/\">ok</a>", &[]).is_empty());
}

fn rss(title: &str, items: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{}</title><link>http://blog.example/</link>{items}</channel></rss>",
        escape(title)
    )
    .into_bytes()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn posts_feed(payloads: &[String]) -> Vec<u8> {
    let when = httpdate::fmt_http_date(
        std::time::SystemTime::now() - std::time::Duration::from_secs(86_400),
    );
    let mut items: String = payloads
        .iter()
        .enumerate()
        .map(|(n, payload)| {
            format!(
                "<item><guid isPermaLink=\"false\">p{n}</guid><title>{t}</title><link>http://blog.example/{n}</link><category>{t}</category><pubDate>{when}</pubDate><description>{t}</description></item>",
                t = escape(payload)
            )
        })
        .collect();
    items.push_str(&format!(
        "<item><guid isPermaLink=\"false\">js</guid><title>A javascript link</title><link>javascript:alert(1)</link><pubDate>{when}</pubDate><description>x</description></item>"
    ));
    rss("Payloads", &items)
}

fn lessons_with(payloads: &[String], dir: &std::path::Path) -> std::path::PathBuf {
    let lessons = dir.join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    for entry in std::fs::read_dir(crate::helpers::lessons_dir()).unwrap() {
        let entry = entry.unwrap();
        if !entry.path().is_file() {
            continue;
        }
        let mut text = std::fs::read_to_string(entry.path()).unwrap();
        if entry.file_name().to_string_lossy().starts_with("01-") {
            for payload in payloads {
                text.push_str(&format!("\n\n{payload}\n"));
            }
        }
        std::fs::write(lessons.join(entry.file_name()), text).unwrap();
    }
    lessons
}

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    let mut request = app.client.get(format!("{}{path}", app.address));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The HTML part of a message, decoded (quoted-printable or base64).
fn html_part(data: &str) -> Option<String> {
    let at = data.to_ascii_lowercase().find("content-type: text/html")?;
    let part = &data[at..];
    let (head, body) = part.split_once("\r\n\r\n")?;
    let body = body.split("\r\n--").next().unwrap_or_default();
    let head = head.to_ascii_lowercase();
    Some(if head.contains("base64") {
        String::from_utf8_lossy(&base64(body)).into_owned()
    } else if head.contains("quoted-printable") {
        String::from_utf8_lossy(&quoted_printable(body)).into_owned()
    } else {
        body.to_owned()
    })
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.replace("=\r\n", "").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("zz"), 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let Some(value) = ALPHABET.iter().position(|a| *a == c) else {
            continue;
        };
        buffer = (buffer << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_payload_executes_on_any_page_email_or_output_feed() {
    let payloads = payloads();
    let lessons_dir = tempfile::tempdir().unwrap();
    let lessons = lessons_with(&payloads, lessons_dir.path());
    let app = spawn_app_with(|config| config.lessons_dir = lessons).await;
    app.create_cohort("xss", days_from_today(-7), &[]);
    let host = BlogHost::start(&app.address).await;
    host.set_fault(
        "/posts/feed.xml",
        Fault::Body("application/rss+xml".into(), posts_feed(&payloads)),
    );
    let blog_titles = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
    ];
    for (n, title) in blog_titles.iter().enumerate() {
        host.set_fault(
            &format!("/titled/{n}.xml"),
            Fault::Body("application/rss+xml".into(), rss(title, "")),
        );
    }

    // Blogs first (as the CLI adds them, with discovery), then everyone else by name only.
    app.add_participant(
        "xss",
        "<b onmouseover=alert(1)>Mallory</b>",
        "mallory@example.org",
        &host.url("/posts/feed.xml"),
    );
    for (n, title) in blog_titles.iter().enumerate() {
        app.add_participant(
            "xss",
            title,
            &format!("blog{n}@example.org"),
            &host.url(&format!("/titled/{n}.xml")),
        );
    }
    let db = &app.state.db;
    let cohort = twentythree::cohorts::find(db, "xss")
        .await
        .unwrap()
        .unwrap();
    let mut named = 0;
    for (n, payload) in payloads.iter().enumerate() {
        let name: String = payload.chars().take(100).collect();
        let Ok(new) = twentythree::people::NewParticipant::parse(
            &name,
            &format!("p{n}@example.org"),
            "http://blog.example/",
        ) else {
            continue;
        };
        if twentythree::people::add_participant(db, &cohort, &new, chrono::Utc::now())
            .await
            .is_ok()
        {
            named += 1;
        }
    }
    assert!(named >= 100, "only {named} payloads became names");
    let output = app.run_cli(&[
        "coordinator",
        "add",
        "--email",
        "cora@example.org",
        "--name",
        "<script>alert('cora')</script>",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = app.poll_feeds().await;
    assert_eq!(summary.read, 1 + blog_titles.len(), "{summary}");
    assert!(
        twentythree::entities::post::Entity::find()
            .all(db)
            .await
            .unwrap()
            .len()
            > payloads.len()
    );

    let mut checked = 0;
    for path in [
        "/",
        "/lessons",
        "/lessons/1",
        "/cohorts/xss",
        "/cohorts/xss/finishers",
        "/join",
        "/login",
    ] {
        let (status, body) = page(&app, path, None).await;
        assert_eq!(status, 200, "{path}");
        assert_clean(path, &body);
        checked += 1;
    }
    let (_, lesson) = page(&app, "/lessons/1", None).await;
    assert!(
        lesson.contains("alert(1)"),
        "the lesson text is shown (as text)"
    );
    for n in 1..=10 {
        let path = format!("/cohorts/xss/posts?page={n}");
        let (status, body) = page(&app, &path, None).await;
        if status != 200 {
            break;
        }
        assert_clean(&path, &body);
        checked += 1;
    }
    let (_, progress) = app.get_json("/api/v1/cohorts/xss/progress").await;
    let people = progress["participants"].as_array().unwrap();
    assert!(people.len() > 100);
    for person in people {
        let path = format!("/cohorts/xss/people/{}", person["id"]);
        let (status, body) = page(&app, &path, None).await;
        assert_eq!(status, 200, "{path}");
        assert_clean(&path, &body);
        checked += 1;
    }

    // Signed in: the participant's own page, and the coordinator's.
    let token = emailed_token(&app, "mallory@example.org").await;
    let (_, cookie) = sign_in(&app, &token).await;
    let cookie = cookie_pair(&cookie.expect("a session"));
    let (status, me) = page(&app, "/me", Some(&cookie)).await;
    assert_eq!(status, 200);
    assert!(me.contains("Mallory"));
    assert_clean("/me", &me);
    let token = emailed_token(&app, "cora@example.org").await;
    let (_, cookie) = sign_in(&app, &token).await;
    let cookie = cookie_pair(&cookie.expect("a session"));
    for path in [
        "/coordinator/mail",
        "/me",
        "/cohorts/xss",
        "/cohorts/xss/posts",
    ] {
        let (status, body) = page(&app, path, Some(&cookie)).await;
        assert!(status < 400, "{path}: {status}");
        assert_clean(&format!("{path} as coordinator"), &body);
        checked += 1;
    }

    // Output feeds.
    let (_, atom) = page(&app, "/cohorts/xss/feed.atom", None).await;
    let feed = feed_rs::parser::parse(atom.as_bytes()).expect("the Atom feed parses");
    assert!(feed.entries.len() >= 50);
    for entry in &feed.entries {
        if let Some(body) = entry.content.as_ref().and_then(|c| c.body.as_deref()) {
            assert_clean("Atom content", body);
        }
        if let Some(summary) = entry
            .summary
            .as_ref()
            .filter(|s| s.content_type.to_string().contains("html"))
        {
            assert_clean("Atom summary", &summary.content);
        }
        assert!(
            entry.links.iter().all(|l| !is_dangerous_url(&l.href)),
            "Atom link"
        );
    }
    let (_, json) = page(&app, "/cohorts/xss/feed.json", None).await;
    let json: serde_json::Value = serde_json::from_str(&json).expect("the JSON feed parses");
    for item in json["items"].as_array().unwrap() {
        assert_clean(
            "JSON Feed content_html",
            item["content_html"].as_str().unwrap_or_default(),
        );
        assert!(
            !is_dangerous_url(item["url"].as_str().unwrap_or_default()),
            "JSON Feed url"
        );
    }
    let (_, opml) = page(&app, "/cohorts/xss/blogroll.opml", None).await;
    let mut reader = quick_xml::Reader::from_str(&opml);
    let mut outlines = 0;
    loop {
        match reader.read_event().expect("the OPML is well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                for attr in e.attributes() {
                    let attr = attr.unwrap();
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap();
                    let key = attr.key.as_ref().to_ascii_lowercase();
                    if key.ends_with("url") {
                        assert!(!is_dangerous_url(&value), "OPML {key}={value}");
                    }
                }
                outlines += usize::from(e.local_name().as_ref() == "outline");
            }
            _ => {}
        }
    }
    assert!(outlines >= blog_titles.len());

    // Mail: the sign-in links went to people named with payloads.
    app.send_mail().await;
    let messages = app.smtp.messages();
    assert!(messages.len() >= 2);
    for message in &messages {
        let html = html_part(&message.data).expect("an HTML part");
        assert_clean(&format!("email {}", message.kind()), &html);
    }
    assert!(checked > 100, "{checked} pages checked");
}
