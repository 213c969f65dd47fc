//! The interface in the reader's own language: the shipped locales, which one a person
//! sees ([`negotiate`]), their messages ([`message`], and `t()` in the templates), dates
//! written as each language writes them, and the catalogue check ([`check`]).
//!
//! The catalogues are Fluent files in `locales/{code}/`, split by area (`pages.ftl`,
//! `errors.ftl`, `emails.ftl`, `coordinator.ftl`) and compiled into the binary; English is
//! the fallback for any message a locale lacks.

pub mod check;
mod refusal;
mod text;

pub use refusal::Refusal;
pub(crate) use refusal::refusal;
pub use text::{Part, Text};

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeZone};
use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            // Pages are HTML and emails plain text: no Unicode isolation marks around
            // values, and whole numbers grouped as the language groups them.
            bundle.set_use_isolating(false);
            let english = bundle.locales.first().is_some_and(|l| l.language.as_str() == "en");
            bundle.set_formatter(Some(if english { group_with_commas } else { group_with_dots }));
        },
    };
}

/// A language the interface is shipped in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Nl,
    De,
}

impl Locale {
    /// Every shipped locale, English first.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Nl, Locale::De];

    /// The locale's code, as in `<html lang>`, the `lang` cookie and `people.language`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
            Locale::De => "de",
        }
    }

    /// The locale whose code is exactly `code` (`en`, `nl`, `de`).
    pub fn from_code(code: &str) -> Option<Locale> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nl => "Nederlands",
            Locale::De => "Deutsch",
        }
    }

    /// The shipped locale that serves a language tag such as `nl-BE` or `de`, if any.
    pub fn matching(tag: &str) -> Option<Locale> {
        best(&[tag.trim()])
    }

    fn langid(self) -> LanguageIdentifier {
        // The codes are valid language identifiers.
        self.code().parse().unwrap_or_default()
    }

    fn chrono(self) -> chrono::Locale {
        match self {
            Locale::En => chrono::Locale::en_GB,
            Locale::Nl => chrono::Locale::nl_NL,
            Locale::De => chrono::Locale::de_DE,
        }
    }
}

/// The shipped locales as `{code, name}` for a language switcher or a preference form.
pub fn choices() -> Vec<(&'static str, &'static str)> {
    Locale::ALL.iter().map(|l| (l.code(), l.name())).collect()
}

/// The first of `requested` (language tags, most wanted first) that a shipped locale
/// serves; a regional variant gets its language (`nl-BE` gets Dutch).
fn best(requested: &[&str]) -> Option<Locale> {
    let available: Vec<LanguageIdentifier> = Locale::ALL.iter().map(|l| l.langid()).collect();
    requested
        .iter()
        .filter_map(|tag| tag.parse::<LanguageIdentifier>().ok())
        .find_map(|wanted| {
            fluent_langneg::negotiate_languages(
                &[wanted],
                &available,
                None,
                fluent_langneg::NegotiationStrategy::Lookup,
            )
            .first()
            .and_then(|id| Locale::from_code(id.language.as_str()))
        })
}

/// The shipped locale an `Accept-Language` header (or a `lang` cookie) asks for first,
/// by its q-weights (`fr;q=1, de;q=0.5` gets German; `q=0` means "not this").
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut wanted = accept_language::parse_with_quality(header);
    wanted.retain(|(tag, quality)| *quality > 0.0 && tag != "*");
    // Sorted by quality already; a stable sort keeps the header's order for equal weights.
    wanted.sort_by(|a, b| b.1.total_cmp(&a.1));
    let tags: Vec<&str> = wanted.iter().map(|(tag, _)| tag.as_str()).collect();
    best(&tags)
}

/// The language an email is written in: the recipient's own `preference`, else the
/// `program_language` of the cohort it is about, else English.
pub fn for_recipient(preference: Option<&str>, program_language: &str) -> Locale {
    negotiate(preference, Some(program_language), None)
}

/// Which language a person sees: their own `preference`, else the `program_language` (on
/// a cohort's pages and in its emails), else their browser's `accept_language`, else
/// English. Values that name no shipped locale are passed over.
pub fn negotiate(
    preference: Option<&str>,
    program_language: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    preference
        .and_then(Locale::matching)
        .or_else(|| program_language.and_then(Locale::matching))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or_default()
}

/// A value handed to a message: numbers choose plural forms and are written with the
/// language's digit grouping.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Number(f64),
    Text(String),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(value: $t) -> Self {
                Arg::Number(value as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize, f64);

/// The message `key` in `locale` (in English when the locale lacks it or cannot format
/// it), or `None` when not even English has it or English needs an argument not given.
pub fn try_message(locale: Locale, key: &str, args: &[(&str, Arg)]) -> Option<String> {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.clone()),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect();
    LOCALES.try_lookup_complete(&locale.langid(), key, Some(&args))
}

/// The message `key` in `locale` with `args` (in English when the locale lacks it). A key
/// not even English has is a bug: it is logged and the key itself is shown.
pub fn message(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
    try_message(locale, key, args).unwrap_or_else(|| {
        tracing::error!(key, "no such message in the English catalogue");
        key.to_owned()
    })
}

/// The lesson word ("Thing") in every shipped locale, for recognising titles such as
/// "Ding 7" whatever the program's own word.
pub fn lesson_words() -> Vec<String> {
    Locale::ALL
        .iter()
        .map(|l| message(*l, "lesson-word", &[]))
        .collect()
}

/// A date as `locale` writes it in full: "4 December 2026", "4 december 2026",
/// "4. Dezember 2026".
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    date.format_localized(date_pattern(locale), locale.chrono())
        .to_string()
}

