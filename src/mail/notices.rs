//! Routine mail that falls due with time: the weekly letter when a week opens (once per
//! cohort and week, or per participant and week at self pace, never for weeks that opened
//! before the person joined; see [`crate::together::letter`]), the mentors' weekly note,
//! and the feed-problem email once a feed has failed for two days (once more only after it
//! recovered and failed again).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use url::Url;

use super::{Kind, render};
use crate::cohorts;
use crate::entities::{cohort, feed, participant, person};
use crate::feeds::health::{self, Status};
use crate::i18n;
use crate::lessons::Programs;
use crate::links::Links;
use crate::together::letter;

/// How long a feed fails before its owner hears about it.
pub const FEED_PROBLEM_AFTER: chrono::Duration = chrono::Duration::hours(48);

/// What the scheduler needs; cheap to clone.
#[derive(Clone)]
pub struct Notices {
    pub db: DatabaseConnection,
    pub programs: Arc<Programs>,
    pub base_url: Url,
}

impl Notices {
    /// Enqueues every weekly letter, mentor's note and feed-problem email due at `now`;
    /// idempotent.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<usize, DbErr> {
        let mut queued = 0;
        for note in letter::mentor_notes(&self.db, &self.programs, &self.base_url, now).await? {
            queued += usize::from(super::enqueue(&self.db, note, now).await?);
        }
        let rows = participant::Entity::find()
            .filter(participant::Column::FinishedAt.is_null())
            .find_also_related(person::Entity)
            .all(&self.db)
            .await?;
        let cohorts: std::collections::HashMap<i32, cohort::Model> = cohort::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let feeds: std::collections::HashMap<i32, feed::Model> = feed::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        let mut recent = letter::Recent::default();
        for (member, person) in rows {
            let (Some(person), Some(cohort)) = (person, cohorts.get(&member.cohort_id)) else {
                continue;
            };
            if person.release_emails {
                queued += usize::from(
                    self.release(&member, &person, cohort, &mut recent, now)
                        .await?,
                );
            }
            if let Some(feed) = member.feed_id.and_then(|id| feeds.get(&id)) {
                queued += usize::from(
                    self.feed_problem(&member, &person, cohort, feed, now)
                        .await?,
                );
            }
        }
        Ok(queued)
    }

    /// The latest week that opened for `member` after they joined, if its email is due.
    async fn release(
        &self,
        member: &participant::Model,
        person: &person::Model,
        cohort: &cohort::Model,
        recent: &mut letter::Recent,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let program = self.programs.of(cohort);
        let opens = |week: i32| cohorts::member_week_opens(cohort, member, week);
        let Some(week) = (1..=program.weeks()).rev().find(|w| opens(*w) <= now) else {
            return Ok(false);
        };
        let opened = opens(week);
        if opened <= member.joined_at
            || opened <= cohort.created_at
            || now - opened > chrono::Duration::days(7)
        {
            return Ok(false);
        }
        let links = Links::new(&self.base_url);
        let tz = person
            .timezone
            .as_deref()
            .and_then(|tz| tz.parse().ok())
            .unwrap_or_else(|| cohorts::timezone(cohort));
        let next = (week < program.weeks()).then(|| moment(opens(week + 1), tz));
        // A members-only cohort's calendar address is private: it is on /me, not in mail.
        let calendar = if cohorts::is_public(cohort) {
            links.cohort_file(&cohort.slug, "calendar.ics", None)
        } else {
            format!("{}#calendar", links.me())
        };
        let week = letter::Week {
            number: week,
            opened: moment(opened, tz),
            next,
            calendar,
            program,
            base_url: &self.base_url,
        };
        let Some(email) =
            letter::compose(&self.db, (&week, recent), cohort, (member, person), now).await?
        else {
            return Ok(false);
        };
        super::enqueue(&self.db, email, now).await
    }

    async fn feed_problem(
        &self,
        member: &participant::Model,
        person: &person::Model,
        cohort: &cohort::Model,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let failing = matches!(
            feed.status,
            Status::Failing | Status::Pending | Status::Gone
        );
        let Some(since) = feed
            .failing_since
            .filter(|since| failing && now - *since >= FEED_PROBLEM_AFTER)
        else {
            return Ok(false);
        };
        let links = Links::new(&self.base_url);
        let language = i18n::for_recipient(
            person.language.as_deref(),
            &self.programs.of(cohort).info.language,
        );
        let problem = health::last_error(feed).map_or_else(
            || i18n::message(language, "feed-problem-no-answer", &[]),
            |e| e.say(language),
        );
        let email = render::Message::new(
            Kind::FeedProblem,
            "feed-problem",
            &person.email,
            format!("feed-problem:{}:{}", member.id, since.timestamp()),
        )
        .subject(i18n::message(language, "feed-problem-subject", &[]))
        .language(language)
        .context(context! {
            name => person.name.clone(),
            problem,
            blog => member.blog_url.clone(),
            me_url => links.me(),
        })
        .render()?;
        super::enqueue(&self.db, email, now).await
    }
}

/// `instant` in `timezone` as RFC 3339 followed by the zone's abbreviation
/// (`2026-12-07T09:00:00+01:00 CET`), for an email's `datetime` filter to write in the
/// reader's language.
fn moment(instant: DateTime<Utc>, timezone: chrono_tz::Tz) -> String {
    let local = instant.with_timezone(&timezone);
    format!("{} {}", local.to_rfc3339(), local.format("%Z"))
}

/// Runs `tick` every minute until `shutdown` changes.
pub async fn run(notices: Notices, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        match notices.tick(Utc::now()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!("queued {count} routine email(s)"),
            Err(e) => tracing::warn!(error = %e, "cannot schedule routine email"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.changed() => return,
        }
    }
}
