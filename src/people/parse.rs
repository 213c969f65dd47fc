//! What people type, parsed at the edge: an `Email`, a `BlogUrl`, a display name, and a
//! participant to add made of the three.

use std::fmt;
use std::str::FromStr;

use url::Url;

/// A valid email address, trimmed and in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl FromStr for Email {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normal = s.trim().to_lowercase();
        if normal.is_empty() {
            return Err("enter your email address".into());
        }
        match normal.parse::<lettre::Address>() {
            Ok(_) if normal.len() <= 254 => Ok(Self(normal)),
            _ => Err(format!("{:?} is not a valid email address", s.trim())),
        }
    }
}

impl Email {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A blog address: http or https, at most 2,048 characters; `https://` is added when a
/// person leaves the scheme out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlogUrl(Url);

pub const MAX_URL_LENGTH: usize = 2048;

impl FromStr for BlogUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err("the blog address is empty".into());
        }
        if trimmed.len() > MAX_URL_LENGTH {
            return Err(format!(
                "the blog address is longer than {MAX_URL_LENGTH} characters"
            ));
        }
        // "host:8080/blog" is a host and port, not a scheme.
        let host_and_port = trimmed.split_once(':').is_some_and(|(_, rest)| {
            let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
            !port.is_empty() && rest[port.len()..].chars().next().is_none_or(|c| c == '/')
        });
        let candidate =
            if (Url::parse(trimmed).is_ok() || trimmed.contains("://")) && !host_and_port {
                trimmed.to_owned()
            } else {
                format!("https://{trimmed}")
            };
        let url =
            Url::parse(&candidate).map_err(|_| format!("{trimmed:?} is not a web address"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "{trimmed:?} is not a web address: only http and https blogs can be read"
            ));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(format!("{trimmed:?} has no host name"));
        }
        if url.as_str().len() > MAX_URL_LENGTH {
            return Err(format!(
                "the blog address is longer than {MAX_URL_LENGTH} characters"
            ));
        }
        Ok(Self(url))
    }
}

impl BlogUrl {
    pub fn url(&self) -> &Url {
        &self.0
    }
}

impl fmt::Display for BlogUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// A display name: trimmed, 1 to 100 characters, no control characters.
pub fn parse_name(s: &str) -> Result<String, String> {
    let name = s.trim();
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(format!(
            "{name:?} is not a usable name (at most 100 characters, no control characters)"
        ));
    }
    Ok(name.to_owned())
}

/// A participant to add, parsed.
#[derive(Clone, Debug)]
pub struct NewParticipant {
    pub name: String,
    pub email: Email,
    pub blog: BlogUrl,
}

impl NewParticipant {
    pub fn parse(name: &str, email: &str, blog: &str) -> Result<Self, String> {
        Ok(Self {
            name: parse_name(name)?,
            email: email.parse()?,
            blog: blog.parse()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            "  Kim@Example.ORG ".parse::<Email>().unwrap().as_str(),
            "kim@example.org"
        );
        for bad in ["", "kim", "kim@", "@example.org", "kim example@x.org"] {
            assert!(bad.parse::<Email>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn blog_addresses_are_http_or_https() {
        assert_eq!(
            "kim.example.org".parse::<BlogUrl>().unwrap().to_string(),
            "https://kim.example.org/"
        );
        assert_eq!(
            "http://kim.example.org/blog"
                .parse::<BlogUrl>()
                .unwrap()
                .to_string(),
            "http://kim.example.org/blog"
        );
        assert_eq!(
            "localhost:8080/blog"
                .parse::<BlogUrl>()
                .unwrap()
                .to_string(),
            "https://localhost:8080/blog"
        );
        for bad in [
            "ftp://kim.example.org",
            "javascript:alert(1)",
            "mailto:kim@example.org",
            "file:///etc/passwd",
            "",
            "https://",
        ] {
            assert!(bad.parse::<BlogUrl>().is_err(), "{bad:?}");
        }
        let long = format!("https://example.org/{}", "a".repeat(2048));
        assert!(long.parse::<BlogUrl>().unwrap_err().contains("2048"));
    }
}
