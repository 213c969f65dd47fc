//! Completions: what recognition marks, what people claim or report, what coordinators
//! override (an override always wins), and finishing, which enqueues the celebration
//! emails in the same transaction so that none is ever lost or doubled.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use url::Url;

use super::recognise::{self, Decision, PostFacts};
use super::{batch, celebrate};
use crate::entities::{
    cohort, completion, completion_override, participant, post, post_thing, recognition,
};
use crate::feeds::river::archive_cutoff;
use crate::lessons::Program;

/// Where a completion came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Post,
    Claim,
    Coordinator,
    SelfReport,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::Claim => "claim",
            Self::Coordinator => "coordinator",
            Self::SelfReport => "self",
        }
    }
}

/// What recognition needs besides the database.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    pub program: &'a Program,
    pub base_url: &'a Url,
}

#[derive(Debug, thiserror::Error)]
pub enum CompletionError {
    #[error("there is no Thing {0} in this program")]
    NoSuchLesson(i32),
    #[error("that post is not one of this participant's")]
    NotTheirPost,
    #[error("this cohort does not allow reporting things yourself")]
    SelfReportOff,
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// Re-decides every stored post of `member`, brings the things each counts for and the
/// post-sourced completions up to date, and finishes them when everything required is done.
/// Completions made by hand (claims, self-reports, coordinators) are never removed, and a
/// coordinator's unmark is never undone by recognition.
pub async fn evaluate(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let Some(feed_id) = member.feed_id else {
        return Ok(());
    };
    let posts = post::Entity::find()
        .filter(post::Column::FeedId.eq(feed_id))
        .order_by_asc(post::Column::PublishedAt)
        .all(db)
        .await?;
    let cutoff = archive_cutoff(cohort);
    let existing_decisions: HashMap<i32, recognition::Model> = recognition::Entity::find()
        .filter(recognition::Column::ParticipantId.eq(member.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.post_id, r))
        .collect();
    let existing_things: HashSet<(i32, i32)> = post_thing::Entity::find()
        .filter(post_thing::Column::ParticipantId.eq(member.id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.post_id, t.lesson_number))
        .collect();
    // Lesson -> the earliest post that counts for it.
    let mut evidence: BTreeMap<i32, &post::Model> = BTreeMap::new();
    let mut wanted_things: HashSet<(i32, i32)> = HashSet::new();
    let mut new_decisions = Vec::new();
    for post in &posts {
        let categories: Vec<String> = serde_json::from_str(&post.categories).unwrap_or_default();
        let facts = PostFacts {
            title: &post.title,
            categories: &categories,
            content_html: &post.content_html,
            published_at: post.published_at,
        };
        let decision = recognise::recognise(&facts, rules.program, rules.base_url, cutoff);
        for number in decision.lessons() {
            evidence.entry(number).or_insert(post);
            wanted_things.insert((post.id, number));
        }
        let existing = existing_decisions.get(&post.id);
        new_decisions
            .extend(record_decision(db, member.id, post.id, &decision, existing, now).await?);
    }
    batch::insert_decisions(db, new_decisions).await?;
    let new_things = wanted_things.difference(&existing_things).copied();
    batch::insert_post_things(db, member.id, new_things).await?;
    for (post_id, number) in existing_things.difference(&wanted_things) {
        post_thing::Entity::delete_many()
            .filter(post_thing::Column::ParticipantId.eq(member.id))
            .filter(post_thing::Column::PostId.eq(*post_id))
            .filter(post_thing::Column::LessonNumber.eq(*number))
            .exec(db)
            .await?;
    }

    let overrides = latest_overrides(db, member.id).await?;
    let completions = completion::Entity::find()
        .filter(completion::Column::ParticipantId.eq(member.id))
        .all(db)
        .await?;
    let done: HashMap<i32, &completion::Model> =
        completions.iter().map(|c| (c.lesson_number, c)).collect();
    let mut new_completions = Vec::new();
    for (number, post) in &evidence {
        if overrides.get(number) == Some(&false) {
            continue;
        }
        match done.get(number) {
            None => new_completions.push(completion::ActiveModel {
                participant_id: Set(member.id),
                lesson_number: Set(*number),
                source: Set(Source::Post.as_str().to_owned()),
                post_id: Set(Some(post.id)),
                completed_at: Set(post.published_at.min(now)),
                ..Default::default()
            }),
            Some(existing)
                if existing.source == Source::Post.as_str()
                    && !wanted_things.contains(&(existing.post_id.unwrap_or(0), *number)) =>
            {
                let mut row: completion::ActiveModel = (*existing).clone().into();
                row.post_id = Set(Some(post.id));
                row.update(db).await?;
            }
            Some(_) => {}
        }
    }
    batch::insert_completions(db, new_completions).await?;
    for completion in completions
        .iter()
        .filter(|c| c.source == Source::Post.as_str() && !evidence.contains_key(&c.lesson_number))
    {
        completion::Entity::delete_by_id(completion.id)
            .exec(db)
            .await?;
    }
    check_finished(db, rules, member.id, cohort, now).await
}

/// Brings a stored decision up to date; one never made before is returned, to be inserted
/// with the others.
async fn record_decision(
    db: &impl ConnectionTrait,
    participant_id: i32,
    post_id: i32,
    decision: &Decision,
    existing: Option<&recognition::Model>,
    now: DateTime<Utc>,
) -> Result<Option<recognition::ActiveModel>, sea_orm::DbErr> {
    let reason = decision.to_string();
    match existing {
        Some(row) if row.reason == reason => Ok(None),
        Some(row) => {
            let mut active: recognition::ActiveModel = row.clone().into();
            active.reason = Set(reason);
            active.decided_at = Set(now);
            active.update(db).await.map(|_| None)
        }
        None => Ok(Some(recognition::ActiveModel {
            participant_id: Set(participant_id),
            post_id: Set(post_id),
            reason: Set(reason),
            decided_at: Set(now),
            ..Default::default()
        })),
    }
}

/// Records that a post counts for a lesson (once).
async fn insert_post_thing(
    db: &impl ConnectionTrait,
    participant_id: i32,
    post_id: i32,
    number: i32,
) -> Result<(), sea_orm::DbErr> {
    post_thing::Entity::insert(post_thing::ActiveModel {
        participant_id: Set(participant_id),
        post_id: Set(post_id),
        lesson_number: Set(number),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            post_thing::Column::ParticipantId,
            post_thing::Column::PostId,
            post_thing::Column::LessonNumber,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// The coordinator's last word per lesson: true = marked, false = unmarked.
async fn latest_overrides(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<HashMap<i32, bool>, sea_orm::DbErr> {
    let rows = completion_override::Entity::find()
        .filter(completion_override::Column::ParticipantId.eq(participant_id))
        .order_by_asc(completion_override::Column::At)
        .order_by_asc(completion_override::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|o| (o.lesson_number, o.done))
        .collect())
}

async fn insert_completion(
    db: &impl ConnectionTrait,
    participant_id: i32,
    lesson: i32,
    source: Source,
    post_id: Option<i32>,
    at: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    completion::Entity::insert(completion::ActiveModel {
        participant_id: Set(participant_id),
        lesson_number: Set(lesson),
        source: Set(source.as_str().to_owned()),
        post_id: Set(post_id),
        completed_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            completion::Column::ParticipantId,
            completion::Column::LessonNumber,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// A participant says an unrecognised post of theirs was for lesson `number`.
pub async fn claim(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    post_id: i32,
    number: i32,
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    rules
        .program
        .get(number)
        .ok_or(CompletionError::NoSuchLesson(number))?;
    let post = post::Entity::find_by_id(post_id)
        .one(db)
        .await?
        .filter(|p| Some(p.feed_id) == member.feed_id)
        .ok_or(CompletionError::NotTheirPost)?;
    completion::Entity::delete_many()
        .filter(completion::Column::ParticipantId.eq(member.id))
        .filter(completion::Column::LessonNumber.eq(number))
        .filter(completion::Column::Source.eq(Source::Post.as_str()))
        .exec(db)
        .await?;
    insert_completion(db, member.id, number, Source::Claim, Some(post.id), now).await?;
    insert_post_thing(db, member.id, post.id, number).await?;
    check_finished(db, rules, member.id, cohort, now).await?;
    Ok(())
}

/// A participant reports a lesson done without a post, where the cohort allows it.
pub async fn report_self(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    number: i32,
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    if !cohort.self_report {
        return Err(CompletionError::SelfReportOff);
    }
    rules
        .program
        .get(number)
        .ok_or(CompletionError::NoSuchLesson(number))?;
    insert_completion(db, member.id, number, Source::SelfReport, None, now).await?;
    check_finished(db, rules, member.id, cohort, now).await?;
    Ok(())
}

/// A coordinator's decision about one lesson for one participant.
#[derive(Clone, Copy, Debug)]
pub struct Override {
    pub number: i32,
    /// Marked (true) or unmarked (false).
    pub done: bool,
    /// The coordinator, for the audit trail.
    pub by: Option<i32>,
}

/// A coordinator marks or unmarks a lesson; recorded for the audit, and it wins over
/// recognition from then on.
pub async fn set_by_coordinator(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    Override { number, done, by }: Override,
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    rules
        .program
        .get(number)
        .ok_or(CompletionError::NoSuchLesson(number))?;
    completion_override::ActiveModel {
        participant_id: Set(member.id),
        lesson_number: Set(number),
        done: Set(done),
        by_person_id: Set(by),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    completion::Entity::delete_many()
        .filter(completion::Column::ParticipantId.eq(member.id))
        .filter(completion::Column::LessonNumber.eq(number))
        .exec(db)
        .await?;
    if done {
        insert_completion(db, member.id, number, Source::Coordinator, None, now).await?;
        check_finished(db, rules, member.id, cohort, now).await?;
    }
    Ok(())
}

/// Finishes the participant once every required lesson is complete (setting `finished_at`
/// once, with a conditional update) and enqueues the celebrations in the same transaction;
/// sends the halfway note on the way there.
pub async fn check_finished(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    participant_id: i32,
    cohort: &cohort::Model,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let required: Vec<i32> = rules
        .program
        .lessons
        .iter()
        .filter(|l| l.required)
        .map(|l| l.number)
        .collect();
    let done = completion::Entity::find()
        .filter(completion::Column::ParticipantId.eq(participant_id))
        .filter(completion::Column::LessonNumber.is_in(required.clone()))
        .count(db)
        .await?;
    let done = usize::try_from(done).unwrap_or(0);
    if done >= required.len() && !required.is_empty() {
        let finished = participant::Entity::update_many()
            .col_expr(participant::Column::FinishedAt, Expr::value(now))
            .filter(participant::Column::Id.eq(participant_id))
            .filter(participant::Column::FinishedAt.is_null())
            .exec(db)
            .await?;
        if finished.rows_affected == 1 {
            celebrate::finished(db, rules, participant_id, cohort, now).await?;
        }
    } else if done * 2 >= required.len() && done > 0 {
        celebrate::halfway(db, rules, participant_id, cohort, done, required.len(), now).await?;
    }
    Ok(())
}
