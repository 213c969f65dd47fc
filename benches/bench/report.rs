//! One row per figure: printed by each part as `ROW <json>`, gathered into one Markdown
//! table, printed and appended to `benches/RESULTS.md` with the date, commit and machine.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// One line of the table; empty cells are `None`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Row {
    pub what: String,
    /// Blogs/s, requests/s, or feeds/s for an ingest stage.
    pub rate: Option<f64>,
    pub posts_per_s: Option<f64>,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub max_ms: Option<f64>,
    pub wall_s: Option<f64>,
    pub rss_mb: Option<f64>,
    pub note: String,
}

impl Row {
    pub fn new(what: impl Into<String>) -> Self {
        Self {
            what: what.into(),
            ..Self::default()
        }
    }

    /// Prints the row for the benchmark to gather.
    pub fn emit(&self) {
        println!("ROW {}", serde_json::to_string(self).unwrap());
    }
}

fn cell(value: Option<f64>) -> String {
    match value {
        None => String::new(),
        Some(v) if v >= 100.0 => format!("{v:.0}"),
        Some(v) if v >= 10.0 => format!("{v:.1}"),
        Some(v) => format!("{v:.2}"),
    }
}

/// The table in Markdown.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| what | rate /s | posts/s | p50 ms | p99 ms | max ms | wall s | peak RSS MB | note |\n\
         |---|--:|--:|--:|--:|--:|--:|--:|---|\n",
    );
    for r in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.what,
            cell(r.rate),
            cell(r.posts_per_s),
            cell(r.p50_ms),
            cell(r.p99_ms),
            cell(r.max_ms),
            cell(r.wall_s),
            cell(r.rss_mb),
            r.note
        );
    }
    out
}

fn command(program: &str, args: &[&str]) -> String {
    std::process::Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Date, commit (with `+` when the tree has changes), machine and load, for the heading.
pub fn heading(database: &str, note: &str) -> String {
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let mut commit = command("git", &["rev-parse", "--short", "HEAD"]);
    if !command("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty() {
        commit.push('+');
    }
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let note = if note.is_empty() {
        String::new()
    } else {
        format!(" · {note}")
    };
    format!(
        "### {date} · {commit} · {database} · {cores} cores, {cpu} · load at end {}{note}",
        load.join(" ")
    )
}

/// Appends the heading and the table to `path` (unless it is `-`).
pub fn append(path: &str, heading: &str, table: &str) {
    if path == "-" {
        return;
    }
    use std::io::Write as _;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path);
    match file.and_then(|mut f| write!(f, "\n{heading}\n\n{table}")) {
        Ok(()) => println!("appended to {path}"),
        Err(e) => eprintln!("cannot append to {path}: {e}"),
    }
}

/// Forgets the process's peak memory so far, so the next [`peak_mb`] is one pass's own.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// The peak resident memory since the last [`reset_peak`] (VmHWM), in MB.
pub fn peak_mb() -> Option<f64> {
    status_mb("VmHWM:")
}

/// The resident memory now (VmRSS), in MB.
pub fn rss_mb() -> Option<f64> {
    status_mb("VmRSS:")
}
