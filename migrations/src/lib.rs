//! The database schema of Twentythree, written once with sea-query so that the same
//! migrations run on SQLite and PostgreSQL. Migrations use string identifiers and never
//! import the app's entities.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_schema;
mod m20261202_000001_joining;
mod m20261204_000001_access;
mod m20261204_000002_feed_items;
mod m20261204_000004_trust;
mod m20261204_000005_badges;
mod m20261204_000006_together;
mod m20261204_000007_programs;
mod m20261204_000008_river;
mod m20261204_000009_websub;
mod m20261204_000010_language;
mod m20261204_000011_by_feed;
mod m20261204_000012_data_version;
mod m20261204_000013_feed_messages;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_schema::Migration),
            Box::new(m20261202_000001_joining::Migration),
            Box::new(m20261204_000001_access::Migration),
            Box::new(m20261204_000002_feed_items::Migration),
            Box::new(m20261204_000004_trust::Migration),
            Box::new(m20261204_000005_badges::Migration),
            Box::new(m20261204_000006_together::Migration),
            Box::new(m20261204_000007_programs::Migration),
            Box::new(m20261204_000008_river::Migration),
            Box::new(m20261204_000009_websub::Migration),
            Box::new(m20261204_000010_language::Migration),
            Box::new(m20261204_000011_by_feed::Migration),
            Box::new(m20261204_000012_data_version::Migration),
            Box::new(m20261204_000013_feed_messages::Migration),
        ]
    }
}
