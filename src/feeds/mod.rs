//! Reading participants' blogs: discover a feed from any address, fetch it politely and
//! safely, parse what real blogs publish, sanitise it, and store the posts.

pub mod discover;
pub mod fetch;
pub mod guard;
pub mod health;
pub mod parse;
pub mod poller;
pub mod river;
pub mod sanitize;
pub mod store;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use url::Url;

use crate::entities::{feed, participant};
use discover::{DiscoverError, Discovered};
use fetch::Fetcher;
use health::Status;

/// Blogs looked for at once after an import.
const DISCOVERY_CONCURRENCY: usize = 8;

/// What discovery made of a participant's blog address.
pub struct Attached {
    pub feed: feed::Model,
    pub found: Result<Discovered, DiscoverError>,
}

/// Finds the feed behind `blog`, records it (shared with anyone else who reads the same
/// feed) and links the participant to it. A blog that cannot be read right now still gets
/// a feed row, `pending` with the reason, that the poller keeps trying; an address
/// Twentythree refuses to read is `blocked`.
pub async fn attach_blog(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    member: &participant::Model,
    blog: &Url,
    now: DateTime<Utc>,
) -> Result<Attached, sea_orm::DbErr> {
    let found = discover::discover(fetcher, blog, now).await;
    let (url, status, error) = match &found {
        Ok(found) => (found.feed_url.clone(), Status::Pending, None),
        Err(e) if e.is_blocked() => (blog.clone(), Status::Blocked, Some(e.to_string())),
        Err(e) => (blog.clone(), Status::Pending, Some(e.to_string())),
    };
    let existing = feed::Entity::find()
        .filter(feed::Column::Url.eq(url.as_str()))
        .one(db)
        .await?;
    let feed = match existing {
        Some(feed) => feed,
        None => {
            let discovered = found.as_ref().ok();
            feed::ActiveModel {
                url: Set(url.to_string()),
                site_url: Set(discovered
                    .and_then(|d| d.site_url.as_ref())
                    .map(ToString::to_string)),
                title: Set(discovered.and_then(|d| d.feed.title.clone())),
                platform: Set(discovered.and_then(|d| d.platform).map(str::to_owned)),
                status: Set(status.as_str().to_owned()),
                last_error: Set(error.clone()),
                disabled_reason: Set(error.filter(|_| status == Status::Blocked)),
                failing_since: Set(found.is_err().then_some(now)),
                next_fetch_at: Set((status != Status::Blocked).then_some(now)),
                consecutive_errors: Set(i32::from(found.is_err())),
                previous_urls: Set("[]".into()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    let mut row: participant::ActiveModel = member.clone().into();
    row.feed_id = Set(Some(feed.id));
    row.update(db).await?;
    Ok(Attached { feed, found })
}

/// Gives `member` a new blog address and finds its feed (the participant's "I moved my
/// blog", and the coordinator's "fix the feed address").
pub async fn move_blog(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    member: participant::Model,
    blog: &Url,
    now: DateTime<Utc>,
) -> Result<Attached, sea_orm::DbErr> {
    let mut row: participant::ActiveModel = member.into();
    row.blog_url = Set(blog.to_string());
    let member = row.update(db).await?;
    attach_blog(db, fetcher, &member, blog, now).await
}

/// Discovers the feeds of many new participants at once (after an import), a few at a time.
pub async fn attach_all<'a, C: ConnectionTrait>(
    db: &C,
    fetcher: &Fetcher,
    members: &'a [participant::Model],
    now: DateTime<Utc>,
) -> Vec<(&'a participant::Model, Result<Attached, sea_orm::DbErr>)> {
    let jobs: Vec<_> = members
        .iter()
        .filter_map(|member| Some((member, Url::parse(&member.blog_url).ok()?)))
        .map(|(member, url)| attach_one(db, fetcher, member, url, now))
        .collect();
    futures_util::stream::iter(jobs)
        .buffer_unordered(DISCOVERY_CONCURRENCY)
        .collect()
        .await
}

async fn attach_one<'a, C: ConnectionTrait>(
    db: &C,
    fetcher: &Fetcher,
    member: &'a participant::Model,
    blog: Url,
    now: DateTime<Utc>,
) -> (&'a participant::Model, Result<Attached, sea_orm::DbErr>) {
    (member, attach_blog(db, fetcher, member, &blog, now).await)
}
