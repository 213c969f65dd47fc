//! What people type, parsed at the edge: an `Email`, a `BlogUrl`, a display name, and a
//! participant to add made of the three.

use std::fmt;
use std::str::FromStr;

use url::Url;

use crate::i18n::Text;

/// A valid email address, trimmed and in lower case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl FromStr for Email {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::check(s).map_err(|e| e.to_string())
    }
}

impl Email {
    /// Parses an address, or says what is wrong in any language.
    pub fn check(s: &str) -> Result<Self, Text> {
        let normal = s.trim().to_lowercase();
        if normal.is_empty() {
            return Err(Text::new("people-email-empty"));
        }
        match normal.parse::<lettre::Address>() {
            Ok(_) if normal.len() <= 254 => Ok(Self(normal)),
            _ => Err(Text::new("people-email-invalid").with("value", s.trim())),
        }
    }

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
        Self::check(s).map_err(|e| e.to_string())
    }
}

impl BlogUrl {
    /// Parses a blog address, or says what is wrong in any language.
    pub fn check(s: &str) -> Result<Self, Text> {
        let trimmed = s.trim();
        let too_long = || Text::new("people-blog-too-long").with("max", MAX_URL_LENGTH.to_string());
        if trimmed.is_empty() {
            return Err(Text::new("people-blog-empty"));
        }
        if trimmed.len() > MAX_URL_LENGTH {
            return Err(too_long());
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
        let url = Url::parse(&candidate)
            .map_err(|_| Text::new("people-blog-not-web").with("value", trimmed))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Text::new("people-blog-not-http").with("value", trimmed));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(Text::new("people-blog-no-host").with("value", trimmed));
        }
        if url.as_str().len() > MAX_URL_LENGTH {
            return Err(too_long());
        }
        Ok(Self(url))
    }

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
    check_name(s).map_err(|e| e.to_string())
}

/// [`parse_name`], saying what is wrong in any language.
pub fn check_name(s: &str) -> Result<String, Text> {
    let name = s.trim();
    if name.is_empty() {
        return Err(Text::new("people-name-empty"));
    }
    if name.chars().count() > 100 || name.chars().any(char::is_control) {
        return Err(Text::new("people-name-unusable").with("value", name));
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
        Self::check(name, email, blog).map_err(|e| e.to_string())
    }

    /// [`Self::parse`], saying what is wrong in any language.
    pub fn check(name: &str, email: &str, blog: &str) -> Result<Self, Text> {
        Ok(Self {
            name: check_name(name)?,
            email: Email::check(email)?,
            blog: BlogUrl::check(blog)?,
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
