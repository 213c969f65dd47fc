//! One member's row of the grid: their cells, what is open to them, whether they are
//! behind, stalled or failing, measured against the cohort's program and calendar.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{BEHIND_AFTER, Cell, PostCounts, Row, STALLED_AFTER, source_letter};
use crate::cohorts;
use crate::entities::feed::Status;
use crate::entities::{cohort, completion, feed, participant, person};
use crate::feeds::health;
use crate::i18n::Text;
use crate::lessons::Program;

/// What every row of one cohort's grid is measured against: its program, its calendar and
/// the moment the grid is read.
pub(super) struct Moments<'a> {
    pub(super) program: &'a Program,
    pub(super) cohort: &'a cohort::Model,
    pub(super) now: DateTime<Utc>,
    /// When the cohort's first week opened.
    pub(super) start: DateTime<Utc>,
    /// When each week opens for the cohort (self-paced members have their own).
    pub(super) calendar: Vec<DateTime<Utc>>,
}

impl Moments<'_> {
    /// The grid row of `member`, from their completions by lesson, feed and post counts.
    pub(super) fn row(
        &self,
        member: participant::Model,
        person: person::Model,
        mine: &HashMap<i32, &completion::Model>,
        feed: Option<&feed::Model>,
        posts: PostCounts,
    ) -> Row {
        let cells = self.cells(mine);
        let required_done = self
            .program
            .lessons
            .iter()
            .filter(|l| l.required && mine.contains_key(&l.number))
            .count();
        let opens = self.calendar_of(&member);
        let opened = |week: i32| opens.get(usize::try_from(week - 1).unwrap_or_default());
        let overdue = self
            .program
            .lessons
            .iter()
            .filter(|l| l.required && !mine.contains_key(&l.number))
            .filter(|l| {
                opened(l.week)
                    .is_some_and(|at| (*at).max(member.joined_at) + BEHIND_AFTER <= self.now)
            })
            .count();
        let locked = self
            .program
            .lessons
            .iter()
            .map(|l| opened(l.week).is_none_or(|at| *at > self.now))
            .collect();
        let last_completion_at = mine.values().map(|c| c.completed_at).max();
        let quiet_since = last_completion_at.unwrap_or_else(|| member.joined_at.max(self.start));
        let (post_count, unclaimed, last_post) = posts;
        Row {
            id: member.id,
            name: person.name,
            email: person.email,
            blog: member.blog_url,
            release_emails: person.release_emails,
            unsubscribe_token: person.unsubscribe_token,
            language: person.language,
            cells,
            locked,
            done: required_done,
            finished_at: member.finished_at,
            last_completion_at,
            last_activity_at: last_completion_at.max(last_post.filter(|at| *at <= self.now)),
            joined_at: member.joined_at,
            last_reminded_at: member.last_reminded_at,
            posts: post_count,
            unclaimed,
            feed_status: feed.map_or(Status::Pending, |f| f.status),
            feed_health: feed.map_or_else(
                || Text::new("health-no-feed"),
                |f| health::describe(f, self.now),
            ),
            feed_error: feed.and_then(health::last_error),
            failing_since: feed.and_then(|f| f.failing_since),
            feed_failing: feed.is_none_or(health::is_failing),
            stalled: member.finished_at.is_none() && self.now - quiet_since >= STALLED_AFTER,
            overdue,
        }
    }

    /// Each lesson's cell, in lesson order (`None`: not done).
    fn cells(&self, mine: &HashMap<i32, &completion::Model>) -> Vec<Option<Cell>> {
        self.program
            .lessons
            .iter()
            .map(|lesson| {
                mine.get(&lesson.number).map(|c| Cell {
                    letter: source_letter(c.source),
                    source: c.source,
                    at: c.completed_at,
                    post_id: c.post_id,
                })
            })
            .collect()
    }

    /// When each week opens for `member`: self-paced members have a calendar of their
    /// own; the others share the cohort's.
    fn calendar_of(&self, member: &participant::Model) -> Cow<'_, [DateTime<Utc>]> {
        if self.cohort.pace == cohorts::Pace::SelfPaced {
            (1..=self.program.weeks())
                .map(|w| cohorts::member_week_opens(self.cohort, member, w))
                .collect::<Vec<_>>()
                .into()
        } else {
            self.calendar.as_slice().into()
        }
    }
}
