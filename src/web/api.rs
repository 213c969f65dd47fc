//! The JSON API and the health check.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Serialize;

use crate::access::{self, Verdict, Viewer};
use crate::cohorts;
use crate::cohorts::{Pace, Visibility};
use crate::entities::{cohort, feed};
use crate::feeds::health;
use crate::i18n::Text;
use crate::progress;
use crate::web::access::Looking;
use crate::web::auth::ApiCoordinator;
use crate::web::body::KeptBody;
use crate::web::{ApiError, AppError, AppState};

#[derive(Serialize)]
pub struct ProgressResponse {
    cohort: CohortSummary,
    lessons: Vec<LessonSummary>,
    participants: Vec<ParticipantSummary>,
}

#[derive(Serialize)]
struct CohortSummary {
    slug: String,
    name: String,
    starts_on: chrono::NaiveDate,
    timezone: String,
    pace: Pace,
    visibility: Visibility,
}

#[derive(Serialize)]
struct LessonSummary {
    number: i32,
    title: String,
    week: i32,
    required: bool,
    opens_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize)]
struct ParticipantSummary {
    id: i32,
    name: String,
    /// Only for a coordinator (signed in, or with an API token).
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    blog: String,
    completed: Vec<i32>,
    finished_at: Option<chrono::DateTime<chrono::Utc>>,
    joined_at: chrono::DateTime<chrono::Utc>,
    posts: i64,
    feed: Option<FeedSummary>,
}

#[derive(Serialize)]
struct FeedSummary {
    url: String,
    status: health::Status,
    last_error: Option<String>,
    last_fetched_at: Option<chrono::DateTime<chrono::Utc>>,
    next_fetch_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<feed::Model> for FeedSummary {
    fn from(feed: feed::Model) -> Self {
        let status = feed.status;
        let last_error = health::problem(&feed).map(|problem| problem.to_string());
        Self {
            url: feed.url,
            status,
            last_error,
            last_fetched_at: feed.last_fetched_at,
            next_fetch_at: if status.stopped() {
                None
            } else {
                feed.next_fetch_at
            },
        }
    }
}

/// `GET /api/v1/cohorts/{slug}/progress`: readable by whoever may read the cohort's pages
/// (anyone for a public cohort; members and coordinators, signed in or by API token, for a
/// members-only one); everyone's email only for a coordinator.
pub async fn progress(
    State(state): State<AppState>,
    ApiCoordinator(coordinator): ApiCoordinator,
    looking: Result<Looking, AppError>,
    slug: Result<crate::web::extract::Path<String>, AppError>,
    request: HeaderMap,
) -> Result<Response, ApiError> {
    // A malformed path answers in JSON too.
    let crate::web::extract::Path(slug) = slug?;
    let cohort = cohorts::find(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let show_emails = coordinator.is_some();
    let viewer = match coordinator {
        Some(person) => Viewer::load(&state.db, Some(person)).await?,
        None => looking?.viewer,
    };
    if access::cohort_pages(&viewer, &cohort) != Verdict::Allowed {
        return Err(AppError::Forbidden(Text::verbatim(
            "this cohort is open to its members and coordinators only",
        ))
        .into());
    }
    let body = state
        .caches
        .progress
        .get_or_read(&state.db, (cohort.id, show_emails), || async {
            KeptBody::new(progress_body(&state, &cohort, show_emails).await?).await
        })
        .await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(body.send(&request, headers))
}

/// The progress document of `cohort`, as sent.
async fn progress_body(
    state: &AppState,
    cohort: &cohort::Model,
    show_emails: bool,
) -> Result<String, AppError> {
    let lessons = state
        .programs
        .of(cohort)
        .lessons
        .iter()
        .map(|l| LessonSummary {
            number: l.number,
            title: l.title.clone(),
            week: l.week,
            required: l.required,
            opens_at: cohorts::week_opens(cohort, l.week),
        })
        .collect();
    let participants = progress::cohort_progress_with_feeds(&state.db, cohort)
        .await?
        .into_iter()
        .map(|p| ParticipantSummary {
            posts: p.posts,
            feed: p.feed.map(FeedSummary::from),
            id: p.progress.id,
            name: p.progress.name,
            email: show_emails.then_some(p.progress.email),
            blog: p.progress.blog,
            completed: p.progress.completed,
            finished_at: p.progress.finished_at,
            joined_at: p.progress.joined_at,
        })
        .collect();
    let response = ProgressResponse {
        cohort: CohortSummary {
            slug: cohort.slug.clone(),
            name: cohort.name.clone(),
            starts_on: cohort.starts_on,
            timezone: cohort.timezone.clone(),
            pace: cohort.pace,
            visibility: cohort.visibility,
        },
        lessons,
        participants,
    };
    Ok(serde_json::to_string(&response).map_err(anyhow::Error::from)?)
}

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => {
            state.reachability.reachable();
            (StatusCode::OK, "ok\n")
        }
        Err(e) => {
            tracing::warn!(error = %e, "health check: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}
