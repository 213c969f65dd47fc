//! Twentythree runs self-paced learning cohorts in the style of "Learning 2.0: 23 Things".
//!
//! # Map
//!
//! - Ground: [`config`] reads the settings; [`db`] opens SQLite or PostgreSQL and migrates
//!   it (the schema is the `migrations` crate, the tables and their typed columns are
//!   [`entities`]); [`templates`] embeds every page and email; [`i18n`] gives them the reader's
//!   language (locales, negotiation, Fluent messages, dates); [`links`] builds every
//!   absolute address; [`secret`] makes tokens; [`rate`] keeps rate limits in the database.
//! - The program: [`lessons`] loads the Markdown lessons and computes when each week opens;
//!   [`cohorts`] are runs of it (settings, calendar, the archive cut-off).
//! - People: [`people`] (participants, coordinators, CSV import), [`auth`] (sign-in links,
//!   sessions, API tokens), [`access`] (the one rule of who may see which lesson and page),
//!   [`joining`] (the emailed join confirmation).
//! - Blogs: [`feeds`] discovers, fetches, parses, sanitises and stores posts, and says how
//!   healthy a feed is; the river of a cohort's posts is `feeds::river`.
//! - Meaning: [`progress`] recognises which lesson a post is about, keeps completions,
//!   finishes people and celebrates them, and reads who has done what (grid, standing,
//!   reminders); [`badges`] gives finishers an Open Badge; [`calendar`] publishes the
//!   weeks as iCalendar; [`mail`] keeps the outbox, writes routine mail and sends it.
//! - Together: [`together`] adds the people around the blogs (learning partners, mentors,
//!   highlighted posts, lesson experts) and the weekly letter and mentor note.
//! - Workers, each a loop around an idempotent `tick`: [`poller`](mod@poller) (reads due feeds, then
//!   recognition), `mail::notices` and `mail::sender`, [`housekeeping`]; [`metrics`] is
//!   what `/metrics` reports, owned by the application and handed to the poller.
//! - Faces: [`web`] (one router, extractors for who asks and what they may read, thin
//!   handlers that parse, call one domain function and render) and [`cli`].
//!   [`fuzz`] holds the fuzz targets' entry points.
//!
//! # Dependency order
//!
//! Each module uses only modules above it in this list, never one below (no cycles):
//! `config`, `db`, `entities`, `i18n`, `templates`, `links`, `secret`, `rate`; `lessons`;
//! `cohorts`; `people`; `auth`; `access`; `feeds`; `badges`; `mail`; `joining`;
//! `progress`; `together`; `calendar`; `metrics`; `housekeeping`; `poller`; `web`; `cli`. The web
//! layer and the CLI call the domain; the domain never calls them.

pub mod access;
pub mod auth;
pub mod badges;
pub mod calendar;
pub mod cli;
pub mod cohorts;
pub mod config;
pub mod db;
pub mod entities;
pub mod feeds;
pub mod fuzz;
pub mod housekeeping;
pub mod i18n;
pub mod joining;
pub mod lessons;
pub mod links;
pub mod mail;
pub mod metrics;
pub mod people;
pub mod poller;
pub mod progress;
pub mod rate;
pub mod secret;
pub mod templates;
pub mod together;
pub mod web;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use tokio::net::TcpListener;

pub use config::Config;
use lessons::Programs;
use web::AppState;

/// The one HTTP client that reads blogs, set up from the configuration.
pub fn fetcher(config: &Config) -> anyhow::Result<feeds::fetch::Fetcher> {
    feeds::fetch::Fetcher::new(&config.base_url, config.allow_private_feeds)
}

/// The feed poller, set up from the configuration.
pub fn poller(
    config: &Config,
    db: DatabaseConnection,
    programs: Arc<Programs>,
    metrics: Arc<metrics::Metrics>,
) -> anyhow::Result<poller::Poller> {
    Ok(poller::Poller::new(
        db,
        fetcher(config)?,
        config,
        programs,
        metrics,
    ))
}

/// The mail sender, set up from the configuration.
pub fn sender(config: &Config, db: DatabaseConnection) -> anyhow::Result<mail::sender::Sender> {
    let transport =
        mail::sender::Transport::from_config(config.smtp_url.as_ref(), &config.mail_dir)?;
    Ok(mail::sender::Sender::new(
        db,
        transport,
        config.mail_from.clone(),
        config.base_url.clone(),
    )
    .with_lease(config.worker_lease))
}

