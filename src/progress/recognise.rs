//! Recognising which things a post is about, with the decision in plain words.
//!
//! A post counts for lesson N of the participant's program when a category or tag,
//! normalised, is `thingN` (or the program's own word and N, or a shipped interface
//! language's word for a lesson, such as `ding7`) or one of the lesson's extra tags; when its
//! title says "Thing N" or "Thing #N" (or "Ding N", or in the program's word) as whole
//! words; or when its content links to that program's lesson page on this server (never
//! another program's). Posts from a blog's archive (published more than 14 days before the
//! cohort starts) count for nothing.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use url::Url;

use crate::i18n::Text;
use crate::lessons::{Program, normalise_tag};

/// Why a post counts for one lesson.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    Tag(String),
    Title,
    Link,
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tag(tag) => write!(f, "tagged '{tag}'"),
            Self::Title => f.write_str("its title names it"),
            Self::Link => f.write_str("it links to the lesson"),
        }
    }
}

/// The decision about one post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Lesson numbers with the first evidence found for each.
    Counts(BTreeMap<i32, Evidence>),
    Archive,
    Nothing,
}

impl Decision {
    pub fn lessons(&self) -> Vec<i32> {
        match self {
            Self::Counts(found) => found.keys().copied().collect(),
            _ => Vec::new(),
        }
    }
}

impl Evidence {
    fn text(&self) -> Text {
        match self {
            Self::Tag(tag) => Text::new("reason-tagged").with("tag", tag.as_str()),
            Self::Title => Text::new("reason-title"),
            Self::Link => Text::new("reason-link"),
        }
    }
}

impl Decision {
    /// The decision in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            Self::Counts(found) => {
                let things: Vec<Text> = found
                    .iter()
                    .map(|(n, why)| {
                        Text::new("reason-thing")
                            .with("number", *n)
                            .with("why", why.text())
                    })
                    .collect();
                Text::new("reason-counts").with("things", things)
            }
            Self::Archive => Text::new("reason-archive"),
            Self::Nothing => Text::new("reason-nothing"),
        }
    }

    /// A decision as stored (its `Display`) read back, when it is one.
    fn from_stored(stored: &str) -> Option<Self> {
        let decision = match stored {
            "no lesson recognised" => Self::Nothing,
            "counts for nothing: published before the cohort started" => Self::Archive,
            _ => {
                let mut found = BTreeMap::new();
                for part in stored.strip_prefix("counts for Thing ")?.split("; Thing ") {
                    let (number, why) = part.split_once(": ")?;
                    let why = match why {
                        "its title names it" => Evidence::Title,
                        "it links to the lesson" => Evidence::Link,
                        tagged => Evidence::Tag(
                            tagged
                                .strip_prefix("tagged '")?
                                .strip_suffix('\'')?
                                .to_owned(),
                        ),
                    };
                    found.insert(number.parse().ok()?, why);
                }
                Self::Counts(found)
            }
        };
        // Only an exact reading: anything else is shown as it was stored.
        (decision.to_string() == stored).then_some(decision)
    }
}

/// A stored reason (a recognition's `reason`) in the reader's language.
pub fn reason_text(stored: &str) -> Text {
    Decision::from_stored(stored).map_or_else(|| Text::verbatim(stored), |d| d.text())
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Counts(found) => {
                let parts: Vec<String> = found
                    .iter()
                    .map(|(n, why)| format!("Thing {n}: {why}"))
                    .collect();
                write!(f, "counts for {}", parts.join("; "))
            }
            Self::Archive => f.write_str("counts for nothing: published before the cohort started"),
            Self::Nothing => f.write_str("no lesson recognised"),
        }
    }
}

/// What recognition looks at in a post.
pub struct PostFacts<'a> {
    pub title: &'a str,
    pub categories: &'a [String],
    pub content_html: &'a str,
    pub published_at: DateTime<Utc>,
}

