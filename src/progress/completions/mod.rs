//! Completions: what recognition marks, what people claim or report, what coordinators
//! override (an override always wins), and finishing, which enqueues the celebration
//! emails in the same transaction so that none is ever lost or doubled.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use url::Url;

use super::{batch, celebrate};
use crate::cohorts;
use crate::cohorts::archive_cutoff;
pub use crate::entities::completion::Source;
use crate::entities::{
    cohort, completion, completion_override, participant, person, post, post_thing,
};
use crate::lessons::{Program, Programs};

mod evaluate;
mod refused;

pub use evaluate::evaluate;
pub use refused::CompletionError;

/// What recognition needs besides the database.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    pub program: &'a Program,
    pub base_url: &'a Url,
}

impl<'a> Rules<'a> {
    /// The rules for a participant of `cohort`: its own program's lessons.
    pub fn of(programs: &'a Programs, cohort: &cohort::Model, base_url: &'a Url) -> Self {
        Self {
            program: programs.of(cohort),
            base_url,
        }
    }
}

/// The rules every claim and self-report passes before it counts: the lesson exists and has
/// opened for this participant, and a coordinator has not unmarked it. (Recognition of
/// posts does not wait for lessons to open; coordinators' overrides pass no rule.)
async fn may_count_by_hand(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    number: i32,
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    let lesson = rules
        .program
        .get(number)
        .ok_or(CompletionError::NoSuchLesson(number))?;
    let opens = cohorts::member_week_opens(cohort, member, lesson.week);
    if opens > now {
        return Err(CompletionError::NotOpenYet {
            number,
            opens: opens.with_timezone(&cohorts::timezone(cohort)),
        });
    }
    if latest_overrides(db, member.id).await?.get(&number) == Some(&false) {
        return Err(CompletionError::UnmarkedByCoordinator(number));
    }
    Ok(())
}

/// A coordinator's mark or unmark, as the audit trail shows it.
#[derive(Clone, Debug)]
pub struct OverrideRecord {
    pub number: i32,
    pub done: bool,
    pub at: DateTime<Utc>,
    /// The coordinator's name, when they are still known.
    pub by: Option<String>,
}

