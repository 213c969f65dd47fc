//! A response body kept between requests (a feed, the progress document, the CSV export)
//! with what every request would otherwise make again: its compressed forms, made once on
//! the blocking pool when it is read, and its validator. Sending one costs a copy of a
//! reference, not a brotli pass over 300 KB per request.

use std::io::Write;

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::web::AppError;

/// brotli's quality for kept bodies: made once per data version, which moves with every
/// poll that finds something, so a little above the on-the-fly level of the other pages
/// (4) and far below the slow top levels (a 50 KB page in about a millisecond).
const BROTLI_QUALITY: u32 = 5;
/// brotli's window: 2^18 bytes (its default, 2^22, makes each compression hold a 4 MB ring
/// buffer for bodies that are mostly under 400 KB).
const BROTLI_WINDOW: u32 = 18;

/// A body as sent, in each encoding a client may ask for.
pub struct KeptBody {
    plain: Bytes,
    brotli: Bytes,
    gzip: Bytes,
    /// A strong validator of the plain body (the first 12 bytes of its SHA-256).
    pub etag: String,
}

/// A content coding this server sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl KeptBody {
    /// Compresses `body` (on the blocking pool: it is all CPU) and notes its validator.
    pub async fn new(body: impl Into<Bytes>) -> Result<Self, AppError> {
        let plain: Bytes = body.into();
        tokio::task::spawn_blocking(move || Self::compress(plain))
            .await
            .map_err(anyhow::Error::from)?
            .map_err(|e| AppError::Internal(e.into()))
    }

    fn compress(plain: Bytes) -> std::io::Result<Self> {
        let mut brotli = Vec::new();
        {
            let mut writer =
                brotli::CompressorWriter::new(&mut brotli, 4096, BROTLI_QUALITY, BROTLI_WINDOW);
            writer.write_all(&plain)?;
        }
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gzip.write_all(&plain)?;
        let gzip = gzip.finish()?;
        let etag = etag_of(&plain);
        Ok(Self {
            plain,
            brotli: brotli.into(),
            gzip: gzip.into(),
            etag,
        })
    }

    /// The body in the coding the request accepts best, with `headers` (its type, its
    /// validators…) and the coding's own: `Content-Encoding` and `Vary: Accept-Encoding`.
    pub fn send(&self, request: &HeaderMap, mut headers: HeaderMap) -> Response {
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let body = match Coding::accepted(request) {
            Coding::Brotli => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                self.brotli.clone()
            }
            Coding::Gzip => {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                self.gzip.clone()
            }
            Coding::Identity => self.plain.clone(),
        };
        (headers, body).into_response()
    }
}

/// A strong validator: the first 12 bytes of the body's SHA-256.
pub fn etag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

impl Coding {
    /// What `Accept-Encoding` accepts best, brotli before gzip as the compression layer
    /// prefers them: a coding counts when it (or `*`) is listed with a weight above zero.
    pub fn accepted(request: &HeaderMap) -> Self {
        let mut brotli = None;
        let mut gzip = None;
        let mut any = None;
        for value in request.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.to_ascii_lowercase().split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim();
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                    .unwrap_or(0.0);
                match name {
                    "br" => brotli = Some(weight),
                    "gzip" | "x-gzip" => gzip = Some(weight),
                    "*" => any = Some(weight),
                    _ => {}
                }
            }
        }
        let accepts = |named: Option<f32>| named.or(any).is_some_and(|q| q > 0.0);
        if accepts(brotli) {
            Self::Brotli
        } else if accepts(gzip) {
            Self::Gzip
        } else {
            Self::Identity
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(value: &str) -> Coding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Coding::accepted(&headers)
    }

    #[test]
    fn the_best_accepted_coding_is_chosen() {
        assert_eq!(asked("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(asked("gzip, deflate"), Coding::Gzip);
        assert_eq!(asked("br;q=0, gzip;q=0.5"), Coding::Gzip);
        assert_eq!(asked("br;q=0, gzip;q=0"), Coding::Identity);
        assert_eq!(asked("*"), Coding::Brotli);
        assert_eq!(asked("*;q=0, identity"), Coding::Identity);
        assert_eq!(asked("deflate"), Coding::Identity);
        assert_eq!(asked("BR;Q=1"), Coding::Brotli);
        assert_eq!(Coding::accepted(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn every_coding_holds_the_same_body() {
        let text = "<feed>".to_owned() + &"a post about podcasts ".repeat(2000) + "</feed>";
        let kept = KeptBody::compress(Bytes::from(text.clone())).unwrap();
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut &kept.brotli[..], &mut unbrotli).unwrap();
        let mut ungzip = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(&kept.gzip[..]),
            &mut ungzip,
        )
        .unwrap();
        assert_eq!(unbrotli, text.as_bytes());
        assert_eq!(ungzip, text);
        assert!(kept.brotli.len() < text.len() / 10, "compressed");
        assert_eq!(kept.plain, text.as_bytes());
        assert_eq!(kept.etag.len(), 26);
    }
}
