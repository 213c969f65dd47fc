//! Turns the bytes of a fetched feed into posts: detects the encoding, repairs what real
//! blogs get wrong, parses with feed-rs, and gives every post a stable identity, a clean
//! title, sanitised content, its categories and plausible dates. Pure and synchronous;
//! [`parse_async`] runs it on the blocking pool, where a parser panic becomes an error.

mod dates;
mod encoding;
mod inline_html;
mod items;
mod newest;
mod post;
mod raw;
mod repair;
mod reshape;
mod sniff;
#[cfg(test)]
mod tests;

use std::panic::AssertUnwindSafe;
use std::time::Duration;

use chrono::{DateTime, Utc};
use feed_rs::model::{Feed, FeedType};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use url::Url;

use crate::feeds::sanitize;
use crate::i18n::Text;
pub use items::{Items, Unread};
use newest::keep_newest;
use raw::RawItem;
pub use sniff::looks_like_feed;
use sniff::{is_feed_root, is_html_root, root_element};

/// The most posts one parse returns; the newest are kept.
pub const MAX_POSTS: usize = 300;
/// The most entries of one document given to the full parse: past it only the newest are
/// kept, cut from the text first, so a feed of 100,000 entries costs what one of a thousand does.
const MAX_ENTRIES_READ: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    /// Plain text.
    pub title: Option<String>,
    /// The blog's home page (absolute), if the feed says.
    pub site_url: Option<String>,
    /// RSS `<ttl>`.
    pub ttl: Option<Duration>,
    /// The feed's own date (RSS `lastBuildDate` or `pubDate`, Atom `updated`), if plausible.
    pub updated_at: Option<DateTime<Utc>>,
    /// Newest first, at most [`MAX_POSTS`].
    pub posts: Vec<ParsedPost>,
    /// How many posts the document visibly holds, and how many of them could not be read.
    pub items: Items,
    /// The WebSub hub the feed advertises (`<link rel="hub">`, or `<atom:link rel="hub">`
    /// in RSS), the first one when it names several.
    pub hub: Option<String>,
    /// The address the feed names itself by (`rel="self"`): the WebSub topic.
    pub self_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPost {
    /// Stable identity: the entry's own id, else its normalised permalink, else `h:` and a
    /// hash of the title and the start of the content. Unique within the feed.
    pub guid: String,
    /// Absolute http(s) permalink.
    pub link: Option<String>,
    /// Plain text, never empty.
    pub title: String,
    /// Sanitised HTML, at most 200 KB.
    pub content_html: String,
    /// Plain text, about 300 characters.
    pub excerpt: String,
    /// Every category, tag, label or hashtag as published: trimmed, deduplicated, at most
    /// 50, each at most 100 characters.
    pub categories: Vec<String>,
    /// The date as written in the document.
    pub published_raw: Option<String>,
    /// None when missing or absurd (after now + 1 day, or before 1995).
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// How many comments the feed says the post has; `None` when it does not say.
    pub comments: Option<i32>,
}

/// Why a feed could not be read, in words a participant understands ([`ParseError::text`]
/// in their language; `Display` in English). The parsers' own messages (`message`,
/// `reason`) are technical details, given as they are.
#[derive(Debug)]
pub enum ParseError {
    Empty,
    WebPage,
    NotJsonFeed,
    /// An XML document whose root element is not a feed's.
    NotFeedXml(String),
    Unrecognised,
    InvalidXml {
        message: String,
        line: usize,
    },
    InvalidJson {
        message: String,
        line: usize,
    },
    Unreadable {
        reason: String,
        source: ParseFeedError,
    },
    /// None of the `seen` items gave a post.
    NoItemsRead {
        seen: usize,
        why: Unread,
    },
    /// The parser panicked.
    Crashed,
}

