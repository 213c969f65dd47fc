//! Joining a cohort from the web: a request that waits for its emailed confirmation, then
//! the same `add_participant` and discovery as the CLI. Someone who is already in the
//! cohort gets an email that says so, with a sign-in link, and the form answers the same
//! either way, so a stranger learns nothing about who takes part.

use chrono::{DateTime, Duration, Utc};
use minijinja::context;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter,
};
use url::Url;

use crate::auth;
use crate::entities::{cohort, join_request, participant, person};
use crate::i18n::Locale;
use crate::links::Links;
use crate::mail::{self, Kind, render};
use crate::people::{self, AddError, NewParticipant};
use crate::secret;

/// How long a confirmation link works.
pub const CONFIRM_LIFETIME: Duration = Duration::hours(24);

/// Emails `new` a confirmation link for `cohort` in `language` (the page's they asked on),
/// or, when they already take part, a note that says so with a sign-in link (in the
/// language they chose, else that one).
pub async fn request(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    new: &NewParticipant,
    language: Locale,
    base_url: &Url,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let links = Links::new(base_url);
    if let Some((person, _)) = membership(db, cohort, &new.email).await? {
        // In the language they chose, else the one of the page they asked on.
        let language = person
            .language
            .as_deref()
            .and_then(Locale::matching)
            .unwrap_or(language);
        let token = auth::create_login_token(db, &person, now).await?;
        let message = render::Message::new(
            Kind::Confirm,
            "already-joined",
            &person.email,
            format!("already:{}", auth::hash(&token)),
        )
        .subject(crate::i18n::message(
            language,
            "already-subject",
            &[("cohort", cohort.name.as_str().into())],
        ))
        .language(language)
        .context(context! {
            name => person.name.clone(),
            cohort => cohort.name.clone(),
            url => links.sign_in(&token),
        })
        .render()?;
        mail::enqueue(db, message, now).await?;
        return Ok(());
    }
    let token = secret::token();
    join_request::ActiveModel {
        token_hash: Set(auth::hash(&token)),
        cohort_id: Set(cohort.id),
        email: Set(new.email.to_string()),
        name: Set(new.name.clone()),
        blog_url: Set(new.blog.to_string()),
        expires_at: Set(now + CONFIRM_LIFETIME),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let message = render::Message::new(
        Kind::Confirm,
        "confirm",
        new.email.as_str(),
        format!("confirm:{}", auth::hash(&token)),
    )
    .subject(crate::i18n::message(
        language,
        "confirm-email-subject",
        &[("cohort", cohort.name.as_str().into())],
    ))
    .language(language)
    .context(
        // Nothing the requester typed goes into the email: anyone can type any address.
        context! {
            cohort => cohort.name.clone(),
            url => links.join(&token),
        },
    )
    .render()?;
    mail::enqueue(db, message, now).await?;
    Ok(())
}

/// The person with `email` and their place in `cohort`, when they have one.
async fn membership(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    email: &people::Email,
) -> Result<Option<(person::Model, participant::Model)>, DbErr> {
    let Some(person) = people::find_person(db, email).await? else {
        return Ok(None);
    };
    let member = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(participant::Column::PersonId.eq(person.id))
        .one(db)
        .await?;
    Ok(member.map(|m| (person, m)))
}

/// The request behind a confirmation link, while it can still be used.
pub async fn pending(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<join_request::Model>, DbErr> {
    join_request::Entity::find()
        .filter(join_request::Column::TokenHash.eq(auth::hash(token)))
        .filter(join_request::Column::UsedAt.is_null())
        .filter(join_request::Column::ExpiresAt.gt(now))
        .one(db)
        .await
}

/// Uses a confirmation link: marks the request used (once, even when two clicks race),
/// adds the participant and confirms the person's address. `None` when the link is used,
/// expired or unknown.
pub async fn confirm(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(person::Model, participant::Model, Url)>, DbErr> {
    let Some(request) = pending(db, token, now).await? else {
        return Ok(None);
    };
    let used = join_request::Entity::update_many()
        .col_expr(join_request::Column::UsedAt, Expr::value(now))
        .filter(join_request::Column::Id.eq(request.id))
        .filter(join_request::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if used.rows_affected != 1 {
        return Ok(None);
    }
    let Some(cohort) = cohort::Entity::find_by_id(request.cohort_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let new = NewParticipant::parse(&request.name, &request.email, &request.blog_url)
        .map_err(DbErr::Custom)?;
    let member = match people::add_participant(db, &cohort, &new, now).await {
        Ok(member) => member,
        Err(AddError::AlreadyIn(_)) => match membership(db, &cohort, &new.email).await? {
            Some((_, member)) => member,
            None => return Ok(None),
        },
        Err(AddError::Db(e)) => return Err(e),
    };
    let Some(person) = person::Entity::find_by_id(member.person_id).one(db).await? else {
        return Ok(None);
    };
    let person = if person.confirmed_at.is_none() {
        let mut row: person::ActiveModel = person.into();
        row.confirmed_at = Set(Some(now));
        row.update(db).await?
    } else {
        person
    };
    Ok(Some((person, member, new.blog.url().clone())))
}

/// Forgets join requests that can no longer be used.
pub async fn forget_expired(db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<u64, DbErr> {
    Ok(join_request::Entity::delete_many()
        .filter(join_request::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?
        .rows_affected)
}
