//! Mentors: any person a coordinator chooses (a participant, a coordinator, or someone
//! from outside the program) watching chosen participants of a cohort, read only.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entities::{cohort, mentorship, participant, person};
use crate::i18n::Text;
use crate::people::{self, Email};

#[derive(Debug)]
pub enum MentorError {
    NoMentees,
    NotInCohort,
    Themselves(String),
    Db(DbErr),
}

impl MentorError {
    /// Why, as a sentence in the coordinator's language.
    pub fn text(&self) -> Text {
        match self {
            Self::Themselves(name) => Text::new("problem-mentor-themselves").with("name", name),
            Self::NotInCohort | Self::Db(_) => Text::new("problem-mentee-not-in-cohort"),
            Self::NoMentees => Text::new("problem-no-mentees"),
        }
    }
}

crate::i18n::refusal!(MentorError);

/// Makes the person at `email` (created when new, named `name`) a mentor of `mentees`,
/// participants of `cohort`. Returns the mentor and how many mentees are new to them.
pub async fn assign(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    (email, name): (&Email, &str),
    mentees: &[i32],
    now: DateTime<Utc>,
) -> Result<(person::Model, usize), MentorError> {
    if mentees.is_empty() {
        return Err(MentorError::NoMentees);
    }
    let mut members = Vec::new();
    for id in mentees {
        let found = crate::cohorts::member(db, cohort, *id)
            .await?
            .ok_or(MentorError::NotInCohort)?;
        members.push(found);
    }
    let mentor = people::find_or_add_person(db, email, name, now).await?;
    if let Some((_, me)) = members.iter().find(|(_, p)| p.id == mentor.id) {
        return Err(MentorError::Themselves(me.name.clone()));
    }
    let mut added = 0;
    for (member, _) in members {
        let inserted = mentorship::Entity::insert(mentorship::ActiveModel {
            mentor_id: Set(mentor.id),
            participant_id: Set(member.id),
            created_at: Set(now),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([
                mentorship::Column::MentorId,
                mentorship::Column::ParticipantId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        added += usize::try_from(inserted).unwrap_or_default();
    }
    Ok((mentor, added))
}

/// Ends mentorship `id` of `cohort`; whether there was one.
pub async fn remove(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
    id: i32,
) -> Result<bool, DbErr> {
    let Some((found, Some(member))) = mentorship::Entity::find_by_id(id)
        .find_also_related(participant::Entity)
        .one(db)
        .await?
    else {
        return Ok(false);
    };
    if member.cohort_id != cohort.id {
        return Ok(false);
    }
    mentorship::Entity::delete_by_id(found.id).exec(db).await?;
    Ok(true)
}

/// A mentorship of a cohort as the coordinator's page lists it.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: i32,
    pub mentor: person::Model,
    pub mentee_id: i32,
}

/// Every mentorship of `cohort`, by mentor.
pub async fn of_cohort(
    db: &impl ConnectionTrait,
    cohort: &cohort::Model,
) -> Result<Vec<Listed>, DbErr> {
    let rows = mentorship::Entity::find()
        .find_also_related(participant::Entity)
        .filter(participant::Column::CohortId.eq(cohort.id))
        .order_by_asc(mentorship::Column::MentorId)
        .order_by_asc(mentorship::Column::Id)
        .all(db)
        .await?;
    let ids: HashSet<i32> = rows.iter().map(|(m, _)| m.mentor_id).collect();
    let mentors = person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(m, _)| {
            let mentor = mentors.iter().find(|p| p.id == m.mentor_id)?.clone();
            Some(Listed {
                id: m.id,
                mentor,
                mentee_id: m.participant_id,
            })
        })
        .collect())
}

/// The participants `mentor` mentors, with their cohorts.
pub async fn mentees(
    db: &impl ConnectionTrait,
    mentor: i32,
) -> Result<Vec<(participant::Model, cohort::Model)>, DbErr> {
    let members: Vec<participant::Model> = mentorship::Entity::find()
        .filter(mentorship::Column::MentorId.eq(mentor))
        .find_also_related(participant::Entity)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|(_, member)| member)
        .collect();
    let cohorts = cohort::Entity::find()
        .filter(cohort::Column::Id.is_in(members.iter().map(|m| m.cohort_id)))
        .all(db)
        .await?;
    Ok(members
        .into_iter()
        .filter_map(|m| {
            let c = cohorts.iter().find(|c| c.id == m.cohort_id)?.clone();
            Some((m, c))
        })
        .collect())
}

/// Whether `person` mentors participant `member`.
pub async fn mentors(db: &impl ConnectionTrait, person: i32, member: i32) -> Result<bool, DbErr> {
    Ok(mentorship::Entity::find()
        .filter(mentorship::Column::MentorId.eq(person))
        .filter(mentorship::Column::ParticipantId.eq(member))
        .one(db)
        .await?
        .is_some())
}

/// The ids of the participants `person` mentors.
pub async fn mentee_ids(db: &impl ConnectionTrait, person: i32) -> Result<Vec<i32>, DbErr> {
    mentorship::Entity::find()
        .filter(mentorship::Column::MentorId.eq(person))
        .all(db)
        .await
        .map(|rows| rows.into_iter().map(|m| m.participant_id).collect())
}
