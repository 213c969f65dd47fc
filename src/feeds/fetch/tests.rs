//! The fetcher against real HTTP servers on loopback.

use std::collections::HashMap;
use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, SystemTime};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::*;

fn install_crypto() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

fn base() -> Url {
    Url::parse("https://23.example.org/").unwrap()
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    path: String,
    headers: Vec<(String, String)>,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn reply(status: u16, headers: &[(&str, &str)], body: impl Into<Vec<u8>>) -> Reply {
    Reply {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body: body.into(),
    }
}

fn feed(body: &str) -> Reply {
    reply(200, &[("Content-Type", "application/rss+xml")], body)
}

struct Server {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    connections: Arc<AtomicUsize>,
}

impl Server {
    fn url(&self, path: &str) -> Url {
        Url::parse(&format!("http://{}{path}", self.addr)).unwrap()
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

/// An HTTP/1.1 server on `ip` that answers each request with `handler(request)` and closes.
async fn serve(ip: &str, handler: impl Fn(&Seen) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind((ip.parse::<IpAddr>().unwrap(), 0))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let connections = Arc::new(AtomicUsize::new(0));
    let handler = Arc::new(handler);
    let (log, count) = (Arc::clone(&seen), Arc::clone(&connections));
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            let (handler, log) = (Arc::clone(&handler), Arc::clone(&log));
            tokio::spawn(async move { answer(stream, &*handler, &log).await });
        }
    });
    Server {
        addr,
        seen,
        connections,
    }
}

async fn read_head(stream: &mut TcpStream) -> Option<Seen> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.lines();
    let path = lines.next()?.split(' ').nth(1)?.to_owned();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Some(Seen { path, headers })
}

async fn answer(
    mut stream: TcpStream,
    handler: &(dyn Fn(&Seen) -> Reply + Send + Sync),
    log: &Mutex<Vec<Seen>>,
) {
    let Some(request) = read_head(&mut stream).await else {
        return;
    };
    log.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    let mut out = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status).into_bytes();
    for (name, value) in &reply.headers {
        write!(out, "{name}: {value}\r\n").unwrap();
    }
    write!(out, "Content-Length: {}\r\n\r\n", reply.body.len()).unwrap();
    out.extend_from_slice(&reply.body);
    let _ = stream.write_all(&out).await;
    let _ = stream.shutdown().await;
}

/// Maps test names to addresses, as a DNS server would.
struct MapResolver(HashMap<&'static str, IpAddr>);

impl Resolve for MapResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let found = self.0.get(name.as_str()).copied();
        Box::pin(async move {
            let ip = found.ok_or("no such name")?;
            Ok(Box::new(std::iter::once(SocketAddr::new(ip, 0))) as Addrs)
        })
    }
}

fn fetcher(allow_private: bool) -> Fetcher {
    install_crypto();
    Fetcher::new(&base(), allow_private).unwrap()
}

/// A fetcher that refuses private addresses but counts 127.0.0.2 as public, so a server
/// there stands in for a public blog; `trusted.test` is it and `blog.test` is 127.0.0.1.
fn guarded_fetcher(timeout: Duration) -> Fetcher {
    install_crypto();
    let names = HashMap::from([
        ("trusted.test", "127.0.0.2".parse().unwrap()),
        ("blog.test", "127.0.0.1".parse().unwrap()),
        ("metadata.test", "169.254.169.254".parse().unwrap()),
    ]);
    let policy = Policy {
        allow_private: false,
        also_public: vec!["127.0.0.2".parse().unwrap()],
    };
    Fetcher::build(
        &base(),
        policy,
        Some(Arc::new(MapResolver(names))),
        timeout,
        timeout,
    )
    .unwrap()
}

async fn get(fetcher: &Fetcher, url: &Url) -> Outcome {
    let validators = Validators::default();
    fetcher
        .fetch(Request {
            url,
            validators: &validators,
            follow_redirects: true,
        })
        .await
}

fn fetched(outcome: Outcome) -> Fetched {
    match outcome {
        Outcome::Fetched(fetched) => fetched,
        other => panic!("expected a fetched feed, got {other:?}"),
    }
}

