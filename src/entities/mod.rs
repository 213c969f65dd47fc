//! sea-orm entities, one file a table (see `migrations/` for the schema itself).

pub mod api_token;
pub mod badge_assertion;
pub mod badge_issuer;
pub mod cohort;
pub mod completion;
pub mod completion_override;
pub mod feed;
pub mod highlight;
pub mod join_request;
pub mod lesson;
pub mod link_report;
pub mod login_token;
pub mod mentorship;
pub mod outbox;
pub mod participant;
pub mod partner_request;
pub mod partnership;
pub mod person;
pub mod post;
pub mod post_thing;
pub mod program;
pub mod rate_limit;
pub mod recognition;
pub mod server_secret;
pub mod session;
pub mod sign_in_request;
