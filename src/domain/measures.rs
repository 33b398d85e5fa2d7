//! Optional outcome measures asked after the life areas: the ONS personal
//! wellbeing questions (ONS4) and the UCLA 3-item loneliness scale. The
//! wording is the published wording; each is free to use with its citation.

use super::model::Assessment;
use super::progress::{direction, Direction};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureId {
    Ons4,
    Ucla3,
}

impl MeasureId {
    /// Every measure Linkwheel offers, in the order they are asked.
    pub const ALL: [MeasureId; 2] = [MeasureId::Ons4, MeasureId::Ucla3];

    /// The code a template lists the measure by.
    pub fn code(self) -> &'static str {
        match self {
            MeasureId::Ons4 => "ons4",
            MeasureId::Ucla3 => "ucla3",
        }
    }

    pub fn from_code(code: &str) -> Option<MeasureId> {
        MeasureId::ALL.into_iter().find(|m| m.code() == code)
    }
}

pub struct Measure {
    pub id: MeasureId,
    pub title: &'static str,
    /// A plain-words introduction for the step; says the step is optional.
    pub intro: &'static str,
    /// The questions, word for word.
    pub items: &'static [&'static str],
    /// A short name for each question, for tables and charts.
    pub short_labels: &'static [&'static str],
    pub min: u8,
    pub max: u8,
    /// Words for some of the answers, shown beside those numbers.
    pub answer_words: &'static [(u8, &'static str)],
    pub how_to_read: &'static str,
    pub citation: &'static str,
}

static ONS4: Measure = Measure {
    id: MeasureId::Ons4,
    title: "Personal wellbeing (ONS4)",
    intro: "Four short questions about how you feel about your life. They are asked the same way across the UK, so you can see how things change over time. Answer each one from 0 to 10, where 0 is \"not at all\" and 10 is \"completely\". These questions are optional: you can skip any of them.",
    items: &[
        "Overall, how satisfied are you with your life nowadays?",
        "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
        "Overall, how happy did you feel yesterday?",
        "Overall, how anxious did you feel yesterday?",
    ],
    short_labels: &["Life satisfaction", "Worthwhile", "Happiness", "Anxiety"],
    min: 0,
    max: 10,
    answer_words: &[(0, "Not at all"), (10, "Completely")],
    how_to_read: "Each question is reported on its own; the four are never added up. For anxiety, a lower score is better.",
    citation: "Office for National Statistics, Personal well-being harmonised standard (Government Statistical Service).",
};

static UCLA3: Measure = Measure {
    id: MeasureId::Ucla3,
    title: "Loneliness (UCLA 3-item scale)",
    intro: "Three short questions about how often you feel cut off from other people. There are no right or wrong answers. These questions are optional: you can skip any of them.",
    items: &[
        "How often do you feel that you lack companionship?",
        "How often do you feel left out?",
        "How often do you feel isolated from others?",
    ],
    short_labels: &["Lack companionship", "Left out", "Isolated"],
    min: 1,
    max: 3,
    answer_words: &[(1, "Hardly ever"), (2, "Some of the time"), (3, "Often")],
    how_to_read: "The total is 3 to 9, and is only worked out when all three questions are answered. A higher total means lonelier.",
    citation: "Hughes, M. E., Waite, L. J., Hawkley, L. C. and Cacioppo, J. T. (2004). A short scale for measuring loneliness in large surveys. Research on Aging, 26(6), 655–672.",
};

pub fn measure(id: MeasureId) -> &'static Measure {
    match id {
        MeasureId::Ons4 => &ONS4,
        MeasureId::Ucla3 => &UCLA3,
    }
}

/// The assessment's answers to one measure, one per question.
pub fn answers(a: &Assessment, id: MeasureId) -> &[Option<u8>] {
    match id {
        MeasureId::Ons4 => &a.ons4,
        MeasureId::Ucla3 => &a.ucla3,
    }
}

