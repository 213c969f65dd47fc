//! Cohorts: creating, editing and listing them, their release schedule, and who may see
//! which lesson.

mod archive;
pub mod settings;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use serde::Serialize;

pub use crate::entities::cohort::{Pace, Visibility};
use crate::entities::{cohort, participant, person};
use crate::lessons::schedule::{self, Release};
use crate::lessons::{Lesson, Program, Programs};
pub use archive::{ARCHIVE_DAYS, archive_cutoff};
pub use settings::{Problem, Settings};

/// A URL-safe cohort name: lower-case letters, digits and single hyphens, 2 to 64 long.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct Slug(String);

impl TryFrom<String> for Slug {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// Words a slug cannot be, because other addresses use them where a slug goes.
const RESERVED: &[&str] = &["issuer", "assertions"];

impl FromStr for Slug {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::check(s).map_err(|e| e.to_string())
    }
}

impl Slug {
    /// Parses a slug, or says what is wrong in any language.
    pub fn check(s: &str) -> Result<Self, crate::i18n::Text> {
        let valid = (2..=64).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if RESERVED.contains(&s) {
            Err(crate::i18n::Text::new("problem-slug-reserved").with("value", s))
        } else if valid {
            Ok(Self(s.to_owned()))
        } else {
            Err(crate::i18n::Text::new("problem-slug").with("value", s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Everything needed to create a cohort, already parsed.
#[derive(Clone, Debug)]
pub struct NewCohort {
    pub slug: Slug,
    pub settings: Settings,
    /// The slug of a program the server runs (see [`program_for`]).
    pub program: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("a cohort with the slug {0:?} already exists")]
    DuplicateSlug(String),
    #[error("{}", settings::describe(.0))]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl CreateError {
    /// Every problem, each named by the form field it belongs to.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            Self::DuplicateSlug(slug) => vec![Problem::new(
                "slug",
                crate::i18n::Text::new("problem-slug-taken").with("value", slug),
            )],
            Self::Invalid(problems) => problems.clone(),
            Self::Db(_) => Vec::new(),
        }
    }
}

/// The program a new cohort follows: the one named (empty: the default program), which
/// must be one of `programs`; the problem names the programs there are.
pub fn program_for(programs: &Programs, asked: &str) -> Result<String, Problem> {
    let asked = asked.trim();
    if asked.is_empty() {
        return Ok(programs.default_program().slug().to_owned());
    }
    match programs.get(asked) {
        Some(program) => Ok(program.slug().to_owned()),
        None => {
            let known: Vec<&str> = programs.iter().map(|p| p.slug()).collect();
            Err(Problem::new(
                "program",
                crate::i18n::Text::new("problem-program")
                    .with("value", asked)
                    .with("known", known.join(", ")),
            ))
        }
    }
}

/// Creates a cohort; refuses a taken slug and settings that fail [`settings::check`].
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewCohort,
    now: DateTime<Utc>,
) -> Result<cohort::Model, CreateError> {
    let problems = settings::check(&new.settings);
    if !problems.is_empty() {
        return Err(CreateError::Invalid(problems));
    }
    if find(db, new.slug.as_str()).await?.is_some() {
        return Err(CreateError::DuplicateSlug(new.slug.to_string()));
    }
    let mut row = cohort::ActiveModel {
        slug: Set(new.slug.to_string()),
        program: Set(new.program.clone()),
        created_at: Set(now),
        ..Default::default()
    };
    new.settings.apply(&mut row);
    row.insert(db).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            CreateError::DuplicateSlug(new.slug.to_string())
        }
        _ => CreateError::Db(e),
    })
}

