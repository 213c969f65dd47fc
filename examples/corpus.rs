//! The engine against the wider world: every feed sample shipped inside well-kept crates'
//! sources (feed-rs, rss, atom_syndication, syndication, ... wherever cargo unpacked them)
//! and every fixture of this repository goes through the parse path the poller uses. Each
//! document's posts are compared with an independent count of its `<item>`/`<entry>`
//! elements (quick-xml) or JSON Feed `items`; a document that gives fewer posts must say
//! so in its feed health. Prints the files that differ, and a summary per source.
//!
//! `cargo run --example corpus [-- [--list] EXTRA_DIR...]` (`--list`: one tab-separated
//! line per document, path, items shown and posts, to compare with other readers). Crates are looked for in
//! `$CARGO_HOME/registry/src/*/` (`~/.cargo` by default); `cargo fetch` in any project that
//! depends on `rss`, `atom_syndication` or `syndication` brings their sources there.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use quick_xml::Reader;
use quick_xml::events::Event;
use twentythree::feeds::parse::{self, ParsedFeed};
use url::Url;

/// Crates whose sources ship feed samples.
const CRATES: &[&str] = &[
    "feed-rs-",
    "rss-",
    "atom_syndication-",
    "syndication-",
    "jsonfeed-",
];

/// How one document came out.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Outcome {
    /// As many posts as the document shows.
    Same,
    /// Fewer, and the feed's health says how many could not be read.
    FewerSaid,
    /// Fewer because items repeat another exactly (one post each), or past the caps.
    FewerRepeats,
    /// The engine refuses the document, and says why (the feed is failing).
    Refused,
    /// More posts than items, or fewer with nothing said: a silent loss.
    Silent,
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<(String, Vec<PathBuf>)> = Vec::new();
    for dir in crate_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        sources.push((name, files_under(&dir)));
    }
    let list = std::env::args().any(|a| a == "--list");
    for extra in std::env::args().skip(1).filter(|a| a != "--list") {
        sources.push((extra.clone(), files_under(Path::new(&extra))));
    }
    sources.push((
        "twentythree fixtures".into(),
        files_under(&manifest.join("tests/fixtures")),
    ));
    let mut totals: BTreeMap<Outcome, usize> = BTreeMap::new();
    let mut documents = 0;
    println!(
        "{:<34} {:>5} {:>5} {:>7} {:>7} {:>7} {:>6}",
        "source", "docs", "same", "said", "repeat", "refused", "silent"
    );
    for (name, files) in &sources {
        let mut counts: BTreeMap<Outcome, usize> = BTreeMap::new();
        for file in files {
            let Some((outcome, line)) = check(file) else {
                continue;
            };
            *counts.entry(outcome).or_default() += 1;
            if list {
                println!("{line}");
            } else if outcome != Outcome::Same {
                println!("    {outcome:?}: {line}");
            }
        }
        let docs: usize = counts.values().sum();
        if docs == 0 {
            continue;
        }
        documents += docs;
        let n = |o| counts.get(&o).copied().unwrap_or(0);
        println!(
            "{name:<34} {docs:>5} {:>5} {:>7} {:>7} {:>7} {:>6}",
            n(Outcome::Same),
            n(Outcome::FewerSaid),
            n(Outcome::FewerRepeats),
            n(Outcome::Refused),
            n(Outcome::Silent)
        );
        for (outcome, count) in counts {
            *totals.entry(outcome).or_default() += count;
        }
    }
    let n = |o| totals.get(&o).copied().unwrap_or(0);
    println!(
        "{documents} documents: {} give as many posts as they show, {} fewer and say so, {} fewer by exact repeats, {} refused with a reason, {} silent",
        n(Outcome::Same),
        n(Outcome::FewerSaid),
        n(Outcome::FewerRepeats),
        n(Outcome::Refused),
        n(Outcome::Silent)
    );
}

