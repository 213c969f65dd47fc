//! Storing what a fetch brought: posts (unique per feed and stable id, updated in place
//! when edited upstream), with a stand-in date for a post that has none.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

use super::parse::ParsedPost;
use crate::entities::post;

/// Rows per INSERT: well under both databases' limits on bound values.
const INSERT_ROWS: usize = 200;

/// How many posts a store added and changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stored {
    pub added: usize,
    pub updated: usize,
}

/// What a read knows for dating posts that carry no date.
#[derive(Clone, Copy, Debug, Default)]
pub struct Dating {
    /// The feed's own date (RSS `lastBuildDate`, Atom `updated`), if it gave one.
    pub feed_date: Option<DateTime<Utc>>,
    /// The feed was never read before: its undated posts are its history, not news.
    pub first_read: bool,
}

/// Inserts new posts and updates changed ones; a post seen before keeps its id and its date.
/// A new post without a date of its own is dated, keeping the document's order, by the
/// feed's own date; else by when it was first seen. On the first read of a feed that gives
/// no date, it is the blog's history of unknown date: marked undated, it sorts below every
/// dated post (see `river`) instead of flooding the top of the river, and still counts.
pub async fn store_posts(
    db: &impl ConnectionTrait,
    feed_id: i32,
    posts: &[ParsedPost],
    dating: Dating,
    now: DateTime<Utc>,
) -> Result<Stored, sea_orm::DbErr> {
    let mut stored = Stored::default();
    let guids: Vec<String> = posts.iter().map(|p| p.guid.clone()).collect();
    let mut existing: HashMap<String, post::Model> = HashMap::new();
    for chunk in guids.chunks(500) {
        let rows = post::Entity::find()
            .filter(post::Column::FeedId.eq(feed_id))
            .filter(post::Column::Guid.is_in(chunk.to_vec()))
            .all(db)
            .await?;
        existing.extend(rows.into_iter().map(|row| (row.guid.clone(), row)));
    }
    let stand_ins = stand_ins(posts, &existing, dating, now);
    let mut new = Vec::new();
    for (parsed, stand_in) in posts.iter().zip(stand_ins) {
        let categories = serde_json::to_string(&parsed.categories).unwrap_or_else(|_| "[]".into());
        match existing.get(&parsed.guid) {
            Some(row) => {
                if update_if_changed(db, row, parsed, categories).await? {
                    stored.updated += 1;
                }
            }
            None => new.push(post::ActiveModel {
                feed_id: Set(feed_id),
                guid: Set(parsed.guid.clone()),
                link: Set(parsed.link.clone()),
                title: Set(parsed.title.clone()),
                content_html: Set(parsed.content_html.clone()),
                excerpt: Set(parsed.excerpt.clone()),
                categories: Set(categories),
                published_raw: Set(parsed.published_raw.clone()),
                published_at: Set(stand_in.at),
                updated_at: Set(parsed.updated_at),
                first_seen_at: Set(now),
                undated: Set(stand_in.undated),
                comment_count: Set(parsed.comments),
                ..Default::default()
            }),
        }
    }
    stored.added = insert_new(db, new).await?;
    Ok(stored)
}

/// Inserts `rows` a few hundred at a time (one statement each); returns how many were new.
async fn insert_new(
    db: &impl ConnectionTrait,
    mut rows: Vec<post::ActiveModel>,
) -> Result<usize, sea_orm::DbErr> {
    let mut added = 0;
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(INSERT_ROWS));
        let inserted = post::Entity::insert_many(std::mem::replace(&mut rows, rest))
            .on_conflict(
                OnConflict::columns([post::Column::FeedId, post::Column::Guid])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
        added += usize::try_from(inserted).unwrap_or(0);
    }
    Ok(added)
}

