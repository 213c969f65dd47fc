//! Templates are code: pages and emails, embedded in the binary, parsed once, strict about
//! undefined values, and auto-escaped (every HTML template is named `*.html`; plain-text
//! email parts are `*.txt`).

use std::sync::LazyLock;

use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};

use crate::i18n::{self, Arg, Locale};

/// Every template, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("lessons.html", include_str!("../templates/lessons.html")),
    ("lesson.html", include_str!("../templates/lesson.html")),
    ("programs.html", include_str!("../templates/programs.html")),
    (
        "program-credits.html",
        include_str!("../templates/program-credits.html"),
    ),
    ("cohort.html", include_str!("../templates/cohort.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("river.html", include_str!("../templates/river.html")),
    ("person.html", include_str!("../templates/person.html")),
    ("post.html", include_str!("../templates/post.html")),
    (
        "finishers.html",
        include_str!("../templates/finishers.html"),
    ),
    ("mail-log.html", include_str!("../templates/mail-log.html")),
    (
        "coordinator.html",
        include_str!("../templates/coordinator.html"),
    ),
    (
        "cohort-settings.html",
        include_str!("../templates/cohort-settings.html"),
    ),
    (
        "coordinator-grid.html",
        include_str!("../templates/coordinator-grid.html"),
    ),
    (
        "coordinator-grid-rows.html",
        include_str!("../templates/coordinator-grid-rows.html"),
    ),
    (
        "coordinator-reminders-due.html",
        include_str!("../templates/coordinator-reminders-due.html"),
    ),
    (
        "coordinator-person.html",
        include_str!("../templates/coordinator-person.html"),
    ),
    (
        "coordinator-reminders.html",
        include_str!("../templates/coordinator-reminders.html"),
    ),
    (
        "coordinator-import.html",
        include_str!("../templates/coordinator-import.html"),
    ),
    (
        "certificate.html",
        include_str!("../templates/certificate.html"),
    ),
    ("badge.html", include_str!("../templates/badge.html")),
    (
        "unsubscribe.html",
        include_str!("../templates/unsubscribe.html"),
    ),
    (
        "emails/layout.html",
        include_str!("../templates/emails/layout.html"),
    ),
    (
        "emails/celebration.txt",
        include_str!("../templates/emails/celebration.txt"),
    ),
    (
        "emails/celebration.html",
        include_str!("../templates/emails/celebration.html"),
    ),
    (
        "emails/celebration-note.txt",
        include_str!("../templates/emails/celebration-note.txt"),
    ),
    (
        "emails/celebration-note.html",
        include_str!("../templates/emails/celebration-note.html"),
    ),
    (
        "emails/milestone.txt",
        include_str!("../templates/emails/milestone.txt"),
    ),
    (
        "emails/milestone.html",
        include_str!("../templates/emails/milestone.html"),
    ),
    (
        "emails/release.txt",
        include_str!("../templates/emails/release.txt"),
    ),
    (
        "emails/release.html",
        include_str!("../templates/emails/release.html"),
    ),
    (
        "emails/feed-problem.txt",
        include_str!("../templates/emails/feed-problem.txt"),
    ),
    (
        "emails/login.txt",
        include_str!("../templates/emails/login.txt"),
    ),
    (
        "emails/login.html",
        include_str!("../templates/emails/login.html"),
    ),
    (
        "emails/confirm.txt",
        include_str!("../templates/emails/confirm.txt"),
    ),
    (
        "emails/confirm.html",
        include_str!("../templates/emails/confirm.html"),
    ),
    (
        "emails/already-joined.txt",
        include_str!("../templates/emails/already-joined.txt"),
    ),
    (
        "emails/already-joined.html",
        include_str!("../templates/emails/already-joined.html"),
    ),
    ("join.html", include_str!("../templates/join.html")),
    (
        "join-confirm.html",
        include_str!("../templates/join-confirm.html"),
    ),
    ("too-many.html", include_str!("../templates/too-many.html")),
    ("me.html", include_str!("../templates/me.html")),
    ("mentor.html", include_str!("../templates/mentor.html")),
    (
        "coordinator-together.html",
        include_str!("../templates/coordinator-together.html"),
    ),
    (
        "emails/mentor-note.txt",
        include_str!("../templates/emails/mentor-note.txt"),
    ),
    (
        "emails/mentor-note.html",
        include_str!("../templates/emails/mentor-note.html"),
    ),
    (
        "emails/highlight.txt",
        include_str!("../templates/emails/highlight.txt"),
    ),
    (
        "emails/highlight.html",
        include_str!("../templates/emails/highlight.html"),
    ),
    ("login.html", include_str!("../templates/login.html")),
    (
        "login-link.html",
        include_str!("../templates/login-link.html"),
    ),
    (
        "emails/feed-problem.html",
        include_str!("../templates/emails/feed-problem.html"),
    ),
    (
        "emails/reminder.txt",
        include_str!("../templates/emails/reminder.txt"),
    ),
    (
        "emails/reminder.html",
        include_str!("../templates/emails/reminder.html"),
    ),
];

static ENVIRONMENT: LazyLock<Result<Environment<'static>, String>> =
    LazyLock::new(|| build().map_err(|e| format!("{e:#}")));

/// A whole number as people read it: `1,000`.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `n` things in words: "1 post", "1,000 posts".
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

/// `text` as a sentence: its first letter upper-case, the rest as it is (minijinja's
/// `capitalize` lower-cases the rest, "404 Not Found" and "Europe/Berlin" with it).
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn build() -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("number", number);
    env.add_filter("count", |n: i64, one: String, many: String| {
        count(n, &one, &many)
    });
    env.add_filter("sentence", |text: String| sentence(&text));
    env.add_function("t", translate);
    env.add_filter("date", date);
    env.add_filter("datetime", datetime);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// The locale a template renders in: its context's `lang` (a locale code), else English.
fn locale(state: &State) -> Locale {
    state
        .lookup("lang")
        .and_then(|lang| lang.as_str().and_then(Locale::from_code))
        .unwrap_or_default()
}

/// `t("key", name=value, ...)`: the message `key` in the template's `lang`, with keyword
/// arguments as Fluent arguments (numbers stay numbers, so plurals work). A key English
/// lacks is a template error, not a silent gap. A key ending in `-html` is a message with
/// markup of its own (a link inside a sentence): its text arguments are escaped and the
/// result is not escaped again. Other messages are escaped whole. Apostrophes stay as they
/// are ("everyone's"): templates quote every attribute with double quotes. In a template
/// that does not escape (plain-text email) nothing is escaped.
fn translate(state: &State, key: &str, args: Kwargs) -> Result<Value, Error> {
    let html = matches!(state.auto_escape(), minijinja::AutoEscape::Html);
    let markup = key.ends_with("-html");
    let mut fluent = Vec::new();
    for name in args.args() {
        let value: Value = args.get(name)?;
        let arg = match value.kind() {
            ValueKind::Number => Arg::Number(f64::try_from(value.clone())?),
            ValueKind::None | ValueKind::Undefined => Arg::Text(String::new()),
            _ if html && markup && !value.is_safe() => Arg::Text(escape_html(&value.to_string())),
            _ => Arg::Text(value.to_string()),
        };
        fluent.push((name, arg));
    }
    args.assert_all_used()?;
    let text = i18n::try_message(locale(state), key, &fluent).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!(
                "no message `{key}` in the English catalogue (or it needs an argument not given)"
            ),
        )
    })?;
    Ok(Value::from_safe_string(if html && !markup {
        escape_html(&text)
    } else {
        text
    }))
}

