//! What a read leaves in the database: posts stored and recognised, the feed's validators,
//! health and next read, and the lease released, in one write per feed (one transaction
//! when posts changed).

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};
use url::Url;

use super::{Poller, Read, backoff};
use crate::entities::{cohort, feed, participant};
use crate::feeds::discover;
use crate::feeds::fetch::{FetchError, Fetched, Outcome, Request, Validators};
use crate::feeds::health::{self, Status};
use crate::feeds::parse::{self, ParsedFeed};
use crate::feeds::store;
use crate::i18n::Text;
use crate::progress::completions::{self, Rules};

impl Poller {
    pub(super) async fn fetch_and_record(
        &self,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let Ok(url) = Url::parse(&feed.url) else {
            let error = FetchError::Unsupported("feed-not-web-address");
            return self.record_failure(feed, &error, now).await;
        };
        let validators = Validators {
            etag: feed.etag.clone(),
            last_modified: feed.last_modified.clone(),
        };
        let request = Request {
            url: &url,
            validators: &validators,
            follow_redirects: true,
        };
        match self.fetcher.fetch(request).await {
            Outcome::Fetched(fetched) => self.record_fetched(feed, fetched, now).await,
            Outcome::NotModified { next_after } => {
                self.record_unchanged(feed, next_after, None, now).await
            }
            Outcome::Gone => self.record_gone(feed, now).await,
            Outcome::RetryAfter(wait) => self.record_deferred(feed, wait, now).await,
            Outcome::Failed(error) => self.record_failure(feed, &error, now).await,
        }
    }