impl<'a> PostFacts<'a> {
    /// The facts of a post as just read from its feed (not yet stored); an undated post
    /// counts as published `now`.
    pub fn of_parsed(post: &'a crate::feeds::parse::ParsedPost, now: DateTime<Utc>) -> Self {
        Self {
            title: &post.title,
            categories: &post.categories,
            content_html: &post.content_html,
            published_at: post.published_at.unwrap_or(now),
        }
    }
}

/// Decides which lessons `post` counts for. `archive_before` is the cohort's cut-off;
/// `base_url` is this server's public address.
pub fn recognise(
    post: &PostFacts<'_>,
    program: &Program,
    base_url: &Url,
    archive_before: DateTime<Utc>,
) -> Decision {
    if post.published_at < archive_before {
        return Decision::Archive;
    }
    let mut found: BTreeMap<i32, Evidence> = BTreeMap::new();
    let mut note = |number: i32, evidence: Evidence| {
        if program.get(number).is_some() {
            found.entry(number).or_insert(evidence);
        }
    };
    let words = lesson_words(program);
    let tag_words: Vec<String> = words.iter().map(|w| normalise_tag(w)).collect();
    for category in post.categories {
        let normal = normalise_tag(category);
        if let Some(number) = tag_words.iter().find_map(|w| {
            normal
                .strip_prefix(w.as_str())
                .and_then(|n| n.parse::<i32>().ok())
        }) {
            note(number, Evidence::Tag(category.trim().to_owned()));
        }
        for lesson in &program.lessons {
            if lesson.tags.iter().any(|t| normalise_tag(t) == normal) {
                note(lesson.number, Evidence::Tag(category.trim().to_owned()));
            }
        }
    }
    for word in &words {
        for number in title_things(post.title, word) {
            note(number, Evidence::Title);
        }
    }
    for number in linked_lessons(post.content_html, base_url, &program.lesson_prefixes()) {
        note(number, Evidence::Link);
    }
    if found.is_empty() {
        Decision::Nothing
    } else {
        Decision::Counts(found)
    }
}

/// The words that name a lesson in a title or a tag: "Thing" (so `thingN` always counts),
/// the program's own word, and the lesson word of every shipped interface language ("Ding").
fn lesson_words(program: &Program) -> Vec<String> {
    let mut words = vec!["Thing".to_owned(), program.word().to_owned()];
    for word in crate::i18n::lesson_words() {
        if !words.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
            words.push(word);
        }
    }
    words
}

