//! Bytes -> encoding -> repair -> parse -> sanitise -> recognise, as the poller runs it.
#![no_main]

use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use twentythree::lessons::Program;

fn program() -> &'static Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        twentythree::lessons::load_dir(&dir).unwrap_or_else(|e| panic!("lessons: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let feed_url = url::Url::parse("https://blog.example.org/feed/").unwrap();
    let base_url = url::Url::parse("https://23.example.org/").unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    // The first byte picks the Content-Type the blog claims, as blogs claim anything.
    let (content_type, body) = match data.split_first() {
        Some((b, rest)) => (
            match b % 5 {
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
    let _ = twentythree::progress::recognise::ingest(
        body,
        content_type,
        &feed_url,
        program(),
        &base_url,
        now,
    );
});
