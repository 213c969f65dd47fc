//! The one HTTP client that reads blogs: conditional GET, compression, timeouts, a cap on
//! the decompressed body, redirects followed by hand with every hop checked by the guard.

mod error;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use bytes::Bytes;
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
use reqwest::{StatusCode, redirect};
use url::Url;

pub use error::FetchError;

use super::guard::{GuardedResolver, Policy};

/// The most a feed body may have after decompression.
pub const MAX_BODY: usize = 10 * 1024 * 1024;
/// The most redirects followed for one fetch.
pub const MAX_REDIRECTS: usize = 5;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(20);
const FRESHNESS_CAP: Duration = Duration::from_secs(24 * 60 * 60);
const RETRY_AFTER_MIN: Duration = Duration::from_secs(60);
const RETRY_AFTER_MAX: Duration = Duration::from_secs(7 * 24 * 60 * 60);
const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, \
    application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

/// Reads blogs. Cheap to clone: clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Fetcher {
    client: reqwest::Client,
    policy: Arc<Policy>,
    total_timeout: Duration,
}

/// The validators a feed's last answer carried, sent back exactly as received.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

pub struct Request<'a> {
    pub url: &'a Url,
    pub validators: &'a Validators,
    /// When false a redirect is answered as `Failed(FetchError::Status(code))`.
    pub follow_redirects: bool,
}

#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "one outcome per fetch, consumed at once; the body itself is on the heap"
)]
pub enum Outcome {
    /// 304: nothing read.
    NotModified {
        next_after: Option<Duration>,
    },
    Fetched(Fetched),
    /// 410 Gone.
    Gone,
    /// 429 or 503: come back after this long (from Retry-After, seconds or HTTP date; when
    /// absent, 1 hour for 429 and 10 minutes for 503), between 1 minute and 7 days.
    RetryAfter(Duration),
    Failed(FetchError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    pub final_url: Url,
    /// Set when every hop to the final URL was a 301 or 308 (and there was at least one):
    /// the feed's new address.
    pub moved_permanently_to: Option<Url>,
    pub status: u16,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Decompressed, at most [`MAX_BODY`].
    pub body: Bytes,
    /// Lower bound on the next fetch from Cache-Control max-age or Expires, capped at 24 h.
    pub next_after: Option<Duration>,
}

/// How a [`Fetcher`] reads: time limits and which addresses it may reach.
#[derive(Clone)]
pub struct Options {
    /// Time to establish a connection (10 s by default).
    pub connect_timeout: Duration,
    /// Time for the whole fetch, redirects and body included (20 s by default).
    pub total_timeout: Duration,
    /// Whether private and loopback addresses may be read.
    pub allow_private: bool,
    /// Exact addresses that count as public although they are not: lets tests and the
    /// hostile example stand a loopback server in for a public blog. Empty in production.
    pub also_public: Vec<std::net::IpAddr>,
    /// A custom DNS resolver; its answers still pass the guard.
    pub resolver: Option<Arc<dyn reqwest::dns::Resolve>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            connect_timeout: CONNECT_TIMEOUT,
            total_timeout: TOTAL_TIMEOUT,
            allow_private: false,
            also_public: Vec::new(),
            resolver: None,
        }
    }
}

impl Fetcher {
    /// `base_url` goes into the User-Agent: `Twentythree/<version> (+<base_url>)`.
    pub fn new(base_url: &Url, allow_private: bool) -> anyhow::Result<Self> {
        Self::with_options(
            base_url,
            Options {
                allow_private,
                ..Options::default()
            },
        )
    }

    /// The same with a custom DNS resolver; its answers still pass the guard.
    pub fn with_resolver(
        base_url: &Url,
        allow_private: bool,
        resolver: Arc<dyn reqwest::dns::Resolve>,
    ) -> anyhow::Result<Self> {
        Self::with_options(
            base_url,
            Options {
                allow_private,
                resolver: Some(resolver),
                ..Options::default()
            },
        )
    }

    pub fn with_options(base_url: &Url, options: Options) -> anyhow::Result<Self> {
        let policy = Policy {
            allow_private: options.allow_private,
            also_public: options.also_public,
        };
        Self::build(
            base_url,
            policy,
            options.resolver,
            options.connect_timeout,
            options.total_timeout,
        )
    }

