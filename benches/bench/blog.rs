//! The generated blogs: WordPress-shaped RSS 2.0 feeds of 20 posts of about 3 KB of HTML
//! each, with categories, as `wordpress.org` publishes them.

use std::fmt::Write;

use chrono::{DateTime, Duration, TimeZone, Utc};

/// Posts in a feed (WordPress's "Syndication feeds show the most recent" setting).
pub const POSTS: u32 = 20;

/// The day the newest posts were written: the freshest blogs posted then.
fn newest() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 3, 9, 30, 0)
        .single()
        .unwrap_or_default()
}

/// When post `n` (1-based, oldest first) of `blog` was published: every third day back
/// from its newest post, which is `blog % 30` days before [`newest`] (so some stall).
/// Posts after the 20th are new: written the day after.
pub fn published(blog: u32, n: u32) -> DateTime<Utc> {
    if n > POSTS {
        return newest() + Duration::days(1) + Duration::hours(i64::from(n - POSTS));
    }
    newest() - Duration::days(i64::from(blog % 30) + 3 * i64::from(POSTS - n))
}

/// Which thing post `n` is about: post n is about thing n; every fifth post is about
/// nothing the server can tell (a claimable post).
fn thing(n: u32) -> Option<u32> {
    (!n.is_multiple_of(5)).then_some(n)
}

const PARAGRAPH: &str = "I spent the week trying this out with two colleagues from the \
    reference desk. What surprised me most was how little time it took once we stopped \
    reading the manual and simply clicked around; what went wrong was mostly our own \
    impatience. Here is what I would tell a patron who asked about it tomorrow, and what I \
    saw others in the cohort do differently. ";

fn content(blog: u32, n: u32, host: &str) -> String {
    let mut html = String::with_capacity(3200);
    for p in 0..3 {
        let _ = writeln!(
            html,
            "<p>{PARAGRAPH}<strong>Note {p}</strong> from <a href=\"http://{host}/{blog}/notes/{p}\">my notes</a>.</p>"
        );
    }
    let _ = write!(
        html,
        "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" width=\"1024\" height=\"768\" \
         src=\"http://{host}/{blog}/wp-content/uploads/2026/11/shot-{n}.jpg\" alt=\"A screenshot\" \
         class=\"wp-image-{n}\" /></figure>\n<ul><li>What I tried</li><li>What went wrong</li>\
         <li>What I will try next</li></ul>\n<p>{PARAGRAPH}</p>\n"
    );
    html
}

/// The feed of `blog` on `host` ("127.0.1.7:8080"), with `extra` new posts after the 20.
pub fn feed(blog: u32, host: &str, extra: u32) -> String {
    let mut xml = String::with_capacity(60 * 1024);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"\n\
         \txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n\
         \txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n\
         \txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n\
         \txmlns:atom=\"http://www.w3.org/2005/Atom\"\n\
         \txmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\"\n\
         \txmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"\n\t>\n<channel>\n\
         \t<title>Learning out loud, blog {blog}</title>\n\
         \t<atom:link href=\"http://{host}/{blog}/feed/\" rel=\"self\" type=\"application/rss+xml\" />\n\
         \t<link>http://{host}/{blog}</link>\n\t<description>23 Things at the library</description>\n\
         \t<language>en-US</language>\n\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\
         \t<generator>https://wordpress.org/?v=6.6</generator>\n"
    );
    let last = POSTS + extra;
    for n in (extra + 1..=last).rev() {
        item(&mut xml, blog, n, host);
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

fn item(xml: &mut String, blog: u32, n: u32, host: &str) {
    let date = published(blog, n).to_rfc2822();
    let (title, category) = match thing(n) {
        Some(t) if n.is_multiple_of(2) => {
            (format!("Thing {t}: what I learned"), format!("Thing {t}"))
        }
        Some(t) => (format!("Week notes, part {n}"), format!("thing{t}")),
        None => (
            format!("A quiet week, part {n}"),
            "Uncategorized".to_owned(),
        ),
    };
    let link = format!("http://{host}/{blog}/2026/{n}/post-{n}/");
    let _ = write!(
        xml,
        "\t<item>\n\t\t<title>{title}</title>\n\t\t<link>{link}</link>\n\
         \t\t<comments>{link}#respond</comments>\n\t\t<dc:creator><![CDATA[blogger{blog}]]></dc:creator>\n\
         \t\t<pubDate>{date}</pubDate>\n\t\t<category><![CDATA[{category}]]></category>\n\
         \t\t<category><![CDATA[23 Things]]></category>\n\
         \t\t<guid isPermaLink=\"false\">http://{host}/{blog}/?p={n}</guid>\n\
         \t\t<description><![CDATA[{} [&#8230;]]]></description>\n\
         \t\t<content:encoded><![CDATA[{}]]></content:encoded>\n\
         \t\t<wfw:commentRss>{link}feed/</wfw:commentRss>\n\t\t<slash:comments>0</slash:comments>\n\t</item>\n",
        &PARAGRAPH[..200],
        content(blog, n, host)
    );
}

/// The raw HTML of every post of a feed, as [`feed`] puts it in `content:encoded`.
pub fn contents(blog: u32, host: &str) -> Vec<String> {
    (1..=POSTS).map(|n| content(blog, n, host)).collect()
}
