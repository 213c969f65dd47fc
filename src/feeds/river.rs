//! The river: every post of a cohort, newest first (posts of unknown date last), with the
//! things each counts for.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationTrait, Select,
};
use serde::Serialize;

use crate::entities::{cohort, participant, person, post, post_thing, recognition};

/// Posts published more than this many days before a cohort starts belong to old archives.
pub const ARCHIVE_DAYS: u64 = 14;

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

/// The instant before which posts count as the blog's archive for this cohort.
pub fn archive_cutoff(cohort: &cohort::Model) -> DateTime<Utc> {
    (cohort.starts_on - Days::new(ARCHIVE_DAYS))
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// What the river shows of each post (with its author and their blog).
fn columns(query: Select<post::Entity>) -> Select<post::Entity> {
    query
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
            post::Column::ContentHtml,
        ])
        .columns([
            post::Column::PublishedAt,
            post::Column::UpdatedAt,
            post::Column::FirstSeenAt,
            post::Column::Undated,
        ])
}

/// Posts joined to the participants whose feed they came from.
fn by_feed() -> sea_orm::RelationDef {
    post::Entity::belongs_to(participant::Entity)
        .from(post::Column::FeedId)
        .to(participant::Column::FeedId)
        .into()
}

fn select(cohort: &cohort::Model, filter: Filter) -> Select<post::Entity> {
    let mut query = columns(post::Entity::find())
        .join(JoinType::InnerJoin, by_feed())
        .join(JoinType::InnerJoin, participant::Relation::Person.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(post::Column::PublishedAt.gte(archive_cutoff(cohort)));
    if let Some(id) = filter.participant {
        query = query.filter(participant::Column::Id.eq(id));
    }
    if let Some(number) = filter.thing {
        query = query.filter(
            post::Column::Id.in_subquery(
                Query::select()
                    .column(post_thing::Column::PostId)
                    .from(post_thing::Entity)
                    .and_where(post_thing::Column::LessonNumber.eq(number))
                    .and_where(
                        Expr::col(post_thing::Column::ParticipantId).in_subquery(
                            Query::select()
                                .column(participant::Column::Id)
                                .from(participant::Entity)
                                .and_where(participant::Column::CohortId.eq(cohort.id))
                                .to_owned(),
                        ),
                    )
                    .to_owned(),
            ),
        );
    }
    query
}

/// One page (1-based) of the river and the number of posts in all.
pub async fn page(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    filter: Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<RiverPost>, u64), sea_orm::DbErr> {
    let total = select(cohort, filter).count(db).await?;
    let mut posts = select(cohort, filter)
        .order_by_asc(post::Column::Undated)
        .order_by_desc(post::Column::PublishedAt)
        .order_by_desc(post::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .into_model::<RiverPost>()
        .all(db)
        .await?;
    attach_things(db, &mut posts).await?;
    Ok((posts, total))
}

async fn attach_things(
    db: &impl ConnectionTrait,
    posts: &mut [RiverPost],
) -> Result<(), sea_orm::DbErr> {
    let ids: Vec<i32> = posts.iter().map(|p| p.id).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let rows = post_thing::Entity::find()
        .filter(post_thing::Column::PostId.is_in(ids))
        .order_by_asc(post_thing::Column::LessonNumber)
        .all(db)
        .await?;
    let mut things: HashMap<(i32, i32), Vec<i32>> = HashMap::new();
    for row in rows {
        things
            .entry((row.participant_id, row.post_id))
            .or_default()
            .push(row.lesson_number);
    }
    let mut reasons: HashMap<(i32, i32), String> = recognition::Entity::find()
        .filter(recognition::Column::PostId.is_in(posts.iter().map(|p| p.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ((r.participant_id, r.post_id), r.reason))
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
    let slugs: HashMap<i32, &str> = cohorts.iter().map(|c| (c.id, c.slug.as_str())).collect();
    let mut posts = columns(post::Entity::find())
        .join(JoinType::InnerJoin, by_feed())
        .join(JoinType::InnerJoin, participant::Relation::Person.def())
        .join(
            JoinType::InnerJoin,
            post::Entity::belongs_to(post_thing::Entity)
                .from(post::Column::Id)
                .to(post_thing::Column::PostId)
                .into(),
        )
        .filter(
            Expr::col((post_thing::Entity, post_thing::Column::ParticipantId))
                .equals((participant::Entity, participant::Column::Id)),
        )
        .filter(post_thing::Column::LessonNumber.eq(number))
        .filter(participant::Column::CohortId.is_in(slugs.keys().copied()))
        .order_by_asc(post::Column::Undated)
        .order_by_desc(post::Column::PublishedAt)
        .order_by_desc(post::Column::Id)
        .limit(limit)
        .into_model::<RiverPost>()
        .all(db)
        .await?;
    attach_things(db, &mut posts).await?;
    Ok(posts
        .into_iter()
        .filter_map(|p| Some((slugs.get(&p.cohort_id)?.to_string(), p)))
        .collect())
}
