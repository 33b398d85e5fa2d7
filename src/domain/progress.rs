//! Progress over time: the change in each life area between two assessments
//! ("distance travelled"), the scores of each area over many assessments,
//! and when a review is due.

use super::dates::days_between;
use super::model::Assessment;
use super::template::{Template, HOLISTIC_ID};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Better,
    Same,
    Worse,
}

impl Direction {
    pub fn word(self) -> &'static str {
        match self {
            Direction::Better => "Better",
            Direction::Same => "Same",
            Direction::Worse => "Worse",
        }
    }
}

/// Which way the number moved: ↑, ↓ or →. Whether that is better is
/// [`direction`]'s job (for anxiety and loneliness, down is better).
pub fn change_arrow(change: i16) -> &'static str {
    if change > 0 {
        "↑"
    } else if change < 0 {
        "↓"
    } else {
        "→"
    }
}

/// Whether a change in score is for the better. For most scores higher is
/// better; pass `lower_is_better` for the ones where it is not (anxiety,
/// loneliness).
pub fn direction(change: i16, lower_is_better: bool) -> Direction {
    let better = if lower_is_better {
        change < 0
    } else {
        change > 0
    };
    if change == 0 {
        Direction::Same
    } else if better {
        Direction::Better
    } else {
        Direction::Worse
    }
}

/// One life area's change between two assessments.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaChange {
    pub area_id: String,
    pub title: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
    /// `after - before`, when both were scored.
    pub change: Option<i16>,
    pub direction: Option<Direction>,
    /// Why there is no change to show; empty when there is one.
    pub note: String,
}

/// The template id an assessment was made with; older records with no id
/// were made with the holistic template.
pub fn template_id_of(a: &Assessment) -> &str {
    if a.template_id.is_empty() {
        HOLISTIC_ID
    } else {
        &a.template_id
    }
}

/// True when two assessments were made with the same template, so their
/// scores can be compared.
pub fn comparable(a: &Assessment, b: &Assessment) -> bool {
    template_id_of(a) == template_id_of(b)
}

/// The change in every life area of `t_after`, in its order, from `before`
/// (made with `t_before`) to `after` (made with `t_after`). `Err` holds a
/// plain sentence saying why the two cannot be compared.
pub fn distance_travelled(
    before: &Assessment,
    t_before: &Template,
    after: &Assessment,
    t_after: &Template,
) -> Result<Vec<AreaChange>, String> {
    if t_before.id != t_after.id || !comparable(before, after) {
        return Err(format!(
            "These two assessments used different templates (\"{}\" and \"{}\"), so their scores cannot be compared.",
            t_before.title, t_after.title
        ));
    }
    let (b, a) = (&t_before.scale, &t_after.scale);
    if (b.min, b.max) != (a.min, a.max) {
        return Err(format!(
            "These two assessments were scored on different scales ({} to {}, then {} to {}), so they cannot be compared.",
            b.min, b.max, a.min, a.max
        ));
    }
    let score = |x: &Assessment, id: &str| x.answer(id).and_then(|ans| ans.score);
    Ok(t_after
        .areas
        .iter()
        .map(|area| {
            let known = t_before.area(&area.id).is_some();
            let was = if known { score(before, &area.id) } else { None };
            let now = score(after, &area.id);
            let change = match (was, now) {
                (Some(w), Some(n)) => Some(i16::from(n) - i16::from(w)),
                _ => None,
            };
            let note = if !known {
                "Not in the earlier version of this template"
            } else {
                match (was, now) {
                    (None, None) => "Not scored either time",
                    (None, Some(_)) => "Not scored last time",
                    (Some(_), None) => "Not scored this time",
                    (Some(_), Some(_)) => "",
                }
            };
            AreaChange {
                area_id: area.id.clone(),
                title: area.title.clone(),
                before: was,
                after: now,
                change,
                direction: change.map(|c| direction(c, false)),
                note: note.to_string(),
            }
        })
        .collect())
}

/// "Up 3", "No change", "Down 2", or the note when there is no change to show.
pub fn change_text(c: &AreaChange) -> String {
    match c.change {
        Some(0) => "No change".to_string(),
        Some(n) if n > 0 => format!("Up {n}"),
        Some(n) => format!("Down {}", n.unsigned_abs()),
        None => c.note.clone(),
    }
}

