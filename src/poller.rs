//! The poller: lists due feeds, claims them with a lease (a compare-and-set on the rows, so
//! `serve`, `poll` and any number of instances never read one feed twice at once), fetches
//! them with bounded concurrency (at most two at a time per host), stores what changed and
//! schedules the next read, releasing the lease in the same write. `tick` is one
//! idempotent step that reads until nothing is due; `serve` loops around it.

mod due;
mod hosts;
mod record;
mod summary;
mod writes;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures_util::stream::FuturesUnordered;
use futures_util::{FutureExt, StreamExt};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use url::Url;

use crate::config::Config;
use crate::entities::{cohort, feed};
use crate::feeds::fetch::Fetcher;
use crate::feeds::websub;
use crate::lessons::Programs;
use crate::metrics::Metrics;
use due::{Source, lease_free};
use hosts::Hosts;
pub use hosts::PER_HOST;
pub use summary::{Read, Summary};

/// Never wait longer than this between two reads of a feed.
const MAX_WAIT: Duration = Duration::from_secs(24 * 3600);
/// Feeds listed from the database at a time, unless set otherwise.
const LIST_BATCH: u64 = 256;
/// The most listed feeds waiting in memory for their turn.
const MAX_PENDING: usize = 4096;
/// The longest rest between two ticks that found nothing due.
const IDLE_REST: Duration = Duration::from_secs(5);

/// What the poller needs; cheap to clone.
#[derive(Clone)]
pub struct Poller {
    pub db: DatabaseConnection,
    pub fetcher: Fetcher,
    pub interval: Duration,
    pub programs: Arc<Programs>,
    pub base_url: Url,
    /// Who holds a lease: unique per process.
    pub owner: String,
    /// How long a claimed feed stays with its claimant: longer than any fetch can take.
    pub lease: Duration,
    /// Whether feeds that advertise a WebSub hub are subscribed to (`TWENTYTHREE_WEBSUB`).
    pub websub: bool,
    /// Where reads are counted for `/metrics` (the application's, handed over).
    metrics: Arc<Metrics>,
    /// Feeds read at once (`TWENTYTHREE_FETCH_CONCURRENCY`).
    pub concurrency: usize,
    /// Due feeds listed from the database at a time.
    pub batch: u64,
    /// Taken in turn by this process's writes on SQLite (see `writes`).
    writing: Arc<tokio::sync::Mutex<()>>,
    /// Where the reads of a tick send their records, while one runs.
    writes: Option<writes::Writes>,
}

/// When a listed feed may be claimed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// Only while it is still due: another instance may have read it since it was listed.
    IfStillDue,
    /// Whatever its schedule (`twentythree poll`).
    Now,
}