/// The numbers a title names as "Thing N" or "Thing #N" (with `word` for "Thing"), as
/// whole words.
pub fn title_things(title: &str, word: &str) -> Vec<i32> {
    let lower: Vec<char> = title.to_lowercase().chars().collect();
    let word: Vec<char> = word.to_lowercase().chars().collect();
    let len = word.len().max(1);
    let mut numbers = Vec::new();
    let mut i = 0;
    while i + len <= lower.len() {
        let starts_word = i == 0 || !lower[i - 1].is_alphanumeric();
        if starts_word && lower[i..i + len] == word[..] {
            let mut j = i + len;
            while j < lower.len() && matches!(lower[j], ' ' | '\u{a0}' | '#' | '-' | '_') {
                j += 1;
            }
            let digits: String = lower[j..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            let end = j + digits.len();
            let ends_word = end >= lower.len() || !lower[end].is_alphanumeric();
            if let (true, Ok(number)) = (ends_word, digits.parse()) {
                numbers.push(number);
            }
            i = end.max(i + len);
        } else {
            i += 1;
        }
    }
    numbers
}

/// Lesson numbers whose page on this server (`{base}{prefix}N` for one of `prefixes`, such
/// as `/lessons/`, with or without a trailing slash, http or https) the HTML links to.
pub fn linked_lessons(html: &str, base_url: &Url, prefixes: &[String]) -> Vec<i32> {
    let base_path = base_url.path().trim_end_matches('/');
    let mut numbers = Vec::new();
    for chunk in html.split("href=").skip(1) {
        let quote = chunk.chars().next().filter(|c| *c == '"' || *c == '\'');
        let href: String = match quote {
            Some(q) => chunk[1..].chars().take_while(|c| *c != q).collect(),
            None => chunk
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect(),
        };
        let href = href.replace("&amp;", "&");
        let Ok(url) = Url::parse(&href) else { continue };
        // http and https both count, so compare hosts and explicit ports, not schemes.
        let same_site = matches!(url.scheme(), "http" | "https")
            && url.host_str() == base_url.host_str()
            && url.port() == base_url.port();
        if !same_site {
            continue;
        }
        let path = url.path().trim_end_matches('/');
        if let Some(number) = path.strip_prefix(base_path).and_then(|p| {
            prefixes
                .iter()
                .find_map(|prefix| p.strip_prefix(prefix.as_str()))
                .and_then(|n| n.parse().ok())
        }) {
            numbers.push(number);
        }
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::lessons::Lesson;

    #[test]
    fn a_stored_reason_is_said_in_each_language_and_an_unknown_one_as_it_is() {
        let decision = Decision::Counts(BTreeMap::from([
            (3, Evidence::Tag("thing3".into())),
            (4, Evidence::Title),
        ]));
        let stored = decision.to_string();
        assert_eq!(
            reason_text(&stored).say(Locale::En),
            stored,
            "English says what is stored"
        );
        assert_eq!(
            reason_text(&stored).say(Locale::Nl),
            "telt mee voor Ding 3: met de tag 'thing3'; Ding 4: de titel noemt het"
        );
        for other in [Decision::Archive, Decision::Nothing] {
            assert_eq!(
                reason_text(&other.to_string()).say(Locale::En),
                other.to_string()
            );
            assert_ne!(
                reason_text(&other.to_string()).say(Locale::De),
                other.to_string()
            );
        }
        let odd = "counts for Thing 3: tagged 'a; Thing 4: b'";
        assert_eq!(reason_text(odd).say(Locale::De), odd, "kept as it is");
    }

    fn program() -> Program {
        let lesson = |number: i32, tags: &[&str]| Lesson {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Lesson::sample(number, 1)
        };
        Program {
            default: true,
            lessons: (1..=23)
                .map(|n| lesson(n, if n == 7 { &["23things-podcasts"] } else { &[] }))
                .collect(),
            ..Program::default()
        }
    }

    fn decide(title: &str, categories: &[&str], html: &str) -> Vec<i32> {
        let categories: Vec<String> = categories.iter().map(|c| c.to_string()).collect();
        let post = PostFacts {
            title,
            categories: &categories,
            content_html: html,
            published_at: "2026-10-01T00:00:00Z".parse().unwrap(),
        };
        let base = Url::parse("http://127.0.0.1:2323").unwrap();
        recognise(
            &post,
            &program(),
            &base,
            "2026-09-01T00:00:00Z".parse().unwrap(),
        )
        .lessons()
    }

    #[test]
    fn tags_count_however_people_write_them() {
        for tag in [
            "thing7",
            "Thing 7",
            "thing-7",
            "#thing7",
            "THING7",
            "thing_7",
            " Thing  7 ",
            "23things-podcasts",
            "23 Things Podcasts",
        ] {
            assert_eq!(decide("Hello", &[tag], ""), vec![7], "{tag}");
        }
        for tag in [
            "23 Things",
            "23things",
            "things",
            "thing",
            "thing 24",
            "something7",
            "thing7a",
        ] {
            assert!(decide("Hello", &[tag], "").is_empty(), "{tag}");
        }
    }

    #[test]
    fn the_lesson_word_of_every_shipped_language_counts() {
        // An English program: a Dutch or German colleague writes "Ding 7".
        assert_eq!(decide("Ding 7: podcasts", &[], ""), vec![7]);
        assert_eq!(decide("Mijn ding #3", &[], ""), vec![3]);
        assert_eq!(decide("Hallo", &["ding7"], ""), vec![7]);
        assert!(decide("Dinge 7 und mehr", &[], "").is_empty());
        // A program with a word of its own ("Asia" in Finnish): its word, "Thing", the
        // shipped languages' words and the `thingN` tag all count.
        let mut finnish = program();
        finnish.info.word = "Asia".into();
        let post = |title: &'static str, tags: &[&str]| {
            let categories: Vec<String> = tags.iter().map(|c| c.to_string()).collect();
            let facts = PostFacts {
                title,
                categories: &categories,
                content_html: "",
                published_at: "2026-10-01T00:00:00Z".parse().unwrap(),
            };
            recognise(
                &facts,
                &finnish,
                &Url::parse("http://127.0.0.1:2323").unwrap(),
                "2026-09-01T00:00:00Z".parse().unwrap(),
            )
            .lessons()
        };
        assert_eq!(post("Asia 5 valmis", &[]), vec![5]);
        assert_eq!(post("Thing 6", &[]), vec![6]);
        assert_eq!(post("Ding 8", &[]), vec![8]);
        assert_eq!(post("Hei", &["thing9"]), vec![9]);
        assert_eq!(post("Hei", &["asia10"]), vec![10]);
    }

    #[test]
    fn titles_count_as_whole_words() {
        assert_eq!(decide("Thing 7: podcasts", &[], ""), vec![7]);
        assert_eq!(decide("Thing #3: My feed reader", &[], ""), vec![3]);
        assert_eq!(decide("Finally, thing 17 done", &[], ""), vec![17]);
        assert_eq!(decide("Thing 8 – sharing files", &[], ""), vec![8]);
        assert!(decide("My 23 Things journey", &[], "").is_empty());
        assert!(decide("Something 7 happened", &[], "").is_empty());
        assert!(decide("Thing 7th attempt", &[], "").is_empty());
        assert!(decide("Things 1 to 3", &[], "").is_empty());
        assert_eq!(decide("Thing 2 and Thing 3", &[], ""), vec![2, 3]);
    }

    #[test]
    fn links_to_the_lesson_page_count() {
        for href in [
            "http://127.0.0.1:2323/lessons/9",
            "http://127.0.0.1:2323/lessons/9/",
            "https://127.0.0.1:2323/lessons/9",
        ] {
            assert_eq!(
                decide(
                    "A note",
                    &[],
                    &format!("<p><a href=\"{href}\">the lesson</a></p>")
                ),
                vec![9],
                "{href}"
            );
        }
        assert!(
            decide(
                "A note",
                &[],
                "<a href=\"https://elsewhere.example/lessons/9\">x</a>"
            )
            .is_empty()
        );
        assert!(
            decide(
                "A note",
                &[],
                "<a href=\"http://127.0.0.1:2323/lessons/9/comments\">x</a>"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_post_may_count_for_several_lessons_and_explains_itself() {
        let categories = vec!["Thing 3".to_string(), "thing2".to_string()];
        let post = PostFacts {
            title: "Week three",
            categories: &categories,
            content_html: "",
            published_at: "2026-10-01T00:00:00Z".parse().unwrap(),
        };
        let base = Url::parse("http://127.0.0.1:2323").unwrap();
        let decision = recognise(
            &post,
            &program(),
            &base,
            "2026-09-01T00:00:00Z".parse().unwrap(),
        );
        assert_eq!(decision.lessons(), vec![2, 3]);
        assert_eq!(
            decision.to_string(),
            "counts for Thing 2: tagged 'thing2'; Thing 3: tagged 'Thing 3'"
        );
    }

    #[test]
    fn archive_posts_count_for_nothing() {
        let categories = vec!["thing1".to_string()];
        let post = PostFacts {
            title: "Thing 1",
            categories: &categories,
            content_html: "",
            published_at: "2026-08-01T00:00:00Z".parse().unwrap(),
        };
        let base = Url::parse("http://127.0.0.1:2323").unwrap();
        let decision = recognise(
            &post,
            &program(),
            &base,
            "2026-08-18T00:00:00Z".parse().unwrap(),
        );
        assert_eq!(decision, Decision::Archive);
        assert_eq!(
            decision.to_string(),
            "counts for nothing: published before the cohort started"
        );
        assert_eq!(Decision::Nothing.to_string(), "no lesson recognised");
    }
}
