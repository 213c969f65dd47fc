use sea_orm::entity::prelude::*;

/// A blog's feed and the poller's state for it (validators, schedule, errors, lease).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feeds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub url: String,
    pub site_url: Option<String>,
    pub title: Option<String>,
    pub platform: Option<String>,
    pub status: Status,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub body_hash: Option<String>,
    pub last_fetched_at: Option<DateTimeUtc>,
    pub next_fetch_at: Option<DateTimeUtc>,
    pub consecutive_errors: i32,
    pub last_error: Option<String>,
    pub failing_since: Option<DateTimeUtc>,
    /// Set when the blog asked (429/503 Retry-After) not to be read before this time.
    pub retry_after_until: Option<DateTimeUtc>,
    pub disabled_reason: Option<String>,
    pub lease_owner: Option<String>,
    pub lease_until: Option<DateTimeUtc>,
    /// JSON array of the addresses this feed had before permanent redirects.
    pub previous_urls: String,
    pub created_at: DateTimeUtc,
    /// Posts the last document read visibly held (`<item>`, `<entry>`, JSON `items`).
    pub items_seen: Option<i32>,
    /// Of those, how many could not be read, and why in plain words.
    pub items_unread: Option<i32>,
    pub unread_reason: Option<String>,
    /// The WebSub hub the feed advertised at its last read (`<link rel="hub">`).
    pub websub_hub: Option<String>,
    /// The topic the feed names itself by (`rel="self"`), else its address.
    pub websub_topic: Option<String>,
    /// `last_error` as a catalogue message (JSON, see `i18n::Text`), said in each
    /// reader's language; `last_error` keeps the English for the API and operators.
    pub last_error_message: Option<String>,
    /// `unread_reason` as a catalogue message, likewise.
    pub unread_reason_message: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::post::Entity")]
    Post,
    #[sea_orm(has_many = "super::participant::Entity")]
    Participant,
}

impl Related<super::post::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Post.def()
    }
}

impl Related<super::participant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Participant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

stored_name! {
    /// The contracted statuses of a feed.
    #[serde(rename_all = "lowercase")]
    pub enum Status {
        /// Read successfully the last time.
        #[strum(serialize = "ok")]
        Ok,
        /// The last read failed; the poller keeps trying with back-off.
        #[strum(serialize = "failing")]
        Failing,
        /// The blog said the feed is gone for good (410): polling has stopped.
        #[strum(serialize = "gone")]
        Gone,
        /// The address is not one Twentythree may read (a private network, say): polling has stopped.
        #[strum(serialize = "blocked")]
        Blocked,
        /// Not read yet (or not found yet): the poller keeps trying.
        #[strum(serialize = "pending")]
        Pending,
    }
}
