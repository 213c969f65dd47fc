//! The sender worker: claims due outbox rows with a lease, marks each `sending` just
//! before handing it to the mail server, and records the outcome. Transient failures retry
//! with back-off (30 s doubling, at most 5 minutes apart); permanent rejections fail the row
//! with the server's reply.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use url::Url;

use crate::links::Links;

use super::Status;
use crate::entities::outbox;

/// How long a claimed email stays with its claimant unless the configuration says otherwise.
const LEASE: Duration = Duration::from_secs(120);
const FIRST_RETRY: Duration = Duration::from_secs(30);
const MAX_RETRY: Duration = Duration::from_secs(300);
const BATCH: u64 = 50;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

/// The sender; cheap to clone.
#[derive(Clone)]
pub struct Sender {
    pub db: DatabaseConnection,
    pub transport: Transport,
    pub from: Mailbox,
    pub base_url: Url,
    pub owner: String,
    pub lease: Duration,
}

/// What one tick did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
}

enum Delivery {
    Delivered,
    Transient(String),
    Permanent(String),
}

impl Transport {
    /// SMTP when a URL is configured, `.eml` files in `mail_dir` otherwise.
    pub fn from_config(smtp_url: Option<&Url>, mail_dir: &std::path::Path) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.as_str())
                    .map_err(|e| anyhow::anyhow!("TWENTYTHREE_SMTP_URL cannot be used: {e}"))?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Self::Smtp(transport))
            }
            None => Ok(Self::Files(mail_dir.to_owned())),
        }
    }
}

impl Sender {
    pub fn new(db: DatabaseConnection, transport: Transport, from: Mailbox, base_url: Url) -> Self {
        Self {
            db,
            transport,
            from,
            base_url,
            owner: crate::db::lease_owner(),
            lease: LEASE,
        }
    }

    /// The same sender with leases of `lease` (the configured `worker_lease`).
    pub fn with_lease(self, lease: Duration) -> Self {
        Self { lease, ..self }
    }

