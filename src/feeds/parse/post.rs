//! From feed-rs entries (plus what the raw pass saw) to posts: permalink, stable identity,
//! title, sanitised content, categories, plausible dates; then newest first, capped.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, TimeZone, Timelike, Utc};
use feed_rs::model::Entry;
use sha2::{Digest, Sha256};
use url::Url;

use super::raw::RawItem;
use super::{MAX_POSTS, ParsedPost, dates};
use crate::feeds::sanitize;
use body::{Body, capped_html, is_plain};

mod body;

const MAX_CATEGORIES: usize = 50;
const MAX_CATEGORY_CHARS: usize = 100;
const MAX_ID_BYTES: usize = 1000;
/// Longer links are dropped: a cut address leads nowhere.
const MAX_URL_BYTES: usize = 2048;
const EXCERPT_CHARS: usize = 300;
const TITLE_FROM_TEXT_CHARS: usize = 80;

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Format {
    Rss,
    Atom,
    Json,
}

pub(super) struct Context<'a> {
    pub feed_url: &'a Url,
    pub now: DateTime<Utc>,
    pub format: Format,
}

/// A post before identities are settled across the whole feed.
struct Candidate {
    post: ParsedPost,
    own_id: Option<String>,
    /// The link-or-hash identity, used for later duplicates of an id.
    fallback_id: String,
    /// Tells a repeated item from a different post that reuses an id.
    fingerprint: String,
}

/// The posts, and how many entries gave none because there is nothing in them.
pub(super) fn posts(
    entries: Vec<Entry>,
    items: Vec<RawItem>,
    cx: &Context,
) -> (Vec<ParsedPost>, usize) {
    let count = entries.len();
    let candidates: Vec<Candidate> = entries
        .into_iter()
        .zip(items)
        .filter_map(|(entry, item)| candidate(entry, item, cx))
        .collect();
    let empty = count - candidates.len();
    (newest_first(with_unique_ids(candidates)), empty)
}

/// The entry as a post; none when it has no id, title, link, text or category.
fn candidate(entry: Entry, item: RawItem, cx: &Context) -> Option<Candidate> {
    let link = permalink(&entry, &item, cx);
    let own_title = entry
        .title
        .as_ref()
        .map(|t| t.content.trim())
        .filter(|t| !t.is_empty());
    let raw_title = own_title
        .or(item.other_title.as_deref())
        .unwrap_or_default()
        .to_owned();
    let plain_title = cx.format != Format::Rss
        && own_title.is_some()
        && entry
            .title
            .as_ref()
            .is_some_and(|t| is_plain(t.content_type.as_ref()));
    let body = Body::of(&entry, cx.format).or_else(|| Body::other(&item));
    let base = match body.as_ref().map(|b| b.from_content) {
        Some(true) => item.content_base.clone(),
        Some(false) => item.summary_base.clone(),
        None => None,
    }
    .or_else(|| link.clone())
    .unwrap_or_else(|| cx.feed_url.clone());
    let content_html = body
        .as_ref()
        .map(|b| capped_html(&b.html, &base))
        .unwrap_or_default();
    let mut excerpt = sanitize::excerpt(&content_html, EXCERPT_CHARS);
    if excerpt.is_empty() {
        let summary = entry
            .summary
            .as_ref()
            .map(|s| s.content.as_str())
            .unwrap_or_default();
        excerpt = sanitize::excerpt(summary, EXCERPT_CHARS);
    }
    let title = display_title(&raw_title, plain_title, &content_html);

    let raw_body = body.as_ref().map(|b| b.raw.as_str()).unwrap_or_default();
    let media = media_of(&entry);
    let hash_id = hash_id(&raw_title, raw_body, &media);
    let link_id = link.as_ref().map(normalised);
    let own_id = own_id(&entry, &item);
    let categories = categories(&entry, &item);
    let nothing = own_id.is_none() && link.is_none() && raw_title.is_empty() && body.is_none();
    if nothing && categories.is_empty() && media.is_empty() && entry.content.is_none() {
        return None;
    }
    let fallback_id = link_id.clone().unwrap_or_else(|| hash_id.clone());
    // Every field: only an exact repeat of an item is taken for the same post.
    let fingerprint = hash(&format!(
        "{own_id:?}\n{link_id:?}\n{raw_title}\n{raw_body}\n{categories:?}\n{media:?}\n{:?}\n{:?}",
        item.published, item.updated
    ));

    let (published_at, updated_at) = dates_of(&entry, &item, cx.now);
    let post = ParsedPost {
        guid: own_id.clone().unwrap_or_else(|| fallback_id.clone()),
        link: link.map(String::from),
        title,
        content_html,
        excerpt,
        categories,
        published_raw: item.published.clone().or_else(|| item.updated.clone()),
        published_at,
        updated_at,
        comments: item.comments,
    };
    Some(Candidate {
        post,
        own_id,
        fallback_id,
        fingerprint,
    })
}

