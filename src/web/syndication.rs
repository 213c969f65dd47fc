//! The cohort for feed readers: Atom and JSON Feed of the river, OPML of everyone's feeds,
//! with ETag and Last-Modified so readers can ask "anything new?" cheaply.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::entities::cohort;
use crate::feeds::river::{self, RiverPost};
use crate::links::Links;
use crate::templates::escape_html;
use crate::web::access::{CohortFeed, Looking, key_holder, key_in};
use crate::web::auth::sign_in_first;
use crate::web::body::{KeptBody, etag_of};
use crate::web::cache::FeedBody;
use crate::web::{AppError, AppState};

/// How many posts the output feeds carry.
const FEED_POSTS: u64 = 100;

/// The river as a feed reader reads it.
#[derive(Clone, Copy)]
enum Format {
    Atom,
    Json,
}

/// The cohort's newest posts as `format`, kept while the data stands still, with its
/// validators.
async fn river_feed(
    state: &AppState,
    CohortFeed { cohort, private }: CohortFeed,
    headers: &HeaderMap,
    format: Format,
) -> Result<Response, AppError> {
    let (key, content_type) = match format {
        Format::Atom => ("atom", "application/atom+xml; charset=utf-8"),
        Format::Json => ("json", "application/feed+json; charset=utf-8"),
    };
    let feed = state
        .caches
        .feeds
        .get_or_read(&state.db, (cohort.id, key), || async {
            let posts = river::newest(&state.db, &cohort, FEED_POSTS).await?;
            let home = Links::new(&state.config.base_url).cohort(&cohort.slug);
            let (body, modified) = match format {
                Format::Atom => atom_body(&cohort, &posts, &home),
                Format::Json => json_body(&cohort, &posts, &home)?,
            };
            Ok((KeptBody::new(body).await?, modified))
        })
        .await?;
    Ok(kept(headers, content_type, &feed.0, feed.1, private))
}

fn last_change(posts: &[RiverPost]) -> Option<DateTime<Utc>> {
    posts
        .iter()
        .map(|p| p.updated_at.unwrap_or(p.first_seen_at).max(p.first_seen_at))
        .max()
}

pub async fn atom(
    State(state): State<AppState>,
    feed: CohortFeed,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    river_feed(&state, feed, &headers, Format::Atom).await
}

/// The Atom document of the cohort's newest posts, and when it last changed.
fn atom_body(cohort: &cohort::Model, posts: &[RiverPost], home: &str) -> FeedBody {
    let updated = last_change(posts).unwrap_or(cohort.created_at);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    xml += &format!(
        "  <title>{}</title>\n",
        escape(&format!("{}: posts", cohort.name))
    );
    xml += &format!(
        "  <subtitle>Every post of the cohort, newest first</subtitle>\n  <id>{}</id>\n",
        escape(home)
    );
    xml += &format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&format!("{home}/feed.atom"))
    );
    xml += &format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&format!("{home}/posts"))
    );
    xml += &format!("  <updated>{}</updated>\n", updated.to_rfc3339());
    xml += &format!(
        "  <generator version=\"{}\">Twentythree</generator>\n",
        env!("CARGO_PKG_VERSION")
    );
    for post in posts {
        xml += "  <entry>\n";
        xml += &format!("    <title type=\"text\">{}</title>\n", escape(&post.title));
        xml += &format!(
            "    <id>{}</id>\n",
            escape(&format!("{home}/posts/{}", post.id))
        );
        if let Some(link) = &post.link {
            xml += &format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                escape(link)
            );
        }
        xml += &format!(
            "    <published>{}</published>\n",
            post.published_at.to_rfc3339()
        );
        xml += &format!(
            "    <updated>{}</updated>\n",
            post.updated_at.unwrap_or(post.published_at).to_rfc3339()
        );
        xml += &format!(
            "    <author><name>{}</name><uri>{}</uri></author>\n",
            escape(&post.author),
            escape(&post.blog)
        );
        for thing in &post.things {
            xml += &format!("    <category term=\"thing{thing}\" label=\"Thing {thing}\"/>\n");
        }
        xml += &format!(
            "    <summary type=\"text\">{}</summary>\n",
            escape(&post.excerpt)
        );
        xml += &format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&post.content_html)
        );
        xml += "  </entry>\n";
    }
    xml += "</feed>\n";
    (xml, Some(updated))
}

pub async fn json_feed(
    State(state): State<AppState>,
    feed: CohortFeed,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    river_feed(&state, feed, &headers, Format::Json).await
}

/// The JSON Feed of the cohort's newest posts, and when it last changed.
fn json_body(
    cohort: &cohort::Model,
    posts: &[RiverPost],
    home: &str,
) -> Result<FeedBody, AppError> {
    let items: Vec<serde_json::Value> = posts
        .iter()
        .map(|post| {
            let mut item = serde_json::json!({
                "id": format!("{home}/posts/{}", post.id),
                "title": post.title,
                "content_html": post.content_html,
                "summary": post.excerpt,
                "date_published": post.published_at.to_rfc3339(),
                "date_modified": post.updated_at.unwrap_or(post.published_at).to_rfc3339(),
                "authors": [{ "name": post.author, "url": post.blog }],
                "tags": post.things.iter().map(|n| format!("thing{n}")).collect::<Vec<_>>(),
            });
            if let Some(link) = &post.link {
                item["url"] = link.clone().into();
            }
            item
        })
        .collect();
    let body = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("{}: posts", cohort.name),
        "home_page_url": format!("{home}/posts"),
        "feed_url": format!("{home}/feed.json"),
        "description": "Every post of the cohort, newest first",
        "language": "en",
        "items": items,
    });
    let text = serde_json::to_string_pretty(&body).map_err(anyhow::Error::from)?;
    Ok((text, last_change(posts)))
}