    /// Answers the waiting sign-in requests, then sends every due message once; safe to run
    /// in any number of processes at once.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Sent, sea_orm::DbErr> {
        super::sign_in::answer_requests(&self.db, &Links::new(&self.base_url), now).await?;
        self.settle_interrupted(now).await?;
        let due = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(Status::Pending))
            .filter(outbox::Column::NextAttemptAt.lte(now))
            .filter(lease_free(now))
            .order_by_asc(outbox::Column::NextAttemptAt)
            .order_by_asc(outbox::Column::Id)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        let mut sent = Sent::default();
        for row in due {
            if !self.claim(row.id, now).await? {
                continue;
            }
            match self.deliver(&row, now).await? {
                Status::Sent => sent.sent += 1,
                Status::Failed => sent.failed += 1,
                _ => sent.retrying += 1,
            }
        }
        Ok(sent)
    }

    /// Rows left `sending` by a process that died mid-send: sent again for the kinds that
    /// must not be lost, given up for the kinds that must never arrive twice.
    async fn settle_interrupted(&self, now: DateTime<Utc>) -> Result<(), sea_orm::DbErr> {
        let stale = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(Status::Sending))
            .filter(outbox::Column::LeaseUntil.lt(now))
            .all(&self.db)
            .await?;
        for row in stale {
            let resend = row.kind.resend_if_interrupted();
            let (status, error) = if resend {
                (Status::Pending, "interrupted while sending; sending again")
            } else {
                (
                    Status::Failed,
                    "interrupted while sending; not sent again so that it cannot arrive twice",
                )
            };
            outbox::Entity::update_many()
                .col_expr(outbox::Column::Status, Expr::value(status))
                .col_expr(outbox::Column::LastError, Expr::value(error))
                .col_expr(
                    outbox::Column::LeaseOwner,
                    Expr::value(Option::<String>::None),
                )
                .col_expr(
                    outbox::Column::LeaseUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .filter(outbox::Column::Id.eq(row.id))
                .filter(outbox::Column::Status.eq(Status::Sending))
                .exec(&self.db)
                .await?;
        }
        Ok(())
    }

    async fn claim(&self, id: i32, now: DateTime<Utc>) -> Result<bool, sea_orm::DbErr> {
        let until = now + chrono::Duration::from_std(self.lease).unwrap_or_default();
        let result = outbox::Entity::update_many()
            .col_expr(outbox::Column::LeaseOwner, Expr::value(self.owner.clone()))
            .col_expr(outbox::Column::LeaseUntil, Expr::value(until))
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::Status.eq(Status::Pending))
            .filter(outbox::Column::NextAttemptAt.lte(now))
            .filter(lease_free(now))
            .exec(&self.db)
            .await?;
        Ok(result.rows_affected == 1)
    }

    async fn deliver(
        &self,
        row: &outbox::Model,
        now: DateTime<Utc>,
    ) -> Result<Status, sea_orm::DbErr> {
        let message = match self.message(row) {
            Ok(message) => message,
            Err(reason) => return self.finish(row, Status::Failed, Some(reason), now).await,
        };
        // The point of no return: from here a crash leaves the row `sending`.
        outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(Status::Sending))
            .col_expr(
                outbox::Column::Attempts,
                Expr::col(outbox::Column::Attempts).add(1),
            )
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::LeaseOwner.eq(self.owner.clone()))
            .exec(&self.db)
            .await?;
        match self.send(message).await {
            Delivery::Delivered => self.finish(row, Status::Sent, None, now).await,
            Delivery::Permanent(reason) => {
                self.finish(row, Status::Failed, Some(reason), now).await
            }
            Delivery::Transient(reason) => {
                self.finish(row, Status::Pending, Some(reason), now).await
            }
        }
    }

    async fn finish(
        &self,
        row: &outbox::Model,
        status: Status,
        error: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<Status, sea_orm::DbErr> {
        let mut active: outbox::ActiveModel = row.clone().into();
        let attempts = row.attempts + 1;
        active.status = Set(status);
        active.attempts = Set(attempts);
        active.last_error = Set(error.clone());
        active.lease_owner = Set(None);
        active.lease_until = Set(None);
        match status {
            Status::Sent => active.sent_at = Set(Some(now)),
            Status::Pending => {
                active.next_attempt_at =
                    Set(now + chrono::Duration::from_std(retry_delay(attempts)).unwrap_or_default())
            }
            _ => {}
        }
        active.update(&self.db).await?;
        match (&status, &error) {
            (Status::Sent, _) => tracing::info!(id = row.id, kind = %row.kind, "email sent"),
            (Status::Failed, Some(e)) => {
                tracing::warn!(id = row.id, kind = %row.kind, error = %e, "email failed for good")
            }
            (_, Some(e)) => {
                tracing::info!(id = row.id, kind = %row.kind, error = %e, attempts, "email will be retried")
            }
            _ => {}
        }
        Ok(status)
    }

    /// Builds the message: both parts, the kind header, a Message-ID derived from the
    /// outbox row (so a resend is recognisably the same mail) and, for bulk kinds,
    /// one-click unsubscribe.
    fn message(&self, row: &outbox::Model) -> Result<Message, String> {
        let recipients: serde_json::Value =
            serde_json::from_str(&row.recipients).map_err(|e| e.to_string())?;
        let to = recipients["to"][0].as_str().ok_or("no recipient")?;
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("bad recipient {to:?}: {e}"))?;
        let host = self.base_url.host_str().unwrap_or("localhost");
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .message_id(Some(format!(
                "<outbox-{}.{}@{host}>",
                row.id,
                row.created_at.timestamp()
            )))
            .raw_header(raw_header("X-Twentythree-Kind", row.kind.to_string()));
        let bulk = row.kind.is_bulk();
        if let (true, Some(token)) = (bulk, recipients["unsubscribe"].as_str()) {
            let url = Links::new(&self.base_url).unsubscribe(token);
            builder = builder
                .raw_header(raw_header("List-Unsubscribe", format!("<{url}>")))
                .raw_header(raw_header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        builder
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(row.text_body.clone()),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(row.html_body.clone()),
                    ),
            )
            .map_err(|e| e.to_string())
    }

    async fn send(&self, message: Message) -> Delivery {
        match &self.transport {
            Transport::Smtp(smtp) => match smtp.send(message).await {
                Ok(_) => Delivery::Delivered,
                Err(e) if e.is_permanent() => {
                    Delivery::Permanent(format!("the mail server refused it: {e}"))
                }
                Err(e) => {
                    Delivery::Transient(format!("the mail server could not take it now: {e}"))
                }
            },
            Transport::Files(dir) => {
                if let Err(e) = tokio::fs::create_dir_all(dir).await {
                    return Delivery::Transient(format!("cannot create {}: {e}", dir.display()));
                }
                match AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                {
                    Ok(id) => {
                        tracing::info!(path = %dir.join(format!("{id}.eml")).display(), "email written to a file");
                        Delivery::Delivered
                    }
                    Err(e) => Delivery::Transient(format!("cannot write the email file: {e}")),
                }
            }
        }
    }
}

fn raw_header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// 30 s after the first failure, doubling, at most 5 minutes apart.
pub fn retry_delay(attempts: i32) -> Duration {
    let factor = 1u32 << (attempts.clamp(1, 16) - 1);
    FIRST_RETRY.saturating_mul(factor).min(MAX_RETRY)
}

fn lease_free(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(outbox::Column::LeaseUntil.is_null())
        .add(outbox::Column::LeaseUntil.lt(now))
}

/// Runs `tick` every few seconds until `shutdown` changes.
pub async fn run(sender: Sender, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        if let Err(e) = sender.tick(Utc::now()).await {
            tracing::warn!(error = %e, "the mail sender could not run");
        }
        tokio::select! {
            _ = tokio::time::sleep(crate::db::worker_rest(sender.lease, Duration::from_secs(5))) => {}
            _ = shutdown.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_thirty_seconds_to_five_minutes() {
        assert_eq!(retry_delay(1), Duration::from_secs(30));
        assert_eq!(retry_delay(2), Duration::from_secs(60));
        assert_eq!(retry_delay(4), Duration::from_secs(240));
        assert_eq!(retry_delay(5), MAX_RETRY);
        assert_eq!(retry_delay(40), MAX_RETRY);
    }
}
