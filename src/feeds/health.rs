//! A feed's health in the words the API and people use: whether it can be read, and
//! whether every post it shows could be.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;

use super::parse::Items;
use crate::entities::feed;
pub use crate::entities::feed::Status;

impl Status {
    /// Whether the poller has stopped reading this feed.
    pub fn stopped(self) -> bool {
        matches!(self, Self::Gone | Self::Blocked)
    }
}

/// Whether the coordinator should look at this feed: it fails, stopped, has not been found
/// yet, or loses posts.
pub fn is_failing(feed: &feed::Model) -> bool {
    match feed.status {
        Status::Ok => lost_posts(feed).is_some(),
        Status::Pending => feed.last_error.is_some(),
        Status::Failing | Status::Gone | Status::Blocked => true,
    }
}

/// What is wrong with the feed in plain words (the API's `last_error`); none when healthy.
/// A feed that is read but loses posts says which.
pub fn problem(feed: &feed::Model) -> Option<String> {
    match feed.status {
        Status::Ok => lost_posts(feed),
        _ => feed.last_error.clone(),
    }
}

/// "2 of 5 posts in your feed could not be read: they have no title, link or text", when
/// the last document read showed posts that gave none.
pub fn lost_posts(feed: &feed::Model) -> Option<String> {
    let (Some(seen), Some(unread)) = (feed.items_seen, feed.items_unread) else {
        return None;
    };
    let why = feed
        .unread_reason
        .as_deref()
        .unwrap_or("Twentythree cannot tell why");
    (unread > 0).then(|| format!("{unread} of {seen} posts in your feed could not be read: {why}"))
}

/// Keeps what a successful read saw on the feed's row.
pub fn record_items(row: &mut feed::ActiveModel, items: &Items) {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    row.items_seen = Set(Some(count(items.seen)));
    row.items_unread = Set(Some(count(items.unread)));
    row.unread_reason = Set(items.why.map(|why| why.words(items.unread).to_owned()));
}

/// One sentence on how the feed is doing, for the participant and the coordinator.
pub fn describe(feed: &feed::Model, now: DateTime<Utc>) -> String {
    let error = feed.last_error.as_deref().unwrap_or("an unknown problem");
    match feed.status {
        Status::Ok => match (feed.last_fetched_at, lost_posts(feed)) {
            (Some(at), Some(lost)) => format!("Read {}, but {lost}.", ago(at, now)),
            (None, Some(lost)) => format!("Read, but {lost}."),
            (Some(at), None) => format!("All fine: read {}.", ago(at, now)),
            (None, None) => "All fine.".into(),
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
