//! A post's content: the entry's full content, else its summary, else text given only in
//! Dublin Core, iTunes or Media RSS; plain text made HTML; sanitised and cut to fit.

use feed_rs::model::Entry;
use url::Url;

use super::Format;
use crate::feeds::parse::raw::RawItem;
use crate::feeds::sanitize;

pub(super) const MAX_CONTENT_BYTES: usize = 200 * 1024;

/// The body to show: the full content when there is some, else the summary, as HTML.
pub(super) struct Body {
    pub(super) html: String,
    pub(super) raw: String,
    pub(super) from_content: bool,
}

impl Body {
    pub(super) fn of(entry: &Entry, format: Format) -> Option<Body> {
        let content = entry.content.as_ref().and_then(|c| {
            let kind = c.content_type.to_string().to_ascii_lowercase();
            let readable =
                kind.starts_with("text/") || kind.contains("html") || kind.contains("xml");
            c.body
                .as_ref()
                .filter(|b| readable && !b.trim().is_empty())
                .map(|b| (b.clone(), kind))
        });
        let summary = entry
            .summary
            .as_ref()
            .filter(|s| !s.content.trim().is_empty())
            .map(|s| (s.content.clone(), s.content_type.to_string()));
        let from_content = content.is_some();
        let (raw, kind) = content.or(summary)?;
        // RSS says nothing reliable about its types: treat descriptions as HTML, as readers do.
        let html = if format != Format::Rss && is_plain(&kind) {
            text_to_html(&raw)
        } else {
            raw.clone()
        };
        Some(Body {
            html,
            raw,
            from_content,
        })
    }
}

impl Body {
    /// Text written only as `dc:description`, `itunes:summary` or `media:description`.
    pub(super) fn other(item: &RawItem) -> Option<Body> {
        let text = item.other_text.as_ref().filter(|t| !t.trim().is_empty())?;
        Some(Body {
            html: text.clone(),
            raw: text.clone(),
            from_content: false,
        })
    }
}

pub(super) fn is_plain(content_type: &str) -> bool {
    content_type.to_ascii_lowercase().starts_with("text/plain")
}

pub(super) fn text_to_html(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    escaped
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", p.replace('\n', "<br>")))
        .collect()
}

/// Sanitised, and cut (at a tag boundary, then re-balanced) to fit the size limit.
pub(super) fn capped_html(html: &str, base: &Url) -> String {
    // Sanitising builds a tree of the whole input: cut absurd input before it.
    let html = cut_at_tag(html, MAX_CONTENT_BYTES * 4);
    let mut clean = sanitize::post_html(html, Some(base));
    let mut limit = MAX_CONTENT_BYTES;
    while clean.len() > MAX_CONTENT_BYTES && limit > 1024 {
        clean = sanitize::post_html(cut_at_tag(&clean, limit), None);
        limit = limit * 9 / 10;
    }
    clean
}

/// At most `limit` bytes of `html`, ending before a tag when it has to be cut.
fn cut_at_tag(html: &str, limit: usize) -> &str {
    if html.len() <= limit {
        return html;
    }
    let mut cut = limit;
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = html[..cut].rfind('<').unwrap_or(cut);
    &html[..cut]
}