pub async fn opml(
    State(state): State<AppState>,
    CohortFeed { cohort, private }: CohortFeed,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let outlines = crate::feeds::blogroll(&state.db, &cohort).await?;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<opml version=\"2.0\">\n  <head>\n",
    );
    xml += &format!(
        "    <title>{}</title>\n",
        escape(&format!("{}: blogs", cohort.name))
    );
    xml += &format!(
        "    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n",
        cohort.created_at.to_rfc2822()
    );
    for entry in &outlines {
        let text = match &entry.title {
            Some(title) if !title.is_empty() => format!("{}: {title}", entry.name),
            _ => entry.name.clone(),
        };
        xml += &format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\" htmlUrl=\"{}\"/>\n",
            escape(&text),
            escape(&text),
            escape(&entry.feed_url),
            escape(&entry.blog)
        );
    }
    xml += "  </body>\n</opml>\n";
    Ok(cached(
        &headers,
        "text/x-opml; charset=utf-8",
        xml,
        None,
        private,
    ))
}

/// `GET /cohorts/{slug}/calendar.ics`: one event per week opening.
pub async fn calendar(
    State(state): State<AppState>,
    CohortFeed { cohort, private }: CohortFeed,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let links = Links::new(&state.config.base_url);
    let text = crate::calendar::of_cohort(&cohort, state.programs.of(&cohort), &links);
    Ok(cached(&headers, CALENDAR, text, None, private))
}

/// `GET /me/calendar.ics?key=...`: the person's own calendar of every cohort they take
/// part in (by their private key, or signed in).
pub async fn personal_calendar(
    State(state): State<AppState>,
    Looking { viewer, .. }: Looking,
    uri: axum::http::Uri,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let viewer = match key_in(&uri) {
        Some(key) => key_holder(&state, &key).await?,
        None if viewer.person.is_some() => viewer,
        None => return Ok(sign_in_first(&axum::http::Method::GET, &uri)),
    };
    let links = Links::new(&state.config.base_url);
    let text = crate::calendar::personal(&state.db, &viewer, &state.programs, &links).await?;
    Ok(cached(&headers, CALENDAR, text, None, true))
}

const CALENDAR: &str = "text/calendar; charset=utf-8";

/// A body made for this request, with its validators: 304 when the reader has it already.
fn cached(
    request: &HeaderMap,
    content_type: &'static str,
    body: String,
    modified: Option<DateTime<Utc>>,
    private: bool,
) -> Response {
    let etag = etag_of(body.as_bytes());
    match validated(request, content_type, &etag, modified, private) {
        Ok(headers) => (headers, body).into_response(),
        Err(not_modified) => *not_modified,
    }
}

/// A kept body, in the coding the reader accepts, with its validators: 304 when the reader
/// has it already.
fn kept(
    request: &HeaderMap,
    content_type: &'static str,
    body: &KeptBody,
    modified: Option<DateTime<Utc>>,
    private: bool,
) -> Response {
    match validated(request, content_type, &body.etag, modified, private) {
        Ok(headers) => body.send(request, headers),
        Err(not_modified) => *not_modified,
    }
}

/// The headers of an answer with `etag` and `modified`, or 304 when the request's
/// `If-None-Match` (or, without it, `If-Modified-Since`) says the reader has it.
fn validated(
    request: &HeaderMap,
    content_type: &'static str,
    etag: &str,
    modified: Option<DateTime<Utc>>,
    private: bool,
) -> Result<HeaderMap, Box<Response>> {
    let last_modified = modified.map(|at| at.format("%a, %d %b %Y %H:%M:%S GMT").to_string());
    let etag_matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    let not_modified_since = request.get(header::IF_NONE_MATCH).is_none()
        && modified.is_some_and(|at| {
            request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| DateTime::parse_from_rfc2822(v).ok())
                .is_some_and(|since| at.timestamp() <= since.timestamp())
        });
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if private {
            "private, max-age=300"
        } else {
            "public, max-age=300"
        }),
    );
    if let Ok(value) = HeaderValue::from_str(etag) {
        headers.insert(header::ETAG, value);
    }
    if let Some(value) = last_modified.and_then(|v| HeaderValue::from_str(&v).ok()) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    if etag_matches || not_modified_since {
        return Err(Box::new(
            (StatusCode::NOT_MODIFIED, headers).into_response(),
        ));
    }
    Ok(headers)
}

/// Escapes text for XML content and attributes ([`escape_html`], `'` too), dropping
/// characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect();
    escape_html(&allowed).replace('\'', "&apos;")
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escaping_makes_any_text_safe_xml() {
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;"
        );
    }
}
