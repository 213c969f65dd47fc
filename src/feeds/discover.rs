//! Discovery: from any address a person pastes to the blog's posts feed, and the platform
//! it runs on. Reads the page's `<link rel="alternate">` entries, then probes well-known paths.

use chrono::{DateTime, Utc};
use url::Url;

use super::fetch::{FetchError, Fetcher, Outcome, Request, Validators};
use super::parse::{self, ParsedFeed};
use crate::i18n::Text;

mod page;
pub use page::{Alternate, PageLinks, read_page};

/// Paths where blogs keep their feeds, tried when a page names none.
const WELL_KNOWN: &[&str] = &[
    "feed/",
    "feed",
    "rss.xml",
    "atom.xml",
    "feed.xml",
    "index.xml",
    "rss/",
    "feeds/posts/default",
    "feed.json",
];

/// The most of a home page read for its links.
const MAX_PAGE: usize = 2 * 1024 * 1024;

/// What discovery found.
#[derive(Debug)]
pub struct Discovered {
    pub feed_url: Url,
    pub site_url: Option<Url>,
    pub platform: Option<&'static str>,
    pub feed: ParsedFeed,
}

#[derive(Debug)]
pub enum DiscoverError {
    Fetch(FetchError),
    /// The blog asked to be read again later.
    Busy,
    /// 410 Gone.
    Gone,
    NoFeed,
    /// A feed was found but could not be read: why.
    Unreadable(Text),
}

impl From<FetchError> for DiscoverError {
    fn from(error: FetchError) -> Self {
        DiscoverError::Fetch(error)
    }
}

/// In English; [`DiscoverError::text`] in any language.
impl std::fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text().fmt(f)
    }
}

impl std::error::Error for DiscoverError {}

impl DiscoverError {
    /// Why no feed could be read, to be said in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            Self::Fetch(error) => error.text(),
            Self::Busy => Text::new("feed-busy"),
            Self::Gone => Text::new("feed-gone"),
            Self::NoFeed => Text::new("feed-none-found"),
            Self::Unreadable(why) => Text::new("feed-unreadable").with("why", why.clone()),
        }
    }

    /// Whether trying again later might work (as opposed to an address Twentythree refuses).
    pub fn is_blocked(&self) -> bool {
        matches!(
            self,
            Self::Fetch(FetchError::Blocked(_) | FetchError::Unsupported(_))
        )
    }
}

/// Finds the feed behind `address` (a home page or the feed itself).
pub async fn discover(
    fetcher: &Fetcher,
    address: &Url,
    now: DateTime<Utc>,
) -> Result<Discovered, DiscoverError> {
    let page = fetch(fetcher, address, true).await?;
    if parse::looks_like_feed(&page.body, page.content_type.as_deref()) {
        let feed = parse::parse_async(
            page.body.clone(),
            page.content_type.clone(),
            page.final_url.clone(),
            now,
        )
        .await
        .map_err(|e| DiscoverError::Unreadable(e.text()))?;
        let platform = platform_of_feed(&page.body);
        let site_url = feed.site_url.as_deref().and_then(|s| Url::parse(s).ok());
        return Ok(Discovered {
            feed_url: page.final_url,
            site_url,
            platform,
            feed,
        });
    }
    let HomePage {
        mut candidates,
        platform,
    } = read_home_page(&page.body, &page.final_url);
    let probes = probe_urls(&page.final_url);
    let mut last_error = None;
    for (index, candidate) in candidates
        .drain(..)
        .map(|u| (true, u))
        .chain(probes.into_iter().map(|u| (false, u)))
        .enumerate()
    {
        let (declared, url) = candidate;
        if index > 12 {
            break;
        }
        match try_feed(fetcher, &url, declared, now).await {
            Ok((feed_url, feed)) => {
                return Ok(Discovered {
                    feed_url,
                    site_url: Some(page.final_url.clone()),
                    platform,
                    feed,
                });
            }
            Err(e) if declared => last_error = Some(e),
            Err(_) => {}
        }
    }
    Err(last_error.unwrap_or(DiscoverError::NoFeed))
}

/// What a blog's home page says about its feeds.
#[derive(Debug, PartialEq, Eq)]
pub struct HomePage {
    /// Declared feed addresses, absolute, posts feeds first.
    pub candidates: Vec<Url>,
    pub platform: Option<&'static str>,
}

/// Reads a home page's bytes (any encoding, however broken) as discovery does. The
/// `discover_page` fuzz target and its regression test call this.
pub fn read_home_page(body: &[u8], page_url: &Url) -> HomePage {
    let text = String::from_utf8_lossy(body);
    let links = read_page(&text);
    let base = links
        .base
        .as_deref()
        .and_then(|b| page_url.join(b).ok())
        .unwrap_or_else(|| page_url.clone());
    HomePage {
        platform: platform_of_page(&links, page_url),
        candidates: feed_candidates(&links)
            .iter()
            .filter_map(|href| base.join(href).ok())
            .collect(),
    }
}

