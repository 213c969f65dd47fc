//! The guard against other sites' forms: every state-changing request must come from this
//! site and carry this browser's form token (derived from its session, or a cookie before
//! sign-in).

use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

use super::auth::{cookie_value, is_https, session_token};
use crate::auth;
use crate::i18n::Text;
use crate::web::{AppError, AppState};

/// The form token of this browser, put in request extensions by [`guard_forms`]: every
/// form carries it as the hidden field `csrf`.
#[derive(Clone)]
pub struct FormToken(pub String);

/// The form-token cookie's name, with the `__Host-` prefix behind https.
fn form_cookie_name(base_url: &Url) -> &'static str {
    if is_https(base_url) {
        "__Host-twentythree-form"
    } else {
        "twentythree-form"
    }
}

/// Guards every state-changing request (POST, PUT, PATCH, DELETE) against other sites.
///
/// - Refused with 403: `Sec-Fetch-Site: cross-site`, or an `Origin` that is neither the
///   public address nor the request's own host.
/// - The form token, sent back in the form field `csrf` (never in the address): a request
///   that carries a session cookie acts with someone's authority and must carry the token
///   derived from that session; without a session, a token that is sent must match the
///   browser's form cookie. A missing or wrong token gets 403 and changes nothing.
/// - The token-authenticated one-click unsubscribe (RFC 8058), which mail programs send
///   without cookies, is exempt, and so are WebSub deliveries (HMAC-signed by the hub).
pub async fn guard_forms(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let base_url = &state.config.base_url;
    let session = session_token(request.headers(), base_url);
    let cookie = cookie_value(request.headers(), form_cookie_name(base_url))
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()));
    let expected = match &session {
        Some(session) => Some(form_token(session)),
        None => cookie.clone(),
    };
    let changes_state = matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    // WebSub deliveries are signed with the subscription's secret instead.
    let one_click_unsubscribe = request.method() == Method::POST
        && (request.uri().path().starts_with("/unsubscribe/")
            || request.uri().path().starts_with("/websub/"));
    let mut request = request;
    if changes_state && !one_click_unsubscribe {
        if is_cross_site(request.headers(), base_url) {
            return refused();
        }
        let (sent, rebuilt) = match submitted_token(request).await {
            Ok(found) => found,
            Err(response) => return *response,
        };
        request = rebuilt;
        let accepted = match (&expected, &sent) {
            (Some(expected), Some(sent)) => constant_time_eq(expected.as_bytes(), sent.as_bytes()),
            (_, None) => session.is_none(),
            (None, Some(_)) => false,
        };
        if !accepted {
            return refused();
        }
    }
    let fresh = expected.is_none();
    let token = expected.unwrap_or_else(crate::secret::token);
    request.extensions_mut().insert(FormToken(token.clone()));
    let mut response = next.run(request).await;
    if fresh {
        let secure = if is_https(base_url) { "; Secure" } else { "" };
        let value = format!(
            "{}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={}{secure}",
            form_cookie_name(base_url),
            auth::SESSION_LIFETIME.num_seconds()
        );
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The form token of a signed-in browser: derived from its session, so it needs no state
/// of its own and is valid on every instance.
pub fn form_token(session: &str) -> String {
    auth::hash(&format!("form:{session}"))
}

fn refused() -> Response {
    AppError::Forbidden(Text::new("error-form-out-of-date")).into_response()
}

/// The token a request carries in its body, never in its address: the `csrf` field of a
/// URL-encoded form, or of a multipart upload (read, and put back for the handler).
async fn submitted_token(request: Request) -> Result<(Option<String>, Request), Box<Response>> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let multipart = content_type.starts_with("multipart/form-data");
    if !multipart && !content_type.starts_with("application/x-www-form-urlencoded") {
        return Ok((None, request));
    }
    let limit = if multipart {
        crate::web::UPLOAD_LIMIT
    } else {
        crate::web::FORM_LIMIT
    };
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        let refusal = if multipart {
            AppError::TooLarge(
                Text::new("error-upload-too-large")
                    .with("limit", crate::web::UPLOAD_LIMIT / (1024 * 1024)),
            )
        } else {
            crate::web::extract::too_large()
        };
        Box::new(refusal.into_response())
    })?;
    let token = if multipart {
        multipart_field(&content_type, bytes.clone(), "csrf").await
    } else {
        url::form_urlencoded::parse(&bytes)
            .find(|(key, _)| key == "csrf")
            .map(|(_, value)| value.into_owned())
    };
    Ok((
        token,
        Request::from_parts(parts, axum::body::Body::from(bytes)),
    ))
}

/// The text of field `name` in a multipart body.
async fn multipart_field(content_type: &str, body: bytes::Bytes, name: &str) -> Option<String> {
    let probe = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(axum::body::Body::from(body))
        .ok()?;
    let mut fields = axum::extract::Multipart::from_request(probe, &())
        .await
        .ok()?;
    while let Ok(Some(field)) = fields.next_field().await {
        if field.name() == Some(name) {
            return field.text().await.ok();
        }
    }
    None
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::auth::tests::headers;

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
}
