//! Dates as blogs write them: RFC 3339 and RFC 2822, and the many near misses (named
//! zones like CEST or PDT, long month names, US order, ISO 8601 with a space or without a
//! zone, slashes and dots, one-digit months, dates without a time). A date without a zone
//! is taken as UTC.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

pub(super) fn parse(raw: &str) -> Option<DateTime<Utc>> {
    let text = raw.trim();
    if text.is_empty() {
        return None;
    }
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| numeric(text))
        .or_else(|| rfc2822_lenient(text))
}

/// Dates written with numbers: `2026-10-01`, `2026-10-01T09:30:00.123+0200`, `2026/10/01
/// 09:30:00 CEST`, `2020/1/10 14:03:00`, `2020.01.10`, `10.01.2020 14:03`, `Fri, 2006/09/15
/// 08:19:53 EDT`, `1/25/2020 2:03 PM`.
fn numeric(text: &str) -> Option<DateTime<Utc>> {
    let (date, rest) = numeric_date(without_weekday(text))?;
    let rest = rest.trim_start_matches(['T', 't', ' ', ',']);
    if rest.is_empty() {
        return Some(Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)));
    }
    let time_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let after = rest[time_len..].trim();
    let (meridiem, zone_text) = match after.get(..2) {
        Some(m) if m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm") => {
            (Some(m.eq_ignore_ascii_case("pm")), &after[2..])
        }
        _ => (None, after),
    };
    let time = clock(&rest[..time_len], meridiem)?;
    let offset = zone(zone_text.trim())?;
    local_to_utc(date.and_time(time), offset)
}

/// `Fri, 2006/09/15` without its `Fri, `.
fn without_weekday(text: &str) -> &str {
    let word = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    if word < 3 {
        return text;
    }
    let rest = text[word..].trim_start_matches([',', ' ']);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        rest
    } else {
        text
    }
}

/// Three numbers split by the same `-`, `/` or `.`: year first, or year last. With the
/// year last, dots put the day first (`10.01.2020`, as Europe writes it); slashes and dashes
/// are read only when the order is plain (`25/1/2020`, `1/25/2020`, `3/3/2020`), never
/// guessed: a post dated months off would count for the wrong week, or not at all.
fn numeric_date(text: &str) -> Option<(NaiveDate, &str)> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let first = digits(0);
    let separator = *bytes.get(first)?;
    if !(1..=4).contains(&first) || !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let second_at = first + 1;
    let second = digits(second_at);
    let third_at = second_at + second + 1;
    if !(1..=2).contains(&second) || bytes.get(third_at - 1) != Some(&separator) {
        return None;
    }
    let third = digits(third_at);
    let end = third_at + third;
    let a: u32 = number(&text[..first])?;
    let b: u32 = number(&text[second_at..second_at + second])?;
    let c: u32 = number(&text[third_at..end])?;
    let (year, month, day) = match (first, third) {
        (4, 1 | 2) => (a, b, c),
        (1 | 2, 4) if separator == b'.' => (c, b, a),
        (1 | 2, 4) if a > 12 || a == b => (c, b, a),
        (1 | 2, 4) if b > 12 => (c, a, b),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some((date, &text[end..]))
}

/// RFC 2822 as it is really written: `Tue, 10 Nov 2026 10:00:00 CEST`, `Tuesday, 10
/// November 2026 10:00 +0100`, `Nov 10, 2026 10:00 AM PDT`, `10 Nov 2026`.
fn rfc2822_lenient(text: &str) -> Option<DateTime<Utc>> {
    let cleaned = text.replace([',', '(', ')'], " ");
    let mut tokens: Vec<&str> = cleaned.split_whitespace().collect();
    if tokens
        .first()
        .is_some_and(|t| t.chars().all(char::is_alphabetic) && month(t).is_none())
    {
        tokens.remove(0);
    }
    let (day, month, year) = match tokens.as_slice() {
        [d, m, y, ..] if month(m).is_some() => (number::<u32>(d)?, month(m)?, year(y)?),
        [m, d, y, ..] if month(m).is_some() => (
            number::<u32>(d.trim_end_matches(|c: char| c.is_alphabetic()))?,
            month(m)?,
            year(y)?,
        ),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let rest = &tokens[3..];
    let Some((time, rest)) = rest.split_first() else {
        return Some(Utc.from_utc_datetime(&date.and_time(NaiveTime::MIN)));
    };
    let (meridiem, rest) = match rest.split_first() {
        Some((m, rest)) if m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm") => {
            (Some(m.eq_ignore_ascii_case("pm")), rest)
        }
        _ => (None, rest),
    };
    let time = clock(time, meridiem)?;
    // A numeric offset wins over a zone name given alongside it ("+0200 (CEST)").
    let offset = rest
        .iter()
        .find_map(|t| numeric_offset(t))
        .or_else(|| zone(&rest.join(" ")))?;
    local_to_utc(date.and_time(time), offset)
}

