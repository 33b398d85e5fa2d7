//! Edits to an assessment or a plan, as data, applied by pure functions.
//! The reducers in `state/` wrap these, and autosave writes the result.

use super::measures::{set_answer, MeasureId};
use super::model::{Assessment, Goal, GoalReview, Plan};
use super::order::sort_by_less;
use super::template::Template;

/// The most areas a person picks to work on first.
pub const MAX_PRIORITIES: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub enum AnswerEdit {
    /// `None` clears the score back to "not scored".
    Score(Option<u8>),
    ToggleConcern(String),
    AddOwnConcern(String),
    RemoveOwnConcern(String),
    WhatMatters(String),
    WantsSupport(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub enum AssessmentEdit {
    Answer {
        area_id: String,
        edit: AnswerEdit,
    },
    /// Steps are the life areas (0 to areas - 1), then one per measure the
    /// template offers, up to `template.step_count() - 1`.
    GoToStep(usize),
    /// Sets or clears (`None`) one answer of an outcome measure; `item`
    /// counts the measure's questions from 0.
    Measure {
        id: MeasureId,
        item: usize,
        value: Option<u8>,
    },
    TogglePriority(String),
    Complete,
}

/// Applies an edit. Returns false (and changes nothing) when the edit does not
/// fit the template: an unknown area, a score off the scale, a fourth
/// priority, a measure the template does not offer.
pub fn apply_assessment(a: &mut Assessment, template: &Template, edit: AssessmentEdit) -> bool {
    match edit {
        AssessmentEdit::GoToStep(step) => {
            if step >= template.step_count() {
                return false;
            }
            a.current_step = step;
        }
        AssessmentEdit::Measure { id, item, value } => {
            if !template.measure_ids().contains(&id) {
                return false;
            }
            return set_answer(a, id, item, value);
        }
        AssessmentEdit::Complete => a.completed = true,
        AssessmentEdit::TogglePriority(area_id) => {
            if template.area(&area_id).is_none() {
                return false;
            }
            if let Some(i) = a.priorities.iter().position(|p| *p == area_id) {
                a.priorities.remove(i);
            } else if a.priorities.len() < MAX_PRIORITIES {
                a.priorities.push(area_id);
            } else {
                return false;
            }
        }
        AssessmentEdit::Answer { area_id, edit } => {
            let Some(area) = template.area(&area_id) else {
                return false;
            };
            if let AnswerEdit::Score(Some(s)) = edit {
                if s < template.scale.min || s > template.scale.max {
                    return false;
                }
            }
            let index = match a.answers.iter().position(|x| x.area_id == area_id) {
                Some(i) => i,
                None => {
                    a.answers.push(super::Answer {
                        area_id: area_id.clone(),
                        ..Default::default()
                    });
                    a.answers.len() - 1
                }
            };
            let answer = &mut a.answers[index];
            match edit {
                AnswerEdit::Score(s) => answer.score = s,
                AnswerEdit::ToggleConcern(c) => {
                    if let Some(i) = answer.concerns.iter().position(|x| *x == c) {
                        answer.concerns.remove(i);
                    } else if area.concerns.contains(&c) {
                        answer.concerns.push(c);
                        // Keep the template's order so print and screen agree.
                        let place = |x: &String| area.concerns.iter().position(|y| y == x);
                        sort_by_less(&mut answer.concerns, |a, b| place(a) < place(b));
                    } else {
                        return false;
                    }
                }
                AnswerEdit::AddOwnConcern(c) => {
                    let c = c.trim().to_string();
                    if c.is_empty() || answer.own_concerns.contains(&c) {
                        return false;
                    }
                    answer.own_concerns.push(c);
                }
                AnswerEdit::RemoveOwnConcern(c) => answer.own_concerns.retain(|x| *x != c),
                AnswerEdit::WhatMatters(t) => answer.what_matters = t,
                AnswerEdit::WantsSupport(b) => answer.wants_support = b,
            }
        }
    }
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PlanEdit {
    WhatMatters(String),
    ReviewDate(String),
    /// Adds the goal, or replaces the goal with the same id: the whole goal
    /// as given, status and reviews included.
    SaveGoal(Goal),
    /// Adds a dated review to the goal's history (oldest first) and gives the
    /// goal the review's status.
    ReviewGoal {
        goal_id: String,
        review: GoalReview,
    },
    RemoveGoal(String),
    MoveGoal(String, Move),
    /// A change to the directory services attached to a goal.
    Services {
        goal_id: String,
        edit: super::referrals::ServiceEdit,
    },
}

/// Applies a plan edit; false when nothing changed (for example moving the
/// first goal up, or a review of a missing goal, or a review with no note
/// that keeps the status as it was).
pub fn apply_plan(plan: &mut Plan, edit: PlanEdit) -> bool {
    match edit {
        PlanEdit::WhatMatters(t) => plan.what_matters = t,
        PlanEdit::ReviewDate(d) => plan.review_date = d,
        PlanEdit::SaveGoal(goal) => match plan.goals.iter_mut().find(|g| g.id == goal.id) {
            Some(existing) => *existing = goal,
            None => plan.goals.push(goal),
        },
        PlanEdit::ReviewGoal { goal_id, review } => {
            let Some(goal) = plan.goals.iter_mut().find(|g| g.id == goal_id) else {
                return false;
            };
            let note = review.note.trim();
            if note.is_empty() && review.status == goal.status {
                return false;
            }
            goal.status = review.status;
            goal.reviews.push(GoalReview {
                note: note.to_string(),
                ..review
            });
        }
        PlanEdit::Services { goal_id, edit } => {
            return super::referrals::apply_service_edit(plan, &goal_id, edit);
        }
        PlanEdit::RemoveGoal(id) => {
            let before = plan.goals.len();
            plan.goals.retain(|g| g.id != id);
            return plan.goals.len() != before;
        }
        PlanEdit::MoveGoal(id, dir) => {
            let Some(i) = plan.goals.iter().position(|g| g.id == id) else {
                return false;
            };
            let j = match dir {
                Move::Up if i > 0 => i - 1,
                Move::Down if i + 1 < plan.goals.len() => i + 1,
                _ => return false,
            };
            plan.goals.swap(i, j);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::GoalStatus;
    use crate::domain::template::{holistic_template, quick_check_template, satisfaction_template};

    fn answer(area: &str, edit: AnswerEdit) -> AssessmentEdit {
        AssessmentEdit::Answer {
            area_id: area.into(),
            edit,
        }
    }

    #[test]
    fn scores_are_checked_against_the_scale() {
        let t = holistic_template();
        let mut a = Assessment::default();
        assert!(apply_assessment(
            &mut a,
            &t,
            answer("money-benefits", AnswerEdit::Score(Some(3)))
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            answer("money-benefits", AnswerEdit::Score(Some(11)))
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            answer("nowhere", AnswerEdit::Score(Some(3)))
        ));
        assert_eq!(a.answer("money-benefits").and_then(|x| x.score), Some(3));
        assert!(apply_assessment(
            &mut a,
            &t,
            answer("money-benefits", AnswerEdit::Score(None))
        ));
        assert_eq!(a.answer("money-benefits").and_then(|x| x.score), None);
    }

    #[test]
    fn concerns_toggle_in_template_order_and_own_ones_are_kept() {
        let t = holistic_template();
        let mut a = Assessment::default();
        for c in ["Food", "Debt", "Benefits"] {
            assert!(apply_assessment(
                &mut a,
                &t,
                answer("money-benefits", AnswerEdit::ToggleConcern(c.into()))
            ));
        }
        assert!(apply_assessment(
            &mut a,
            &t,
            answer(
                "money-benefits",
                AnswerEdit::ToggleConcern("Benefits".into())
            )
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            answer(
                "money-benefits",
                AnswerEdit::ToggleConcern("Made up".into())
            )
        ));
        assert!(apply_assessment(
            &mut a,
            &t,
            answer(
                "money-benefits",
                AnswerEdit::AddOwnConcern("  Council tax ".into())
            )
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            answer(
                "money-benefits",
                AnswerEdit::AddOwnConcern("Council tax".into())
            )
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            answer("money-benefits", AnswerEdit::AddOwnConcern("   ".into()))
        ));
        let got = a.answer("money-benefits").cloned().unwrap_or_default();
        assert_eq!(got.concerns, ["Debt", "Food"]);
        assert_eq!(got.own_concerns, ["Council tax"]);
    }

    #[test]
    fn at_most_three_priorities() {
        let t = holistic_template();
        let mut a = Assessment::default();
        for id in ["money-benefits", "home-housing", "friends-social"] {
            assert!(apply_assessment(
                &mut a,
                &t,
                AssessmentEdit::TogglePriority(id.into())
            ));
        }
        assert!(!apply_assessment(
            &mut a,
            &t,
            AssessmentEdit::TogglePriority("getting-active".into())
        ));
        assert!(apply_assessment(
            &mut a,
            &t,
            AssessmentEdit::TogglePriority("home-housing".into())
        ));
        assert!(apply_assessment(
            &mut a,
            &t,
            AssessmentEdit::TogglePriority("getting-active".into())
        ));
        assert_eq!(
            a.priorities,
            ["money-benefits", "friends-social", "getting-active"]
        );
    }

    #[test]
    fn steps_stay_inside_the_template() {
        let t = holistic_template();
        let mut a = Assessment::default();
        assert!(apply_assessment(&mut a, &t, AssessmentEdit::GoToStep(11)));
        // Steps 12 and 13 are the ONS4 and UCLA measures.
        assert!(apply_assessment(&mut a, &t, AssessmentEdit::GoToStep(12)));
        assert!(apply_assessment(&mut a, &t, AssessmentEdit::GoToStep(13)));
        assert!(!apply_assessment(&mut a, &t, AssessmentEdit::GoToStep(14)));
        assert_eq!(a.current_step, 13);
        let sat = satisfaction_template();
        assert!(apply_assessment(&mut a, &sat, AssessmentEdit::GoToStep(7)));
        assert!(!apply_assessment(&mut a, &sat, AssessmentEdit::GoToStep(8)));
        assert_eq!(a.current_step, 7);
    }

    fn measure(id: MeasureId, item: usize, value: Option<u8>) -> AssessmentEdit {
        AssessmentEdit::Measure { id, item, value }
    }

    #[test]
    fn measure_answers_are_checked() {
        let t = holistic_template();
        let mut a = Assessment::default();
        assert!(apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ons4, 3, Some(7))
        ));
        assert!(apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ucla3, 0, Some(2))
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ons4, 0, Some(11))
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ons4, 4, Some(1))
        ));
        assert!(!apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ucla3, 1, Some(0))
        ));
        assert_eq!(a.ons4, [None, None, None, Some(7)]);
        assert_eq!(a.ucla3, [Some(2), None, None]);
        assert!(apply_assessment(
            &mut a,
            &t,
            measure(MeasureId::Ons4, 3, None)
        ));
        assert_eq!(a.ons4, [None; 4]);
        // The quick check-in offers ONS4 only.
        let quick = quick_check_template();
        assert!(!apply_assessment(
            &mut a,
            &quick,
            measure(MeasureId::Ucla3, 1, Some(1))
        ));
        assert!(apply_assessment(
            &mut a,
            &quick,
            measure(MeasureId::Ons4, 0, Some(1))
        ));
        assert_eq!(a.ucla3, [Some(2), None, None]);
    }

    fn goal(id: &str) -> Goal {
        Goal {
            id: id.into(),
            text: format!("goal {id}"),
            ..Goal::default()
        }
    }

    #[test]
    fn goals_add_replace_move_and_remove() {
        let mut p = Plan::default();
        for id in ["a", "b", "c"] {
            assert!(apply_plan(&mut p, PlanEdit::SaveGoal(goal(id))));
        }
        let mut b = goal("b");
        b.text = "walk to the park".into();
        assert!(apply_plan(&mut p, PlanEdit::SaveGoal(b)));
        assert!(apply_plan(&mut p, PlanEdit::MoveGoal("c".into(), Move::Up)));
        assert!(!apply_plan(
            &mut p,
            PlanEdit::MoveGoal("a".into(), Move::Up)
        ));
        assert!(!apply_plan(
            &mut p,
            PlanEdit::MoveGoal("b".into(), Move::Down)
        ));
        let ids: Vec<&str> = p.goals.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["a", "c", "b"]);
        assert_eq!(p.goals[2].text, "walk to the park");
        assert!(apply_plan(&mut p, PlanEdit::RemoveGoal("c".into())));
        assert!(!apply_plan(&mut p, PlanEdit::RemoveGoal("c".into())));
        assert_eq!(p.goals.len(), 2);
    }

    fn review(date: &str, status: GoalStatus, note: &str) -> PlanEdit {
        PlanEdit::ReviewGoal {
            goal_id: "a".into(),
            review: GoalReview {
                date: date.into(),
                status,
                note: note.into(),
            },
        }
    }

    #[test]
    fn reviews_keep_their_history_and_set_the_status() {
        let mut p = Plan::default();
        assert!(apply_plan(&mut p, PlanEdit::SaveGoal(goal("a"))));
        assert!(apply_plan(
            &mut p,
            review("2026-02-01", GoalStatus::InProgress, "")
        ));
        assert!(apply_plan(
            &mut p,
            review("2026-03-01", GoalStatus::InProgress, "  Went twice  ")
        ));
        assert!(!apply_plan(
            &mut p,
            review("2026-03-02", GoalStatus::InProgress, "   ")
        ));
        assert!(apply_plan(
            &mut p,
            review("2026-04-01", GoalStatus::Achieved, "Joined the group")
        ));
        let g = &p.goals[0];
        assert_eq!(g.status, GoalStatus::Achieved);
        let history: Vec<(&str, GoalStatus, &str)> = g
            .reviews
            .iter()
            .map(|r| (r.date.as_str(), r.status, r.note.as_str()))
            .collect();
        assert_eq!(
            history,
            [
                ("2026-02-01", GoalStatus::InProgress, ""),
                ("2026-03-01", GoalStatus::InProgress, "Went twice"),
                ("2026-04-01", GoalStatus::Achieved, "Joined the group"),
            ]
        );
        let mut missing = review("2026-04-01", GoalStatus::Achieved, "note");
        if let PlanEdit::ReviewGoal { goal_id, .. } = &mut missing {
            *goal_id = "nope".into();
        }
        let before = p.clone();
        assert!(!apply_plan(&mut p, missing));
        assert_eq!(p, before);
    }

    #[test]
    fn save_goal_keeps_status_and_reviews_as_given() {
        let mut p = Plan::default();
        assert!(apply_plan(&mut p, PlanEdit::SaveGoal(goal("a"))));
        assert!(apply_plan(
            &mut p,
            review("2026-02-01", GoalStatus::InProgress, "Started")
        ));
        let mut edited = p.goals[0].clone();
        edited.text = "Walk to the park twice a week".into();
        assert!(apply_plan(&mut p, PlanEdit::SaveGoal(edited.clone())));
        assert_eq!(p.goals[0], edited);
        assert_eq!(p.goals[0].status, GoalStatus::InProgress);
        assert_eq!(p.goals[0].reviews.len(), 1);
        let mut fresh = goal("b");
        fresh.status = GoalStatus::NoLongerRelevant;
        assert!(apply_plan(&mut p, PlanEdit::SaveGoal(fresh)));
        assert_eq!(p.goals[1].status, GoalStatus::NoLongerRelevant);
    }
}
