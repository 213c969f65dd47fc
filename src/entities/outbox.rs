use sea_orm::entity::prelude::*;

/// Every email, rendered, with a unique dedupe key so that it leaves at most once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub kind: Kind,
    /// JSON array of addresses.
    pub recipients: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub status: Status,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

stored_name! {
    /// The kinds of email, as the `X-Twentythree-Kind` header names them.
    #[serde(rename_all = "kebab-case")]
    pub enum Kind {
        #[strum(serialize = "celebration")]
        Celebration,
        #[strum(serialize = "milestone")]
        Milestone,
        #[strum(serialize = "release")]
        Release,
        #[strum(serialize = "feed-problem")]
        FeedProblem,
        #[strum(serialize = "reminder")]
        Reminder,
        #[strum(serialize = "login")]
        Login,
        #[strum(serialize = "confirm")]
        Confirm,
        /// A post of the reader's was highlighted as an example for its lesson.
        #[strum(serialize = "highlight")]
        Highlight,
        /// A mentor's weekly note on their mentees.
        #[strum(serialize = "mentor-note")]
        MentorNote,
    }
}

stored_name! {
    /// Where an outbox row stands.
    #[serde(rename_all = "lowercase")]
    pub enum Status {
        #[strum(serialize = "pending")]
        Pending,
        /// Handed to the mail server; the outcome is being recorded.
        #[strum(serialize = "sending")]
        Sending,
        #[strum(serialize = "sent")]
        Sent,
        #[strum(serialize = "failed")]
        Failed,
    }
}
