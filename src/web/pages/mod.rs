//! HTML pages, one file a page.

pub mod cohort;
pub mod finishers;
pub mod highlights;
pub mod home;
pub mod join;
pub mod language;
pub mod lessons;
pub mod limits;
pub mod login;
pub mod me;
pub mod mentor;
pub mod person;
pub mod river;
pub mod unsubscribe;
