//! Configuration: an optional `twentythree.toml`, each key overridable by its
//! `TWENTYTHREE_*` environment variable, parsed into real types once at start.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use lettre::message::Mailbox;
use url::Url;

/// Everything the server needs to know about its surroundings. Tests build it literally.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    pub base_url: Url,
    pub lessons_dir: PathBuf,
    pub smtp_url: Option<Url>,
    pub mail_dir: PathBuf,
    pub mail_from: Mailbox,
    pub poll_interval: Duration,
    pub allow_private_feeds: bool,
    /// Whether the base URL is reachable from the internet, so that WebSub hubs can call
    /// back: then feeds that advertise a hub are subscribed to (off by default).
    pub websub: bool,
    /// Whether the client address is taken from the last `X-Forwarded-For` entry (behind a
    /// reverse proxy) rather than from the connection.
    pub trust_proxy: bool,
    /// The most pooled database connections; `None` picks the default for the database
    /// (8 for SQLite, 16 for PostgreSQL).
    pub database_max_connections: Option<u32>,
    /// How long a request waits for a database connection before it is answered 503.
    pub database_acquire_timeout: Duration,
    /// How long a claimed feed or email stays with the instance that claimed it; after a
    /// crash, another instance takes the work over once it has passed.
    pub worker_lease: Duration,
    /// Feeds read at once by one instance (at most two at a time from any one host).
    pub fetch_concurrency: usize,
    /// Whether `serve` runs the background workers (tests drive `tick` themselves).
    pub background_workers: bool,
    /// The bearer secret `/metrics` asks for; without one, `/metrics` is off (404).
    pub metrics_token: Option<String>,
    /// The organisation that runs the program, named on certificates.
    pub organisation: Option<String>,
    /// The name Open Badges are issued under (default: the organisation, else the host of
    /// the base URL).
    pub badge_issuer_name: Option<String>,
    /// The issuer's contact address; badges are off until it is set.
    pub badge_issuer_email: Option<lettre::Address>,
}

/// The keys, their defaults and what a valid value looks like (for error messages).
const KEYS: &[(&str, Option<&str>, &str)] = &[
    (
        "database_url",
        Some("sqlite://twentythree.db?mode=rwc"),
        "a sqlite:// or postgres:// URL",
    ),
    (
        "bind",
        Some("127.0.0.1:2323"),
        "an address and port such as 127.0.0.1:2323",
    ),
    (
        "base_url",
        Some("http://127.0.0.1:2323"),
        "an http(s) URL such as https://things.example.org",
    ),
    ("lessons_dir", Some("lessons"), "a folder of lesson files"),
    (
        "smtp_url",
        None,
        "an SMTP URL such as smtp://localhost:25 or smtps://user:pass@host",
    ),
    ("mail_dir", Some("mail"), "a folder for .eml files"),
    (
        "mail_from",
        Some("Twentythree <noreply@localhost>"),
        "a sender such as Twentythree <noreply@example.org>",
    ),
    ("poll_interval", Some("30m"), "a duration such as 30m or 1h"),
    ("allow_private_feeds", Some("false"), "true or false"),
    ("websub", Some("off"), "on or off"),
    ("trust_proxy", Some("false"), "true or false"),
    (
        "database_max_connections",
        None,
        "a number of connections from 1 to 1000 (default 8 for SQLite, 16 for PostgreSQL)",
    ),
    (
        "database_acquire_timeout",
        Some("5s"),
        "a duration from 100ms to 5m such as 5s",
    ),
    (
        "worker_lease",
        Some("2m"),
        "a duration from 1s to 1h such as 2m",
    ),
    (
        "organisation",
        None,
        "the name of the library or organisation running the program, such as \"Springfield Public Library\"",
    ),
    (
        "badge_issuer_name",
        None,
        "the name Open Badges are issued under, such as \"Springfield Public Library\" (default: the organisation, else the host of the base URL)",
    ),
    (
        "badge_issuer_email",
        None,
        "the badge issuer's contact address, such as badges@example.org (badges are off until it is set)",
    ),
    (
        "metrics_token",
        None,
        "a secret of at least 16 characters (printable, no spaces) that scrapers send as a bearer token",
    ),
    (
        "fetch_concurrency",
        Some("64"),
        "a number of feeds from 1 to 1024",
    ),
];

