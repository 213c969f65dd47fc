//! What a run measures, from the environment, so that a quick run is one variable away.

/// The benchmark's knobs; see README, "Benchmark".
#[derive(Clone, Debug)]
pub struct Settings {
    /// Blogs in the poll passes (`TWENTYTHREE_BENCH_BLOGS`, 2,000).
    pub blogs: u32,
    /// Loopback hosts the blogs are spread over (`TWENTYTHREE_BENCH_HOSTS`, 50).
    pub hosts: u32,
    /// Cohort sizes of the page runs (`TWENTYTHREE_BENCH_PEOPLE`, "1000,5000").
    pub people: Vec<u32>,
    /// Concurrent clients per page (`TWENTYTHREE_BENCH_CLIENTS`, 16).
    pub clients: usize,
    /// Time per page (`TWENTYTHREE_BENCH_SECONDS`, 10).
    pub seconds: f64,
    /// Which parts run (`TWENTYTHREE_BENCH_PARTS`, "poll,serve,ingest,pages").
    pub parts: Vec<String>,
    /// A PostgreSQL server to run on instead of SQLite (`TWENTYTHREE_BENCH_DATABASE_URL`);
    /// each part creates a database of its own there.
    pub database_url: Option<String>,
    /// Words for the results heading (`TWENTYTHREE_BENCH_NOTE`).
    pub note: String,
    /// Where the table is appended (`TWENTYTHREE_BENCH_RESULTS`, `benches/RESULTS.md`;
    /// `-` for nowhere).
    pub results: String,
    /// Keeps the pages' database for a look at query plans (`TWENTYTHREE_BENCH_KEEP`).
    pub keep: bool,
    /// The world's port, once it runs (set for the parts by the benchmark itself).
    pub world_port: u16,
}

fn var(name: &str) -> Option<String> {
    std::env::var(format!("TWENTYTHREE_BENCH_{name}"))
        .ok()
        .filter(|v| !v.trim().is_empty())
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> T {
    var(name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn list(name: &str, default: &str) -> Vec<String> {
    var(name)
        .unwrap_or_else(|| default.to_owned())
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

impl Settings {
    pub fn from_env() -> Self {
        Self {
            blogs: number("BLOGS", 2000),
            hosts: number::<u32>("HOSTS", 50).clamp(1, 250),
            people: list("PEOPLE", "1000,5000")
                .iter()
                .filter_map(|p| p.parse().ok())
                .collect(),
            clients: number("CLIENTS", 16),
            seconds: number("SECONDS", 10.0),
            parts: list("PARTS", "poll,serve,ingest,pages"),
            database_url: var("DATABASE_URL"),
            note: var("NOTE").unwrap_or_default(),
            results: var("RESULTS").unwrap_or_else(|| {
                concat!(env!("CARGO_MANIFEST_DIR"), "/benches/RESULTS.md").to_owned()
            }),
            keep: var("KEEP").is_some(),
            world_port: number("WORLD_PORT", 0),
        }
    }

    pub fn runs(&self, part: &str) -> bool {
        self.parts.iter().any(|p| p == part)
    }

    pub fn database(&self) -> &'static str {
        if self.database_url.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }
}
