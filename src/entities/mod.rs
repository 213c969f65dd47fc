//! sea-orm entities, one file a table (see `migrations/` for the schema itself).

/// An enum kept in a text column as its name (portable across SQLite and PostgreSQL; the
/// names are the stored strings, so no data migration when a column becomes typed):
/// parsed and written by strum, read and written by sea-orm through those names.
macro_rules! stored_name {
    ($(#[$meta:meta])* pub enum $name:ident { $($variants:tt)* }) => {
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            sea_orm::DeriveValueType,
            strum::EnumString,
            strum::Display,
            strum::AsRefStr,
            serde::Serialize,
        )]
        #[sea_orm(value_type = "String")]
        $(#[$meta])*
        pub enum $name { $($variants)* }
    };
}

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
pub mod websub_subscription;
