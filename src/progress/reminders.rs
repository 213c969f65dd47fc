//! Reminders a coordinator sends to the stalled and the behind: never to finishers, never to
//! someone who turned routine email off, at most one per person per 7 days (a conditional
//! update of `last_reminded_at`, so two coordinators clicking at once send one).

use chrono::{DateTime, Duration, Utc};
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use url::Url;

use super::grid::{self, Row};
use crate::entities::{cohort, participant};
use crate::i18n::{self, Locale};
use crate::lessons::Program;
use crate::links::Links;
use crate::mail::{self, Kind, render};

/// At most one reminder per person in this long.
pub const EVERY: Duration = Duration::days(7);

/// Why someone is due a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// No lesson done for this many days or more.
    Stalled { days: i64 },
    /// This many required lessons open for over a week and not done.
    Behind { lessons: usize },
}

impl Reason {
    /// Why `row` is stalled or behind, if it is (whether or not a reminder is due).
    pub fn of(row: &Row) -> Option<Reason> {
        match (row.stalled, row.overdue) {
            (true, _) => Some(Reason::Stalled {
                days: grid::STALLED_AFTER.num_days(),
            }),
            (false, 0) => None,
            (false, lessons) => Some(Reason::Behind { lessons }),
        }
    }

    /// The reason as a coordinator's list says it, in `locale`: "stalled: no lesson done
    /// for 14 days or more", "behind: 2 lessons open for over a week and not done".
    pub fn in_words(self, locale: Locale) -> String {
        match self {
            Reason::Stalled { days } => {
                i18n::message(locale, "reminder-reason-stalled", &[("days", days.into())])
            }
            Reason::Behind { lessons } => i18n::message(
                locale,
                "reminder-reason-behind",
                &[("count", lessons.into())],
            ),
        }
    }
}

/// Why `row` would get a reminder at `now`, or `None` when it would not.
pub fn why(row: &Row, now: DateTime<Utc>) -> Option<Reason> {
    if row.finished() || !row.release_emails {
        return None;
    }
    if row.last_reminded_at.is_some_and(|at| now - at < EVERY) {
        return None;
    }
    Reason::of(row)
}

/// [`why`] in English words, as the coordinator's list shows it.
pub fn reason(row: &Row, now: DateTime<Utc>) -> Option<String> {
    why(row, now).map(|r| r.in_words(Locale::En))
}

/// The rows that would get a reminder now, with the reason.
pub fn due(rows: &[Row], now: DateTime<Utc>) -> Vec<(&Row, String)> {
    rows.iter()
        .filter_map(|row| reason(row, now).map(|why| (row, why)))
        .collect()
}

/// What a reminder says, for the preview and the email.
pub struct Reminder<'a> {
    pub program: &'a Program,
    pub cohort: &'a cohort::Model,
    pub base_url: &'a Url,
}

impl Reminder<'_> {
    /// The email to `row`, with the unsubscribe link for `unsubscribe_token`.
    pub fn email(
        &self,
        row: &Row,
        unsubscribe_token: &str,
        now: DateTime<Utc>,
    ) -> Result<mail::Email, DbErr> {
        let links = Links::new(self.base_url);
        let next = self
            .program
            .lessons
            .iter()
            .zip(&row.cells)
            .find(|(l, cell)| l.required && cell.is_none())
            .map(|(l, _)| {
                context! { number => l.number, title => l.title.clone(), url => links.lesson(self.program, l.number) }
            });
        // In their language: theirs if they chose one, else the program's.
        let language = i18n::for_recipient(row.language.as_deref(), &self.program.info.language);
        let feed_problem = row.feed_failing.then(|| {
            row.feed_error.as_ref().map_or_else(
                || i18n::message(language, "reminder-no-feed", &[]),
                |e| e.say(language),
            )
        });
        let (stalled, behind) = match Reason::of(row) {
            Some(Reason::Stalled { days }) => (Some(days), None),
            Some(Reason::Behind { lessons }) => (None, Some(lessons)),
            None => (None, None),
        };
        let why = context! { stalled, behind };
        let context = context! {
            name => row.name.clone(), cohort => self.cohort.name.clone(), done => row.done,
            required => self.program.required_count(), next, word => self.program.word(),
            me_url => links.me(), feed_problem, why,
        };
        let key = format!("reminder:{}:{}", row.id, now.date_naive());
        let subject = i18n::message(
            language,
            "reminder-subject",
            &[("cohort", self.cohort.name.as_str().into())],
        );
        render::Message::new(Kind::Reminder, "reminder", &row.email, key)
            .subject(subject)
            .language(language)
            .context(context)
            .unsubscribe(unsubscribe_token, &links)
            .render()
    }
}

/// Sends a reminder to everyone due at `now` (or only to those of them in `only`, the
/// people a coordinator chose); returns how many were queued. Each person is
/// claimed by a conditional update of `last_reminded_at` in the same transaction as the
/// email, so a second click, or a second coordinator, sends nothing more.
pub async fn send(
    db: &DatabaseConnection,
    reminder: &Reminder<'_>,
    only: Option<&std::collections::HashSet<i32>>,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let rows = grid::rows(db, reminder.program, reminder.cohort, now).await?;
    let mut sent = 0;
    let chosen = due(&rows, now)
        .into_iter()
        .filter(|(row, _)| only.is_none_or(|ids| ids.contains(&row.id)));
    for (row, _) in chosen {
        let txn = crate::db::begin_write(db).await?;
        let claimed = participant::Entity::update_many()
            .col_expr(participant::Column::LastRemindedAt, Expr::value(now))
            .filter(participant::Column::Id.eq(row.id))
            .filter(
                Condition::any()
                    .add(participant::Column::LastRemindedAt.is_null())
                    .add(participant::Column::LastRemindedAt.lte(now - EVERY)),
            )
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let email = reminder.email(row, &row.unsubscribe_token, now)?;
        if mail::enqueue(&txn, email, now).await? {
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}
