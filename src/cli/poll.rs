//! `twentythree poll [--cohort S]`: every feed read once now, with a progress bar on a
//! terminal, then the mail that fell due sent.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use super::find_cohort;
use crate::Config;
use crate::lessons::Programs;

pub async fn run(
    db: DatabaseConnection,
    config: &Config,
    programs: Programs,
    cohort: Option<String>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let cohort = match cohort {
        Some(slug) => Some(find_cohort(&db, &slug).await?),
        None => None,
    };
    let poller = crate::poller(config, db.clone(), Arc::new(programs), Arc::default())?;
    let count = poller.feeds_to_poll(cohort.as_ref(), now).await?.len();
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        indicatif::ProgressBar::new(count as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} feeds {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = poller
        .poll_now(cohort.as_ref(), now, |_| bar.inc(1))
        .await?;
    bar.finish_and_clear();
    println!("Polled {summary}.");
    let sender = crate::sender(config, db.clone())?;
    let sent = sender.tick(now).await?;
    if sent.sent + sent.retrying + sent.failed > 0 {
        println!(
            "Emails: {} sent, {} to retry, {} failed.",
            sent.sent, sent.retrying, sent.failed
        );
    }
    Ok(())
}
