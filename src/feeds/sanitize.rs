//! Makes what participants' blogs publish harmless and readable here: an allowlist of
//! tags and attributes for post HTML (ammonia), and plain text for titles and excerpts.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};
use elements::drop_unwanted_elements;
use url::Url;

const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
];

/// Elements dropped together with everything inside them.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "applet", "audio", "button", "canvas", "embed", "form", "frame", "frameset", "math", "noembed",
    "noframes", "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
    "title", "video", "xmp",
];

const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("abbr", &["title"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    (
        "iframe",
        &["src", "width", "height", "title", "allowfullscreen"],
    ),
    ("img", &["src", "alt", "width", "height", "title"]),
    ("ol", &["start"]),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan"]),
    ("time", &["datetime"]),
];

const LINK_REL: &str = "nofollow noopener noreferrer ugc";
const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation";
const MAX_DATA_IMAGE_BYTES: usize = 64 * 1024;

/// Tags that end a line of text, so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "iframe",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Post HTML that is safe to show: allowlisted tags and attributes only, absolute URLs
/// (relative ones resolve against `base`, and are dropped without one), no scripts,
/// styles, event handlers, forms or plugins, no tracking pixels, and only video iframes
/// from YouTube or Vimeo, sandboxed.
pub fn post_html(html: &str, base: Option<&Url>) -> String {
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROPPED_WITH_CONTENT.iter().copied().collect())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
                .collect(),
        )
        .generic_attributes(HashSet::from(["lang", "dir"]))
        .url_schemes(HashSet::from(["http", "https", "mailto", "data"]))
        .link_rel(Some(LINK_REL))
        .url_relative(base.map_or(UrlRelative::Deny, |base| {
            UrlRelative::RewriteWithBase(base.clone())
        }))
        .attribute_filter(filter_attribute);
    drop_unwanted_elements(&builder.clean(html).to_string())
}

/// The text of some HTML: tags dropped (scripts and styles with their content), entities
/// decoded, whitespace collapsed.
pub fn plain_text(html: &str) -> String {
    collapse_whitespace(&text_of(&TEXT, &space_between_blocks(html)))
}

/// The start of the text of some HTML, at most `chars` characters, cut at a word boundary
/// and ended with "…" when cut.
pub fn excerpt(html: &str, chars: usize) -> String {
    shorten(&plain_text(html), chars)
}

/// A title as plain text: tags stripped (their text kept), entities decoded (also double-encoded ones like
/// `&amp;amp;`), control characters dropped, whitespace collapsed, at most 300 characters.
pub fn title(raw: &str) -> String {
    let mut text = if raw.contains(['<', '&']) {
        text_of(&TAGS_ONLY, raw)
    } else {
        raw.to_owned()
    };
    for _ in 0..3 {
        if !has_entity(&text) {
            break;
        }
        text = text_of(&TAGS_ONLY, &text.replace('<', "&lt;"));
    }
    shorten(&collapse_whitespace(&text), 300)
}

fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        ("iframe", "src") => video_src(value).map(Cow::Owned),
        ("img" | "iframe", "width" | "height") => {
            let size = value.trim().trim_end_matches("px");
            (!size.is_empty()
                && size
                    .trim_end_matches('%')
                    .chars()
                    .all(|c| c.is_ascii_digit()))
            .then(|| Cow::Owned(size.to_owned()))
        }
        _ => match Url::parse(value) {
            Ok(url) if url.scheme() == "data" => {
                let image =
                    element == "img" && attribute == "src" && is_safe_data_image(url.as_str());
                image.then_some(Cow::Borrowed(value))
            }
            _ => Some(Cow::Borrowed(value)),
        },
    }
}

fn is_safe_data_image(url: &str) -> bool {
    let types = ["png", "gif", "jpeg", "jpg", "webp", "avif"];
    url.len() <= MAX_DATA_IMAGE_BYTES
        && url
            .strip_prefix("data:image/")
            .and_then(|rest| rest.split_once(";base64,"))
            .is_some_and(|(kind, _)| types.contains(&kind.to_ascii_lowercase().as_str()))
}

/// The https address of a YouTube or Vimeo player, or None for any other frame.
fn video_src(value: &str) -> Option<String> {
    let value = value.trim();
    let absolute = if value.starts_with("//") {
        format!("https:{value}")
    } else {
        value.to_owned()
    };
    let mut url = Url::parse(&absolute).ok()?;
    if !matches!(url.scheme(), "http" | "https")
        || !url.username().is_empty()
        || url.password().is_some()
        || url.port().is_some()
    {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let path = url.path();
    let allowed = match host.as_str() {
        "www.youtube.com" | "youtube.com" | "www.youtube-nocookie.com" | "youtube-nocookie.com" => {
            path.starts_with("/embed/")
        }
        "player.vimeo.com" => path.starts_with("/video/"),
        _ => false,
    };
    if !allowed {
        return None;
    }
    url.set_scheme("https").ok()?;
    Some(url.into())
}

/// Drops tags and, with them, scripts, styles and the like with their content.
static TEXT: LazyLock<Builder<'static>> = LazyLock::new(|| text_builder(DROPPED_WITH_CONTENT));

/// Drops tags only: "Thing 21: <script>alert(1)</script>" reads "Thing 21: alert(1)".
static TAGS_ONLY: LazyLock<Builder<'static>> = LazyLock::new(|| text_builder(&[]));

fn text_builder(dropped_with_content: &[&'static str]) -> Builder<'static> {
    let mut builder = Builder::empty();
    builder
        .clean_content_tags(dropped_with_content.iter().copied().collect())
        .tag_attributes(HashMap::new())
        .link_rel(None);
    builder
}

/// Text content via html5ever (which decodes every HTML entity), then undoing the few
/// escapes its serialiser writes.
fn text_of(builder: &Builder, html: &str) -> String {
    let escaped = builder.clean(html).to_string();
    escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn space_between_blocks(html: &str) -> Cow<'_, str> {
    if !html.contains('<') {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut last = 0;
    for (at, _) in html.match_indices('<') {
        let name: String = html[at + 1..]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if BLOCKS.contains(&name.to_ascii_lowercase().as_str()) {
            out.push_str(&html[last..at]);
            out.push(' ');
            last = at;
        }
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// Whitespace runs become one space, control characters go, the ends are trimmed.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let Some(end) = rest.find(';').filter(|end| (1..=32).contains(end)) else {
            return false;
        };
        let name = &rest[..end];
        match name.strip_prefix('#') {
            Some(number) => {
                let digits = number
                    .strip_prefix(['x', 'X'])
                    .map_or(number.chars().all(|c| c.is_ascii_digit()), |hex| {
                        hex.chars().all(|c| c.is_ascii_hexdigit())
                    });
                !number.is_empty() && digits
            }
            None => {
                name.chars().all(|c| c.is_ascii_alphanumeric())
                    && name.starts_with(|c: char| c.is_ascii_alphabetic())
            }
        }
    })
}

/// At most `max` characters, cut at a word boundary with "…" when something was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let keep = max.saturating_sub(1);
    let cut_at = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
    let mut cut = &text[..cut_at];
    if let Some(space) = cut
        .rfind(char::is_whitespace)
        .filter(|space| *space > cut.len() / 2)
    {
        cut = &cut[..space];
    }
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—([{".contains(c));
    format!("{cut}…")
}

mod elements;
#[cfg(test)]
mod tests;
