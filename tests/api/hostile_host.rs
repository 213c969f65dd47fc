//! Blog hosts that misbehave in every way the open web does, on a raw loopback listener
//! (so they can also never answer, trickle, or stream 300 MB without holding it), plus a
//! canary standing in for a private service that must never be contacted. Shared by the
//! integration suite and `examples/hostile.rs`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The address the hostile host listens on: loopback, but not 127.0.0.1, so a fetcher can
/// count exactly this address as public and still refuse every other private one.
pub const HOST_IP: &str = "127.0.0.2";

/// One misbehaving blog: its name (also its host name, `NAME.test`) and what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    NeverAnswers,
    Trickles,
    Huge,
    GzipBomb,
    RedirectLoop,
    RedirectToMetadata,
    RedirectToPrivateName,
    Gone,
    ServerError,
    TooManyRequests,
    HtmlPage,
    BillionLaughs,
    HundredThousandEntries,
    AbsurdLengths,
    AbsurdDates,
    SameGuid,
    InvalidUtf8,
}

pub const FAULTS: &[Fault] = &[
    Fault::NeverAnswers,
    Fault::Trickles,
    Fault::Huge,
    Fault::GzipBomb,
    Fault::RedirectLoop,
    Fault::RedirectToMetadata,
    Fault::RedirectToPrivateName,
    Fault::Gone,
    Fault::ServerError,
    Fault::TooManyRequests,
    Fault::HtmlPage,
    Fault::BillionLaughs,
    Fault::HundredThousandEntries,
    Fault::AbsurdLengths,
    Fault::AbsurdDates,
    Fault::SameGuid,
    Fault::InvalidUtf8,
];

impl Fault {
    pub fn name(self) -> &'static str {
        match self {
            Fault::NeverAnswers => "never",
            Fault::Trickles => "trickle",
            Fault::Huge => "huge",
            Fault::GzipBomb => "bomb",
            Fault::RedirectLoop => "loop",
            Fault::RedirectToMetadata => "metadata",
            Fault::RedirectToPrivateName => "intranet-redirect",
            Fault::Gone => "gone",
            Fault::ServerError => "error",
            Fault::TooManyRequests => "busy",
            Fault::HtmlPage => "html",
            Fault::BillionLaughs => "laughs",
            Fault::HundredThousandEntries => "many",
            Fault::AbsurdLengths => "long",
            Fault::AbsurdDates => "dates",
            Fault::SameGuid => "sameguid",
            Fault::InvalidUtf8 => "badutf8",
        }
    }

    fn from_host(host: &str) -> Option<Self> {
        let name = host.split(['.', ':']).next()?;
        FAULTS.iter().copied().find(|f| f.name() == name)
    }
}

/// The entries in the [`Fault::HundredThousandEntries`] feed, oldest first.
pub const MANY_ENTRIES: usize = 100_000;
/// A post title in [`Fault::AbsurdLengths`]: one megabyte.
pub const LONG_TITLE: usize = 1024 * 1024;

pub struct HostileHost {
    pub address: SocketAddr,
    /// Connections the private canary received: must stay 0.
    canary_hits: Arc<AtomicUsize>,
    pub canary: SocketAddr,
}

