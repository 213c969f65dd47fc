//! What hubs send to a subscription's callback: the verification of a request we made,
//! and deliveries, taken only with a valid signature.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::LEASE_SECONDS;
use crate::entities::feed;
use crate::entities::websub_subscription::{self as subscription, State};

/// A hub's verification request (the query of a GET on the callback).
#[derive(Debug, Default, serde::Deserialize)]
pub struct Verification {
    #[serde(rename = "hub.mode")]
    pub mode: Option<String>,
    #[serde(rename = "hub.topic")]
    pub topic: Option<String>,
    #[serde(rename = "hub.challenge")]
    pub challenge: Option<String>,
    #[serde(rename = "hub.lease_seconds")]
    pub lease_seconds: Option<String>,
}

/// Answers a hub's verification of callback `callback_id`: the body to send back with 200
/// (the challenge; empty for a denial), or `None` for 404 (unknown callback, another
/// topic, or a request Twentythree did not make).
pub async fn verify(
    db: &impl ConnectionTrait,
    callback_id: &str,
    request: &Verification,
    now: DateTime<Utc>,
) -> Result<Option<String>, sea_orm::DbErr> {
    let Some(sub) = by_callback(db, callback_id).await? else {
        return Ok(None);
    };
    if request.topic.as_deref() != Some(sub.topic.as_str()) {
        return Ok(None);
    }
    let challenge = request.challenge.clone().filter(|c| !c.is_empty());
    match (request.mode.as_deref(), sub.state, challenge) {
        (Some("subscribe"), State::Pending | State::Active, Some(challenge)) => {
            let lease = request
                .lease_seconds
                .as_deref()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .filter(|s| *s > 0)
                .unwrap_or(LEASE_SECONDS);
            let lease = std::cmp::min(lease, 365 * 24 * 3600);
            let mut active: subscription::ActiveModel = sub.into();
            active.state = Set(State::Active);
            active.lease_until = Set(Some(now + Duration::seconds(lease)));
            active.update(db).await?;
            Ok(Some(challenge))
        }
        (Some("unsubscribe"), State::Leaving, Some(challenge)) => {
            subscription::Entity::delete_by_id(sub.id).exec(db).await?;
            Ok(Some(challenge))
        }
        (Some("denied"), State::Pending | State::Active, _) => {
            let mut active: subscription::ActiveModel = sub.into();
            active.state = Set(State::Denied);
            active.lease_until = Set(None);
            active.update(db).await?;
            Ok(Some(String::new()))
        }
        _ => Ok(None),
    }
}

/// What a delivery on a callback comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// No such callback: 404.
    Unknown,
    /// A known callback, but the signature is missing or wrong, or the subscription is not
    /// live: answered 2xx all the same, and nothing happens.
    Ignored,
    /// Signed by the hub: read this feed now.
    Read(Box<feed::Model>),
}

/// Checks a delivery's `X-Hub-Signature` (`method=hex HMAC` of the raw body with the
/// subscription's secret, for sha1, sha256, sha384 or sha512).
pub async fn delivery(
    db: &impl ConnectionTrait,
    callback_id: &str,
    signature: Option<&str>,
    body: &[u8],
) -> Result<Delivery, sea_orm::DbErr> {
    let Some(sub) = by_callback(db, callback_id).await? else {
        return Ok(Delivery::Unknown);
    };
    let live = matches!(sub.state, State::Active | State::Pending);
    if !live || !signed(&sub.secret, signature, body) {
        return Ok(Delivery::Ignored);
    }
    Ok(match feed::Entity::find_by_id(sub.feed_id).one(db).await? {
        Some(feed) => Delivery::Read(Box::new(feed)),
        None => Delivery::Ignored,
    })
}

/// Whether `signature` is a valid `X-Hub-Signature` of `body` under `secret`, compared in
/// constant time.
pub fn signed(secret: &str, signature: Option<&str>, body: &[u8]) -> bool {
    let Some((method, hex)) = signature.and_then(|s| s.trim().split_once('=')) else {
        return false;
    };
    let Some(expected) = decode_hex(hex) else {
        return false;
    };
    let key = secret.as_bytes();
    fn check<M: Mac + hmac::digest::KeyInit>(key: &[u8], body: &[u8], expected: &[u8]) -> bool {
        let Ok(mut mac) = <M as hmac::digest::KeyInit>::new_from_slice(key) else {
            return false;
        };
        mac.update(body);
        mac.verify_slice(expected).is_ok()
    }
    match method.to_ascii_lowercase().as_str() {
        "sha1" => check::<Hmac<sha1::Sha1>>(key, body, &expected),
        "sha256" => check::<Hmac<sha2::Sha256>>(key, body, &expected),
        "sha384" => check::<Hmac<sha2::Sha384>>(key, body, &expected),
        "sha512" => check::<Hmac<sha2::Sha512>>(key, body, &expected),
        _ => false,
    }
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || hex.len() > 256 {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

async fn by_callback(
    db: &impl ConnectionTrait,
    callback_id: &str,
) -> Result<Option<subscription::Model>, sea_orm::DbErr> {
    if callback_id.len() != 64 || !callback_id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    subscription::Entity::find()
        .filter(subscription::Column::CallbackId.eq(callback_id))
        .one(db)
        .await
}