/// One life area's scores over time, one point per assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaSeries {
    pub area_id: String,
    pub title: String,
    /// `None` where the area was not scored.
    pub points: Vec<Option<u8>>,
}

/// One series per area of `t`, one point per assessment (oldest first). The
/// caller passes only assessments made with `t.id`.
pub fn series(oldest_first: &[&Assessment], t: &Template) -> Vec<AreaSeries> {
    t.areas
        .iter()
        .map(|area| AreaSeries {
            area_id: area.id.clone(),
            title: area.title.clone(),
            points: oldest_first
                .iter()
                .map(|a| a.answer(&area.id).and_then(|x| x.score))
                .collect(),
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewDue {
    NotSet,
    Later,
    ThisWeek,
    Overdue,
}

impl ReviewDue {
    /// Plain words for a caseload badge; empty for `NotSet` and `Later`.
    pub fn label(self) -> &'static str {
        match self {
            ReviewDue::NotSet | ReviewDue::Later => "",
            ReviewDue::ThisWeek => "Review this week",
            ReviewDue::Overdue => "Review overdue",
        }
    }
}

/// Overdue: before today. ThisWeek: today to today + 6 days. Later: after
/// that. NotSet: blank or not a real date (or `today` is not one).
pub fn review_due(next_review: &str, today: &str) -> ReviewDue {
    match days_between(today, next_review) {
        None => ReviewDue::NotSet,
        Some(d) if d < 0 => ReviewDue::Overdue,
        Some(d) if d <= 6 => ReviewDue::ThisWeek,
        Some(_) => ReviewDue::Later,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Answer;
    use crate::domain::template::{holistic_template, quick_check_template};

    fn scored(template_id: &str, scores: &[(&str, Option<u8>)]) -> Assessment {
        Assessment {
            template_id: template_id.into(),
            answers: scores
                .iter()
                .map(|(id, s)| Answer {
                    area_id: (*id).into(),
                    score: *s,
                    ..Answer::default()
                })
                .collect(),
            ..Assessment::default()
        }
    }

    #[test]
    fn direction_respects_which_way_is_better() {
        assert_eq!(direction(2, false), Direction::Better);
        assert_eq!(direction(-2, false), Direction::Worse);
        assert_eq!(direction(0, false), Direction::Same);
        assert_eq!(direction(-2, true), Direction::Better);
        assert_eq!(direction(2, true), Direction::Worse);
        assert_eq!(direction(0, true), Direction::Same);
        assert_eq!(Direction::Better.word(), "Better");
        assert_eq!(change_arrow(-4), "↓");
        assert_eq!(change_arrow(0), "→");
        assert_eq!(change_arrow(2), "↑");
        // Anxiety down 4: the arrow points down and the word says better.
        assert_eq!(direction(-4, true), Direction::Better);
    }

    #[test]
    fn distance_travelled_follows_the_later_template() {
        let t = holistic_template();
        let before = scored(
            "",
            &[
                ("physical-health", Some(3)),
                ("mental-wellbeing", Some(6)),
                ("friends-social", Some(5)),
                ("money-benefits", None),
            ],
        );
        let after = scored(
            HOLISTIC_ID,
            &[
                ("physical-health", Some(6)),
                ("mental-wellbeing", Some(4)),
                ("friends-social", Some(5)),
                ("family-relationships", None),
                ("money-benefits", Some(2)),
            ],
        );
        let got = distance_travelled(&before, &t, &after, &t).unwrap_or_default();
        assert_eq!(got.len(), 12);
        assert_eq!(got[0].area_id, "physical-health");
        assert_eq!((got[0].before, got[0].after), (Some(3), Some(6)));
        assert_eq!(got[0].change, Some(3));
        assert_eq!(got[0].direction, Some(Direction::Better));
        assert_eq!(change_text(&got[0]), "Up 3");
        assert_eq!(got[1].direction, Some(Direction::Worse));
        assert_eq!(change_text(&got[1]), "Down 2");
        assert_eq!(got[2].direction, Some(Direction::Same));
        assert_eq!(change_text(&got[2]), "No change");
        assert_eq!(change_text(&got[3]), "Not scored either time");
        assert_eq!(got[4].change, None);
        assert_eq!(change_text(&got[4]), "Not scored last time");
        let back = distance_travelled(&after, &t, &before, &t).unwrap_or_default();
        assert_eq!(change_text(&back[4]), "Not scored this time");
    }

    #[test]
    fn areas_new_in_a_later_version_say_so() {
        let old = holistic_template();
        let mut new = holistic_template();
        new.version = 2;
        new.areas.swap(0, 1);
        new.areas[2].id = "sleep".into();
        new.areas[2].title = "Sleep".into();
        let before = scored(
            HOLISTIC_ID,
            &[("sleep", Some(2)), ("physical-health", Some(4))],
        );
        let after = scored(
            HOLISTIC_ID,
            &[("sleep", Some(5)), ("physical-health", Some(4))],
        );
        let got = distance_travelled(&before, &old, &after, &new).unwrap_or_default();
        assert_eq!(got.len(), 12);
        assert_eq!(got[0].area_id, "mental-wellbeing");
        assert_eq!(got[1].area_id, "physical-health");
        assert_eq!(change_text(&got[1]), "No change");
        assert_eq!(got[2].title, "Sleep");
        assert_eq!(got[2].before, None);
        assert_eq!(got[2].after, Some(5));
        assert_eq!(
            change_text(&got[2]),
            "Not in the earlier version of this template"
        );
    }

    #[test]
    fn different_templates_or_scales_cannot_be_compared() {
        let holistic = holistic_template();
        let quick = quick_check_template();
        let a = scored(HOLISTIC_ID, &[]);
        let b = scored(&quick.id, &[]);
        let err = distance_travelled(&a, &holistic, &b, &quick).err();
        assert_eq!(
            err.as_deref(),
            Some("These two assessments used different templates (\"Holistic needs and wheel of life\" and \"Quick check-in\"), so their scores cannot be compared.")
        );
        let mut rescaled = holistic_template();
        rescaled.version = 2;
        rescaled.scale.min = 1;
        rescaled.scale.max = 7;
        let err = distance_travelled(&a, &holistic, &a, &rescaled).err();
        assert_eq!(
            err.as_deref(),
            Some("These two assessments were scored on different scales (0 to 10, then 1 to 7), so they cannot be compared.")
        );
    }

    #[test]
    fn comparable_counts_blank_as_holistic() {
        let blank = scored("", &[]);
        let holistic = scored(HOLISTIC_ID, &[]);
        let quick = scored("quick-8", &[]);
        assert!(comparable(&blank, &holistic));
        assert!(comparable(&quick, &quick));
        assert!(!comparable(&blank, &quick));
        assert_eq!(template_id_of(&blank), HOLISTIC_ID);
    }

    #[test]
    fn series_has_one_point_per_assessment_per_area() {
        let t = holistic_template();
        let a = scored(HOLISTIC_ID, &[("physical-health", Some(2))]);
        let b = scored(HOLISTIC_ID, &[("money-benefits", Some(7))]);
        let c = scored(
            HOLISTIC_ID,
            &[("physical-health", Some(5)), ("money-benefits", None)],
        );
        let s = series(&[&a, &b, &c], &t);
        assert_eq!(s.len(), 12);
        assert_eq!(s[0].area_id, "physical-health");
        assert_eq!(s[0].title, "Physical health");
        assert_eq!(s[0].points, [Some(2), None, Some(5)]);
        assert_eq!(s[4].points, [None, Some(7), None]);
        assert_eq!(s[11].points, [None, None, None]);
        assert!(series(&[], &t).iter().all(|x| x.points.is_empty()));
    }

    #[test]
    fn review_due_by_date() {
        let today = "2026-12-29";
        assert_eq!(review_due("", today), ReviewDue::NotSet);
        assert_eq!(review_due("soon", today), ReviewDue::NotSet);
        assert_eq!(review_due("2026-12-28", ""), ReviewDue::NotSet);
        assert_eq!(review_due("2026-12-28", today), ReviewDue::Overdue);
        assert_eq!(review_due("2025-01-01", today), ReviewDue::Overdue);
        assert_eq!(review_due("2026-12-29", today), ReviewDue::ThisWeek);
        assert_eq!(review_due("2027-01-04", today), ReviewDue::ThisWeek);
        assert_eq!(review_due("2027-01-05", today), ReviewDue::Later);
        assert_eq!(ReviewDue::Overdue.label(), "Review overdue");
        assert_eq!(ReviewDue::Later.label(), "");
    }
}