    /// Parses what was fetched (finding the feed first when the address gave a home page
    /// and the feed was never read), with the feed's address and platform.
    async fn parse_fetched(
        &self,
        feed: &feed::Model,
        fetched: &Fetched,
        now: DateTime<Utc>,
    ) -> Result<(ParsedFeed, Url, Option<String>), Text> {
        if parse::looks_like_feed(&fetched.body, fetched.content_type.as_deref()) {
            let parsed = parse::parse_async(
                fetched.body.clone(),
                fetched.content_type.clone(),
                fetched.final_url.clone(),
                now,
            )
            .await
            .map_err(|e| e.text())?;
            Ok((parsed, fetched.final_url.clone(), feed.platform.clone()))
        } else if feed.last_fetched_at.is_none() {
            // Never read yet: the address may still be the blog's home page.
            let found = discover::discover(&self.fetcher, &fetched.final_url, now)
                .await
                .map_err(|e| e.text())?;
            let platform = feed.platform.clone().or(found.platform.map(str::to_owned));
            Ok((found.feed, found.feed_url, platform))
        } else {
            Err(Text::new("feed-now-web-page"))
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
        let (parsed, feed_url, platform) = match self.parse_fetched(feed, &fetched, now).await {
            Ok(found) => found,
            Err(reason) => {
                let error = FetchError::Unusable(reason);
                return self.record_failure(feed, &error, now).await;
            }
        };
        let wait = [Some(self.interval), fetched.next_after, parsed.ttl]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(self.interval);
        let _turn = self.write_turn().await;
        let txn = crate::db::begin_write(&self.db).await?;
        let dating = store::Dating {
            feed_date: parsed.updated_at,
            first_read: feed.body_hash.is_none(),
        };
        let stored = store::store_posts(&txn, feed.id, &parsed.posts, dating, now).await?;
        let mut row: feed::ActiveModel = feed.clone().into();
        let moved = fetched
            .moved_permanently_to
            .as_ref()
            .or((feed_url != fetched.final_url).then_some(&feed_url));
        if let Some(new_url) = moved.filter(|u| u.as_str() != feed.url) {
            let taken = feed::Entity::find()
                .filter(feed::Column::Url.eq(new_url.as_str()))
                .one(&txn)
                .await?
                .is_some();
            if !taken {
                let mut history: Vec<String> =
                    serde_json::from_str(&feed.previous_urls).unwrap_or_default();
                history.push(feed.url.clone());
                row.previous_urls =
                    Set(serde_json::to_string(&history).unwrap_or_else(|_| "[]".into()));
                row.url = Set(new_url.to_string());
            }
        }
        row.title = Set(parsed.title.clone().or(feed.title.clone()));
        row.site_url = Set(parsed.site_url.clone().or(feed.site_url.clone()));
        row.platform =
            Set(platform.or_else(|| discover::platform_of_feed(&fetched.body).map(str::to_owned)));
        row.etag = Set(fetched.etag.clone());
        row.last_modified = Set(fetched.last_modified.clone());
        row.body_hash = Set(Some(hash));
        row.websub_topic = Set(parsed.hub.as_ref().map(|_| {
            parsed
                .self_url
                .clone()
                .unwrap_or_else(|| feed_url.to_string())
        }));
        row.websub_hub = Set(parsed.hub.clone());
        healthy(&mut row, now, self.next_fetch(feed.id, wait, now));
        health::record_items(&mut row, &parsed.items);
        self.save(&txn, row, feed.id).await?;
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

    /// Writes `row`'s changes to feed `id` and releases the lease when this process holds
    /// it, in one statement.
    pub(super) async fn save(
        &self,
        db: &impl ConnectionTrait,
        row: feed::ActiveModel,
        id: i32,
    ) -> Result<(), sea_orm::DbErr> {
        let mine = || Expr::col(feed::Column::LeaseOwner).eq(self.owner.clone());
        let release = |column: feed::Column, none: sea_orm::Value| {
            Expr::case(mine(), Expr::val(none))
                .finally(Expr::col(column))
                .into()
        };
        feed::Entity::update_many()
            .set(row)
            .col_expr(
                feed::Column::LeaseOwner,
                release(feed::Column::LeaseOwner, Option::<String>::None.into()),
            )
            .col_expr(
                feed::Column::LeaseUntil,
                release(
                    feed::Column::LeaseUntil,
                    Option::<DateTime<Utc>>::None.into(),
                ),
            )
            .filter(feed::Column::Id.eq(id))
            .exec(db)
            .await?;
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
        self.record(feed.id, row).await?;
        Ok(Read::Unchanged)
    }

    async fn record_gone(
        &self,
        feed: &feed::Model,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let mut row: feed::ActiveModel = feed.clone().into();
        row.status = Set(Status::Gone);
        health::record_error(&mut row, Some(&Text::new("feed-gone-for-good")));
        row.disabled_reason = Set(Some("410 Gone".into()));
        row.last_fetched_at = Set(Some(now));
        row.next_fetch_at = Set(None);
        self.record(feed.id, row).await?;
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
        self.record(feed.id, row).await?;
        Ok(Read::Deferred)
    }

    async fn record_failure(
        &self,
        feed: &feed::Model,
        error: &FetchError,
        now: DateTime<Utc>,
    ) -> Result<Read, sea_orm::DbErr> {
        let mut row: feed::ActiveModel = feed.clone().into();
        health::record_error(&mut row, Some(&error.text()));
        row.last_fetched_at = Set(Some(now));
        if matches!(error, FetchError::Blocked(_) | FetchError::Unsupported(_)) {
            row.status = Set(Status::Blocked);
            row.disabled_reason = Set(Some(error.to_string()));
            row.next_fetch_at = Set(None);
        } else {
            let errors = feed.consecutive_errors.saturating_add(1);
            let never_read = feed.status == Status::Pending;
            let status = if never_read {
                Status::Pending
            } else {
                Status::Failing
            };
            row.status = Set(status);
            row.consecutive_errors = Set(errors);
            row.failing_since = Set(Some(feed.failing_since.unwrap_or(now)));
            let wait = backoff(self.interval, errors);
            row.next_fetch_at = Set(Some(
                now + chrono::Duration::from_std(wait).unwrap_or_default(),
            ));
        }
        self.record(feed.id, row).await?;
        Ok(Read::Failed(error.kind()))
    }
}

fn healthy(row: &mut feed::ActiveModel, now: DateTime<Utc>, next: DateTime<Utc>) {
    row.status = Set(Status::Ok);
    health::record_error(row, None);
    row.consecutive_errors = Set(0);
    row.failing_since = Set(None);
    row.retry_after_until = Set(None);
    row.last_fetched_at = Set(Some(now));
    row.next_fetch_at = Set(Some(next));
}