#[tokio::test]
async fn fetches_a_feed_with_the_promised_headers() {
    let server = serve("127.0.0.1", |_| {
        reply(
            200,
            &[
                ("Content-Type", "application/atom+xml; charset=utf-8"),
                ("ETag", "W/\"abc-1\""),
                ("Last-Modified", "Tue, 03 Nov 2026 10:00:00 GMT"),
                ("Cache-Control", "public, max-age=900"),
            ],
            "<feed/>",
        )
    })
    .await;
    let url = server.url("/feed.xml");
    let validators = Validators {
        etag: Some("\"v1\"".into()),
        last_modified: Some("Mon, 02 Nov 2026 09:00:00 GMT".into()),
    };
    let request = Request {
        url: &url,
        validators: &validators,
        follow_redirects: true,
    };
    let got = fetched(fetcher(true).fetch(request).await);

    assert_eq!(got.final_url, url);
    assert_eq!(got.moved_permanently_to, None);
    assert_eq!(got.status, 200);
    assert_eq!(
        got.content_type.as_deref(),
        Some("application/atom+xml; charset=utf-8")
    );
    assert_eq!(got.etag.as_deref(), Some("W/\"abc-1\""));
    assert_eq!(
        got.last_modified.as_deref(),
        Some("Tue, 03 Nov 2026 10:00:00 GMT")
    );
    assert_eq!(&got.body[..], b"<feed/>");
    assert_eq!(got.next_after, Some(Duration::from_secs(900)));

    let seen = server.seen();
    let request = &seen[0];
    assert_eq!(request.path, "/feed.xml");
    assert_eq!(
        request.header("user-agent"),
        Some(
            format!(
                "Twentythree/{} (+https://23.example.org/)",
                env!("CARGO_PKG_VERSION")
            )
            .as_str()
        )
    );
    assert_eq!(request.header("accept"), Some(ACCEPT));
    assert_eq!(request.header("if-none-match"), Some("\"v1\""));
    assert_eq!(
        request.header("if-modified-since"),
        Some("Mon, 02 Nov 2026 09:00:00 GMT")
    );
    let encodings = request.header("accept-encoding").unwrap_or_default();
    for encoding in ["gzip", "br", "deflate"] {
        assert!(encodings.contains(encoding), "{encodings}");
    }
}

#[tokio::test]
async fn answers_without_a_body_map_to_outcomes() {
    let server = serve("127.0.0.1", |request| match request.path.as_str() {
        "/304" => reply(304, &[("Cache-Control", "max-age=100000")], ""),
        "/410" => reply(410, &[], "gone"),
        "/429" => reply(429, &[], ""),
        "/429-120" => reply(429, &[("Retry-After", "120")], ""),
        "/429-5" => reply(429, &[("Retry-After", "5")], ""),
        "/503" => reply(503, &[], ""),
        "/503-huge" => reply(503, &[("Retry-After", "99999999")], ""),
        "/404" => reply(404, &[], "not here"),
        "/403" => reply(403, &[], ""),
        "/500" => reply(500, &[], ""),
        _ => reply(204, &[], ""),
    })
    .await;
    let fetcher = fetcher(true);
    let table = [
        (
            "/304",
            Outcome::NotModified {
                next_after: Some(FRESHNESS_CAP),
            },
        ),
        ("/410", Outcome::Gone),
        ("/429", Outcome::RetryAfter(Duration::from_secs(3600))),
        ("/429-120", Outcome::RetryAfter(Duration::from_secs(120))),
        ("/429-5", Outcome::RetryAfter(RETRY_AFTER_MIN)),
        ("/503", Outcome::RetryAfter(Duration::from_secs(600))),
        ("/503-huge", Outcome::RetryAfter(RETRY_AFTER_MAX)),
        ("/404", Outcome::Failed(FetchError::Status(404))),
        ("/403", Outcome::Failed(FetchError::Status(403))),
        ("/500", Outcome::Failed(FetchError::Status(500))),
    ];
    for (path, expected) in table {
        assert_eq!(get(&fetcher, &server.url(path)).await, expected, "{path}");
    }
}

