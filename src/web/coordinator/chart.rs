//! The completion curve as server-side SVG: lessons done and finishers over time, each on
//! its own scale (left and right axes), readable without JavaScript.

use std::fmt::Write;

use crate::progress::grid::CurvePoint;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 56.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// The SVG markup (every text in it is a number or a date, so nothing needs escaping).
pub fn completion_curve(points: &[CurvePoint]) -> String {
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
    let (first, last) = match (points.first(), points.last()) {
        (Some(first), Some(last)) => (first.day.to_string(), last.day.to_string()),
        _ => (String::new(), String::new()),
    };
    let count =
        |n: usize, one, many| crate::templates::count(i64::try_from(n).unwrap_or(0), one, many);
    let lessons_now = count(
        points.last().map_or(0, |p| p.lessons_done),
        "lesson",
        "lessons",
    );
    let finishers_now = count(
        points.last().map_or(0, |p| p.finishers),
        "finisher",
        "finishers",
    );
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="curve" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="curve-title curve-desc" xmlns="http://www.w3.org/2000/svg">
<title id="curve-title">Completion curve: lessons done and finishers over time</title>
<desc id="curve-desc">From {first} to {last}: {lessons_now} done in all, {finishers_now}.</desc>
<g class="axes">
<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>
<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>
<line x1="{right}" y1="{TOP}" x2="{right}" y2="{bottom}"/>
</g>
<g class="labels">
<text x="{LEFT}" y="{date_y}" text-anchor="start">{first}</text>
<text x="{right}" y="{date_y}" text-anchor="end">{last}</text>
<text x="{mid}" y="{axis_y}" text-anchor="middle">Date</text>
<text x="{left_label}" y="{TOP}" text-anchor="end" dominant-baseline="hanging">{lessons_max}</text>
<text x="{left_label}" y="{bottom}" text-anchor="end">0</text>
<text class="lessons" transform="translate(14 {mid_y}) rotate(-90)" text-anchor="middle">Lessons done</text>
<text x="{right_label}" y="{TOP}" text-anchor="start" dominant-baseline="hanging">{finishers_max}</text>
<text x="{right_label}" y="{bottom}" text-anchor="start">0</text>
<text class="finishers" transform="translate({finishers_x} {mid_y}) rotate(90)" text-anchor="middle">Finishers</text>
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
        let svg = completion_curve(&points);
        assert!(svg.contains("<title id=\"curve-title\">"));
        for label in [
            "Lessons done",
            "Finishers",
            "Date",
            "2027-03-01",
            "2027-03-03",
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
            completion_curve(&[]).contains("<svg"),
            "an empty curve still draws"
        );
    }
}
