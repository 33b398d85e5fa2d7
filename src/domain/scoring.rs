//! What an assessment adds up to: per-area summaries in template order,
//! "not scored" kept apart from 0, and suggested priorities.

use super::model::{Answer, Assessment};
use super::order::sort_by_less;
use super::template::Template;

#[derive(Clone, Debug, PartialEq)]
pub struct AreaSummary {
    pub area_id: String,
    pub title: String,
    pub score: Option<u8>,
    pub wants_support: bool,
    pub concerns: Vec<String>,
    pub what_matters: String,
}

/// "7 out of 10", or "Not scored" when the person skipped the score.
pub fn score_text(score: Option<u8>, max: u8) -> String {
    score.map_or_else(|| "Not scored".to_string(), |s| format!("{s} out of {max}"))
}

/// True when the person gave anything at all for the area.
pub fn is_answered(answer: &Answer) -> bool {
    answer.score.is_some()
        || !answer.concerns.is_empty()
        || !answer.own_concerns.is_empty()
        || !answer.what_matters.trim().is_empty()
        || answer.wants_support
}

/// One summary per life area of the template, in the template's order.
pub fn summarise(a: &Assessment, t: &Template) -> Vec<AreaSummary> {
    t.areas
        .iter()
        .map(|area| {
            let answer = a.answer(&area.id);
            AreaSummary {
                area_id: area.id.clone(),
                title: area.title.clone(),
                score: answer.and_then(|x| x.score),
                wants_support: answer.is_some_and(|x| x.wants_support),
                concerns: answer
                    .map(|x| x.concerns.iter().chain(&x.own_concerns).cloned().collect())
                    .unwrap_or_default(),
                what_matters: answer.map(|x| x.what_matters.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// How many areas have a score, out of how many areas there are.
pub fn scored_count(a: &Assessment, t: &Template) -> (usize, usize) {
    let scored = summarise(a, t).iter().filter(|s| s.score.is_some()).count();
    (scored, t.areas.len())
}

/// Areas the person asked for support with, lowest score first; unscored
/// ones after scored ones, then template order.
pub fn suggested_priorities(a: &Assessment, t: &Template) -> Vec<String> {
    let mut wanted: Vec<(usize, AreaSummary)> = summarise(a, t)
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.wants_support)
        .collect();
    let key = |(i, s): &(usize, AreaSummary)| (s.score.is_none(), s.score, *i);
    sort_by_less(&mut wanted, |a, b| key(a) < key(b));
    wanted.into_iter().map(|(_, s)| s.area_id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::{apply_assessment, AnswerEdit, AssessmentEdit};
    use crate::domain::template::holistic_template;

    fn set(a: &mut Assessment, t: &Template, area: &str, edit: AnswerEdit) {
        assert!(apply_assessment(
            a,
            t,
            AssessmentEdit::Answer {
                area_id: area.into(),
                edit
            }
        ));
    }

    #[test]
    fn not_scored_is_never_zero() {
        let t = holistic_template();
        let mut a = Assessment::default();
        set(&mut a, &t, "money-benefits", AnswerEdit::Score(Some(0)));
        set(
            &mut a,
            &t,
            "home-housing",
            AnswerEdit::WhatMatters("a warm flat".into()),
        );
        let s = summarise(&a, &t);
        assert_eq!(s.len(), 12);
        let money = s
            .iter()
            .find(|x| x.area_id == "money-benefits")
            .map(|x| x.score);
        let home = s
            .iter()
            .find(|x| x.area_id == "home-housing")
            .map(|x| x.score);
        assert_eq!(money, Some(Some(0)));
        assert_eq!(home, Some(None));
        assert_eq!(score_text(Some(0), 10), "0 out of 10");
        assert_eq!(score_text(None, 10), "Not scored");
        assert_eq!(scored_count(&a, &t), (1, 12));
    }

    #[test]
    fn answered_means_anything_given() {
        assert!(!is_answered(&Answer::default()));
        assert!(is_answered(&Answer {
            score: Some(0),
            ..Answer::default()
        }));
        assert!(is_answered(&Answer {
            wants_support: true,
            ..Answer::default()
        }));
        assert!(!is_answered(&Answer {
            what_matters: "  ".into(),
            ..Answer::default()
        }));
    }

    #[test]
    fn suggestions_put_lowest_scores_first() {
        let t = holistic_template();
        let mut a = Assessment::default();
        for (area, score) in [
            ("money-benefits", Some(6)),
            ("home-housing", None),
            ("friends-social", Some(2)),
        ] {
            set(&mut a, &t, area, AnswerEdit::Score(score));
            set(&mut a, &t, area, AnswerEdit::WantsSupport(true));
        }
        set(&mut a, &t, "getting-active", AnswerEdit::Score(Some(1)));
        assert_eq!(
            suggested_priorities(&a, &t),
            ["friends-social", "money-benefits", "home-housing"]
        );
    }
}
