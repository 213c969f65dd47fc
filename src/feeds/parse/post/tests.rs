use super::body::{MAX_CONTENT_BYTES, text_to_html};
use super::*;

#[test]
fn permalinks_normalise_into_identities() {
    let url =
        Url::parse("HTTP://Blog.Example/a/?utm_source=rss&p=3&UTM_medium=x#comments").expect("url");
    assert_eq!(normalised(&url), "http://blog.example/a/?p=3");
    let url = Url::parse("https://blog.example/a?utm_source=rss").expect("url");
    assert_eq!(normalised(&url), "https://blog.example/a");
}

#[test]
fn plausible_dates() {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 12, 0, 0)
        .single()
        .expect("date");
    assert!(is_plausible(now + chrono::Duration::hours(23), now));
    assert!(!is_plausible(now + chrono::Duration::hours(25), now));
    assert!(is_plausible(
        Utc.with_ymd_and_hms(1995, 1, 1, 0, 0, 0)
            .single()
            .expect("date"),
        now
    ));
    assert!(!is_plausible(
        Utc.with_ymd_and_hms(1994, 12, 31, 23, 59, 59)
            .single()
            .expect("date"),
        now
    ));
}

#[test]
fn plain_text_bodies_become_paragraphs() {
    assert_eq!(
        text_to_html("One <b>\nline\n\nTwo & three"),
        "<p>One &lt;b&gt;<br>line</p><p>Two &amp; three</p>"
    );
}

#[test]
fn oversized_content_is_cut_to_size_and_stays_balanced() {
    let html = "<p>".to_owned() + &"<em>word</em> ".repeat(30_000) + "</p>";
    let base = Url::parse("http://blog.example/").expect("url");
    let capped = capped_html(&html, &base);
    assert!(capped.len() <= MAX_CONTENT_BYTES, "{}", capped.len());
    assert!(capped.len() > MAX_CONTENT_BYTES / 2);
    assert!(capped.ends_with("</p>"), "{}", &capped[capped.len() - 40..]);
}