/// `text` safe inside HTML (and SVG) text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `{{ day|date }}`: an ISO date (`2026-12-04`, or the date of an RFC 3339 moment) as the
/// template's `lang` writes it in full ("4 December 2026", "4. Dezember 2026");
/// `date("short")` abbreviates the month ("4 Dec 2026", "4. Dez 2026").
fn date(state: &State, value: &str, style: Option<&str>) -> Result<String, Error> {
    let day = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(value)
                .ok()
                .map(|moment| moment.date_naive())
        })
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("{value:?} is not an ISO date"),
            )
        })?;
    match style {
        None | Some("long") => Ok(i18n::long_date(locale(state), day)),
        Some("short") => Ok(i18n::short_date(locale(state), day)),
        Some(other) => Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("date style {other:?} is neither long nor short"),
        )),
    }
}

/// `{{ moment|datetime }}`: an RFC 3339 moment, optionally followed by a space and its
/// zone's abbreviation (`2026-12-07T09:00:00+01:00 CET`), as the template's `lang` writes
/// it: "Mon 7 Dec 2026, 09:00 CET", "ma 7 dec 2026, 09:00 CET", "Mo 7. Dez 2026, 09:00 CET".
fn datetime(state: &State, value: &str) -> Result<String, Error> {
    let (moment, zone) = value.split_once(' ').unwrap_or((value, ""));
    let moment = chrono::DateTime::parse_from_rfc3339(moment).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("{value:?} is not an RFC 3339 moment"),
        )
    })?;
    let written = i18n::short_datetime(locale(state), &moment);
    Ok(if zone.is_empty() {
        written
    } else {
        format!("{written} {zone}")
    })
}

/// Parses every template; called at start so a typo stops the server at once.
pub fn check() -> anyhow::Result<()> {
    ENVIRONMENT
        .as_ref()
        .map(|_| ())
        .map_err(|e| anyhow::anyhow!("{e}"))
}

pub fn render(name: &str, context: impl Into<Value>) -> Result<String, Error> {
    let env = ENVIRONMENT
        .as_ref()
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.clone()))?;
    env.get_template(name)?.render(context)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    TEMPLATES.iter().map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(1_234_567), "1,234,567");
        assert_eq!(count(1, "post", "posts"), "1 post");
        assert_eq!(count(1500, "person", "people"), "1,500 people");
    }

    #[test]
    fn every_message_a_template_names_is_in_the_english_catalogue() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
        let mut keys = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((key, _)) = line.split_once(" =") {
                    keys.insert(key.trim().to_owned());
                }
            }
        }
        let mut missing = Vec::new();
        for (name, source) in TEMPLATES {
            for quote in ['"', '\''] {
                let opening = format!("t({quote}");
                for (at, _) in source.match_indices(&opening) {
                    let rest = &source[at + opening.len()..];
                    let key = &rest[..rest.find(quote).unwrap()];
                    let is_call = at == 0
                        || !source[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                    if is_call && !keys.contains(key) {
                        missing.push(format!("{name}: {key}"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in locales/en: {missing:?}");
    }

    #[test]
    fn every_template_parses_and_every_template_file_is_listed() {
        check().unwrap();
        let listed: std::collections::BTreeSet<&str> = names().collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        for folder in [dir.clone(), dir.join("emails")] {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                let name = path
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                if path.is_file() && !name.ends_with(".css") {
                    assert!(listed.contains(name.as_str()), "{name} is not embedded");
                }
            }
        }
    }
}
