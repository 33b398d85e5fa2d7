//! Edits to an assessment or a plan, as data, applied by pure functions.
//! The reducers in `state/` wrap these, and autosave writes the result.

use super::model::{Assessment, Goal, Plan};
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
    Answer { area_id: String, edit: AnswerEdit },
    GoToStep(usize),
    TogglePriority(String),
    Complete,
}

/// Applies an edit. Returns false (and changes nothing) when the edit does not
/// fit the template: an unknown area, a score off the scale, a fourth priority.
pub fn apply_assessment(a: &mut Assessment, template: &Template, edit: AssessmentEdit) -> bool {
    match edit {
        AssessmentEdit::GoToStep(step) => {
            if step >= template.areas.len() {
                return false;
            }
            a.current_step = step;
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
    /// Adds the goal, or replaces the goal with the same id.
    SaveGoal(Goal),
    RemoveGoal(String),
    MoveGoal(String, Move),
}

/// Applies a plan edit; false when nothing changed (for example moving the
/// first goal up).
pub fn apply_plan(plan: &mut Plan, edit: PlanEdit) -> bool {
    match edit {
        PlanEdit::WhatMatters(t) => plan.what_matters = t,
        PlanEdit::ReviewDate(d) => plan.review_date = d,
        PlanEdit::SaveGoal(goal) => match plan.goals.iter_mut().find(|g| g.id == goal.id) {
            Some(existing) => *existing = goal,
            None => plan.goals.push(goal),
        },
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
    use crate::domain::template::holistic_template;

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
        assert!(!apply_assessment(&mut a, &t, AssessmentEdit::GoToStep(12)));
        assert_eq!(a.current_step, 11);
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
}
