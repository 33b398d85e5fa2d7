use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::field::field_div;
use crate::components::{action, prose, Heading, Look, TextField};
use crate::domain::template::Template;
use crate::domain::validate::{message_for, validate_goal, FieldError};
use crate::domain::{Goal, Term};
use crate::hooks::use_value;
use crate::platform::focus_id;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct GoalFormProps {
    pub goal: Shared<Goal>,
    pub template: Shared<Template>,
    pub is_new: bool,
    pub on_save: Callback<Goal>,
    pub on_cancel: Callback<()>,
}

/// One change to the goal being written.
enum GoalChange {
    Text(fn(&mut Goal, String), String),
    Term(Term),
}

/// Add or change one goal. Nothing is saved until the goal makes sense.
#[component]
pub fn GoalForm(props: &GoalFormProps) -> Html {
    let goal = use_value(|| (*props.goal).clone());
    let errors = use_value(Vec::<FieldError>::new);
    let change = {
        let goal = goal.clone();
        Callback::from(move |c: GoalChange| {
            let mut g = (*goal.latest()).clone();
            match c {
                GoalChange::Text(set, v) => set(&mut g, v),
                GoalChange::Term(term) => g.term = term,
            }
            goal.set(g);
        })
    };
    let set = |f: fn(&mut Goal, String)| change.reform(move |v: String| GoalChange::Text(f, v));
    let on_area = set(|g, v| g.area_id = v)
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let onsubmit = {
        let (goal, errors, template, on_save) = (
            goal.clone(),
            errors.clone(),
            props.template.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut g = (*goal.latest()).clone();
            g.text = g.text.trim().to_string();
            let found = validate_goal(&g, &template);
            if let Some(first) = found.first() {
                focus_id(&format!("goal-{}", first.field));
                errors.set(found);
            } else {
                on_save.emit(g);
            }
        })
    };
    let err = |f: &str| message_for(&errors, f).map(str::to_string);
    let g = &*goal;
    let area_error = err("area_id");
    let radio = |term: Term, id: &'static str| {
        html! {
            <div class="radio">
                <input type="radio" {id} name="goal-term" checked={g.term == term}
                    onchange={change.reform(move |_: Event| GoalChange::Term(term))} />
                <label for={id}>{ term.label() }</label>
            </div>
        }
    };
    let area_field = html! {
        <>
            { prose(r#"<label for="goal-area_id">Part of life</label>"#) }
            if let Some(e) = &area_error { <p class="error-message" id="goal-area_id-error">{ e.clone() }</p> }
            <select id="goal-area_id" onchange={on_area} aria-invalid={area_error.is_some().then_some("true")}
                aria-describedby={area_error.is_some().then_some("goal-area_id-error")}>
                <option value="" selected={g.area_id.is_empty()}>{ "Choose a part of life" }</option>
                { for props.template.areas.iter().map(|a| html! {
                    <option value={a.id.clone()} selected={g.area_id == a.id}>{ a.title.clone() }</option>
                }) }
            </select>
        </>
    };
    html! {
        <form class="card goal-form" {onsubmit} novalidate=true aria-labelledby="goal-form-heading">
            <Heading tag="h3" id="goal-form-heading" text={if props.is_new { "Add a goal" } else { "Change this goal" }} />
            { field_div(area_error.is_some(), area_field) }
            { TextField::new("goal-text", "The goal, in the person's words", &g.text, set(|g, v| g.text = v))
                .required().error(err("text")).view() }
            { TextField::new("goal-first_step", "First small step", &g.first_step, set(|g, v| g.first_step = v))
                .hint("Something small to do soon, like \u{201c}ring the walking group on Monday\u{201d}.").view() }
            { TextField::new("goal-who_can_help", "Who can help", &g.who_can_help, set(|g, v| g.who_can_help = v)).view() }
            { TextField::new("goal-target_date", "Target date", &g.target_date, set(|g, v| g.target_date = v))
                .kind("date").error(err("target_date")).view() }
            <fieldset class="radio-group">
                { prose("<legend>Kind of goal</legend>") }
                { radio(Term::Short, "goal-term-short") }
                { radio(Term::Long, "goal-term-long") }
            </fieldset>
            <div class="button-row">
                <button type="submit" class="button">{ "Save goal" }</button>
                { action(Look::Secondary, "Cancel", None, &props.on_cancel, ()) }
            </div>
        </form>
    }
}
