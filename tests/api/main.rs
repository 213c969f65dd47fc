//! The integration suite: one binary that starts the real server on a free loopback port
//! with a fresh database, and runs the real command-line binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod cohorts;
mod helpers;
mod lessons;
