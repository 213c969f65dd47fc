//! A cohort's settings and their one validation, shared by `twentythree cohort create` and
//! the coordinator's forms: each value is parsed by the same function, and the whole is
//! checked by [`check`]; every problem names the field it belongs to.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use sea_orm::ActiveValue::Set;
use serde::{Deserialize, Serialize};

use super::{Pace, Slug, Visibility};
use crate::entities::cohort;
use crate::i18n::{Locale, Text};

/// Everything a coordinator sets about a cohort but its slug, already parsed.
#[derive(Clone, Debug)]
pub struct Settings {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub timezone: Tz,
    /// The weekday lessons open on; `None` means the start date's weekday.
    pub release_weekday: Option<Weekday>,
    pub release_time: NaiveTime,
    pub pace: Pace,
    pub visibility: Visibility,
    /// Whether everyone in the cohort hears when someone finishes.
    pub celebrate_cohort: bool,
    /// Whether participants may mark a lesson done themselves.
    pub self_report: bool,
}

/// One thing wrong with a cohort's settings, and the field it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub field: &'static str,
    /// What is wrong, in any language.
    pub text: Text,
}

impl Problem {
    pub fn new(field: &'static str, text: Text) -> Self {
        Self { field, text }
    }

    /// What is wrong, in `locale`: a sentence.
    pub fn say(&self, locale: Locale) -> String {
        self.text.say(locale)
    }
}

/// The problems as one sentence in English, for the command line.
pub fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.text.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The rules that hold across fields: a name of 1 to 200 characters, no end before the start.
pub fn check(settings: &Settings) -> Vec<Problem> {
    let mut problems = Vec::new();
    let name = settings.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        problems.push(Problem::new("name", Text::new("problem-name")));
    }
    if settings.ends_on.is_some_and(|end| end < settings.starts_on) {
        problems.push(Problem::new("ends", Text::new("problem-ends-before-start")));
    }
    problems
}

impl Settings {
    /// Writes the settings into a cohort row.
    pub fn apply(&self, row: &mut cohort::ActiveModel) {
        let weekday = self
            .release_weekday
            .unwrap_or_else(|| self.starts_on.weekday());
        row.name = Set(self.name.trim().to_owned());
        row.starts_on = Set(self.starts_on);
        row.ends_on = Set(self.ends_on);
        row.timezone = Set(self.timezone.name().to_owned());
        row.release_weekday = Set(i16::try_from(weekday.number_from_monday()).unwrap_or(1));
        row.release_time = Set(self.release_time);
        row.pace = Set(self.pace);
        row.visibility = Set(self.visibility);
        row.celebrate_cohort = Set(self.celebrate_cohort);
        row.self_report = Set(self.self_report);
    }
}

// Each parser says what is wrong in any language (`Text`); the command line shows the
// English (`english`).

fn english<T>(parsed: Result<T, Text>) -> Result<T, String> {
    parsed.map_err(|e| e.to_string())
}

fn wrong(key: &'static str, s: &str) -> Text {
    Text::new(key).with("value", s)
}

pub fn parse_slug(s: &str) -> Result<Slug, String> {
    english(check_slug(s))
}

pub fn check_slug(s: &str) -> Result<Slug, Text> {
    Slug::check(s.trim())
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    english(check_date(s))
}

fn check_date(s: &str) -> Result<NaiveDate, Text> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| wrong("problem-date", s))
}

pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
    english(check_time(s))
}

fn check_time(s: &str) -> Result<NaiveTime, Text> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| wrong("problem-time", s))
}

pub fn parse_timezone(s: &str) -> Result<Tz, String> {
    english(check_timezone(s))
}

fn check_timezone(s: &str) -> Result<Tz, Text> {
    s.trim().parse().map_err(|_| wrong("problem-timezone", s))
}

pub fn parse_weekday(s: &str) -> Result<Weekday, String> {
    english(check_weekday(s))
}

fn check_weekday(s: &str) -> Result<Weekday, Text> {
    s.trim().parse().map_err(|_| wrong("problem-weekday", s))
}

pub fn parse_pace(s: &str) -> Result<Pace, String> {
    english(check_pace(s))
}

fn check_pace(s: &str) -> Result<Pace, Text> {
    let s = s.trim();
    s.parse().map_err(|_| wrong("problem-pace", s))
}

pub fn parse_visibility(s: &str) -> Result<Visibility, String> {
    english(check_visibility(s))
}

