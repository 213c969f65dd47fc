//! The benchmark: feed polling throughput and page latency at program scale, on loopback.
//!
//! `cargo bench` builds its own world in a process of its own (generated WordPress-shaped
//! blogs on 50 loopback hosts, and the load generator), then runs each part in a fresh
//! process of its own so each part's memory is its own: the polls, the `serve` pass, ingest
//! stage by stage, and the pages under load. One table goes to standard output and is
//! appended to `benches/RESULTS.md`. Settings: README, "Benchmark". Not a test: nothing
//! here passes or fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

#[path = "bench/blog.rs"]
mod blog;
#[path = "../examples/common/mod.rs"]
#[allow(dead_code, reason = "the hostile example uses the rest")]
mod common;
#[path = "bench/ingest.rs"]
mod ingest;
#[path = "bench/pages.rs"]
mod pages;
#[path = "bench/poll.rs"]
mod poll;
#[path = "bench/report.rs"]
mod report;
#[path = "bench/scratch.rs"]
mod scratch;
#[path = "bench/settings.rs"]
mod settings;
#[path = "bench/world.rs"]
mod world;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use report::Row;
use settings::Settings;

const ROLE: &str = "TWENTYTHREE_BENCH_ROLE";
const PARTS: [&str; 4] = ["poll", "serve", "ingest", "pages"];

#[tokio::main]
async fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    // The server's errors (and more with RUST_LOG) on standard error, beside the table.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let settings = Settings::from_env();
    match std::env::var(ROLE).as_deref() {
        Ok("world") => world::serve(settings.hosts).await,
        Ok("poll") => poll::passes(&settings).await,
        Ok("serve") => poll::serve(&settings).await,
        Ok("ingest") => ingest::stages(&settings).await,
        Ok("pages") => pages::under_load(&settings).await,
        _ => run(&settings),
    }
}

/// This benchmark again, as a process playing `role`.
fn part(role: &str, port: u16) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    // The server parts run as README's "Running for a big program" advises (two malloc
    // arenas), unless the environment says otherwise.
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        command.env("MALLOC_ARENA_MAX", "2");
    }
    command
        .env(ROLE, role)
        .env("TWENTYTHREE_BENCH_WORLD_PORT", port.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    command
}

/// Kills the world when the benchmark ends, however it ends.
struct WorldProcess(Child);

impl Drop for WorldProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn run(settings: &Settings) {
    let mut world = part("world", 0).stdin(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(world.stdout.take().unwrap()).lines();
    let world = WorldProcess(world);
    let port: u16 = lines
        .find_map(|l| l.ok()?.strip_prefix("WORLD ")?.parse().ok())
        .expect("the world starts");
    eprintln!(
        "world: {} hosts on port {port}; {} blogs; pages at {:?} people, {} clients, {} s each; {}",
        settings.hosts,
        settings.blogs,
        settings.people,
        settings.clients,
        settings.seconds,
        settings.database()
    );
    let mut rows: Vec<Row> = Vec::new();
    for name in PARTS.into_iter().filter(|p| settings.runs(p)) {
        eprintln!("running {name}...");
        let mut child = part(name, port).spawn().unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        for line in out.lines().map_while(Result::ok) {
            match line.strip_prefix("ROW ") {
                Some(json) => {
                    let row: Row = serde_json::from_str(json).unwrap();
                    eprintln!(
                        "  {}",
                        report::table(std::slice::from_ref(&row))
                            .lines()
                            .nth(2)
                            .unwrap_or_default()
                    );
                    rows.push(row);
                }
                None => println!("{line}"),
            }
        }
        let status = child.wait().unwrap();
        if !status.success() {
            rows.push(Row {
                note: format!("failed: {status}"),
                ..Row::new(name)
            });
        }
    }
    drop(world);
    let heading = report::heading(settings.database(), &settings.note);
    let table = report::table(&rows);
    println!("\n{heading}\n\n{table}");
    report::append(&settings.results, &heading, &table);
}