impl ParseError {
    /// Why the feed could not be read, to be said in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            Self::Empty => Text::new("feed-empty"),
            Self::WebPage => Text::new("feed-web-page"),
            Self::NotJsonFeed => Text::new("feed-not-json-feed"),
            Self::NotFeedXml(root) => Text::new("feed-not-feed-xml").with("root", root.as_str()),
            Self::Unrecognised => Text::new("feed-unrecognised"),
            Self::InvalidXml { message, line } => Text::new("feed-invalid-xml")
                .with("message", message.as_str())
                .with("line", line.to_string()),
            Self::InvalidJson { message, line } => Text::new("feed-invalid-json")
                .with("message", message.as_str())
                .with("line", line.to_string()),
            Self::Unreadable { reason, .. } => {
                Text::new("feed-unreadable").with("why", reason.as_str())
            }
            Self::NoItemsRead { seen, why } => Text::new("feed-none-read")
                .with("seen", *seen)
                .with("why", why.text(*seen)),
            Self::Crashed => Text::new("feed-crashed"),
        }
    }
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Unreadable { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Decodes, repairs and parses; `content_type` is the HTTP Content-Type header;
/// `feed_url` resolves relative links; `now` bounds absurd dates.
pub fn parse(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &Url,
    now: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    let text = encoding::decode(bytes, content_type);
    let trimmed = text.trim_start();
    match trimmed.chars().next() {
        None => Err(ParseError::Empty),
        Some('{' | '[') => parse_json(&text, feed_url, now),
        Some('<') => match root_element(trimmed) {
            Some(root) if is_html_root(&root) => Err(ParseError::WebPage),
            _ => parse_xml(&text, feed_url, now),
        },
        Some(_) if content_type.is_some_and(|t| t.to_ascii_lowercase().contains("html")) => {
            Err(ParseError::WebPage)
        }
        Some(_) => Err(ParseError::Unrecognised),
    }
}

/// [`parse`] on the blocking pool. A panic inside the parser (feed-rs has panicked on odd
/// input before) becomes [`ParseError::Crashed`], never a dead worker.
pub async fn parse_async(
    bytes: bytes::Bytes,
    content_type: Option<String>,
    feed_url: Url,
    now: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    contain_panics(move || parse(&bytes, content_type.as_deref(), &feed_url, now)).await
}

/// Feeds parsed at once: one a core. Parsing is all CPU, so more at once only adds
/// blocking-pool threads, each of which keeps a malloc arena of its own (a cold poll of
/// many feeds left the process holding memory it no longer used), and takes the cores
/// from the pages being served meanwhile.
static PARSERS: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
});

async fn contain_panics<T, F>(work: F) -> Result<T, ParseError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ParseError> + Send + 'static,
{
    // The semaphore is never closed, so a permit always comes.
    let _turn = PARSERS.acquire().await.ok();
    match tokio::task::spawn_blocking(move || std::panic::catch_unwind(AssertUnwindSafe(work)))
        .await
    {
        Ok(Ok(result)) => result,
        Ok(Err(panic)) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned());
            tracing::error!(
                panic = message.as_deref().unwrap_or("?"),
                "the feed parser panicked"
            );
            Err(ParseError::Crashed)
        }
        Err(error) => {
            tracing::error!(%error, "the feed parser task failed");
            Err(ParseError::Crashed)
        }
    }
}

fn parse_xml(text: &str, feed_url: &Url, now: DateTime<Utc>) -> Result<ParsedFeed, ParseError> {
    let repaired = reshape::xml(repair::xml(text));
    let scanned = raw::scan(&repaired, feed_url);
    let visible = scanned.as_ref().map_or(0, |doc| doc.visible);
    let (repaired, scanned, set_aside) = match scanned {
        Ok(doc) if doc.items.len() > MAX_ENTRIES_READ => {
            let set_aside = doc.items.len() - MAX_ENTRIES_READ;
            let (repaired, scanned) = keep_newest(repaired, doc, now);
            (repaired, scanned, set_aside)
        }
        scanned => (repaired, scanned, 0),
    };
    let feed = feed_parser(Some(feed_url))
        .parse(repaired.as_bytes())
        .map_err(|error| {
            let root = root_element(repaired.trim_start()).unwrap_or_default();
            match (error, scanned.as_ref().err()) {
                (
                    ParseFeedError::XmlReader(_)
                    | ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot),
                    Some(problem),
                ) => ParseError::InvalidXml {
                    message: problem.message.clone(),
                    line: problem.line,
                },
                (ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot), None)
                    if !is_feed_root(&root) =>
                {
                    ParseError::NotFeedXml(root)
                }
                (source, _) => ParseError::Unreadable {
                    reason: plain_reason(&source),
                    source,
                },
            }
        })?;
    let items = scanned.map(|doc| doc.items).unwrap_or_default();
    let items = align(&feed, items);
    let site_url = site_url(&feed, feed_url);
    let hub = link_of(&feed, "hub", feed_url);
    let self_url = link_of(&feed, "self", feed_url);
    let seen = visible.saturating_sub(set_aside);
    finish(feed, items, seen, site_url, feed_url, now).map(|parsed| ParsedFeed {
        hub,
        self_url,
        ..parsed
    })
}

