//! `/coordinator/cohorts/{slug}/import`: participants from a CSV upload, by the same rules
//! as `twentythree participant import` (any bad row imports nothing; people already in are
//! skipped), with a report per line. Their blogs are discovered in the background.

use crate::cohorts::Slug;
use crate::i18n::Text;
use crate::web::extract::Path;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use minijinja::context;

use super::cohort;
use crate::feeds;
use crate::i18n;
use crate::people::{self, RowOutcome};
use crate::web::auth::Coordinator;
use crate::web::{AppError, AppState};

pub async fn form(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
) -> Result<Html<String>, AppError> {
    let cohort = cohort(&state, &slug).await?;
    current.render(
        "coordinator-import.html",
        context! { cohort => context! { slug => cohort.slug, name => cohort.name }, report => () },
    )
}

fn too_big() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        AppError::refused(Text::new("coord-error-too-big")),
    )
        .into_response()
}

fn unreadable(e: &axum::extract::multipart::MultipartError) -> Response {
    AppError::refused(Text::new("coord-error-upload").with("problem", e.body_text()))
        .into_response()
}

/// The bytes of the `file` field.
async fn upload(multipart: &mut Multipart) -> Result<Option<bytes::Bytes>, Response> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(None),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_big()),
            Err(e) => return Err(unreadable(&e)),
        };
        if field.name() == Some("file") {
            return match field.bytes().await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_big()),
                Err(e) => Err(unreadable(&e)),
            };
        }
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Coordinator { current, .. }: Coordinator,
    Path(slug): Path<Slug>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let cohort = cohort(&state, &slug).await?;
    let locale = current.locale();
    let data = match upload(&mut multipart).await {
        Ok(Some(data)) if !data.is_empty() => data,
        Ok(_) => {
            return Err(AppError::refused(Text::new("coord-error-choose-file")));
        }
        Err(response) => return Ok(response),
    };
    let now = Utc::now();
    let report = people::import_csv(&state.db, &cohort, &data, now).await?;
    let rows: Vec<minijinja::Value> = report
        .rows
        .iter()
        .map(|(line, outcome)| match outcome {
            RowOutcome::Added(email) => context! { line, kind => "added", text => i18n::message(locale, "import-added", &[("email", email.into())]) },
            RowOutcome::AlreadyIn(email) => context! { line, kind => "skipped", text => i18n::message(locale, "import-already-in", &[("email", email.into())]) },
            RowOutcome::Invalid(wrong) => context! { line, kind => "invalid", text => wrong.say(locale) },
        })
        .collect();
    let failed = report.has_errors();
    if !report.members.is_empty() {
        let (db, fetcher, members) = (
            state.db.clone(),
            state.poller.fetcher.clone(),
            report.members.clone(),
        );
        tokio::spawn(async move {
            for (member, attached) in feeds::attach_all(&db, &fetcher, &members, now).await {
                if let Err(e) = attached {
                    tracing::warn!(participant = member.id, error = %e, "cannot look for an imported blog's feed");
                }
            }
        });
    }
    let page = current.render(
        "coordinator-import.html",
        context! {
            cohort => context! { slug => cohort.slug, name => cohort.name },
            report => context! { rows, failed, added => report.added() },
        },
    )?;
    let status = if failed {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}
