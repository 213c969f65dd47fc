//! Open Badges 2.0 for finishers, hosted by the program itself: the issuer profile, a
//! BadgeClass per cohort, an assertion per award (hashed recipient, revocation), the badge
//! image drawn from the cohort's name, baked PNG and SVG, and a static export.
//!
//! Issuing is on while the serving instance has an issuer email ([`configure`] stores it),
//! so that finishing, inside its own transaction, knows whether to award a badge.

pub mod awards;
pub mod bake;
pub mod documents;
pub mod export;
pub mod image;
pub mod paths;
pub mod recipient;
pub mod share;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use url::Url;

pub use awards::{Award, award, award_missing, find, live_for, live_in_cohort, revoke};
pub use documents::Site;

use crate::Config;
use crate::entities::badge_issuer;

/// Who issues the badges: a name, a contact address and the program's public address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issuer {
    pub name: String,
    pub email: String,
    pub url: Url,
}

impl Issuer {
    /// The issuer the configuration describes; none (badges off) without an issuer email.
    /// The name falls back to the organisation, then to the host of the base URL.
    pub fn from_config(config: &Config) -> Option<Self> {
        let email = config.badge_issuer_email.as_ref()?.to_string();
        let name = config
            .badge_issuer_name
            .clone()
            .or_else(|| config.organisation.clone())
            .unwrap_or_else(|| crate::links::Links::new(&config.base_url).host().to_owned());
        Some(Self {
            name,
            email,
            url: config.base_url.clone(),
        })
    }
}

/// Records the serving instance's issuer (or that there is none, which turns issuing off).
pub async fn configure(
    db: &impl ConnectionTrait,
    issuer: Option<&Issuer>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(issuer) = issuer else {
        badge_issuer::Entity::delete_many().exec(db).await?;
        return Ok(());
    };
    badge_issuer::Entity::insert(badge_issuer::ActiveModel {
        id: Set(1),
        name: Set(issuer.name.clone()),
        email: Set(issuer.email.clone()),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(badge_issuer::Column::Id)
            .update_columns([
                badge_issuer::Column::Name,
                badge_issuer::Column::Email,
                badge_issuer::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The issuer the serving instance recorded; none while badges are off.
pub async fn stored_issuer(
    db: &impl ConnectionTrait,
) -> Result<Option<badge_issuer::Model>, DbErr> {
    badge_issuer::Entity::find_by_id(1).one(db).await
}

/// What `serve` does at start: records the configured issuer (or that badges are off) and
/// awards a badge to every finisher who has none standing yet.
pub async fn start(
    db: &impl ConnectionTrait,
    config: &Config,
    programs: &crate::lessons::Programs,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let issuer = Issuer::from_config(config);
    configure(db, issuer.as_ref(), now).await?;
    let awarded = award_missing(db, programs, now).await?;
    match issuer {
        Some(issuer) if awarded > 0 => tracing::info!(
            "Open Badges are on, issued by {}; awarded {awarded} finisher(s) their badge",
            issuer.name
        ),
        Some(issuer) => tracing::info!("Open Badges are on, issued by {}", issuer.name),
        None => tracing::info!(
            "Open Badges are off: set TWENTYTHREE_BADGE_ISSUER_EMAIL to give finishers a verifiable badge"
        ),
    }
    Ok(())
}
