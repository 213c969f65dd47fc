//! The poller: claims due feeds with a lease (a compare-and-set on the row, so `serve`,
//! `poll` and any number of instances never read one feed twice at once), fetches them with
//! bounded concurrency (at most two at a time per host), stores what changed and schedules
//! the next read. `tick` is one idempotent step; `serve` loops around it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;
use url::Url;

use super::discover;
use super::fetch::{FetchError, Fetched, Fetcher, Outcome, Request, Validators};
use super::health::{self, Status};
use super::parse;
use super::store::{self, Stored};
use crate::config::Config;
use crate::entities::{cohort, feed, participant};
use crate::lessons::Programs;
use crate::progress::completions::{self, Rules};

/// Never wait longer than this between two reads of a feed.
const MAX_WAIT: Duration = Duration::from_secs(24 * 3600);
/// Feeds read at once, and at once per host.
pub const CONCURRENCY: usize = 8;
const PER_HOST: usize = 2;
/// Due feeds claimed per tick.
const BATCH: u64 = 64;

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
    /// Where reads are counted for `/metrics`.
    pub metrics: Arc<crate::metrics::Metrics>,
}

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

/// When a listed feed may be claimed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Claim {
    /// Only while it is still due: another instance may have read it since it was listed.
    IfStillDue,
    /// Whatever its schedule (`twentythree poll`).
    Now,
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
    fn add(&mut self, read: &Read) {
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

impl Poller {
    pub fn new(
        db: DatabaseConnection,
        fetcher: Fetcher,
        config: &Config,
        programs: Arc<Programs>,
    ) -> Self {
        Self {
            db,
            fetcher,
            interval: config.poll_interval,
            programs,
            base_url: config.base_url.clone(),
            owner: crate::db::lease_owner(),
            lease: config.worker_lease,
            metrics: Arc::default(),
        }
    }

    /// One step of the scheduler: reads every feed that is due at `now` and not leased.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Summary, sea_orm::DbErr> {
        let due = feed::Entity::find()
            .filter(
                feed::Column::Status.is_not_in([Status::Gone.as_str(), Status::Blocked.as_str()]),
            )
            .filter(feed::Column::NextFetchAt.lte(now))
            .filter(lease_free(now))
            .order_by_asc(feed::Column::NextFetchAt)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        Ok(self.read_all(due, Claim::IfStillDue, now, |_| {}).await)
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
        Ok(self.read_all(feeds, Claim::Now, now, progress).await)
    }

    /// Reads one feed now, whatever its schedule (a coordinator's "re-poll now"), through the
    /// same lease as every other read: if another process is reading it, this answers `Busy`.
    /// Like `poll_now`, it honours Retry-After and leaves stopped feeds alone.
    pub async fn poll_feed(&self, feed: feed::Model, now: DateTime<Utc>) -> Read {
        if Status::parse(&feed.status).stopped() {
            return Read::Gone;
        }
        if feed.retry_after_until.is_some_and(|until| until > now) {
            return Read::Deferred;
        }
        self.read_one(feed, Claim::Now, now).await
    }

    /// The feeds `poll_now` would read.
    pub async fn feeds_to_poll(
        &self,
        cohort: Option<&cohort::Model>,
        now: DateTime<Utc>,
    ) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
        let mut query = feed::Entity::find()
            .filter(
                feed::Column::Status.is_not_in([Status::Gone.as_str(), Status::Blocked.as_str()]),
            )
            // Stopped for good (blocked, gone, or nobody's blog any more).
            .filter(feed::Column::DisabledReason.is_null())
            .filter(
                Condition::any()
                    .add(feed::Column::RetryAfterUntil.is_null())
                    .add(feed::Column::RetryAfterUntil.lte(now)),
            );
        if let Some(cohort) = cohort {
            let ids: Vec<Option<i32>> = participant::Entity::find()
                .select_only()
                .column(participant::Column::FeedId)
                .filter(participant::Column::CohortId.eq(cohort.id))
                .into_tuple()
                .all(&self.db)
                .await?;
            query = query.filter(feed::Column::Id.is_in(ids.into_iter().flatten()));
        }
        query.order_by_asc(feed::Column::Id).all(&self.db).await
    }

    async fn read_all(
        &self,
        feeds: Vec<feed::Model>,
        claim: Claim,
        now: DateTime<Utc>,
        progress: impl Fn(&Read) + Send + Sync,
    ) -> Summary {
        let mut hosts: HashMap<String, Arc<Semaphore>> = HashMap::new();
        let jobs: Vec<(feed::Model, Arc<Semaphore>)> = feeds
            .into_iter()
            .map(|feed| {
                let host = Url::parse(&feed.url)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_default();
                let permit = hosts
                    .entry(host)
                    .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST)))
                    .clone();
                (feed, permit)
            })
            .collect();
        let mut summary = Summary::default();
        let mut reads = futures_util::stream::iter(jobs)
            .map(|(feed, host)| async move {
                let _permit = host.acquire_owned().await;
                self.read_one(feed, claim, now).await
            })
            .buffer_unordered(CONCURRENCY);
        while let Some(read) = reads.next().await {
            progress(&read);
            summary.add(&read);
        }
        summary
    }

    /// Claims, fetches and records one feed. Errors become a failed read, never a panic.
    async fn read_one(&self, feed: feed::Model, claim: Claim, now: DateTime<Utc>) -> Read {
        match self.claim(feed.id, claim, now).await {
            Ok(true) => {}
            Ok(false) => return Read::Busy,
            Err(e) => {
                tracing::warn!(feed = feed.id, error = %e, "cannot claim a feed");
                return Read::Failed("database");
            }
        }
        let started = std::time::Instant::now();
        let read = match self.fetch_and_record(&feed, now).await {
            Ok(read) => read,
            Err(e) => {
                tracing::warn!(feed = feed.id, error = %e, "cannot record a feed read");
                Read::Failed("database")
            }
        };
        if let Err(e) = self.release(feed.id).await {
            tracing::warn!(feed = feed.id, error = %e, "cannot release a feed lease");
        }
        self.metrics.feed_read(&read, started.elapsed());
        tracing::debug!(feed = feed.id, url = %feed.url, ?read, elapsed_ms = started.elapsed().as_millis() as u64, "feed read");
        read
    }

    /// The portable compare-and-set that makes one process the feed's reader.
    async fn claim(
        &self,
        feed_id: i32,
        claim: Claim,
        now: DateTime<Utc>,
    ) -> Result<bool, sea_orm::DbErr> {
        let until = now + chrono::Duration::from_std(self.lease).unwrap_or_default();
        let mut update = feed::Entity::update_many()
            .col_expr(feed::Column::LeaseOwner, Expr::value(self.owner.clone()))
            .col_expr(feed::Column::LeaseUntil, Expr::value(until))
            .filter(feed::Column::Id.eq(feed_id))
            .filter(lease_free(now));
        if claim == Claim::IfStillDue {
            update = update.filter(feed::Column::NextFetchAt.lte(now));
        }
        let result = update.exec(&self.db).await?;
        Ok(result.rows_affected == 1)
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

    async fn fetch_and_record(
        &self,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let Ok(url) = Url::parse(&feed.url) else {
            return self
                .record_failure(
                    feed,
                    &FetchError::Unsupported("the feed address is not a web address".into()),
                    now,
                )
                .await;
        };
        let validators = Validators {
            etag: feed.etag.clone(),
            last_modified: feed.last_modified.clone(),
        };
        match self
            .fetcher
            .fetch(Request {
                url: &url,
                validators: &validators,
                follow_redirects: true,
            })
            .await
        {
            Outcome::Fetched(fetched) => self.record_fetched(feed, fetched, now).await,
            Outcome::NotModified { next_after } => {
                self.record_unchanged(feed, next_after, None, now).await
            }
            Outcome::Gone => self.record_gone(feed, now).await,
            Outcome::RetryAfter(wait) => self.record_deferred(feed, wait, now).await,
            Outcome::Failed(error) => self.record_failure(feed, &error, now).await,
        }
    }

    async fn record_fetched(
        &self,
        feed: &feed::Model,
        fetched: Fetched,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let hash = format!("{:x}", Sha256::digest(&fetched.body));
        if feed.body_hash.as_deref() == Some(hash.as_str())
            && fetched.moved_permanently_to.is_none()
        {
            return self
                .record_unchanged(feed, fetched.next_after, Some(&fetched), now)
                .await;
        }
        let mut feed_url = fetched.final_url.clone();
        let mut platform = feed.platform.clone();
        let parsed = if parse::looks_like_feed(&fetched.body, fetched.content_type.as_deref()) {
            parse::parse_async(
                fetched.body.clone(),
                fetched.content_type.clone(),
                fetched.final_url.clone(),
                now,
            )
            .await
            .map_err(|e| e.to_string())
        } else if feed.last_fetched_at.is_none() {
            // Never read yet: the address may still be the blog's home page.
            match discover::discover(&self.fetcher, &fetched.final_url, now).await {
                Ok(found) => {
                    feed_url = found.feed_url;
                    platform = platform.or(found.platform.map(str::to_owned));
                    Ok(found.feed)
                }
                Err(e) => Err(e.to_string()),
            }
        } else {
            Err("the address now gives a web page, not a feed".to_owned())
        };
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(reason) => {
                return self
                    .record_failure(feed, &FetchError::Other(reason), now)
                    .await;
            }
        };
        let wait = [Some(self.interval), fetched.next_after, parsed.ttl]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(self.interval);
        let txn = crate::db::begin_write(&self.db).await?;
        let Some(current) = feed::Entity::find_by_id(feed.id).one(&txn).await? else {
            return Ok(Read::Gone);
        };
        let dating = store::Dating {
            feed_date: parsed.updated_at,
            first_read: current.body_hash.is_none(),
        };
        let stored = store::store_posts(&txn, feed.id, &parsed.posts, dating, now).await?;
        let mut row: feed::ActiveModel = current.clone().into();
        let moved = fetched
            .moved_permanently_to
            .as_ref()
            .or((feed_url != fetched.final_url).then_some(&feed_url));
        if let Some(new_url) = moved.filter(|u| u.as_str() != current.url) {
            let taken = feed::Entity::find()
                .filter(feed::Column::Url.eq(new_url.as_str()))
                .one(&txn)
                .await?
                .is_some();
            if !taken {
                let mut history: Vec<String> =
                    serde_json::from_str(&current.previous_urls).unwrap_or_default();
                history.push(current.url.clone());
                row.previous_urls =
                    Set(serde_json::to_string(&history).unwrap_or_else(|_| "[]".into()));
                row.url = Set(new_url.to_string());
            }
        }
        row.title = Set(parsed.title.clone().or(current.title.clone()));
        row.site_url = Set(parsed.site_url.clone().or(current.site_url.clone()));
        row.platform =
            Set(platform.or_else(|| discover::platform_of_feed(&fetched.body).map(str::to_owned)));
        row.etag = Set(fetched.etag.clone());
        row.last_modified = Set(fetched.last_modified.clone());
        row.body_hash = Set(Some(hash));
        healthy(&mut row, now, self.next_fetch(feed.id, wait, now));
        health::record_items(&mut row, &parsed.items);
        row.update(&txn).await?;
        if stored.added + stored.updated > 0 {
            self.recognise(&txn, feed.id, now).await?;
        }
        txn.commit().await?;
        Ok(Read::Fetched(stored))
    }

    /// Re-decides the posts of everyone who reads this feed.
    async fn recognise(
        &self,
        db: &impl ConnectionTrait,
        feed_id: i32,
        now: DateTime<Utc>,
    ) -> Result<(), sea_orm::DbErr> {
        let members = participant::Entity::find()
            .filter(participant::Column::FeedId.eq(feed_id))
            .find_also_related(cohort::Entity)
            .all(db)
            .await?;
        for (member, cohort) in members {
            if let Some(cohort) = cohort {
                let rules = Rules::of(&self.programs, &cohort, &self.base_url);
                completions::evaluate(db, rules, &member, &cohort, now).await?;
            }
        }
        Ok(())
    }

    async fn record_unchanged(
        &self,
        feed: &feed::Model,
        next_after: Option<Duration>,
        fetched: Option<&Fetched>,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let mut row: feed::ActiveModel = feed.clone().into();
        if let Some(fetched) = fetched {
            row.etag = Set(fetched.etag.clone());
            row.last_modified = Set(fetched.last_modified.clone());
        }
        let wait = next_after.map_or(self.interval, |d| d.max(self.interval));
        healthy(&mut row, now, self.next_fetch(feed.id, wait, now));
        row.update(&self.db).await?;
        Ok(Read::Unchanged)
    }

    async fn record_gone(
        &self,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let mut row: feed::ActiveModel = feed.clone().into();
        row.status = Set(Status::Gone.as_str().into());
        row.last_error = Set(Some(
            "the blog says this feed is gone for good (410 Gone)".into(),
        ));
        row.disabled_reason = Set(Some("410 Gone".into()));
        row.last_fetched_at = Set(Some(now));
        row.next_fetch_at = Set(None);
        row.update(&self.db).await?;
        Ok(Read::Gone)
    }

    async fn record_deferred(
        &self,
        feed: &feed::Model,
        wait: Duration,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let until = now + chrono::Duration::from_std(wait).unwrap_or_default();
        let mut row: feed::ActiveModel = feed.clone().into();
        row.retry_after_until = Set(Some(until));
        row.next_fetch_at = Set(Some(until));
        row.last_fetched_at = Set(Some(now));
        row.update(&self.db).await?;
        Ok(Read::Deferred)
    }

    async fn record_failure(
        &self,
        feed: &feed::Model,
        error: &FetchError,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let mut row: feed::ActiveModel = feed.clone().into();
        row.last_error = Set(Some(error.to_string()));
        row.last_fetched_at = Set(Some(now));
        if matches!(error, FetchError::Blocked(_) | FetchError::Unsupported(_)) {
            row.status = Set(Status::Blocked.as_str().into());
            row.disabled_reason = Set(Some(error.to_string()));
            row.next_fetch_at = Set(None);
        } else {
            let errors = feed.consecutive_errors.saturating_add(1);
            let never_read = feed.status == Status::Pending.as_str();
            row.status = Set(if never_read {
                Status::Pending
            } else {
                Status::Failing
            }
            .as_str()
            .into());
            row.consecutive_errors = Set(errors);
            row.failing_since = Set(Some(feed.failing_since.unwrap_or(now)));
            row.next_fetch_at = Set(Some(
                now + chrono::Duration::from_std(backoff(self.interval, errors))
                    .unwrap_or_default(),
            ));
        }
        row.update(&self.db).await?;
        Ok(Read::Failed(error.kind()))
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

fn lease_free(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(feed::Column::LeaseUntil.is_null())
        .add(feed::Column::LeaseUntil.lt(now))
}

fn healthy(row: &mut feed::ActiveModel, now: DateTime<Utc>, next: DateTime<Utc>) {
    row.status = Set(Status::Ok.as_str().into());
    row.last_error = Set(None);
    row.consecutive_errors = Set(0);
    row.failing_since = Set(None);
    row.retry_after_until = Set(None);
    row.last_fetched_at = Set(Some(now));
    row.next_fetch_at = Set(Some(next));
}

/// Runs `tick` every few seconds until `shutdown` resolves.
pub async fn run(poller: Poller, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        match poller.tick(Utc::now()).await {
            Ok(summary) if summary.feeds() > 0 => tracing::info!("poll: {summary}"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the feed poller could not run"),
        }
        tokio::select! {
            _ = tokio::time::sleep(crate::db::worker_rest(poller.lease, Duration::from_secs(15))) => {}
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
