//! The river: every post of a cohort, newest first (posts of unknown date last), with the
//! things each counts for. A page
//! costs what it shows: its posts are found by a bounded walk down the posts in date order
//! (ids only), then read, as excerpts unless the full HTML is asked for.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, Select,
};
use serde::Serialize;

use crate::cohorts::archive_cutoff;
use crate::entities::{cohort, participant, person, post, post_thing, recognition};

/// A post as the river shows it.
#[derive(Clone, Debug, Serialize, FromQueryResult)]
pub struct RiverPost {
    pub id: i32,
    pub participant_id: i32,
    pub cohort_id: i32,
    pub author: String,
    pub blog: String,
    pub title: String,
    pub link: Option<String>,
    pub excerpt: String,
    /// Empty unless asked for ([`Content::Full`]).
    pub content_html: String,
    pub published_at: DateTime<Utc>,
    pub updated_at: Option<DateTime<Utc>>,
    pub first_seen_at: DateTime<Utc>,
    /// Neither the post nor its feed gave a date: `published_at` only stands in.
    pub undated: bool,
    #[sea_orm(skip)]
    pub things: Vec<i32>,
    /// Why the post counts (or not), in plain words.
    #[sea_orm(skip)]
    pub reason: Option<String>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Filter {
    pub thing: Option<i32>,
    pub participant: Option<i32>,
}

/// Whether the posts carry their full HTML (output feeds) or only excerpts (pages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Excerpt,
    Full,
}

/// Posts a page view counts at most: beyond, the river says "more than" this many.
pub const COUNTED: u64 = 1000;

/// How many posts a river holds: exactly up to [`COUNTED`], else "more than".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Total {
    Exact(u64),
    MoreThan(u64),
}

impl Total {
    pub fn exact(self) -> Option<u64> {
        match self {
            Self::Exact(n) => Some(n),
            Self::MoreThan(_) => None,
        }
    }
}

/// One page of the river, how many posts the river holds, and whether older posts follow.
#[derive(Clone, Debug)]
pub struct RiverPage {
    pub posts: Vec<RiverPost>,
    pub total: Total,
    pub more: bool,
}

/// The cohort's posts matching `filter`, as (post, participant) pairs, without columns.
/// The river's order, newest first: dated posts by date, then undated ones, the newest
/// row first among equals (the order the `posts` indexes keep).
fn river_order<S: QueryOrder>(select: S) -> S {
    select
        .order_by_asc(post::Column::Undated)
        .order_by_desc(post::Column::PublishedAt)
        .order_by_desc(post::Column::Id)
}

fn matching(cohort: &cohort::Model, filter: Filter) -> Select<post::Entity> {
    let mut query = post::Entity::find()
        .select_only()
        .join(JoinType::InnerJoin, by_feed())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(post::Column::PublishedAt.gte(archive_cutoff(cohort)));
    if let Some(id) = filter.participant {
        query = query.filter(participant::Column::Id.eq(id));
    }
    if let Some(number) = filter.thing {
        query = query.filter(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(post_thing::Entity)
                .and_where(
                    Expr::col((post_thing::Entity, post_thing::Column::PostId))
                        .equals((post::Entity, post::Column::Id)),
                )
                .and_where(
                    Expr::col((post_thing::Entity, post_thing::Column::ParticipantId))
                        .equals((participant::Entity, participant::Column::Id)),
                )
                .and_where(post_thing::Column::LessonNumber.eq(number))
                .to_owned(),
        ));
    }
    query
}

/// The (post, participant) ids of the newest `limit` matching posts, newest first: a walk
/// down the posts in date order that stops after `limit`, whatever the cohort holds.
async fn newest_ids(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    filter: Filter,
    limit: u64,
) -> Result<Vec<(i32, i32)>, sea_orm::DbErr> {
    let select = matching(cohort, filter)
        .column(post::Column::Id)
        .column(participant::Column::Id);
    river_order(select).limit(limit).into_tuple().all(db).await
}

/// The posts `ids` ((post, participant) pairs) as the river shows them, in that order.
async fn posts(
    db: &impl ConnectionTrait,
    ids: &[(i32, i32)],
    content: Content,
) -> Result<Vec<RiverPost>, sea_orm::DbErr> {
    let participants: Vec<i32> = ids.iter().map(|(_, p)| *p).collect();
    let mut query = post::Entity::find()
        .select_only()
        .column(post::Column::Id)
        .column_as(participant::Column::Id, "participant_id")
        .column_as(participant::Column::CohortId, "cohort_id")
        .column_as(person::Column::Name, "author")
        .column_as(participant::Column::BlogUrl, "blog")
        .columns([
            post::Column::Title,
            post::Column::Link,
            post::Column::Excerpt,
        ])
        .columns([
            post::Column::PublishedAt,
            post::Column::UpdatedAt,
            post::Column::FirstSeenAt,
            post::Column::Undated,
        ]);
    query = match content {
        Content::Full => query.column(post::Column::ContentHtml),
        Content::Excerpt => query.expr_as(Expr::val(""), "content_html"),
    };
    let found: Vec<RiverPost> = query
        .join(JoinType::InnerJoin, by_feed())
        .join(JoinType::InnerJoin, participant::Relation::Person.def())
        .filter(post::Column::Id.is_in(ids.iter().map(|(id, _)| *id)))
        .filter(participant::Column::Id.is_in(participants))
        .into_model()
        .all(db)
        .await?;
    let mut by_key: HashMap<(i32, i32), RiverPost> = found
        .into_iter()
        .map(|p| ((p.id, p.participant_id), p))
        .collect();
    let mut posts: Vec<RiverPost> = ids.iter().filter_map(|key| by_key.remove(key)).collect();
    attach_things(db, &mut posts).await?;
    Ok(posts)
}

