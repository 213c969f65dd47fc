use sea_orm::entity::prelude::*;

/// The last check of a program's lesson links (`twentythree lessons links`), for the cockpit.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "link_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub program: String,
    pub checked_at: DateTimeUtc,
    pub links: i32,
    pub dead: i32,
    /// The whole report as JSON (every link, its file, line and verdict).
    pub report: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
