//! The coordinator's view of cohorts: key figures per cohort, and the progress grid of one
//! cohort (each cell's source and evidence, who is stalled, behind, failing, finished or
//! has unclaimed posts) and its completion curve. A fixed number of queries, however many
//! participants.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, Func, JoinType, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, RelationTrait,
};
use serde::Serialize;

use crate::cohorts;
use crate::cohorts::archive_cutoff;
use crate::entities::completion::Source;
use crate::entities::feed::Status;
use crate::entities::{cohort, completion, feed, participant, person, post, post_thing};
use crate::feeds::health;
use crate::i18n::Text;
use crate::lessons::Program;

mod curve;
mod filter;
mod row;

pub use curve::{CurvePoint, curve};
pub use filter::{Filter, Sort, matches};
use row::Moments;

/// No new completion for this long makes a participant stalled; someone with none at all
/// counts from the later of joining and the cohort's start.
pub const STALLED_AFTER: Duration = Duration::days(14);
/// "Active this week": completed a lesson or published a post this recently.
pub const ACTIVE_WITHIN: Duration = Duration::days(7);
/// A required lesson still not done this long after it opened puts a participant behind.
pub const BEHIND_AFTER: Duration = Duration::days(7);

/// Key figures of one cohort, for the cohorts list.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Figures {
    pub participants: usize,
    pub active: usize,
    pub finished: usize,
    pub failing: usize,
}

/// (participant, cohort, feed, finished at)
type MemberColumns = (i32, i32, Option<i32>, Option<DateTime<Utc>>);

/// The figures of every cohort, by cohort id (four queries in all).
pub async fn figures(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<HashMap<i32, Figures>, DbErr> {
    let since = now - ACTIVE_WITHIN;
    let members: Vec<MemberColumns> = participant::Entity::find()
        .select_only()
        .columns([
            participant::Column::Id,
            participant::Column::CohortId,
            participant::Column::FeedId,
            participant::Column::FinishedAt,
        ])
        .into_tuple()
        .all(db)
        .await?;
    let completed: HashSet<i32> = completion::Entity::find()
        .select_only()
        .column(completion::Column::ParticipantId)
        .filter(completion::Column::CompletedAt.gte(since))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let posted: HashSet<i32> = post::Entity::find()
        .select_only()
        .column(post::Column::FeedId)
        .filter(post::Column::PublishedAt.gte(since))
        .filter(post::Column::PublishedAt.lte(now))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let failing: HashSet<i32> = feed::Entity::find()
        .all(db)
        .await?
        .iter()
        .filter(|f| health::is_failing(f))
        .map(|f| f.id)
        .collect();
    let mut figures: HashMap<i32, Figures> = HashMap::new();
    for (id, cohort_id, feed_id, finished_at) in members {
        let f = figures.entry(cohort_id).or_default();
        f.participants += 1;
        f.finished += usize::from(finished_at.is_some());
        f.active +=
            usize::from(completed.contains(&id) || feed_id.is_some_and(|id| posted.contains(&id)));
        f.failing += usize::from(feed_id.is_none_or(|id| failing.contains(&id)));
    }
    Ok(figures)
}

/// One cell of the grid: a lesson done, how, when, and the post that shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// `P` post, `C` claim, `M` coordinator's mark, `S` self-report.
    pub letter: &'static str,
    pub source: Source,
    pub at: DateTime<Utc>,
    /// The evidence post, if any (see [`evidence`] for its title and link).
    pub post_id: Option<i32>,
}

/// The letter the grid shows for a completion's source.
pub fn source_letter(source: Source) -> &'static str {
    match source {
        Source::Post => "P",
        Source::Claim => "C",
        Source::Coordinator => "M",
        Source::SelfReport => "S",
    }
}

/// One participant's row of the grid.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub blog: String,
    pub release_emails: bool,
    /// For the unsubscribe link in a reminder; never shown.
    #[serde(skip)]
    pub unsubscribe_token: String,
    /// The language they chose (a locale code), for a reminder in it; never shown.
    #[serde(skip)]
    pub language: Option<String>,
    /// One entry per lesson of the program, in order; `None` when not done.
    pub cells: Vec<Option<Cell>>,
    /// One entry per lesson: whether it has not opened yet for this participant.
    pub locked: Vec<bool>,
    /// Required lessons done.
    pub done: usize,
    pub finished_at: Option<DateTime<Utc>>,
    pub last_completion_at: Option<DateTime<Utc>>,
    /// The latest lesson done or post published, whichever is later.
    pub last_activity_at: Option<DateTime<Utc>>,
    pub joined_at: DateTime<Utc>,
    pub last_reminded_at: Option<DateTime<Utc>>,
    /// Posts since the cohort's archive cut-off.
    pub posts: usize,
    /// Of those, the ones that count for no lesson.
    pub unclaimed: usize,
    pub feed_status: Status,
    /// The feed's health in plain words.
    pub feed_health: Text,
    pub feed_error: Option<Text>,
    pub failing_since: Option<DateTime<Utc>>,
    pub feed_failing: bool,
    pub stalled: bool,
    /// Required lessons open for more than [`BEHIND_AFTER`] (counted from the later of
    /// their opening and the participant's joining) and not done.
    pub overdue: usize,
}