/// Sets (or with `None` clears) one answer. False, and nothing changes, when
/// there is no such question or the value is off the measure's scale.
pub fn set_answer(a: &mut Assessment, id: MeasureId, item: usize, value: Option<u8>) -> bool {
    let m = measure(id);
    if value.is_some_and(|v| v < m.min || v > m.max) {
        return false;
    }
    let slot = match id {
        MeasureId::Ons4 => a.ons4.get_mut(item),
        MeasureId::Ucla3 => a.ucla3.get_mut(item),
    };
    match slot {
        Some(slot) => {
            *slot = value;
            true
        }
        None => false,
    }
}

/// True when at least one question of the measure was answered.
pub fn is_given(a: &Assessment, id: MeasureId) -> bool {
    answers(a, id).iter().any(Option::is_some)
}

/// The UCLA total, 3 to 9, only when all three questions were answered.
pub fn ucla_total(answers: &[Option<u8>]) -> Option<u8> {
    if answers.len() != UCLA3.items.len() {
        return None;
    }
    answers.iter().try_fold(0u8, |sum, a| {
        a.filter(|v| (UCLA3.min..=UCLA3.max).contains(v))
            .map(|v| sum + v)
    })
}

/// True when a lower answer is the better one: ONS4 anxiety (the fourth
/// question, `item` 3) and every UCLA question (higher is lonelier).
pub fn lower_is_better(id: MeasureId, item: usize) -> bool {
    match id {
        MeasureId::Ons4 => item == 3,
        MeasureId::Ucla3 => true,
    }
}

/// One line of the measures table on the progress page.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureRow {
    pub label: String,
    pub note: &'static str,
    /// (date, value) of the earliest assessment with a value.
    pub baseline: Option<(String, u8)>,
    /// (date, value) of the newest assessment with a value, when that is a
    /// different assessment from the baseline.
    pub latest: Option<(String, u8)>,
    /// `latest - baseline`.
    pub change: Option<i16>,
    pub direction: Option<Direction>,
}

fn row(
    oldest_first: &[&Assessment],
    label: &str,
    note: &'static str,
    lower_better: bool,
    value: impl Fn(&Assessment) -> Option<u8>,
) -> MeasureRow {
    let first = oldest_first
        .iter()
        .enumerate()
        .find_map(|(i, a)| value(a).map(|v| (i, v)));
    let last = oldest_first
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, a)| value(a).map(|v| (i, v)));
    let at = |(i, v): (usize, u8)| (oldest_first[i].date.clone(), v);
    let baseline = first.map(at);
    let latest = match (first, last) {
        (Some((i, _)), Some((j, v))) if j != i => Some(at((j, v))),
        _ => None,
    };
    let change = match (&baseline, &latest) {
        (Some((_, b)), Some((_, l))) => Some(i16::from(*l) - i16::from(*b)),
        _ => None,
    };
    MeasureRow {
        label: label.to_string(),
        note,
        baseline,
        latest,
        change,
        direction: change.map(|c| direction(c, lower_better)),
    }
}

