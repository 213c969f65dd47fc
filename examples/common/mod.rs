//! What the benchmark and the hostile poll share: a server on a scratch database (SQLite
//! unless told otherwise) with one public cohort, and the process's peak memory.

use std::net::SocketAddr;

use chrono::Utc;
use twentythree::cohorts::{self, NewCohort, Pace, Settings, Visibility};
use twentythree::entities::cohort;
use twentythree::web::AppState;
use twentythree::{Application, Config};

/// A running server (without background workers) and its cohort `slug`.
pub struct Scratch {
    pub address: SocketAddr,
    pub state: AppState,
    pub cohort: cohort::Model,
    /// Holds the database and mail folder until the example ends.
    pub _dir: tempfile::TempDir,
}

/// Starts the server on a fresh database in a temporary folder, with a public cohort
/// `slug` starting on 2026-09-01 (UTC, cohort pace).
pub async fn start(slug: &str, allow_private_feeds: bool) -> Scratch {
    start_with(slug, |config| {
        config.allow_private_feeds = allow_private_feeds
    })
    .await
}

/// [`start`] with a change to the configuration (another database, background workers).
pub async fn start_with(slug: &str, change: impl FnOnce(&mut Config)) -> Scratch {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config {
        database_url: format!(
            "sqlite://{}?mode=rwc",
            dir.path().join(format!("{slug}.db")).display()
        ),
        bind: "127.0.0.1:0".parse().unwrap(),
        lessons_dir: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
        mail_dir: dir.path().join("mail"),
        background_workers: false,
        ..Config::defaults().unwrap()
    };
    change(&mut config);
    let app = Application::build(config).await.unwrap();
    let address = app.local_addr().unwrap();
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let settings = Settings {
        name: slug.to_owned(),
        starts_on: "2026-09-01".parse().unwrap(),
        ends_on: None,
        timezone: chrono_tz::UTC,
        release_weekday: None,
        release_time: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        pace: Pace::Cohort,
        visibility: Visibility::Public,
        celebrate_cohort: false,
        self_report: false,
    };
    let new = NewCohort {
        slug: slug.parse().unwrap(),
        settings,
        program: state.programs.default_program().slug().to_owned(),
    };
    let cohort = cohorts::create(&state.db, new, Utc::now()).await.unwrap();
    Scratch {
        address,
        state,
        cohort,
        _dir: dir,
    }
}

/// The process's peak resident memory so far (VmHWM), in MB.
pub fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}
