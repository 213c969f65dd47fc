//! Connecting to the database (pool settings; SQLite pragmas: WAL, busy timeout, foreign
//! keys), bringing its schema up to date one instance at a time, and telling an unreachable
//! database from a failed query.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, Utc};
use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection,
    DatabaseTransaction, DbErr, RuntimeErr, SqliteTransactionMode, Statement, TransactionOptions,
    TransactionTrait,
};

use crate::config::Config;

/// Pool sizes when the configuration names none: SQLite has one writer anyway.
pub const SQLITE_MAX_CONNECTIONS: u32 = 8;
pub const POSTGRES_MAX_CONNECTIONS: u32 = 16;
/// The key of the PostgreSQL advisory lock held while migrating ("23things" in ASCII).
const MIGRATION_LOCK: i64 = 0x3233_7468_696e_6773;

/// Opens a pool on the configured database: SQLite (the embedded default) or PostgreSQL.
pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let url = config.database_url.as_str();
    let sqlite = url.starts_with("sqlite:");
    let mut options = ConnectOptions::new(url);
    options
        .sqlx_logging(false)
        .connect_timeout(config.database_acquire_timeout)
        .acquire_timeout(config.database_acquire_timeout)
        .max_connections(config.database_max_connections.unwrap_or(if sqlite {
            SQLITE_MAX_CONNECTIONS
        } else {
            POSTGRES_MAX_CONNECTIONS
        }));
    if sqlite {
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
    }
    // Instances starting together on a new SQLite file race to switch it to WAL, which
    // takes the file's lock without waiting for it: try again a few times.
    let mut attempts = 0;
    loop {
        match Database::connect(options.clone()).await {
            Err(e) if sqlite && attempts < 20 && e.to_string().contains("database is locked") => {
                attempts += 1;
                tokio::time::sleep(Duration::from_millis(100 * attempts)).await;
            }
            result => {
                return result
                    .with_context(|| format!("cannot open the database at {}", redact(url)));
            }
        }
    }
}

/// Connects and applies every pending migration.
pub async fn connect_and_migrate(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let db = connect(config).await?;
    migrate(&db)
        .await
        .context("cannot bring the database schema up to date")?;
    Ok(db)
}

/// Applies every pending migration, one instance at a time: inside one write transaction
/// (on SQLite, `BEGIN IMMEDIATE` makes every other writer wait) that on PostgreSQL first
/// takes an advisory lock, so instances started together migrate one after the other and
/// the later ones find nothing left to do.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = begin_write(db).await?;
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [MIGRATION_LOCK.into()],
        ))
        .await?;
    }
    Migrator::up(&txn, None).await?;
    txn.commit().await
}

/// Brings the query planner's statistics up to date where tables have grown or shrunk a
/// lot (SQLite's `PRAGMA optimize`, checking every table; cheap when nothing moved).
/// PostgreSQL keeps its own statistics (autovacuum), so there it does nothing.
pub async fn optimize(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() == DatabaseBackend::Sqlite {
        db.execute_unprepared("PRAGMA optimize=0x10002").await?;
    }
    Ok(())
}

/// A number that moves whenever the rows the busiest pages show may have changed, whoever
/// changed them (kept by triggers, see the `data_version` migration). Read it before reading
/// the data it vouches for.
pub async fn data_version(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => "SELECT last_value AS n FROM data_version",
        _ => "SELECT n FROM data_version WHERE id = 1",
    };
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("data_version".into()))?;
    row.try_get("", "n")
}

/// What the web layer remembers of the database being away, so that while it is, requests
/// fail at once instead of each waiting out the acquire timeout: after a request found it
/// unreachable, others are answered 503 for [`PRESUMED_AWAY`]; then one request tries
/// again (and `/healthz` always does).
#[derive(Debug, Default)]
pub struct Reachability {
    away_until_ms: AtomicI64,
}

/// How long the database is presumed away after a request found it unreachable.
pub const PRESUMED_AWAY: chrono::Duration = chrono::Duration::seconds(2);

impl Reachability {
    pub fn unreachable_at(&self, now: DateTime<Utc>) {
        self.away_until_ms
            .store((now + PRESUMED_AWAY).timestamp_millis(), Ordering::Relaxed);
    }

    pub fn reachable(&self) {
        self.away_until_ms.store(0, Ordering::Relaxed);
    }

    pub fn presumed_away(&self, now: DateTime<Utc>) -> bool {
        now.timestamp_millis() < self.away_until_ms.load(Ordering::Relaxed)
    }
}

/// Whether `error` says the database cannot be reached right now (down, restarting, the
/// pool out of connections), rather than that a query was wrong.
pub fn is_unreachable(error: &DbErr) -> bool {
    use sea_orm::sqlx::Error;
    match error {
        DbErr::ConnectionAcquire(_) => true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => match e.as_ref() {
            Error::Io(_)
            | Error::Tls(_)
            | Error::PoolTimedOut
            | Error::PoolClosed
            | Error::WorkerCrashed
            | Error::Protocol(_) => true,
            // Class 08 (connection exception) and 57P (operator intervention: shutdown,
            // crash, cannot connect now) on PostgreSQL.
            Error::Database(e) => e
                .code()
                .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
            _ => false,
        },
        _ => false,
    }
}

/// Starts a transaction that will write: on SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so a concurrent writer waits instead of failing.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Who this process is when it holds a lease on a row: unique per process and start.
pub fn lease_owner() -> String {
    let nanos = Utc::now().timestamp_subsec_nanos();
    format!("{}-{nanos:x}", std::process::id())
}

/// How long a worker rests between two ticks: at most `most`, and short enough to look for
/// work several times per lease, so a crashed instance's work is taken over soon after its
/// leases end.
pub fn worker_rest(lease: Duration, most: Duration) -> Duration {
    (lease / 4).clamp(Duration::from_millis(200), most)
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
