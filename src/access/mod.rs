//! Who may see what: one rule for lessons, cohort pages, people's pages, certificates and
//! feeds, decided here and asked by every page, feed and calendar.
//!
//! - Lessons: a coordinator sees every lesson. A participant sees a lesson's body once it
//!   opened for them in any of their cohorts (the cohort's calendar; at self pace their own,
//!   from joining), and before that its title and their own opening date. Anyone else sees
//!   the body once it opened in a public cohort; with no cohort at all, everything.
//! - Cohort pages and feeds: a public cohort's are for everyone; a members-only cohort's for
//!   its members and every coordinator, and a participant's page also for their mentors. A
//!   stranger is asked to sign in; anyone else is refused without being told who is in it.

pub mod keys;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use crate::auth;
use crate::cohorts;
use crate::entities::{cohort, participant, person};
use crate::lessons::Lesson;

/// Who is looking: nobody signed in, or a person with the cohorts they take part in.
#[derive(Clone, Debug, Default)]
pub struct Viewer {
    pub person: Option<person::Model>,
    /// Each cohort the person takes part in, with their place in it; newest joined first.
    pub memberships: Vec<(participant::Model, cohort::Model)>,
    /// The participants the person mentors (their pages are open to them, nothing else).
    pub mentees: Vec<i32>,
}

impl Viewer {
    /// Nobody signed in.
    pub fn stranger() -> Self {
        Self::default()
    }

    /// `person` (or nobody) with the cohorts they take part in.
    pub async fn load(
        db: &impl ConnectionTrait,
        person: Option<person::Model>,
    ) -> Result<Self, DbErr> {
        let Some(person) = person else {
            return Ok(Self::stranger());
        };
        let memberships = participant::Entity::find()
            .filter(participant::Column::PersonId.eq(person.id))
            .find_also_related(cohort::Entity)
            .order_by_desc(participant::Column::JoinedAt)
            .all(db)
            .await?
            .into_iter()
            .filter_map(|(member, cohort)| Some((member, cohort?)))
            .collect();
        let mentees = crate::together::mentors::mentee_ids(db, person.id).await?;
        Ok(Self {
            person: Some(person),
            memberships,
            mentees,
        })
    }

    pub fn is_coordinator(&self) -> bool {
        self.person.as_ref().is_some_and(auth::is_coordinator)
    }

    /// The viewer's place in `cohort`, if they take part in it.
    pub fn membership(&self, cohort: &cohort::Model) -> Option<&participant::Model> {
        self.memberships
            .iter()
            .find(|(_, c)| c.id == cohort.id)
            .map(|(member, _)| member)
    }

    /// Whether the viewer mentors participant `member`.
    pub fn mentors(&self, member: i32) -> bool {
        self.mentees.contains(&member)
    }

    /// The viewer's own time zone, when they chose one.
    pub fn own_timezone(&self) -> Option<Tz> {
        self.person
            .as_ref()
            .and_then(|p| p.timezone.as_deref())
            .and_then(|tz| tz.parse().ok())
    }
}

/// What a viewer may see of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonAccess {
    /// The body is readable.
    Open,
    /// Only the title, and when it opens for this viewer (shown in this zone).
    OpensAt(DateTime<Utc>, Tz),
    /// Only the title: no schedule this viewer follows has it yet.
    Unscheduled,
}

/// What `viewer` may see of `lesson` at `now`; `cohorts` are all cohorts of the program.
pub fn lesson(
    viewer: &Viewer,
    lesson: &Lesson,
    cohorts: &[cohort::Model],
    now: DateTime<Utc>,
) -> LessonAccess {
    if viewer.is_coordinator() || cohorts.is_empty() {
        return LessonAccess::Open;
    }
    let schedules: Vec<(DateTime<Utc>, Tz)> = if viewer.memberships.is_empty() {
        cohorts
            .iter()
            .filter(|c| cohorts::is_public(c))
            .map(|c| (cohorts::week_opens(c, lesson.week), cohorts::timezone(c)))
            .collect()
    } else {
        viewer
            .memberships
            .iter()
            .map(|(member, c)| {
                (
                    cohorts::member_week_opens(c, member, lesson.week),
                    cohorts::timezone(c),
                )
            })
            .collect()
    };
    match schedules.into_iter().min_by_key(|(at, _)| *at) {
        Some((opens, _)) if opens <= now => LessonAccess::Open,
        Some((opens, zone)) => LessonAccess::OpensAt(opens, viewer.own_timezone().unwrap_or(zone)),
        None => LessonAccess::Unscheduled,
    }
}

/// Whether a cohort's pages may be shown, and if not, what to do instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Nobody is signed in: they may be a member, so ask them to sign in.
    SignIn,
    /// Signed in, and not someone who may see it.
    Refused,
}

/// May `viewer` read `cohort`'s pages, river, finishers and feeds?
pub fn cohort_pages(viewer: &Viewer, cohort: &cohort::Model) -> Verdict {
    if cohorts::is_public(cohort) || viewer.is_coordinator() || viewer.membership(cohort).is_some()
    {
        Verdict::Allowed
    } else if viewer.person.is_none() {
        Verdict::SignIn
    } else {
        Verdict::Refused
    }
}

/// May `viewer` read the page (or certificate) of participant `member` of `cohort`? Who
/// may read the cohort's pages, and a mentor their mentees'.
pub fn person_page(viewer: &Viewer, cohort: &cohort::Model, member: i32) -> Verdict {
    if viewer.mentors(member) {
        return Verdict::Allowed;
    }
    cohort_pages(viewer, cohort)
}

/// Whether `viewer` may know that `cohort` exists (home page, lessons, join form).
pub fn sees_cohort(viewer: &Viewer, cohort: &cohort::Model) -> bool {
    cohort_pages(viewer, cohort) == Verdict::Allowed
}

/// The cohorts among `all` that `viewer` may read.
pub fn visible_cohorts<'a>(
    viewer: &Viewer,
    all: &'a [cohort::Model],
) -> impl Iterator<Item = &'a cohort::Model> {
    all.iter().filter(move |c| sees_cohort(viewer, c))
}

#[cfg(test)]
mod tests;
