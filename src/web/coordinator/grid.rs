//! `/coordinator/cohorts/{slug}`: the progress grid (participants x lessons, 100 a page),
//! its filters, the completion curve and the feed health table.

use crate::cohorts::Slug;
use crate::web::extract::{Path, Query, positive};
use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use super::{chart, cohort};
use crate::progress::completions::Source;
use crate::progress::grid::{self, Filter, Row, Sort};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState};

/// Rows a grid page shows.
pub const PAGE_SIZE: usize = 100;

#[derive(Deserialize)]
pub struct GridQuery {
    show: Option<String>,
    page: Option<String>,
    notice: Option<String>,
    /// Part of a name, address or blog.
    q: Option<String>,
    sort: Option<String>,
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Post => "a post",
        Source::Claim => "a claimed post",
        Source::Coordinator => "a coordinator's mark",
        Source::SelfReport => "self-report",
    }
}

/// The cells of one row as the template shows them: letter, link and a title that says it.
fn cells(row: &Row, numbers: &[i32], evidence: &Evidence) -> Vec<minijinja::Value> {
    row.cells
        .iter()
        .zip(numbers)
        .zip(&row.locked)
        .map(|((cell, number), locked)| match cell {
            Some(c) => {
                let post = c.post_id.and_then(|id| evidence.get(&id));
                let title = post
                    .map(|(t, _)| format!(": \u{201c}{t}\u{201d}"))
                    .unwrap_or_default();
                context! {
                    letter => c.letter, source => c.source, link => post.and_then(|(_, l)| l.clone()),
                    title => format!("Thing {number} done {} by {}{title}", c.at.format("%Y-%m-%d"), source_name(c.source)),
                }
            }
            None if *locked => context! { letter => "", source => "locked", link => (), title => format!("Thing {number}: not open yet") },
            None => context! { letter => "", source => "", link => (), title => format!("Thing {number}: not done") },
        })
        .collect()
}

type Evidence = std::collections::HashMap<i32, (String, Option<String>)>;

pub async fn show(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Query(query): Query<GridQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let filter = match query.show.as_deref() {
        None | Some("") => Filter::All,
        Some(s) => Filter::parse(s)
            .ok_or_else(|| AppError::BadRequest(format!("There is no filter called {s:?}.")))?,
    };
    let page = usize::try_from(positive(query.page.as_deref())?.unwrap_or(1)).unwrap_or(1);
    let sort = match query.sort.as_deref() {
        None | Some("") => Sort::Name,
        Some(s) => Sort::parse(s)
            .ok_or_else(|| AppError::BadRequest(format!("There is no order called {s:?}.")))?,
    };
    let search = query.q.clone().unwrap_or_default();
    let now = Utc::now();
    let program = state.programs.of(&cohort);
    let rows = state.grid_rows(&cohort).await?;
    let counts: Vec<minijinja::Value> = Filter::ALL
        .into_iter()
        .map(|f| {
            context! {
                key => f.as_str(), label => f.label(), active => f == filter,
                count => rows.iter().filter(|r| f.keeps(r)).count(),
            }
        })
        .collect();
    let mut shown: Vec<&Row> = rows
        .iter()
        .filter(|r| filter.keeps(r) && grid::matches(r, &search))
        .collect();
    sort.apply(&mut shown);
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows.iter() {
        *names.entry(row.name.to_lowercase()).or_default() += 1;
    }
    let pages = shown.len().div_ceil(PAGE_SIZE).max(1);
    let numbers: Vec<i32> = program.lessons.iter().map(|l| l.number).collect();
    let on_page: Vec<&Row> = shown
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .copied()
        .collect();
    let post_ids: Vec<i32> = on_page
        .iter()
        .flat_map(|r| r.cells.iter().flatten().filter_map(|c| c.post_id))
        .collect();
    let evidence = grid::evidence(&state.db, post_ids).await?;
    let people: Vec<minijinja::Value> = on_page
        .iter()
        .map(|r| {
            context! {
                id => r.id, name => r.name.clone(), done => r.done, finished => r.finished(),
                twin => names.get(&r.name.to_lowercase()).is_some_and(|n| *n > 1).then(|| r.email.clone()),
                active => r.last_activity_at.map(|at| at.format("%-d %b").to_string()),
                stalled => r.stalled, feed_failing => r.feed_failing, unclaimed => r.unclaimed,
                cells => cells(r, &numbers, &evidence),
            }
        })
        .collect();
    let feeds: Vec<minijinja::Value> = rows
        .iter()
        .filter(|r| r.feed_failing)
        .map(|r| {
            context! {
                id => r.id, name => r.name.clone(), blog => r.blog.clone(), status => r.feed_status,
                health => r.feed_health.say(current.locale()), error => r.feed_error.as_ref().map(|e| e.say(current.locale())),
                since => r.failing_since.map(|at| at.format("%Y-%m-%d %H:%M UTC").to_string()),
            }
        })
        .collect();
    let lessons: Vec<minijinja::Value> = program
        .lessons
        .iter()
        .map(|l| context! { number => l.number, title => l.title.clone() })
        .collect();
    let curve = grid::curve(&rows, &cohort, now);
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("The cohort's settings were saved."),
        _ => None,
    };
    current.render(
        "coordinator-grid.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            lessons, people, counts, feeds, filter => filter.as_str(), page, pages,
            q => search, sort => sort.as_str(),
            sorts => Sort::ALL.iter().map(|s| (s.as_str(), s.label())).collect::<Vec<_>>(),
            total => rows.len(), shown => shown.len(), notice,
            required => program.required_count(),
            program => crate::web::view::program(program),
            badges => crate::web::badges::status(&state, &cohort),
            curve => minijinja::Value::from_safe_string(chart::completion_curve(&curve)),
        },
    )
}
