use sea_orm::entity::prelude::*;

/// A lesson of a program as synced from its folder at start, so queries can join on it
/// and the next start can tell whether the program's numbering changed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lessons")]
pub struct Model {
    /// The program's slug.
    #[sea_orm(primary_key, auto_increment = false)]
    pub program: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    pub slug: String,
    pub title: String,
    pub week: i32,
    /// JSON array of the extra tags that count.
    pub tags: String,
    pub required: bool,
    pub minutes: Option<i32>,
    pub synced_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