/// Opens the database (bringing its schema up to date), loads and validates the programs,
/// refuses an edit that would rewrite what running cohorts completed, and syncs the
/// programs into the database. Every command starts here.
pub async fn open(config: &Config) -> anyhow::Result<(DatabaseConnection, Programs)> {
    let programs = lessons::load_programs(&config.lessons_dir)?;
    let db = db::connect_and_migrate(config).await?;
    let now = Utc::now();
    lessons::versions::check_history(&db, &programs, now.date_naive())
        .await
        .context("cannot compare the lessons with the database")?
        .context("the lessons folder cannot be used as it is")?;
    lessons::sync(&db, &programs, now)
        .await
        .context("cannot store the lessons in the database")?;
    Ok((db, programs))
}

/// A server bound to its address, ready to run. Binding first lets tests use port 0.
pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        templates::check().context("a template is broken")?;
        let (db, programs) = open(&config).await?;
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("cannot listen on {}", config.bind))?;
        let programs = Arc::new(programs);
        let metrics = Arc::new(metrics::Metrics::default());
        let poller = poller(&config, db.clone(), programs.clone(), metrics.clone())?;
        let sender = sender(&config, db.clone())?;
        let secret = access::keys::secret(&db, Utc::now()).await?;
        badges::start(&db, &config, &programs, Utc::now())
            .await
            .context("cannot record the badge issuer")?;
        let state = AppState {
            metrics,
            reachability: Arc::default(),
            caches: Arc::default(),
            secret,
            db,
            config: Arc::new(config),
            programs,
            poller,
            sender,
        };
        Ok(Self { listener, state })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then finishes the requests under way.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let address = self.local_addr()?;
        tracing::info!(
            "Twentythree is serving {} program(s) with {} lessons at http://{address} (public address {})",
            self.state.programs.len(),
            self.state
                .programs
                .iter()
                .map(|p| p.lessons.len())
                .sum::<usize>(),
            self.state.config.base_url
        );
        if cohort_count(&self.state.db).await? == 0 {
            tracing::info!(
                "No cohort yet. Next steps: `twentythree coordinator add --email you@example.org --name \"Your Name\"`, then `twentythree cohort create --slug spring-2027 --name \"Spring 2027\" --starts 2027-03-01`"
            );
        }
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let workers = self
            .state
            .config
            .background_workers
            .then(|| spawn_workers(&self.state, stopped));
        web::serve::serve(self.listener, web::router(self.state), shutdown).await;
        let _ = stop.send(true);
        for worker in workers.into_iter().flatten() {
            let _ = worker.await;
        }
        tracing::info!("stopped");
        Ok(())
    }
}

/// The background work of `serve`: re-deciding stored posts against the current lessons
/// once, then the feed poller, the routine-mail scheduler, the mail sender and
/// housekeeping, each a loop around its `tick` until `stopped` changes.
fn spawn_workers(
    state: &AppState,
    stopped: tokio::sync::watch::Receiver<bool>,
) -> [tokio::task::JoinHandle<()>; 4] {
    let rules_state = state.clone();
    tokio::spawn(async move {
        let base_url = &rules_state.config.base_url;
        match progress::reevaluate_all(&rules_state.db, &rules_state.programs, base_url, Utc::now())
            .await
        {
            Ok(count) => tracing::info!(
                "re-decided the posts of {count} participant(s) against the current lessons"
            ),
            Err(e) => tracing::warn!(error = %e, "cannot re-decide the stored posts"),
        }
    });
    [
        tokio::spawn(poller::run(state.poller.clone(), stopped.clone())),
        tokio::spawn(mail::notices::run(state.clone_notices(), stopped.clone())),
        tokio::spawn(mail::sender::run(state.sender.clone(), stopped.clone())),
        tokio::spawn(housekeeping::run(state.db.clone(), stopped)),
    ]
}

async fn cohort_count(db: &DatabaseConnection) -> Result<u64, sea_orm::DbErr> {
    entities::cohort::Entity::find().count(db).await
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing the requests under way");
}
