//! A participant at a glance, as a partner, a mentor or the weekly letter shows them:
//! name, lessons done and their latest post.

use sea_orm::{ConnectionTrait, DbErr};

use crate::entities::{cohort, participant, person};
use crate::feeds::river::{self, Filter, RiverPost};
use crate::lessons::Program;

#[derive(Clone, Debug)]
pub struct Glance {
    pub participant_id: i32,
    pub name: String,
    /// Required lessons done, and how many are required.
    pub done: usize,
    pub required: usize,
    pub finished: bool,
    pub latest: Option<RiverPost>,
}

pub async fn glance(
    db: &impl ConnectionTrait,
    program: &Program,
    cohort: &cohort::Model,
    member: &participant::Model,
    person: &person::Model,
) -> Result<Glance, DbErr> {
    let completed = crate::progress::completed(db, member).await?;
    let done = program
        .lessons
        .iter()
        .filter(|l| l.required && completed.contains(&l.number))
        .count();
    let filter = Filter {
        thing: None,
        participant: Some(member.id),
    };
    let latest = river::page(db, cohort, filter, 1, 1).await?.posts;
    Ok(Glance {
        participant_id: member.id,
        name: person.name.clone(),
        done,
        required: program.required_count(),
        finished: member.finished_at.is_some(),
        latest: latest.into_iter().next(),
    })
}