/// `h:` and a hash of the title and the start of the text; of the media when there is
/// neither.
fn hash_id(raw_title: &str, raw_body: &str, media: &[String]) -> String {
    let hashed = if raw_title.is_empty() && raw_body.is_empty() {
        media.join("\n")
    } else {
        format!(
            "{raw_title}\n{}",
            raw_body.chars().take(500).collect::<String>()
        )
    };
    format!("h:{}", hash(&hashed))
}

/// The entry's own id (RSS guid, Atom id, RDF `rdf:about`, JSON Feed id), hashed if huge.
fn own_id(entry: &Entry, item: &RawItem) -> Option<String> {
    let id = Some(entry.id.trim())
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .or_else(|| item.id.clone().filter(|id| !id.trim().is_empty()))?;
    Some(if id.len() > MAX_ID_BYTES {
        format!("h:{}", hash(&id))
    } else {
        id
    })
}

/// The addresses of the entry's media (enclosures, Media RSS) and out-of-line content.
fn media_of(entry: &Entry) -> Vec<String> {
    let media = entry
        .media
        .iter()
        .flat_map(|m| &m.content)
        .filter_map(|c| c.url.as_ref().map(Url::to_string));
    let source = entry.content.as_ref().and_then(|c| c.src.as_ref());
    media.chain(source.map(|l| l.href.clone())).collect()
}

/// The title as plain text; a post without one is named after the start of its text.
fn display_title(raw_title: &str, plain: bool, content_html: &str) -> String {
    let title = if plain {
        sanitize::title(&raw_title.replace('<', "&lt;"))
    } else {
        sanitize::title(raw_title)
    };
    if !title.is_empty() {
        return title;
    }
    let from_text = sanitize::excerpt(content_html, TITLE_FROM_TEXT_CHARS);
    if from_text.is_empty() {
        "Untitled post".to_owned()
    } else {
        from_text
    }
}

/// Published (falling back to updated) and updated, when plausible, in whole seconds.
fn dates_of(
    entry: &Entry,
    item: &RawItem,
    now: DateTime<Utc>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let parsed = |raw: &Option<String>| raw.as_deref().and_then(dates::parse);
    let plausible = |date: Option<DateTime<Utc>>| {
        date.filter(|d| is_plausible(*d, now))
            .and_then(|d| d.with_nanosecond(0))
    };
    let published = parsed(&item.published)
        .or(entry.published)
        .or_else(|| parsed(&item.updated))
        .or(entry.updated);
    let updated = parsed(&item.updated).or(entry.updated);
    (plausible(published), plausible(updated))
}

