//! People: participants joining cohorts (one at a time or from CSV) and coordinators, and
//! what each person chooses for themselves (display name, time zone, which mail to get).

mod import;
mod parse;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

pub use crate::entities::person::Role;
use crate::entities::{cohort, participant, person};
use crate::secret;
pub use import::{ImportReport, RowOutcome, import_csv};
pub use parse::{BlogUrl, Email, MAX_URL_LENGTH, NewParticipant, check_name, parse_name};

#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error("{0} is already in this cohort")]
    AlreadyIn(Email),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// Adds a person to a cohort (creating the person when the address is new).
pub async fn add_participant(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    new: &NewParticipant,
    now: DateTime<Utc>,
) -> Result<participant::Model, AddError> {
    let person = find_or_create_person(db, &new.email, &new.name, Role::Participant, now).await?;
    let existing = participant::Entity::find()
        .filter(participant::Column::CohortId.eq(cohort.id))
        .filter(participant::Column::PersonId.eq(person.id))
        .one(db)
        .await?;
    if existing.is_some() {
        return Err(AddError::AlreadyIn(new.email.clone()));
    }
    let row = participant::ActiveModel {
        cohort_id: Set(cohort.id),
        person_id: Set(person.id),
        blog_url: Set(new.blog.to_string()),
        feed_id: Set(None),
        joined_at: Set(now),
        ..Default::default()
    };
    row.insert(db).await.map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AddError::AlreadyIn(new.email.clone())
        }
        _ => AddError::Db(e),
    })
}

/// Takes a participant out of their cohort again (a join that could not be completed).
pub async fn remove_participant(
    db: &impl ConnectionTrait,
    member: &participant::Model,
) -> Result<(), sea_orm::DbErr> {
    participant::Entity::delete_by_id(member.id)
        .exec(db)
        .await?;
    Ok(())
}

/// Makes the person with this address a coordinator, creating them when new. Returns the
/// person and whether they already existed.
pub async fn add_coordinator(
    db: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(person::Model, bool), sea_orm::DbErr> {
    if let Some(existing) = find_person(db, email).await? {
        let mut row: person::ActiveModel = existing.into();
        row.role = Set(Role::Coordinator);
        return Ok((row.update(db).await?, true));
    }
    Ok((
        find_or_create_person(db, email, name, Role::Coordinator, now).await?,
        false,
    ))
}

/// The person with this address, created (as neither participant of a cohort nor
/// coordinator) when new: a mentor, say, who takes no part in the program themselves.
pub async fn find_or_add_person(
    db: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    now: DateTime<Utc>,
) -> Result<person::Model, sea_orm::DbErr> {
    find_or_create_person(db, email, name, Role::Participant, now).await
}

pub async fn find_person(
    db: &impl ConnectionTrait,
    email: &Email,
) -> Result<Option<person::Model>, sea_orm::DbErr> {
    person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(db)
        .await
}

async fn find_or_create_person(
    db: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    role: Role,
    now: DateTime<Utc>,
) -> Result<person::Model, sea_orm::DbErr> {
    if let Some(existing) = find_person(db, email).await? {
        return Ok(existing);
    }
    person::ActiveModel {
        email: Set(email.to_string()),
        name: Set(name.to_owned()),
        role: Set(role),
        confirmed_at: Set(None),
        release_emails: Set(true),
        milestone_emails: Set(true),
        unsubscribe_token: Set(secret::token()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// How many coordinators there are (the home page's first steps ask for one).
pub async fn coordinator_count(db: &impl ConnectionTrait) -> Result<u64, sea_orm::DbErr> {
    use sea_orm::PaginatorTrait;
    person::Entity::find()
        .filter(person::Column::Role.eq(Role::Coordinator))
        .count(db)
        .await
}

/// `person`'s place `participant_id`, with its cohort; `None` when it is not theirs.
pub async fn membership(
    db: &impl ConnectionTrait,
    person: &person::Model,
    participant_id: i32,
) -> Result<Option<(participant::Model, cohort::Model)>, sea_orm::DbErr> {
    Ok(participant::Entity::find_by_id(participant_id)
        .filter(participant::Column::PersonId.eq(person.id))
        .find_also_related(cohort::Entity)
        .one(db)
        .await?
        .and_then(|(member, cohort)| Some((member, cohort?))))
}

/// What a person chooses for themselves on `/me`.
#[derive(Clone, Debug)]
pub struct Preferences {
    pub name: String,
    pub timezone: Option<chrono_tz::Tz>,
    pub release_emails: bool,
    pub milestone_emails: bool,
    pub highlight_emails: bool,
    /// The interface language, or `None` to follow the cohort's program and the browser.
    pub language: Option<crate::i18n::Locale>,
}

pub async fn set_preferences(
    db: &impl ConnectionTrait,
    person: person::Model,
    preferences: Preferences,
) -> Result<person::Model, sea_orm::DbErr> {
    let mut row: person::ActiveModel = person.into();
    row.name = Set(preferences.name);
    row.timezone = Set(preferences.timezone.map(|tz| tz.name().to_owned()));
    row.release_emails = Set(preferences.release_emails);
    row.milestone_emails = Set(preferences.milestone_emails);
    row.highlight_emails = Set(preferences.highlight_emails);
    row.language = Set(preferences.language.map(|l| l.code().to_owned()));
    row.update(db).await
}

/// Keeps `language` as the person's interface language (the footer switcher).
pub async fn set_language(
    db: &impl ConnectionTrait,
    person: person::Model,
    language: crate::i18n::Locale,
) -> Result<person::Model, sea_orm::DbErr> {
    let mut row: person::ActiveModel = person.into();
    row.language = Set(Some(language.code().to_owned()));
    row.update(db).await
}

/// The person whose one-click unsubscribe link carries `token`.
pub async fn by_unsubscribe_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<person::Model>, sea_orm::DbErr> {
    if token.len() != 64 {
        return Ok(None);
    }
    person::Entity::find()
        .filter(person::Column::UnsubscribeToken.eq(token))
        .one(db)
        .await
}

/// Turns routine mail (release letters, milestones, reminders) off for `person`.
pub async fn stop_routine_mail(
    db: &impl ConnectionTrait,
    person: person::Model,
) -> Result<person::Model, sea_orm::DbErr> {
    let mut row: person::ActiveModel = person.into();
    row.release_emails = Set(false);
    row.milestone_emails = Set(false);
    row.highlight_emails = Set(false);
    row.update(db).await
}
