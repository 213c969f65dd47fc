//! `/mentor`: a mentor's mentees at a glance, read only: progress, latest posts, who is
//! stalled and whose blog cannot be read. No addresses, no overrides.

use axum::extract::State;
use axum::response::Html;
use minijinja::{Value, context};

use crate::cohorts;
use crate::i18n::Text;
use crate::progress::grid;
use crate::together::mentors;
use crate::web::auth::SignedIn;
use crate::web::{AppError, AppState, view};

pub async fn show(
    State(state): State<AppState>,
    SignedIn { person, current }: SignedIn,
) -> Result<Html<String>, AppError> {
    let mentees = mentors::mentees(&state.db, person.id).await?;
    if mentees.is_empty() {
        return Err(AppError::Forbidden(Text::new("error-mentors-only")));
    }
    let mut groups: Vec<Value> = Vec::new();
    // Each cohort once, whatever order the mentees come in.
    let cohort_ids: std::collections::BTreeSet<i32> = mentees.iter().map(|(_, c)| c.id).collect();
    for cohort_id in cohort_ids {
        let Some(cohort) = mentees
            .iter()
            .find(|(_, c)| c.id == cohort_id)
            .map(|(_, c)| c)
        else {
            continue;
        };
        let tz = cohorts::timezone(cohort);
        let program = state.programs.of(cohort);
        let ids: Vec<i32> = mentees
            .iter()
            .filter(|(_, c)| c.id == cohort_id)
            .map(|(m, _)| m.id)
            .collect();
        let mut people = Vec::new();
        for row in state.grid_rows(cohort).await?.iter() {
            if !ids.contains(&row.id) {
                continue;
            }
            let filter = crate::feeds::river::Filter {
                thing: None,
                participant: Some(row.id),
            };
            let posts = crate::feeds::river::page(&state.db, cohort, filter, 1, 3)
                .await?
                .posts;
            let posts: Vec<Value> = posts
                .into_iter()
                .map(|p| {
                    context! {
                        id => p.id, title => p.title, link => p.link, things => p.things,
                        date => (!p.undated).then(|| view::iso_date(p.published_at, tz)),
                    }
                })
                .collect();
            people.push(context! {
                id => row.id, name => row.name.clone(), done => row.done,
                required => program.required_count(),
                percent => view::percent(row.done, program.required_count()),
                finished => row.finished_at.map(|at| view::iso_date(at, tz)),
                stalled => row.stalled,
                last_active => row.last_activity_at.map(|at| view::iso_date(at, tz)),
                feed_failing => row.feed_failing, feed_health => row.feed_health.say(current.locale()),
                posts,
            });
        }
        groups.push(context! {
            slug => cohort.slug.clone(), name => cohort.name.clone(), people,
            word => program.word(),
            stalled_after => grid::STALLED_AFTER.num_days(),
        });
    }
    current.render("mentor.html", context! { cohorts => groups })
}
