//! Awards: an assertion is issued when a participant finishes (inside the transaction that
//! finishes them), revoked when a coordinator's unmark makes them unfinished, and issued
//! anew when they finish again. A participant holds at most one standing assertion.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::recipient;
use crate::cohorts;
use crate::entities::{badge_assertion, cohort, participant, person, post, post_thing};

/// An assertion with what its documents and pages speak of.
#[derive(Clone, Debug)]
pub struct Award {
    pub assertion: badge_assertion::Model,
    pub cohort: cohort::Model,
    pub participant: participant::Model,
    pub person: person::Model,
}

/// Awards `participant_id` the cohort's badge for finishing at `finished_at`, when badges
/// are on and they hold none yet; returns the standing assertion, if any.
pub async fn award(
    db: &impl ConnectionTrait,
    participant_id: i32,
    cohort: &cohort::Model,
    things: usize,
    finished_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<badge_assertion::Model>, DbErr> {
    if super::stored_issuer(db).await?.is_none() {
        return Ok(None);
    }
    let Some((member, person)) = cohorts::member(db, cohort, participant_id).await? else {
        return Ok(None);
    };
    let salt = recipient::new_salt();
    let row = badge_assertion::ActiveModel {
        public_id: Set(recipient::new_public_id()),
        participant_id: Set(member.id),
        cohort_id: Set(cohort.id),
        live_participant_id: Set(Some(member.id)),
        identity: Set(recipient::identity(&person.email, &salt)),
        salt: Set(salt),
        issued_on: Set(finished_at),
        narrative: Set(narrative(db, &member, cohort, things, finished_at).await?),
        created_at: Set(now),
        ..Default::default()
    };
    badge_assertion::Entity::insert(row)
        .on_conflict(
            OnConflict::column(badge_assertion::Column::LiveParticipantId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    live_for(db, member.id).await
}

/// Revokes the standing assertion of `participant_id`, if any, giving `reason`; the
/// assertion keeps its address and says it was revoked. Returns whether one was.
pub async fn revoke(
    db: &impl ConnectionTrait,
    participant_id: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let revoked = badge_assertion::Entity::update_many()
        .col_expr(badge_assertion::Column::RevokedAt, Expr::value(now))
        .col_expr(
            badge_assertion::Column::RevocationReason,
            Expr::value(reason.to_owned()),
        )
        .col_expr(
            badge_assertion::Column::LiveParticipantId,
            Expr::value(Option::<i32>::None),
        )
        .filter(badge_assertion::Column::LiveParticipantId.eq(participant_id))
        .exec(db)
        .await?;
    Ok(revoked.rows_affected > 0)
}

/// Awards a badge to every finisher who has none standing (people who finished before
/// badges were turned on); returns how many were awarded.
pub async fn award_missing(
    db: &impl ConnectionTrait,
    programs: &crate::lessons::Programs,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    if super::stored_issuer(db).await?.is_none() {
        return Ok(0);
    }
    let holders: HashSet<i32> = badge_assertion::Entity::find()
        .select_only()
        .column(badge_assertion::Column::LiveParticipantId)
        .filter(badge_assertion::Column::LiveParticipantId.is_not_null())
        .into_tuple::<Option<i32>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect();
    let finishers = participant::Entity::find()
        .filter(participant::Column::FinishedAt.is_not_null())
        .find_also_related(cohort::Entity)
        .all(db)
        .await?;
    let mut awarded = 0;
    for (member, cohort) in finishers {
        let (Some(cohort), Some(finished_at)) = (cohort, member.finished_at) else {
            continue;
        };
        if holders.contains(&member.id) {
            continue;
        }
        let things = programs.of(&cohort).required_count();
        if award(db, member.id, &cohort, things, finished_at, now)
            .await?
            .is_some()
        {
            awarded += 1;
        }
    }
    Ok(awarded)
}

/// The assertion at `public_id`, standing or revoked, with its cohort and recipient.
pub async fn find(db: &impl ConnectionTrait, public_id: &str) -> Result<Option<Award>, DbErr> {
    let Some(assertion) = badge_assertion::Entity::find()
        .filter(badge_assertion::Column::PublicId.eq(public_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    complete(db, assertion).await
}

/// Every assertion, oldest first, with its cohort and recipient (for the export).
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Award>, DbErr> {
    let assertions = badge_assertion::Entity::find()
        .order_by_asc(badge_assertion::Column::Id)
        .all(db)
        .await?;
    let mut awards = Vec::with_capacity(assertions.len());
    for assertion in assertions {
        awards.extend(complete(db, assertion).await?);
    }
    Ok(awards)
}

async fn complete(
    db: &impl ConnectionTrait,
    assertion: badge_assertion::Model,
) -> Result<Option<Award>, DbErr> {
    let Some(cohort) = cohort::Entity::find_by_id(assertion.cohort_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some((participant, person)) =
        cohorts::member(db, &cohort, assertion.participant_id).await?
    else {
        return Ok(None);
    };
    Ok(Some(Award {
        assertion,
        cohort,
        participant,
        person,
    }))
}

/// The standing assertion of `participant_id`, if any.
pub async fn live_for(
    db: &impl ConnectionTrait,
    participant_id: i32,
) -> Result<Option<badge_assertion::Model>, DbErr> {
    badge_assertion::Entity::find()
        .filter(badge_assertion::Column::LiveParticipantId.eq(participant_id))
        .one(db)
        .await
}

/// The standing assertions of a cohort: participant id -> assertion id.
pub async fn live_in_cohort(
    db: &impl ConnectionTrait,
    cohort_id: i32,
) -> Result<HashMap<i32, String>, DbErr> {
    Ok(badge_assertion::Entity::find()
        .filter(badge_assertion::Column::CohortId.eq(cohort_id))
        .filter(badge_assertion::Column::LiveParticipantId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.participant_id, a.public_id))
        .collect())
}

/// The evidence in words: "23 posts between 1 Sep and 20 Oct 2026, covering all 23
/// things" (the posts that counted for a thing), or the things alone without posts.
async fn narrative(
    db: &impl ConnectionTrait,
    member: &participant::Model,
    cohort: &cohort::Model,
    things: usize,
    finished_at: DateTime<Utc>,
) -> Result<String, DbErr> {
    let post_ids: HashSet<i32> = post_thing::Entity::find()
        .select_only()
        .column(post_thing::Column::PostId)
        .filter(post_thing::Column::ParticipantId.eq(member.id))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut dates: Vec<DateTime<Utc>> = post::Entity::find()
        .select_only()
        .column(post::Column::PublishedAt)
        .filter(post::Column::Id.is_in(post_ids))
        .into_tuple()
        .all(db)
        .await?;
    dates.sort();
    let tz = cohorts::timezone(cohort);
    let day = |at: DateTime<Utc>, year: bool| {
        let local = at.with_timezone(&tz);
        local
            .format(if year { "%-d %b %Y" } else { "%-d %b" })
            .to_string()
    };
    let covering = format!("covering all {things} things of {}", cohort.name);
    Ok(match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if dates.len() > 1 => {
            let same_year = first.with_timezone(&tz).format("%Y").to_string()
                == last.with_timezone(&tz).format("%Y").to_string();
            let (from, to) = (day(*first, !same_year), day(*last, true));
            if from == to || day(*first, true) == to {
                format!("{} posts on {to}, {covering}.", dates.len())
            } else {
                format!("{} posts between {from} and {to}, {covering}.", dates.len())
            }
        }
        (Some(only), _) => format!("1 post on {}, {covering}.", day(*only, true)),
        _ => format!(
            "All {things} things of {} done by {}.",
            cohort.name,
            day(finished_at, true)
        ),
    })
}