impl HostileHost {
    pub async fn start() -> Self {
        let listener = TcpListener::bind((HOST_IP, 0)).await.unwrap();
        let address = listener.local_addr().unwrap();
        let canary_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let canary = canary_listener.local_addr().unwrap();
        let canary_hits = Arc::new(AtomicUsize::new(0));
        let hits = canary_hits.clone();
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = canary_listener.accept().await {
                hits.fetch_add(1, Ordering::SeqCst);
                let _ = stream
                    .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecret")
                    .await;
            }
        });
        let bomb = Arc::new(gzip_bomb());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let bomb = bomb.clone();
                tokio::spawn(async move {
                    let _ = answer(stream, &bomb, address.port(), canary.port()).await;
                });
            }
        });
        Self {
            address,
            canary_hits,
            canary,
        }
    }

    /// The feed address of a misbehaving blog.
    pub fn url(&self, fault: Fault) -> String {
        format!("http://{}.test:{}/feed", fault.name(), self.address.port())
    }

    /// The same by path on the host's address, for a fetcher without [`Self::names`].
    pub fn path_url(&self, fault: Fault) -> String {
        format!("http://{}/{}", self.address, fault.name())
    }

    /// The feed address of a healthy blog with three posts.
    pub fn healthy_url(&self, n: usize) -> String {
        format!("http://healthy{n}.test:{}/feed", self.address.port())
    }

    pub fn canary_hits(&self) -> usize {
        self.canary_hits.load(Ordering::SeqCst)
    }

    /// Every `NAME.test` resolves to the host, `intranet.test` to the private canary.
    pub fn names(&self) -> Arc<dyn reqwest::dns::Resolve> {
        Arc::new(Names {
            host: self.address.ip(),
            private: self.canary.ip(),
        })
    }
}

struct Names {
    host: IpAddr,
    private: IpAddr,
}

impl reqwest::dns::Resolve for Names {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let ip = if name.as_str().starts_with("intranet.") {
            self.private
        } else {
            self.host
        };
        Box::pin(async move {
            let addrs: reqwest::dns::Addrs = Box::new(std::iter::once(SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

async fn answer(mut stream: TcpStream, bomb: &[u8], port: u16, canary: u16) -> std::io::Result<()> {
    let head = read_head(&mut stream).await?;
    let host = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("host")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();
    // By host name (`never.test`), or by path (`/never`) for a client without our resolver.
    let path = head.split_whitespace().nth(1).unwrap_or_default();
    let by_path = FAULTS
        .iter()
        .copied()
        .find(|f| path.trim_start_matches('/') == f.name());
    let Some(fault) = Fault::from_host(&host).or(by_path) else {
        if host.starts_with("healthy") {
            let n = host
                .trim_start_matches("healthy")
                .split('.')
                .next()
                .unwrap_or("0");
            return send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                &healthy_feed(n),
            )
            .await;
        }
        return send(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"no such blog",
        )
        .await;
    };
    match fault {
        Fault::NeverAnswers => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            Ok(())
        }
        Fault::Trickles => {
            for byte in b"HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\n\r\n<rss>".iter()
            {
                stream.write_all(&[*byte]).await?;
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Ok(())
        }
        Fault::Huge => {
            // No length announced: the reader has to stop on its own.
            stream
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\nconnection: close\r\n\r\n<rss version=\"2.0\"><channel>")
                .await?;
            let chunk = b"<item><title>padding</title></item>".repeat(30_000);
            let mut sent = 0;
            while sent < 300 * 1024 * 1024 {
                stream.write_all(&chunk).await?;
                sent += chunk.len();
            }
            Ok(())
        }
        Fault::GzipBomb => {
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\ncontent-encoding: gzip\r\ncontent-length: {}\r\n\r\n",
                bomb.len()
            );
            stream.write_all(head.as_bytes()).await?;
            stream.write_all(bomb).await
        }
        Fault::RedirectLoop => {
            let to = format!("http://{}/feed", host);
            send(
                &mut stream,
                "302 Found",
                "text/plain",
                &[("location", &to)],
                b"",
            )
            .await
        }
        Fault::RedirectToMetadata => {
            let to = "http://169.254.169.254/latest/meta-data/";
            send(
                &mut stream,
                "302 Found",
                "text/plain",
                &[("location", to)],
                b"",
            )
            .await
        }
        Fault::RedirectToPrivateName => {
            let to = format!("http://intranet.test:{canary}/admin");
            send(
                &mut stream,
                "301 Moved Permanently",
                "text/plain",
                &[("location", &to)],
                b"",
            )
            .await
        }
        Fault::Gone => send(&mut stream, "410 Gone", "text/plain", &[], b"gone").await,
        Fault::ServerError => {
            send(
                &mut stream,
                "500 Internal Server Error",
                "text/plain",
                &[],
                b"oops",
            )
            .await
        }
        Fault::TooManyRequests => {
            let headers = [("retry-after", "3600")];
            send(
                &mut stream,
                "429 Too Many Requests",
                "text/plain",
                &headers,
                b"slow down",
            )
            .await
        }
        Fault::HtmlPage => {
            let page = b"<!DOCTYPE html><html><head><title>My blog</title></head><body><p>Welcome</p></body></html>";
            send(&mut stream, "200 OK", "text/html; charset=utf-8", &[], page).await
        }
        Fault::BillionLaughs => {
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                billion_laughs().as_bytes(),
            )
            .await
        }
        Fault::HundredThousandEntries => {
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                &many_entries(),
            )
            .await
        }
        Fault::AbsurdLengths => {
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                &absurd_lengths(port),
            )
            .await
        }
        Fault::AbsurdDates => {
            let items = [
                item(
                    "y9999",
                    "From the far future",
                    "Fri, 31 Dec 9999 23:59:59 GMT",
                    "<p>later</p>",
                ),
                item(
                    "y1970",
                    "From the epoch",
                    "Thu, 01 Jan 1970 00:00:00 GMT",
                    "<p>earlier</p>",
                ),
            ];
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                &rss(&items.concat()),
            )
            .await
        }
        Fault::SameGuid => {
            let items: Vec<String> = (1..=5)
                .map(|n| {
                    item(
                        "same",
                        &format!("Copy {n}"),
                        &format!("Mon, 0{n} Nov 2026 10:00:00 GMT"),
                        &format!("<p>copy {n}</p>"),
                    )
                })
                .collect();
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml",
                &[],
                &rss(&items.concat()),
            )
            .await
        }
        Fault::InvalidUtf8 => {
            let mut body = rss(&item(
                "bad",
                "Caf\u{e9} BADBYTES",
                "Mon, 02 Nov 2026 10:00:00 GMT",
                "<p>BADBYTES</p>",
            ));
            body = replace(&body, b"BADBYTES", b"\xff\xfe\xc3\x28 ok");
            send(
                &mut stream,
                "200 OK",
                "application/rss+xml; charset=utf-8",
                &[],
                &body,
            )
            .await
        }
    }
}

