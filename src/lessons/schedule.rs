//! When lessons open: pure functions over dates, in the cohort's IANA time zone, correct
//! across daylight-saving changes.
//!
//! Pace `cohort`: week `w` opens for everyone on the first release weekday on or after
//! `starts_on + 7(w-1)` days, at the release time. With the release weekday left at the
//! start date's weekday (the default) that is exactly `starts_on + 7(w-1)`.
//! Pace `self`: week `w` opens for a participant `7(w-1)` days after they joined, at the
//! same local time of day.

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

/// A cohort's release rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Release {
    pub starts_on: NaiveDate,
    pub timezone: Tz,
    pub weekday: Weekday,
    pub time: NaiveTime,
}

/// The instant week `week` (1-based) opens for a cohort-paced cohort.
pub fn cohort_week_opens(release: &Release, week: i32) -> DateTime<Utc> {
    let offset = u64::try_from(week.max(1) - 1).unwrap_or(0) * 7;
    let earliest = release.starts_on + Days::new(offset);
    let shift = (7 + release.weekday.num_days_from_monday()
        - earliest.weekday().num_days_from_monday())
        % 7;
    local_instant(
        release.timezone,
        (earliest + Days::new(u64::from(shift))).and_time(release.time),
    )
}

/// The instant week `week` (1-based) opens for a self-paced participant who joined at `joined_at`.
pub fn self_week_opens(timezone: Tz, joined_at: DateTime<Utc>, week: i32) -> DateTime<Utc> {
    let local = joined_at.with_timezone(&timezone).naive_local();
    let offset = u64::try_from(week.max(1) - 1).unwrap_or(0) * 7;
    local_instant(timezone, local + Days::new(offset))
}

/// The latest week open at `now` for a cohort-paced cohort (0 before the start).
pub fn cohort_current_week(release: &Release, weeks: i32, now: DateTime<Utc>) -> i32 {
    (1..=weeks)
        .take_while(|w| cohort_week_opens(release, *w) <= now)
        .last()
        .unwrap_or(0)
}

/// An instant as people read it in `timezone`: "Mon 7 Dec 2026, 09:00 CET".
pub fn in_words(instant: DateTime<Utc>, timezone: Tz) -> String {
    instant
        .with_timezone(&timezone)
        .format("%a %-d %b %Y, %H:%M %Z")
        .to_string()
}

/// A wall-clock time in `timezone` as an instant. In the autumn overlap the earlier of the
/// two instants is taken; a time that does not exist (the spring gap) moves forward past it.
pub fn local_instant(timezone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    let mut candidate = local;
    for _ in 0..4 {
        if let Some(instant) = timezone.from_local_datetime(&candidate).earliest() {
            return instant.with_timezone(&Utc);
        }
        candidate += chrono::Duration::minutes(30);
    }
    Utc.from_utc_datetime(&local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Europe::Berlin, Pacific::Auckland};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn weekly(starts_on: NaiveDate, timezone: Tz, weekday: Weekday, time: NaiveTime) -> Release {
        Release {
            starts_on,
            timezone,
            weekday,
            time,
        }
    }

    #[test]
    fn weeks_are_seven_days_apart_at_the_release_time() {
        let release = weekly(date(2026, 1, 5), Berlin, Weekday::Mon, at(9, 0));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-01-05T08:00:00Z"));
        assert_eq!(cohort_week_opens(&release, 2), utc("2026-01-12T08:00:00Z"));
        assert_eq!(cohort_week_opens(&release, 8), utc("2026-02-23T08:00:00Z"));
    }

    #[test]
    fn local_release_time_holds_across_daylight_saving() {
        // Berlin moves to summer time on 2026-03-29: 09:00 local is 08:00Z before, 07:00Z after.
        let release = weekly(date(2026, 3, 23), Berlin, Weekday::Mon, at(9, 0));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-03-23T08:00:00Z"));
        assert_eq!(cohort_week_opens(&release, 2), utc("2026-03-30T07:00:00Z"));
        // New York leaves summer time on 2026-11-01.
        let release = weekly(date(2026, 10, 26), New_York, Weekday::Mon, at(8, 30));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-10-26T12:30:00Z"));
        assert_eq!(cohort_week_opens(&release, 2), utc("2026-11-02T13:30:00Z"));
        // The southern hemisphere changes the other way (Auckland: 2026-04-05 ends summer time).
        let release = weekly(date(2026, 3, 30), Auckland, Weekday::Mon, at(7, 0));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-03-29T18:00:00Z"));
        assert_eq!(cohort_week_opens(&release, 2), utc("2026-04-05T19:00:00Z"));
    }

    #[test]
    fn a_release_time_in_the_spring_gap_moves_past_it() {
        // 02:30 does not exist in Berlin on 2026-03-29.
        let release = weekly(date(2026, 3, 29), Berlin, Weekday::Sun, at(2, 30));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-03-29T01:00:00Z"));
        // 02:30 happens twice in Berlin on 2026-10-25: the first one counts.
        let release = weekly(date(2026, 10, 25), Berlin, Weekday::Sun, at(2, 30));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-10-25T00:30:00Z"));
    }

    #[test]
    fn a_release_weekday_after_the_start_shifts_every_week_alike() {
        // Starts on a Wednesday, lessons come out on Mondays.
        let release = weekly(date(2026, 9, 2), Berlin, Weekday::Mon, at(9, 0));
        assert_eq!(cohort_week_opens(&release, 1), utc("2026-09-07T07:00:00Z"));
        assert_eq!(cohort_week_opens(&release, 2), utc("2026-09-14T07:00:00Z"));
    }

    #[test]
    fn the_current_week_turns_over_at_the_release_instant() {
        let release = weekly(date(2026, 1, 5), Berlin, Weekday::Mon, at(9, 0));
        assert_eq!(
            cohort_current_week(&release, 8, utc("2026-01-05T07:59:59Z")),
            0
        );
        assert_eq!(
            cohort_current_week(&release, 8, utc("2026-01-05T08:00:00Z")),
            1
        );
        assert_eq!(
            cohort_current_week(&release, 8, utc("2026-01-12T07:59:59Z")),
            1
        );
        assert_eq!(
            cohort_current_week(&release, 8, utc("2026-01-12T08:00:00Z")),
            2
        );
        assert_eq!(
            cohort_current_week(&release, 8, utc("2027-01-01T00:00:00Z")),
            8
        );
    }

    #[test]
    fn self_pace_counts_from_joining_in_local_time() {
        let joined = utc("2026-03-25T10:15:00Z"); // 11:15 in Berlin, before summer time
        assert_eq!(self_week_opens(Berlin, joined, 1), joined);
        assert_eq!(
            self_week_opens(Berlin, joined, 2),
            utc("2026-04-01T09:15:00Z")
        );
        assert_eq!(
            self_week_opens(Berlin, joined, 3),
            utc("2026-04-08T09:15:00Z")
        );
    }
}
