//! WebSub (W3C): when the base URL is public (`TWENTYTHREE_WEBSUB=on`) and a blog's feed
//! advertises a hub, Twentythree subscribes at the hub, answers its verification, and
//! takes a delivery whose HMAC signature checks as "read this feed now". The pushed body
//! is never used as the post: the feed is read as usual, through the poller's lease.
//! Polling goes on unchanged as the safety net (a subscribed feed is read at the usual
//! interval too: a hub that stops delivering costs nothing but speed).
//!
//! `maintain` is one idempotent step, run in the poller's tick: it subscribes feeds that
//! advertise a hub and have no subscription (or a different hub or topic), renews
//! subscriptions whose lease ends within a day, asks again after an hour when a hub did
//! not answer, and unsubscribes feeds that stopped advertising a hub or are no longer read.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect,
};
use url::Url;

use crate::entities::feed;
use crate::entities::websub_subscription::{self as subscription, State};
use crate::feeds::fetch::Fetcher;
use crate::feeds::health::Status;
use crate::links::Links;

/// The lease asked of hubs: ten days.
pub const LEASE_SECONDS: i64 = 10 * 24 * 3600;
/// Subscriptions whose lease ends within this are renewed.
const RENEW_BEFORE: Duration = Duration::days(1);
/// A request the hub did not take (or never verified) is made again after this.
const RETRY_AFTER: Duration = Duration::hours(1);
/// The most hub requests of each kind (leave, subscribe, renew) one step makes.
const PER_TICK: u64 = 32;
/// The biggest delivery body read (a feed document, usually far smaller).
pub const MAX_DELIVERY: usize = 1024 * 1024;

/// What one `maintain` step did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Maintained {
    /// Subscribe requests the hubs took (2xx).
    pub requested: usize,
    /// Subscribe or unsubscribe requests that failed (the hub refused, or was not reached).
    pub failed: usize,
    /// Subscriptions given up (the feed no longer advertises a hub, or is no longer read).
    pub left: usize,
}

/// The callback address of a subscription: `{base}/websub/{callback id}`.
pub fn callback(links: &Links, callback_id: &str) -> String {
    links.to(&format!("/websub/{callback_id}"))
}

/// One step: subscribes, renews and unsubscribes as the feeds now say (see the module).
/// Each kind of work is looked up with its own query and at most [`PER_TICK`] hub
/// requests of each kind are made per step (they wait on hubs: the rest is for the next
/// tick), so a tick with nothing to do costs three small indexed queries.
pub async fn maintain(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<Maintained, sea_orm::DbErr> {
    let mut done = Maintained::default();
    for sub in &stale(db).await? {
        leave(db, fetcher, links, sub, now, &mut done).await?;
    }
    // Leaving ones the hub never confirmed: forgotten (the hub's lease runs out on its own).
    subscription::Entity::delete_many()
        .filter(subscription::Column::State.eq(State::Leaving))
        .filter(subscription::Column::RequestedAt.lte(now - RETRY_AFTER))
        .exec(db)
        .await?;
    for feed in &unsubscribed(db).await? {
        if let (Some(hub), Some(topic)) = (&feed.websub_hub, &feed.websub_topic) {
            subscribe(db, fetcher, links, feed.id, hub, topic, now, &mut done).await?;
        }
    }
    for sub in &due(db, now).await? {
        let (hub, topic) = (sub.hub.clone(), sub.topic.clone());
        subscribe(
            db,
            fetcher,
            links,
            sub.feed_id,
            &hub,
            &topic,
            now,
            &mut done,
        )
        .await?;
    }
    Ok(done)
}

/// Subscriptions whose feed no longer advertises that hub and topic, or is no longer read.
async fn stale(db: &impl ConnectionTrait) -> Result<Vec<subscription::Model>, sea_orm::DbErr> {
    let feed_col = |c: feed::Column| Expr::col((feed::Entity, c));
    let sub_col = |c: subscription::Column| Expr::col((subscription::Entity, c));
    subscription::Entity::find()
        .inner_join(feed::Entity)
        .filter(subscription::Column::State.ne(State::Leaving))
        .filter(
            Condition::any()
                .add(feed_col(feed::Column::WebsubHub).is_null())
                .add(feed_col(feed::Column::WebsubHub).ne(sub_col(subscription::Column::Hub)))
                .add(feed_col(feed::Column::WebsubTopic).is_null())
                .add(feed_col(feed::Column::WebsubTopic).ne(sub_col(subscription::Column::Topic)))
                .add(feed_col(feed::Column::DisabledReason).is_not_null())
                .add(feed_col(feed::Column::Status).is_in([Status::Gone, Status::Blocked])),
        )
        .limit(PER_TICK)
        .all(db)
        .await
}

/// Feeds that advertise a hub and have no subscription.
async fn unsubscribed(db: &impl ConnectionTrait) -> Result<Vec<feed::Model>, sea_orm::DbErr> {
    feed::Entity::find()
        .filter(feed::Column::WebsubHub.is_not_null())
        .filter(feed::Column::WebsubTopic.is_not_null())
        .filter(feed::Column::DisabledReason.is_null())
        .filter(feed::Column::Status.is_not_in([Status::Gone, Status::Blocked]))
        .filter(
            feed::Column::Id.not_in_subquery(
                Query::select()
                    .column(subscription::Column::FeedId)
                    .from(subscription::Entity)
                    .to_owned(),
            ),
        )
        .limit(PER_TICK)
        .all(db)
        .await
}

/// Leases ending within a day, and requests no hub verified within an hour.
async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<subscription::Model>, sea_orm::DbErr> {
    subscription::Entity::find()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(subscription::Column::State.eq(State::Active))
                        // Asked again at most hourly while the hub has not verified.
                        .add(subscription::Column::RequestedAt.lte(now - RETRY_AFTER))
                        .add(
                            Condition::any()
                                .add(subscription::Column::LeaseUntil.is_null())
                                .add(subscription::Column::LeaseUntil.lte(now + RENEW_BEFORE)),
                        ),
                )
                .add(
                    Condition::all()
                        .add(subscription::Column::State.eq(State::Pending))
                        .add(subscription::Column::RequestedAt.lte(now - RETRY_AFTER)),
                ),
        )
        .limit(PER_TICK)
        .all(db)
        .await
}

