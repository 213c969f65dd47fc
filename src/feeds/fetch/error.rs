//! Why a fetch failed, in plain words for participants and coordinators (in their own
//! language: [`FetchError::text`]).

use std::error::Error as StdError;
use std::fmt;
use std::io;

use reqwest::StatusCode;

use crate::feeds::guard::ResolveError;
use crate::i18n::Text;

/// Why a feed could not be read. `Display` is the sentence in English; [`FetchError::text`]
/// the same in any language.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The address (an IP, or a name with the address it resolved to) is not public.
    Blocked(String),
    /// The address cannot be read at all: the message key of why.
    Unsupported(&'static str),
    /// The host name that could not be resolved.
    Dns(String),
    /// Connecting failed: the message key of how.
    Connect(&'static str),
    /// The secure connection failed, with the TLS library's words.
    Tls(String),
    Timeout,
    TooLarge,
    TooManyRedirects,
    Status(u16),
    /// The answer came but could not be used: what is wrong with it.
    Unusable(Text),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

impl StdError for FetchError {}

impl FetchError {
    /// What went wrong, to be said in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            FetchError::Blocked(address) => {
                Text::new("feed-blocked").with("address", address.as_str())
            }
            FetchError::Unsupported(key) | FetchError::Connect(key) => Text::new(key),
            FetchError::Dns(host) => Text::new("feed-no-such-name").with("host", host.as_str()),
            FetchError::Tls(detail) => Text::new("feed-tls").with("detail", detail.as_str()),
            FetchError::Timeout => Text::new("feed-timeout"),
            FetchError::TooLarge => Text::new("feed-too-large"),
            FetchError::TooManyRedirects => Text::new("feed-redirects"),
            FetchError::Status(code) => status_text(*code),
            FetchError::Unusable(text) => text.clone(),
        }
    }

    /// A short label for metrics and summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::Blocked(_) => "blocked",
            FetchError::Unsupported(_) => "unsupported",
            FetchError::Dns(_) => "dns",
            FetchError::Connect(_) | FetchError::Tls(_) => "connect",
            FetchError::Timeout => "timeout",
            FetchError::TooLarge => "too_large",
            FetchError::TooManyRedirects => "redirects",
            FetchError::Status(code) => status_kind(*code),
            FetchError::Unusable(_) => "other",
        }
    }

    /// Classifies a reqwest error by what is in its chain of causes.
    pub(crate) fn from_reqwest(error: &reqwest::Error) -> Self {
        let mut io_kind = None;
        let mut tls = None;
        let mut cause: Option<&(dyn StdError + 'static)> = Some(error);
        while let Some(current) = cause {
            let io_error = current.downcast_ref::<io::Error>();
            let inner = io_error
                .and_then(|e| e.get_ref())
                .map(|e| e as &(dyn StdError + 'static));
            for candidate in [Some(current), inner].into_iter().flatten() {
                match candidate.downcast_ref::<ResolveError>() {
                    Some(ResolveError::Blocked { host, addr }) => {
                        return FetchError::Blocked(format!("{host} at {addr}"));
                    }
                    Some(ResolveError::NotFound { host, .. }) => {
                        return FetchError::Dns(host.clone());
                    }
                    None => {}
                }
                if let Some(rustls_error) = candidate.downcast_ref::<rustls::Error>() {
                    tls.get_or_insert_with(|| rustls_error.to_string());
                }
            }
            if let Some(io_error) = io_error {
                io_kind.get_or_insert(io_error.kind());
            }
            cause = current.source();
        }
        if error.is_timeout() || io_kind == Some(io::ErrorKind::TimedOut) {
            return FetchError::Timeout;
        }
        if let Some(tls) = tls {
            return FetchError::Tls(tls);
        }
        match io_kind {
            Some(io::ErrorKind::ConnectionRefused) => {
                return FetchError::Connect("feed-connect-refused");
            }
            Some(io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted) => {
                return FetchError::Connect("feed-connect-dropped");
            }
            Some(io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable) => {
                return FetchError::Connect("feed-connect-unreachable");
            }
            _ => {}
        }
        if error.is_connect() {
            FetchError::Connect("feed-connect-failed")
        } else if error.is_decode() {
            FetchError::Unusable(Text::new("feed-bad-compression"))
        } else if error.is_body() {
            FetchError::Unusable(Text::new("feed-broke-off"))
        } else {
            FetchError::Unusable(Text::new("feed-no-proper-answer"))
        }
    }
}

fn status_text(code: u16) -> Text {
    // The status as HTTP names it ("404 Not Found"): the same words in every language.
    let status = StatusCode::from_u16(code)
        .ok()
        .and_then(|status| status.canonical_reason())
        .map(|reason| format!("{code} {reason}"))
        .unwrap_or_else(|| code.to_string());
    match code {
        401 | 403 => Text::new("feed-private").with("status", status),
        500..=599 => Text::new("feed-server-error").with("code", code.to_string()),
        _ => Text::new("feed-answered").with("status", status),
    }
}

fn status_kind(code: u16) -> &'static str {
    match code {
        300..=399 => "http_3xx",
        400..=499 => match code {
            400 => "http_400",
            401 => "http_401",
            403 => "http_403",
            404 => "http_404",
            405 => "http_405",
            406 => "http_406",
            451 => "http_451",
            _ => "http_4xx",
        },
        500..=599 => "http_5xx",
        _ => "http_other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_plain_sentences_with_short_kinds() {
        let table = [
            (
                FetchError::Blocked("127.0.0.1".into()),
                "the address points into a private network (127.0.0.1), which Twentythree does not read",
                "blocked",
            ),
            (
                FetchError::Dns("example.invalid".into()),
                "the blog's name example.invalid does not exist",
                "dns",
            ),
            (
                FetchError::Timeout,
                "the blog did not answer within 20 seconds",
                "timeout",
            ),
            (
                FetchError::TooLarge,
                "the feed is larger than 10 MB",
                "too_large",
            ),
            (
                FetchError::TooManyRedirects,
                "the address redirects more than 5 times",
                "redirects",
            ),
            (
                FetchError::Status(404),
                "the blog answered 404 Not Found",
                "http_404",
            ),
            (
                FetchError::Status(403),
                "the blog is private (it answered 403 Forbidden)",
                "http_403",
            ),
            (
                FetchError::Status(401),
                "the blog is private (it answered 401 Unauthorized)",
                "http_401",
            ),
            (
                FetchError::Status(500),
                "the blog's server had an error (500)",
                "http_5xx",
            ),
            (
                FetchError::Status(502),
                "the blog's server had an error (502)",
                "http_5xx",
            ),
            (
                FetchError::Status(418),
                "the blog answered 418 I'm a teapot",
                "http_4xx",
            ),
            (
                FetchError::Status(301),
                "the blog answered 301 Moved Permanently",
                "http_3xx",
            ),
            (
                FetchError::Status(299),
                "the blog answered 299",
                "http_other",
            ),
        ];
        for (error, text, kind) in table {
            assert_eq!(error.to_string(), text);
            assert_eq!(error.kind(), kind, "{text}");
        }
    }
}
