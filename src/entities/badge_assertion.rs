use sea_orm::entity::prelude::*;

/// One Open Badges award to a finisher, addressed by an opaque random id.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "badge_assertions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The opaque id in the assertion's address.
    #[sea_orm(unique)]
    pub public_id: String,
    pub participant_id: i32,
    pub cohort_id: i32,
    /// The participant while the assertion stands, none once revoked (unique: at most one
    /// standing assertion per participant).
    #[sea_orm(unique)]
    pub live_participant_id: Option<i32>,
    pub salt: String,
    /// `sha256$` and the hex digest of the email followed by the salt.
    pub identity: String,
    /// When the participant finished.
    pub issued_on: DateTimeUtc,
    /// The evidence in words ("23 posts between 1 Sep and 20 Oct 2026").
    pub narrative: String,
    pub created_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub revocation_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::participant::Entity",
        from = "Column::ParticipantId",
        to = "super::participant::Column::Id"
    )]
    Participant,
    #[sea_orm(
        belongs_to = "super::cohort::Entity",
        from = "Column::CohortId",
        to = "super::cohort::Column::Id"
    )]
    Cohort,
}

impl Related<super::participant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Participant.def()
    }
}

impl Related<super::cohort::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cohort.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
