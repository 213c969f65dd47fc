//! Who is asking: the session cookie (and its attributes), the `CurrentPerson` extractor,
//! and the guard that refuses cross-site state-changing requests.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use url::Url;

use crate::auth;
use crate::entities::person;
use crate::web::{ApiError, AppError, AppState};

/// The session cookie's name: with the `__Host-` prefix (and `Secure`) behind https.
pub fn cookie_name(base_url: &Url) -> &'static str {
    if is_https(base_url) {
        "__Host-twentythree"
    } else {
        "twentythree"
    }
}

fn is_https(base_url: &Url) -> bool {
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
    let name = cookie_name(base_url);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, value)| *key == name && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}

/// The signed-in person, if any (an unknown or expired session counts as nobody).
pub struct CurrentPerson(pub Option<person::Model>);

impl CurrentPerson {
    /// What `base.html` shows of the signed-in person (`none` for nobody).
    pub fn viewer(&self) -> minijinja::Value {
        self.0.as_ref().map_or(minijinja::Value::from(()), |p| {
            minijinja::context! { name => p.name.clone(), role => p.role.clone() }
        })
    }
}

impl FromRequestParts<AppState> for CurrentPerson {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Some(token) = session_token(&parts.headers, &state.config.base_url) else {
            return Ok(Self(None));
        };
        Ok(Self(
            auth::session_person(&state.db, &token, Utc::now()).await?,
        ))
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
                    "this API token is not valid (or was revoked); create one with `twentythree token create`".into(),
                )
                .into()),
            };
        }
        let CurrentPerson(person) = CurrentPerson::from_request_parts(parts, state).await?;
        Ok(Self(person.filter(auth::is_coordinator)))
    }
}

/// Refuses POST, PUT, PATCH and DELETE from another site: `Sec-Fetch-Site: cross-site`,
/// or an `Origin` that is neither the public address nor the request's own host. The
/// token-authenticated one-click unsubscribe (RFC 8058) is exempt.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let changes_state = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    let one_click_unsubscribe =
        request.method() == Method::POST && request.uri().path().starts_with("/unsubscribe/");
    if changes_state
        && !one_click_unsubscribe
        && is_cross_site(request.headers(), &state.config.base_url)
    {
        return AppError::Forbidden(
            "This form was sent from another site, so nothing was changed. Go back to Twentythree and try again from there."
                .into(),
        )
        .into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &HeaderMap, base_url: &Url) -> bool {
    let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if value(header::HeaderName::from_static("sec-fetch-site")) == Some("cross-site") {
        return true;
    }
    let Some(origin) = value(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = Url::parse(origin) else {
        return true;
    };
    let same_as_base = origin.origin() == base_url.origin();
    let same_as_host = value(header::HOST).is_some_and(|host| {
        let port = origin.port().map(|p| format!(":{p}")).unwrap_or_default();
        origin
            .host_str()
            .is_some_and(|h| format!("{h}{port}").eq_ignore_ascii_case(host))
    });
    !(same_as_base || same_as_host)
}

/// A signed-in coordinator. Anyone else is refused: a stranger is sent to `/login`, a
/// participant gets 403.
pub struct Coordinator(pub person::Model);

impl FromRequestParts<AppState> for Coordinator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let CurrentPerson(person) = CurrentPerson::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match person {
            Some(person) if auth::is_coordinator(&person) => Ok(Self(person)),
            Some(_) => {
                Err(AppError::Forbidden("This part is for coordinators.".into()).into_response())
            }
            None => Err(axum::response::Redirect::to("/login").into_response()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn cross_site_requests_are_recognised() {
        let base: Url = "https://things.example.org".parse().unwrap();
        let host = ("host", "127.0.0.1:8080");
        assert!(!is_cross_site(&headers(&[host]), &base));
        assert!(!is_cross_site(
            &headers(&[host, ("origin", "https://things.example.org")]),
            &base
        ));
        assert!(!is_cross_site(
            &headers(&[host, ("origin", "http://127.0.0.1:8080")]),
            &base
        ));
        assert!(!is_cross_site(
            &headers(&[host, ("sec-fetch-site", "same-origin")]),
            &base
        ));
        assert!(is_cross_site(
            &headers(&[host, ("origin", "https://evil.example")]),
            &base
        ));
        assert!(is_cross_site(&headers(&[host, ("origin", "null")]), &base));
        assert!(is_cross_site(
            &headers(&[host, ("origin", "http://127.0.0.1:9999")]),
            &base
        ));
        assert!(is_cross_site(
            &headers(&[host, ("sec-fetch-site", "cross-site")]),
            &base
        ));
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
