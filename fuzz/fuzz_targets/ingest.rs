//! Bytes -> encoding -> repair -> parse -> sanitise -> recognise, as the poller runs it.
//!
//! One panic is known and left inside feed-rs 3.0.0 (`parser/util`: an author's name
//! sliced mid-character), which the server's panic guard turns into an error on that
//! feed (`tests/fuzz-regressions/contained/`). So that it does not end every run, a panic
//! raised in feed-rs's own source is let through to a `catch_unwind` here; any other panic
//! aborts as a find, as libFuzzer's hook would.
#![no_main]

use std::sync::{Once, OnceLock};

use libfuzzer_sys::fuzz_target;
use twentythree::lessons::Program;

fn program() -> &'static Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        twentythree::lessons::load_dir(&dir).unwrap_or_else(|e| panic!("lessons: {e}"))
    })
}

fn abort_unless_in_feed_rs() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_feed_rs = info
                .location()
                .is_some_and(|l| l.file().contains("/feed-rs-"));
            if !in_feed_rs {
                default(info);
                std::process::abort();
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    abort_unless_in_feed_rs();
    let _ = std::panic::catch_unwind(|| twentythree::fuzz::ingest(data, program()));
});