/// The post's web page: an alternate link (JSON Feed: `url`), else an RSS guid that is a
/// permalink. Only absolute http(s) addresses count.
fn permalink(entry: &Entry, item: &RawItem, cx: &Context) -> Option<Url> {
    if let Some(url) = &item.json_url {
        return url.as_deref().and_then(|u| absolute_http(u, cx.feed_url));
    }
    let alternates: Vec<_> = entry
        .links
        .iter()
        .filter(|l| l.target.is_none() && l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .collect();
    let html_first = alternates
        .iter()
        .filter(|l| l.media_type.as_deref().is_none_or(|t| t.contains("html")))
        .chain(alternates.iter());
    let link = html_first
        .filter_map(|l| absolute_http(&l.href, cx.feed_url))
        .next()
        .or_else(|| {
            // An Atom link with its address as text instead of in `href`.
            let text = item.link_text.as_deref()?;
            (cx.format == Format::Atom).then(|| absolute_http(text, cx.feed_url))?
        });
    link.or_else(|| {
        let guid = Some(entry.id.as_str())
            .filter(|id| !id.is_empty())
            .or(item.id.as_deref())?;
        // Only a guid that is a full address by itself: "post-1" is no path.
        let url = Url::parse(guid.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))?;
        (cx.format == Format::Rss && item.guid_is_permalink).then_some(url)
    })
}

pub(super) fn absolute_http(href: &str, base: &Url) -> Option<Url> {
    if href.len() > MAX_URL_BYTES {
        return None;
    }
    let url = base.join(href.trim()).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.as_str().len() <= MAX_URL_BYTES).then_some(url)
}

/// A permalink as an identity: no fragment, no `utm_*` parameters (the url crate already
/// lower-cases scheme and host).
fn normalised(url: &Url) -> String {
    let mut url = url.clone();
    url.set_fragment(None);
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !k.to_ascii_lowercase().starts_with("utm_"))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else if kept.len() != url.query_pairs().count() {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    url.into()
}

fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn categories(entry: &Entry, item: &RawItem) -> Vec<String> {
    let published = entry
        .categories
        .iter()
        .flat_map(|c| std::iter::once(&c.term).chain(c.label.as_ref()))
        .chain(&item.subjects);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for category in published {
        // Entities decoded, but markup kept as text: a category is never HTML.
        let clean: String = sanitize::title(&category.replace('<', "&lt;"))
            .chars()
            .take(MAX_CATEGORY_CHARS)
            .collect();
        let clean = clean.trim_end().to_owned();
        if !clean.is_empty() && seen.insert(clean.to_lowercase()) {
            out.push(clean);
            if out.len() == MAX_CATEGORIES {
                break;
            }
        }
    }
    out
}

pub(super) fn is_plausible(date: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    let earliest = Utc
        .with_ymd_and_hms(1995, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    date >= earliest && date <= now + chrono::Duration::days(1)
}

/// Gives every post a unique guid in document order: the first holder of an id keeps it;
/// a later, different post with the same id gets its link-or-hash identity (plus `#2`,
/// `#3`… if that is taken too); an exact repeat of an item is dropped.
fn with_unique_ids(candidates: Vec<Candidate>) -> Vec<ParsedPost> {
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut posts = Vec::with_capacity(candidates.len());
    for Candidate {
        mut post,
        own_id,
        fallback_id,
        fingerprint,
    } in candidates
    {
        if let Some(holder) = taken.get(&post.guid) {
            if *holder == fingerprint {
                continue;
            }
            let base = if own_id.is_some() && fallback_id != post.guid {
                fallback_id
            } else {
                post.guid.clone()
            };
            let mut guid = base.clone();
            let mut n = 2;
            while taken.contains_key(&guid) {
                guid = format!("{base}#{n}");
                n += 1;
            }
            post.guid = guid;
        }
        taken.insert(post.guid.clone(), fingerprint);
        posts.push(post);
    }
    posts
}

/// Newest first and at most [`MAX_POSTS`]. A post without a date keeps its place in the
/// document: it sorts as if dated like the post before it (or as newest when first).
fn newest_first(posts: Vec<ParsedPost>) -> Vec<ParsedPost> {
    let mut previous = DateTime::<Utc>::MAX_UTC;
    let mut keyed: Vec<(DateTime<Utc>, ParsedPost)> = posts
        .into_iter()
        .map(|post| {
            previous = post.published_at.unwrap_or(previous);
            (previous, post)
        })
        .collect();
    keyed.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
    keyed
        .into_iter()
        .take(MAX_POSTS)
        .map(|(_, post)| post)
        .collect()
}

#[cfg(test)]
mod tests;
