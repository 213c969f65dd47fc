//! The Open Badges 2.0 documents (JSON-LD): the issuer profile, a cohort's BadgeClass and
//! an assertion (or what a revoked one says). Each `id` is the document's own address.

use chrono::SecondsFormat;
use serde_json::{Value, json};

use super::{Award, Issuer, paths};
use crate::cohorts;
use crate::entities::cohort;
use crate::lessons::{Program, Programs};
use crate::links::Links;

/// The Open Badges 2.0 JSON-LD context.
pub const CONTEXT: &str = "https://w3id.org/openbadges/v2";

/// The media type every badge document is served as.
pub const MEDIA_TYPE: &str = "application/ld+json";

/// What the documents are built from: the issuer and the programs.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub issuer: &'a Issuer,
    pub programs: &'a Programs,
}

impl Site<'_> {
    fn links(&self) -> Links {
        Links::new(&self.issuer.url)
    }

    /// The absolute address of `path` (from [`paths`]).
    pub fn url(&self, path: &str) -> String {
        self.links().to(path)
    }

    /// The issuer profile.
    pub fn issuer_profile(&self) -> Value {
        json!({
            "@context": CONTEXT,
            "type": "Profile",
            "id": self.url(&paths::issuer()),
            "name": self.issuer.name,
            "url": self.issuer.url.as_str(),
            "email": self.issuer.email,
            "description": format!(
                "{} runs 23 Things learning programs: short lessons on digital tools, each tried out and written about on the learner's own blog.",
                self.issuer.name
            ),
        })
    }

    /// A cohort's BadgeClass.
    pub fn badge_class(&self, cohort: &cohort::Model) -> Value {
        let program = self.programs.of(cohort);
        let things = program.required_count();
        json!({
            "@context": CONTEXT,
            "type": "BadgeClass",
            "id": self.url(&paths::class(&cohort.slug)),
            "name": badge_name(cohort, program),
            "description": format!(
                "Awarded by {} to everyone who completed all {things} things of {}: each thing tried out hands-on and reflected on in a post on their own blog.",
                self.issuer.name, cohort.name
            ),
            "image": self.url(&paths::class_image(&cohort.slug, "png")),
            "criteria": {
                "id": self.url(&program.path()),
                "narrative": format!(
                    "Complete all {things} required things of the program, starting {}: for each, try it out, then write a blog post about it that is tagged or titled with the thing's number (or have a coordinator confirm it).",
                    cohort.starts_on.format("%-d %B %Y")
                ),
            },
            "issuer": self.url(&paths::issuer()),
            "tags": ["23 Things", "Learning 2.0", "digital literacy", "self-paced learning"],
        })
    }

    /// An assertion: the award, or only that it was revoked and why.
    pub fn assertion(&self, award: &Award) -> Value {
        let a = &award.assertion;
        let id = self.url(&paths::assertion(&a.public_id));
        if a.revoked_at.is_some() {
            return json!({
                "@context": CONTEXT,
                "id": id,
                "type": "Assertion",
                "revoked": true,
                "revocationReason": a.revocation_reason.clone().unwrap_or_else(|| "Revoked by the issuer.".to_owned()),
            });
        }
        let tz = cohorts::timezone(&award.cohort);
        json!({
            "@context": CONTEXT,
            "type": "Assertion",
            "id": id,
            "recipient": {
                "type": "email",
                "hashed": true,
                "salt": a.salt,
                "identity": a.identity,
            },
            "badge": self.url(&paths::class(&award.cohort.slug)),
            "verification": { "type": "HostedBadge" },
            "issuedOn": a.issued_on.with_timezone(&tz).to_rfc3339_opts(SecondsFormat::Secs, false),
            "image": self.url(&paths::baked(&a.public_id, "png")),
            "evidence": {
                "id": self.url(&format!("/cohorts/{}/people/{}", award.cohort.slug, award.participant.id)),
                "narrative": a.narrative,
            },
        })
    }
}

/// The badge's name: the cohort's, with the program's name when it does not say it.
pub fn badge_name(cohort: &cohort::Model, program: &Program) -> String {
    if cohort.name.to_lowercase().contains("things") {
        cohort.name.clone()
    } else {
        format!("{} Things: {}", program.lessons.len(), cohort.name)
    }
}

/// A document as it is served, baked and exported: the same bytes everywhere.
pub fn body(document: &Value) -> String {
    serde_json::to_string_pretty(document).unwrap_or_else(|_| document.to_string())
}
