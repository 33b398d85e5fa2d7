use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::{apply_assessment, apply_plan, AssessmentEdit, PlanEdit};
use crate::domain::template::Template;
use crate::domain::{Assessment, Plan};

/// A record that pure edits can change.
pub trait Editable: Clone + 'static {
    type Edit: Clone + 'static;
    /// Applies the edit; false when it did not fit and nothing changed.
    fn apply(&mut self, edit: Self::Edit) -> bool;
    fn touch(&mut self, at: f64);
}

/// A record being edited. Reducing an edit that changes nothing returns the
/// same `Rc`, so callers can tell whether there is anything to save.
#[derive(Clone)]
pub struct Draft<T> {
    pub value: T,
}

impl<T> Draft<T> {
    pub fn new(value: T) -> Self {
        Draft { value }
    }
}

pub enum DraftAction<T: Editable> {
    Edit(T::Edit, f64),
}

impl<T: Editable> Reducible for Draft<T> {
    type Action = DraftAction<T>;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        let DraftAction::Edit(edit, at) = action;
        let mut value = self.value.clone();
        if !value.apply(edit) {
            return self;
        }
        value.touch(at);
        Rc::new(Draft { value })
    }
}

/// An assessment with the template it follows.
#[derive(Clone)]
pub struct AssessmentDraft {
    pub assessment: Assessment,
    pub template: Rc<Template>,
}

impl Editable for AssessmentDraft {
    type Edit = AssessmentEdit;

    fn apply(&mut self, edit: AssessmentEdit) -> bool {
        apply_assessment(&mut self.assessment, &self.template, edit)
    }

    fn touch(&mut self, at: f64) {
        self.assessment.updated_at = at;
    }
}

impl Editable for Plan {
    type Edit = PlanEdit;

    fn apply(&mut self, edit: PlanEdit) -> bool {
        apply_plan(self, edit)
    }

    fn touch(&mut self, at: f64) {
        self.updated_at = at;
    }
}
