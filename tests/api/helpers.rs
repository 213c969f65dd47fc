//! `spawn_app` and the `TestApp` whose methods are named after what people do.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Once;

use chrono::{Days, NaiveDate, Utc};
use sea_orm::EntityTrait;
use twentythree::{Application, Config};

use crate::smtp::SmtpSink;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub dir: tempfile::TempDir,
    pub database_url: String,
    pub state: twentythree::web::AppState,
    pub smtp: SmtpSink,
}

pub struct Page {
    pub status: u16,
    pub body: String,
    pub content_type: String,
}

fn install_crypto() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

pub fn lessons_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons")
}

/// The PostgreSQL server the suite runs on instead of SQLite, when this variable names one
/// (for example `postgres://twentythree@127.0.0.1:5439/postgres`): every test then gets a
/// fresh database of its own on it.
pub const TEST_DATABASE_VAR: &str = "TWENTYTHREE_TEST_DATABASE_URL";

/// A fresh, empty database for one test: a new PostgreSQL database on the server named by
/// [`TEST_DATABASE_VAR`], else an SQLite file in `dir`.
pub fn fresh_database_url(dir: &Path) -> String {
    match std::env::var(TEST_DATABASE_VAR) {
        Ok(server) if !server.trim().is_empty() => create_postgres_database(&server),
        _ => format!("sqlite://{}?mode=rwc", dir.join("test.db").display()),
    }
}

/// Creates a database with a random name on `server` and returns its URL. Runs on a thread
/// of its own so that synchronous helpers can call it from inside a test's runtime.
pub fn create_postgres_database(server: &str) -> String {
    let name = format!("t23_{:016x}", rand::random::<u64>());
    let mut url = url::Url::parse(server).expect("a PostgreSQL URL");
    url.set_path(&name);
    let (server, statement) = (server.to_owned(), format!("CREATE DATABASE {name}"));
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            use sea_orm::ConnectionTrait;
            let admin = sea_orm::Database::connect(server.as_str())
                .await
                .expect("the test PostgreSQL server answers");
            admin
                .execute_unprepared(&statement)
                .await
                .expect("a test database is created");
            admin.close().await.expect("the admin connection closes");
        });
    })
    .join()
    .expect("the database is created");
    url.to_string()
}

/// A configuration for a fresh database in `dir`, as tests build it: literally.
pub fn test_config(dir: &Path) -> Config {
    config_on(dir, fresh_database_url(dir))
}

