//! The site's static files, embedded in the binary: the stylesheet and the icons, each
//! with an ETag (answered 304 when the browser has it) and a day of caching.

use std::sync::LazyLock;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// One embedded file and its validator.
struct Asset {
    body: &'static [u8],
    content_type: &'static str,
    etag: String,
}

impl Asset {
    fn new(body: &'static [u8], content_type: &'static str) -> Self {
        let digest = Sha256::digest(body);
        let etag = format!(
            "\"{}\"",
            digest[..8]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        Self {
            body,
            content_type,
            etag,
        }
    }

    fn answer(&self, request: &HeaderMap) -> Response {
        let cached = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim() == self.etag));
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=86400"),
        );
        if let Ok(etag) = HeaderValue::from_str(&self.etag) {
            headers.insert(header::ETAG, etag);
        }
        if cached {
            return (StatusCode::NOT_MODIFIED, headers).into_response();
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type),
        );
        (headers, self.body).into_response()
    }
}

static STYLESHEET: LazyLock<Asset> = LazyLock::new(|| {
    Asset::new(
        include_bytes!("../../templates/static/style.css"),
        "text/css; charset=utf-8",
    )
});
static ICON_SVG: LazyLock<Asset> = LazyLock::new(|| {
    Asset::new(
        include_bytes!("../../templates/static/favicon.svg"),
        "image/svg+xml",
    )
});
static ICON_ICO: LazyLock<Asset> = LazyLock::new(|| {
    Asset::new(
        include_bytes!("../../templates/static/favicon.ico"),
        "image/x-icon",
    )
});

pub async fn stylesheet(headers: HeaderMap) -> Response {
    STYLESHEET.answer(&headers)
}

pub async fn icon_svg(headers: HeaderMap) -> Response {
    ICON_SVG.answer(&headers)
}

pub async fn icon_ico(headers: HeaderMap) -> Response {
    ICON_ICO.answer(&headers)
}
