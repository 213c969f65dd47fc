use chrono::{NaiveDate, NaiveTime, TimeZone};

use super::*;
use crate::lessons::Lesson;

fn cohort(id: i32, starts: (i32, u32, u32), visibility: &str, pace: &str) -> cohort::Model {
    let starts_on = NaiveDate::from_ymd_opt(starts.0, starts.1, starts.2).unwrap();
    cohort::Model {
        id,
        slug: format!("c{id}"),
        name: format!("Cohort {id}"),
        starts_on,
        ends_on: None,
        timezone: "Europe/Berlin".into(),
        release_weekday: i16::try_from(starts_on.weekday().number_from_monday()).unwrap(),
        release_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        pace: pace.parse().unwrap(),
        visibility: visibility.parse().unwrap(),
        celebrate_cohort: false,
        self_report: false,
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        program: "default".into(),
    }
}

fn person(id: i32, role: &str) -> person::Model {
    person::Model {
        id,
        email: format!("p{id}@example.org"),
        name: format!("Person {id}"),
        role: role.parse().unwrap(),
        confirmed_at: None,
        release_emails: true,
        milestone_emails: true,
        unsubscribe_token: format!("u{id}"),
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        timezone: None,
        feed_key_hash: None,
        feed_key_generation: 0,
        highlight_emails: true,
        language: None,
    }
}

fn member(id: i32, cohort: &cohort::Model, joined: DateTime<Utc>) -> participant::Model {
    participant::Model {
        id,
        cohort_id: cohort.id,
        person_id: id,
        blog_url: "https://blog.example".into(),
        feed_id: None,
        joined_at: joined,
        finished_at: None,
        last_reminded_at: None,
    }
}

fn lesson(week: i32) -> Lesson {
    Lesson::sample(week, week)
}

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
}

use chrono::Datelike;

#[test]
fn strangers_follow_public_cohorts_only() {
    let public = cohort(1, (2026, 3, 2), "public", "cohort");
    let staff = cohort(2, (2026, 1, 5), "members", "cohort");
    let all = [public.clone(), staff];
    let stranger = Viewer::stranger();
    // Week 2 opened in the members-only cohort, not yet in the public one.
    assert!(matches!(
        lesson_access(&stranger, 2, &all, at(2026, 2, 1)),
        LessonAccess::OpensAt(..)
    ));
    assert_eq!(
        lesson_access(&stranger, 2, &all, at(2026, 3, 10)),
        LessonAccess::Open
    );
    assert_eq!(
        lesson_access(&stranger, 2, &[], at(2000, 1, 1)),
        LessonAccess::Open,
        "a fresh install previews everything"
    );
    let only_members = [cohort(3, (2026, 1, 5), "members", "cohort")];
    assert_eq!(
        lesson_access(&stranger, 1, &only_members, at(2026, 6, 1)),
        LessonAccess::Unscheduled
    );
}

fn lesson_access(
    viewer: &Viewer,
    week: i32,
    all: &[cohort::Model],
    now: DateTime<Utc>,
) -> LessonAccess {
    super::lesson(viewer, &lesson(week), all, now)
}

#[test]
fn members_follow_their_own_schedule() {
    let staff = cohort(2, (2026, 1, 5), "members", "cohort");
    let public = cohort(1, (2025, 1, 6), "public", "cohort");
    let all = [public, staff.clone()];
    let viewer = Viewer {
        person: Some(person(7, "participant")),
        memberships: vec![(member(7, &staff, at(2026, 1, 1)), staff.clone())],
        mentees: Vec::new(),
    };
    assert_eq!(
        lesson_access(&viewer, 2, &all, at(2026, 1, 13)),
        LessonAccess::Open
    );
    // Open in a public cohort long ago, but not yet for them: their own date.
    match lesson_access(&viewer, 3, &all, at(2026, 1, 13)) {
        LessonAccess::OpensAt(opens, tz) => {
            assert_eq!(opens, Utc.with_ymd_and_hms(2026, 1, 19, 8, 0, 0).unwrap());
            assert_eq!(tz, chrono_tz::Europe::Berlin);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn self_paced_members_count_from_joining() {
    let own = cohort(4, (2026, 1, 5), "members", "self");
    let joined = Utc.with_ymd_and_hms(2026, 2, 3, 10, 0, 0).unwrap(); // a Tuesday
    let mut someone = person(8, "participant");
    someone.timezone = Some("America/Chicago".into());
    let viewer = Viewer {
        person: Some(someone),
        memberships: vec![(member(8, &own, joined), own.clone())],
        mentees: Vec::new(),
    };
    assert_eq!(
        lesson_access(&viewer, 1, std::slice::from_ref(&own), joined),
        LessonAccess::Open
    );
    match lesson_access(&viewer, 2, &[own], joined) {
        LessonAccess::OpensAt(opens, tz) => {
            assert_eq!(opens, Utc.with_ymd_and_hms(2026, 2, 10, 10, 0, 0).unwrap());
            assert_eq!(tz, chrono_tz::America::Chicago, "shown in their own zone");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn coordinators_see_everything() {
    let staff = cohort(2, (2030, 1, 7), "members", "cohort");
    let viewer = Viewer {
        person: Some(person(1, "coordinator")),
        memberships: Vec::new(),
        mentees: Vec::new(),
    };
    assert_eq!(
        lesson_access(&viewer, 8, std::slice::from_ref(&staff), at(2026, 1, 1)),
        LessonAccess::Open
    );
    assert_eq!(cohort_pages(&viewer, &staff), Verdict::Allowed);
}

#[test]
fn members_only_pages_are_for_members_and_coordinators() {
    let staff = cohort(2, (2026, 1, 5), "members", "cohort");
    let other = cohort(3, (2026, 1, 5), "members", "cohort");
    let public = cohort(1, (2026, 1, 5), "public", "cohort");
    let insider = Viewer {
        person: Some(person(7, "participant")),
        memberships: vec![(member(7, &staff, at(2026, 1, 1)), staff.clone())],
        mentees: Vec::new(),
    };
    let outsider = Viewer {
        person: Some(person(9, "participant")),
        memberships: vec![(member(9, &other, at(2026, 1, 1)), other.clone())],
        mentees: Vec::new(),
    };
    assert_eq!(cohort_pages(&insider, &staff), Verdict::Allowed);
    assert_eq!(cohort_pages(&outsider, &staff), Verdict::Refused);
    assert_eq!(cohort_pages(&Viewer::stranger(), &staff), Verdict::SignIn);
    assert_eq!(cohort_pages(&Viewer::stranger(), &public), Verdict::Allowed);
    let all = [public, staff, other];
    let seen: Vec<i32> = visible_cohorts(&insider, &all).map(|c| c.id).collect();
    assert_eq!(seen, [1, 2]);
}

#[test]
fn a_mentor_sees_their_mentees_pages_and_nothing_else() {
    let staff = cohort(2, (2026, 1, 5), "members", "cohort");
    let mentor = Viewer {
        person: Some(person(5, "participant")),
        memberships: Vec::new(),
        mentees: vec![11],
    };
    assert_eq!(person_page(&mentor, &staff, 11), Verdict::Allowed);
    assert_eq!(person_page(&mentor, &staff, 12), Verdict::Refused);
    assert_eq!(cohort_pages(&mentor, &staff), Verdict::Refused);
    assert!(!sees_cohort(&mentor, &staff));
}
