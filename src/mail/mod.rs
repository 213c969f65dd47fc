//! Email: every message goes through the outbox table with a unique dedupe key, rendered
//! from templates when it is enqueued; a sender worker delivers due rows over SMTP or as
//! `.eml` files. Nothing else in Twentythree talks SMTP.

pub mod notices;
pub mod render;
pub mod sender;
pub mod sign_in;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::entities::outbox;
pub use crate::entities::outbox::{Kind, Status};

impl Kind {
    /// Routine messages that carry `List-Unsubscribe`.
    pub fn is_bulk(self) -> bool {
        matches!(
            self,
            Self::Milestone | Self::Release | Self::Reminder | Self::Highlight | Self::MentorNote
        )
    }

    /// Whether a message interrupted mid-send is sent again (at least once) or given up
    /// (at most once). Sign-in, confirmation and celebration mails must not be lost and carry
    /// a stable Message-ID, so a rare duplicate is recognisable; routine mails must never
    /// arrive twice.
    pub fn resend_if_interrupted(self) -> bool {
        matches!(self, Self::Celebration | Self::Login | Self::Confirm)
    }
}

/// A rendered email, ready for the outbox.
#[derive(Clone, Debug)]
pub struct Email {
    pub dedupe_key: String,
    pub kind: Kind,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// For bulk kinds: the person's unsubscribe token.
    pub unsubscribe: Option<String>,
}

/// Queues `email` unless one with the same dedupe key exists; returns whether it was new.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    email: Email,
    now: DateTime<Utc>,
) -> Result<bool, sea_orm::DbErr> {
    let row = outbox::ActiveModel {
        dedupe_key: Set(email.dedupe_key),
        kind: Set(email.kind),
        recipients: Set(
            serde_json::json!({ "to": [email.to], "unsubscribe": email.unsubscribe }).to_string(),
        ),
        subject: Set(email.subject),
        text_body: Set(email.text),
        html_body: Set(email.html),
        status: Set(Status::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    };
    let inserted = outbox::Entity::insert(row)
        .on_conflict(
            OnConflict::column(outbox::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// Whether an email with this dedupe key was queued already (to spare composing it again).
pub async fn queued(db: &impl ConnectionTrait, dedupe_key: &str) -> Result<bool, sea_orm::DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    Ok(outbox::Entity::find()
        .filter(outbox::Column::DedupeKey.eq(dedupe_key))
        .one(db)
        .await?
        .is_some())
}

/// An outbox row as the mail log shows it, with its first recipient.
#[derive(Clone, Debug)]
pub struct Logged {
    pub row: outbox::Model,
    pub to: String,
}

/// The newest `limit` emails, newest first; with `to`, only those sent to one of these
/// addresses (looked for among the newest 2,000).
pub async fn log(
    db: &impl ConnectionTrait,
    to: Option<&std::collections::HashSet<String>>,
    limit: usize,
) -> Result<Vec<Logged>, sea_orm::DbErr> {
    use sea_orm::{QueryOrder, QuerySelect};
    let scan = if to.is_some() { 2000 } else { limit };
    let rows = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .limit(u64::try_from(scan).unwrap_or(u64::MAX))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let recipients: serde_json::Value =
                serde_json::from_str(&row.recipients).unwrap_or_default();
            let first = recipients["to"][0].as_str().unwrap_or_default().to_owned();
            Logged { row, to: first }
        })
        .filter(|logged| to.is_none_or(|wanted| wanted.contains(&logged.to)))
        .take(limit)
        .collect())
}