impl Poller {
    pub fn new(
        db: DatabaseConnection,
        fetcher: Fetcher,
        config: &Config,
        programs: Arc<Programs>,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            db,
            fetcher,
            interval: config.poll_interval,
            programs,
            base_url: config.base_url.clone(),
            owner: crate::db::lease_owner(),
            lease: config.worker_lease,
            websub: config.websub,
            metrics,
            concurrency: config.fetch_concurrency.max(1),
            batch: LIST_BATCH,
            writing: Arc::default(),
            writes: None,
        }
    }

    /// One step of the scheduler: reads every feed that is due at `now` and not leased,
    /// listing more as reads finish, until none is left; then, with WebSub on, subscribes,
    /// renews and unsubscribes as the feeds now advertise (`feeds::websub::maintain`).
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Summary, sea_orm::DbErr> {
        let summary = self
            .read_from(Source::Due(None), Claim::IfStillDue, now, |_| {})
            .await?;
        if self.websub {
            let links = crate::links::Links::new(&self.base_url);
            match websub::maintain(&self.db, &self.fetcher, &links, now).await {
                Ok(done) if done != websub::Maintained::default() => {
                    tracing::info!(?done, "WebSub subscriptions");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "cannot keep WebSub subscriptions"),
            }
        }
        Ok(summary)
    }

    /// Reads every feed (of one cohort, or all) once now, whatever their schedule, but
    /// still honouring Retry-After and 410. `progress` is called after each feed.
    pub async fn poll_now(
        &self,
        cohort: Option<&cohort::Model>,
        now: DateTime<Utc>,
        progress: impl Fn(&Read) + Send + Sync,
    ) -> Result<Summary, sea_orm::DbErr> {
        let feeds = self.feeds_to_poll(cohort, now).await?;
        let source = Source::Listed(feeds.into_iter());
        self.read_from(source, Claim::Now, now, progress).await
    }

    /// Reads one feed now, whatever its schedule (a coordinator's "re-poll now"), through the
    /// same lease as every other read: if another process is reading it, this answers `Busy`.
    /// Like `poll_now`, it honours Retry-After and leaves stopped feeds alone.
    pub async fn poll_feed(&self, feed: feed::Model, now: DateTime<Utc>) -> Read {
        if feed.status.stopped() {
            return Read::Gone;
        }
        if feed.retry_after_until.is_some_and(|until| until > now) {
            return Read::Deferred;
        }
        match self.claim(vec![feed.id], Claim::Now, now).await {
            Ok(mut claimed) => match claimed.pop() {
                Some(fresh) => self.read_claimed(fresh, now).await,
                None => Read::Busy,
            },
            Err(e) => {
                tracing::warn!(feed = feed.id, error = %e, "cannot claim a feed");
                Read::Failed("database")
            }
        }
    }

    /// Reads the feeds of `source`, `self.concurrency` at a time and at most [`PER_HOST`] at
    /// a time from one host, listing more as reads finish.
    async fn read_from(
        &self,
        mut source: Source,
        claim: Claim,
        now: DateTime<Utc>,
        progress: impl Fn(&Read) + Send + Sync,
    ) -> Result<Summary, sea_orm::DbErr> {
        let started = Instant::now();
        let clock = || now + chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
        let (writes, writer) = writes::Writes::start(self);
        let mut reader = self.clone();
        reader.writes = Some(writes);
        let (mut hosts, mut summary, mut failure) = (Hosts::default(), Summary::default(), None);
        let mut reading = FuturesUnordered::new();
        let mut finish = |hosts: &mut Hosts, (host, read): (String, Read)| {
            hosts.done(host);
            progress(&read);
            summary.add(&read);
        };
        loop {
            self.fill(&mut source, &mut hosts, now, &mut failure).await;
            let picked = hosts.take(self.concurrency.saturating_sub(reading.len()));
            if !picked.is_empty() {
                let at = clock();
                let ids = picked.iter().map(|(_, feed)| feed.id).collect();
                let mut claimed: HashMap<i32, feed::Model> = match self.claim(ids, claim, at).await
                {
                    Ok(rows) => rows.into_iter().map(|f| (f.id, f)).collect(),
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot claim feeds");
                        failure.get_or_insert(e);
                        HashMap::new()
                    }
                };
                for (host, feed) in picked {
                    match claimed.remove(&feed.id) {
                        Some(fresh) => {
                            // A task of its own, so that a read holding the write lock
                            // goes on while this loop waits for the database.
                            let poller = reader.clone();
                            let task =
                                tokio::spawn(async move { poller.read_claimed(fresh, at).await });
                            reading.push(async move {
                                (host, task.await.unwrap_or(Read::Failed("internal")))
                            });
                        }
                        None if failure.is_some() => {
                            finish(&mut hosts, (host, Read::Failed("database")))
                        }
                        None => finish(&mut hosts, (host, Read::Busy)),
                    }
                }
            }
            match reading.next().await {
                Some(done) => finish(&mut hosts, done),
                None if hosts.pending() == 0 && matches!(source, Source::Exhausted) => break,
                None => continue,
            }
            while let Some(Some(done)) = reading.next().now_or_never() {
                finish(&mut hosts, done);
            }
        }
        drop(reader);
        if let Err(e) = writer.await {
            tracing::warn!(error = %e, "the poller's writer ended badly");
        }
        match failure {
            Some(e) if !summary.made_progress() => Err(e),
            _ => Ok(summary),
        }
    }

    /// Lists due feeds from `source` into `hosts` until enough are ready to read (or
    /// `source` runs out); a database error ends the listing and is kept in `failure`.
    async fn fill(
        &self,
        source: &mut Source,
        hosts: &mut Hosts,
        now: DateTime<Utc>,
        failure: &mut Option<sea_orm::DbErr>,
    ) {
        while !matches!(source, Source::Exhausted)
            && (hosts.pending() < self.concurrency || !hosts.any_ready())
            && hosts.pending() < MAX_PENDING
        {
            match self.next_batch(source, now).await {
                Ok(batch) => batch.into_iter().for_each(|feed| hosts.push(feed)),
                Err(e) => {
                    *failure = Some(e);
                    *source = Source::Exhausted;
                }
            }
        }
    }

    /// Makes this process the reader of those of `ids` that are not leased (and, unless
    /// `claim` is `Now`, still due), in one portable compare-and-set; returns them as they
    /// are now.
    async fn claim(
        &self,
        ids: Vec<i32>,
        claim: Claim,
        now: DateTime<Utc>,
    ) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
        let until = now + chrono::Duration::from_std(self.lease).unwrap_or_default();
        let _turn = self.write_turn().await;
        let mut update = feed::Entity::update_many()
            .col_expr(feed::Column::LeaseOwner, Expr::value(self.owner.clone()))
            .col_expr(feed::Column::LeaseUntil, Expr::value(until))
            .filter(feed::Column::Id.is_in(ids))
            .filter(lease_free(now));
        if claim == Claim::IfStillDue {
            update = update.filter(feed::Column::NextFetchAt.lte(now));
        }
        update.exec_with_returning(&self.db).await
    }

    /// Fetches and records one claimed feed, releasing it. Errors become a failed read,
    /// never a panic.
    async fn read_claimed(&self, feed: feed::Model, now: DateTime<Utc>) -> Read {
        let started = Instant::now();
        let read = match self.fetch_and_record(&feed, now).await {
            Ok(read) => read,
            Err(e) => {
                tracing::warn!(feed = feed.id, error = %e, "cannot record a feed read");
                if let Err(e) = self.release(feed.id).await {
                    tracing::warn!(feed = feed.id, error = %e, "cannot release a feed lease");
                }
                Read::Failed("database")
            }
        };
        if let Some(counted) = read.counted() {
            self.metrics.feed_read(counted, started.elapsed());
        }
        tracing::debug!(feed = feed.id, url = %feed.url, ?read, elapsed_ms = started.elapsed().as_millis() as u64, "feed read");
        read
    }

    async fn release(&self, feed_id: i32) -> Result<(), sea_orm::DbErr> {
        feed::Entity::update_many()
            .col_expr(
                feed::Column::LeaseOwner,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                feed::Column::LeaseUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(feed::Column::Id.eq(feed_id))
            .filter(feed::Column::LeaseOwner.eq(self.owner.clone()))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// The next read: `wait` from now (at most a day), spread by a per-feed jitter of up to
    /// a tenth of the interval so feeds added together do not stay in step.
    fn next_fetch(&self, feed_id: i32, wait: Duration, now: DateTime<Utc>) -> DateTime<Utc> {
        let spread = self.interval.as_secs() / 10;
        let jitter = if spread == 0 {
            0
        } else {
            u64::from(feed_id.unsigned_abs()).wrapping_mul(2_654_435_761) % spread
        };
        let wait = wait.min(MAX_WAIT) + Duration::from_secs(jitter);
        now + chrono::Duration::from_std(wait).unwrap_or_default()
    }
}

/// Exponential back-off after `errors` consecutive failures: interval x 2^errors, at most a day.
pub fn backoff(interval: Duration, errors: i32) -> Duration {
    let factor = 1u32 << errors.clamp(0, 16);
    interval.saturating_mul(factor).min(MAX_WAIT)
}

/// Runs `tick` until `shutdown` resolves: again at once after a tick that read feeds (more
/// may have fallen due meanwhile), after a few seconds' rest once nothing is due.
pub async fn run(poller: Poller, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        let busy = match poller.tick(Utc::now()).await {
            Ok(summary) if summary.feeds() > 0 => {
                tracing::info!("poll: {summary}");
                summary.made_progress()
            }
            Ok(_) => false,
            Err(e) => {
                tracing::warn!(error = %e, "the feed poller could not run");
                false
            }
        };
        let rest = if busy {
            Duration::ZERO
        } else {
            crate::db::worker_rest(poller.lease, IDLE_REST)
        };
        tokio::select! {
            _ = tokio::time::sleep(rest) => {}
            _ = shutdown.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_day() {
        let interval = Duration::from_secs(1800);
        assert_eq!(backoff(interval, 1), Duration::from_secs(3600));
        assert_eq!(backoff(interval, 3), Duration::from_secs(14400));
        assert_eq!(backoff(interval, 30), MAX_WAIT);
    }
}