async fn read_head(stream: &mut TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

async fn send(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body).await?;
    stream.shutdown().await
}

fn rss(items: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>A blog</title><link>http://example.test/</link>{items}</channel></rss>"
    )
    .into_bytes()
}

fn item(guid: &str, title: &str, date: &str, html: &str) -> String {
    format!(
        "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title><pubDate>{date}</pubDate><description><![CDATA[{html}]]></description></item>"
    )
}

fn healthy_feed(n: &str) -> Vec<u8> {
    let items: Vec<String> = (1..=3)
        .map(|i| {
            item(
                &format!("healthy{n}-{i}"),
                &format!("Healthy {n} post {i}"),
                &format!("Mon, 0{i} Nov 2026 10:00:00 GMT"),
                "<p>fine</p>",
            )
        })
        .collect();
    rss(&items.concat())
}

fn billion_laughs() -> String {
    let mut doctype = String::from("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        let refs = format!("&{previous};").repeat(10);
        doctype.push_str(&format!("<!ENTITY lol{level} \"{refs}\">"));
    }
    doctype.push_str("]>");
    format!(
        "<?xml version=\"1.0\"?>{doctype}<rss version=\"2.0\"><channel><title>&lol9;</title>{}</channel></rss>",
        item("laugh", "&lol9;", "Mon, 02 Nov 2026 10:00:00 GMT", "&lol9;")
    )
}

