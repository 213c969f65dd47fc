//! What `/metrics` tells an operator, in the Prometheus (OpenMetrics) text format: counters
//! and histograms this process keeps (feed reads, HTTP requests), and gauges read from the
//! database at scrape time, so that every instance reports the same totals.

use std::time::Duration;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use sea_orm::sea_query::{Asterisk, Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    Select,
};

use crate::entities::{completion, feed, outbox, participant, post};
use crate::mail::Status as MailStatus;

/// The content type of the text [`Metrics::render`] returns.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// How a feed read ended, as `/metrics` counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedRead<'a> {
    /// Read and stored: `posts` new or changed posts.
    Fetched {
        posts: usize,
    },
    Unchanged,
    Deferred,
    Gone,
    /// Failed, with the kind of failure ("timeout", "http", ...).
    Failed(&'a str),
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Outcome {
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Kind {
    kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Status {
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Source {
    source: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Request {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Route {
    method: String,
    route: String,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// The metrics of one process; share it behind an `Arc`.
pub struct Metrics {
    registry: Registry,
    fetches: Family<Outcome, Counter>,
    fetch_errors: Family<Kind, Counter>,
    fetch_seconds: Histogram,
    posts_stored: Counter,
    requests: Family<Request, Counter>,
    request_seconds: Histograms<Route>,
    feeds: Family<Status, Gauge>,
    mail_overdue: Gauge,
    mail_failed: Gauge,
    completions: Family<Source, Gauge>,
    posts: Gauge,
    finishers: Gauge,
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.005, 2.0, 12))
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("twentythree");
        let metrics = Self {
            fetches: Family::default(),
            fetch_errors: Family::default(),
            fetch_seconds: Histogram::new(exponential_buckets(0.05, 2.0, 10)),
            posts_stored: Counter::default(),
            requests: Family::default(),
            request_seconds: Family::new_with_constructor(latency_histogram),
            feeds: Family::default(),
            mail_overdue: Gauge::default(),
            mail_failed: Gauge::default(),
            completions: Family::default(),
            posts: Gauge::default(),
            finishers: Gauge::default(),
            registry: Registry::default(),
        };
        // Each field under its exposed name, with its help text.
        macro_rules! register {
            ($($field:ident => $name:literal, $help:literal;)*) => {
                $(registry.register($name, $help, metrics.$field.clone());)*
            };
        }
        register! {
            fetches => "feed_fetches", "Feed reads by this process, by outcome";
            fetch_errors => "feed_fetch_errors", "Failed feed reads by this process, by kind of error";
            fetch_seconds => "feed_fetch_duration_seconds", "How long reading one feed took";
            posts_stored => "posts_stored", "Posts this process stored or updated";
            requests => "http_requests", "HTTP requests answered by this process, by route and status";
            request_seconds => "http_request_duration_seconds", "HTTP request latency by route";
            feeds => "feeds", "Feeds by status (from the database)";
            mail_overdue => "mail_overdue", "Emails still not sent five minutes after they were due (from the database)";
            mail_failed => "mail_failed", "Emails given up after every retry (from the database)";
            completions => "completions", "Completed things by source (from the database)";
            posts => "posts", "Posts stored (from the database)";
            finishers => "finishers", "Participants who finished (from the database)";
        }
        Self {
            registry,
            ..metrics
        }
    }
}

impl Metrics {
    /// Counts one feed read that took `took`.
    pub fn feed_read(&self, read: FeedRead<'_>, took: Duration) {
        let outcome = match read {
            FeedRead::Fetched { posts } => {
                self.posts_stored.inc_by(posts as u64);
                "fetched"
            }
            FeedRead::Unchanged => "unchanged",
            FeedRead::Deferred => "deferred",
            FeedRead::Gone => "gone",
            FeedRead::Failed(kind) => {
                self.fetch_errors
                    .get_or_create(&Kind {
                        kind: kind.to_owned(),
                    })
                    .inc();
                "failed"
            }
        };
        self.fetches
            .get_or_create(&Outcome {
                outcome: outcome.to_owned(),
            })
            .inc();
        self.fetch_seconds.observe(took.as_secs_f64());
    }

    /// Counts one HTTP request to `route` (the route's pattern, never the raw path).
    pub fn request(&self, method: &str, route: &str, status: u16, took: Duration) {
        self.requests
            .get_or_create(&Request {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .inc();
        self.request_seconds
            .get_or_create(&Route {
                method: method.to_owned(),
                route: route.to_owned(),
            })
            .observe(took.as_secs_f64());
    }

    /// Reads the gauges from the database, then renders everything.
    pub async fn render(
        &self,
        db: &impl ConnectionTrait,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<String, DbErr> {
        set_counts(
            &self.feeds,
            counts(db, feed::Entity::find(), feed::Column::Status).await?,
            |status| Status { status },
        );
        // No figure that one sign-in or one claim would move: only mail that is stuck.
        let overdue = outbox::Entity::find()
            .filter(outbox::Column::Status.is_in([MailStatus::Pending, MailStatus::Sending]))
            .filter(outbox::Column::NextAttemptAt.lt(now - chrono::Duration::minutes(5)))
            .count(db)
            .await?;
        let failed = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(MailStatus::Failed))
            .count(db)
            .await?;
        self.mail_overdue
            .set(i64::try_from(overdue).unwrap_or(i64::MAX));
        self.mail_failed
            .set(i64::try_from(failed).unwrap_or(i64::MAX));
        set_counts(
            &self.completions,
            counts(db, completion::Entity::find(), completion::Column::Source).await?,
            |source| Source { source },
        );
        let posts = post::Entity::find().count(db).await?;
        let finishers = participant::Entity::find()
            .filter(participant::Column::FinishedAt.is_not_null())
            .count(db)
            .await?;
        self.posts.set(i64::try_from(posts).unwrap_or(i64::MAX));
        self.finishers
            .set(i64::try_from(finishers).unwrap_or(i64::MAX));
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .map_err(|e| DbErr::Custom(format!("cannot encode the metrics: {e}")))?;
        Ok(text)
    }
}

/// Rows per value of `column`.
async fn counts<E: EntityTrait>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    column: E::Column,
) -> Result<Vec<(String, i64)>, DbErr> {
    select
        .select_only()
        .column(column)
        .expr(Func::count(Expr::col(Asterisk)))
        .group_by(column)
        .into_tuple()
        .all(db)
        .await
}

fn set_counts<L>(family: &Family<L, Gauge>, counts: Vec<(String, i64)>, label: impl Fn(String) -> L)
where
    L: Clone + std::hash::Hash + Eq,
{
    family.clear();
    for (value, count) in counts {
        family.get_or_create(&label(value)).set(count);
    }
}