#[tokio::test]
async fn permanent_redirects_report_the_new_address() {
    let target = serve("127.0.0.1", |_| feed("<rss/>")).await;
    let final_url = target.url("/new/feed");
    let hop = final_url.to_string();
    let server = serve("127.0.0.1", move |request| match request.path.as_str() {
        "/old" => reply(301, &[("Location", "/older")], ""),
        "/older" => reply(308, &[("Location", &hop)], ""),
        "/mixed" => reply(301, &[("Location", "mixed-2")], ""),
        "/mixed-2" => reply(302, &[("Location", &hop)], ""),
        _ => reply(404, &[], ""),
    })
    .await;
    let fetcher = fetcher(true);

    let got = fetched(get(&fetcher, &server.url("/old")).await);
    assert_eq!(got.final_url, final_url);
    assert_eq!(got.moved_permanently_to, Some(final_url.clone()));
    assert_eq!(&got.body[..], b"<rss/>");

    let got = fetched(get(&fetcher, &server.url("/mixed")).await);
    assert_eq!(got.final_url, final_url);
    assert_eq!(got.moved_permanently_to, None);
    let paths: Vec<_> = server.seen().into_iter().map(|seen| seen.path).collect();
    assert_eq!(paths, ["/old", "/older", "/mixed", "/mixed-2"]);
}