/// A configuration for the database at `database_url`, with files in `dir`.
pub fn config_on(dir: &Path, database_url: String) -> Config {
    Config {
        database_url,
        bind: "127.0.0.1:0".parse().expect("a socket address"),
        lessons_dir: lessons_dir(),
        mail_dir: dir.join("mail"),
        allow_private_feeds: true,
        background_workers: false,
        ..Config::defaults().expect("the default configuration")
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// [`spawn_app`] with a change to the configuration (another lessons folder, say).
pub async fn spawn_app_with(change: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database_url = fresh_database_url(dir.path());
    spawn_app_in(dir, database_url, change).await
}

/// Another instance of the server on the same database as `app` (as behind a load
/// balancer), with its own folder and mail server.
pub async fn spawn_instance_of(app: &TestApp) -> TestApp {
    spawn_app_on(app.database_url.clone()).await
}

/// The server on the database at `database_url`.
pub async fn spawn_app_on(database_url: String) -> TestApp {
    spawn_app_on_with(database_url, |_| {}).await
}

/// The server on the database at `database_url`, its configuration changed by `change`.
pub async fn spawn_app_on_with(database_url: String, change: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("a temporary folder");
    spawn_app_in(dir, database_url, change).await
}

async fn spawn_app_in(
    dir: tempfile::TempDir,
    database_url: String,
    change: impl FnOnce(&mut Config),
) -> TestApp {
    install_crypto();
    let smtp = SmtpSink::start().await;
    let mut config = config_on(dir.path(), database_url);
    config.smtp_url = Some(smtp.url());
    change(&mut config);
    let database_url = config.database_url.clone();
    let app = Application::build(config).await.expect("the server builds");
    let address = format!("http://{}", app.local_addr().expect("a bound address"));
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        address,
        client: reqwest::Client::new(),
        dir,
        database_url,
        state,
        smtp,
    }
}

impl TestApp {
    /// Sends the due mail once, as the sender worker does; `now` may be in the future.
    pub async fn send_mail_at(
        &self,
        now: chrono::DateTime<Utc>,
    ) -> twentythree::mail::sender::Sent {
        self.state.sender.tick(now).await.expect("the sender runs")
    }

    pub async fn send_mail(&self) -> twentythree::mail::sender::Sent {
        self.send_mail_at(Utc::now()).await
    }

    /// Reads every feed once, as `twentythree poll` does.
    pub async fn poll_feeds(&self) -> twentythree::poller::Summary {
        self.state
            .poller
            .poll_now(None, Utc::now(), |_| {})
            .await
            .expect("the poll runs")
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Page {
            status,
            body: response.text().await.expect("a body"),
            content_type,
        }
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let page = self.get(path).await;
        assert!(
            page.content_type.starts_with("application/json"),
            "{path}: {}",
            page.content_type
        );
        (page.status, serde_json::from_str(&page.body).expect("JSON"))
    }

    /// Runs the real binary against this server's database, as a coordinator would.
    pub fn run_cli(&self, args: &[&str]) -> Output {
        run_cli_in(self.dir.path(), &self.database_url, args)
    }

    /// A cohort made as `twentythree cohort create --slug S --name S --starts D [extra]`
    /// would make it, through the same form and domain function, in-process.
    pub fn create_cohort(&self, slug: &str, starts: NaiveDate, extra: &[&str]) {
        let mut form = twentythree::cohorts::settings::Form {
            name: slug.to_owned(),
            starts: starts.to_string(),
            ..twentythree::cohorts::settings::Form::blank()
        };
        let mut args = extra.iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().expect("a value for the option").to_string();
            match *flag {
                "--self-report" => form.self_report = Some("on".into()),
                "--celebrate-cohort" => form.celebrate_cohort = Some("on".into()),
                "--visibility" => form.visibility = value(),
                "--pace" => form.pace = value(),
                "--timezone" => form.timezone = value(),
                "--release-time" => form.release_time = value(),
                "--release-day" => form.release_day = value(),
                "--ends" => form.ends = value(),
                "--program" => form.program = value(),
                other => panic!("create_cohort does not know {other}"),
            }
        }
        let new = twentythree::cohorts::NewCohort {
            slug: slug.parse().expect("a slug"),
            settings: form.settings().expect("valid settings"),
            program: twentythree::cohorts::program_for(&self.state.programs, &form.program)
                .expect("a program this server runs"),
        };
        block_on(twentythree::cohorts::create(
            &self.state.db,
            new,
            Utc::now(),
        ))
        .expect("the cohort is created");
    }

    /// `name` joins `cohort` as `twentythree participant add` would add them: the blog's
    /// feed found at once, in-process.
    pub fn add_participant(&self, cohort: &str, name: &str, email: &str, blog: &str) {
        let db = &self.state.db;
        let cohort = block_on(twentythree::cohorts::find(db, cohort))
            .expect("the database answers")
            .expect("the cohort exists");
        let new = twentythree::people::NewParticipant::parse(name, email, blog).expect("valid");
        let member = block_on(twentythree::people::add_participant(
            db,
            &cohort,
            &new,
            Utc::now(),
        ))
        .expect("they join");
        block_on(twentythree::feeds::attach_blog(
            db,
            &self.state.poller.fetcher,
            &member,
            new.blog.url(),
            Utc::now(),
        ))
        .expect("the blog is theirs alone");
    }
}

