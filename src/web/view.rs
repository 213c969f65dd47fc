//! Small helpers that turn domain values into what templates show.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// The ISO date (`2026-12-07`) of `instant` in `timezone`, for a template's `date` filter
/// to write in the reader's language.
pub fn iso_date(instant: DateTime<Utc>, timezone: Tz) -> String {
    instant.with_timezone(&timezone).date_naive().to_string()
}

/// `instant` in `timezone` as RFC 3339 followed by the zone's abbreviation
/// (`2026-12-07T09:00:00+01:00 CET`), for a template's `datetime` filter.
pub fn iso_datetime(instant: DateTime<Utc>, timezone: Tz) -> String {
    let local = instant.with_timezone(&timezone);
    format!("{} {}", local.to_rfc3339(), local.format("%Z"))
}

/// Whole percent of `done` out of `total` (0 when there is nothing to do).
pub fn percent(done: usize, total: usize) -> usize {
    (done * 100).checked_div(total).unwrap_or(0).min(100)
}

/// What templates need of a program: its names, its word for a lesson, and its addresses
/// (`lessons` is the prefix of a lesson's page, followed by `/N`). The addresses are built
/// from a validated slug, so they go out as they are rather than with escaped slashes.
pub fn program(program: &crate::lessons::Program) -> minijinja::Value {
    use minijinja::Value;
    minijinja::context! {
        slug => program.slug(), title => program.info.title.clone(), word => program.word(),
        page => Value::from_safe_string(program.path()),
        lessons => Value::from_safe_string(program.lessons_path()), count => program.lessons.len(),
        weeks => program.weeks(), default => program.default,
    }
}

/// Templates see the stored words of the typed columns ("self", "members", "failing").
macro_rules! words_in_templates {
    ($($kind:ty),*) => {$(
        impl From<$kind> for minijinja::Value {
            fn from(value: $kind) -> Self {
                Self::from(value.as_ref())
            }
        }
    )*};
}

words_in_templates!(
    crate::cohorts::Pace,
    crate::cohorts::Visibility,
    crate::entities::completion::Source,
    crate::entities::feed::Status,
    crate::entities::outbox::Kind,
    crate::entities::outbox::Status,
    crate::entities::person::Role
);
