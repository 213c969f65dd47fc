//! Rate limits that hold across instances: fixed-window counters in the database, one row
//! per key (for example `login:ip:192.0.2.7`), counted with one portable upsert.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::entities::rate_limit::{self, Column};

/// At most `max` requests per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub max: i32,
    pub window: Duration,
}

impl Limit {
    const fn per(max: i32, window: Duration) -> Self {
        Self { max, window }
    }
}

/// Sign-in links asked for one address.
pub const LOGIN_PER_ADDRESS: Limit = Limit::per(5, Duration::minutes(15));
/// Join requests for one address.
pub const JOIN_PER_ADDRESS: Limit = Limit::per(5, Duration::hours(1));
/// Blog moves by one person ("I moved my blog"), each of which starts reading a new feed.
pub const BLOG_MOVES: Limit = Limit::per(5, Duration::days(1));
/// "I just posted: check my blog now" by one person.
pub const CHECK_NOW: Limit = Limit::per(1, Duration::minutes(1));
/// Sign-in and join requests from one client address (shared offices sit behind one).
pub const PER_CLIENT: Limit = Limit::per(30, Duration::minutes(15));

/// Counts one request under `key` and says whether it is within `limit`.
pub async fn allow(
    db: &impl ConnectionTrait,
    key: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let window_ends = now + limit.window;
    let expired = Expr::col((rate_limit::Entity, Column::WindowEnds)).lte(now);
    rate_limit::Entity::insert(rate_limit::ActiveModel {
        key: Set(key.to_owned()),
        hits: Set(1),
        window_ends: Set(window_ends),
    })
    .on_conflict(
        OnConflict::column(Column::Key)
            .value(
                Column::Hits,
                Expr::case(expired.clone(), 1)
                    .finally(Expr::col((rate_limit::Entity, Column::Hits)).add(1)),
            )
            .value(
                Column::WindowEnds,
                Expr::case(expired, window_ends)
                    .finally(Expr::col((rate_limit::Entity, Column::WindowEnds))),
            )
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let hits = rate_limit::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map_or(1, |row| row.hits);
    Ok(hits <= limit.max)
}

/// Forgets windows that have ended.
pub async fn forget_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(rate_limit::Entity::delete_many()
        .filter(Column::WindowEnds.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}
