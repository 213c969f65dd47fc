//! Signing in without passwords: one-time emailed login tokens, server-side sessions and
//! coordinators' API tokens. Only SHA-256 hashes of tokens are stored.

use chrono::{DateTime, Duration, Utc};
use minijinja::context;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter,
};
use sha2::{Digest, Sha256};

use crate::entities::{api_token, login_token, person, session};
use crate::mail::{self, Kind, render};
use crate::people::{self, Email, random_token};

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
    let token = random_token();
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

/// Emails a sign-in link to `email` when it belongs to someone; does nothing otherwise,
/// so the caller answers the same either way.
pub async fn request_login(
    db: &impl ConnectionTrait,
    email: &Email,
    base_url: &url::Url,
    next: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(person) = people::find_person(db, email).await? else {
        return Ok(());
    };
    let token = create_login_token(db, &person, now).await?;
    let mut url = crate::links::Links::new(base_url).to(&format!("/login/{token}"));
    if let Some(next) = next {
        url.push_str("?next=");
        url.extend(url::form_urlencoded::byte_serialize(next.as_bytes()));
    }
    let message = render::email(
        Kind::Login,
        "login",
        format!("login:{}", hash(&token)),
        &person.email,
        "Your link to sign in to Twentythree".into(),
        context! { name => person.name.clone(), url },
        None,
    )
    .map_err(|e| DbErr::Custom(format!("cannot render an email: {e:#}")))?;
    mail::enqueue(db, message, now).await?;
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
    let token = random_token();
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

/// Forgets what can no longer be used: expired sessions, expired or used sign-in links,
/// and (through their own modules) join requests and ended rate-limit windows. Returns how
/// many rows went.
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
    let joins = crate::joining::forget_expired(db, now).await?;
    let windows = crate::rate::forget_expired(db, now).await?;
    Ok(sessions + links + joins + windows)
}

pub fn is_coordinator(person: &person::Model) -> bool {
    person.role == "coordinator"
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

/// Creates an API token for the coordinator with this address; returns the raw token,
/// which is never shown again.
pub async fn create_api_token(
    db: &impl ConnectionTrait,
    email: &Email,
    now: DateTime<Utc>,
) -> Result<String, TokenError> {
    let person = people::find_person(db, email)
        .await?
        .ok_or_else(|| TokenError::Unknown(email.clone()))?;
    if !is_coordinator(&person) {
        return Err(TokenError::NotCoordinator(email.clone()));
    }
    let token = random_token();
    api_token::ActiveModel {
        token_hash: Set(hash(&token)),
        person_id: Set(person.id),
        created_at: Set(now),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The coordinator a bearer token belongs to (not revoked, still a coordinator); records
/// the use.
pub async fn api_token_person(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, DbErr> {
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash(token)))
        .filter(api_token::Column::RevokedAt.is_null())
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