    pub(crate) fn build(
        base_url: &Url,
        policy: Policy,
        resolver: Option<Arc<dyn reqwest::dns::Resolve>>,
        connect_timeout: Duration,
        total_timeout: Duration,
    ) -> anyhow::Result<Self> {
        if rustls::crypto::CryptoProvider::get_default().is_none() {
            // Losing a race with another installer is fine: a provider is then in place.
            let _ = rustls::crypto::ring::default_provider().install_default();
        }
        let policy = Arc::new(policy);
        let user_agent = format!("Twentythree/{} (+{base_url})", env!("CARGO_PKG_VERSION"));
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static(ACCEPT));
        let client = reqwest::Client::builder()
            .user_agent(
                HeaderValue::from_str(&user_agent).context("the base URL in the User-Agent")?,
            )
            .default_headers(headers)
            .redirect(redirect::Policy::none())
            .no_proxy()
            .connect_timeout(connect_timeout.min(total_timeout))
            .timeout(total_timeout)
            .dns_resolver(Arc::new(GuardedResolver {
                inner: resolver,
                policy: Arc::clone(&policy),
            }))
            .build()
            .context("building the HTTP client")?;
        Ok(Self {
            client,
            policy,
            total_timeout,
        })
    }

    /// Fetches one URL, following redirects when asked; the whole fetch, body included,
    /// takes at most the total timeout (20 seconds by default).
    pub async fn fetch(&self, request: Request<'_>) -> Outcome {
        tokio::time::timeout(self.total_timeout, self.fetch_within_deadline(request))
            .await
            .unwrap_or(Outcome::Failed(FetchError::Timeout))
    }

    /// Posts a form (a WebSub hub request) under the same guard and time limit as a read,
    /// following no redirect; answers the status the server gave.
    pub async fn post_form(&self, url: &Url, fields: &[(&str, &str)]) -> Result<u16, FetchError> {
        self.policy.check_url(url)?;
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let sent = self
            .client
            .post(url.clone())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send();
        let response = match tokio::time::timeout(self.total_timeout, sent).await {
            Ok(Ok(response)) => response,
            Ok(Err(error)) => return Err(FetchError::from_reqwest(&error)),
            Err(_) => return Err(FetchError::Timeout),
        };
        if let Some(peer) = response.remote_addr()
            && !self.policy.permits(peer.ip())
        {
            return Err(FetchError::Blocked(peer.ip().to_string()));
        }
        Ok(response.status().as_u16())
    }

    async fn fetch_within_deadline(&self, request: Request<'_>) -> Outcome {
        let conditional = conditional_headers(request.validators);
        let mut url = request.url.clone();
        let mut redirects = 0;
        let mut all_permanent = true;
        loop {
            if let Err(error) = self.policy.check_url(&url) {
                return Outcome::Failed(error);
            }
            let sent = self
                .client
                .get(url.clone())
                .headers(conditional.clone())
                .send();
            let response = match sent.await {
                Ok(response) => response,
                Err(error) => return Outcome::Failed(FetchError::from_reqwest(&error)),
            };
            if let Some(peer) = response.remote_addr()
                && !self.policy.permits(peer.ip())
            {
                return Outcome::Failed(FetchError::Blocked(peer.ip().to_string()));
            }
            let status = response.status();
            if !is_redirect(status) {
                let moved = (redirects > 0 && all_permanent).then(|| url.clone());
                return finish(response, url, moved).await;
            }
            if !request.follow_redirects {
                return Outcome::Failed(FetchError::Status(status.as_u16()));
            }
            let Some(next) = location(response.headers(), &url) else {
                return Outcome::Failed(FetchError::Status(status.as_u16()));
            };
            redirects += 1;
            if redirects > MAX_REDIRECTS {
                return Outcome::Failed(FetchError::TooManyRedirects);
            }
            all_permanent &= matches!(status.as_u16(), 301 | 308);
            url = next;
        }
    }
}

fn is_redirect(status: StatusCode) -> bool {
    matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
}

fn location(headers: &HeaderMap, base: &Url) -> Option<Url> {
    let value = headers.get(header::LOCATION)?;
    base.join(&String::from_utf8_lossy(value.as_bytes())).ok()
}

