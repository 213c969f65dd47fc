//! Which feeds to read next: every due feed in order of due time (keyset batches), or a
//! list made beforehand for `poll`.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::Poller;
use crate::entities::{cohort, feed, participant};
use crate::feeds::health::Status;

/// Where the feeds to read come from.
pub(super) enum Source {
    /// A list made beforehand (`poll_now`).
    Listed(std::vec::IntoIter<feed::Model>),
    /// The database, in order of due time, after this (next fetch, id).
    Due(Option<(DateTime<Utc>, i32)>),
    Exhausted,
}

impl Poller {
    /// The feeds `poll_now` would read.
    pub async fn feeds_to_poll(
        &self,
        cohort: Option<&cohort::Model>,
        now: DateTime<Utc>,
    ) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
        let mut query = feed::Entity::find()
            .filter(feed::Column::Status.is_not_in([Status::Gone, Status::Blocked]))
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

    /// The next due feeds after `after`, in order of due time.
    async fn due(
        &self,
        now: DateTime<Utc>,
        after: Option<(DateTime<Utc>, i32)>,
    ) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
        let mut query = feed::Entity::find()
            .filter(feed::Column::Status.is_not_in([Status::Gone, Status::Blocked]))
            .filter(feed::Column::NextFetchAt.lte(now))
            .filter(lease_free(now));
        if let Some((at, id)) = after {
            query = query.filter(
                Condition::any().add(feed::Column::NextFetchAt.gt(at)).add(
                    Condition::all()
                        .add(feed::Column::NextFetchAt.eq(at))
                        .add(feed::Column::Id.gt(id)),
                ),
            );
        }
        query
            .order_by_asc(feed::Column::NextFetchAt)
            .order_by_asc(feed::Column::Id)
            .limit(self.batch)
            .all(&self.db)
            .await
    }

    /// The next feeds of `source`; an empty list once it has no more.
    pub(super) async fn next_batch(
        &self,
        source: &mut Source,
        now: DateTime<Utc>,
    ) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
        let batch: Vec<feed::Model> = match source {
            Source::Listed(feeds) => feeds
                .by_ref()
                .take(usize::try_from(self.batch).unwrap_or(1))
                .collect(),
            Source::Due(after) => self.due(now, *after).await?,
            Source::Exhausted => Vec::new(),
        };
        let more = match source {
            Source::Listed(_) => !batch.is_empty(),
            Source::Due(_) => batch.len() as u64 >= self.batch,
            Source::Exhausted => false,
        };
        match (source, batch.last()) {
            (Source::Due(after), Some(last)) if more => {
                *after = Some((last.next_fetch_at.unwrap_or(now), last.id));
            }
            (source, _) if !more => *source = Source::Exhausted,
            _ => {}
        }
        Ok(batch)
    }
}

pub(super) fn lease_free(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(feed::Column::LeaseUntil.is_null())
        .add(feed::Column::LeaseUntil.lt(now))
}
