//! `/cohorts/{slug}/finishers` (the celebration wall) and a finisher's printable certificate.

use crate::i18n::Text;
use axum::extract::State;
use axum::response::Html;
use minijinja::context;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use crate::cohorts;
use crate::web::access::{ParticipantPage, ReadableCohort};
use crate::web::{AppError, AppState, view};

#[derive(Serialize)]
struct Finisher {
    id: i32,
    name: String,
    blog: String,
    date: String,
    /// Their standing Open Badge's address, while badges are on.
    badge: Option<String>,
}

pub async fn wall(
    State(state): State<AppState>,
    ReadableCohort {
        cohort, current, ..
    }: ReadableCohort,
) -> Result<Html<String>, AppError> {
    let timezone = cohorts::timezone(&cohort);
    let badges_on = crate::badges::Issuer::from_config(&state.config).is_some();
    let mut badges = if badges_on {
        crate::badges::live_in_cohort(&state.db, cohort.id).await?
    } else {
        Default::default()
    };
    let finishers: Vec<Finisher> = crate::progress::finishers(&state.db, &cohort)
        .await?
        .into_iter()
        .filter_map(|(member, person)| {
            Some(Finisher {
                id: member.id,
                name: person.name,
                blog: member.blog_url,
                date: view::iso_date(member.finished_at?, timezone),
                badge: badges
                    .remove(&member.id)
                    .map(|id| crate::badges::paths::assertion(&id)),
            })
        })
        .collect();
    let figures = cohorts::figures(&state.db, &cohort).await?;
    current
        .in_program_language(&state.programs.of(&cohort).info.language)
        .render(
        "finishers.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            finishers => Value::from(Serde(&finishers)),
            things => state.programs.of(&cohort).required_count(),
            badge_image => badges_on.then(|| crate::badges::paths::class_image(&cohort.slug, "png")),
            participants => figures.participants,
            percent => view::percent(usize::try_from(figures.finished).unwrap_or(0), usize::try_from(figures.participants).unwrap_or(0)),
        },
    )
}

pub async fn certificate(
    State(state): State<AppState>,
    ParticipantPage {
        cohort,
        current,
        member,
        person,
    }: ParticipantPage,
) -> Result<Html<String>, AppError> {
    let badge = crate::web::badges::offer_for(&state, &cohort, &member).await?;
    let own = current.person.as_ref().is_some_and(|p| p.id == person.id);
    let finished = member.finished_at.ok_or_else(|| {
        AppError::refused(Text::new("error-not-finished").with("name", person.name.as_str()))
    })?;
    current
        .in_program_language(&state.programs.of(&cohort).info.language)
        .render(
            "certificate.html",
            context! {
                cohort => cohort.name.clone(),
                slug => cohort.slug.clone(),
                name => person.name,
                date => view::iso_date(finished, cohorts::timezone(&cohort)),
                things => state.programs.of(&cohort).required_count(),
                organisation => state.config.organisation.clone(),
                badge,
                own,
            },
        )
}
