//! Which addresses Twentythree may read: only http(s), and unless private feeds are allowed,
//! only public internet addresses, checked on the URL, after DNS and on the connected peer.

use std::error::Error as StdError;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::{Host, Url};

use super::fetch::FetchError;

/// Whether an address is one Twentythree may connect to: false for loopback, private (10/8,
/// 172.16/12, 192.168/16), link-local (169.254/16 incl. 169.254.169.254; fe80::/10), CGNAT
/// 100.64/10, unique local fc00::/7, multicast, broadcast, unspecified,
/// documentation/benchmark/reserved ranges, and IPv6 forms that embed IPv4: IPv4-mapped,
/// 6to4 and NAT64 are judged by the embedded IPv4 address; IPv4-compatible and Teredo are
/// refused. IPv6 outside global unicast 2000::/3 is refused.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

/// IPv4 networks that are not the public internet.
const REFUSED_V4: [(Ipv4Addr, u32); 15] = [
    (Ipv4Addr::new(0, 0, 0, 0), 8),       // "this network"
    (Ipv4Addr::new(10, 0, 0, 0), 8),      // private
    (Ipv4Addr::new(100, 64, 0, 0), 10),   // carrier-grade NAT
    (Ipv4Addr::new(127, 0, 0, 0), 8),     // loopback
    (Ipv4Addr::new(169, 254, 0, 0), 16),  // link-local, cloud metadata
    (Ipv4Addr::new(172, 16, 0, 0), 12),   // private
    (Ipv4Addr::new(192, 0, 0, 0), 24),    // IETF protocol assignments
    (Ipv4Addr::new(192, 0, 2, 0), 24),    // documentation
    (Ipv4Addr::new(192, 88, 99, 0), 24),  // 6to4 relay anycast
    (Ipv4Addr::new(192, 168, 0, 0), 16),  // private
    (Ipv4Addr::new(198, 18, 0, 0), 15),   // benchmarking
    (Ipv4Addr::new(198, 51, 100, 0), 24), // documentation
    (Ipv4Addr::new(203, 0, 113, 0), 24),  // documentation
    (Ipv4Addr::new(224, 0, 0, 0), 4),     // multicast
    (Ipv4Addr::new(240, 0, 0, 0), 4),     // reserved, broadcast
];

/// Parts of IPv6 global unicast 2000::/3 that are not the public internet either.
const REFUSED_V6: [(Ipv6Addr, u32); 3] = [
    (Ipv6Addr::new(0x2001, 0, 0, 0, 0, 0, 0, 0), 23), // Teredo, benchmarking, ORCHID
    (Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0), 32), // documentation
    (Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0), 20), // documentation
];

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let bits = u32::from(ip);
    !REFUSED_V4
        .iter()
        .any(|&(net, prefix)| (bits ^ u32::from(net)) >> (32 - prefix) == 0)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let bits = u128::from(ip);
    let embedded = |shift: u32| Ipv4Addr::from((bits >> shift) as u32);
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    match ip.segments() {
        [0, 0, 0, 0, 0, 0, ..] => false, // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
        [0x64, 0xff9b, 0, 0, 0, 0, ..] => is_public_v4(embedded(0)), // NAT64 64:ff9b::/96
        [0x2002, ..] => is_public_v4(embedded(80)), // 6to4 2002::/16
        [first, ..] => {
            let global_unicast = first & 0xe000 == 0x2000;
            global_unicast
                && !REFUSED_V6
                    .iter()
                    .any(|&(net, prefix)| (bits ^ u128::from(net)) >> (128 - prefix) == 0)
        }
    }
}

/// Checks a URL before any request: scheme http/https only, a host, no credentials, and when
/// the host is an IP literal in any spelling (the `url` crate normalises decimal, octal, hex
/// and short IPv4 forms) that it is public. `localhost` and names ending `.localhost`,
/// `.local` or `.internal` are refused outright unless private addresses are allowed.
pub fn check_url(url: &Url, allow_private: bool) -> Result<(), FetchError> {
    Policy::new(allow_private).check_url(url)
}

/// The rule the fetcher applies to every URL, every resolved address and every peer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Policy {
    pub allow_private: bool,
    /// Exact addresses that count as public although they are not; lets tests stand a
    /// loopback server in for a public blog. Empty in production.
    pub also_public: Vec<IpAddr>,
}

impl Policy {
    pub fn new(allow_private: bool) -> Self {
        Self {
            allow_private,
            also_public: Vec::new(),
        }
    }

    pub fn permits(&self, ip: IpAddr) -> bool {
        self.allow_private || is_public(ip) || self.also_public.contains(&ip)
    }

