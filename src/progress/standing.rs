//! Where one participant stands: each lesson's state (done with its evidence and why, open,
//! or locked until a date) and the posts that counted for nothing, which they may claim.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::cohorts;
use crate::cohorts::archive_cutoff;
use crate::entities::completion::Source;
use crate::entities::{cohort, completion, participant, post, post_thing, recognition};
use crate::lessons::Program;

/// A post as a participant's page links to it.
#[derive(Clone, Debug, Serialize)]
pub struct PostRef {
    pub id: i32,
    pub title: String,
    pub link: Option<String>,
    pub published_at: DateTime<Utc>,
    /// Why it counted, or did not, in plain words.
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum LessonState {
    Done {
        /// `post`, `claim`, `coordinator` or `self`.
        source: Source,
        at: DateTime<Utc>,
        evidence: Option<PostRef>,
    },
    Open {
        opened_at: DateTime<Utc>,
    },
    Locked {
        opens_at: DateTime<Utc>,
    },
}

#[derive(Clone, Debug, Serialize)]
pub struct LessonStanding {
    pub number: i32,
    pub title: String,
    pub week: i32,
    pub required: bool,
    #[serde(flatten)]
    pub state: LessonState,
}

#[derive(Clone, Debug, Serialize)]
pub struct Standing {
    pub lessons: Vec<LessonStanding>,
    /// Posts since the cohort's archive cut-off that count for no lesson, newest first.
    pub unclaimed: Vec<PostRef>,
    /// Required lessons done, and how many are required.
    pub done: usize,
    pub required: usize,
}

/// What is recorded about one member: completions by lesson, the posts of their feed
/// (newest first), why each recognised post counted, and which posts count for a lesson.
struct Record {
    completions: HashMap<i32, completion::Model>,
    posts: Vec<post::Model>,
    reasons: HashMap<i32, String>,
    counted: HashSet<i32>,
}

impl Record {
    async fn load(db: &impl ConnectionTrait, member: &participant::Model) -> Result<Self, DbErr> {
        let completions: HashMap<i32, completion::Model> = completion::Entity::find()
            .filter(completion::Column::ParticipantId.eq(member.id))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.lesson_number, c))
            .collect();
        let posts = match member.feed_id {
            Some(feed_id) => {
                post::Entity::find()
                    .filter(post::Column::FeedId.eq(feed_id))
                    .order_by_desc(post::Column::PublishedAt)
                    .order_by_desc(post::Column::Id)
                    .all(db)
                    .await?
            }
            None => Vec::new(),
        };
        let reasons: HashMap<i32, String> = recognition::Entity::find()
            .filter(recognition::Column::ParticipantId.eq(member.id))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.post_id, r.reason))
            .collect();
        let counted: HashSet<i32> = post_thing::Entity::find()
            .filter(post_thing::Column::ParticipantId.eq(member.id))
            .all(db)
            .await?
            .into_iter()
            .map(|t| t.post_id)
            .collect();
        Ok(Self {
            completions,
            posts,
            reasons,
            counted,
        })
    }
}

/// Where `member` of `cohort` stands at `now`.
pub async fn standing(
    db: &impl ConnectionTrait,
    program: &Program,
    cohort: &cohort::Model,
    member: &participant::Model,
    now: DateTime<Utc>,
) -> Result<Standing, DbErr> {
    let Record {
        completions,
        posts,
        reasons,
        counted,
    } = Record::load(db, member).await?;
    let post_ref = |p: &post::Model| PostRef {
        id: p.id,
        title: p.title.clone(),
        link: p.link.clone(),
        published_at: p.published_at,
        reason: reasons.get(&p.id).cloned(),
    };
    let by_id: HashMap<i32, &post::Model> = posts.iter().map(|p| (p.id, p)).collect();
    let lessons: Vec<LessonStanding> = program
        .lessons
        .iter()
        .map(|lesson| {
            let opens = cohorts::member_week_opens(cohort, member, lesson.week);
            let state = match completions.get(&lesson.number) {
                Some(done) => LessonState::Done {
                    source: done.source,
                    at: done.completed_at,
                    evidence: done
                        .post_id
                        .and_then(|id| by_id.get(&id))
                        .map(|p| post_ref(p)),
                },
                None if opens <= now => LessonState::Open { opened_at: opens },
                None => LessonState::Locked { opens_at: opens },
            };
            LessonStanding {
                number: lesson.number,
                title: lesson.title.clone(),
                week: lesson.week,
                required: lesson.required,
                state,
            }
        })
        .collect();
    let cutoff = archive_cutoff(cohort);
    let unclaimed = posts
        .iter()
        .filter(|p| p.published_at >= cutoff && !counted.contains(&p.id))
        .map(post_ref)
        .collect();
    let done = lessons
        .iter()
        .filter(|l| l.required && matches!(l.state, LessonState::Done { .. }))
        .count();
    Ok(Standing {
        lessons,
        unclaimed,
        done,
        required: program.required_count(),
    })
}
