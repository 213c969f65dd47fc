use chrono::{NaiveDate, NaiveTime, TimeZone};

use super::*;
use crate::cohorts::{Pace, Visibility};

fn program() -> Program {
    let lesson = |number: i32, week: i32| Lesson {
        title: format!("Lesson, {number}; with punctuation"),
        ..Lesson::sample(number, week)
    };
    Program {
        default: true,
        lessons: vec![lesson(1, 1), lesson(2, 1), lesson(3, 2)],
        ..Program::default()
    }
}

fn staff() -> cohort::Model {
    cohort::Model {
        id: 1,
        slug: "staff".into(),
        name: "Staff 2026".into(),
        starts_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        ends_on: None,
        timezone: "Europe/Berlin".into(),
        release_weekday: 1,
        release_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        pace: Pace::Cohort,
        visibility: Visibility::Members,
        celebrate_cohort: false,
        self_report: false,
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        program: "default".into(),
    }
}

#[test]
fn a_cohort_calendar_has_one_stable_event_per_week_in_utc() {
    let links = Links::new(&"https://things.example.org".parse().unwrap());
    let text = of_cohort(&staff(), &program(), &links);
    assert_eq!(
        text,
        of_cohort(&staff(), &program(), &links),
        "same every time"
    );
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 2);
    let value = |c: &icalendar::parser::Component, key: &str| {
        c.find_prop(key).map(|p| p.val.to_string()).unwrap()
    };
    assert_eq!(value(events[0], "UID"), "staff-week-1@things.example.org");
    assert_eq!(value(events[0], "DTSTART"), "20260302T080000Z");
    assert_eq!(value(events[1], "DTSTART"), "20260309T080000Z");
    assert_eq!(value(events[0], "DTSTAMP"), "20260101T000000Z");
    assert!(value(events[0], "DESCRIPTION").contains("https://things.example.org/lessons/2"));
    assert!(text.contains("REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n"));
    assert!(text.contains("X-PUBLISHED-TTL:P1D\r\n"));
    assert!(
        text.contains("Lesson\\, 1\\; with punctuation"),
        "text is escaped"
    );
}