impl Row {
    pub fn finished(&self) -> bool {
        self.finished_at.is_some()
    }

    pub fn never_posted(&self) -> bool {
        self.posts == 0
    }
}

/// The title and link of each of `posts`, for the cells a page shows.
pub async fn evidence(
    db: &impl ConnectionTrait,
    posts: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, (String, Option<String>)>, DbErr> {
    let ids: Vec<i32> = posts.into_iter().collect();
    let rows: Vec<(i32, String, Option<String>)> = post::Entity::find()
        .select_only()
        .columns([post::Column::Id, post::Column::Title, post::Column::Link])
        .filter(post::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, link)| (id, (title, link)))
        .collect())
}

/// Per participant of `cohort` since the archive cut-off: posts, how many of them count for
/// no lesson, and when the newest was published (one grouped query).
async fn post_counts(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<HashMap<i32, PostCounts>, DbErr> {
    use sea_orm::sea_query::ExprTrait;
    let counted = Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(post_thing::Entity)
            .and_where(
                Expr::col((post_thing::Entity, post_thing::Column::ParticipantId))
                    .equals((participant::Entity, participant::Column::Id)),
            )
            .and_where(
                Expr::col((post_thing::Entity, post_thing::Column::PostId))
                    .equals((post::Entity, post::Column::Id)),
            )
            .to_owned(),
    );
    let rows: Vec<(i32, i64, i64, Option<DateTime<Utc>>)> = participant::Entity::find()
        .select_only()
        .column(participant::Column::Id)
        .expr_as(
            Func::count(Expr::col((post::Entity, post::Column::Id))),
            "posts",
        )
        .expr_as(Func::sum(Expr::case(counted, 0).finally(1)), "unclaimed")
        .expr_as(
            Func::max(Expr::col((post::Entity, post::Column::PublishedAt))),
            "last_post",
        )
        .join(JoinType::InnerJoin, participant::Relation::Feed.def())
        .join(JoinType::InnerJoin, feed::Relation::Post.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(post::Column::PublishedAt.gte(archive_cutoff(cohort)))
        .group_by(participant::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, posts, unclaimed, last)| {
            let count = |n: i64| usize::try_from(n).unwrap_or_default();
            (id, (count(posts), count(unclaimed), last))
        })
        .collect())
}

/// Posts, unclaimed posts and the newest post's date.
type PostCounts = (usize, usize, Option<DateTime<Utc>>);

/// Every participant of `cohort` as a grid row, in name order (four queries).
pub async fn rows(
    db: &impl ConnectionTrait,
    program: &Program,
    cohort: &cohort::Model,
    now: DateTime<Utc>,
) -> Result<Vec<Row>, DbErr> {
    let members = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .find_also_related(person::Entity)
        .all(db)
        .await?;
    let feeds: HashMap<i32, feed::Model> = feed::Entity::find()
        .join(JoinType::InnerJoin, feed::Relation::Participant.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let completions = completion::Entity::find()
        .join(JoinType::InnerJoin, completion::Relation::Participant.def())
        .filter(participant::Column::CohortId.eq(cohort.id))
        .all(db)
        .await?;
    let mut posts = post_counts(db, cohort).await?;
    let mut done: HashMap<i32, HashMap<i32, &completion::Model>> = HashMap::new();
    for c in &completions {
        done.entry(c.participant_id)
            .or_default()
            .insert(c.lesson_number, c);
    }
    let moments = Moments {
        program,
        cohort,
        now,
        start: cohorts::week_opens(cohort, 1),
        calendar: (1..=program.weeks())
            .map(|w| cohorts::week_opens(cohort, w))
            .collect(),
    };
    let mut rows: Vec<Row> = members
        .into_iter()
        .filter_map(|(member, person)| Some((member, person?)))
        .map(|(member, person)| {
            let mine = done.remove(&member.id).unwrap_or_default();
            let feed = member.feed_id.and_then(|id| feeds.get(&id));
            let posts = posts.remove(&member.id).unwrap_or_default();
            moments.row(member, person, &mine, feed, posts)
        })
        .collect();
    rows.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    Ok(rows)
}
