//! Recognition's side of completions: every stored post of a participant re-decided, the
//! things each counts for and the post-sourced completions brought in line, then finishing.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::{Rules, Source, check_finished, latest_overrides};
use crate::cohorts::archive_cutoff;
use crate::entities::{cohort, completion, participant, post, post_thing, recognition};
use crate::progress::batch;
use crate::progress::recognise::{self, Decision, PostFacts};

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
    // Only this feed's posts are re-decided: what a post on a blog the participant moved
    // away from earned stays earned.
    let ours: HashSet<i32> = posts.iter().map(|p| p.id).collect();
    let completions = completion::Entity::find()
        .filter(completion::Column::ParticipantId.eq(member.id))
        .all(db)
        .await?;
    let (evidence, mut wanted) = decide(db, rules, member, cohort, &posts, now).await?;
    wanted.extend(
        completions
            .iter()
            .filter(|c| c.source == Source::Claim)
            .filter_map(|c| Some((c.post_id?, c.lesson_number)))
            .filter(|(post_id, _)| ours.contains(post_id)),
    );
    keep_things(db, member.id, &ours, &wanted).await?;
    let kept = Kept {
        evidence: &evidence,
        wanted: &wanted,
        ours: &ours,
    };
    keep_completions(db, member, &completions, kept, now).await?;
    check_finished(db, rules, member.id, cohort, now).await
}

/// Lesson -> the earliest post that counts for it.
type Evidence<'p> = BTreeMap<i32, &'p post::Model>;

/// Recognises each of `posts` (oldest first) and stores each decision that changed; returns
/// the earliest post for each lesson and every (post, lesson) pair that counts.
async fn decide<'p>(
    db: &impl ConnectionTrait,
    rules: Rules<'_>,
    member: &participant::Model,
    cohort: &cohort::Model,
    posts: &'p [post::Model],
    now: DateTime<Utc>,
) -> Result<(Evidence<'p>, HashSet<(i32, i32)>), sea_orm::DbErr> {
    let cutoff = archive_cutoff(cohort);
    let existing: HashMap<i32, recognition::Model> = recognition::Entity::find()
        .filter(recognition::Column::ParticipantId.eq(member.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.post_id, r))
        .collect();
    let mut evidence = Evidence::new();
    let mut things = HashSet::new();
    let mut new_decisions = Vec::new();
    for post in posts {
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
            things.insert((post.id, number));
        }
        let before = existing.get(&post.id);
        new_decisions
            .extend(record_decision(db, member.id, post.id, &decision, before, now).await?);
    }
    batch::insert_decisions(db, new_decisions).await?;
    Ok((evidence, things))
}

/// Makes the stored (post, lesson) pairs of `ours` posts exactly `wanted`.
async fn keep_things(
    db: &impl ConnectionTrait,
    participant_id: i32,
    ours: &HashSet<i32>,
    wanted: &HashSet<(i32, i32)>,
) -> Result<(), sea_orm::DbErr> {
    let existing: HashSet<(i32, i32)> = post_thing::Entity::find()
        .filter(post_thing::Column::ParticipantId.eq(participant_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.post_id, t.lesson_number))
        .filter(|(post_id, _)| ours.contains(post_id))
        .collect();
    let new_things = wanted.difference(&existing).copied();
    batch::insert_post_things(db, participant_id, new_things).await?;
    for (post_id, number) in existing.difference(wanted) {
        post_thing::Entity::delete_many()
            .filter(post_thing::Column::ParticipantId.eq(participant_id))
            .filter(post_thing::Column::PostId.eq(*post_id))
            .filter(post_thing::Column::LessonNumber.eq(*number))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// What recognition decided for one participant's current feed.
#[derive(Clone, Copy)]
struct Kept<'a, 'p> {
    evidence: &'a Evidence<'p>,
    wanted: &'a HashSet<(i32, i32)>,
    /// The posts of the current feed.
    ours: &'a HashSet<i32>,
}

/// Brings the post-sourced completions in line with `kept`: a lesson with evidence and no
/// completion gets one (unless a coordinator unmarked it), one whose post no longer counts
/// moves to the post that does, and one of this feed with no evidence left goes.
async fn keep_completions(
    db: &impl ConnectionTrait,
    member: &participant::Model,
    completions: &[completion::Model],
    kept: Kept<'_, '_>,
    now: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    let overrides = latest_overrides(db, member.id).await?;
    let done: HashMap<i32, &completion::Model> =
        completions.iter().map(|c| (c.lesson_number, c)).collect();
    let mut new_completions = Vec::new();
    for (number, post) in kept.evidence {
        if overrides.get(number) == Some(&false) {
            continue;
        }
        match done.get(number) {
            None => new_completions.push(completion::ActiveModel {
                participant_id: Set(member.id),
                lesson_number: Set(*number),
                source: Set(Source::Post),
                post_id: Set(Some(post.id)),
                completed_at: Set(post.published_at.min(now)),
                ..Default::default()
            }),
            Some(existing)
                if existing.source == Source::Post
                    && !kept
                        .wanted
                        .contains(&(existing.post_id.unwrap_or(0), *number)) =>
            {
                let mut row: completion::ActiveModel = (*existing).clone().into();
                row.post_id = Set(Some(post.id));
                row.update(db).await?;
            }
            Some(_) => {}
        }
    }
    batch::insert_completions(db, new_completions).await?;
    for completion in completions.iter().filter(|c| {
        c.source == Source::Post
            && !kept.evidence.contains_key(&c.lesson_number)
            && c.post_id.is_some_and(|id| kept.ours.contains(&id))
    }) {
        completion::Entity::delete_by_id(completion.id)
            .exec(db)
            .await?;
    }
    Ok(())
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
