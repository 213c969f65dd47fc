//! The integration suite: one binary that starts the real server on a free loopback port
//! with a fresh database, serves real blogs from a loopback blog host, receives mail on a
//! loopback SMTP server, and runs the real command-line binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access;
mod badges;
mod blog_host;
mod browser;
mod chrome;
mod cli;
mod cockpit;
mod cohorts;
mod coordinator;
mod crashes;
mod feeds;
mod fuzz_regressions;
mod hardening;
mod helpers;
mod hostile;
mod hostile_host;
mod i18n;
mod i18n_coordinator;
mod i18n_domain;
mod i18n_emails;
mod in_browser;
mod joining;
mod kept;
mod lessons;
mod pages;
mod programs;
mod progress;
mod scale;
mod signin;
mod slow_clients;
mod smtp;
mod together;
mod trust;
mod websub;
mod xss;