fn parse_json(text: &str, feed_url: &Url, now: DateTime<Utc>) -> Result<ParsedFeed, ParseError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| ParseError::InvalidJson {
            message: json_words(&error),
            line: error.line(),
        })?;
    let seen = value
        .get("items")
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len);
    if !repair::json_feed(&mut value) {
        return Err(ParseError::NotJsonFeed);
    }
    let repaired = value.to_string();
    let feed = feed_parser(None)
        .parse(repaired.as_bytes())
        .map_err(|source| ParseError::Unreadable {
            reason: plain_reason(&source),
            source,
        })?;
    let string = |v: &serde_json::Value, key: &str| {
        v.get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    let items: Vec<RawItem> = value["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| RawItem {
                    id: string(item, "id"),
                    published: string(item, "date_published"),
                    updated: string(item, "date_modified"),
                    json_url: Some(string(item, "url")),
                    ..RawItem::default()
                })
                .collect()
        })
        .unwrap_or_default();
    let items = align(&feed, items);
    let site_url = string(&value, "home_page_url")
        .and_then(|u| post::absolute_http(&u, feed_url))
        .map(String::from);
    finish(feed, items, seen, site_url, feed_url, now)
}

fn feed_parser(base: Option<&Url>) -> feed_rs::parser::Parser {
    feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        // An empty id tells us the entry had none; feed-rs would invent one from the title.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(dates::parse)
        .sanitize_content(false)
        .build()
}

/// The posts of the feed-rs entries, and what the `seen` items gave; an error when none of
/// several items could be read.
fn finish(
    feed: Feed,
    items: Vec<RawItem>,
    seen: usize,
    site_url: Option<String>,
    feed_url: &Url,
    now: DateTime<Utc>,
) -> Result<ParsedFeed, ParseError> {
    let title = feed
        .title
        .as_ref()
        .map(|t| sanitize::title(&t.content))
        .filter(|t| !t.is_empty());
    let ttl = feed
        .ttl
        .map(|minutes| Duration::from_secs(u64::from(minutes) * 60));
    let format = match feed.feed_type {
        FeedType::Atom => post::Format::Atom,
        FeedType::JSON => post::Format::Json,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => post::Format::Rss,
    };
    let updated_at = feed
        .updated
        .or(feed.published)
        .filter(|date| post::is_plausible(*date, now));
    let not_understood = seen.saturating_sub(feed.entries.len());
    let (posts, empty) = post::posts(
        feed.entries,
        items,
        &post::Context {
            feed_url,
            now,
            format,
        },
    );
    let unread = not_understood + empty;
    let why = match (not_understood, empty) {
        (0, 0) => None,
        (0, _) => Some(Unread::Empty),
        _ => Some(Unread::NotUnderstood),
    };
    if let (true, Some(why)) = (posts.is_empty(), why) {
        return Err(ParseError::NoItemsRead { seen, why });
    }
    Ok(ParsedFeed {
        title,
        site_url,
        ttl,
        updated_at,
        posts,
        items: Items { seen, unread, why },
        hub: None,
        self_url: None,
    })
}

/// One raw item per feed-rs entry, in the same order; blanks when the two passes disagree
/// (then feed-rs's own view is used).
fn align(feed: &Feed, items: Vec<RawItem>) -> Vec<RawItem> {
    if items.len() == feed.entries.len() {
        items
    } else {
        tracing::debug!(
            raw = items.len(),
            parsed = feed.entries.len(),
            "raw pass and feed-rs disagree on the items"
        );
        vec![
            RawItem {
                guid_is_permalink: true,
                ..RawItem::default()
            };
            feed.entries.len()
        ]
    }
}

/// The blog's home page: the feed's alternate HTML link.
fn site_url(feed: &Feed, feed_url: &Url) -> Option<String> {
    feed.links
        .iter()
        .filter(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .filter(|l| l.media_type.as_deref().is_none_or(|t| t.contains("html")))
        .find_map(|l| post::absolute_http(&l.href, feed_url))
        .map(String::from)
}

/// The feed's own link of relation `rel` (`hub`, `self`), absolute http(s).
fn link_of(feed: &Feed, rel: &str, feed_url: &Url) -> Option<String> {
    feed.links
        .iter()
        .filter(|l| {
            l.rel
                .as_deref()
                .is_some_and(|r| r.eq_ignore_ascii_case(rel))
        })
        .find_map(|l| post::absolute_http(&l.href, feed_url))
        .map(String::from)
}

fn plain_reason(error: &ParseFeedError) -> String {
    match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "it has no <channel> with its items".to_owned()
        }
        ParseFeedError::ParseError(ParseErrorKind::MissingContent { .. }) => {
            "an entry lacks content its format requires".to_owned()
        }
        ParseFeedError::ParseError(ParseErrorKind::UnknownMimeType { mime, .. }) => {
            format!("an entry uses the unknown content type \"{mime}\"")
        }
        ParseFeedError::JsonSerde(error) => json_words(error),
        ParseFeedError::JsonUnsupportedVersion(version) => {
            format!("the JSON Feed version \"{version}\" is not supported")
        }
        other => other.to_string(),
    }
}

/// serde_json's message without its "at line 3 column 7" tail (the line is shown apart).
fn json_words(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}
