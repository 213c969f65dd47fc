//! Connecting to the database (SQLite pragmas: WAL, busy timeout, foreign keys) and
//! bringing its schema up to date.

use std::time::Duration;

use anyhow::Context;
use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

/// Opens a pool on `url`: SQLite (the embedded default) or PostgreSQL.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        options.max_connections(8).map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    } else {
        options.max_connections(16);
    }
    Database::connect(options)
        .await
        .with_context(|| format!("cannot open the database at {}", redact(url)))
}

/// Connects and applies every pending migration.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<DatabaseConnection> {
    let db = connect(url).await?;
    Migrator::up(&db, None)
        .await
        .context("cannot bring the database schema up to date")?;
    Ok(db)
}

/// Starts a transaction that will write: on SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so a concurrent writer waits instead of failing.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, sea_orm::DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Who this process is when it holds a lease on a row: unique per process and start.
pub fn lease_owner() -> String {
    let nanos = chrono::Utc::now().timestamp_subsec_nanos();
    format!("{}-{nanos:x}", std::process::id())
}

/// The database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}
