//! One number that moves whenever what the busiest pages show may have changed, whichever
//! process changed it (the server, another instance, the CLI): pages keep what they read
//! and read again only when it moved. Database triggers keep it, so no write path can
//! forget to. On SQLite it is a row updated inside the writing transaction; on PostgreSQL
//! a sequence advanced once per statement (no row lock for concurrent writers to queue on).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose rows the river, the output feeds, the grid and its exports read.
const TABLES: &[&str] = &[
    "cohorts",
    "people",
    "participants",
    "posts",
    "post_things",
    "recognitions",
    "completions",
    "completion_overrides",
    "highlights",
];

/// Feeds change on every read (times, validators); only these columns are shown.
const FEED_COLUMNS: &str = "status, last_error, failing_since, url";

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
                         ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()"
                    ))
                    .await?;
                }
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER data_version_feeds AFTER INSERT OR DELETE OR UPDATE OF \
                     {FEED_COLUMNS} ON feeds FOR EACH STATEMENT EXECUTE FUNCTION \
                     bump_data_version()"
                ))
                .await?;
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
                for event in ["INSERT", "DELETE", &format!("UPDATE OF {FEED_COLUMNS}")] {
                    let name = event.split(' ').next().unwrap_or(event);
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER data_version_feeds_{name} AFTER {event} ON feeds {bump}"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                for table in TABLES.iter().chain(&["feeds"]) {
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
                for name in ["INSERT", "DELETE", "UPDATE"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS data_version_feeds_{name}"
                    ))
                    .await?;
                }
                db.execute_unprepared("DROP TABLE IF EXISTS data_version")
                    .await?;
            }
        }
        Ok(())
    }
}
