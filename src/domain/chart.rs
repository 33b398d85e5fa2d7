//! Geometry of the small line charts on the progress page, as strings for
//! SVG: one chart per life area or measure, one point per assessment.

use super::wheel::num;

/// The chart's view box is `0 0 CHART_W CHART_H`.
pub const CHART_W: f64 = 320.0;
pub const CHART_H: f64 = 160.0;
/// Where the plotting area starts and ends. Score labels sit left of
/// `PLOT_LEFT`; date labels sit below `PLOT_BOTTOM`, at `X_LABEL_Y`. The
/// first and last points are kept 40 in from the sides so a centred date
/// label of about 12 characters (see `dates::show_short`) still fits.
pub const PLOT_LEFT: f64 = 40.0;
pub const PLOT_RIGHT: f64 = 280.0;
pub const PLOT_TOP: f64 = 16.0;
pub const PLOT_BOTTOM: f64 = 128.0;
pub const X_LABEL_Y: f64 = 150.0;
/// Where the score labels of the grid lines sit (text-anchor `end`).
pub const Y_LABEL_X: f64 = 24.0;

#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: String,
    pub y: String,
    /// The score, as text.
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// "M x y L x y …"; a new "M" starts after each unscored point, so the
    /// line breaks there instead of pretending to know the score.
    pub path: String,
    /// One per scored point, in order; unscored points have none.
    pub points: Vec<ChartPoint>,
    /// (y, score label) for the lowest, middle and highest scores.
    pub grid: Vec<(String, String)>,
    /// (x, text) for each point that has a label.
    pub x_labels: Vec<(String, String)>,
}

fn x_at(i: usize, n: usize) -> f64 {
    if n <= 1 {
        (PLOT_LEFT + PLOT_RIGHT) / 2.0
    } else {
        PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * i as f64 / (n - 1) as f64
    }
}

fn y_at(score: u8, min: u8, max: u8) -> f64 {
    let span = f64::from(max.saturating_sub(min).max(1));
    let frac = f64::from(score.clamp(min, max.max(min)) - min) / span;
    PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * frac
}

/// Lays out a line chart of `points` (oldest first; `None` is "not scored")
/// on a `min..=max` scale. A single point sits in the middle.
pub fn line_chart(points: &[Option<u8>], x_labels: &[String], min: u8, max: u8) -> LineChart {
    let n = points.len();
    let mut path = String::new();
    let mut marks = Vec::new();
    let mut joined = false;
    for (i, score) in points.iter().enumerate() {
        let Some(score) = *score else {
            joined = false;
            continue;
        };
        let (x, y) = (num(x_at(i, n)), num(y_at(score, min, max)));
        if !path.is_empty() {
            path.push(' ');
        }
        path.push(if joined { 'L' } else { 'M' });
        path.push_str(&x);
        path.push(' ');
        path.push_str(&y);
        joined = true;
        marks.push(ChartPoint {
            x,
            y,
            label: score.to_string(),
        });
    }
    let middle = min + max.saturating_sub(min) / 2;
    let mut grid: Vec<(String, String)> = Vec::new();
    for s in [min, middle, max] {
        let label = s.to_string();
        if grid.iter().all(|(_, l)| *l != label) {
            grid.push((num(y_at(s, min, max)), label));
        }
    }
    LineChart {
        path,
        points: marks,
        grid,
        x_labels: x_labels
            .iter()
            .take(n)
            .enumerate()
            .map(|(i, text)| (num(x_at(i, n)), text.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_string()).collect()
    }

    #[test]
    fn points_spread_across_and_up_by_score() {
        let c = line_chart(
            &[Some(0), Some(5), Some(10)],
            &labels(&["Jan", "Feb", "Mar"]),
            0,
            10,
        );
        assert_eq!(c.path, "M40 128 L160 72 L280 16");
        assert_eq!(
            c.points,
            [
                ChartPoint {
                    x: "40".into(),
                    y: "128".into(),
                    label: "0".into()
                },
                ChartPoint {
                    x: "160".into(),
                    y: "72".into(),
                    label: "5".into()
                },
                ChartPoint {
                    x: "280".into(),
                    y: "16".into(),
                    label: "10".into()
                },
            ]
        );
        assert_eq!(
            c.x_labels,
            [
                ("40".to_string(), "Jan".to_string()),
                ("160".to_string(), "Feb".to_string()),
                ("280".to_string(), "Mar".to_string())
            ]
        );
        assert_eq!(
            c.grid,
            [
                ("128".to_string(), "0".to_string()),
                ("72".to_string(), "5".to_string()),
                ("16".to_string(), "10".to_string())
            ]
        );
    }

    #[test]
    fn one_point_is_centred() {
        let c = line_chart(&[Some(4)], &labels(&["Today"]), 1, 7);
        assert_eq!(c.path, "M160 72");
        assert_eq!(c.points.len(), 1);
        assert_eq!(
            (c.points[0].x.as_str(), c.points[0].y.as_str()),
            ("160", "72")
        );
        assert_eq!(c.x_labels, [("160".to_string(), "Today".to_string())]);
        let grid: Vec<&str> = c.grid.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(grid, ["1", "4", "7"]);
    }

    #[test]
    fn the_line_breaks_at_unscored_points() {
        let c = line_chart(
            &[Some(2), Some(4), None, Some(6), None, None, Some(8)],
            &[],
            0,
            10,
        );
        assert_eq!(c.points.len(), 4);
        let moves = c.path.matches('M').count();
        assert_eq!(moves, 3, "{}", c.path);
        assert!(c.path.starts_with("M40 105.6 L80 83.2 M160 60.8 M280 38.4"));
        assert!(c.x_labels.is_empty());
        let empty = line_chart(&[None, None], &labels(&["a", "b"]), 0, 10);
        assert_eq!(empty.path, "");
        assert!(empty.points.is_empty());
        assert_eq!(empty.x_labels.len(), 2);
    }

    #[test]
    fn small_scales_and_odd_input_stay_inside() {
        let c = line_chart(&[Some(1), Some(3)], &labels(&["a", "b", "c"]), 1, 3);
        assert_eq!(c.path, "M40 128 L280 16");
        assert_eq!(c.x_labels.len(), 2);
        let grid: Vec<&str> = c.grid.iter().map(|g| g.1.as_str()).collect();
        assert_eq!(grid, ["1", "2", "3"]);
        let tiny = line_chart(&[Some(0), Some(9)], &[], 0, 1);
        assert_eq!(tiny.path, "M40 128 L280 16");
        assert_eq!(tiny.grid.len(), 2);
        let flat = line_chart(&[Some(5)], &[], 5, 5);
        assert_eq!(flat.path, "M160 128");
        assert_eq!(flat.grid.len(), 1);
    }
}
