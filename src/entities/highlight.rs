use sea_orm::entity::prelude::*;

/// A post held up as an example for a lesson, with a one-line note on why; unique per
/// (participant, post, lesson).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "highlights")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub post_id: i32,
    /// The author, as a participant of the cohort the post was highlighted in.
    pub participant_id: i32,
    pub lesson_number: i32,
    pub note: String,
    pub by_person_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
