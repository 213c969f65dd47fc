//! Running for a big program: several instances on one database (in this process and as
//! real `twentythree serve` processes), migrations raced by instances starting together,
//! `/metrics`, and a database that goes away under a running server and comes back.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use migrations::{Migrator, MigratorTrait};

use crate::blog_host::{BlogHost, Fault};
use crate::helpers::{
    TEST_DATABASE_VAR, TestApp, binary, config_on, fresh_database_url, spawn_app, spawn_app_with,
    spawn_instance_of, stderr, wait_until,
};
use crate::progress::finisher_feed;
use crate::smtp::SmtpSink;

/// A start date the fixture posts (October 2026) count for.
fn autumn() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

async fn get_as(app: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let response = crate::helpers::no_redirects()
        .get(format!("{}{path}", app.address))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_and_rate_limits_hold_across_instances() {
    let first = spawn_app().await;
    let second = spawn_instance_of(&first).await;
    let output = first.run_cli(&[
        "coordinator",
        "add",
        "--email",
        "cora@example.org",
        "--name",
        "Cora",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));

    let asked = crate::helpers::no_redirects()
        .post(format!("{}/login", first.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=cora%40example.org")
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status().as_u16(), 200);
    // The second instance's sender sends what the first one queued.
    assert_eq!(second.send_mail().await.sent, 1);
    let mail = second.smtp.to("cora@example.org");
    let data = mail[0].data.replace("=\r\n", "");
    let start = data.find("/login/").expect("a link") + "/login/".len();
    let token = &data[start..start + 64];

    let signed_in = crate::helpers::no_redirects()
        .post(format!("{}/login/{token}", second.address))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 303);
    let cookie = signed_in
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("twentythree="))
        .expect("a session cookie");
    let cookie = cookie.split(';').next().unwrap().to_owned();

    for app in [&first, &second] {
        let (status, page) = get_as(app, "/", &cookie).await;
        assert_eq!(status, 200);
        assert!(page.contains("Signed in as Cora"), "{page}");
    }
    // A form from the second instance signs out on the first, and the session ends on both.
    let (_, page) = get_as(&second, "/", &cookie).await;
    let start = page.find(r#"name="csrf" value=""#).expect("a form token") + 19;
    let csrf = &page[start..start + 64];
    let out = crate::helpers::no_redirects()
        .post(format!("{}/logout", first.address))
        .header("cookie", &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status().as_u16(), 303);
    let (_, page) = get_as(&second, "/", &cookie).await;
    assert!(!page.contains("Signed in as Cora"));

    // Rate limits count the requests of every instance together.
    let mut statuses = Vec::new();
    for app in [&second, &first, &second, &first, &second] {
        let asked = crate::helpers::no_redirects()
            .post(format!("{}/login", app.address))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("email=cora%40example.org")
            .send()
            .await
            .unwrap();
        statuses.push(asked.status().as_u16());
    }
    assert_eq!(
        statuses,
        [200, 200, 200, 200, 429],
        "five per address in all"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn instances_starting_together_migrate_one_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_on(dir.path(), fresh_database_url(dir.path()));
    let starts = (0..4).map(|_| twentythree::db::connect_and_migrate(&config));
    let pools = futures_util::future::join_all(starts).await;
    for pool in &pools {
        let db = pool.as_ref().expect("every instance starts");
        assert_eq!(
            Migrator::get_applied_migrations(db).await.unwrap().len(),
            Migrator::migrations().len()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_count_feeds_fetches_posts_and_requests_by_route() {
    const SECRET: &str = "scraper-secret-0123456789";
    let app = spawn_app_with(|config| config.metrics_token = Some(SECRET.into())).await;
    let host = BlogHost::start("http://127.0.0.1:2323").await;
    app.create_cohort("autumn", autumn(), &[]);
    host.set_fault(
        "/robin/feed.xml",
        Fault::Body("application/rss+xml".into(), finisher_feed(1..=3)),
    );
    app.add_participant(
        "autumn",
        "Robin",
        "robin@example.org",
        &host.url("/robin/feed.xml"),
    );
    app.add_participant(
        "autumn",
        "Sam",
        "sam@example.org",
        &host.url("/nowhere/feed.xml"),
    );
    app.poll_feeds().await;
    assert_eq!(app.get("/cohorts/autumn").await.status, 200);

    // Only the operator's scraper reads them.
    assert_eq!(app.get("/metrics").await.status, 401);
    let page = app
        .client
        .get(format!("{}/metrics", app.address))
        .bearer_auth(SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text")
    );
    let metrics = page.text().await.unwrap();
    for line in [
        "twentythree_feeds{status=\"ok\"} 1",
        "twentythree_posts 3",
        "twentythree_completions{source=\"post\"} 3",
        "twentythree_finishers 0",
        "twentythree_mail_overdue 0",
        "twentythree_mail_failed 0",
        "# TYPE twentythree_feed_fetch_duration_seconds histogram",
        "twentythree_http_requests_total{method=\"GET\",route=\"/cohorts/{slug}\",status=\"200\"}",
    ] {
        assert!(metrics.contains(line), "{line} missing from\n{metrics}");
    }
    // Counters are per process (the suite shares one), so only their presence is certain.
    assert!(metrics.contains("twentythree_feed_fetches_total{outcome=\"fetched\"}"));
    assert!(metrics.contains("twentythree_feed_fetch_errors_total{kind="));
    assert!(
        !metrics.contains("/cohorts/autumn"),
        "routes are labelled by pattern, never by raw path"
    );
    assert!(
        !metrics.contains("twentythree_outbox"),
        "no figure that one person's sign-in would move"
    );
    // Without a secret set, there are no metrics on the public port at all.
    assert_eq!(spawn_app().await.get("/metrics").await.status, 404);
}

/// A `twentythree serve` process with its workers on a short lease; killed when dropped.
struct Server {
    process: Child,
    log: std::path::PathBuf,
}

impl Server {
    fn start(dir: &std::path::Path, database_url: &str, smtp: &SmtpSink, name: &str) -> Self {
        let log = dir.join(format!("{name}.log"));
        let log_file = std::fs::File::create(&log).unwrap();
        let child = binary(dir, database_url)
            .arg("serve")
            .env("TWENTYTHREE_BIND", "127.0.0.1:0")
            .env("TWENTYTHREE_SMTP_URL", smtp.url().as_str())
            .env("TWENTYTHREE_POLL_INTERVAL", "10m")
            .env("TWENTYTHREE_WORKER_LEASE", "2s")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .unwrap();
        Self {
            process: child,
            log,
        }
    }

    /// The address the process listens on, from the line it logs when it starts.
    async fn address(&self) -> String {
        let marker = "lessons at ";
        for _ in 0..300 {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            if let Some(start) = log.find(marker) {
                let rest = &log[start + marker.len()..];
                return rest.split_whitespace().next().unwrap().to_owned();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "the server did not start: {}",
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// A cohort of `blogs` participants whose feeds are served by a fresh blog host; the
/// first one has written about every thing.
async fn cohort_of_blogs(app: &TestApp, blogs: usize) -> (BlogHost, Vec<String>) {
    let host = BlogHost::start("http://127.0.0.1:2323").await;
    app.create_cohort("autumn", autumn(), &[]);
    let mut paths = Vec::new();
    for i in 0..blogs {
        let path = format!("/p{i}/feed.xml");
        let things = if i == 0 { 1..=23 } else { 1..=2 };
        host.set_fault(
            &path,
            Fault::Body("application/rss+xml".into(), finisher_feed(things)),
        );
        app.add_participant(
            "autumn",
            &format!("P{i}"),
            &format!("p{i}@example.org"),
            &host.url(&path),
        );
        paths.push(path);
    }
    (host, paths)
}

#[tokio::test(flavor = "multi_thread")]
async fn two_server_processes_read_each_feed_once_and_celebrate_once() {
    let app = spawn_app().await;
    let (host, paths) = cohort_of_blogs(&app, 6).await;
    let before: Vec<usize> = paths.iter().map(|p| host.hits(p)).collect();
    let smtp = SmtpSink::start().await;
    let servers = [
        Server::start(app.dir.path(), &app.database_url, &smtp, "first"),
        Server::start(app.dir.path(), &app.database_url, &smtp, "second"),
    ];

    wait_until("the celebration", Duration::from_secs(60), || async {
        !smtp.to("p0@example.org").is_empty()
            && paths.iter().zip(&before).all(|(p, b)| host.hits(p) > *b)
    })
    .await;
    // Let both instances look for work many more times within the interval.
    tokio::time::sleep(Duration::from_secs(3)).await;
    for (path, before) in paths.iter().zip(&before) {
        assert_eq!(host.hits(path) - before, 1, "{path} was read once");
    }
    let mail = smtp.to("p0@example.org");
    assert_eq!(mail.len(), 1, "one celebration");
    assert_eq!(mail[0].kind(), "celebration");

    // Both processes tell the same story.
    let mut answers = Vec::new();
    for server in &servers {
        let address = server.address().await;
        let progress = reqwest::get(format!("{address}/api/v1/cohorts/autumn/progress"))
            .await
            .unwrap();
        assert_eq!(progress.status().as_u16(), 200);
        answers.push(progress.text().await.unwrap());
    }
    assert_eq!(answers[0], answers[1]);
    assert!(answers[0].contains("\"finished_at\":\"2"), "{}", answers[0]);
}

#[tokio::test(flavor = "multi_thread")]
async fn work_of_a_killed_process_is_finished_by_another_after_its_lease() {
    let app = spawn_app().await;
    let (host, paths) = cohort_of_blogs(&app, 1).await;
    let finisher = &paths[0];
    let inner = finisher_feed(1..=23);
    host.set_fault(
        finisher,
        Fault::SlowOnce(
            Duration::from_secs(120),
            Box::new(Fault::Body("application/rss+xml".into(), inner)),
        ),
    );
    let before = host.hits(finisher);
    let smtp = SmtpSink::start().await;
    let mut first = Server::start(app.dir.path(), &app.database_url, &smtp, "first");
    wait_until("the first read", Duration::from_secs(30), || async {
        host.hits(finisher) > before
    })
    .await;
    // The first process holds the feed's lease, mid-fetch: kill it without warning.
    first.process.kill().unwrap();
    first.process.wait().unwrap();
    let _second = Server::start(app.dir.path(), &app.database_url, &smtp, "second");

    wait_until("the celebration", Duration::from_secs(60), || async {
        !smtp.to("p0@example.org").is_empty()
    })
    .await;
    assert_eq!(
        host.hits(finisher) - before,
        2,
        "read again once the lease ended"
    );
    assert_eq!(smtp.to("p0@example.org").len(), 1);
}

/// A TCP relay between the server and PostgreSQL that can go away (cutting every
/// connection and refusing new ones, as a stopped or restarting PostgreSQL does) and come
/// back, without disturbing the other tests that share the PostgreSQL server.
struct Outage {
    port: u16,
    up: tokio::sync::watch::Sender<bool>,
}

impl Outage {
    async fn start(target: String) -> Self {
        let mut listener = Some(tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap());
        let port = listener.as_ref().unwrap().local_addr().unwrap().port();
        let (up, _) = tokio::sync::watch::channel(true);
        let state = up.clone();
        tokio::spawn(async move {
            loop {
                let mut went_down = state.subscribe();
                let listening = match listener.take() {
                    Some(listening) => listening,
                    None => tokio::net::TcpListener::bind(("127.0.0.1", port))
                        .await
                        .unwrap(),
                };
                loop {
                    tokio::select! {
                        accepted = listening.accept() => {
                            let Ok((client, _)) = accepted else { return };
                            tokio::spawn(relay(client, target.clone(), state.subscribe()));
                        }
                        _ = went_down.wait_for(|up| !*up) => break,
                    }
                }
                drop(listening);
                let _ = went_down.wait_for(|up| *up).await;
            }
        });
        Self { port, up }
    }

    fn go_down(&self) {
        self.up.send_replace(false);
    }

    fn come_back(&self) {
        self.up.send_replace(true);
    }
}

async fn relay(
    mut client: tokio::net::TcpStream,
    target: String,
    mut up: tokio::sync::watch::Receiver<bool>,
) {
    let Ok(mut server) = tokio::net::TcpStream::connect(&target).await else {
        return;
    };
    tokio::select! {
        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
        _ = up.wait_for(|up| !*up) => {}
    }
}

/// Runs on PostgreSQL only (SQLite is a file and cannot go away).
#[tokio::test(flavor = "multi_thread")]
async fn while_the_database_is_away_requests_get_503_and_it_recovers_without_a_restart() {
    let server = match std::env::var(TEST_DATABASE_VAR) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => return,
    };
    let database = url::Url::parse(&crate::helpers::create_postgres_database(&server)).unwrap();
    let target = format!(
        "{}:{}",
        database.host_str().unwrap(),
        database.port().unwrap_or(5432)
    );
    let outage = Outage::start(target).await;
    let mut relayed = database.clone();
    relayed.set_port(Some(outage.port)).unwrap();
    let app = crate::helpers::spawn_app_on_with(relayed.to_string(), |config| {
        config.database_acquire_timeout = Duration::from_secs(3);
    })
    .await;
    app.create_cohort("autumn", autumn(), &[]);
    assert_eq!(app.get("/cohorts/autumn").await.status, 200);

    outage.go_down();
    let page = crate::helpers::no_redirects()
        .get(format!("{}/cohorts/autumn", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 503);
    assert!(page.headers().contains_key("retry-after"));
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("cannot reach its database")
    );
    // Having found it away, the server answers the next requests at once.
    let started = Instant::now();
    let (status, body) = app.get_json("/api/v1/cohorts/autumn/progress").await;
    assert_eq!(status, 503);
    assert!(body["error"].as_str().unwrap().contains("database"));
    assert!(
        app.get("/lessons/1")
            .await
            .body
            .contains("cannot reach its database")
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "failed fast: {:?}",
        started.elapsed()
    );
    assert_eq!(app.get("/healthz").await.status, 503);

    outage.come_back();
    assert_eq!(app.get("/healthz").await.status, 200);
    assert_eq!(app.get("/cohorts/autumn").await.status, 200);

    // A restart also ends every server process: the pool notices and connects again.
    let admin = sea_orm::Database::connect(database.as_str()).await.unwrap();
    sea_orm::ConnectionTrait::execute_unprepared(
        &admin,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .await
    .unwrap();
    assert_eq!(app.get("/cohorts/autumn").await.status, 200);
    assert_eq!(app.get("/healthz").await.status, 200);
}
