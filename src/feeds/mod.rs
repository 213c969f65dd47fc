//! Reading participants' blogs: discover a feed from any address, fetch it politely and
//! safely, parse what real blogs publish, sanitise it, and store the posts.

pub mod discover;
pub mod fetch;
pub mod guard;
pub mod health;
pub mod links;
pub mod parse;
pub mod river;
pub mod sanitize;
pub mod store;
pub mod websub;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use url::Url;

use crate::entities::{feed, participant};
use crate::i18n::Text;
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

/// Why a blog was not linked to a participant.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// Another participant of the same cohort already has this blog (or its feed).
    #[error("this blog is already another participant's in this cohort")]
    Taken,
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// Who moves a blog: a participant may not take a classmate's; a coordinator may reassign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mover {
    Participant,
    Coordinator,
}

/// Why a feed is no longer read: nobody's blog any more.
const RETIRED: &str = "no participant has this blog any more";

/// Finds the feed behind `blog`, records it and links the participant to it, unless
/// another participant of the same cohort already has that blog or feed. A blog that cannot
/// be read right now still gets a feed row, `pending` with the reason, that the poller
/// keeps trying; an address Twentythree refuses to read is `blocked`.
pub async fn attach_blog(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    member: &participant::Model,
    blog: &Url,
    now: DateTime<Utc>,
) -> Result<Attached, AttachError> {
    link(db, fetcher, member, blog, Mover::Participant, now).await
}

async fn link(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    member: &participant::Model,
    blog: &Url,
    mover: Mover,
    now: DateTime<Utc>,
) -> Result<Attached, AttachError> {
    let found = discover::discover(fetcher, blog, now).await;
    let (url, status, error) = match &found {
        Ok(found) => (found.feed_url.clone(), Status::Pending, None),
        Err(e) if e.is_blocked() => (blog.clone(), Status::Blocked, Some(e.text())),
        Err(e) => (blog.clone(), Status::Pending, Some(e.text())),
    };
    if mover == Mover::Participant
        && taken(db, member.cohort_id, Some(member.id), blog, &url).await?
    {
        return Err(AttachError::Taken);
    }
    let existing = feed::Entity::find()
        .filter(feed::Column::Url.eq(url.as_str()))
        .one(db)
        .await?;
    let feed = match existing {
        Some(feed) if feed.disabled_reason.as_deref() == Some(RETIRED) => {
            let mut row: feed::ActiveModel = feed.into();
            row.disabled_reason = Set(None);
            row.next_fetch_at = Set(Some(now));
            row.update(db).await?
        }
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
                status: Set(status),
                last_error: Set(error.as_ref().map(ToString::to_string)),
                last_error_message: Set(error.as_ref().map(Text::to_json)),
                disabled_reason: Set(error
                    .filter(|_| status == Status::Blocked)
                    .map(|e| e.to_string())),
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
    let previous = member.feed_id.filter(|id| *id != feed.id);
    let mut row: participant::ActiveModel = member.clone().into();
    row.blog_url = Set(blog.to_string());
    row.feed_id = Set(Some(feed.id));
    row.update(db).await?;
    if let Some(previous) = previous {
        retire_if_unused(db, previous).await?;
    }
    Ok(Attached { feed, found })
}

/// Whether a participant of the cohort already has `blog` (as its address or its feed), for
/// the join form: a blog belongs to one participant per cohort.
pub async fn blog_taken(
    db: &impl ConnectionTrait,
    cohort_id: i32,
    blog: &Url,
) -> Result<bool, sea_orm::DbErr> {
    taken(db, cohort_id, None, blog, blog).await
}

/// Whether a participant of the cohort other than `except` has this blog or reads this feed.
async fn taken(
    db: &impl ConnectionTrait,
    cohort_id: i32,
    except: Option<i32>,
    blog: &Url,
    feed_url: &Url,
) -> Result<bool, sea_orm::DbErr> {
    let feed_ids: Vec<i32> = feed::Entity::find()
        .filter(feed::Column::Url.is_in([blog.as_str(), feed_url.as_str()]))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let other = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort_id))
        .filter(participant::Column::Id.ne(except.unwrap_or(0)))
        .filter(
            Condition::any()
                .add(participant::Column::BlogUrl.eq(blog.as_str()))
                .add(participant::Column::FeedId.is_in(feed_ids)),
        )
        .one(db)
        .await?;
    Ok(other.is_some())
}

/// Stops reading a feed that no participant has any more (its posts stay, as evidence of
/// what they earned); linking a participant to it again starts it anew.
async fn retire_if_unused(db: &impl ConnectionTrait, feed_id: i32) -> Result<(), sea_orm::DbErr> {
    let readers = participant::Entity::find()
        .filter(participant::Column::FeedId.eq(feed_id))
        .count(db)
        .await?;
    if readers == 0 {
        feed::Entity::update_many()
            .col_expr(feed::Column::DisabledReason, Expr::value(RETIRED))
            .col_expr(
                feed::Column::NextFetchAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(feed::Column::Id.eq(feed_id))
            .filter(feed::Column::DisabledReason.is_null())
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Gives `member` a new blog address and finds its feed: the participant's "I moved my
/// blog" (never onto a classmate's blog) and the coordinator's "fix the feed address" (who
/// may reassign one). The feed left behind stops being read when nobody else has it.
pub async fn move_blog(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    member: participant::Model,
    blog: &Url,
    mover: Mover,
    now: DateTime<Utc>,
) -> Result<Attached, AttachError> {
    link(db, fetcher, &member, blog, mover, now).await
}

/// The feed `member` reads, if one was found.
pub async fn of_member(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<Option<feed::Model>, sea_orm::DbErr> {
    match member.feed_id {
        Some(id) => feed::Entity::find_by_id(id).one(db).await,
        None => Ok(None),
    }
}

/// One blog of a cohort's blogroll.
#[derive(Clone, Debug)]
pub struct BlogrollEntry {
    pub name: String,
    pub feed_url: String,
    pub blog: String,
    pub title: Option<String>,
}

/// Every participant of `cohort` whose feed was found, by name.
pub async fn blogroll(
    db: &impl ConnectionTrait,
    cohort: &crate::entities::cohort::Model,
) -> Result<Vec<BlogrollEntry>, sea_orm::DbErr> {
    use crate::entities::person;
    let rows = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .find_also_related(person::Entity)
        .all(db)
        .await?;
    let feeds: std::collections::HashMap<i32, feed::Model> = feed::Entity::find()
        .filter(feed::Column::Id.is_in(rows.iter().filter_map(|(p, _)| p.feed_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let mut entries: Vec<BlogrollEntry> = rows
        .into_iter()
        .filter_map(|(member, person)| {
            let feed = feeds.get(&member.feed_id?)?;
            Some(BlogrollEntry {
                name: person.map(|p| p.name).unwrap_or_default(),
                feed_url: feed.url.clone(),
                blog: member.blog_url,
                title: feed.title.clone(),
            })
        })
        .collect();
    entries.sort_by_key(|e| e.name.to_lowercase());
    Ok(entries)
}

/// Discovers the feeds of many new participants at once (after an import), a few at a time.
pub async fn attach_all<'a, C: ConnectionTrait>(
    db: &C,
    fetcher: &Fetcher,
    members: &'a [participant::Model],
    now: DateTime<Utc>,
) -> Vec<(&'a participant::Model, Result<Attached, AttachError>)> {
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
) -> (&'a participant::Model, Result<Attached, AttachError>) {
    (member, attach_blog(db, fetcher, member, &blog, now).await)
}
