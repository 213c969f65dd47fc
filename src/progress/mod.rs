//! Progress: recognising which things posts are about, completions, finishing, and
//! reading who has done what.

mod batch;
pub mod celebrate;
pub mod completions;
pub mod export;
pub mod grid;
pub mod people;
pub mod recognise;
pub mod reminders;
pub mod standing;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::JoinType;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait,
};
use serde::Serialize;

use crate::entities::{cohort, completion, feed, participant, person, post};

/// One participant's standing in a cohort.
#[derive(Clone, Debug, Serialize)]
pub struct ParticipantProgress {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub blog: String,
    pub completed: Vec<i32>,
    pub finished_at: Option<DateTime<Utc>>,
    pub joined_at: DateTime<Utc>,
    pub feed_id: Option<i32>,
}

/// (participant, name, email, blog, finished at, joined at, feed)
type MemberRow = (
    i32,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
    DateTime<Utc>,
    Option<i32>,
);

/// Every participant of `cohort` with the lesson numbers they completed, in name order
/// (two queries).
pub async fn cohort_progress(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Vec<ParticipantProgress>, sea_orm::DbErr> {
    let rows: Vec<MemberRow> = participant::Entity::find()
        .select_only()
        .column(participant::Column::Id)
        .columns([person::Column::Name, person::Column::Email])
        .columns([
            participant::Column::BlogUrl,
            participant::Column::FinishedAt,
            participant::Column::JoinedAt,
            participant::Column::FeedId,
        ])
        .join(JoinType::InnerJoin, participant::Relation::Person.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .into_tuple()
        .all(db)
        .await?;
    let completions: Vec<(i32, i32)> = completion::Entity::find()
        .select_only()
        .column(completion::Column::ParticipantId)
        .column(completion::Column::LessonNumber)
        .join(JoinType::InnerJoin, completion::Relation::Participant.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .order_by_asc(completion::Column::LessonNumber)
        .into_tuple()
        .all(db)
        .await?;
    let mut done: HashMap<i32, Vec<i32>> = HashMap::new();
    for (participant_id, lesson) in completions {
        done.entry(participant_id).or_default().push(lesson);
    }
    let mut progress: Vec<ParticipantProgress> = rows
        .into_iter()
        .map(
            |(id, name, email, blog, finished_at, joined_at, feed_id)| ParticipantProgress {
                completed: done.remove(&id).unwrap_or_default(),
                id,
                name,
                email,
                blog,
                finished_at,
                joined_at,
                feed_id,
            },
        )
        .collect();
    progress.sort_by_cached_key(|p| (p.name.to_lowercase(), p.id));
    Ok(progress)
}

/// A participant's standing with their feed and how many posts it has given.
#[derive(Clone, Debug)]
pub struct WithFeed {
    pub progress: ParticipantProgress,
    pub feed: Option<feed::Model>,
    pub posts: i64,
}

/// [`cohort_progress`] with each participant's feed and post count (two more queries).
pub async fn cohort_progress_with_feeds(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Vec<WithFeed>, sea_orm::DbErr> {
    let progress = cohort_progress(db, cohort).await?;
    let feed_ids: Vec<i32> = progress.iter().filter_map(|p| p.feed_id).collect();
    let feeds: HashMap<i32, feed::Model> = feed::Entity::find()
        .filter(feed::Column::Id.is_in(feed_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let counts: HashMap<i32, i64> = post::Entity::find()
        .select_only()
        .column(post::Column::FeedId)
        .column_as(post::Column::Id.count(), "count")
        .filter(post::Column::FeedId.is_in(feed_ids))
        .group_by(post::Column::FeedId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(progress
        .into_iter()
        .map(|progress| WithFeed {
            posts: progress
                .feed_id
                .and_then(|id| counts.get(&id).copied())
                .unwrap_or(0),
            // A feed shared by two members of one cohort is the same row for both.
            feed: progress.feed_id.and_then(|id| feeds.get(&id).cloned()),
            progress,
        })
        .collect())
}

/// The lessons `member` completed, in number order.
pub async fn completed(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<Vec<i32>, sea_orm::DbErr> {
    completion::Entity::find()
        .select_only()
        .column(completion::Column::LessonNumber)
        .filter(completion::Column::ParticipantId.eq(member.id))
        .order_by_asc(completion::Column::LessonNumber)
        .into_tuple()
        .all(db)
        .await
}

/// The finishers of `cohort` with their names, in the order they finished.
pub async fn finishers(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Vec<(participant::Model, person::Model)>, sea_orm::DbErr> {
    Ok(participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(participant::Column::FinishedAt.is_not_null())
        .order_by_asc(participant::Column::FinishedAt)
        .order_by_asc(participant::Column::Id)
        .find_also_related(person::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(member, person)| Some((member, person?)))
        .collect())
}

/// Re-decides every participant's posts (after the lessons or the rules changed); each
/// participant in a transaction of its own. Returns how many were evaluated.
pub async fn reevaluate_all(
    db: &sea_orm::DatabaseConnection,
    programs: &crate::lessons::Programs,
    base_url: &url::Url,
    now: DateTime<Utc>,
) -> Result<usize, sea_orm::DbErr> {
    let members = participant::Entity::find()
        .find_also_related(cohort::Entity)
        .all(db)
        .await?;
    let mut count = 0;
    for (member, cohort) in members {
        let Some(cohort) = cohort else { continue };
        let rules = completions::Rules::of(programs, &cohort, base_url);
        let txn = crate::db::begin_write(db).await?;
        completions::evaluate(&txn, rules, &member, &cohort, now).await?;
        txn.commit().await?;
        count += 1;
    }
    Ok(count)
}

/// Every participant of `cohort` with the date each lesson was completed, in name order.
pub async fn completion_dates(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Vec<(ParticipantProgress, HashMap<i32, DateTime<Utc>>)>, sea_orm::DbErr> {
    let people = cohort_progress(db, cohort).await?;
    let rows: Vec<(i32, i32, DateTime<Utc>)> = completion::Entity::find()
        .select_only()
        .columns([
            completion::Column::ParticipantId,
            completion::Column::LessonNumber,
            completion::Column::CompletedAt,
        ])
        .join(JoinType::InnerJoin, completion::Relation::Participant.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .into_tuple()
        .all(db)
        .await?;
    let mut dates: HashMap<i32, HashMap<i32, DateTime<Utc>>> = HashMap::new();
    for (participant_id, lesson, at) in rows {
        dates.entry(participant_id).or_default().insert(lesson, at);
    }
    Ok(people
        .into_iter()
        .map(|p| {
            let d = dates.remove(&p.id).unwrap_or_default();
            (p, d)
        })
        .collect())
}
