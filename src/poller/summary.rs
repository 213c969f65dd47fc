//! What reads came to: one feed's [`Read`], and the [`Summary`] of a tick or a poll.

use std::collections::BTreeMap;

use crate::feeds::store::Stored;
use crate::metrics::FeedRead;

/// What happened to one feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    Fetched(Stored),
    Unchanged,
    Deferred,
    Gone,
    Failed(&'static str),
    /// Another process holds the feed's lease.
    Busy,
}

impl Read {
    /// The read as `/metrics` counts it; a feed another process holds is not counted.
    pub(super) fn counted(&self) -> Option<FeedRead<'static>> {
        Some(match self {
            Self::Fetched(stored) => FeedRead::Fetched {
                posts: stored.added + stored.updated,
            },
            Self::Unchanged => FeedRead::Unchanged,
            Self::Deferred => FeedRead::Deferred,
            Self::Gone => FeedRead::Gone,
            Self::Failed(kind) => FeedRead::Failed(kind),
            Self::Busy => return None,
        })
    }
}

/// Counts over many feeds, for the summary line and the logs.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub read: usize,
    pub unchanged: usize,
    pub deferred: usize,
    pub gone: usize,
    pub busy: usize,
    pub added: usize,
    pub updated: usize,
    pub failed: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub(super) fn add(&mut self, read: &Read) {
        match read {
            Read::Fetched(stored) => {
                self.read += 1;
                self.added += stored.added;
                self.updated += stored.updated;
            }
            Read::Unchanged => self.unchanged += 1,
            Read::Deferred => self.deferred += 1,
            Read::Gone => self.gone += 1,
            Read::Busy => self.busy += 1,
            Read::Failed(kind) => *self.failed.entry(kind).or_default() += 1,
        }
    }

    /// Whether any feed was dealt with (read, found unchanged, gone or deferred), as opposed
    /// to nothing due, or only failures and feeds being read elsewhere.
    pub fn made_progress(&self) -> bool {
        self.read + self.unchanged + self.gone + self.deferred > 0
    }

    pub fn feeds(&self) -> usize {
        self.read
            + self.unchanged
            + self.deferred
            + self.gone
            + self.busy
            + self.failed.values().sum::<usize>()
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} feeds: {} read ({} new posts, {} updated), {} unchanged",
            self.feeds(),
            self.read,
            self.added,
            self.updated,
            self.unchanged
        )?;
        let failed: usize = self.failed.values().sum();
        if failed > 0 {
            let reasons: Vec<String> = self
                .failed
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            write!(f, ", {failed} failed ({})", reasons.join(", "))?;
        }
        for (count, what) in [
            (self.deferred, "asked to wait"),
            (self.gone, "gone"),
            (self.busy, "being read elsewhere"),
        ] {
            if count > 0 {
                write!(f, ", {count} {what}")?;
            }
        }
        Ok(())
    }
}
