//! Geometry of the wheel of life, as pure functions: one wedge per life area,
//! its length by score, with wrapped labels. Components only draw the result.

use std::f64::consts::PI;

/// The SVG's view box is `0 0 SIZE SIZE`.
pub const SIZE: f64 = 720.0;
const CENTRE: f64 = SIZE / 2.0;
const INNER: f64 = 28.0;
const OUTER: f64 = 200.0;
const LABEL_RADIUS: f64 = 222.0;
const GAP: f64 = 0.03;
const LABEL_CHARS: usize = 14;

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    /// `start`, `middle` or `end`, for SVG's `text-anchor`.
    pub anchor: &'static str,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The whole wedge up to the top of the scale, drawn as an outline.
    pub outline: String,
    /// The part filled by the score; `None` when not scored.
    pub fill: Option<String>,
    pub label: Label,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Wheel {
    pub segments: Vec<Segment>,
    /// Radii of the faint guide rings, one per two points of the scale.
    pub rings: Vec<f64>,
    pub centre: f64,
}

/// Sine and cosine by Taylor series after reducing the angle to [-π, π].
/// Plenty for drawing, and it keeps the large trigonometry and float
/// formatting code of `std` out of the WebAssembly.
pub fn sin_cos(angle: f64) -> (f64, f64) {
    let turns = (angle / (2.0 * PI)).round();
    let x = angle - turns * 2.0 * PI;
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (x, 1.0);
    for n in 1..=12 {
        sin += s_term;
        cos += c_term;
        let k = f64::from(2 * n);
        s_term *= -x * x / (k * (k + 1.0));
        c_term *= -x * x / ((k - 1.0) * k);
    }
    (sin, cos)
}

fn point(radius: f64, angle: f64) -> (f64, f64) {
    let (sin, cos) = sin_cos(angle);
    (CENTRE + radius * cos, CENTRE + radius * sin)
}

