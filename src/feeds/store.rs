//! Storing what a fetch brought: posts (unique per feed and stable id, updated in place
//! when edited upstream) and the feed's own state.

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

/// Inserts new posts and updates changed ones; a post seen before keeps its id and the time
/// it was first seen (which stands in for a missing publication date).
pub async fn store_posts(
    db: &impl ConnectionTrait,
    feed_id: i32,
    posts: &[ParsedPost],
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
    let mut new = Vec::new();
    for parsed in posts {
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
                published_at: Set(parsed.published_at.unwrap_or(now)),
                updated_at: Set(parsed.updated_at),
                first_seen_at: Set(now),
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
    let changed = row.title != parsed.title
        || row.link != parsed.link
        || row.content_html != parsed.content_html
        || row.excerpt != parsed.excerpt
        || row.categories != categories
        || row.published_at != published_at
        || row.updated_at != parsed.updated_at;
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
        active.update(db).await?;
    }
    Ok(changed)
}