fn check_visibility(s: &str) -> Result<Visibility, Text> {
    let s = s.trim();
    s.parse().map_err(|_| wrong("problem-visibility", s))
}

/// The settings form as sent: every field a string, checkboxes present when ticked.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Form {
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub timezone: String,
    #[serde(default)]
    pub release_day: String,
    #[serde(default)]
    pub release_time: String,
    #[serde(default)]
    pub pace: String,
    #[serde(default)]
    pub visibility: String,
    #[serde(default)]
    pub celebrate_cohort: Option<String>,
    #[serde(default)]
    pub self_report: Option<String>,
    /// The program's slug (only when creating; empty: the default program).
    #[serde(default)]
    pub program: String,
}

impl Form {
    /// A fresh cohort's form: the CLI's defaults.
    pub fn blank() -> Self {
        Self {
            timezone: "UTC".into(),
            release_time: "09:00".into(),
            pace: Pace::Cohort.to_string(),
            visibility: Visibility::Public.to_string(),
            ..Self::default()
        }
    }

    /// The form filled in from an existing cohort.
    pub fn of(cohort: &cohort::Model) -> Self {
        let weekday = super::release(cohort).weekday;
        Self {
            slug: cohort.slug.clone(),
            name: cohort.name.clone(),
            starts: cohort.starts_on.to_string(),
            ends: cohort.ends_on.map(|d| d.to_string()).unwrap_or_default(),
            timezone: cohort.timezone.clone(),
            release_day: weekday_name(weekday).into(),
            release_time: cohort.release_time.format("%H:%M").to_string(),
            pace: cohort.pace.to_string(),
            visibility: cohort.visibility.to_string(),
            celebrate_cohort: cohort.celebrate_cohort.then(|| "on".into()),
            self_report: cohort.self_report.then(|| "on".into()),
            program: cohort.program.clone(),
        }
    }

    /// Parses every field with the CLI's parsers, then runs [`check`]: either settings, or
    /// every problem found at once.
    pub fn settings(&self) -> Result<Settings, Vec<Problem>> {
        let mut problems = Vec::new();
        let starts = keep(&mut problems, "starts", check_date(&self.starts));
        let ends = match self.ends.trim() {
            "" => Some(None),
            ends => keep(&mut problems, "ends", check_date(ends)).map(Some),
        };
        let timezone = keep(&mut problems, "timezone", check_timezone(&self.timezone));
        let release_weekday = match self.release_day.trim() {
            "" => Some(None),
            day => keep(&mut problems, "release_day", check_weekday(day)).map(Some),
        };
        let release_time = keep(
            &mut problems,
            "release_time",
            check_time(&self.release_time),
        );
        let pace = keep(&mut problems, "pace", check_pace(&self.pace));
        let visibility = keep(
            &mut problems,
            "visibility",
            check_visibility(&self.visibility),
        );
        let (
            Some(starts_on),
            Some(ends_on),
            Some(timezone),
            Some(release_weekday),
            Some(release_time),
            Some(pace),
            Some(visibility),
        ) = (
            starts,
            ends,
            timezone,
            release_weekday,
            release_time,
            pace,
            visibility,
        )
        else {
            if self.name.trim().is_empty() {
                problems.push(Problem::new("name", Text::new("problem-name")));
            }
            return Err(problems);
        };
        let settings = Settings {
            name: self.name.clone(),
            starts_on,
            ends_on,
            timezone,
            release_weekday,
            release_time,
            pace,
            visibility,
            celebrate_cohort: self.celebrate_cohort.is_some(),
            self_report: self.self_report.is_some(),
        };
        let problems = check(&settings);
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }
}

fn keep<T>(problems: &mut Vec<Problem>, field: &'static str, parsed: Result<T, Text>) -> Option<T> {
    parsed
        .map_err(|e| problems.push(Problem::new(field, e)))
        .ok()
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_wrong(form: &Form) -> Vec<&'static str> {
        form.settings()
            .unwrap_err()
            .iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_form_reports_every_problem_by_field() {
        let form = Form {
            name: " ".into(),
            starts: "2027-03-01".into(),
            ends: "2027-02-01".into(),
            ..Form::blank()
        };
        assert_eq!(fields_wrong(&form), ["name", "ends"]);
        let form = Form {
            name: "Spring".into(),
            starts: "March".into(),
            timezone: "Mars/Base".into(),
            ..Form::blank()
        };
        assert_eq!(fields_wrong(&form), ["starts", "timezone"]);
    }
}