/// The unpacked sources of the crates that ship feed samples.
fn crate_dirs() -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let mut dirs = Vec::new();
    for registry in std::fs::read_dir(home.join("registry/src"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for krate in std::fs::read_dir(registry.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = krate.file_name().to_string_lossy().into_owned();
            if CRATES.iter().any(|c| name.starts_with(c)) {
                dirs.push(krate.path());
            }
        }
    }
    dirs.sort();
    dirs
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(ext, "xml" | "rss" | "atom" | "rdf" | "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The outcome for one file, and a line saying what differed; none for a file that is no
/// feed (a feed-rs expected-output dump, a Cargo manifest, an OPML list...).
fn check(path: &Path) -> Option<(Outcome, String)> {
    let raw = std::fs::read(path).ok()?;
    let bytes = String::from_utf8_lossy(&raw)
        .replace("{{host}}", "127.0.0.1:8080")
        .replace("{{base}}", "http://127.0.0.1:2323");
    let bytes = if bytes.contains('\u{fffd}') {
        raw
    } else {
        bytes.into_bytes()
    };
    let shown = independent_count(&bytes)?;
    let url = Url::parse("http://127.0.0.1:8080/feed").ok()?;
    let name = path.display();
    let feed = match parse::parse(&bytes, None, &url, Utc::now()) {
        Ok(feed) => feed,
        Err(error) => return Some((Outcome::Refused, format!("{name}: {shown} shown, {error}"))),
    };
    let outcome = judge(shown, &feed);
    let line = format!(
        "{name}: {shown} shown, {} posts, health counts {} of {} unread",
        feed.posts.len(),
        feed.items.unread,
        feed.items.seen
    );
    Some((outcome, line))
}

fn judge(shown: usize, feed: &ParsedFeed) -> Outcome {
    let posts = feed.posts.len();
    match posts.cmp(&shown) {
        std::cmp::Ordering::Equal => Outcome::Same,
        std::cmp::Ordering::Greater => Outcome::Silent,
        std::cmp::Ordering::Less if feed.items.unread > 0 => Outcome::FewerSaid,
        std::cmp::Ordering::Less if posts == parse::MAX_POSTS => Outcome::FewerRepeats,
        std::cmp::Ordering::Less => {
            // Fewer with nothing said is fine only for exact repeats of another item.
            let repeats = repeated_items(feed, shown);
            if repeats {
                Outcome::FewerRepeats
            } else {
                Outcome::Silent
            }
        }
    }
}

/// Whether the engine's own count of the items (which skips nothing) covers the gap: the
/// missing ones were merged into a post identical in every field.
fn repeated_items(feed: &ParsedFeed, shown: usize) -> bool {
    feed.items.seen == shown && feed.items.unread == 0
}

/// Outermost `<item>`/`<entry>` elements of an RSS or Atom document, or the `items` of a
/// JSON Feed; none for anything else.
fn independent_count(bytes: &[u8]) -> Option<usize> {
    let text = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding.decode(bytes).0.into_owned(),
        None => String::from_utf8_lossy(bytes).into_owned(),
    };
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(trimmed).ok()?;
        let version = value.get("version")?.as_str()?;
        return value
            .get("items")?
            .as_array()
            .filter(|_| !version.is_empty())
            .map(Vec::len);
    }
    let mut reader = Reader::from_str(trimmed);
    let (mut depth, mut inside, mut count) = (0usize, None, 0usize);
    let mut root = None;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if root.is_none() => {
                let name = e.local_name().as_ref().to_owned();
                if !matches!(name.as_str(), "rss" | "RDF" | "feed" | "entry") {
                    return None;
                }
                count += usize::from(name == "entry");
                root = Some(name);
                depth = 1;
            }
            Event::Start(e) => {
                depth += 1;
                let name = e.local_name();
                if inside.is_none() && matches!(name.as_ref(), "item" | "entry") {
                    count += 1;
                    inside = Some(depth);
                }
            }
            Event::Empty(e)
                if inside.is_none() && matches!(e.local_name().as_ref(), "item" | "entry") =>
            {
                count += 1;
            }
            Event::End(_) => {
                if inside == Some(depth) {
                    inside = None;
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Some(count),
            _ => {}
        }
    }
}
