use sea_orm::entity::prelude::*;

/// A coordinator's mark or unmark of a lesson for a participant: it always wins over
/// recognition, and this table is its audit trail.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "completion_overrides")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub participant_id: i32,
    pub lesson_number: i32,
    pub done: bool,
    pub by_person_id: Option<i32>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
