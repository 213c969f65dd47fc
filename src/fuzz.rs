//! The fuzz targets' entry points (see `fuzz/`), here so that the regression test in
//! `tests/api/fuzz_regressions.rs` runs saved inputs through exactly the same code.

use chrono::{DateTime, TimeZone, Utc};
use url::Url;

use crate::feeds::parse;
use crate::lessons::Program;
use crate::progress::recognise;

fn url(text: &str) -> Url {
    Url::parse(text).unwrap_or_else(|_| unreachable!("a constant URL"))
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0)
        .single()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Bytes -> encoding -> repair -> parse -> sanitise -> recognise, as the poller runs it
/// without a database. The first byte picks
/// the Content-Type the blog claims, as blogs claim anything.
pub fn ingest(data: &[u8], program: &Program) {
    let (content_type, body) = match data.split_first() {
        Some((byte, rest)) => (
            match byte % 5 {
                0 => None,
                1 => Some("application/rss+xml; charset=iso-8859-1"),
                2 => Some("text/html"),
                3 => Some("application/feed+json"),
                _ => Some("text/xml; charset=utf-16"),
            },
            rest,
        ),
        None => (None, data),
    };
    let Ok(feed) = parse::parse(
        body,
        content_type,
        &url("https://blog.example.org/feed/"),
        now(),
    ) else {
        return;
    };
    let base_url = url("https://23.example.org/");
    for post in &feed.posts {
        recognise::recognise(
            &recognise::PostFacts::of_parsed(post, now()),
            program,
            &base_url,
            DateTime::<Utc>::MIN_UTC,
        );
    }
}

/// Discovery's reading of a blog's home page: links, meta tags, base, platform, sniffing.
pub fn discover_page(data: &[u8]) {
    let page = url("https://blog.example.org/2026/index.html");
    let _ = crate::feeds::discover::read_home_page(data, &page);
    let _ = crate::feeds::discover::platform_of_feed(data);
    let _ = parse::looks_like_feed(data, Some("text/html"));
}
