//! Who is asking: the session cookie (and its attributes), the `CurrentPerson`,
//! `Coordinator` and `SignedIn` extractors, where to go after signing in, and keeping
//! personal answers private (the guard against other sites' forms is [`super::csrf`]).

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use url::Url;

use crate::auth;
use crate::entities::person;
use crate::i18n::Text;
use crate::i18n::{self, Locale};
use crate::web::{ApiError, AppError, AppState};

/// The session cookie's name: with the `__Host-` prefix (and `Secure`) behind https.
pub fn cookie_name(base_url: &Url) -> &'static str {
    if is_https(base_url) {
        "__Host-twentythree"
    } else {
        "twentythree"
    }
}

pub(super) fn is_https(base_url: &Url) -> bool {
    base_url.scheme() == "https"
}

/// The `Set-Cookie` value that starts a session (or, with `None`, ends it).
pub fn session_cookie(base_url: &Url, token: Option<&str>) -> Result<HeaderValue, AppError> {
    let secure = if is_https(base_url) { "; Secure" } else { "" };
    let max_age = match token {
        Some(_) => auth::SESSION_LIFETIME.num_seconds(),
        None => 0,
    };
    let value = format!(
        "{}={}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}",
        cookie_name(base_url),
        token.unwrap_or_default()
    );
    HeaderValue::from_str(&value).map_err(|e| AppError::Internal(e.into()))
}

/// The session token the browser sent, if any.
pub fn session_token(headers: &HeaderMap, base_url: &Url) -> Option<String> {
    cookie_value(headers, cookie_name(base_url))
}

pub(super) fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, value)| *key == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

/// Who is asking: the signed-in person, if any (an unknown or expired session counts as
/// nobody), the browser's form token, and what it says of its language. Every page renders
/// through [`Self::render`], so every page shows who is signed in, every form can carry its
/// token, and every page is in the reader's language (`lang`).
#[derive(Clone)]
pub struct CurrentPerson {
    pub person: Option<person::Model>,
    pub form_token: String,
    /// The browser's `Accept-Language` and `lang` cookie (set by the footer switcher).
    pub languages: BrowserLanguages,
    /// The language of the program whose cohort the page belongs to, set by the handler.
    program_language: Option<String>,
}

/// What a browser says of its reader's language: the `lang` cookie (the footer switcher's
/// choice), the `Accept-Language` header, and the page it is on (for the switcher to
/// come back to, without its query).
#[derive(Clone, Debug, Default)]
pub struct BrowserLanguages {
    pub cookie: Option<String>,
    pub accept_language: Option<String>,
    pub here: String,
}

/// The cookie that keeps a stranger's choice of language.
pub const LANG_COOKIE: &str = "lang";

impl BrowserLanguages {
    pub fn of(headers: &HeaderMap, uri: &axum::http::Uri) -> Self {
        Self {
            cookie: cookie_value(headers, LANG_COOKIE),
            accept_language: headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            // The path only: a query may carry what a page must not echo (`next=`).
            here: uri.path().to_owned(),
        }
    }
}

impl CurrentPerson {
    pub fn new(
        person: Option<person::Model>,
        form_token: String,
        languages: BrowserLanguages,
    ) -> Self {
        Self {
            person,
            form_token,
            languages,
            program_language: None,
        }
    }

    /// The same reader on a page of a cohort whose program is in `language`: a person
    /// without a preference of their own sees the page in the program's language.
    #[must_use]
    pub fn in_program_language(&self, language: &str) -> Self {
        Self {
            program_language: Some(language.to_owned()),
            ..self.clone()
        }
    }

    /// The language this reader sees: their own preference, else the switcher's cookie
    /// (a stranger's own choice), else the cohort's program language, else the browser's
    /// `Accept-Language`, else English.
    pub fn locale(&self) -> Locale {
        let own = self
            .person
            .as_ref()
            .and_then(|p| p.language.as_deref())
            .or(self.languages.cookie.as_deref());
        i18n::negotiate(
            own,
            self.program_language.as_deref(),
            self.languages.accept_language.as_deref(),
        )
    }

    /// What `base.html` shows of the signed-in person (`none` for nobody).
    pub fn viewer(&self) -> minijinja::Value {
        self.person
            .as_ref()
            .map_or(minijinja::Value::from(()), |p| {
                minijinja::context! {
                    name => p.name.clone(),
                    role => p.role.to_string(),
                    coordinator => auth::is_coordinator(p),
                }
            })
    }

    /// What every page gets: `viewer`, `csrf`, `lang` (the locale's code), `languages`
    /// (the switcher's choices) and `here` (the page's own address, to come back to).
    pub fn page_context(&self) -> minijinja::Value {
        let languages: Vec<minijinja::Value> = i18n::choices()
            .into_iter()
            .map(|(code, name)| minijinja::context! { code, name })
            .collect();
        minijinja::context! {
            viewer => self.viewer(),
            csrf => self.form_token.clone(),
            lang => self.locale().code(),
            languages,
            here => self.languages.here.clone(),
        }
    }

    /// Renders a page template with [`Self::page_context`] added to `context`.
    pub fn render(
        &self,
        template: &str,
        context: minijinja::Value,
    ) -> Result<axum::response::Html<String>, AppError> {
        let context = minijinja::context! { ..self.page_context(), ..context };
        Ok(axum::response::Html(crate::templates::render(
            template, context,
        )?))
    }
}