/// Brings a stored post up to date with what the feed says now; whether it changed.
async fn update_if_changed(
    db: &impl ConnectionTrait,
    row: &post::Model,
    parsed: &ParsedPost,
    categories: String,
) -> Result<bool, sea_orm::DbErr> {
    let published_at = parsed.published_at.unwrap_or(row.published_at);
    let undated = row.undated && parsed.published_at.is_none();
    let changed = row.title != parsed.title
        || row.undated != undated
        || row.link != parsed.link
        || row.content_html != parsed.content_html
        || row.excerpt != parsed.excerpt
        || row.categories != categories
        || row.published_at != published_at
        || row.updated_at != parsed.updated_at
        || row.comment_count != parsed.comments;
    if changed {
        let mut active: post::ActiveModel = row.clone().into();
        active.title = Set(parsed.title.clone());
        active.link = Set(parsed.link.clone());
        active.content_html = Set(parsed.content_html.clone());
        active.excerpt = Set(parsed.excerpt.clone());
        active.categories = Set(categories);
        active.published_raw = Set(parsed.published_raw.clone());
        active.published_at = Set(published_at);
        active.updated_at = Set(parsed.updated_at);
        active.undated = Set(undated);
        active.comment_count = Set(parsed.comments);
        active.update(db).await?;
    }
    Ok(changed)
}

/// The date a new post is stored with, and whether it is only a stand-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StandIn {
    at: DateTime<Utc>,
    undated: bool,
}

/// One per post, in order; each undated new post a second below the one before, so the
/// document's order holds.
fn stand_ins(
    posts: &[ParsedPost],
    existing: &HashMap<String, post::Model>,
    dating: Dating,
    now: DateTime<Utc>,
) -> Vec<StandIn> {
    let (anchor, undated) = match dating.feed_date {
        Some(date) => (date.min(now), false),
        None => (now, dating.first_read),
    };
    let mut behind = 0;
    posts
        .iter()
        .map(|post| match post.published_at {
            Some(at) => StandIn { at, undated: false },
            None if existing.contains_key(&post.guid) => StandIn { at: now, undated },
            None => {
                let at = anchor - chrono::Duration::seconds(behind);
                behind += 1;
                StandIn { at, undated }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(guid: &str, date: Option<&str>) -> ParsedPost {
        ParsedPost {
            guid: guid.into(),
            link: None,
            title: guid.into(),
            content_html: String::new(),
            excerpt: String::new(),
            categories: Vec::new(),
            published_raw: date.map(str::to_owned),
            published_at: date.map(at),
            updated_at: None,
            comments: None,
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn dates(stand_ins: &[StandIn]) -> Vec<(String, bool)> {
        stand_ins
            .iter()
            .map(|s| (s.at.format("%m-%d %H:%M:%S").to_string(), s.undated))
            .collect()
    }

    #[test]
    fn undated_posts_take_the_feed_date_else_first_seen_and_history_is_marked() {
        let now = at("2026-11-20T12:00:00Z");
        let posts = [
            post("a", None),
            post("b", Some("2026-11-01T10:00:00Z")),
            post("c", None),
            post("d", Some("2026-10-01T10:00:00Z")),
        ];
        let none = HashMap::new();
        let built = Dating {
            feed_date: Some(at("2026-11-02T08:00:00Z")),
            first_read: true,
        };
        assert_eq!(
            dates(&stand_ins(&posts, &none, built, now)),
            [
                ("11-02 08:00:00".into(), false),
                ("11-01 10:00:00".into(), false),
                ("11-02 07:59:59".into(), false),
                ("10-01 10:00:00".into(), false)
            ]
        );
        let later = Dating {
            feed_date: None,
            first_read: false,
        };
        assert_eq!(
            dates(&stand_ins(&posts, &none, later, now))[..3],
            [
                ("11-20 12:00:00".into(), false),
                ("11-01 10:00:00".into(), false),
                ("11-20 11:59:59".into(), false)
            ]
        );
        let history = Dating {
            feed_date: None,
            first_read: true,
        };
        assert_eq!(
            dates(&stand_ins(&posts, &none, history, now)),
            [
                ("11-20 12:00:00".into(), true),
                ("11-01 10:00:00".into(), false),
                ("11-20 11:59:59".into(), true),
                ("10-01 10:00:00".into(), false)
            ]
        );
    }
}