/// Runs `future` to completion from a synchronous helper called inside a test's runtime.
fn block_on<F: Future>(future: F) -> F::Output {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))
}

/// The real binary, run in `dir` on the database at `database_url` with a clean
/// environment (a developer's own `TWENTYTHREE_*` never leak in): the shipped lessons,
/// private feeds allowed, warnings only. Change any of it with `.env()`.
pub fn binary(dir: &Path, database_url: &str) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_twentythree"));
    command
        .current_dir(dir)
        .env_clear()
        .env("TWENTYTHREE_DATABASE_URL", database_url)
        .env("TWENTYTHREE_LESSONS_DIR", lessons_dir())
        .env("TWENTYTHREE_ALLOW_PRIVATE_FEEDS", "true")
        .env("RUST_LOG", "warn");
    command
}

pub fn run_cli_in(dir: &Path, database_url: &str, args: &[&str]) -> Output {
    binary(dir, database_url)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Waits at most `limit` until `done` holds, for work done in another process, where
/// there is no `tick` to call.
pub async fn wait_until<F, Fut>(what: &str, limit: std::time::Duration, mut done: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + limit;
    while !done().await {
        assert!(
            std::time::Instant::now() < deadline,
            "gave up waiting until {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A client that does not follow redirects (so a test sees them) and keeps no cookies.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

pub fn days_from_today(days: i64) -> NaiveDate {
    let today = Utc::now().date_naive();
    if days >= 0 {
        today + Days::new(days.unsigned_abs())
    } else {
        today - Days::new(days.unsigned_abs())
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Setting up a world in-process, through the same domain functions the CLI and the
/// coordinator's forms call (no process launch, no re-migration).
impl TestApp {
    /// A cohort in UTC whose weeks open at midnight, as the coordinator's form makes one.
    pub async fn new_cohort(
        &self,
        slug: &str,
        starts: NaiveDate,
        visibility: twentythree::cohorts::Visibility,
        pace: twentythree::cohorts::Pace,
    ) -> twentythree::entities::cohort::Model {
        self.new_cohort_with(slug, starts, |s| {
            s.visibility = visibility;
            s.pace = pace;
        })
        .await
    }

    /// A public, cohort-paced cohort in UTC opening at midnight, its settings changed by
    /// `change`.
    pub async fn new_cohort_with(
        &self,
        slug: &str,
        starts: NaiveDate,
        change: impl FnOnce(&mut twentythree::cohorts::Settings),
    ) -> twentythree::entities::cohort::Model {
        let mut settings = twentythree::cohorts::Settings {
            name: format!("Cohort {slug}"),
            starts_on: starts,
            ends_on: None,
            timezone: chrono_tz::Tz::UTC,
            release_weekday: None,
            release_time: chrono::NaiveTime::MIN,
            pace: twentythree::cohorts::Pace::Cohort,
            visibility: twentythree::cohorts::Visibility::Public,
            celebrate_cohort: false,
            self_report: false,
        };
        change(&mut settings);
        let new = twentythree::cohorts::NewCohort {
            slug: slug.parse().expect("a slug"),
            settings,
            program: self.state.programs.default_program().slug().to_owned(),
        };
        twentythree::cohorts::create(&self.state.db, new, Utc::now())
            .await
            .expect("the cohort is created")
    }

    /// `name` joins `cohort` at `at` with the blog at `blog`, which is read for its feed.
    pub async fn join_at(
        &self,
        cohort: &twentythree::entities::cohort::Model,
        name: &str,
        email: &str,
        blog: &str,
        at: chrono::DateTime<Utc>,
    ) -> twentythree::entities::participant::Model {
        let new = twentythree::people::NewParticipant::parse(name, email, blog).expect("valid");
        let member = twentythree::people::add_participant(&self.state.db, cohort, &new, at)
            .await
            .expect("they join");
        twentythree::feeds::attach_blog(
            &self.state.db,
            &self.state.poller.fetcher,
            &member,
            new.blog.url(),
            at,
        )
        .await
        .expect("the blog is looked at");
        twentythree::entities::participant::Entity::find_by_id(member.id)
            .one(&self.state.db)
            .await
            .expect("the database answers")
            .expect("they are in")
    }

    /// Makes `email` a coordinator.
    pub async fn new_coordinator(&self, email: &str, name: &str) {
        twentythree::people::add_coordinator(
            &self.state.db,
            &email.parse().expect("an address"),
            name,
            Utc::now(),
        )
        .await
        .expect("a coordinator");
    }
}

impl TestApp {
    /// The cohort `member` belongs to and the rules its program recognises by.
    async fn cohort_of(
        &self,
        member: &twentythree::entities::participant::Model,
    ) -> twentythree::entities::cohort::Model {
        twentythree::entities::cohort::Entity::find_by_id(member.cohort_id)
            .one(&self.state.db)
            .await
            .unwrap()
            .expect("the member's cohort")
    }

    /// A coordinator marks lesson `number` done (or not done) for `member`.
    pub async fn coordinator_marks(
        &self,
        member: &twentythree::entities::participant::Model,
        number: i32,
        done: bool,
    ) {
        use twentythree::progress::completions::{self, Override, Rules};
        let cohort = self.cohort_of(member).await;
        let rules = Rules::of(&self.state.programs, &cohort, &self.state.config.base_url);
        let change = Override {
            number,
            done,
            by: None,
        };
        completions::set_by_coordinator(&self.state.db, rules, member, &cohort, change, Utc::now())
            .await
            .expect("the mark is recorded");
    }

    /// `member` claims their post `post_id` for lesson `number`.
    pub async fn claims(
        &self,
        member: &twentythree::entities::participant::Model,
        post_id: i32,
        number: i32,
    ) -> Result<(), twentythree::progress::completions::CompletionError> {
        use twentythree::progress::completions::{self, Rules};
        let cohort = self.cohort_of(member).await;
        let rules = Rules::of(&self.state.programs, &cohort, &self.state.config.base_url);
        completions::claim(
            &self.state.db,
            rules,
            member,
            &cohort,
            (post_id, number),
            Utc::now(),
        )
        .await
    }

    /// `member` reports lesson `number` done themselves.
    pub async fn reports_self(
        &self,
        member: &twentythree::entities::participant::Model,
        number: i32,
    ) -> Result<(), twentythree::progress::completions::CompletionError> {
        use twentythree::progress::completions::{self, Rules};
        let cohort = self.cohort_of(member).await;
        let rules = Rules::of(&self.state.programs, &cohort, &self.state.config.base_url);
        completions::report_self(&self.state.db, rules, member, &cohort, number, Utc::now()).await
    }

    /// A coordinator marks every required lesson done for `member`, who so finishes.
    pub async fn finish_by_coordinator(
        &self,
        member: &twentythree::entities::participant::Model,
    ) -> twentythree::entities::participant::Model {
        let cohort = self.cohort_of(member).await;
        let required: Vec<i32> = self
            .state
            .programs
            .of(&cohort)
            .lessons
            .iter()
            .filter(|l| l.required)
            .map(|l| l.number)
            .collect();
        for number in required {
            self.coordinator_marks(member, number, true).await;
        }
        twentythree::entities::participant::Entity::find_by_id(member.id)
            .one(&self.state.db)
            .await
            .unwrap()
            .unwrap()
    }
}

/// `page` with its form tokens blanked: each browser has its own, and every page carries
/// one (the footer's language switcher is a form).
pub fn without_form_tokens(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let marker = r#"name="csrf" value=""#;
    while let Some(at) = rest.find(marker) {
        let start = at + marker.len();
        out.push_str(&rest[..start]);
        let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
        out.push_str("TOKEN");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
