//! Private addresses for what a feed reader or a calendar fetches without signing in: one
//! key per person, derived from a server secret, stored only as its hash, replaced (and the
//! old one dead) when the person asks for a new address.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter,
};
use sha2::Sha256;

use crate::auth::hash;
use crate::entities::{person, server_secret};

const SECRET_NAME: &str = "feed-keys";

/// The server's secret for private addresses: made once, shared by every instance.
#[derive(Clone)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// The secret, made (by whichever instance comes first) when there is none yet.
pub async fn secret(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<Secret, DbErr> {
    server_secret::Entity::insert(server_secret::ActiveModel {
        name: Set(SECRET_NAME.into()),
        value: Set(crate::secret::token()),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(server_secret::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    server_secret::Entity::find_by_id(SECRET_NAME)
        .one(db)
        .await?
        .map(|row| Secret(row.value))
        .ok_or_else(|| DbErr::RecordNotFound("the server secret".into()))
}

/// The key in `person`'s private addresses (128 bits as hex).
fn derive(secret: &Secret, person: &person::Model) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.0.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(format!("feed-key:{}:{}", person.id, person.feed_key_generation).as_bytes());
    mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `person`'s current key, recording its hash the first time it is handed out.
pub async fn key_of(
    db: &impl ConnectionTrait,
    secret: &Secret,
    person: &person::Model,
) -> Result<String, DbErr> {
    let key = derive(secret, person);
    let hashed = hash(&key);
    if person.feed_key_hash.as_deref() != Some(hashed.as_str()) {
        let mut row: person::ActiveModel = person.clone().into();
        row.feed_key_hash = Set(Some(hashed));
        row.update(db).await?;
    }
    Ok(key)
}

/// Replaces `person`'s key: the addresses with the old one stop working. Returns the new key.
pub async fn replace(
    db: &impl ConnectionTrait,
    secret: &Secret,
    person: person::Model,
) -> Result<String, DbErr> {
    let generation = person.feed_key_generation + 1;
    let key = derive(
        secret,
        &person::Model {
            feed_key_generation: generation,
            ..person.clone()
        },
    );
    let mut row: person::ActiveModel = person.into();
    row.feed_key_generation = Set(generation);
    row.feed_key_hash = Set(Some(hash(&key)));
    row.update(db).await?;
    Ok(key)
}

/// The person whose current key this is, if any.
pub async fn holder(db: &impl ConnectionTrait, key: &str) -> Result<Option<person::Model>, DbErr> {
    if key.len() != 32 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    person::Entity::find()
        .filter(person::Column::FeedKeyHash.eq(hash(key)))
        .one(db)
        .await
}