    pub fn check_url(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Unsupported("feed-only-http"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::Unsupported("feed-has-password"));
        }
        let ip = match url.host() {
            None => {
                return Err(FetchError::Unsupported("feed-no-host"));
            }
            Some(Host::Domain(name)) => {
                if !self.allow_private && is_local_name(name) {
                    return Err(FetchError::Blocked(name.to_owned()));
                }
                return Ok(());
            }
            Some(Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(Host::Ipv6(v6)) => IpAddr::V6(v6),
        };
        if self.permits(ip) {
            Ok(())
        } else {
            Err(FetchError::Blocked(ip.to_string()))
        }
    }
}

fn is_local_name(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || [".localhost", ".local", ".internal"]
            .iter()
            .any(|suffix| name.ends_with(suffix))
}

/// Why a guarded name lookup gave no address; the fetcher finds it in reqwest's error chain.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ResolveError {
    #[error("{host} resolves only to addresses Twentythree does not read ({addr})")]
    Blocked { host: String, addr: IpAddr },
    #[error("{host} could not be resolved")]
    NotFound {
        host: String,
        #[source]
        source: Box<dyn StdError + Send + Sync>,
    },
}

/// Resolves names (with tokio's `lookup_host`, or the given resolver) and drops every
/// address the policy does not permit. Hosts that are IP literals never come here.
pub(crate) struct GuardedResolver {
    pub inner: Option<Arc<dyn Resolve>>,
    pub policy: Arc<Policy>,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let inner = self.inner.clone();
        let policy = Arc::clone(&self.policy);
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> = match inner {
                Some(resolver) => resolver.resolve(name).await.map(Iterator::collect),
                None => tokio::net::lookup_host((host.as_str(), 0))
                    .await
                    .map(Iterator::collect)
                    .map_err(Into::into),
            }
            .map_err(|source| ResolveError::NotFound {
                host: host.clone(),
                source,
            })?;
            let (permitted, refused): (Vec<SocketAddr>, Vec<SocketAddr>) = found
                .into_iter()
                .partition(|addr| policy.permits(addr.ip()));
            match (permitted.is_empty(), refused.first()) {
                (true, Some(addr)) => Err(ResolveError::Blocked {
                    host,
                    addr: addr.ip(),
                }
                .into()),
                (true, None) => Err(ResolveError::NotFound {
                    host,
                    source: "no addresses".into(),
                }
                .into()),
                (false, _) => Ok(Box::new(permitted.into_iter()) as Addrs),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_public_judges_every_address_form() {
        let table = [
            // IPv4 public
            ("93.184.216.34", true),
            ("8.8.8.8", true),
            ("1.1.1.1", true),
            ("100.63.255.255", true),
            ("100.128.0.0", true),
            ("172.15.255.255", true),
            ("172.32.0.0", true),
            ("192.0.1.1", true),
            ("198.17.255.255", true),
            ("198.20.0.0", true),
            ("223.255.255.254", true),
            // IPv4 refused
            ("0.0.0.0", false),
            ("0.1.2.3", false),
            ("127.0.0.1", false),
            ("127.255.255.254", false),
            ("10.0.0.1", false),
            ("10.255.255.255", false),
            ("172.16.0.1", false),
            ("172.31.255.255", false),
            ("192.168.1.1", false),
            ("169.254.169.254", false),
            ("169.254.0.1", false),
            ("100.64.0.1", false),
            ("100.127.255.255", false),
            ("192.0.0.8", false),
            ("192.0.2.1", false),
            ("192.88.99.1", false),
            ("198.18.0.1", false),
            ("198.19.255.255", false),
            ("198.51.100.7", false),
            ("203.0.113.9", false),
            ("224.0.0.1", false),
            ("239.255.255.250", false),
            ("240.0.0.1", false),
            ("255.255.255.255", false),
            // IPv6 public
            ("2606:2800:220:1::1", true),
            ("2a00:1450:4001:80b::200e", true),
            ("2001:4860:4860::8888", true),
            // IPv6 refused
            ("::", false),
            ("::1", false),
            ("fe80::1", false),
            ("febf::1", false),
            ("fec0::1", false),
            ("fc00::1", false),
            ("fd12:3456::1", false),
            ("ff02::1", false),
            ("ff0e::1", false),
            ("2001:db8::1", false),
            ("3fff::1", false),
            ("100::1", false),
            ("2001:2::1", false),
            ("2001:10::1", false),
            // IPv6 embedding IPv4
            ("::ffff:127.0.0.1", false),
            ("::ffff:10.0.0.1", false),
            ("::ffff:169.254.169.254", false),
            ("::ffff:93.184.216.34", true),
            ("::127.0.0.1", false),
            ("::93.184.216.34", false),
            ("2002:7f00:1::1", false),
            ("2002:a9fe:a9fe::1", false),
            ("2002:5db8:d822::1", true),
            ("64:ff9b::127.0.0.1", false),
            ("64:ff9b::10.1.2.3", false),
            ("64:ff9b::93.184.216.34", true),
            ("64:ff9b:1::93.184.216.34", false),
            ("2001:0:4136:e378:8000:63bf:3fff:fdd2", false),
            ("2001::80f4:2bcb", false),
        ];
        for (address, expected) in table {
            let ip: IpAddr = address.parse().unwrap();
            assert_eq!(is_public(ip), expected, "{address}");
        }
    }

    #[test]
    fn the_url_crate_normalises_ipv4_spellings() {
        let table = [
            ("http://2130706433/", "127.0.0.1"),
            ("http://0177.0.0.1/", "127.0.0.1"),
            ("http://0x7f.1/", "127.0.0.1"),
            ("http://0x7f000001/", "127.0.0.1"),
            ("http://127.1/", "127.0.0.1"),
            ("http://127.0.1/", "127.0.0.1"),
            ("http://127.0.0.1./", "127.0.0.1"),
            ("http://%31%32%37.0.0.1/", "127.0.0.1"),
            ("http://\u{ff11}\u{ff12}\u{ff17}.0.0.1/", "127.0.0.1"),
            ("http://0/", "0.0.0.0"),
            ("http://017700000001/", "127.0.0.1"),
            ("https://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"),
        ];
        for (input, expected) in table {
            let url = Url::parse(input).unwrap();
            assert_eq!(
                url.host(),
                Some(Host::Ipv4(expected.parse().unwrap())),
                "{input}"
            );
        }
    }

    #[test]
    fn check_url_refuses_private_hosts_in_every_spelling() {
        let refused = [
            "http://127.0.0.1/feed",
            "http://127.0.0.1:8080/feed",
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://127.0.0.1./",
            "http://%31%32%37.0.0.1/",
            "http://0/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.5.4/",
            "http://169.254.169.254/latest/meta-data/",
            "http://0xa9.0xfe.0xa9.0xfe/",
            "http://100.64.1.1/",
            "http://[::1]/",
            "http://[::]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[::127.0.0.1]/",
            "http://[fe80::1]/",
            "http://[fd00::1]/",
            "http://[64:ff9b::a00:1]/",
            "http://[2002:7f00:1::]/",
            "http://localhost/",
            "http://LOCALHOST:3000/",
            "http://localhost./",
            "http://blog.localhost/",
            "http://printer.local/",
            "http://metadata.google.internal/",
        ];
        for input in refused {
            let url = Url::parse(input).unwrap();
            let outcome = check_url(&url, false);
            assert!(
                matches!(outcome, Err(FetchError::Blocked(_))),
                "{input}: {outcome:?}"
            );
            assert_eq!(
                check_url(&url, true),
                Ok(()),
                "{input} with private allowed"
            );
        }
    }

    #[test]
    fn check_url_accepts_public_hosts() {
        let accepted = [
            "http://example.com/feed",
            "https://blog.example.org:8443/atom.xml",
            "http://93.184.216.34/",
            "http://1572395042/",
            "https://[2606:2800:220:1::1]/feed",
            "http://[::ffff:93.184.216.34]/",
            "http://localhost.example.com/",
            "http://internal.example.com/",
        ];
        for input in accepted {
            let url = Url::parse(input).unwrap();
            assert_eq!(check_url(&url, false), Ok(()), "{input}");
        }
    }

    #[test]
    fn check_url_refuses_other_schemes_and_credentials() {
        let refused = [
            "ftp://example.com/feed",
            "file:///etc/passwd",
            "gopher://example.com/",
            "data:text/plain,hello",
            "javascript:alert(1)",
            "http://user:pass@example.com/feed",
            "http://user@example.com/feed",
            "https://:secret@example.com/",
        ];
        for input in refused {
            let url = Url::parse(input).unwrap();
            let outcome = check_url(&url, true);
            assert!(
                matches!(outcome, Err(FetchError::Unsupported(_))),
                "{input}: {outcome:?}"
            );
        }
    }

    #[test]
    fn policy_can_treat_an_exact_address_as_public() {
        let policy = Policy {
            allow_private: false,
            also_public: vec!["127.0.0.2".parse().unwrap()],
        };
        assert!(policy.permits("127.0.0.2".parse().unwrap()));
        assert!(!policy.permits("127.0.0.1".parse().unwrap()));
    }

    #[tokio::test]
    async fn the_resolver_drops_private_answers() {
        let resolver = GuardedResolver {
            inner: None,
            policy: Arc::new(Policy::new(false)),
        };
        let error = resolver
            .resolve("localhost".parse().unwrap())
            .await
            .err()
            .unwrap();
        let error = error.downcast_ref::<ResolveError>().unwrap();
        assert!(matches!(error, ResolveError::Blocked { .. }), "{error}");

        let permissive = GuardedResolver {
            inner: None,
            policy: Arc::new(Policy::new(true)),
        };
        let found: Vec<_> = permissive
            .resolve("localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(
            found.iter().all(|addr| addr.ip().is_loopback()),
            "{found:?}"
        );
        assert!(!found.is_empty());
    }
}
