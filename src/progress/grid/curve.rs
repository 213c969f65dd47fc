//! The completion curve of a cohort: lessons done and finishers, day by day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::Row;
use crate::cohorts;
use crate::entities::cohort;

/// One day of the completion curve: totals at the end of that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurvePoint {
    pub day: NaiveDate,
    pub lessons_done: usize,
    pub finishers: usize,
}

/// Lessons done and finishers over time, one point per day from the first completion (or
/// the cohort's start) to today.
pub fn curve(rows: &[Row], cohort: &cohort::Model, now: DateTime<Utc>) -> Vec<CurvePoint> {
    let zone = cohorts::timezone(cohort);
    let day = |at: DateTime<Utc>| at.with_timezone(&zone).date_naive();
    let mut completions: Vec<NaiveDate> = rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten().map(|c| day(c.at)))
        .collect();
    let mut finishes: Vec<NaiveDate> = rows.iter().filter_map(|r| r.finished_at.map(day)).collect();
    completions.sort_unstable();
    finishes.sort_unstable();
    let today = day(now);
    let first = completions
        .first()
        .copied()
        .unwrap_or(cohort.starts_on)
        .min(cohort.starts_on);
    if first > today {
        return Vec::new();
    }
    first
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|d| CurvePoint {
            day: d,
            lessons_done: completions.partition_point(|c| *c <= d),
            finishers: finishes.partition_point(|f| *f <= d),
        })
        .collect()
}