/// Changes a cohort's settings (never its slug) after the same checks as [`create`].
pub async fn update(
    db: &impl ConnectionTrait,
    cohort: cohort::Model,
    settings: Settings,
) -> Result<cohort::Model, CreateError> {
    let problems = settings::check(&settings);
    if !problems.is_empty() {
        return Err(CreateError::Invalid(problems));
    }
    let mut row: cohort::ActiveModel = cohort.into();
    settings.apply(&mut row);
    Ok(row.update(db).await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<cohort::Model>, sea_orm::DbErr> {
    cohort::Entity::find()
        .filter(cohort::Column::Slug.eq(slug))
        .one(db)
        .await
}

/// Every cohort, the newest start first.
pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<cohort::Model>, sea_orm::DbErr> {
    cohort::Entity::find()
        .order_by_desc(cohort::Column::StartsOn)
        .order_by_asc(cohort::Column::Slug)
        .all(db)
        .await
}

/// Participant `id` of `cohort`, with their person.
pub async fn member(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    id: i32,
) -> Result<Option<(participant::Model, person::Model)>, sea_orm::DbErr> {
    Ok(participant::Entity::find_by_id(id)
        .filter(participant::Column::CohortId.eq(cohort.id))
        .find_also_related(person::Entity)
        .one(db)
        .await?
        .and_then(|(member, person)| Some((member, person?))))
}

/// The email addresses of everyone in `cohort`.
pub async fn member_addresses(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<std::collections::HashSet<String>, sea_orm::DbErr> {
    use sea_orm::QuerySelect;
    let addresses: Vec<String> = participant::Entity::find()
        .select_only()
        .column(person::Column::Email)
        .inner_join(person::Entity)
        .filter(participant::Column::CohortId.eq(cohort.id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(addresses.into_iter().collect())
}

/// A cohort's head count: participants, and finishers among them.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Figures {
    pub participants: u64,
    pub finished: u64,
}

pub async fn figures(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Figures, sea_orm::DbErr> {
    let members =
        || participant::Entity::find().filter(participant::Column::CohortId.eq(cohort.id));
    Ok(Figures {
        participants: members().count(db).await?,
        finished: members()
            .filter(participant::Column::FinishedAt.is_not_null())
            .count(db)
            .await?,
    })
}

/// Whether `cohort` has ended (its end date passed in its own time zone).
pub fn ended(cohort: &cohort::Model, now: DateTime<Utc>) -> bool {
    let today = now.with_timezone(&timezone(cohort)).date_naive();
    cohort.ends_on.is_some_and(|ends| ends < today)
}

pub async fn participant_count(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<u64, sea_orm::DbErr> {
    participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .count(db)
        .await
}

/// The cohorts that have not ended (in their own time zone), soonest start first.
pub async fn not_ended(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<cohort::Model>, sea_orm::DbErr> {
    let mut open: Vec<cohort::Model> = list(db)
        .await?
        .into_iter()
        .filter(|c| !ended(c, now))
        .collect();
    open.reverse();
    Ok(open)
}

pub fn is_public(cohort: &cohort::Model) -> bool {
    cohort.visibility == Visibility::Public
}

pub fn timezone(cohort: &cohort::Model) -> Tz {
    cohort.timezone.parse().unwrap_or(Tz::UTC)
}

/// The cohort's calendar. For self-paced cohorts this is the public calendar (counted from
/// the start date); each participant's own calendar counts from joining.
pub fn release(cohort: &cohort::Model) -> Release {
    Release {
        starts_on: cohort.starts_on,
        timezone: timezone(cohort),
        weekday: u8::try_from(cohort.release_weekday)
            .ok()
            .and_then(|n| Weekday::try_from(n.saturating_sub(1)).ok())
            .unwrap_or(Weekday::Mon),
        time: cohort.release_time,
    }
}

/// When a cohort's weeks open, in words: "on Fridays at 09:00 (Europe/Berlin)", or at self
/// pace "every 7 days from the day each person joins".
pub fn release_in_words(cohort: &cohort::Model) -> String {
    if cohort.pace == Pace::SelfPaced {
        return "every 7 days from the day each person joins".into();
    }
    let day = settings::weekday_name(release(cohort).weekday);
    let mut letters = day.chars();
    let day: String = letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    format!(
        "on {day}s at {} ({})",
        cohort.release_time.format("%H:%M"),
        cohort.timezone
    )
}

pub fn week_opens(cohort: &cohort::Model, week: i32) -> DateTime<Utc> {
    schedule::cohort_week_opens(&release(cohort), week)
}

/// When week `week` opens for `member`: the cohort's calendar, or at self pace their own,
/// counted from joining.
pub fn member_week_opens(
    cohort: &cohort::Model,
    member: &participant::Model,
    week: i32,
) -> DateTime<Utc> {
    if cohort.pace == Pace::SelfPaced {
        schedule::self_week_opens(timezone(cohort), member.joined_at, week)
    } else {
        week_opens(cohort, week)
    }
}

/// What a visitor may see of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// The body is readable.
    Open,
    /// Only the title, and when it opens (shown in the time zone of the cohort it opens in).
    OpensAt(DateTime<Utc>, Tz),
    /// Only the title: no public cohort has it on its calendar.
    Unscheduled,
}

/// What a visitor who is not signed in may see of `lesson`: the body once it opened in at
/// least one public cohort; with no cohort at all (a fresh install), everything as a preview.
pub fn public_access(lesson: &Lesson, cohorts: &[cohort::Model], now: DateTime<Utc>) -> Access {
    if cohorts.is_empty() {
        return Access::Open;
    }
    let earliest = cohorts
        .iter()
        .filter(|c| is_public(c))
        .map(|c| (week_opens(c, lesson.week), timezone(c)))
        .min_by_key(|(at, _)| *at);
    match earliest {
        Some((opens, _)) if opens <= now => Access::Open,
        Some((opens, zone)) => Access::OpensAt(opens, zone),
        None => Access::Unscheduled,
    }
}

/// The lessons of the latest open week of a cohort (none before it starts).
pub fn this_week<'a>(
    cohort: &cohort::Model,
    program: &'a Program,
    now: DateTime<Utc>,
) -> (i32, Vec<&'a Lesson>) {
    let week = schedule::cohort_current_week(&release(cohort), program.weeks(), now);
    (week, program.in_week(week).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_release_is_said_in_plain_words() {
        let cohort = cohort::Model {
            id: 1,
            slug: "staff".into(),
            name: "Staff".into(),
            starts_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            ends_on: None,
            timezone: "Europe/Berlin".into(),
            release_weekday: 5,
            release_time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            pace: Pace::Cohort,
            visibility: Visibility::Members,
            celebrate_cohort: false,
            self_report: false,
            created_at: Utc::now(),
            program: "default".into(),
        };
        assert_eq!(
            release_in_words(&cohort),
            "on Fridays at 09:00 (Europe/Berlin)"
        );
        let own = cohort::Model {
            pace: Pace::SelfPaced,
            ..cohort
        };
        assert_eq!(
            release_in_words(&own),
            "every 7 days from the day each person joins"
        );
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!("spring-2027".parse::<Slug>().is_ok());
        for bad in ["", "a", "Spring", "a b", "-a", "a-", "a--b", "a/b", "ä"] {
            assert!(bad.parse::<Slug>().is_err(), "{bad:?}");
        }
    }
}