/// 100,000 entries, oldest first, one minute apart, ending 2026-11-01 00:00 UTC; guid `eN`.
fn many_entries() -> Vec<u8> {
    let end = chrono::DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z").unwrap();
    let mut items = String::with_capacity(MANY_ENTRIES * 90);
    for n in 0..MANY_ENTRIES {
        let at = end - chrono::Duration::minutes((MANY_ENTRIES - 1 - n) as i64);
        items.push_str(&format!(
            "<item><guid>e{n}</guid><pubDate>{}</pubDate></item>",
            at.format("%Y-%m-%dT%H:%MZ")
        ));
    }
    rss(&items)
}

fn absurd_lengths(port: u16) -> Vec<u8> {
    let title = "T".repeat(LONG_TITLE);
    let guid = "g".repeat(100_000);
    let link = format!("http://long.test:{port}/{}", "p".repeat(100_000));
    let categories = format!("<category>{}</category>", "c".repeat(10_000)).repeat(60);
    let content = "<p>word </p>".repeat(500_000);
    rss(&format!(
        "<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title><link>{link}</link>{categories}<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[{content}]]></description></item>"
    ))
}

/// `bytes` with every `from` replaced by `to` (the blog host uses it too).
pub fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// About 2 MB of gzip that expands to 2 GiB of zeros: one compressed megabyte, ended with
/// a sync flush so it is byte-aligned, repeated, then a final empty block. The trailer's
/// checksum is not computed: no honest reader ever gets that far.
fn gzip_bomb() -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let zeros = vec![0u8; 1024 * 1024];
    let mut block = Vec::with_capacity(64 * 1024);
    Compress::new(Compression::best(), false)
        .compress_vec(&zeros, &mut block, FlushCompress::Sync)
        .unwrap();
    let mut end = Vec::with_capacity(64);
    Compress::new(Compression::best(), false)
        .compress_vec(&[], &mut end, FlushCompress::Finish)
        .unwrap();
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
    for _ in 0..2048 {
        out.extend_from_slice(&block);
    }
    out.extend_from_slice(&end);
    out.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0x80]);
    out
}

/// Adds a participant whose blog's feed is `feed_url`, as if it had been read fine a day
/// ago (so an HTML page there is "HTML where a feed was").
pub async fn enrol(
    db: &sea_orm::DatabaseConnection,
    cohort: &twentythree::entities::cohort::Model,
    name: &str,
    feed_url: &str,
) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    use twentythree::entities::{feed, participant};
    let now = chrono::Utc::now();
    let email = format!(
        "{}@example.org",
        name.replace(|c: char| !c.is_ascii_alphanumeric(), "")
    );
    let new = twentythree::people::NewParticipant::parse(name, &email, feed_url).unwrap();
    let member = twentythree::people::add_participant(db, cohort, &new, now)
        .await
        .unwrap();
    let feed = feed::ActiveModel {
        url: Set(feed_url.to_owned()),
        status: Set(twentythree::feeds::health::Status::Ok),
        last_fetched_at: Set(Some(now - chrono::Duration::days(1))),
        next_fetch_at: Set(Some(now)),
        consecutive_errors: Set(0),
        previous_urls: Set("[]".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let mut row: participant::ActiveModel = member.into();
    row.feed_id = Set(Some(feed.id));
    row.update(db).await.unwrap();
}

/// A fetcher that treats the hostile host as a public blog and refuses every other private
/// address, with the given total timeout.
pub fn fetcher(host: &HostileHost, total: Duration) -> twentythree::feeds::fetch::Fetcher {
    let options = twentythree::feeds::fetch::Options {
        connect_timeout: total.min(Duration::from_secs(10)),
        total_timeout: total,
        allow_private: false,
        also_public: vec![host.address.ip()],
        resolver: Some(host.names()),
    };
    twentythree::feeds::fetch::Fetcher::with_options(
        &"http://127.0.0.1:2323".parse().unwrap(),
        options,
    )
    .unwrap()
}