impl Config {
    /// Reads `file` (or `twentythree.toml` when present) and then the environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let file_values = match file {
            Some(path) => read_file(path)?,
            None if Path::new("twentythree.toml").exists() => {
                read_file(Path::new("twentythree.toml"))?
            }
            None => BTreeMap::new(),
        };
        let env: BTreeMap<String, String> = std::env::vars().collect();
        Self::from_sources(&file_values, &env)
    }

    /// The defaults alone, without a file or the environment (for examples and tests, which
    /// change the few settings they need).
    pub fn defaults() -> anyhow::Result<Self> {
        Self::from_sources(&BTreeMap::new(), &BTreeMap::new())
    }

    /// Builds the configuration from file values (keyed by lower-case name) and environment
    /// variables (keyed by `TWENTYTHREE_*`); the environment wins.
    pub fn from_sources(
        file: &BTreeMap<String, String>,
        env: &BTreeMap<String, String>,
    ) -> anyhow::Result<Self> {
        let read = Sources { file, env };
        let database_url = read.value("database_url");
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(invalid("database_url", &database_url));
        }
        let base_url = Url::parse(&read.value("base_url"))
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| invalid("base_url", &read.value("base_url")))?;
        let smtp_url = read.optional("smtp_url", |s| {
            Url::parse(s)
                .ok()
                .filter(|u| matches!(u.scheme(), "smtp" | "smtps") && u.host().is_some())
                .ok_or_else(|| invalid("smtp_url", "(hidden: it may hold a password)"))
        })?;
        let metrics_token = read.optional("metrics_token", |s| {
            (s.len() >= 16 && s.bytes().all(|b| b.is_ascii_graphic()))
                .then(|| s.to_owned())
                .ok_or_else(|| invalid("metrics_token", "(hidden: it is a secret)"))
        })?;
        Ok(Self {
            database_url,
            bind: read.parsed("bind")?,
            base_url,
            lessons_dir: read.value("lessons_dir").into(),
            smtp_url,
            mail_dir: read.value("mail_dir").into(),
            mail_from: read.parsed("mail_from")?,
            poll_interval: read.duration(
                "poll_interval",
                Duration::from_secs(60),
                Duration::MAX,
            )?,
            allow_private_feeds: read.boolean("allow_private_feeds")?,
            websub: read.boolean("websub")?,
            trust_proxy: read.boolean("trust_proxy")?,
            database_max_connections: read.optional("database_max_connections", |s| {
                number_in(s, 1..=1000).ok_or_else(|| invalid("database_max_connections", s))
            })?,
            database_acquire_timeout: read.duration(
                "database_acquire_timeout",
                Duration::from_millis(100),
                Duration::from_secs(300),
            )?,
            worker_lease: read.duration(
                "worker_lease",
                Duration::from_secs(1),
                Duration::from_secs(3600),
            )?,
            fetch_concurrency: number_in(&read.value("fetch_concurrency"), 1..=1024)
                .ok_or_else(|| invalid("fetch_concurrency", &read.value("fetch_concurrency")))?,
            background_workers: true,
            metrics_token,
            organisation: read.name("organisation")?,
            badge_issuer_name: read.name("badge_issuer_name")?,
            badge_issuer_email: read.optional("badge_issuer_email", |s| {
                s.parse::<lettre::Address>()
                    .map_err(|_| invalid("badge_issuer_email", s))
            })?,
        })
    }
}

/// The environment over the file over the defaults, read one key at a time.
struct Sources<'a> {
    file: &'a BTreeMap<String, String>,
    env: &'a BTreeMap<String, String>,
}

