//! Sign-in links: the mail worker answers each recorded request (see
//! [`crate::auth::request_sign_in`]) with a link when the address belongs to someone, and
//! forgets it otherwise, so `/login` itself does the same work for every address.

use chrono::{DateTime, Utc};
use minijinja::context;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder, QuerySelect};

use super::{Kind, render};
use crate::auth;
use crate::entities::sign_in_request;
use crate::links::Links;
use crate::people::{self, Email};

/// Requests answered per call.
const BATCH: u64 = 100;

/// Answers the waiting sign-in requests; returns how many links were queued. Each request
/// is taken by deleting it, inside the transaction that queues its email, so that two
/// instances never answer one twice and a crash loses none.
pub async fn answer_requests(
    db: &DatabaseConnection,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<usize, DbErr> {
    let waiting = sign_in_request::Entity::find()
        .order_by_asc(sign_in_request::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut queued = 0;
    for request in waiting {
        let txn = crate::db::begin_write(db).await?;
        let taken = sign_in_request::Entity::delete_by_id(request.id)
            .exec(&txn)
            .await?;
        if taken.rows_affected == 1 && answer(&txn, &request, links, now).await? {
            queued += 1;
        }
        txn.commit().await?;
    }
    Ok(queued)
}

/// Queues the link for `request` when its address belongs to someone.
async fn answer(
    db: &impl ConnectionTrait,
    request: &sign_in_request::Model,
    links: &Links,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let Ok(email) = request.email.parse::<Email>() else {
        return Ok(false);
    };
    let Some(person) = people::find_person(db, &email).await? else {
        return Ok(false);
    };
    let token = auth::create_login_token(db, &person, now).await?;
    let mut url = links.sign_in(&token);
    if let Some(next) = &request.next {
        url.push_str("?next=");
        url.extend(url::form_urlencoded::byte_serialize(next.as_bytes()));
    }
    // In the language they chose (joining keeps their browser's), else English.
    let language = crate::i18n::negotiate(person.language.as_deref(), None, None);
    let message = render::Message::new(
        Kind::Login,
        "login",
        &person.email,
        format!("login:{}", auth::hash(&token)),
    )
    .subject(crate::i18n::message(language, "login-email-subject", &[]))
    .language(language)
    .context(context! { name => person.name.clone(), url })
    .render()?;
    super::enqueue(db, message, now).await
}
