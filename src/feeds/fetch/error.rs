//! Why a fetch failed, in plain words for participants and coordinators.

use std::error::Error as StdError;
use std::io;

use reqwest::StatusCode;

use crate::feeds::guard::ResolveError;

/// Why a feed could not be read. `Display` is a sentence for a participant or coordinator.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The address (an IP, or a name with the address it resolved to) is not public.
    #[error("the address points into a private network ({0}), which Twentythree does not read")]
    Blocked(String),
    /// The address cannot be read at all; holds the whole sentence.
    #[error("{0}")]
    Unsupported(String),
    /// The host name that could not be resolved.
    #[error("the blog's name {0} does not exist")]
    Dns(String),
    /// Connecting failed; holds the whole sentence.
    #[error("{0}")]
    Connect(String),
    #[error("the blog did not answer within 20 seconds")]
    Timeout,
    #[error("the feed is larger than 10 MB")]
    TooLarge,
    #[error("the address redirects more than 5 times")]
    TooManyRedirects,
    #[error("{}", describe_status(*.0))]
    Status(u16),
    /// Anything else; holds the whole sentence.
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// A short label for metrics and summaries.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::Blocked(_) => "blocked",
            FetchError::Unsupported(_) => "unsupported",
            FetchError::Dns(_) => "dns",
            FetchError::Connect(_) => "connect",
            FetchError::Timeout => "timeout",
            FetchError::TooLarge => "too_large",
            FetchError::TooManyRedirects => "redirects",
            FetchError::Status(code) => status_kind(*code),
            FetchError::Other(_) => "other",
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
            return FetchError::Connect(format!("the blog's secure connection failed ({tls})"));
        }
        match io_kind {
            Some(io::ErrorKind::ConnectionRefused) => {
                return FetchError::Connect("the blog's server refused the connection".into());
            }
            Some(io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionAborted) => {
                return FetchError::Connect("the blog's server dropped the connection".into());
            }
            Some(io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable) => {
                return FetchError::Connect("the blog's server cannot be reached".into());
            }
            _ => {}
        }
        if error.is_connect() {
            FetchError::Connect("the blog's server could not be reached".into())
        } else if error.is_decode() {
            FetchError::Other(
                "the blog's answer was compressed in a way that cannot be read".into(),
            )
        } else if error.is_body() {
            FetchError::Other("the blog's answer broke off before it was complete".into())
        } else {
            FetchError::Other("the blog's server did not give a proper answer".into())
        }
    }
}

fn describe_status(code: u16) -> String {
    let phrase = StatusCode::from_u16(code)
        .ok()
        .and_then(|status| status.canonical_reason())
        .map(|reason| format!("{code} {reason}"))
        .unwrap_or_else(|| code.to_string());
    match code {
        401 | 403 => format!("the blog is private (it answered {phrase})"),
        500..=599 => format!("the blog's server had an error ({code})"),
        _ => format!("the blog answered {phrase}"),
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
