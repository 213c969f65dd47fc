//! Which of a blog's posts are its archive for a cohort: written long before the cohort
//! began, they never count and the river leaves them out.

use chrono::{DateTime, Days, NaiveTime, Utc};

use crate::entities::cohort;

/// Posts published more than this many days before a cohort starts belong to old archives.
pub const ARCHIVE_DAYS: u64 = 14;

/// The instant before which posts count as the blog's archive for this cohort.
pub fn archive_cutoff(cohort: &cohort::Model) -> DateTime<Utc> {
    (cohort.starts_on - Days::new(ARCHIVE_DAYS))
        .and_time(NaiveTime::MIN)
        .and_utc()
}