/// Asks `hub` for a subscription of `feed_id` to `topic`, keeping the callback id and
/// secret of an existing subscription (a renewal) or making new ones.
#[allow(clippy::too_many_arguments, reason = "one private step of maintain")]
async fn subscribe(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    links: &Links,
    feed_id: i32,
    hub: &str,
    topic: &str,
    now: DateTime<Utc>,
    done: &mut Maintained,
) -> Result<(), sea_orm::DbErr> {
    let existing = subscription::Entity::find()
        .filter(subscription::Column::FeedId.eq(feed_id))
        .one(db)
        .await?;
    let row = match existing {
        Some(sub) if sub.state == State::Leaving => {
            subscription::Entity::delete_by_id(sub.id).exec(db).await?;
            None
        }
        other => other,
    };
    let row = match row {
        Some(sub) => {
            let mut active: subscription::ActiveModel = sub.into();
            active.requested_at = Set(now);
            active.hub = Set(hub.to_owned());
            active.topic = Set(topic.to_owned());
            active.update(db).await?
        }
        None => {
            subscription::ActiveModel {
                feed_id: Set(feed_id),
                hub: Set(hub.to_owned()),
                topic: Set(topic.to_owned()),
                secret: Set(crate::secret::token()),
                callback_id: Set(crate::secret::token()),
                state: Set(State::Pending),
                lease_until: Set(None),
                requested_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?
        }
    };
    let lease = LEASE_SECONDS.to_string();
    let callback = callback(links, &row.callback_id);
    let fields = [
        ("hub.mode", "subscribe"),
        ("hub.topic", topic),
        ("hub.callback", callback.as_str()),
        ("hub.secret", row.secret.as_str()),
        ("hub.lease_seconds", lease.as_str()),
    ];
    if ask(fetcher, hub, &fields).await {
        done.requested += 1;
    } else {
        done.failed += 1;
    }
    Ok(())
}

/// Asks the hub to end a subscription; the row stays (as leaving) until the hub verifies
/// the unsubscription, or an hour has passed.
async fn leave(
    db: &impl ConnectionTrait,
    fetcher: &Fetcher,
    links: &Links,
    sub: &subscription::Model,
    now: DateTime<Utc>,
    done: &mut Maintained,
) -> Result<(), sea_orm::DbErr> {
    if sub.state == State::Denied {
        subscription::Entity::delete_by_id(sub.id).exec(db).await?;
        done.left += 1;
        return Ok(());
    }
    let mut active: subscription::ActiveModel = sub.clone().into();
    active.state = Set(State::Leaving);
    active.requested_at = Set(now);
    active.update(db).await?;
    let callback = callback(links, &sub.callback_id);
    let fields = [
        ("hub.mode", "unsubscribe"),
        ("hub.topic", sub.topic.as_str()),
        ("hub.callback", callback.as_str()),
    ];
    if !ask(fetcher, &sub.hub, &fields).await {
        done.failed += 1;
    }
    done.left += 1;
    Ok(())
}

/// Posts a hub request through the guarded fetcher; true when the hub took it (2xx).
async fn ask(fetcher: &Fetcher, hub: &str, fields: &[(&str, &str)]) -> bool {
    let Ok(url) = Url::parse(hub) else {
        return false;
    };
    match fetcher.post_form(&url, fields).await {
        Ok(status) if (200..300).contains(&status) => true,
        Ok(status) => {
            tracing::info!(hub, status, "a WebSub hub refused a request");
            false
        }
        Err(error) => {
            tracing::info!(hub, %error, "a WebSub hub could not be reached");
            false
        }
    }
}

mod callback;
#[cfg(test)]
mod tests;

pub use callback::{Delivery, Verification, delivery, signed, verify};