impl Sources<'_> {
    fn raw(&self, key: &str) -> Option<String> {
        self.env
            .get(&env_name(key))
            .or_else(|| self.file.get(key))
            .cloned()
            .or_else(|| {
                KEYS.iter()
                    .find(|(k, ..)| *k == key)
                    .and_then(|(_, default, _)| default.map(str::to_owned))
            })
    }

    fn value(&self, key: &str) -> String {
        self.raw(key).unwrap_or_default()
    }

    fn parsed<T: std::str::FromStr>(&self, key: &str) -> anyhow::Result<T> {
        let value = self.value(key);
        value.trim().parse().map_err(|_| invalid(key, &value))
    }

    /// An optional setting: none when missing or blank, else `read` of the trimmed value.
    fn optional<T>(
        &self,
        key: &str,
        read: impl FnOnce(&str) -> anyhow::Result<T>,
    ) -> anyhow::Result<Option<T>> {
        match self.raw(key).filter(|s| !s.trim().is_empty()) {
            None => Ok(None),
            Some(s) => read(s.trim()).map(Some),
        }
    }

    fn boolean(&self, key: &str) -> anyhow::Result<bool> {
        match self.value(key).trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(true),
            "false" | "0" | "no" | "off" => Ok(false),
            other => Err(invalid(key, other)),
        }
    }

    fn duration(&self, key: &str, min: Duration, max: Duration) -> anyhow::Result<Duration> {
        humantime::parse_duration(self.value(key).trim())
            .ok()
            .filter(|d| (min..=max).contains(d))
            .ok_or_else(|| invalid(key, &self.value(key)))
    }

    /// A name shown to people: up to 200 characters, no control characters.
    fn name(&self, key: &str) -> anyhow::Result<Option<String>> {
        self.optional(key, |s| {
            (s.chars().count() <= 200 && !s.chars().any(char::is_control))
                .then(|| s.to_owned())
                .ok_or_else(|| invalid(key, s))
        })
    }
}

fn number_in<T: std::str::FromStr + PartialOrd>(
    text: &str,
    range: std::ops::RangeInclusive<T>,
) -> Option<T> {
    text.trim().parse().ok().filter(|n| range.contains(n))
}

/// The error for a setting that is not what it should be, naming its variable.
fn invalid(key: &str, got: &str) -> anyhow::Error {
    let expected = KEYS
        .iter()
        .find(|(k, ..)| *k == key)
        .map_or("", |(.., e)| *e);
    anyhow::anyhow!(
        "invalid {} ({key} in twentythree.toml): expected {expected}, got {got:?}",
        env_name(key)
    )
}

fn env_name(key: &str) -> String {
    format!("TWENTYTHREE_{}", key.to_ascii_uppercase())
}

