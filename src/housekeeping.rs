//! Housekeeping: forgetting what can no longer be used (expired sessions and sign-in links,
//! old join requests, ended rate-limit windows) and keeping the query planner's statistics
//! current, a loop around one `tick` like every worker.

use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DbErr};

/// Forgets everything expired at `now` and refreshes the planner's statistics where the
/// data moved (a cohort that grew from ten to a thousand people gets plans for a thousand);
/// returns how many rows went. Idempotent.
pub async fn tick(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, DbErr> {
    let sessions_and_links = crate::auth::forget_expired(db, now).await?;
    let joins = crate::joining::forget_expired(db, now).await?;
    let windows = crate::rate::forget_expired(db, now).await?;
    crate::db::optimize(db).await?;
    Ok(sessions_and_links + joins + windows)
}

/// Runs `tick` every minute until `shutdown` changes.
pub async fn run(db: DatabaseConnection, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(e) = tick(&db, Utc::now()).await {
            tracing::warn!(error = %e, "cannot forget expired sessions, links and requests");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(60)) => {}
            _ = shutdown.changed() => return,
        }
    }
}
