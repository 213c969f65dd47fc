use sea_orm::entity::prelude::*;

/// A lesson done by a participant; unique per (participant, lesson).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "completions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub participant_id: i32,
    pub lesson_number: i32,
    pub source: Source,
    pub post_id: Option<i32>,
    pub completed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::participant::Entity",
        from = "Column::ParticipantId",
        to = "super::participant::Column::Id"
    )]
    Participant,
}

impl Related<super::participant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Participant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

stored_name! {
    /// Where a completion came from.
    #[serde(rename_all = "lowercase")]
    pub enum Source {
        #[strum(serialize = "post")]
        Post,
        #[strum(serialize = "claim")]
        Claim,
        #[strum(serialize = "coordinator")]
        Coordinator,
        #[strum(serialize = "self")]
        #[serde(rename = "self")]
        SelfReport,
    }
}
