//! Routine mail that falls due with time: the release email when a week opens (once per
//! cohort and week, or per participant and week at self pace, never for weeks that opened
//! before the person joined), and the feed-problem email once a feed has failed for two
//! days (once more only after it recovered and failed again).

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;
use url::Url;

use super::{Kind, render};
use crate::cohorts;
use crate::entities::{cohort, feed, participant, person};
use crate::feeds::health::Status;
use crate::lessons::{Programs, schedule};
use crate::links::Links;

/// How long a feed fails before its owner hears about it.
pub const FEED_PROBLEM_AFTER: chrono::Duration = chrono::Duration::hours(48);

/// What the scheduler needs; cheap to clone.
#[derive(Clone)]
pub struct Notices {
    pub db: DatabaseConnection,
    pub programs: Arc<Programs>,
    pub base_url: Url,
}

#[derive(Serialize)]
struct LessonLine {
    number: i32,
    title: String,
    minutes: Option<i32>,
    url: String,
}

impl Notices {
    /// Enqueues every release and feed-problem email due at `now`; idempotent.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<usize, DbErr> {
        let mut queued = 0;
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
        for (member, person) in rows {
            let (Some(person), Some(cohort)) = (person, cohorts.get(&member.cohort_id)) else {
                continue;
            };
            if person.release_emails {
                queued += usize::from(self.release(&member, &person, cohort, now).await?);
            }
            if let Some(feed) = member.feed_id.and_then(|id| feeds.get(&id)) {
                queued += usize::from(self.feed_problem(&member, &person, feed, now).await?);
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
        let lessons: Vec<LessonLine> = program
            .in_week(week)
            .map(|l| LessonLine {
                number: l.number,
                title: l.title.clone(),
                minutes: l.minutes,
                url: links.lesson(program, l.number),
            })
            .collect();
        if lessons.is_empty() {
            return Ok(false);
        }
        let tz = person
            .timezone
            .as_deref()
            .and_then(|tz| tz.parse().ok())
            .unwrap_or_else(|| cohorts::timezone(cohort));
        let next = (week < program.weeks()).then(|| schedule::in_words(opens(week + 1), tz));
        // A members-only cohort's calendar address is private: it is on /me, not in mail.
        let calendar = if cohorts::is_public(cohort) {
            links.cohort_file(&cohort.slug, "calendar.ics", None)
        } else {
            format!("{}#calendar", links.me())
        };
        let email = render::email(
            Kind::Release,
            "release",
            format!("release:{}:{week}:{}", cohort.id, member.id),
            &person.email,
            format!("Week {week} of {} is open", cohort.name),
            context! {
                name => person.name.clone(), week, cohort => cohort.name.clone(),
                lessons => minijinja::Value::from(minijinja::value::Serde(&lessons)),
                opened => schedule::in_words(opened, tz), next, calendar, word => program.word(),
            },
            Some((person.unsubscribe_token.as_str(), &self.base_url)),
        )
        .map_err(render::template_error)?;
        super::enqueue(&self.db, email, now).await
    }

    async fn feed_problem(
        &self,
        member: &participant::Model,
        person: &person::Model,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<bool, DbErr> {
        let failing = matches!(
            Status::parse(&feed.status),
            Status::Failing | Status::Pending | Status::Gone
        );
        let Some(since) = feed
            .failing_since
            .filter(|since| failing && now - *since >= FEED_PROBLEM_AFTER)
        else {
            return Ok(false);
        };
        let base = self.base_url.as_str().trim_end_matches('/');
        let email = render::email(
            Kind::FeedProblem,
            "feed-problem",
            format!("feed-problem:{}:{}", member.id, since.timestamp()),
            &person.email,
            "We cannot read your blog".to_owned(),
            context! {
                name => person.name.clone(),
                problem => feed.last_error.clone().unwrap_or_else(|| "the blog does not answer".into()),
                blog => member.blog_url.clone(),
                me_url => format!("{base}/me"),
            },
            None,
        )
        .map_err(render::template_error)?;
        super::enqueue(&self.db, email, now).await
    }
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
