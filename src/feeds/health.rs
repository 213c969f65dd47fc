//! A feed's health in the words the API and people use.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::entities::feed;

/// The contracted statuses of a feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read successfully the last time.
    Ok,
    /// The last read failed; the poller keeps trying with back-off.
    Failing,
    /// The blog said the feed is gone for good (410): polling has stopped.
    Gone,
    /// The address is not one Twentythree may read (a private network, say): polling has stopped.
    Blocked,
    /// Not read yet (or not found yet): the poller keeps trying.
    Pending,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Failing => "failing",
            Self::Gone => "gone",
            Self::Blocked => "blocked",
            Self::Pending => "pending",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "ok" => Self::Ok,
            "failing" => Self::Failing,
            "gone" => Self::Gone,
            "blocked" => Self::Blocked,
            _ => Self::Pending,
        }
    }

    /// Whether the poller has stopped reading this feed.
    pub fn stopped(self) -> bool {
        matches!(self, Self::Gone | Self::Blocked)
    }
}

/// Whether the coordinator should look at this feed: it fails, stopped, or has not been
/// found yet.
pub fn is_failing(feed: &feed::Model) -> bool {
    match Status::parse(&feed.status) {
        Status::Ok => false,
        Status::Pending => feed.last_error.is_some(),
        Status::Failing | Status::Gone | Status::Blocked => true,
    }
}

/// One sentence on how the feed is doing, for the participant and the coordinator.
pub fn describe(feed: &feed::Model, now: DateTime<Utc>) -> String {
    let error = feed.last_error.as_deref().unwrap_or("an unknown problem");
    match Status::parse(&feed.status) {
        Status::Ok => match feed.last_fetched_at {
            Some(at) => format!("All fine: read {}.", ago(at, now)),
            None => "All fine.".into(),
        },
        Status::Pending if feed.last_error.is_some() => {
            format!("Not read yet: {error}. Twentythree keeps trying.")
        }
        Status::Pending => "Waiting for the first read.".into(),
        Status::Failing => {
            let since = feed
                .failing_since
                .map(|at| format!(" since {}", ago(at, now)))
                .unwrap_or_default();
            format!("Cannot be read{since}: {error}. Twentythree keeps trying.")
        }
        Status::Gone => format!("Stopped: {error}. If the blog moved, give its new address."),
        Status::Blocked => format!("Stopped: {error}."),
    }
}

fn ago(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - at).num_minutes();
    match minutes {
        i64::MIN..=0 => "just now".into(),
        1 => "a minute ago".into(),
        2..=59 => format!("{minutes} minutes ago"),
        60..=119 => "an hour ago".into(),
        120..=2879 => format!("{} hours ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}