fn local_to_utc(local: NaiveDateTime, offset: FixedOffset) -> Option<DateTime<Utc>> {
    offset
        .from_local_datetime(&local)
        .single()
        .map(|d| d.with_timezone(&Utc))
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.parse().ok()
}

fn year(text: &str) -> Option<i32> {
    let year: i32 = number(text)?;
    match (text.len(), year) {
        (2, y) if y < 70 => Some(2000 + y),
        (2, y) => Some(1900 + y),
        (4, y) => Some(y),
        _ => None,
    }
}

fn month(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = text.trim_end_matches('.').to_ascii_lowercase();
    let known = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "sept",
        "october",
        "november",
        "december",
    ];
    if lower.len() < 3 || !(lower.len() == 3 || known.contains(&lower.as_str())) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// `9:30`, `09:30:00`, `09:30:00.123` (fractions dropped), with an optional AM/PM.
fn clock(text: &str, pm: Option<bool>) -> Option<NaiveTime> {
    let mut parts = text.split(':');
    let hour: u32 = number(parts.next()?)?;
    let minute: u32 = number(parts.next()?)?;
    let second: u32 = match parts.next() {
        Some(s) => number(s.split(['.', ',']).next()?)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match pm {
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    // Some feeds write 24:00 for midnight.
    let hour = if hour == 24 && minute == 0 && second == 0 {
        0
    } else {
        hour
    };
    NaiveTime::from_hms_opt(hour, minute, second.min(59))
}

/// `Z`, `+02:00`, `+0200`, `+02`, `UTC`, `GMT+2`, a named zone, or nothing (UTC). An
/// unknown name is taken as UTC: a date a few hours off beats no date at all.
fn zone(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    if text.is_empty() {
        return FixedOffset::east_opt(0);
    }
    if let Some(offset) = numeric_offset(text) {
        return Some(offset);
    }
    let upper = text.to_ascii_uppercase();
    for prefix in ["UTC", "GMT"] {
        if let Some(offset) = upper
            .strip_prefix(prefix)
            .filter(|rest| !rest.is_empty())
            .and_then(|rest| numeric_offset(rest.trim()))
        {
            return Some(offset);
        }
    }
    let name = upper.split_whitespace().next().unwrap_or_default();
    if !name.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    FixedOffset::east_opt(named_zone_minutes(name).unwrap_or(0) * 60)
}

fn numeric_offset(text: &str) -> Option<FixedOffset> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits = digits.replace(':', "");
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes): (i32, i32) = match digits.len() {
        1 | 2 => (number(&digits)?, 0),
        3 => (number(&digits[..1])?, number(&digits[1..])?),
        4 => (number(&digits[..2])?, number(&digits[2..])?),
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// Zone names blogs use, in minutes east of UTC. Ambiguous ones take their most common
/// meaning on the web (CST: US Central, IST: India).
fn named_zone_minutes(name: &str) -> Option<i32> {
    Some(match name {
        "Z" | "UT" | "UTC" | "GMT" | "WET" => 0,
        "BST" | "CET" | "MET" | "WEST" => 60,
        "IST" => 330,
        "CEST" | "MEST" | "EET" | "SAST" => 120,
        "EEST" | "MSK" => 180,
        "EST" => -300,
        "EDT" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "AKST" => -540,
        "AKDT" => -480,
        "HST" => -600,
        "AST" => -240,
        "ADT" => -180,
        "NST" => -210,
        "NDT" => -150,
        "SGT" | "HKT" | "AWST" => 480,
        "JST" | "KST" => 540,
        "ACST" => 570,
        "ACDT" => 630,
        "AEST" => 600,
        "AEDT" => 660,
        "NZST" => 720,
        "NZDT" => 780,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<String> {
        parse(text).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
    }

    #[test]
    fn standard_formats() {
        assert_eq!(
            utc("Tue, 10 Nov 2026 10:00:00 +0000").as_deref(),
            Some("2026-11-10T10:00:00Z")
        );
        assert_eq!(
            utc("2026-10-21T04:30:00.000-07:00").as_deref(),
            Some("2026-10-21T11:30:00Z")
        );
        assert_eq!(
            utc("Tue, 10 Nov 2026 10:00:00 GMT").as_deref(),
            Some("2026-11-10T10:00:00Z")
        );
    }

    #[test]
    fn named_zones() {
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 CEST").as_deref(),
            Some("2026-10-05T08:00:00Z")
        );
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 PDT").as_deref(),
            Some("2026-10-05T17:00:00Z")
        );
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 BST").as_deref(),
            Some("2026-10-05T09:00:00Z")
        );
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 UTC").as_deref(),
            Some("2026-10-05T10:00:00Z")
        );
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 +0200 (CEST)").as_deref(),
            Some("2026-10-05T08:00:00Z")
        );
        assert_eq!(
            utc("Mon, 05 Oct 2026 10:00:00 XYZ").as_deref(),
            Some("2026-10-05T10:00:00Z")
        );
    }

    #[test]
    fn near_misses() {
        assert_eq!(
            utc("2026-10-01 09:30:00").as_deref(),
            Some("2026-10-01T09:30:00Z")
        );
        assert_eq!(
            utc("2026-10-01T09:30").as_deref(),
            Some("2026-10-01T09:30:00Z")
        );
        assert_eq!(
            utc("2026-10-01 09:30:00 +0200").as_deref(),
            Some("2026-10-01T07:30:00Z")
        );
        assert_eq!(
            utc("2026-10-01T09:30:00+02").as_deref(),
            Some("2026-10-01T07:30:00Z")
        );
        assert_eq!(
            utc("2026/10/01 09:30:00 CEST").as_deref(),
            Some("2026-10-01T07:30:00Z")
        );
        assert_eq!(utc("2026-10-01").as_deref(), Some("2026-10-01T00:00:00Z"));
        assert_eq!(
            utc("Thursday, 1 October 2026 9:05 +0100").as_deref(),
            Some("2026-10-01T08:05:00Z")
        );
        assert_eq!(
            utc("Sept 1, 2026 3:05 PM PDT").as_deref(),
            Some("2026-09-01T22:05:00Z")
        );
        assert_eq!(utc("1 Oct 2026").as_deref(), Some("2026-10-01T00:00:00Z"));
        assert_eq!(
            utc("Thu, 01 Oct 26 09:30:00 GMT").as_deref(),
            Some("2026-10-01T09:30:00Z")
        );
        assert_eq!(
            utc("2026-10-01T24:00:00Z").as_deref(),
            Some("2026-10-01T00:00:00Z")
        );
    }

    #[test]
    fn slash_and_dot_forms_with_short_numbers() {
        for (text, expected) in [
            ("2020/1/10 14:03:00", "2020-01-10T14:03:00Z"),
            ("2020/01/10", "2020-01-10T00:00:00Z"),
            ("2020-1-5 9:03", "2020-01-05T09:03:00Z"),
            ("2020.01.10 14:03:00", "2020-01-10T14:03:00Z"),
            ("10.01.2020 14:03", "2020-01-10T14:03:00Z"),
            ("5.1.2020", "2020-01-05T00:00:00Z"),
            ("25/1/2020 14:03", "2020-01-25T14:03:00Z"),
            ("1/25/2020 2:03 PM", "2020-01-25T14:03:00Z"),
            ("3/3/2020", "2020-03-03T00:00:00Z"),
            ("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z"),
            ("2020/1/10 14:03:00 +0100", "2020-01-10T13:03:00Z"),
        ] {
            assert_eq!(utc(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn a_day_and_month_that_could_be_either_are_not_guessed() {
        for text in [
            "10/01/2020",
            "1-2-2020",
            "2020/1/32",
            "20/1/10",
            "10.13.2020",
        ] {
            assert_eq!(utc(text), None, "{text}");
        }
    }

    #[test]
    fn nonsense_is_none() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "31 Feb 2026",
            "Mon, 05 Oct 2026 25:00:00 GMT",
            "1234567890",
            "2026-é-01T10:00:00Z",
            "2026-10-0é 10:00",
        ] {
            assert_eq!(utc(text), None, "{text}");
        }
    }
}
