//! A feed's health in the words the API and people use: whether it can be read, and
//! whether every post it shows could be.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;

use super::parse::Items;
use crate::entities::feed;
pub use crate::entities::feed::Status;
use crate::i18n::Text;

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

/// What is wrong with the feed (the API's `last_error`, in English); none when healthy.
/// A feed that is read but loses posts says which.
pub fn problem(feed: &feed::Model) -> Option<Text> {
    match feed.status {
        Status::Ok => lost_posts(feed),
        _ => last_error(feed),
    }
}

/// Why the feed's last read failed, if it did.
pub fn last_error(feed: &feed::Model) -> Option<Text> {
    said(&feed.last_error_message, &feed.last_error)
}

/// A kept message, else (on rows written before messages were kept) the English sentence.
fn said(message: &Option<String>, english: &Option<String>) -> Option<Text> {
    message.as_deref().or(english.as_deref()).map(Text::kept)
}

/// "2 of 5 posts in your feed could not be read: they have no title, link or text", when
/// the last document read showed posts that gave none.
pub fn lost_posts(feed: &feed::Model) -> Option<Text> {
    let (Some(seen), Some(unread)) = (feed.items_seen, feed.items_unread) else {
        return None;
    };
    let why = said(&feed.unread_reason_message, &feed.unread_reason)
        .unwrap_or_else(|| Text::new("feed-unread-unknown"));
    (unread > 0).then(|| {
        Text::new("feed-lost-posts")
            .with("unread", unread)
            .with("seen", seen)
            .with("why", why)
    })
}

/// Keeps what a successful read saw on the feed's row.
pub fn record_items(row: &mut feed::ActiveModel, items: &Items) {
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    row.items_seen = Set(Some(count(items.seen)));
    row.items_unread = Set(Some(count(items.unread)));
    let why = items.why.map(|why| why.text(items.unread));
    row.unread_reason = Set(why.as_ref().map(ToString::to_string));
    row.unread_reason_message = Set(why.as_ref().map(Text::to_json));
}

/// Keeps what went wrong on the feed's row: in English, and as a message said in each
/// reader's language.
pub fn record_error(row: &mut feed::ActiveModel, error: Option<&Text>) {
    row.last_error = Set(error.map(ToString::to_string));
    row.last_error_message = Set(error.map(Text::to_json));
}

/// One sentence on how the feed is doing, for the participant and the coordinator.
pub fn describe(feed: &feed::Model, now: DateTime<Utc>) -> Text {
    let error = || last_error(feed).unwrap_or_else(|| Text::new("health-unknown-problem"));
    let ago = |at| ago(at, now);
    match feed.status {
        Status::Ok => match (feed.last_fetched_at, lost_posts(feed)) {
            (Some(at), Some(lost)) => Text::new("health-read-but")
                .with("ago", ago(at))
                .with("lost", lost),
            (None, Some(lost)) => Text::new("health-read-undated-but").with("lost", lost),
            (Some(at), None) => Text::new("health-ok-read").with("ago", ago(at)),
            (None, None) => Text::new("health-ok"),
        },
        Status::Pending if feed.last_error.is_some() => {
            Text::new("health-pending-error").with("error", error())
        }
        Status::Pending => Text::new("health-pending"),
        Status::Failing => match feed.failing_since {
            Some(at) => Text::new("health-failing-since")
                .with("for", duration(at, now))
                .with("error", error()),
            None => Text::new("health-failing").with("error", error()),
        },
        Status::Gone => Text::new("health-gone").with("error", error()),
        Status::Blocked => Text::new("health-blocked").with("error", error()),
    }
}

/// "3 minutes ago", "2 days ago".
fn ago(at: DateTime<Utc>, now: DateTime<Utc>) -> Text {
    match (now - at).num_minutes() {
        i64::MIN..=0 => Text::new("health-just-now"),
        minutes => {
            let (unit, count) = unit(minutes);
            Text::new(&format!("health-{unit}-ago")).with("count", count)
        }
    }
}

/// How long since `at`, at least a minute: "3 minutes", "2 days" (as in "failing for").
fn duration(at: DateTime<Utc>, now: DateTime<Utc>) -> Text {
    let (unit, count) = unit((now - at).num_minutes().max(1));
    Text::new(&format!("health-for-{unit}")).with("count", count)
}

/// `minutes` in the largest unit that says them well, and how many of it.
fn unit(minutes: i64) -> (&'static str, i64) {
    match minutes {
        ..=59 => ("minutes", minutes),
        60..=2879 => ("hours", minutes / 60),
        _ => ("days", minutes / 1440),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn how_long_is_said_in_each_language() {
        let at = Utc::now();
        let later = |minutes| at + chrono::Duration::minutes(minutes);
        assert_eq!(ago(at, at).say(Locale::En), "just now");
        assert_eq!(ago(at, later(1)).say(Locale::En), "a minute ago");
        assert_eq!(ago(at, later(180)).say(Locale::Nl), "3 uur geleden");
        assert_eq!(ago(at, later(60)).say(Locale::De), "vor einer Stunde");
        // "since" as German says it: "seit 3 Tagen".
        assert_eq!(duration(at, later(3 * 1440)).say(Locale::De), "3 Tagen");
        assert_eq!(duration(at, at).say(Locale::En), "a minute");
    }
}