/// A moment as `locale` writes it, in the moment's own time zone: "4 December 2026, 14:05".
pub fn long_datetime<Tz: TimeZone>(locale: Locale, when: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let pattern = match locale {
        Locale::En | Locale::Nl => "%-d %B %Y, %H:%M",
        Locale::De => "%-d. %B %Y, %H:%M",
    };
    when.format_localized(pattern, locale.chrono()).to_string()
}

/// A date with the month abbreviated: "4 Dec 2026", "4 dec 2026", "4. Dez 2026".
pub fn short_date(locale: Locale, date: NaiveDate) -> String {
    let pattern = match locale {
        Locale::En | Locale::Nl => "%-d %b %Y",
        Locale::De => "%-d. %b %Y",
    };
    date.format_localized(pattern, locale.chrono()).to_string()
}

/// A moment with its weekday, abbreviated: "Mon 7 Dec 2026, 09:00", "ma 7 dec 2026, 09:00",
/// "Mo 7. Dez 2026, 09:00".
pub fn short_datetime<Tz: TimeZone>(locale: Locale, when: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let pattern = match locale {
        Locale::En | Locale::Nl => "%a %-d %b %Y, %H:%M",
        Locale::De => "%a %-d. %b %Y, %H:%M",
    };
    when.format_localized(pattern, locale.chrono()).to_string()
}

/// A day and its abbreviated month, without the year: "4 Dec", "4 dec", "4. Dez".
pub fn day_month(locale: Locale, date: NaiveDate) -> String {
    let pattern = match locale {
        Locale::En | Locale::Nl => "%-d %b",
        Locale::De => "%-d. %b",
    };
    date.format_localized(pattern, locale.chrono()).to_string()
}

fn date_pattern(locale: Locale) -> &'static str {
    match locale {
        Locale::En | Locale::Nl => "%-d %B %Y",
        Locale::De => "%-d. %B %Y",
    }
}

/// Formats a whole number with `separator` between groups of three digits; `None` for
/// anything else (Fluent then writes it itself).
fn grouped(value: &FluentValue, separator: char) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    let fractions = number.options.minimum_fraction_digits.unwrap_or(0);
    if n.fract() != 0.0 || fractions > 0 || n.abs() < 1000.0 || n.abs() > 1e15 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let whole = n as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if whole < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    Some(out)
}

fn group_with_commas<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, ',')
}

fn group_with_dots<M>(value: &FluentValue, _: &M) -> Option<String> {
    grouped(value, '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_preference_program_browser_then_english() {
        assert_eq!(negotiate(None, None, None), Locale::En);
        assert_eq!(negotiate(None, None, Some("nl-BE,nl;q=0.9")), Locale::Nl);
        assert_eq!(negotiate(None, None, Some("fr;q=1, de;q=0.5")), Locale::De);
        assert_eq!(
            negotiate(None, None, Some("de;q=0.2, nl;q=0.8")),
            Locale::Nl
        );
        assert_eq!(negotiate(None, None, Some("nl;q=0, de")), Locale::De);
        assert_eq!(negotiate(None, None, Some("fr, ja")), Locale::En);
        assert_eq!(negotiate(None, None, Some("garbage;;;")), Locale::En);
        assert_eq!(negotiate(None, Some("de"), Some("nl")), Locale::De);
        assert_eq!(negotiate(Some("nl"), Some("de"), Some("en")), Locale::Nl);
        assert_eq!(negotiate(Some("xx"), Some("fi"), Some("de-AT")), Locale::De);
        assert_eq!(Locale::matching("en-US"), Some(Locale::En));
        assert_eq!(Locale::matching("de-CH"), Some(Locale::De));
        assert_eq!(Locale::matching("fi"), None);
    }

    #[test]
    fn codes_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
        assert_eq!(Locale::from_code("nl-BE"), None);
        assert_eq!(choices()[1], ("nl", "Nederlands"));
    }

    #[test]
    fn messages_fall_back_to_english_and_plurals_and_numbers_follow_the_language() {
        assert_eq!(
            message(Locale::En, "count-posts", &[("count", 1.into())]),
            "1 post"
        );
        assert_eq!(
            message(Locale::En, "count-posts", &[("count", 2.into())]),
            "2 posts"
        );
        assert_eq!(
            message(Locale::En, "count-posts", &[("count", 1500.into())]),
            "1,500 posts"
        );
        assert_eq!(
            message(Locale::Nl, "count-posts", &[("count", 1.into())]),
            "1 bericht"
        );
        assert_eq!(
            message(Locale::Nl, "count-posts", &[("count", 1500.into())]),
            "1.500 berichten"
        );
        assert_eq!(
            message(Locale::De, "count-posts", &[("count", 2.into())]),
            "2 Beiträge"
        );
        assert_eq!(try_message(Locale::Nl, "no-such-key", &[]), None);
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(long_date(Locale::En, day), "4 December 2026");
        assert_eq!(long_date(Locale::Nl, day), "4 december 2026");
        assert_eq!(long_date(Locale::De, day), "4. Dezember 2026");
        let moment = chrono::Utc.with_ymd_and_hms(2026, 3, 1, 14, 5, 0).unwrap();
        assert_eq!(long_datetime(Locale::De, &moment), "1. März 2026, 14:05");
        assert_eq!(short_date(Locale::De, day), "4. Dez 2026");
        assert_eq!(short_datetime(Locale::Nl, &moment), "zo 1 mrt 2026, 14:05");
        assert_eq!(short_datetime(Locale::De, &moment), "So 1. Mär 2026, 14:05");
    }

    #[test]
    fn every_locale_has_a_lesson_word() {
        assert_eq!(lesson_words(), ["Thing", "Ding", "Ding"]);
    }
}
