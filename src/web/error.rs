//! One error type for every handler: pages answer with an HTML page, the API with JSON.
//! Internal causes are logged once and never shown; an unreachable database answers 503
//! with Retry-After, so clients and proxies come back once it is up again.

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::AppState;
use super::auth::{BrowserLanguages, CurrentPerson};
use crate::i18n::{Locale, Text};
use crate::templates;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(Text),
    #[error("forbidden")]
    Forbidden(Text),
    #[error("unauthorized")]
    Unauthorized(Text),
    /// The database was found unreachable moments ago: not tried again yet.
    #[error("the database is presumed away")]
    DatabaseAway,
    /// A request body over its limit (413).
    #[error("too large")]
    TooLarge(Text),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A 400 that says `why` in the reader's language, wherever it is made.
    pub fn refused(why: Text) -> Self {
        Self::BadRequest(why)
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Internal(e.into())
    }
}

impl From<crate::feeds::AttachError> for AppError {
    fn from(e: crate::feeds::AttachError) -> Self {
        match e {
            crate::feeds::AttachError::Taken => {
                Self::BadRequest(Text::new("error-blog-of-their-own"))
            }
            crate::feeds::AttachError::Db(e) => e.into(),
        }
    }
}

/// A refused claim, report or mark: 400 with the reason (nothing changed).
impl From<crate::progress::completions::CompletionError> for AppError {
    fn from(e: crate::progress::completions::CompletionError) -> Self {
        use crate::i18n::Refusal;
        match e.refusal() {
            Ok(refused) => Self::refused(refused),
            Err(e) => e.into(),
        }
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        Self::Internal(e.into())
    }
}

/// Seconds a client is asked to wait while the database is away.
const RETRY_AFTER: &str = "10";

impl AppError {
    /// Whether the cause is a database that cannot be reached right now.
    fn database_away(&self) -> bool {
        match self {
            Self::DatabaseAway => true,
            Self::Internal(cause) => cause
                .chain()
                .filter_map(|e| e.downcast_ref::<sea_orm::DbErr>())
                .any(crate::db::is_unreachable),
            _ => false,
        }
    }

    fn status(&self) -> StatusCode {
        if self.database_away() {
            return StatusCode::SERVICE_UNAVAILABLE;
        }
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::DatabaseAway => StatusCode::SERVICE_UNAVAILABLE,
            Self::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What a person may be told, to be said in their language.
    fn public_message(&self) -> Text {
        if self.database_away() {
            return Text::new("error-database-away");
        }
        match self {
            Self::NotFound => Text::new("error-not-found"),
            Self::BadRequest(message)
            | Self::Forbidden(message)
            | Self::Unauthorized(message)
            | Self::TooLarge(message) => message.clone(),
            Self::DatabaseAway | Self::Internal(_) => Text::new("error-internal"),
        }
    }

    /// Tags a response caused by an unreachable database, for [`fail_fast`].
    fn mark(&self, mut response: Response) -> Response {
        if matches!(self, Self::Internal(_)) && self.database_away() {
            response.extensions_mut().insert(FoundAway);
        }
        response
    }

    fn log(&self) {
        let Self::Internal(cause) = self else { return };
        if self.database_away() {
            tracing::warn!(error = %cause, "request failed: the database is unreachable");
        } else {
            tracing::error!(error = ?cause, "request failed");
        }
    }
}

/// What an error page says, kept on the response so that [`error_pages`] can render it
/// again for a signed-in person.
#[derive(Clone, Debug)]
struct ErrorPage {
    status: StatusCode,
    message: Text,
}

/// The message key of each kind of error page's title.
fn title(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "error-title-bad-request",
        401 => "error-title-unauthorized",
        403 => "error-title-forbidden",
        404 => "error-title-not-found",
        410 => "error-title-gone",
        413 => "error-title-too-large",
        429 => "error-title-too-many",
        503 => "error-title-unavailable",
        _ => "error-title-internal",
    }
}

/// The error page, for whoever is asking, in their language.
fn render_page(page: &ErrorPage, current: &CurrentPerson) -> Result<String, minijinja::Error> {
    templates::render(
        "error.html",
        minijinja::context! {
            status => page.status.as_u16(), reason => title(page.status),
            message => page.message.say(current.locale()), ..current.page_context(),
        },
    )
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let page = ErrorPage {
            status: self.status(),
            message: self.public_message(),
        };
        let nobody = CurrentPerson::new(None, String::new(), BrowserLanguages::default());
        let mut response = match render_page(&page, &nobody) {
            Ok(html) => (page.status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = ?e, "cannot render the error page");
                (page.status, page.message.say(Locale::En)).into_response()
            }
        };
        response.extensions_mut().insert(page);
        self.mark(with_retry_after(response))
    }
}

/// Renders an error page again for whoever asked: with the signed-in person in its header,
/// as every other page shows them, and in the reader's language (errors are made where
/// nobody is known yet).
pub async fn error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let session = super::auth::session_token(request.headers(), &state.config.base_url);
    let languages = BrowserLanguages::of(request.headers(), request.uri());
    let mut response = next.run(request).await;
    let Some(page) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let person = match &session {
        Some(session) => crate::auth::session_person(&state.db, session, chrono::Utc::now())
            .await
            .ok()
            .flatten(),
        None => None,
    };
    let form_token = match (&person, &session) {
        (Some(_), Some(session)) => super::csrf::form_token(session),
        _ => String::new(),
    };
    let current = CurrentPerson::new(person, form_token, languages);
    if let Ok(html) = render_page(&page, &current) {
        let headers = response.headers().clone();
        let mut again = (page.status, Html(html)).into_response();
        for (name, value) in &headers {
            if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
                again.headers_mut().insert(name, value.clone());
            }
        }
        *again.extensions_mut() = std::mem::take(response.extensions_mut());
        response = again;
    }
    response
}

/// Adds Retry-After to a 503.
fn with_retry_after(mut response: Response) -> Response {
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    }
    response
}

/// The API's flavour of [`AppError`]: `{"error": "..."}` with the right status.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        Self(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let body = serde_json::json!({ "error": self.0.public_message().say(Locale::En) });
        self.0.mark(with_retry_after(
            (self.0.status(), Json(body)).into_response(),
        ))
    }
}

/// Marks a response that found the database unreachable.
#[derive(Clone, Copy, Debug)]
struct FoundAway;

/// Answers 503 at once while the database is presumed away (see
/// [`crate::db::Reachability`]), and notes when a request finds it unreachable. `/healthz`
/// always asks the database itself.
pub async fn fail_fast(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path != "/healthz" && state.reachability.presumed_away(chrono::Utc::now()) {
        return if path.starts_with("/api/") {
            ApiError(AppError::DatabaseAway).into_response()
        } else {
            AppError::DatabaseAway.into_response()
        };
    }
    let response = next.run(request).await;
    if response.extensions().get::<FoundAway>().is_some() {
        state.reachability.unreachable_at(chrono::Utc::now());
    }
    response
}
