//! Calendars (iCalendar): a cohort's week openings, and each person's own calendar of every
//! cohort they take part in, at their own pace, with a gentle all-day reminder for a week
//! that has been open for seven days and is not done. Every event's UID is derived from the
//! cohort, the week and the person, so a calendar that refreshes never shows an event twice.

use std::collections::HashSet;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use icalendar::{Calendar, Component, Event, EventLike, Property};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::access::Viewer;
use crate::cohorts;
use crate::entities::{cohort, completion};
use crate::lessons::{Lesson, Program, Programs};
use crate::links::Links;

/// How long a week's opening lasts in a calendar.
const OPENING_LENGTH: Duration = Duration::minutes(30);
/// A week open this long and not done gets a reminder.
const NUDGE_AFTER: Days = Days::new(7);

/// A cohort's calendar: one event per week opening, listing that week's lessons.
pub fn of_cohort(cohort: &cohort::Model, program: &Program, links: &Links) -> String {
    let mut calendar = new_calendar(&cohort.name);
    for week in Week::all(cohort, program, |week| cohorts::week_opens(cohort, week)) {
        let uid = format!("{}-week-{}@{}", cohort.slug, week.number, links.host());
        calendar.push(week.opening(&uid, links, cohort.created_at));
    }
    calendar.to_string()
}

/// The viewer's own calendar: every week of every cohort they take part in, at their own
/// pace, and a reminder for each unfinished week seven days after it opened.
pub async fn personal(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    programs: &Programs,
    links: &Links,
) -> Result<String, DbErr> {
    let name = match &viewer.person {
        Some(person) => format!("Twentythree: {}", person.name),
        None => "Twentythree".to_owned(),
    };
    let mut calendar = new_calendar(&name);
    let done = completed(db, viewer).await?;
    for (member, cohort) in &viewer.memberships {
        let tz = viewer
            .own_timezone()
            .unwrap_or_else(|| cohorts::timezone(cohort));
        let stamp = member.joined_at.max(cohort.created_at);
        let program = programs.of(cohort);
        let opens = |week| cohorts::member_week_opens(cohort, member, week);
        for week in Week::all(cohort, program, opens) {
            let uid = format!(
                "{}-week-{}-p{}@{}",
                cohort.slug,
                week.number,
                member.id,
                links.host()
            );
            calendar.push(week.opening(&uid, links, stamp));
            let left: Vec<&Lesson> = (week.lessons.iter().copied())
                .filter(|l| l.required && !done.contains(&(member.id, l.number)))
                .collect();
            if member.finished_at.is_none() && !left.is_empty() {
                let uid = uid.replacen("-week-", "-nudge-", 1);
                calendar.push(week.nudge(&uid, tz, &left, links, stamp));
            }
        }
    }
    Ok(calendar.to_string())
}

/// (participant, lesson) for every lesson the viewer completed in any cohort.
async fn completed(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
) -> Result<HashSet<(i32, i32)>, DbErr> {
    let ids: Vec<i32> = viewer.memberships.iter().map(|(m, _)| m.id).collect();
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(completion::Entity::find()
        .filter(completion::Column::ParticipantId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.participant_id, c.lesson_number))
        .collect())
}

fn new_calendar(name: &str) -> Calendar {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Twentythree//Learning cohorts//EN"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", &plain(name)),
        ("X-PUBLISHED-TTL", "P1D"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.append_property(
        Property::new("REFRESH-INTERVAL", "P1D")
            .add_parameter("VALUE", "DURATION")
            .done(),
    );
    calendar
}

/// Text for a calendar line: no carriage returns or other control characters.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

fn lesson_lines(program: &Program, lessons: &[&Lesson], links: &Links) -> String {
    lessons
        .iter()
        .map(|l| {
            format!(
                "{} {}: {}\n{}",
                program.word(),
                l.number,
                plain(&l.title),
                links.lesson(program, l.number)
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One week of one cohort's calendar (the cohort's own, or a participant's at self pace).
struct Week<'a> {
    cohort: &'a cohort::Model,
    program: &'a Program,
    number: i32,
    opens: DateTime<Utc>,
    lessons: Vec<&'a Lesson>,
}

impl<'a> Week<'a> {
    /// Every week of `program` that has lessons, opening when `opens` says.
    fn all(
        cohort: &'a cohort::Model,
        program: &'a Program,
        opens: impl Fn(i32) -> DateTime<Utc> + 'a,
    ) -> impl Iterator<Item = Week<'a>> + 'a {
        (1..=program.weeks()).filter_map(move |number| {
            let lessons: Vec<&Lesson> = program.in_week(number).collect();
            (!lessons.is_empty()).then(|| Week {
                cohort,
                program,
                number,
                opens: opens(number),
                lessons,
            })
        })
    }

    fn opening(&self, uid: &str, links: &Links, stamp: DateTime<Utc>) -> Event {
        Event::new()
            .uid(uid)
            .timestamp(stamp)
            .starts(self.opens)
            .ends(self.opens + OPENING_LENGTH)
            .summary(&plain(&format!(
                "{}: week {} opens",
                self.cohort.name, self.number
            )))
            .description(&format!(
                "New this week:\n\n{}",
                lesson_lines(self.program, &self.lessons, links)
            ))
            .url(&links.lesson(self.program, self.lessons[0].number))
            .done()
    }

    /// An all-day reminder seven days after the week opened (a date in `tz`).
    fn nudge(
        &self,
        uid: &str,
        tz: Tz,
        left: &[&Lesson],
        links: &Links,
        stamp: DateTime<Utc>,
    ) -> Event {
        let day: NaiveDate = self.opens.with_timezone(&tz).date_naive() + NUDGE_AFTER;
        Event::new()
            .uid(uid)
            .timestamp(stamp)
            .starts(day)
            .ends(day + Days::new(1))
            .summary(&plain(&format!(
                "{}: a good day to blog about week {}",
                self.cohort.name, self.number
            )))
            .description(&format!(
                "Week {} opened a week ago. Still to do:\n\n{}\n\nYour progress: {}",
                self.number,
                lesson_lines(self.program, left, links),
                links.me()
            ))
            .url(&links.me())
            .done()
    }
}

#[cfg(test)]
mod tests;
