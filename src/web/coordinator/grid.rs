//! `/coordinator/cohorts/{slug}`: the progress grid (participants x lessons, 100 a page),
//! its filters, the completion curve and the feed health table.

use crate::cohorts::Slug;
use crate::i18n::Text;
use crate::web::extract::{Path, Query, positive};
use axum::extract::State;
use axum::response::Html;
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;

use super::{chart, cohort};
use crate::i18n::{self, Arg, Locale};
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
        Source::Post => "post",
        Source::Claim => "claim",
        Source::Coordinator => "coordinator",
        Source::SelfReport => "self",
    }
}

/// How the grid speaks: the reader's language and the program's word for a lesson.
#[derive(Clone, Copy)]
struct Speech<'a> {
    locale: Locale,
    word: &'a str,
}

/// The cells of one row as the template shows them: letter, link and a title that says it.
fn cells(
    row: &Row,
    numbers: &[i32],
    evidence: &Evidence,
    speech: Speech<'_>,
) -> Vec<minijinja::Value> {
    let Speech { locale, word } = speech;
    let title = |key: &str, number: i32, more: Vec<(&str, Arg)>| {
        let mut args = vec![("word", word.into()), ("number", number.into())];
        args.extend(more);
        i18n::message(locale, key, &args)
    };
    row.cells
        .iter()
        .zip(numbers)
        .zip(&row.locked)
        .map(|((cell, number), locked)| match cell {
            Some(c) => {
                let post = c.post_id.and_then(|id| evidence.get(&id));
                let mut more = vec![
                    ("date", i18n::short_date(locale, c.at.date_naive()).into()),
                    ("source", source_name(c.source).into()),
                ];
                let key = match post {
                    Some((t, _)) => {
                        more.push(("title", t.into()));
                        "coord-cell-done-post"
                    }
                    None => "coord-cell-done",
                };
                context! {
                    letter => c.letter, source => c.source, link => post.and_then(|(_, l)| l.clone()),
                    title => title(key, *number, more),
                }
            }
            None if *locked => context! { letter => "", source => "locked", link => (), title => title("coord-cell-locked", *number, vec![]) },
            None => context! { letter => "", source => "", link => (), title => title("coord-cell-open", *number, vec![]) },
        })
        .collect()
}

type Evidence = std::collections::HashMap<i32, (String, Option<String>)>;

/// The rows of `on_page` as the grid's table shows them, in `locale`.
async fn page_rows(
    state: &AppState,
    cohort: &cohort::Model,
    rows: &[Row],
    on_page: &[&Row],
    locale: Locale,
) -> Result<String, AppError> {
    let program = state.programs.of(cohort);
    let mut names: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows {
        *names.entry(row.name.to_lowercase()).or_default() += 1;
    }
    let numbers: Vec<i32> = program.lessons.iter().map(|l| l.number).collect();
    let post_ids: Vec<i32> = on_page
        .iter()
        .flat_map(|r| r.cells.iter().flatten().filter_map(|c| c.post_id))
        .collect();
    let evidence = grid::evidence(&state.db, post_ids).await?;
    let speech = Speech {
        locale,
        word: program.word(),
    };
    let people: Vec<minijinja::Value> = on_page
        .iter()
        .map(|r| {
            context! {
                id => r.id, name => r.name.clone(), done => r.done, finished => r.finished(),
                twin => names.get(&r.name.to_lowercase()).is_some_and(|n| *n > 1).then(|| r.email.clone()),
                active => r.last_activity_at.map(|at| i18n::day_month(locale, at.date_naive())),
                stalled => r.stalled, feed_failing => r.feed_failing, unclaimed => r.unclaimed,
                cells => cells(r, &numbers, &evidence, speech),
            }
        })
        .collect();
    Ok(crate::templates::render(
        "coordinator-grid-rows.html",
        context! {
            people, cohort => context! { slug => cohort.slug.clone() },
            required => program.required_count(), lang => locale.code(),
        },
    )?)
}

pub async fn show(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    Query(query): Query<GridQuery>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let locale = current.locale();
    let unknown = |key: &str, s: &str| AppError::refused(Text::new(key).with("value", s));
    let filter = match query.show.as_deref() {
        None | Some("") => Filter::All,
        Some(s) => Filter::parse(s).ok_or_else(|| unknown("coord-error-no-filter", s))?,
    };
    let page = usize::try_from(positive(query.page.as_deref())?.unwrap_or(1)).unwrap_or(1);
    let sort = match query.sort.as_deref() {
        None | Some("") => Sort::Name,
        Some(s) => Sort::parse(s).ok_or_else(|| unknown("coord-error-no-order", s))?,
    };
    let search = query.q.clone().unwrap_or_default();
    let now = Utc::now();
    let program = state.programs.of(&cohort);
    let rows = state.grid_rows(&cohort).await?;
    let counts: Vec<minijinja::Value> = Filter::ALL
        .into_iter()
        .map(|f| {
            context! {
                key => f.as_str(), active => f == filter,
                count => rows.iter().filter(|r| f.keeps(r)).count(),
            }
        })
        .collect();
    let mut shown: Vec<&Row> = rows
        .iter()
        .filter(|r| filter.keeps(r) && grid::matches(r, &search))
        .collect();
    sort.apply(&mut shown);
    let pages = shown.len().div_ceil(PAGE_SIZE).max(1);
    let on_page: Vec<&Row> = shown
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .copied()
        .collect();
    // The page's rows are the bulk of the work (a cell title for every lesson of a
    // hundred people): rendered once per data version, language and view.
    let key = (
        cohort.id,
        filter.as_str(),
        sort.as_str(),
        search.clone(),
        page,
        locale.code(),
    );
    let page_rows = state
        .caches
        .grid_pages
        .get_or_read(&state.db, key, || {
            page_rows(&state, &cohort, &rows, &on_page, locale)
        })
        .await?;
    let feeds: Vec<minijinja::Value> = rows
        .iter()
        .filter(|r| r.feed_failing)
        .map(|r| {
            context! {
                id => r.id, name => r.name.clone(), blog => r.blog.clone(), status => r.feed_status,
                health => r.feed_health.say(locale), error => r.feed_error.as_ref().map(|e| e.say(locale)),
                since => r.failing_since.map(|at| format!("{} UTC", at.to_rfc3339())),
            }
        })
        .collect();
    let lessons: Vec<minijinja::Value> = program
        .lessons
        .iter()
        .map(|l| context! { number => l.number, title => l.title.clone() })
        .collect();
    let curve = state
        .caches
        .curves
        .get_or_read(&state.db, (cohort.id, locale.code()), || async {
            Ok(chart::completion_curve(
                &grid::curve(&rows, &cohort, now),
                locale,
            ))
        })
        .await?;
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("coord-notice-saved"),
        _ => None,
    };
    current.render(
        "coordinator-grid.html",
        context! {
            cohort => context! { slug => cohort.slug.clone(), name => cohort.name.clone() },
            lessons, counts, feeds, filter => filter.as_str(), page, pages,
            on_page => on_page.len(), rows => minijinja::Value::from_safe_string((*page_rows).clone()),
            q => search, sort => sort.as_str(),
            sorts => Sort::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            total => rows.len(), shown => shown.len(), notice,
            required => program.required_count(),
            program => crate::web::view::program(program),
            badges => crate::web::badges::status(&state, &cohort),
            curve => minijinja::Value::from_safe_string((*curve).clone()),
        },
    )
}
