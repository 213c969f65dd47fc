//! The completion curve as server-side SVG: lessons done and finishers over time, each on
//! its own scale (left and right axes), readable without JavaScript.

use crate::templates::escape_html;
use std::fmt::Write;

use crate::i18n::{self, Locale};
use crate::progress::grid::CurvePoint;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 56.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// The SVG markup, its words in `locale` (every text in it is a number, a date or a message
/// of the catalogue, escaped).
pub fn completion_curve(points: &[CurvePoint], locale: Locale) -> String {
    let lessons_max = points
        .iter()
        .map(|p| p.lessons_done)
        .max()
        .unwrap_or(0)
        .max(1);
    let finishers_max = points.iter().map(|p| p.finishers).max().unwrap_or(0).max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let span = points.len().saturating_sub(1).max(1) as f64;
    let x = |i: usize| LEFT + plot_w * i as f64 / span;
    let y = |value: usize, max: usize| TOP + plot_h * (1.0 - value as f64 / max as f64);
    let line = |value: fn(&CurvePoint) -> usize, max: usize| {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(value(p), max)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let Words {
        first,
        last,
        title,
        desc,
        date,
        lessons_label,
        finishers_label,
    } = Words::of(points, locale);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="curve" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="curve-title curve-desc" xmlns="http://www.w3.org/2000/svg">
<title id="curve-title">{title}</title>
<desc id="curve-desc">{desc}</desc>
<g class="axes">
<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>
<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>
<line x1="{right}" y1="{TOP}" x2="{right}" y2="{bottom}"/>
</g>
<g class="labels">
<text x="{LEFT}" y="{date_y}" text-anchor="start">{first}</text>
<text x="{right}" y="{date_y}" text-anchor="end">{last}</text>
<text x="{mid}" y="{axis_y}" text-anchor="middle">{date}</text>
<text x="{left_label}" y="{TOP}" text-anchor="end" dominant-baseline="hanging">{lessons_max}</text>
<text x="{left_label}" y="{bottom}" text-anchor="end">0</text>
<text class="lessons" transform="translate(14 {mid_y}) rotate(-90)" text-anchor="middle">{lessons_label}</text>
<text x="{right_label}" y="{TOP}" text-anchor="start" dominant-baseline="hanging">{finishers_max}</text>
<text x="{right_label}" y="{bottom}" text-anchor="start">0</text>
<text class="finishers" transform="translate({finishers_x} {mid_y}) rotate(90)" text-anchor="middle">{finishers_label}</text>
</g>
<polyline class="lessons" fill="none" points="{lessons}"/>
<polyline class="finishers" fill="none" points="{finishers}"/>
</svg>"#,
        bottom = TOP + plot_h,
        right = WIDTH - RIGHT,
        date_y = TOP + plot_h + 16.0,
        axis_y = HEIGHT - 4.0,
        mid = LEFT + plot_w / 2.0,
        mid_y = TOP + plot_h / 2.0,
        left_label = LEFT - 6.0,
        right_label = WIDTH - RIGHT + 6.0,
        finishers_x = WIDTH - 14.0,
        lessons = line(|p| p.lessons_done, lessons_max),
        finishers = line(|p| p.finishers, finishers_max),
    );
    svg
}

/// The curve's words in `locale`, escaped: its first and last dates, title, description
/// and axis labels.
struct Words {
    first: String,
    last: String,
    title: String,
    desc: String,
    date: String,
    lessons_label: String,
    finishers_label: String,
}

impl Words {
    fn of(points: &[CurvePoint], locale: Locale) -> Self {
        let (first, last) = match (points.first(), points.last()) {
            (Some(first), Some(last)) => (
                i18n::short_date(locale, first.day),
                i18n::short_date(locale, last.day),
            ),
            _ => (String::new(), String::new()),
        };
        let say = |key: &str| escape_html(&i18n::message(locale, key, &[]));
        let desc = escape_html(&i18n::message(
            locale,
            "coord-curve-desc",
            &[
                ("first", first.clone().into()),
                ("last", last.clone().into()),
                (
                    "lessons",
                    points.last().map_or(0, |p| p.lessons_done).into(),
                ),
                ("finishers", points.last().map_or(0, |p| p.finishers).into()),
            ],
        ));
        Words {
            title: say("coord-curve-title"),
            date: say("coord-curve-date"),
            lessons_label: say("coord-curve-lessons"),
            finishers_label: say("coord-curve-finishers"),
            desc,
            first,
            last,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_has_a_title_axis_labels_and_one_vertex_a_day() {
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        let points: Vec<CurvePoint> = (1..=3)
            .map(|d| CurvePoint {
                day: day(d),
                lessons_done: usize::try_from(d * 10).unwrap(),
                finishers: usize::try_from(d / 3).unwrap(),
            })
            .collect();
        let svg = completion_curve(&points, Locale::En);
        assert!(svg.contains("<title id=\"curve-title\">"));
        for label in [
            "Lessons done",
            "Finishers",
            "Date",
            "1 Mar 2027",
            "3 Mar 2027",
            ">30<",
        ] {
            assert!(svg.contains(label), "{label}");
        }
        let lessons = svg.split("polyline class=\"lessons\"").nth(1).unwrap();
        let vertices = lessons
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(vertices.split(' ').count(), 3);
        assert!(
            completion_curve(&[], Locale::En).contains("<svg"),
            "an empty curve still draws"
        );
    }
}
