//! HTML pages, one file a page.

pub mod cohort;
pub mod finishers;
pub mod home;
pub mod lessons;
pub mod login;
pub mod person;
pub mod river;
pub mod unsubscribe;