/// One page (1-based) of the river, excerpts only, with the river's size counted up to
/// [`COUNTED`] posts: one walk of at most that many ids (or down to the page, when deeper).
pub async fn page(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    filter: Filter,
    page: u64,
    per_page: u64,
) -> Result<RiverPage, sea_orm::DbErr> {
    let skip = page.saturating_sub(1).saturating_mul(per_page);
    let end = skip.saturating_add(per_page);
    let walk = Ord::max(end, COUNTED);
    let walked = newest_ids(db, cohort, filter, walk + 1).await?;
    let found = walked.len() as u64;
    let total = if found > walk {
        Total::MoreThan(walk)
    } else {
        Total::Exact(found)
    };
    let shown: Vec<(i32, i32)> = walked
        .iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(usize::try_from(per_page).unwrap_or(usize::MAX))
        .copied()
        .collect();
    Ok(RiverPage {
        posts: posts(db, &shown, Content::Excerpt).await?,
        total,
        more: found > end,
    })
}

/// The newest `limit` posts with their full HTML, for the output feeds.
pub async fn newest(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    limit: u64,
) -> Result<Vec<RiverPost>, sea_orm::DbErr> {
    let ids = newest_ids(db, cohort, Filter::default(), limit).await?;
    posts(db, &ids, Content::Full).await
}

/// How many posts match `filter`, exactly: cheap for one person's posts; a whole cohort's
/// river counts up to [`COUNTED`] with [`page`] instead.
pub async fn count(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    filter: Filter,
) -> Result<u64, sea_orm::DbErr> {
    let count: Option<i64> = matching(cohort, filter)
        .expr(post::Column::Id.count())
        .into_tuple()
        .one(db)
        .await?;
    Ok(count.map_or(0, |n| u64::try_from(n).unwrap_or(0)))
}

async fn attach_things(
    db: &impl ConnectionTrait,
    posts: &mut [RiverPost],
) -> Result<(), sea_orm::DbErr> {
    if posts.is_empty() {
        return Ok(());
    }
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    let participants: Vec<i32> = posts.iter().map(|p| p.participant_id).collect();
    let rows: Vec<(i32, i32, i32)> = post_thing::Entity::find()
        .select_only()
        .columns([
            post_thing::Column::ParticipantId,
            post_thing::Column::PostId,
            post_thing::Column::LessonNumber,
        ])
        .filter(post_thing::Column::ParticipantId.is_in(participants.clone()))
        .filter(post_thing::Column::PostId.is_in(ids.clone()))
        .order_by_asc(post_thing::Column::LessonNumber)
        .into_tuple()
        .all(db)
        .await?;
    let mut things: HashMap<(i32, i32), Vec<i32>> = HashMap::new();
    for (participant_id, post_id, number) in rows {
        things
            .entry((participant_id, post_id))
            .or_default()
            .push(number);
    }
    let reasons: Vec<(i32, i32, String)> = recognition::Entity::find()
        .select_only()
        .columns([
            recognition::Column::ParticipantId,
            recognition::Column::PostId,
            recognition::Column::Reason,
        ])
        .filter(recognition::Column::ParticipantId.is_in(participants))
        .filter(recognition::Column::PostId.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    let mut reasons: HashMap<(i32, i32), String> = reasons
        .into_iter()
        .map(|(participant_id, post_id, reason)| ((participant_id, post_id), reason))
        .collect();
    for post in posts {
        let key = (post.participant_id, post.id);
        post.things = things.remove(&key).unwrap_or_default();
        post.reason = reasons.remove(&key);
    }
    Ok(())
}

/// The newest posts about lesson `number` in `cohorts` (those the reader may see), each
/// with its cohort's slug: one query, whatever the number of cohorts.
pub async fn about_lesson(
    db: &impl ConnectionTrait,
    cohorts: &[&cohort::Model],
    number: i32,
    limit: u64,
) -> Result<Vec<(String, RiverPost)>, sea_orm::DbErr> {
    if cohorts.is_empty() {
        return Ok(Vec::new());
    }
    let in_time = cohorts.iter().fold(Condition::any(), |any, c| {
        any.add(
            Condition::all()
                .add(participant::Column::CohortId.eq(c.id))
                .add(post::Column::PublishedAt.gte(archive_cutoff(c))),
        )
    });
    let select = post_thing::Entity::find()
        .select_only()
        .column(post_thing::Column::PostId)
        .column(post_thing::Column::ParticipantId)
        .join(JoinType::InnerJoin, post_thing_post())
        .join(JoinType::InnerJoin, post_thing_participant())
        .filter(post_thing::Column::LessonNumber.eq(number))
        .filter(in_time);
    let keys: Vec<(i32, i32)> = river_order(select)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    let slugs: HashMap<i32, &str> = cohorts.iter().map(|c| (c.id, c.slug.as_str())).collect();
    Ok(posts(db, &keys, Content::Excerpt)
        .await?
        .into_iter()
        .filter_map(|p| Some((slugs.get(&p.cohort_id)?.to_string(), p)))
        .collect())
}

/// Posts joined to the participants whose feed they came from.
fn by_feed() -> sea_orm::RelationDef {
    post::Entity::belongs_to(participant::Entity)
        .from(post::Column::FeedId)
        .to(participant::Column::FeedId)
        .into()
}

fn post_thing_post() -> sea_orm::RelationDef {
    post_thing::Entity::belongs_to(post::Entity)
        .from(post_thing::Column::PostId)
        .to(post::Column::Id)
        .into()
}

fn post_thing_participant() -> sea_orm::RelationDef {
    post_thing::Entity::belongs_to(participant::Entity)
        .from(post_thing::Column::ParticipantId)
        .to(participant::Column::Id)
        .into()
}
