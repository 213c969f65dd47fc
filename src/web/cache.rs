//! What the busiest pages read, kept between requests while the database's data version
//! ([`crate::db::data_version`]) stands still: sixteen readers of a river cost one walk
//! down its posts, not sixteen. An entry also ends after [`LIFETIME`], so what depends on
//! the clock (a week opening, "stalled" after ten days, "read 3 minutes ago") is at most
//! that late, and on PostgreSQL a write that commits just after its number moved is seen
//! within it too. Each cache holds at most [`CAPACITY`] entries (or its own capacity) and
//! starts afresh when full.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::DatabaseConnection;
use tokio::sync::OnceCell;

use crate::cohorts::Figures;
use crate::feeds::river::{RiverPage, RiverPost};
use crate::i18n::Locale;
use crate::progress::ParticipantProgress;
use crate::progress::grid::Row;
use crate::together::highlights::Shown;
use crate::web::AppError;
use crate::web::body::KeptBody;

/// How long an entry may be used at most, whatever the data version says.
pub const LIFETIME: Duration = Duration::from_secs(60);

/// Entries a cache holds before it starts afresh.
pub const CAPACITY: usize = 512;

struct Entry<V> {
    version: i64,
    made: Instant,
    /// The value, once the first reader has read it; readers who come meanwhile wait for
    /// it instead of reading the same again.
    value: Arc<OnceCell<Arc<V>>>,
}

/// One kind of kept value, by key.
pub struct Cache<K, V> {
    entries: Mutex<HashMap<K, Entry<V>>>,
    /// Entries held before the cache starts afresh.
    capacity: usize,
}

impl<K: Eq + Hash, V> Default for Cache<K, V> {
    fn default() -> Self {
        Self::with_capacity(CAPACITY)
    }
}

impl<K: Eq + Hash, V> Cache<K, V> {
    /// A cache of at most `capacity` entries (for values larger than most).
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }
}

impl<K: Eq + Hash + Clone, V> Cache<K, V> {
    /// The value kept for `key` if the data has not moved since it was read, else what
    /// `read` reads now (kept for the next request). Requests that miss together wait for
    /// one read.
    pub async fn get_or_read<F, Fut>(
        &self,
        db: &DatabaseConnection,
        key: K,
        read: F,
    ) -> Result<Arc<V>, AppError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, AppError>>,
    {
        // The version is read first: a change after it moves it again, so what is read
        // below is never kept under a number older than itself.
        let version = crate::db::data_version(db).await?;
        let slot = self.slot(key, version);
        // A read that fails leaves the slot empty: the next reader tries again.
        let value = slot
            .get_or_try_init(|| async { read().await.map(Arc::new) })
            .await?;
        Ok(value.clone())
    }

    /// The entry for `key` at `version`: the kept one while it is fresh, else a new, empty
    /// one.
    fn slot(&self, key: K, version: i64) -> Arc<OnceCell<Arc<V>>> {
        let mut entries = self.lock();
        if let Some(entry) = entries.get(&key)
            && entry.version == version
            && entry.made.elapsed() < LIFETIME
        {
            return entry.value.clone();
        }
        if entries.len() >= self.capacity {
            entries.clear();
        }
        let value = Arc::new(OnceCell::new());
        entries.insert(
            key,
            Entry {
                version,
                made: Instant::now(),
                value: value.clone(),
            },
        );
        value
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Entry<V>>> {
        // A panic while holding the lock leaves nothing half-written worth refusing.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A river page as kept: the page, the notes of its highlighted posts, and why each post
/// counts as every shipped language says it (said once while the data stands still, not
/// per request).
pub struct KeptRiver {
    pub page: RiverPage,
    pub highlighted: HashMap<i32, String>,
    pub reasons: HashMap<(i32, Locale), String>,
}

/// A river page of a cohort: cohort id, thing, participant, page and its size.
pub type RiverKey = (i32, Option<i32>, Option<i32>, u64, u64);

/// A page of a cohort's grid: cohort id, filter, order, search, page and language.
pub type GridPage = (i32, &'static str, &'static str, String, usize, &'static str);

/// An output feed of a cohort as made: its text and when its newest post last changed.
pub type FeedBody = (String, Option<chrono::DateTime<chrono::Utc>>);

/// An output feed of a cohort as sent: its body and when its newest post last changed.
pub type KeptFeed = (KeptBody, Option<chrono::DateTime<chrono::Utc>>);

/// A page of a cohort's people, how many match, and the cohort's head count.
pub type PeoplePage = (Vec<ParticipantProgress>, u64, Figures);

/// A lesson's newest posts (with each one's cohort slug) and its highlighted posts.
pub type LessonPosts = (Vec<(String, RiverPost)>, Vec<Shown>);

/// The caches of the application, one per kind of page data.
#[derive(Default)]
pub struct Caches {
    /// River pages with the highlighted posts among them.
    pub river: Cache<RiverKey, KeptRiver>,
    /// Atom and JSON Feed bodies, by cohort id and format.
    pub feeds: Cache<(i32, &'static str), KeptFeed>,
    /// Every participant's grid row, by cohort id.
    pub grid: Cache<i32, Vec<Row>>,
    /// A page of the grid's rows as HTML, by [`GridPage`].
    pub grid_pages: Cache<GridPage, String>,
    /// The completion curve as SVG, by cohort id and language.
    pub curves: Cache<(i32, &'static str), String>,
    /// The progress API's document, by cohort id and whether it carries addresses.
    pub progress: Cache<(i32, bool), KeptBody>,
    /// The coordinator's `progress.csv`, by cohort id.
    pub csv: Cache<i32, KeptBody>,
    /// A cohort page's people (a page of them, found by name), how many match, and the
    /// cohort's head count: by cohort id, search and page.
    pub people: Cache<(i32, Option<String>, u64), PeoplePage>,
    /// A lesson page's posts and highlights, by the cohorts the reader may see and lesson.
    pub lessons: Cache<(Vec<i32>, i32), LessonPosts>,
    /// The reminders preview's checklist and sample email, by cohort id and language.
    pub reminders: Cache<(i32, &'static str), crate::web::coordinator::reminders::KeptDue>,
    /// The shared pages as sent to readers who are not signed in.
    pub strangers: crate::web::shared::SharedPages,
}
