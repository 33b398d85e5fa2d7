use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::TextField;
use crate::domain::template::Template;
use crate::domain::validate::{message_for, validate_goal, FieldError};
use crate::domain::{Goal, Term};
use crate::platform::focus_id;

#[derive(Properties, PartialEq)]
pub struct GoalFormProps {
    pub goal: Goal,
    pub template: Template,
    pub is_new: bool,
    pub on_save: Callback<Goal>,
    pub on_cancel: Callback<()>,
}

/// Add or change one goal. Nothing is saved until the goal makes sense.
#[component]
pub fn GoalForm(props: &GoalFormProps) -> Html {
    let goal = use_state(|| props.goal.clone());
    let errors = use_state(Vec::<FieldError>::new);
    use_effect_with((), |_| focus_id("goal-form-heading"));
    let set = |f: fn(&mut Goal, String)| {
        let goal = goal.clone();
        Callback::from(move |v: String| {
            let mut g = (*goal).clone();
            f(&mut g, v);
            goal.set(g);
        })
    };
    let on_area = {
        let goal = goal.clone();
        Callback::from(move |e: Event| {
            let mut g = (*goal).clone();
            g.area_id = e.target_unchecked_into::<HtmlSelectElement>().value();
            goal.set(g);
        })
    };
    let on_term = |term: Term| {
        let goal = goal.clone();
        Callback::from(move |e: Event| {
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                let mut g = (*goal).clone();
                g.term = term;
                goal.set(g);
            }
        })
    };
    let onsubmit = {
        let (goal, errors, template, on_save) = (
            goal.clone(),
            errors.clone(),
            props.template.clone(),
            props.on_save.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut g = (*goal).clone();
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
    let err = |f: &str| message_for(&errors, f).map(|m| AttrValue::from(m.to_string()));
    let g = &*goal;
    let area_error = err("area_id");
    html! {
        <form class="card goal-form" {onsubmit} novalidate=true aria-labelledby="goal-form-heading">
            <h3 id="goal-form-heading" tabindex="-1">{ if props.is_new { "Add a goal" } else { "Change this goal" } }</h3>
            <div class={classes!("field", area_error.is_some().then_some("field-invalid"))}>
                <label for="goal-area_id">{ "Part of life" }</label>
                if let Some(e) = &area_error { <p class="error-message" id="goal-area_id-error">{ e.clone() }</p> }
                <select id="goal-area_id" onchange={on_area} aria-invalid={area_error.is_some().then_some("true")}
                    aria-describedby={area_error.is_some().then_some("goal-area_id-error")}>
                    <option value="" selected={g.area_id.is_empty()}>{ "Choose a part of life" }</option>
                    { for props.template.areas.iter().map(|a| html! {
                        <option value={a.id.clone()} selected={g.area_id == a.id}>{ a.title.clone() }</option>
                    }) }
                </select>
            </div>
            <TextField id="goal-text" label="The goal, in the person's words" required=true value={g.text.clone()}
                error={err("text")} on_change={set(|g, v| g.text = v)} />
            <TextField id="goal-first_step" label="First small step" value={g.first_step.clone()}
                hint={Some(AttrValue::from("Something small to do soon, like \u{201c}ring the walking group on Monday\u{201d}."))}
                on_change={set(|g, v| g.first_step = v)} />
            <TextField id="goal-who_can_help" label="Who can help" value={g.who_can_help.clone()}
                on_change={set(|g, v| g.who_can_help = v)} />
            <TextField id="goal-target_date" label="Target date" input_type="date" value={g.target_date.clone()}
                error={err("target_date")} on_change={set(|g, v| g.target_date = v)} />
            <fieldset class="radio-group">
                <legend>{ "Kind of goal" }</legend>
                <div class="radio">
                    <input type="radio" id="goal-term-short" name="goal-term" checked={g.term == Term::Short} onchange={on_term(Term::Short)} />
                    <label for="goal-term-short">{ "Short-term" }</label>
                </div>
                <div class="radio">
                    <input type="radio" id="goal-term-long" name="goal-term" checked={g.term == Term::Long} onchange={on_term(Term::Long)} />
                    <label for="goal-term-long">{ "Long-term" }</label>
                </div>
            </fieldset>
            <div class="button-row">
                <button type="submit" class="button">{ "Save goal" }</button>
                <button type="button" class="button button-secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
