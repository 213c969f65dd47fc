//! What a finisher is offered: the badge to download, "Add to LinkedIn" (LinkedIn's
//! add-to-profile certification address) and the assertion's address.

use chrono::Datelike;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;
use url::Url;

use super::{Issuer, paths};
use crate::cohorts;
use crate::entities::{badge_assertion, cohort};
use crate::lessons::Program;
use crate::links::Links;

/// LinkedIn's form that adds a certification to a profile.
const LINKEDIN_ADD: &str = "https://www.linkedin.com/profile/add";

/// The addresses offered to a finisher for their standing badge.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Offer {
    /// The assertion (a verification page in a browser).
    pub url: String,
    /// The baked PNG (the download: some backpacks refuse SVG uploads).
    pub png: String,
    /// The baked SVG.
    pub svg: String,
    /// LinkedIn's add-to-profile form, filled in.
    pub linkedin: String,
    /// The badge image alone, for showing it.
    pub image: String,
}

impl Offer {
    pub fn new(
        issuer_name: &str,
        base_url: &Url,
        program: &Program,
        cohort: &cohort::Model,
        assertion: &badge_assertion::Model,
    ) -> Self {
        let links = Links::new(base_url);
        let url = links.to(&paths::assertion(&assertion.public_id));
        let issued = assertion
            .issued_on
            .with_timezone(&cohorts::timezone(cohort));
        let query = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("startTask", "CERTIFICATION_NAME")
            .append_pair("name", &super::documents::badge_name(cohort, program))
            .append_pair("organizationName", issuer_name)
            .append_pair("issueYear", &issued.year().to_string())
            .append_pair("issueMonth", &issued.month().to_string())
            .append_pair("certUrl", &url)
            .append_pair("certId", &assertion.public_id)
            .finish();
        Self {
            png: links.to(&paths::baked(&assertion.public_id, "png")),
            svg: links.to(&paths::baked(&assertion.public_id, "svg")),
            image: links.to(&paths::class_image(&cohort.slug, "png")),
            linkedin: format!("{LINKEDIN_ADD}?{query}"),
            url,
        }
    }
}

/// What `participant_id` of `cohort` is offered, when badges are on and they hold a
/// standing badge. Uses the issuer the serving instance recorded, so that it works inside
/// the transaction that finishes someone.
pub async fn offer(
    db: &impl ConnectionTrait,
    base_url: &Url,
    program: &Program,
    cohort: &cohort::Model,
    participant_id: i32,
) -> Result<Option<Offer>, DbErr> {
    let Some(issuer) = super::stored_issuer(db).await? else {
        return Ok(None);
    };
    Ok(super::live_for(db, participant_id)
        .await?
        .map(|a| Offer::new(&issuer.name, base_url, program, cohort, &a)))
}

/// [`offer`] for an issuer already at hand (pages, which know the configuration).
pub fn offer_from(
    issuer: &Issuer,
    program: &Program,
    cohort: &cohort::Model,
    assertion: &badge_assertion::Model,
) -> Offer {
    Offer::new(&issuer.name, &issuer.url, program, cohort, assertion)
}