/// A number for an SVG attribute, to one decimal place ("12.5", "320").
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, frac) = (tenths.abs() / 10, tenths.abs() % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// An annular wedge from `r0` to `r1` between two angles (radians, clockwise
/// from three o'clock), as an SVG path.
pub fn wedge_path(r0: f64, r1: f64, a0: f64, a1: f64) -> String {
    let large = f64::from(u8::from(a1 - a0 > PI));
    let (x0, y0) = point(r0, a0);
    let (x1, y1) = point(r1, a0);
    let (x2, y2) = point(r1, a1);
    let (x3, y3) = point(r0, a1);
    // M x0 y0 L x1 y1 A r1 r1 0 large 1 x2 y2 L x3 y3 A r0 r0 0 large 0 x0 y0 Z
    let steps = [
        ("M", x0),
        (" ", y0),
        ("L", x1),
        (" ", y1),
        ("A", r1),
        (" ", r1),
        (" 0 ", large),
        (" 1 ", x2),
        (" ", y2),
        ("L", x3),
        (" ", y3),
        ("A", r0),
        (" ", r0),
        (" 0 ", large),
        (" 0 ", x0),
        (" ", y0),
    ];
    let mut path = String::new();
    for (before, value) in steps {
        path.push_str(before);
        path.push_str(&num(value));
    }
    path.push('Z');
    path
}

/// Splits a title into lines of about `width` characters at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// Radius reached by `score` on a scale from `min` to `max`.
pub fn radius_for(score: u8, min: u8, max: u8) -> f64 {
    let span = f64::from(max.saturating_sub(min).max(1));
    let frac = (f64::from(score.clamp(min, max) - min) / span).clamp(0.0, 1.0);
    INNER + (OUTER - INNER) * frac
}

/// Lays out a wheel for `(title, score)` pairs on a `min..=max` scale.
/// A score of the minimum still shows a thin sliver so it reads as "scored".
pub fn layout(areas: &[(String, Option<u8>)], min: u8, max: u8) -> Wheel {
    let n = areas.len().max(1) as f64;
    let step = 2.0 * PI / n;
    let segments = areas
        .iter()
        .enumerate()
        .map(|(i, (title, score))| {
            let a0 = -PI / 2.0 + step * i as f64 + GAP / 2.0;
            let a1 = a0 + step - GAP;
            let mid = (a0 + a1) / 2.0;
            let (x, y) = point(LABEL_RADIUS, mid);
            let (sin, cos) = sin_cos(mid);
            let anchor = if cos > 0.2 {
                "start"
            } else if cos < -0.2 {
                "end"
            } else {
                "middle"
            };
            let mut lines = wrap(title, LABEL_CHARS);
            lines.push(score.map_or_else(|| "not scored".to_string(), |s| format!("{s} of {max}")));
            // Labels above the wheel grow upwards, so their last line sits by the rim.
            let line_height = 20.0;
            let y = if sin < -0.3 {
                y - line_height * (lines.len() as f64 - 1.0)
            } else if sin < 0.3 {
                y - line_height * (lines.len() as f64 - 1.0) / 2.0
            } else {
                y + 8.0
            };
            Segment {
                outline: wedge_path(INNER, OUTER, a0, a1),
                fill: score
                    .map(|s| wedge_path(INNER, radius_for(s, min, max).max(INNER + 3.0), a0, a1)),
                label: Label {
                    x,
                    y,
                    anchor,
                    lines,
                },
            }
        })
        .collect();
    let steps = usize::from(max.saturating_sub(min)) / 2;
    let rings = (1..=steps.max(1))
        .map(|k| INNER + (OUTER - INNER) * k as f64 / steps.max(1) as f64)
        .collect();
    Wheel {
        segments,
        rings,
        centre: CENTRE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas(scores: &[Option<u8>]) -> Vec<(String, Option<u8>)> {
        scores
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("Area number {i}"), *s))
            .collect()
    }

    #[test]
    fn one_segment_per_area_and_unscored_has_no_fill() {
        let w = layout(&areas(&[Some(10), None, Some(0), Some(5)]), 0, 10);
        assert_eq!(w.segments.len(), 4);
        assert!(w.segments[0].fill.is_some());
        assert!(w.segments[1].fill.is_none());
        assert!(
            w.segments[2].fill.is_some(),
            "0 is a score and shows a sliver"
        );
        assert_eq!(
            w.segments[1].label.lines.last().map(String::as_str),
            Some("not scored")
        );
        assert_eq!(
            w.segments[2].label.lines.last().map(String::as_str),
            Some("0 of 10")
        );
    }

    #[test]
    fn radius_grows_with_score_and_clamps() {
        assert_eq!(radius_for(0, 0, 10), INNER);
        assert_eq!(radius_for(10, 0, 10), OUTER);
        assert_eq!(radius_for(5, 0, 10), INNER + (OUTER - INNER) / 2.0);
        assert_eq!(radius_for(200, 0, 10), OUTER);
        assert!(radius_for(3, 1, 7) < radius_for(4, 1, 7));
    }

    #[test]
    fn wedge_path_starts_and_ends_where_expected() {
        let p = wedge_path(10.0, 100.0, 0.0, PI / 2.0);
        assert!(
            p.starts_with("M370 360L460 360A100 100 0 0 1 360 460"),
            "{p}"
        );
        assert!(p.ends_with('Z'));
        let big = wedge_path(10.0, 100.0, 0.0, 1.5 * PI);
        assert!(big.contains("A100 100 0 1 1"), "{big}");
    }

    #[test]
    fn labels_sit_outside_the_wheel_and_anchor_by_side() {
        let w = layout(&areas(&[Some(1); 12]), 0, 10);
        for s in &w.segments {
            let d = ((s.label.x - CENTRE).powi(2) + (s.label.y - CENTRE).powi(2)).sqrt();
            assert!(d > OUTER - 40.0, "label too close: {d}");
            assert!(s.label.x > 0.0 && s.label.x < SIZE && s.label.y > 0.0 && s.label.y < SIZE);
        }
        assert_eq!(w.segments[0].label.anchor, "start");
        assert_eq!(w.segments[11].label.anchor, "end");
        assert_eq!(
            layout(&areas(&[None; 3]), 0, 10).segments[1].label.anchor,
            "middle"
        );
        assert_eq!(w.segments[3].label.anchor, "start");
        assert_eq!(w.segments[9].label.anchor, "end");
        assert_eq!(w.rings.len(), 5);
    }

    #[test]
    fn sin_cos_matches_std() {
        for i in -40..=40 {
            let a = f64::from(i) * 0.37;
            let (s, c) = sin_cos(a);
            assert!(
                (s - a.sin()).abs() < 1e-9 && (c - a.cos()).abs() < 1e-9,
                "{a}"
            );
        }
    }

    #[test]
    fn numbers_print_to_one_decimal() {
        assert_eq!(num(320.0), "320");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(0.05), "0.1");
        assert_eq!(num(-3.25), "-3.3");
        assert_eq!(num(-0.04), "0");
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(
            wrap("Daily living and looking after yourself", 15),
            ["Daily living", "and looking", "after yourself"]
        );
        assert_eq!(wrap("Supercalifragilistic", 5), ["Supercalifragilistic"]);
        assert!(wrap("   ", 5).is_empty());
    }
}
