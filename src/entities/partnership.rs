use sea_orm::entity::prelude::*;

/// Two participants of a cohort learning together; `first_id` < `second_id`. Ended
/// partnerships stay, so that automatic pairing never makes the same pair twice.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partnerships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cohort_id: i32,
    /// Empty once that partner left the cohort.
    pub first_id: Option<i32>,
    pub second_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
    /// Why it ended, in words the other partner reads.
    pub ended_reason: Option<String>,
}

impl Model {
    /// The other partner of `participant`, unless they left the cohort.
    pub fn other(&self, participant: i32) -> Option<i32> {
        if self.first_id == Some(participant) {
            self.second_id
        } else {
            self.first_id
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
