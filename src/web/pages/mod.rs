//! HTML pages, one file a page.

pub mod cohort;
pub mod home;
pub mod lessons;