fn conditional_headers(validators: &Validators) -> HeaderMap {
    let mut headers = HeaderMap::new();
    let pairs = [
        (header::IF_NONE_MATCH, &validators.etag),
        (header::IF_MODIFIED_SINCE, &validators.last_modified),
    ];
    for (name, value) in pairs {
        if let Some(value) = value.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
            headers.insert(name, value);
        }
    }
    headers
}

async fn finish(response: reqwest::Response, final_url: Url, moved: Option<Url>) -> Outcome {
    let now = SystemTime::now();
    let status = response.status();
    match status.as_u16() {
        304 => Outcome::NotModified {
            next_after: freshness(response.headers(), now),
        },
        410 => Outcome::Gone,
        429 => Outcome::RetryAfter(retry_after(
            response.headers(),
            Duration::from_secs(3600),
            now,
        )),
        503 => Outcome::RetryAfter(retry_after(
            response.headers(),
            Duration::from_secs(600),
            now,
        )),
        _ if status.is_success() => {
            let headers = response.headers().clone();
            let text = |name| header_text(&headers, name).map(str::to_owned);
            let body = match read_body(response).await {
                Ok(body) => body,
                Err(error) => return Outcome::Failed(error),
            };
            Outcome::Fetched(Fetched {
                final_url,
                moved_permanently_to: moved,
                status: status.as_u16(),
                content_type: text(header::CONTENT_TYPE),
                etag: text(header::ETAG),
                last_modified: text(header::LAST_MODIFIED),
                body,
                next_after: freshness(&headers, now),
            })
        }
        code => Outcome::Failed(FetchError::Status(code)),
    }
}

fn header_text(headers: &HeaderMap, name: HeaderName) -> Option<&str> {
    headers.get(name).and_then(|value| value.to_str().ok())
}

/// Reads the (already decompressed) body chunk by chunk and stops past [`MAX_BODY`], so a
/// compression bomb costs at most that much memory.
async fn read_body(mut response: reqwest::Response) -> Result<Bytes, FetchError> {
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY as u64)
    {
        return Err(FetchError::TooLarge);
    }
    let mut body: Vec<u8> = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|error| FetchError::from_reqwest(&error))?
    {
        let needed = body.len() + chunk.len();
        if needed > MAX_BODY {
            return Err(FetchError::TooLarge);
        }
        if needed > body.capacity() {
            let target = needed.max(body.capacity() * 2).min(MAX_BODY);
            body.reserve_exact(target - body.len());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(body))
}

/// How long the answer says it stays fresh: Cache-Control max-age, else Expires (against
/// the answer's Date when it has one), capped at 24 h; `None` when it says nothing useful.
fn freshness(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let mut fresh = None;
    for directive in headers.get_all(header::CACHE_CONTROL).iter() {
        for directive in directive.to_str().unwrap_or_default().split(',') {
            let directive = directive.trim();
            let (name, value) = directive.split_once('=').unwrap_or((directive, ""));
            if name.eq_ignore_ascii_case("no-cache") || name.eq_ignore_ascii_case("no-store") {
                return None;
            }
            if name.eq_ignore_ascii_case("max-age") {
                fresh = value
                    .trim_matches('"')
                    .parse::<u64>()
                    .ok()
                    .map(Duration::from_secs);
            }
        }
    }
    if fresh.is_none()
        && let Some(expires) = header_text(headers, header::EXPIRES)
    {
        let expires = httpdate::parse_http_date(expires).ok()?;
        let date = header_text(headers, header::DATE)
            .and_then(|date| httpdate::parse_http_date(date).ok())
            .unwrap_or(now);
        fresh = expires.duration_since(date).ok();
    }
    fresh.filter(|d| !d.is_zero()).map(|d| d.min(FRESHNESS_CAP))
}

/// How long a 429 or 503 asks us to wait (seconds or an HTTP date), between 1 minute and 7
/// days; `default` when it does not say.
fn retry_after(headers: &HeaderMap, default: Duration, now: SystemTime) -> Duration {
    let asked = header_text(headers, header::RETRY_AFTER)
        .map(str::trim)
        .and_then(|value| match value.parse::<u64>() {
            Ok(seconds) => Some(Duration::from_secs(seconds)),
            Err(_) => httpdate::parse_http_date(value)
                .ok()
                .map(|at| at.duration_since(now).unwrap_or_default()),
        });
    asked
        .unwrap_or(default)
        .clamp(RETRY_AFTER_MIN, RETRY_AFTER_MAX)
}
