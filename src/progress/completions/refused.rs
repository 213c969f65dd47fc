//! Why a claim, a self-report or an override was refused, in the reader's language.

use chrono::DateTime;

use crate::cohorts::ARCHIVE_DAYS;
use crate::i18n::Text;

/// Why a claim, a self-report or an override was refused (nothing changed).
#[derive(Debug)]
pub enum CompletionError {
    NoSuchLesson(i32),
    NotTheirPost,
    SelfReportOff,
    NotOpenYet {
        number: i32,
        opens: DateTime<chrono_tz::Tz>,
    },
    /// The post was published more than [`ARCHIVE_DAYS`] before the cohort began.
    ArchivePost,
    /// The post already counts for that lesson.
    PostAlreadyCounts(i32),
    UnmarkedByCoordinator(i32),
    Db(sea_orm::DbErr),
}

impl CompletionError {
    /// Why, as a sentence to be said in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            Self::NoSuchLesson(n) => Text::new("refused-no-such-lesson").with("number", *n),
            Self::NotTheirPost => Text::new("refused-not-their-post"),
            Self::SelfReportOff => Text::new("refused-self-report-off"),
            Self::NotOpenYet { number, opens } => Text::new("refused-not-open-yet")
                .with("number", *number)
                .with("opens", *opens),
            Self::ArchivePost => Text::new("refused-archive-post").with("days", ARCHIVE_DAYS),
            Self::PostAlreadyCounts(n) => {
                Text::new("refused-post-already-counts").with("number", *n)
            }
            Self::UnmarkedByCoordinator(n) => Text::new("refused-unmarked").with("number", *n),
            Self::Db(e) => Text::verbatim(e.to_string()),
        }
    }
}

crate::i18n::refusal!(CompletionError);
