//! Which rows of the grid a coordinator sees, in which order: the filters (stalled, never
//! posted, ...), the sorts and the search.

use serde::Serialize;

use super::Row;

/// Which rows the grid shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Filter {
    All,
    Stalled,
    NeverPosted,
    FeedFailing,
    Finished,
    Unclaimed,
}

impl Filter {
    pub const ALL: [Self; 6] = [
        Self::All,
        Self::Stalled,
        Self::NeverPosted,
        Self::FeedFailing,
        Self::Finished,
        Self::Unclaimed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Stalled => "stalled",
            Self::NeverPosted => "never-posted",
            Self::FeedFailing => "feed-failing",
            Self::Finished => "finished",
            Self::Unclaimed => "unclaimed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn keeps(self, row: &Row) -> bool {
        match self {
            Self::All => true,
            Self::Stalled => row.stalled,
            Self::NeverPosted => row.never_posted(),
            Self::FeedFailing => row.feed_failing,
            Self::Finished => row.finished(),
            Self::Unclaimed => row.unclaimed > 0,
        }
    }
}

/// The order of the grid's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sort {
    /// By name (the default).
    Name,
    /// Most lessons done first.
    Progress,
    /// Least recently active first: who needs a word.
    Quietest,
    /// Most recently active first.
    Latest,
}

impl Sort {
    pub const ALL: [Self; 4] = [Self::Name, Self::Progress, Self::Quietest, Self::Latest];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Progress => "progress",
            Self::Quietest => "quietest",
            Self::Latest => "latest",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Orders `rows` (already in name order, which breaks ties).
    pub fn apply(self, rows: &mut [&Row]) {
        match self {
            Self::Name => {}
            Self::Progress => rows.sort_by_key(|r| std::cmp::Reverse(r.done)),
            Self::Quietest => rows.sort_by_key(|r| r.last_activity_at.unwrap_or(r.joined_at)),
            Self::Latest => {
                rows.sort_by_key(|r| std::cmp::Reverse(r.last_activity_at.unwrap_or(r.joined_at)));
            }
        }
    }
}

/// Whether `row` matches a search: part of the name, the address or the blog, any case.
pub fn matches(row: &Row, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty()
        || [&row.name, &row.email, &row.blog]
            .iter()
            .any(|field| field.to_lowercase().contains(&search))
}