impl FromRequestParts<AppState> for CurrentPerson {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if let Some(current) = parts.extensions.get::<Self>() {
            return Ok(current.clone());
        }
        let person = match session_token(&parts.headers, &state.config.base_url) {
            Some(token) => auth::session_person(&state.db, &token, Utc::now()).await?,
            None => None,
        };
        // A page made for every stranger carries nobody's form token.
        let form_token = match parts.extensions.get::<super::shared::ForEveryStranger>() {
            Some(_) => String::new(),
            None => parts
                .extensions
                .get::<super::csrf::FormToken>()
                .map(|t| t.0.clone())
                .unwrap_or_default(),
        };
        let current = Self::new(
            person,
            form_token,
            BrowserLanguages::of(&parts.headers, &parts.uri),
        );
        parts.extensions.insert(current.clone());
        Ok(current)
    }
}

/// The address of the client: the connection's peer, or behind a trusted reverse proxy
/// the last `X-Forwarded-For` entry (the one the proxy itself added).
pub struct ClientIp(pub std::net::IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        if state.config.trust_proxy {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|entry| entry.trim().parse().ok())
                .next_back();
            if let Some(ip) = forwarded {
                return Ok(Self(ip));
            }
        }
        parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| Self(info.0.ip()))
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no client address")))
    }
}

/// A coordinator asking the API, by `Authorization: Bearer` token or session cookie;
/// `None` for anyone else. A bearer token that is not valid is refused with 401.
pub struct ApiCoordinator(pub Option<person::Model>);

impl FromRequestParts<AppState> for ApiCoordinator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let now = Utc::now();
        if let Some(authorization) = parts.headers.get(header::AUTHORIZATION) {
            let token = authorization
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .filter(|t| !t.is_empty());
            let person = match token {
                Some(token) => auth::api_token_person(&state.db, token, now).await?,
                None => None,
            };
            return match person {
                Some(person) => Ok(Self(Some(person))),
                None => Err(AppError::Unauthorized(
                    Text::verbatim("this API token is not valid (or was revoked); create one with `twentythree token create`"),
                )
                .into()),
            };
        }
        let current = CurrentPerson::from_request_parts(parts, state).await?;
        Ok(Self(current.person.filter(auth::is_coordinator)))
    }
}

/// Keeps personal answers out of caches and browsers on https: every answer to a request
/// with a session or an API token gets `Cache-Control: no-store` (unless it set its own,
/// as the stylesheet and the feeds do), and every answer gets HSTS behind https.
pub async fn keep_private(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let base_url = &state.config.base_url;
    let personal = request.headers().contains_key(header::AUTHORIZATION)
        || session_token(request.headers(), base_url).is_some();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if personal && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if is_https(base_url) {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// `next` when it is a path on this site (`/cohorts/x?page=2`), so that a sign-in can come
/// back to it; `None` for anything that could lead elsewhere (`//evil.example`,
/// `https://evil.example`, `/\\evil.example`, control characters).
pub fn local_path(next: &str) -> Option<&str> {
    let rest = next.strip_prefix('/')?;
    let safe = !rest.starts_with(['/', '\\'])
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control() || c.is_whitespace())
        && next.len() <= 2048;
    safe.then_some(next)
}

/// Sends a stranger to sign in, and afterwards back to `uri` (a page: a form sent without
/// signing in is not sent again, so its sender just signs in).
pub fn sign_in_first(method: &Method, uri: &axum::http::Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return axum::response::Redirect::to("/login").into_response();
    }
    let here = uri.path_and_query().map_or("/", |p| p.as_str());
    let next: String = url::form_urlencoded::byte_serialize(here.as_bytes()).collect();
    axum::response::Redirect::to(&format!("/login?next={next}")).into_response()
}

/// A signed-in coordinator (with the request's [`CurrentPerson`], to render pages). Anyone
/// else is refused: a stranger is sent to `/login`, a participant gets 403.
pub struct Coordinator {
    pub person: person::Model,
    pub current: CurrentPerson,
}

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedIn { person, current } = SignedIn::from_request_parts(parts, state).await?;
        if !auth::is_coordinator(&person) {
            return Err(AppError::Forbidden(Text::new("error-coordinators-only")).into_response());
        }
        Ok(Self { person, current })
    }
}

/// A signed-in person. A stranger is sent to `/login`.
pub struct SignedIn {
    pub person: person::Model,
    pub current: CurrentPerson,
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let current = CurrentPerson::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match current.person.clone() {
            Some(person) => Ok(Self { person, current }),
            None => Err(sign_in_first(&parts.method, &parts.uri)),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::web) fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn only_local_paths_are_followed_after_signing_in() {
        assert_eq!(
            local_path("/cohorts/staff/posts?page=2"),
            Some("/cohorts/staff/posts?page=2")
        );
        assert_eq!(local_path("/"), Some("/"));
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "/%0d%0a".replace("%0d%0a", "\r\n").as_str(),
            "evil.example",
            "",
            "/a b",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn cookies_are_found_by_name() {
        let base: Url = "http://127.0.0.1:2323".parse().unwrap();
        let sent = headers(&[("cookie", "other=1; twentythree=abc")]);
        assert_eq!(session_token(&sent, &base).as_deref(), Some("abc"));
        let https: Url = "https://things.example.org".parse().unwrap();
        assert_eq!(session_token(&sent, &https), None);
        let cookie = session_cookie(&https, Some("t")).unwrap();
        assert!(cookie.to_str().unwrap().starts_with(
            "__Host-twentythree=t; HttpOnly; SameSite=Lax; Path=/; Max-Age=2592000; Secure"
        ));
    }
}
