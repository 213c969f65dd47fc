//! Every address the domain puts in an email, a feed or a calendar, built from the public
//! base URL in one place.

use url::Url;

use crate::lessons::Program;

/// Absolute addresses under the server's public base URL.
#[derive(Clone, Debug)]
pub struct Links {
    base: String,
}

impl Links {
    pub fn new(base_url: &Url) -> Self {
        Self {
            base: base_url.as_str().trim_end_matches('/').to_owned(),
        }
    }

    /// `path` (starting with `/`) as an absolute address.
    pub fn to(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The host name, for identifiers such as calendar UIDs.
    pub fn host(&self) -> &str {
        let rest = self
            .base
            .split_once("://")
            .map_or(self.base.as_str(), |(_, r)| r);
        rest.split(['/', ':']).next().unwrap_or(rest)
    }

    /// Lesson `number` of `program`: `/lessons/N` for the default program, else
    /// `/programs/{slug}/lessons/N`.
    pub fn lesson(&self, program: &Program, number: i32) -> String {
        self.to(&program.lesson_path(number))
    }

    /// A program's page.
    pub fn program(&self, program: &Program) -> String {
        self.to(&program.path())
    }

    pub fn me(&self) -> String {
        self.to("/me")
    }

    pub fn cohort(&self, slug: &str) -> String {
        self.to(&format!("/cohorts/{slug}"))
    }

    /// A cohort's Atom, JSON Feed, OPML or calendar (`file` such as `feed.atom`), with the
    /// private key for a members-only cohort.
    pub fn cohort_file(&self, slug: &str, file: &str, key: Option<&str>) -> String {
        with_key(self.to(&format!("/cohorts/{slug}/{file}")), key)
    }

    /// The celebration wall of a cohort's finishers.
    pub fn wall(&self, slug: &str) -> String {
        self.to(&format!("/cohorts/{slug}/finishers"))
    }

    /// A participant's certificate.
    pub fn certificate(&self, slug: &str, participant: i32) -> String {
        self.to(&format!("/cohorts/{slug}/people/{participant}/certificate"))
    }

    /// The emailed link that signs a person in.
    pub fn sign_in(&self, token: &str) -> String {
        self.to(&format!("/login/{token}"))
    }

    /// The emailed link that confirms a request to join.
    pub fn join(&self, token: &str) -> String {
        self.to(&format!("/join/{token}"))
    }

    /// The one-click unsubscribe address in a person's routine mail.
    pub fn unsubscribe(&self, token: &str) -> String {
        self.to(&format!("/unsubscribe/{token}"))
    }

    /// A person's own calendar of all their cohorts.
    pub fn personal_calendar(&self, key: &str) -> String {
        with_key(self.to("/me/calendar.ics"), Some(key))
    }
}

fn with_key(address: String, key: Option<&str>) -> String {
    match key {
        Some(key) => format!("{address}?key={key}"),
        None => address,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_absolute_and_carry_keys() {
        let links = Links::new(&"https://things.example.org/".parse().unwrap());
        let mut program = Program {
            default: true,
            ..Program::default()
        };
        assert_eq!(
            links.lesson(&program, 7),
            "https://things.example.org/lessons/7"
        );
        program.default = false;
        program.info.slug = "ai".into();
        assert_eq!(
            links.lesson(&program, 7),
            "https://things.example.org/programs/ai/lessons/7"
        );
        assert_eq!(links.host(), "things.example.org");
        assert_eq!(
            links.cohort_file("staff", "feed.atom", Some("abc")),
            "https://things.example.org/cohorts/staff/feed.atom?key=abc"
        );
        let local = Links::new(&"http://127.0.0.1:2323".parse().unwrap());
        assert_eq!(local.host(), "127.0.0.1");
    }
}
