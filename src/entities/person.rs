use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Normalised (trimmed, lower-case) address.
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub role: Role,
    pub confirmed_at: Option<DateTimeUtc>,
    pub release_emails: bool,
    pub milestone_emails: bool,
    /// A random token for the one-click unsubscribe link in bulk emails.
    #[sea_orm(unique)]
    pub unsubscribe_token: String,
    pub created_at: DateTimeUtc,
    /// The person's own IANA time zone, when they set one (to show times locally).
    pub timezone: Option<String>,
    /// SHA-256 of the key in the person's private feed and calendar addresses.
    #[sea_orm(unique)]
    pub feed_key_hash: Option<String>,
    /// How many times the person replaced that key (the key is derived from it).
    pub feed_key_generation: i32,
    /// Whether the person hears when a post of theirs is highlighted (routine mail).
    pub highlight_emails: bool,
    /// The person's own interface language (a shipped locale's code), when they chose one.
    pub language: Option<String>,
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
    /// What a person may do: take part, or run the program.
    #[serde(rename_all = "lowercase")]
    pub enum Role {
        #[strum(serialize = "participant")]
        Participant,
        #[strum(serialize = "coordinator")]
        Coordinator,
    }
}