#[tokio::test]
async fn redirects_are_bounded_and_can_be_refused() {
    let server = serve("127.0.0.1", |request| {
        let n: usize = request.path.trim_start_matches('/').parse().unwrap_or(0);
        if n == 0 {
            feed("<rss/>")
        } else {
            reply(302, &[("Location", &format!("/{}", n - 1))], "")
        }
    })
    .await;
    let fetcher = fetcher(true);

    let got = fetched(get(&fetcher, &server.url(&format!("/{MAX_REDIRECTS}"))).await);
    assert_eq!(got.final_url, server.url("/0"));
    let too_many = get(&fetcher, &server.url(&format!("/{}", MAX_REDIRECTS + 1))).await;
    assert_eq!(too_many, Outcome::Failed(FetchError::TooManyRedirects));

    let url = server.url("/1");
    let validators = Validators::default();
    let request = Request {
        url: &url,
        validators: &validators,
        follow_redirects: false,
    };
    assert_eq!(
        fetcher.fetch(request).await,
        Outcome::Failed(FetchError::Status(302))
    );
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

#[tokio::test]
async fn bodies_are_decompressed_and_capped_after_decompression() {
    let small = gzip(b"<rss>compressed</rss>");
    let bomb = gzip(&vec![b' '; 64 * 1024 * 1024]);
    assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
    let exactly = gzip(&vec![b'a'; MAX_BODY]);
    let server = serve("127.0.0.1", move |request| {
        let body = match request.path.as_str() {
            "/small" => small.clone(),
            "/bomb" => bomb.clone(),
            _ => exactly.clone(),
        };
        reply(200, &[("Content-Encoding", "gzip")], body)
    })
    .await;
    let fetcher = fetcher(true);

    let got = fetched(get(&fetcher, &server.url("/small")).await);
    assert_eq!(&got.body[..], b"<rss>compressed</rss>");
    assert_eq!(
        get(&fetcher, &server.url("/bomb")).await,
        Outcome::Failed(FetchError::TooLarge)
    );
    assert_eq!(
        fetched(get(&fetcher, &server.url("/exactly")).await)
            .body
            .len(),
        MAX_BODY
    );
}

#[tokio::test]
async fn a_plain_body_over_the_cap_is_refused() {
    let server = serve("127.0.0.1", |_| feed(&"x".repeat(MAX_BODY + 1))).await;
    assert_eq!(
        get(&fetcher(true), &server.url("/")).await,
        Outcome::Failed(FetchError::TooLarge)
    );
}

#[tokio::test]
async fn a_trickling_server_is_cut_at_the_deadline() {
    let listener = TcpListener::bind("127.0.0.2:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                read_head(&mut stream).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                loop {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    if stream.write_all(b"x").await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    let fetcher = guarded_fetcher(Duration::from_secs(2));
    let url = Url::parse(&format!("http://{addr}/slow")).unwrap();
    let started = tokio::time::Instant::now();
    assert_eq!(
        get(&fetcher, &url).await,
        Outcome::Failed(FetchError::Timeout)
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1900) && took < Duration::from_secs(4),
        "{took:?}"
    );
}

#[tokio::test]
async fn connection_and_name_failures_are_told_apart() {
    let closed = TcpListener::bind("127.0.0.2:0").await.unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let fetcher = guarded_fetcher(TOTAL_TIMEOUT);

    let refused = get(
        &fetcher,
        &Url::parse(&format!("http://127.0.0.2:{port}/")).unwrap(),
    )
    .await;
    let Outcome::Failed(error @ FetchError::Connect(_)) = refused else {
        panic!("expected a connection error, got {refused:?}");
    };
    assert_eq!(
        error.to_string(),
        "the blog's server refused the connection"
    );

    let unknown = get(
        &fetcher,
        &Url::parse("http://example.invalid/feed").unwrap(),
    )
    .await;
    assert_eq!(
        unknown,
        Outcome::Failed(FetchError::Dns("example.invalid".into()))
    );

    let ftp = get(&fetcher, &Url::parse("ftp://example.com/feed").unwrap()).await;
    assert!(
        matches!(ftp, Outcome::Failed(FetchError::Unsupported(_))),
        "{ftp:?}"
    );
}

/// The heart of the guard: with private addresses refused, no spelling of a loopback
/// address, no name that resolves to one and no redirect to one opens a connection.
#[tokio::test]
async fn no_connection_leaves_for_a_private_address() {
    let private = serve("127.0.0.1", |_| feed("<rss>secret</rss>")).await;
    let port = private.addr.port();
    let public = serve("127.0.0.2", move |request| {
        let to = match request.path.as_str() {
            "/to-literal" => format!("http://127.0.0.1:{port}/"),
            "/to-decimal" => format!("http://2130706433:{port}/"),
            "/to-mapped" => format!("http://[::ffff:127.0.0.1]:{port}/"),
            "/to-name" => format!("http://blog.test:{port}/"),
            "/to-localhost" => format!("http://localhost:{port}/"),
            "/to-metadata" => "http://metadata.test/latest/meta-data/".to_owned(),
            _ => return feed("<rss>public</rss>"),
        };
        reply(301, &[("Location", &to)], "")
    })
    .await;
    let guarded = guarded_fetcher(TOTAL_TIMEOUT);
    let mut spellings: Vec<String> = [
        "127.0.0.1",
        "2130706433",
        "0x7f.1",
        "0177.0.0.1",
        "127.1",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "localhost",
        "blog.test",
    ]
    .iter()
    .map(|host| format!("http://{host}:{port}/feed"))
    .collect();
    for path in [
        "/to-literal",
        "/to-decimal",
        "/to-mapped",
        "/to-name",
        "/to-localhost",
        "/to-metadata",
    ] {
        spellings.push(format!("http://trusted.test:{}{path}", public.addr.port()));
    }
    for spelling in &spellings {
        let outcome = get(&guarded, &Url::parse(spelling).unwrap()).await;
        assert!(
            matches!(outcome, Outcome::Failed(FetchError::Blocked(_))),
            "{spelling}: {outcome:?}"
        );
    }
    assert_eq!(
        private.connections(),
        0,
        "a request reached the private server"
    );
    assert_eq!(public.seen().len(), 6, "every redirect was asked for");

    let control = fetched(
        get(
            &guarded,
            &Url::parse(&format!("http://trusted.test:{}/", public.addr.port())).unwrap(),
        )
        .await,
    );
    assert_eq!(&control.body[..], b"<rss>public</rss>");
    let allowed = fetched(get(&fetcher(true), &private.url("/feed")).await);
    assert_eq!(&allowed.body[..], b"<rss>secret</rss>");
    assert_eq!(private.connections(), 1);
}

#[tokio::test]
async fn a_blocked_name_says_where_it_points() {
    let outcome = get(
        &guarded_fetcher(TOTAL_TIMEOUT),
        &Url::parse("http://metadata.test/").unwrap(),
    )
    .await;
    let Outcome::Failed(error) = outcome else {
        panic!("expected a failure, got {outcome:?}");
    };
    assert_eq!(
        error.to_string(),
        "the address points into a private network (metadata.test at 169.254.169.254), \
         which Twentythree does not read"
    );
    assert_eq!(error.kind(), "blocked");
}

#[test]
fn freshness_comes_from_max_age_or_expires() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let date = httpdate::fmt_http_date(now);
    let in_an_hour = httpdate::fmt_http_date(now + Duration::from_secs(3600));
    let in_two_days = httpdate::fmt_http_date(now + Duration::from_secs(2 * 86400));
    let headers = |pairs: &[(&'static str, &str)]| {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    };
    let table = [
        (headers(&[]), None),
        (headers(&[("cache-control", "max-age=300")]), Some(300)),
        (
            headers(&[("cache-control", "public, Max-Age=\"60\", must-revalidate")]),
            Some(60),
        ),
        (headers(&[("cache-control", "max-age=0")]), None),
        (headers(&[("cache-control", "no-cache, max-age=300")]), None),
        (headers(&[("cache-control", "max-age=999999")]), Some(86400)),
        (headers(&[("expires", &in_an_hour)]), Some(3600)),
        (
            headers(&[("expires", &in_an_hour), ("date", &date)]),
            Some(3600),
        ),
        (headers(&[("expires", &in_two_days)]), Some(86400)),
        (headers(&[("expires", "0")]), None),
        (headers(&[("expires", &date)]), None),
        (
            headers(&[("expires", &in_two_days), ("cache-control", "max-age=10")]),
            Some(10),
        ),
    ];
    for (headers, expected) in table {
        assert_eq!(
            freshness(&headers, now),
            expected.map(Duration::from_secs),
            "{headers:?}"
        );
    }
}

#[test]
fn retry_after_reads_seconds_and_dates_within_bounds() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let default = Duration::from_secs(600);
    let with = |value: &str| {
        let mut map = HeaderMap::new();
        map.insert(header::RETRY_AFTER, HeaderValue::from_str(value).unwrap());
        retry_after(&map, default, now)
    };
    assert_eq!(retry_after(&HeaderMap::new(), default, now), default);
    assert_eq!(with("300"), Duration::from_secs(300));
    assert_eq!(with(" 300 "), Duration::from_secs(300));
    assert_eq!(with("0"), RETRY_AFTER_MIN);
    assert_eq!(with("86400000"), RETRY_AFTER_MAX);
    assert_eq!(
        with(&httpdate::fmt_http_date(now + Duration::from_secs(7200))),
        Duration::from_secs(7200)
    );
    assert_eq!(
        with(&httpdate::fmt_http_date(now - Duration::from_secs(7200))),
        RETRY_AFTER_MIN
    );
    assert_eq!(with("Sunday, 06-Nov-94 08:49:37 GMT"), RETRY_AFTER_MIN);
    assert_eq!(with("soon"), default);
}

#[tokio::test]
async fn a_custom_resolver_still_passes_the_guard() {
    install_crypto();
    let server = serve("127.0.0.1", |_| feed("<rss/>")).await;
    let names = || {
        Arc::new(MapResolver(HashMap::from([(
            "blog.test",
            "127.0.0.1".parse().unwrap(),
        )])))
    };
    let url = Url::parse(&format!("http://blog.test:{}/feed", server.addr.port())).unwrap();

    let guarded = Fetcher::with_resolver(&base(), false, names()).unwrap();
    let outcome = get(&guarded, &url).await;
    assert!(
        matches!(outcome, Outcome::Failed(FetchError::Blocked(_))),
        "{outcome:?}"
    );
    assert_eq!(server.connections(), 0);

    let open = Fetcher::with_resolver(&base(), true, names()).unwrap();
    assert_eq!(fetched(get(&open, &url).await).final_url, url);
}
