//! One number that moves whenever what the busiest pages show may have changed, whichever
//! process changed it (the server, another instance, the CLI): pages keep what they read
//! and read again only when it moved. Database triggers keep it, so no write path can
//! forget to. On SQLite it is a row updated inside the writing transaction; on PostgreSQL
//! a sequence (no row lock for concurrent writers to queue on). Only rows that change move
//! it: a claim that claims nothing does not.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows the river, the output feeds, the grid and the progress API read.
/// Feeds change on every read, so while a poll runs the pages read afresh.
const TABLES: &[&str] = &[
    "cohorts",
    "feeds",
    "people",
    "participants",
    "posts",
    "post_things",
    "recognitions",
    "completions",
    "completion_overrides",
    "highlights",
];

const EVENTS: &[&str] = &["INSERT", "UPDATE", "DELETE"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared("CREATE SEQUENCE data_version")
                    .await?;
                db.execute_unprepared(
                    "CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS \
                     $$ BEGIN PERFORM nextval('data_version'); RETURN NULL; END $$",
                )
                .await?;
                for table in TABLES {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE \
                         ON {table} FOR EACH ROW EXECUTE FUNCTION bump_data_version()"
                    ))
                    .await?;
                }
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TABLE data_version (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
                )
                .await?;
                db.execute_unprepared("INSERT INTO data_version (id, n) VALUES (1, 0)")
                    .await?;
                let bump = "BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END";
                for table in TABLES {
                    for event in EVENTS {
                        db.execute_unprepared(&format!(
                            "CREATE TRIGGER data_version_{table}_{event} AFTER {event} ON \
                             {table} {bump}"
                        ))
                        .await?;
                    }
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for table in TABLES {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS data_version_{table} ON {table}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP FUNCTION IF EXISTS bump_data_version()")
                    .await?;
                db.execute_unprepared("DROP SEQUENCE IF EXISTS data_version")
                    .await?;
            }
            _ => {
                for table in TABLES {
                    for event in EVENTS {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER IF EXISTS data_version_{table}_{event}"
                        ))
                        .await?;
                    }
                }
                db.execute_unprepared("DROP TABLE IF EXISTS data_version")
                    .await?;
            }
        }
        Ok(())
    }
}
