//! Signing in without passwords: one-time emailed login tokens, server-side sessions and
//! coordinators' API tokens. Only SHA-256 hashes of tokens are stored.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr,
    EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};

use crate::entities::person::Role;
use crate::entities::{api_token, login_token, person, session, sign_in_request};
use crate::people::{self, Email};
use crate::secret;

pub const LOGIN_TOKEN_LIFETIME: Duration = Duration::minutes(30);
pub const SESSION_LIFETIME: Duration = Duration::days(30);
const LOGIN: &str = "login";

/// The SHA-256 of a token, as hex: what the database keeps.
pub fn hash(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// Stores a new sign-in token for `person` and returns the raw token (for the link only).
pub async fn create_login_token(
    db: &impl ConnectionTrait,
    person: &person::Model,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = secret::token();
    login_token::ActiveModel {
        token_hash: Set(hash(&token)),
        person_id: Set(person.id),
        participant_id: Set(None),
        purpose: Set(LOGIN.into()),
        expires_at: Set(now + LOGIN_TOKEN_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Records that someone asked for a sign-in link for `email`: one write, the same whether
/// or not the address belongs to anyone, so that neither the answer nor its timing tells.
/// The mail worker answers it (`mail::sign_in::answer_requests`).
pub async fn request_sign_in(
    db: &impl ConnectionTrait,
    email: &Email,
    next: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    sign_in_request::ActiveModel {
        email: Set(email.to_string()),
        next: Set(next.map(str::to_owned)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Whether a sign-in token could still be used now (without using it).
pub async fn login_token_is_valid(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(live_login_tokens(token, now).one(db).await?.is_some())
}

fn live_login_tokens(token: &str, now: DateTime<Utc>) -> sea_orm::Select<login_token::Entity> {
    login_token::Entity::find()
        .filter(login_token::Column::TokenHash.eq(hash(token)))
        .filter(login_token::Column::Purpose.eq(LOGIN))
        .filter(login_token::Column::UsedAt.is_null())
        .filter(login_token::Column::ExpiresAt.gt(now))
}

/// Uses a sign-in token once: returns its person, or `None` when the token is unknown,
/// used or expired. Two requests racing for one token cannot both win.
pub async fn consume_login_token(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, DbErr> {
    let hashed = hash(token);
    let used = login_token::Entity::update_many()
        .col_expr(login_token::Column::UsedAt, Expr::value(now))
        .filter(login_token::Column::TokenHash.eq(hashed.as_str()))
        .filter(login_token::Column::Purpose.eq(LOGIN))
        .filter(login_token::Column::UsedAt.is_null())
        .filter(login_token::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Ok(None);
    }
    let Some(row) = login_token::Entity::find()
        .filter(login_token::Column::TokenHash.eq(hashed))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    person::Entity::find_by_id(row.person_id).one(db).await
}

/// Starts a new session for `person`; returns the raw token for the cookie.
pub async fn create_session(
    db: &impl ConnectionTrait,
    person: &person::Model,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = secret::token();
    session::ActiveModel {
        id: Set(hash(&token)),
        person_id: Set(person.id),
        created_at: Set(now),
        expires_at: Set(now + SESSION_LIFETIME),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The person signed in with this session token, if it is known and not expired.
pub async fn session_person(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, DbErr> {
    let found = session::Entity::find_by_id(hash(token))
        .filter(session::Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    match found {
        Some(session) => person::Entity::find_by_id(session.person_id).one(db).await,
        None => Ok(None),
    }
}

/// Ends a session (signing out).
pub async fn delete_session(db: &impl ConnectionTrait, token: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(hash(token)).exec(db).await?;
    Ok(())
}

/// Forgets what can no longer be used: expired sessions and expired or used sign-in
/// links. Returns how many rows went.
pub async fn forget_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let sessions = session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected;
    let links = login_token::Entity::delete_many()
        .filter(
            login_token::Column::ExpiresAt
                .lte(now)
                .or(login_token::Column::UsedAt.is_not_null()),
        )
        .exec(db)
        .await?
        .rows_affected;
    Ok(sessions + links)
}

pub fn is_coordinator(person: &person::Model) -> bool {
    person.role == Role::Coordinator
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("there is nobody with the address {0}; add them with `twentythree coordinator add`")]
    Unknown(Email),
    #[error("{0} is not a coordinator; make them one with `twentythree coordinator add`")]
    NotCoordinator(Email),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Creates an API token for the coordinator with this address, valid until `expires_at`
/// (or until revoked); returns the raw token, which is never shown again.
pub async fn create_api_token(
    db: &impl ConnectionTrait,
    email: &Email,
    expires_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(String, api_token::Model), TokenError> {
    let person = people::find_person(db, email)
        .await?
        .ok_or_else(|| TokenError::Unknown(email.clone()))?;
    if !is_coordinator(&person) {
        return Err(TokenError::NotCoordinator(email.clone()));
    }
    let token = secret::token();
    let row = api_token::ActiveModel {
        token_hash: Set(hash(&token)),
        person_id: Set(person.id),
        created_at: Set(now),
        last_used_at: Set(None),
        revoked_at: Set(None),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok((token, row))
}

/// An API token as the lists show it (never the token itself), with its coordinator.
#[derive(Clone, Debug)]
pub struct TokenInfo {
    pub token: api_token::Model,
    pub owner: Option<person::Model>,
}

impl TokenInfo {
    /// Whether it still works at `now`.
    pub fn live(&self, now: DateTime<Utc>) -> bool {
        self.token.revoked_at.is_none() && self.token.expires_at.is_none_or(|at| at > now)
    }
}

/// Every API token (of one coordinator, or everyone's), newest first.
pub async fn api_tokens(
    db: &impl ConnectionTrait,
    of: Option<&person::Model>,
) -> Result<Vec<TokenInfo>, DbErr> {
    let mut query = api_token::Entity::find().order_by_desc(api_token::Column::Id);
    if let Some(person) = of {
        query = query.filter(api_token::Column::PersonId.eq(person.id));
    }
    let tokens = query.all(db).await?;
    let owners: std::collections::HashMap<i32, person::Model> = person::Entity::find()
        .filter(person::Column::Id.is_in(tokens.iter().map(|t| t.person_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    Ok(tokens
        .into_iter()
        .map(|token| TokenInfo {
            owner: owners.get(&token.person_id).cloned(),
            token,
        })
        .collect())
}

/// Revokes API token `id` (of `owner` only, when given); returns whether one was revoked now.
pub async fn revoke_api_token(
    db: &impl ConnectionTrait,
    id: i32,
    owner: Option<&person::Model>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut update = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(now))
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::RevokedAt.is_null());
    if let Some(owner) = owner {
        update = update.filter(api_token::Column::PersonId.eq(owner.id));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// The coordinator a bearer token belongs to (not revoked, not expired, still a
/// coordinator); records the use.
pub async fn api_token_person(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, DbErr> {
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash(token)))
        .filter(api_token::Column::RevokedAt.is_null())
        .filter(
            Condition::any()
                .add(api_token::Column::ExpiresAt.is_null())
                .add(api_token::Column::ExpiresAt.gt(now)),
        )
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let person = person::Entity::find_by_id(row.person_id).one(db).await?;
    let mut row: api_token::ActiveModel = row.into();
    row.last_used_at = Set(Some(now));
    row.update(db).await?;
    Ok(person.filter(is_coordinator))
}
