//! Bytes -> encoding -> repair -> parse -> sanitise -> recognise, as the poller runs it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use twentythree::lessons::Program;

fn program() -> &'static Program {
    static PROGRAM: OnceLock<Program> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        twentythree::lessons::load_dir(&dir).unwrap_or_else(|e| panic!("lessons: {e}"))
    })
}

fuzz_target!(|data: &[u8]| twentythree::fuzz::ingest(data, program()));