async fn try_feed(
    fetcher: &Fetcher,
    url: &Url,
    follow: bool,
    now: DateTime<Utc>,
) -> Result<(Url, ParsedFeed), DiscoverError> {
    let page = fetch(fetcher, url, follow).await?;
    if !parse::looks_like_feed(&page.body, page.content_type.as_deref()) {
        return Err(DiscoverError::NoFeed);
    }
    let feed = parse::parse_async(page.body, page.content_type, page.final_url.clone(), now)
        .await
        .map_err(|e| DiscoverError::Unreadable(e.text()))?;
    Ok((page.final_url, feed))
}

async fn fetch(
    fetcher: &Fetcher,
    url: &Url,
    follow_redirects: bool,
) -> Result<super::fetch::Fetched, DiscoverError> {
    let validators = Validators::default();
    match fetcher
        .fetch(Request {
            url,
            validators: &validators,
            follow_redirects,
        })
        .await
    {
        Outcome::Fetched(page) => Ok(page),
        Outcome::Failed(error) => Err(error.into()),
        Outcome::Gone => Err(DiscoverError::Gone),
        Outcome::RetryAfter(_) => Err(DiscoverError::Busy),
        Outcome::NotModified { .. } => Err(DiscoverError::NoFeed),
    }
}

/// The page's feed links, posts feeds first: comments feeds last, `/wp-json/` never.
pub fn feed_candidates(links: &PageLinks) -> Vec<String> {
    let feedish = |a: &&Alternate| {
        let kind = a.kind.as_str();
        let json =
            kind == "application/json" && (a.href.contains("feed") || a.href.ends_with(".json"));
        (matches!(
            kind,
            "application/rss+xml"
                | "application/atom+xml"
                | "application/feed+json"
                | "application/rdf+xml"
        ) || json)
            && !a.href.contains("/wp-json/")
    };
    let is_comments = |a: &Alternate| {
        let title = a.title.to_lowercase();
        title.contains("comments")
            || a.href.contains("/comments/")
            || a.href.contains("comments-feed")
    };
    let (comments, posts): (Vec<&Alternate>, Vec<&Alternate>) = links
        .alternates
        .iter()
        .filter(feedish)
        .partition(|a| is_comments(a));
    posts
        .into_iter()
        .chain(comments)
        .map(|a| a.href.clone())
        .collect()
}

/// Well-known feed paths at the site's root and in the current folder.
fn probe_urls(page: &Url) -> Vec<Url> {
    let mut folders = vec![page.join("/").ok()];
    let folder = page.join("./").ok();
    if folder != folders[0] {
        folders.insert(0, folder);
    }
    let mut urls = Vec::new();
    for folder in folders.into_iter().flatten() {
        for path in WELL_KNOWN {
            if let Ok(url) = folder.join(path)
                && !urls.contains(&url)
            {
                urls.push(url);
            }
        }
    }
    urls
}

/// The platform a page is published with, when it says or shows it.
pub fn platform_of_page(links: &PageLinks, url: &Url) -> Option<&'static str> {
    let generator = links
        .generator
        .as_deref()
        .unwrap_or_default()
        .to_lowercase();
    let hints = links.hints.join(" ").to_lowercase();
    let host = url.host_str().unwrap_or_default();
    let any = |needle: &str| {
        generator.contains(needle) || hints.contains(needle) || host.contains(needle)
    };
    if any("micro.blog") {
        Some("Micro.blog")
    } else if generator.contains("wordpress")
        || hints.contains("api.w.org")
        || host.ends_with("wordpress.com")
    {
        Some("WordPress")
    } else if generator.contains("blogger") || host.ends_with("blogspot.com") {
        Some("Blogger")
    } else if any("medium") {
        Some("Medium")
    } else if any("substack") {
        Some("Substack")
    } else if generator.contains("ghost") {
        Some("Ghost")
    } else if any("mastodon") || hints.contains("activity+json") {
        Some("Mastodon")
    } else if generator.contains("hugo") {
        Some("Hugo")
    } else if generator.contains("jekyll") {
        Some("Jekyll")
    } else {
        None
    }
}

/// The platform a feed document names in its generator.
pub fn platform_of_feed(body: &[u8]) -> Option<&'static str> {
    let head = String::from_utf8_lossy(&body[..body.len().min(4096)]).to_lowercase();
    [
        ("micro.blog", "Micro.blog"),
        ("wordpress", "WordPress"),
        ("blogger", "Blogger"),
        ("medium.com", "Medium"),
        ("substack", "Substack"),
        ("ghost", "Ghost"),
        ("mastodon", "Mastodon"),
        ("hugo", "Hugo"),
        ("jekyll", "Jekyll"),
    ]
    .into_iter()
    .find(|(needle, _)| head.contains(needle))
    .map(|(_, name)| name)
}

#[cfg(test)]
mod tests;
