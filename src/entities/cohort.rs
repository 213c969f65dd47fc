use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohorts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    /// IANA time zone name.
    pub timezone: String,
    /// ISO weekday: 1 = Monday .. 7 = Sunday.
    pub release_weekday: i16,
    pub release_time: Time,
    pub pace: Pace,
    pub visibility: Visibility,
    pub celebrate_cohort: bool,
    pub self_report: bool,
    pub created_at: DateTimeUtc,
    /// The slug of the program the cohort follows.
    pub program: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::participant::Entity")]
    Participant,
}

impl Related<super::participant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Participant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

stored_name! {
    /// How lessons open: for the whole cohort on a calendar, or for each person from joining.
    #[derive(clap::ValueEnum)]
    #[serde(rename_all = "lowercase")]
    pub enum Pace {
        #[strum(serialize = "cohort")]
        Cohort,
        #[strum(serialize = "self")]
        #[value(name = "self")]
        #[serde(rename = "self")]
        SelfPaced,
    }
}

stored_name! {
    /// Whether strangers may read a cohort's pages.
    #[derive(clap::ValueEnum)]
    #[serde(rename_all = "lowercase")]
    pub enum Visibility {
        #[strum(serialize = "public")]
        Public,
        #[strum(serialize = "members")]
        Members,
    }
}
