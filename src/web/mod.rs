//! The web layer: one router listing every URL, thin handlers that parse input, call a
//! domain function and render a template.

mod access;
mod api;
mod assets;
pub mod auth;
mod badges;
pub mod body;
pub mod cache;
mod coordinator;
pub mod csrf;
mod error;
pub mod extract;
mod metrics;
mod pages;
pub mod serve;
mod shared;
mod syndication;
mod view;
mod websub;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::routing::{get, post};
use sea_orm::DatabaseConnection;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, AppError};

use crate::config::Config;
use crate::lessons::Programs;
use crate::mail::notices::Notices;
use crate::mail::sender::Sender;
use crate::poller::Poller;

/// The biggest request body of an ordinary form (the form-token guard reads no more).
pub const FORM_LIMIT: usize = 64 * 1024;
/// The biggest CSV upload: the import route sets this limit on itself.
pub const UPLOAD_LIMIT: usize = 4 * 1024 * 1024;

/// What every handler may use; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub programs: Arc<Programs>,
    pub poller: Poller,
    pub sender: Sender,
    pub metrics: Arc<crate::metrics::Metrics>,
    pub reachability: Arc<crate::db::Reachability>,
    /// What the busiest pages read, kept while the data stands still.
    pub caches: Arc<cache::Caches>,
    /// What private feed and calendar addresses are derived from.
    pub secret: crate::access::keys::Secret,
}

impl AppState {
    /// Every participant of `cohort` as a grid row, read once while the data stands still
    /// (their clock-dependent flags and words at most [`cache::LIFETIME`] old).
    pub async fn grid_rows(
        &self,
        cohort: &crate::entities::cohort::Model,
    ) -> Result<Arc<Vec<crate::progress::grid::Row>>, AppError> {
        self.caches
            .grid
            .get_or_read(&self.db, cohort.id, || async {
                let program = self.programs.of(cohort);
                Ok(
                    crate::progress::grid::rows(&self.db, program, cohort, chrono::Utc::now())
                        .await?,
                )
            })
            .await
    }

    /// What the routine-mail scheduler needs.
    pub fn clone_notices(&self) -> Notices {
        Notices {
            db: self.db.clone(),
            programs: self.programs.clone(),
            base_url: self.config.base_url.clone(),
        }
    }
}

/// Every URL the server answers, and what every answer goes through.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(people_pages())
        .merge(coordinator_pages())
        .merge(for_programs())
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), shared::for_strangers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::guard_forms))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::keep_private))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::error_pages))
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::fail_fast))
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(DefaultBodyLimit::max(FORM_LIMIT))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'; img-src 'self' https: data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
        ))
        // Pages made per reader are compressed as they go out, at the fast end (brotli and
        // gzip level 1: a 441 KB grid page in about 2 ms instead of 6 at the default 4);
        // what is kept between requests is compressed once, harder (see `body`).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The pages people read: public, participant and mentor pages, sign-in and joining.
fn people_pages() -> Router<AppState> {
    Router::new()
        .route("/", get(pages::home::show))
        .route(
            "/login",
            get(pages::login::form).post(pages::login::request),
        )
        .route(
            "/login/{token}",
            get(pages::login::link).post(pages::login::sign_in),
        )
        .route("/logout", post(pages::login::sign_out))
        .route("/language", post(pages::language::choose))
        .route("/join", get(pages::join::form).post(pages::join::submit))
        .route(
            "/join/{token}",
            get(pages::join::link).post(pages::join::confirm),
        )
        .route("/me", get(pages::me::show))
        .route("/me/claims", post(pages::me::claim))
        .route("/me/done", post(pages::me::report))
        .route("/me/blog", post(pages::me::move_blog))
        .route("/me/preferences", post(pages::me::preferences))
        .route("/me/partner", post(pages::me::partner))
        .route("/me/check", post(pages::me::check))
        .route("/me/addresses", post(pages::me::new_addresses))
        .route("/mentor", get(pages::mentor::show))
        .route("/highlights", post(pages::highlights::create))
        .route("/lessons", get(pages::lessons::index))
        .route("/lessons/{number}", get(pages::lessons::show))
        .route("/programs", get(pages::lessons::programs))
        .route("/programs/{slug}", get(pages::lessons::program))
        .route(
            "/programs/{slug}/lessons/{number}",
            get(pages::lessons::program_lesson),
        )
        .route("/cohorts/{slug}", get(pages::cohort::show))
        .route("/cohorts/{slug}/posts", get(pages::river::show))
        .route("/cohorts/{slug}/finishers", get(pages::finishers::wall))
        .route(
            "/cohorts/{slug}/people/{id}/certificate",
            get(pages::finishers::certificate),
        )
        .route(
            "/unsubscribe/{token}",
            get(pages::unsubscribe::show).post(pages::unsubscribe::confirm),
        )
        .route("/cohorts/{slug}/people/{id}", get(pages::person::show))
}