fn read_file(path: &Path) -> anyhow::Result<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .with_context(|| format!("{} is not valid TOML", path.display()))?;
    let mut values = BTreeMap::new();
    for (key, value) in table {
        if !KEYS.iter().any(|(k, ..)| *k == key) {
            let known: Vec<&str> = KEYS.iter().map(|(k, ..)| *k).collect();
            bail!(
                "{}: unknown key {key:?} (known keys: {})",
                path.display(),
                known.join(", ")
            );
        }
        let text = match value {
            toml::Value::String(s) => s,
            other => other.to_string(),
        };
        values.insert(key, text);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_are_the_embedded_set_up() {
        let config = Config::from_sources(&BTreeMap::new(), &BTreeMap::new()).unwrap();
        assert_eq!(config.database_url, "sqlite://twentythree.db?mode=rwc");
        assert_eq!(config.bind.to_string(), "127.0.0.1:2323");
        assert_eq!(config.base_url.as_str(), "http://127.0.0.1:2323/");
        assert_eq!(config.poll_interval, Duration::from_secs(1800));
        assert!(config.smtp_url.is_none());
        assert!(!config.allow_private_feeds);
        assert_eq!(config.database_max_connections, None);
        assert_eq!(config.database_acquire_timeout, Duration::from_secs(5));
        assert_eq!(config.worker_lease, Duration::from_secs(120));
        assert!(config.badge_issuer_email.is_none() && config.badge_issuer_name.is_none());
        assert_eq!(config.fetch_concurrency, 64);
    }

    #[test]
    fn badge_settings_are_checked() {
        let config = Config::from_sources(
            &env(&[("badge_issuer_name", " Springfield Library ")]),
            &env(&[("TWENTYTHREE_BADGE_ISSUER_EMAIL", "badges@example.org")]),
        )
        .unwrap();
        assert_eq!(
            config.badge_issuer_name.as_deref(),
            Some("Springfield Library")
        );
        assert_eq!(
            config.badge_issuer_email.map(|a| a.to_string()).as_deref(),
            Some("badges@example.org")
        );
        let error = Config::from_sources(
            &BTreeMap::new(),
            &env(&[("TWENTYTHREE_BADGE_ISSUER_EMAIL", "not an address")]),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("TWENTYTHREE_BADGE_ISSUER_EMAIL"),
            "{error}"
        );
    }

    #[test]
    fn pool_settings_are_checked() {
        let config = Config::from_sources(
            &env(&[("database_max_connections", "40")]),
            &env(&[("TWENTYTHREE_DATABASE_ACQUIRE_TIMEOUT", "2s")]),
        )
        .unwrap();
        assert_eq!(config.database_max_connections, Some(40));
        assert_eq!(config.database_acquire_timeout, Duration::from_secs(2));
        for (key, bad) in [
            ("TWENTYTHREE_DATABASE_MAX_CONNECTIONS", "0"),
            ("TWENTYTHREE_DATABASE_MAX_CONNECTIONS", "many"),
            ("TWENTYTHREE_DATABASE_ACQUIRE_TIMEOUT", "forever"),
            ("TWENTYTHREE_WORKER_LEASE", "0s"),
            ("TWENTYTHREE_FETCH_CONCURRENCY", "0"),
            ("TWENTYTHREE_FETCH_CONCURRENCY", "lots"),
        ] {
            let error = Config::from_sources(&BTreeMap::new(), &env(&[(key, bad)])).unwrap_err();
            assert!(error.to_string().contains(key), "{error}");
        }
    }

    #[test]
    fn websub_is_off_unless_said_on() {
        let off = Config::from_sources(&BTreeMap::new(), &BTreeMap::new()).unwrap();
        assert!(!off.websub);
        let on = Config::from_sources(&BTreeMap::new(), &env(&[("TWENTYTHREE_WEBSUB", "on")]));
        assert!(on.unwrap().websub);
        let file = Config::from_sources(&env(&[("websub", "true")]), &BTreeMap::new());
        assert!(file.unwrap().websub);
        let bad = Config::from_sources(&BTreeMap::new(), &env(&[("TWENTYTHREE_WEBSUB", "maybe")]));
        assert!(bad.unwrap_err().to_string().contains("TWENTYTHREE_WEBSUB"));
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = env(&[("bind", "0.0.0.0:80"), ("poll_interval", "2h")]);
        let config =
            Config::from_sources(&file, &env(&[("TWENTYTHREE_BIND", "127.0.0.1:9000")])).unwrap();
        assert_eq!(config.bind.port(), 9000);
        assert_eq!(config.poll_interval, Duration::from_secs(7200));
    }

    #[test]
    fn a_bad_value_names_its_key() {
        let error = Config::from_sources(
            &BTreeMap::new(),
            &env(&[("TWENTYTHREE_POLL_INTERVAL", "often")]),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("TWENTYTHREE_POLL_INTERVAL"),
            "{error}"
        );
        let error = Config::from_sources(
            &BTreeMap::new(),
            &env(&[("TWENTYTHREE_BASE_URL", "ftp://x")]),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("TWENTYTHREE_BASE_URL"),
            "{error}"
        );
        let error = Config::from_sources(
            &BTreeMap::new(),
            &env(&[("TWENTYTHREE_SMTP_URL", "smtp://user:secret@")]),
        )
        .unwrap_err();
        assert!(!error.to_string().contains("secret"), "{error}");
    }
}