/// Every mark and unmark of `member`'s lessons, newest first.
pub async fn override_history(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<Vec<OverrideRecord>, sea_orm::DbErr> {
    let overrides = completion_override::Entity::find()
        .filter(completion_override::Column::ParticipantId.eq(member.id))
        .order_by_desc(completion_override::Column::At)
        .order_by_desc(completion_override::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(overrides.iter().filter_map(|o| o.by_person_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    Ok(overrides
        .into_iter()
        .map(|o| OverrideRecord {
            number: o.lesson_number,
            done: o.done,
            at: o.at,
            by: o.by_person_id.and_then(|id| names.get(&id).cloned()),
        })
        .collect())
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
    let row = completion::ActiveModel {
        participant_id: Set(participant_id),
        lesson_number: Set(lesson),
        source: Set(source),
        post_id: Set(post_id),
        completed_at: Set(at),
        ..Default::default()
    };
    batch::insert_completions(db, vec![row]).await
}

/// A participant says a post of theirs that counted for nothing was for lesson `number`:
/// allowed for a lesson open for them, a post of the cohort's time (not the blog's
/// archive), and a lesson a coordinator has not unmarked. All or nothing, in a transaction
/// of its own.
pub async fn claim(
    db: &DatabaseConnection,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    (post_id, number): (i32, i32),
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    let txn = crate::db::begin_write(db).await?;
    let db = &txn;
    may_count_by_hand(db, rules, member, cohort, number, now).await?;
    let post = post::Entity::find_by_id(post_id)
        .one(db)
        .await?
        .filter(|p| Some(p.feed_id) == member.feed_id)
        .ok_or(CompletionError::NotTheirPost)?;
    if post.published_at < archive_cutoff(cohort) {
        return Err(CompletionError::ArchivePost);
    }
    if let Some(counted) = post_thing::Entity::find()
        .filter(post_thing::Column::ParticipantId.eq(member.id))
        .filter(post_thing::Column::PostId.eq(post.id))
        .one(db)
        .await?
    {
        return Err(CompletionError::PostAlreadyCounts(counted.lesson_number));
    }
    completion::Entity::delete_many()
        .filter(completion::Column::ParticipantId.eq(member.id))
        .filter(completion::Column::LessonNumber.eq(number))
        .filter(completion::Column::Source.eq(Source::Post))
        .exec(db)
        .await?;
    insert_completion(db, member.id, number, Source::Claim, Some(post.id), now).await?;
    batch::insert_post_things(db, member.id, std::iter::once((post.id, number))).await?;
    check_finished(db, rules, member.id, cohort, now).await?;
    txn.commit().await?;
    Ok(())
}

/// A participant reports a lesson done without a post, where the cohort allows it. All or
/// nothing, in a transaction of its own.
pub async fn report_self(
    db: &DatabaseConnection,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    number: i32,
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    if !cohort.self_report {
        return Err(CompletionError::SelfReportOff);
    }
    let txn = crate::db::begin_write(db).await?;
    let db = &txn;
    may_count_by_hand(db, rules, member, cohort, number, now).await?;
    insert_completion(db, member.id, number, Source::SelfReport, None, now).await?;
    check_finished(db, rules, member.id, cohort, now).await?;
    txn.commit().await?;
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
    } else {
        unfinish_if_incomplete(db, rules, member.id, number, now).await?;
    }
    Ok(())
}

/// After a coordinator unmarked lesson `number`: a finisher who no longer has every
/// required lesson is unfinished again (`finished_at` cleared) and their badge revoked, in
/// the same transaction; finishing again finishes them anew.
async fn unfinish_if_incomplete(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    participant_id: i32,
    number: i32,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    if !rules.program.get(number).is_some_and(|l| l.required) {
        return Ok(());
    }
    let unfinished = participant::Entity::update_many()
        .col_expr(
            participant::Column::FinishedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(participant::Column::Id.eq(participant_id))
        .filter(participant::Column::FinishedAt.is_not_null())
        .exec(db)
        .await?;
    if unfinished.rows_affected == 1 {
        let reason =
            format!("A coordinator unmarked Thing {number}, so the program is no longer complete.");
        crate::badges::revoke(db, participant_id, &reason, now).await?;
    }
    Ok(())
}

/// A coordinator marks or unmarks several lessons at once, all or none (one transaction).
pub async fn set_many_by_coordinator(
    db: &DatabaseConnection,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    changes: &[Override],
    now: DateTime<Utc>,
) -> Result<(), CompletionError> {
    let txn = crate::db::begin_write(db).await?;
    for change in changes {
        set_by_coordinator(&txn, rules, member, cohort, *change, now).await?;
    }
    txn.commit().await?;
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
    let times: Vec<DateTime<Utc>> = completion::Entity::find()
        .select_only()
        .column(completion::Column::CompletedAt)
        .filter(completion::Column::ParticipantId.eq(participant_id))
        .filter(completion::Column::LessonNumber.is_in(required.clone()))
        .into_tuple()
        .all(db)
        .await?;
    let done = times.len();
    if done >= required.len() && !required.is_empty() {
        // Finished when the last required lesson was done (a post's publication, say),
        // not when the server happened to read it.
        let finished_at = times.into_iter().max().unwrap_or(now).min(now);
        let finished = participant::Entity::update_many()
            .col_expr(participant::Column::FinishedAt, Expr::value(finished_at))
            .filter(participant::Column::Id.eq(participant_id))
            .filter(participant::Column::FinishedAt.is_null())
            .exec(db)
            .await?;
        if finished.rows_affected == 1 {
            let things = rules.program.required_count();
            crate::badges::award(db, participant_id, cohort, things, finished_at, now).await?;
            celebrate::finished(db, rules, participant_id, cohort, now).await?;
        }
    } else if done * 2 >= required.len() && done > 0 {
        celebrate::halfway(db, rules, participant_id, cohort, done, required.len(), now).await?;
    }
    Ok(())
}