/// The coordinator's pages and the forms they send.
fn coordinator_pages() -> Router<AppState> {
    Router::new()
        .route("/coordinator", get(coordinator::cohorts::index))
        .route(
            "/coordinator/cohorts/new",
            get(coordinator::cohorts::new_form).post(coordinator::cohorts::create),
        )
        .route("/coordinator/cohorts/{slug}", get(coordinator::grid::show))
        .route(
            "/coordinator/cohorts/{slug}/settings",
            get(coordinator::cohorts::edit_form).post(coordinator::cohorts::update),
        )
        .route(
            "/coordinator/cohorts/{slug}/reminders",
            get(coordinator::reminders::preview).post(coordinator::reminders::send),
        )
        .route(
            "/coordinator/cohorts/{slug}/import",
            get(coordinator::import::form)
                .post(coordinator::import::submit)
                .layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/coordinator/cohorts/{slug}/together",
            get(coordinator::together::show),
        )
        .route(
            "/coordinator/cohorts/{slug}/together/pair-everyone",
            post(coordinator::together::pair_everyone),
        )
        .route(
            "/coordinator/cohorts/{slug}/together/pairs",
            post(coordinator::together::pair),
        )
        .route(
            "/coordinator/cohorts/{slug}/together/pairs/{id}/end",
            post(coordinator::together::end_pair),
        )
        .route(
            "/coordinator/cohorts/{slug}/together/mentors",
            post(coordinator::together::add_mentor),
        )
        .route(
            "/coordinator/cohorts/{slug}/together/mentors/{id}/remove",
            post(coordinator::together::remove_mentor),
        )
        .route(
            "/coordinator/cohorts/{slug}/people/{id}",
            get(coordinator::people::show),
        )
        .route(
            "/coordinator/cohorts/{slug}/people/{id}/poll",
            post(coordinator::people::poll),
        )
        .route(
            "/coordinator/cohorts/{slug}/people/{id}/blog",
            post(coordinator::people::fix_blog),
        )
        .route(
            "/coordinator/cohorts/{slug}/people/{id}/things",
            post(coordinator::set_things),
        )
        .route(
            "/coordinator/cohorts/{slug}/people/{id}/things/{number}",
            post(coordinator::set_thing),
        )
        .route(
            "/coordinator/cohorts/{slug}/progress.csv",
            get(coordinator::progress_csv),
        )
        .route("/coordinator/mail", get(coordinator::mail_log))
        .route(
            "/coordinator/tokens/{id}/revoke",
            post(coordinator::cohorts::revoke_token),
        )
}

/// What other programs read: feeds, calendars, badges, the API, WebSub hubs, metrics,
/// health and static files.
fn for_programs() -> Router<AppState> {
    Router::new()
        .route("/me/calendar.ics", get(syndication::personal_calendar))
        .route("/cohorts/{slug}/feed.atom", get(syndication::atom))
        .route("/cohorts/{slug}/feed.json", get(syndication::json_feed))
        .route("/cohorts/{slug}/blogroll.opml", get(syndication::opml))
        .route("/cohorts/{slug}/calendar.ics", get(syndication::calendar))
        .route("/badges/issuer", get(badges::issuer))
        .route("/badges/assertions/{id}", get(badges::assertion))
        .route("/badges/assertions/{id}/{file}", get(badges::baked))
        .route("/badges/{slug}", get(badges::class))
        .route("/badges/{slug}/{file}", get(badges::class_image))
        .route("/api/v1/cohorts/{slug}/progress", get(api::progress))
        .route(
            "/websub/{id}",
            get(websub::verify)
                .post(websub::deliver)
                .layer(DefaultBodyLimit::max(crate::feeds::websub::MAX_DELIVERY)),
        )
        .route("/healthz", get(api::healthz))
        .route("/metrics", get(metrics::show))
        .route("/static/style.css", get(assets::stylesheet))
        .route("/favicon.svg", get(assets::icon_svg))
        .route("/favicon.ico", get(assets::icon_ico))
}

async fn not_found() -> AppError {
    AppError::NotFound
}