/// Four ONS4 rows (each question on its own) and one UCLA total row, always
/// in that order, whether or not any assessment has answers for them.
pub fn measure_rows(oldest_first: &[&Assessment]) -> Vec<MeasureRow> {
    let mut rows: Vec<MeasureRow> = ONS4
        .short_labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let lower = lower_is_better(MeasureId::Ons4, i);
            let note = if lower {
                "Lower is better"
            } else {
                "Higher is better"
            };
            row(oldest_first, label, note, lower, |a| {
                a.ons4[i].filter(|v| *v <= ONS4.max)
            })
        })
        .collect();
    rows.push(row(
        oldest_first,
        "Loneliness total (3 to 9)",
        "Higher means lonelier",
        true,
        |a| ucla_total(&a.ucla3),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(date: &str, ons4: [Option<u8>; 4], ucla3: [Option<u8>; 3]) -> Assessment {
        Assessment {
            date: date.into(),
            ons4,
            ucla3,
            ..Assessment::default()
        }
    }

    #[test]
    fn codes_round_trip() {
        for id in MeasureId::ALL {
            assert_eq!(MeasureId::from_code(id.code()), Some(id));
            assert_eq!(measure(id).id, id);
        }
        assert_eq!(MeasureId::from_code("ons4"), Some(MeasureId::Ons4));
        assert_eq!(MeasureId::from_code("ucla3"), Some(MeasureId::Ucla3));
        assert_eq!(MeasureId::from_code("wemwbs"), None);
        assert_eq!(MeasureId::from_code("ONS4"), None);
    }

    #[test]
    fn measures_have_the_published_wording_and_scales() {
        let ons = measure(MeasureId::Ons4);
        assert_eq!(ons.items.len(), 4);
        assert_eq!(ons.short_labels.len(), 4);
        assert_eq!(ons.items[3], "Overall, how anxious did you feel yesterday?");
        assert_eq!((ons.min, ons.max), (0, 10));
        let ucla = measure(MeasureId::Ucla3);
        assert_eq!(ucla.items.len(), 3);
        assert_eq!(ucla.short_labels.len(), 3);
        assert_eq!((ucla.min, ucla.max), (1, 3));
        assert_eq!(ucla.answer_words[1], (2, "Some of the time"));
        for m in [ons, ucla] {
            assert!(m.intro.contains("optional"), "{}", m.title);
            assert!(!m.citation.is_empty());
        }
    }

    #[test]
    fn answers_are_checked_against_the_scale() {
        let mut a = Assessment::default();
        assert!(!is_given(&a, MeasureId::Ons4));
        assert!(set_answer(&mut a, MeasureId::Ons4, 0, Some(10)));
        assert!(set_answer(&mut a, MeasureId::Ons4, 3, Some(0)));
        assert!(!set_answer(&mut a, MeasureId::Ons4, 1, Some(11)));
        assert!(!set_answer(&mut a, MeasureId::Ons4, 4, Some(5)));
        assert!(!set_answer(&mut a, MeasureId::Ucla3, 0, Some(0)));
        assert!(!set_answer(&mut a, MeasureId::Ucla3, 0, Some(4)));
        assert!(!set_answer(&mut a, MeasureId::Ucla3, 3, Some(2)));
        assert!(!set_answer(&mut a, MeasureId::Ucla3, 3, None));
        assert_eq!(
            answers(&a, MeasureId::Ons4),
            [Some(10), None, None, Some(0)]
        );
        assert_eq!(answers(&a, MeasureId::Ucla3), [None, None, None]);
        assert!(is_given(&a, MeasureId::Ons4));
        assert!(!is_given(&a, MeasureId::Ucla3));
        assert!(set_answer(&mut a, MeasureId::Ucla3, 2, Some(3)));
        assert!(is_given(&a, MeasureId::Ucla3));
        assert!(set_answer(&mut a, MeasureId::Ucla3, 2, None));
        assert!(!is_given(&a, MeasureId::Ucla3));
    }

    #[test]
    fn ucla_total_only_when_all_three_are_answered() {
        assert_eq!(ucla_total(&[Some(1), Some(1), Some(1)]), Some(3));
        assert_eq!(ucla_total(&[Some(3), Some(2), Some(3)]), Some(8));
        assert_eq!(ucla_total(&[Some(3), Some(3), Some(3)]), Some(9));
        assert_eq!(ucla_total(&[Some(3), None, Some(3)]), None);
        assert_eq!(ucla_total(&[None, None, None]), None);
        assert_eq!(ucla_total(&[Some(1), Some(1)]), None);
        assert_eq!(ucla_total(&[Some(1), Some(9), Some(1)]), None);
    }

    #[test]
    fn only_anxiety_and_loneliness_are_lower_is_better() {
        assert!(!lower_is_better(MeasureId::Ons4, 0));
        assert!(!lower_is_better(MeasureId::Ons4, 1));
        assert!(!lower_is_better(MeasureId::Ons4, 2));
        assert!(lower_is_better(MeasureId::Ons4, 3));
        assert!(lower_is_better(MeasureId::Ucla3, 0));
    }

    #[test]
    fn rows_keep_ons4_apart_and_add_up_only_ucla() {
        let history = [
            dated(
                "2026-01-10",
                [Some(4), Some(5), Some(6), Some(8)],
                [Some(3), Some(3), Some(2)],
            ),
            dated(
                "2026-03-10",
                [Some(7), Some(5), Some(3), Some(4)],
                [Some(2), Some(1), Some(1)],
            ),
        ];
        let rows = measure_rows(&history.iter().collect::<Vec<_>>());
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Life satisfaction",
                "Worthwhile",
                "Happiness",
                "Anxiety",
                "Loneliness total (3 to 9)"
            ]
        );
        // Life satisfaction went up: better.
        assert_eq!(rows[0].baseline, Some(("2026-01-10".to_string(), 4)));
        assert_eq!(rows[0].latest, Some(("2026-03-10".to_string(), 7)));
        assert_eq!(rows[0].change, Some(3));
        assert_eq!(rows[0].direction, Some(Direction::Better));
        assert_eq!(rows[0].note, "Higher is better");
        assert_eq!(rows[1].direction, Some(Direction::Same));
        assert_eq!(rows[2].direction, Some(Direction::Worse));
        // Anxiety went down from 8 to 4: better.
        assert_eq!(rows[3].change, Some(-4));
        assert_eq!(rows[3].direction, Some(Direction::Better));
        assert_eq!(rows[3].note, "Lower is better");
        // Loneliness total 8 then 4: better.
        assert_eq!(rows[4].baseline.as_ref().map(|b| b.1), Some(8));
        assert_eq!(rows[4].latest.as_ref().map(|b| b.1), Some(4));
        assert_eq!(rows[4].direction, Some(Direction::Better));
        assert_eq!(rows[4].note, "Higher means lonelier");
        // No row is a sum of the ONS4 answers.
        assert!(rows
            .iter()
            .all(|r| r.baseline.as_ref().map(|b| b.1) != Some(23)));
    }

    #[test]
    fn baseline_and_latest_skip_assessments_without_the_measure() {
        let none = [None; 4];
        let history = [
            dated("2026-01-01", none, [None; 3]),
            dated(
                "2026-02-01",
                [Some(5), None, None, None],
                [Some(2), None, Some(2)],
            ),
            dated(
                "2026-03-01",
                [None, Some(6), None, None],
                [Some(2), Some(2), Some(2)],
            ),
            dated("2026-04-01", [Some(8), None, None, None], [None; 3]),
            dated("2026-05-01", none, [None; 3]),
        ];
        let rows = measure_rows(&history.iter().collect::<Vec<_>>());
        assert_eq!(rows[0].baseline, Some(("2026-02-01".to_string(), 5)));
        assert_eq!(rows[0].latest, Some(("2026-04-01".to_string(), 8)));
        assert_eq!(rows[0].change, Some(3));
        // Only one assessment has "worthwhile": a baseline, nothing to compare.
        assert_eq!(rows[1].baseline, Some(("2026-03-01".to_string(), 6)));
        assert_eq!(rows[1].latest, None);
        assert_eq!(rows[1].change, None);
        assert_eq!(rows[1].direction, None);
        // Never answered.
        assert_eq!(rows[2].baseline, None);
        assert_eq!(rows[2].latest, None);
        // The UCLA total needs all three answers: February's does not count.
        assert_eq!(rows[4].baseline, Some(("2026-03-01".to_string(), 6)));
        assert_eq!(rows[4].latest, None);
        assert_eq!(measure_rows(&[]).len(), 5);
    }
}
