use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::{
    Confirm, ErrorBanner, GoalForm, Loading, NavLink, PageHeading, PlanDocument, SaveStatusView,
    TextArea,
};
use crate::domain::edit::{Move, PlanEdit};
use crate::domain::template::{holistic_template, template_by_id, Template};
use crate::domain::{dates, Assessment, Goal, Person, Plan, WorkerProfile};
use crate::error::AppError;
use crate::hooks::{use_autosave, use_db, use_load, use_save_on_change, use_title, Load};
use crate::platform::{focus_id, new_id, now_ms, print, today};
use crate::state::{Draft, DraftAction};
use crate::storage::assessments::get_assessment;
use crate::storage::people::get_person;
use crate::storage::plans::{get_plan, save_plan};
use crate::storage::settings::get_worker;

#[derive(Properties, PartialEq)]
pub struct PlanPageProps {
    pub id: String,
}

#[derive(Clone, PartialEq)]
struct PlanRecords {
    plan: Plan,
    person: Person,
    assessment: Option<Assessment>,
    template: Template,
    worker: WorkerProfile,
}

/// The personalised action plan: what matters, goals, review date, print.
#[component]
pub fn PlanPage(props: &PlanPageProps) -> Html {
    let db = use_db();
    let loaded = use_load((db.clone(), props.id.clone()), |(db, id)| async move {
        let db = db.ok_or(AppError::NotFound { what: "plan" })?;
        let plan = get_plan(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "plan" })?;
        let person = get_person(&db, &plan.person_id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let assessment = get_assessment(&db, &plan.assessment_id).await?;
        let template = assessment
            .as_ref()
            .map_or_else(holistic_template, |a| template_by_id(&a.template_id));
        let worker = get_worker(&db).await?;
        Ok(PlanRecords {
            plan,
            person,
            assessment,
            template,
            worker,
        })
    });
    match &*loaded {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => {
            html! { <div class="page"><PageHeading text="Plan not found" /><ErrorBanner error={Some(e.clone())} /></div> }
        }
        Load::Ready(r) => html! { <PlanEditor records={r.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct PlanEditorProps {
    records: PlanRecords,
}

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Goal(String),
}

#[component]
fn PlanEditor(props: &PlanEditorProps) -> Html {
    let PlanRecords {
        person,
        assessment,
        template,
        worker,
        ..
    } = &props.records;
    use_title(format!("Action plan for {}", person.preferred_name));
    let db = use_db();
    let draft = use_reducer(|| Draft::new(props.records.plan.clone()));
    let editing = use_state(|| Editing::None);
    let removing = use_state(|| None::<String>);
    let autosave = {
        let db = db.clone();
        use_autosave(move |p: Plan| {
            let db = db.clone();
            async move {
                match db {
                    Some(db) => save_plan(&db, &p).await,
                    None => Ok(()),
                }
            }
        })
    };
    use_save_on_change(draft.revision, draft.value.clone(), autosave.clone());
    let edit = {
        let draft = draft.clone();
        Callback::from(move |e: PlanEdit| draft.dispatch(DraftAction::Edit(e, now_ms())))
    };
    let plan = &draft.value;
    let on_save_goal = {
        let (edit, editing) = (edit.clone(), editing.clone());
        Callback::from(move |g: Goal| {
            edit.emit(PlanEdit::SaveGoal(g));
            editing.set(Editing::None);
            focus_id("goals-heading");
        })
    };
    let on_cancel_goal = {
        let editing = editing.clone();
        Callback::from(move |()| {
            editing.set(Editing::None);
            focus_id("goals-heading");
        })
    };
    let on_review = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            edit.emit(PlanEdit::ReviewDate(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    let priorities: Vec<String> = assessment
        .as_ref()
        .map(|a| {
            a.priorities
                .iter()
                .map(|id| template.area_title(id).to_string())
                .collect()
        })
        .unwrap_or_default();
    let goal_form = |goal: Goal, is_new: bool| {
        html! {
            <GoalForm goal={goal} template={template.clone()} is_new={is_new} on_save={on_save_goal.clone()} on_cancel={on_cancel_goal.clone()} />
        }
    };
    let count = plan.goals.len();

    html! {
        <>
        <div class="page plan screen-only">
            <div class="page-top">
                <PageHeading text={format!("Action plan for {}", person.preferred_name)} />
                <SaveStatusView status={autosave.status.clone()} />
            </div>
            if !priorities.is_empty() {
                <p class="lead">{ format!("Working on first: {}.", priorities.join(", ")) }</p>
            }
            <section class="card">
                <TextArea id="plan-what-matters" label="What matters to me" rows={3}
                    hint={Some(AttrValue::from("The person's own words about what they want from life right now."))}
                    value={plan.what_matters.clone()} on_change={edit.reform(PlanEdit::WhatMatters)} />
            </section>
            <section class="card" aria-labelledby="goals-heading">
                <h2 id="goals-heading" tabindex="-1">{ "Goals" }</h2>
                if plan.goals.is_empty() && *editing == Editing::None {
                    <p>{ "No goals yet. Add one below, in the person's own words." }</p>
                }
                <ol class="goal-list">
                    { for plan.goals.iter().enumerate().map(|(i, g)| {
                        if *editing == Editing::Goal(g.id.clone()) {
                            return html! { <li key={g.id.clone()}>{ goal_form(g.clone(), false) }</li> };
                        }
                        let id = g.id.clone();
                        let change = { let (editing, id) = (editing.clone(), id.clone()); Callback::from(move |_: MouseEvent| editing.set(Editing::Goal(id.clone()))) };
                        let up = { let (edit, id) = (edit.clone(), id.clone()); Callback::from(move |_: MouseEvent| edit.emit(PlanEdit::MoveGoal(id.clone(), Move::Up))) };
                        let down = { let (edit, id) = (edit.clone(), id.clone()); Callback::from(move |_: MouseEvent| edit.emit(PlanEdit::MoveGoal(id.clone(), Move::Down))) };
                        let ask_remove = { let (removing, id) = (removing.clone(), id.clone()); Callback::from(move |_: MouseEvent| removing.set(Some(id.clone()))) };
                        let label = format!("goal {}", i + 1);
                        html! {
                            <li key={g.id.clone()} class="goal">
                                <h3>{ g.text.clone() }</h3>
                                <dl class="details">
                                    <dt>{ "Part of life" }</dt><dd>{ template.area_title(&g.area_id).to_string() }</dd>
                                    <dt>{ "Kind" }</dt><dd>{ g.term.label() }</dd>
                                    if !g.first_step.is_empty() { <dt>{ "First small step" }</dt><dd>{ g.first_step.clone() }</dd> }
                                    if !g.who_can_help.is_empty() { <dt>{ "Who can help" }</dt><dd>{ g.who_can_help.clone() }</dd> }
                                    if !g.target_date.is_empty() { <dt>{ "Target date" }</dt><dd>{ dates::show(&g.target_date, "") }</dd> }
                                </dl>
                                if *removing == Some(g.id.clone()) {
                                    <Confirm id={format!("remove-{}", g.id)} title={format!("Remove {label}?")}
                                        message={format!("\u{201c}{}\u{201d} will be taken off the plan.", g.text)} confirm_label="Yes, remove it"
                                        on_confirm={{ let (edit, removing, id) = (edit.clone(), removing.clone(), id.clone()); Callback::from(move |()| { edit.emit(PlanEdit::RemoveGoal(id.clone())); removing.set(None); focus_id("goals-heading"); }) }}
                                        on_cancel={{ let removing = removing.clone(); Callback::from(move |()| { removing.set(None); focus_id("goals-heading"); }) }} />
                                } else {
                                    <div class="button-row button-row-small">
                                        <button type="button" class="button button-secondary" onclick={change} aria-label={format!("Change {label}")}>{ "Change" }</button>
                                        if i > 0 { <button type="button" class="button button-secondary" onclick={up} aria-label={format!("Move {label} up")}>{ "Move up" }</button> }
                                        if i + 1 < count { <button type="button" class="button button-secondary" onclick={down} aria-label={format!("Move {label} down")}>{ "Move down" }</button> }
                                        <button type="button" class="button button-secondary" onclick={ask_remove} aria-label={format!("Remove {label}")}>{ "Remove" }</button>
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ol>
                if *editing == Editing::New {
                    { goal_form(Goal { id: new_id(), ..Goal::default() }, true) }
                } else if *editing == Editing::None {
                    <button type="button" class="button" onclick={{ let editing = editing.clone(); Callback::from(move |_: MouseEvent| editing.set(Editing::New)) }}>{ "Add a goal" }</button>
                }
            </section>
            <section class="card">
                <div class="field">
                    <label for="plan-review-date">{ "Next review date" }</label>
                    <p class="hint" id="plan-review-hint">{ "When you will look at this plan together again." }</p>
                    <input id="plan-review-date" type="date" value={plan.review_date.clone()} onchange={on_review} aria-describedby="plan-review-hint" />
                </div>
            </section>
            <section class="card">
                <h2>{ "Print" }</h2>
                if worker.name.is_empty() {
                    <p>{ "Your name and phone number are not on the plan yet. " }<NavLink to={Route::Settings}>{ "Add them in Settings" }</NavLink></p>
                } else {
                    <p>{ format!("The plan shows {} as the person to contact.", worker.name) }</p>
                }
                <div class="button-row">
                    <button type="button" class="button" onclick={on_print}>{ "Print my plan" }</button>
                    <NavLink to={Route::Person { id: person.id.clone() }} class="button button-secondary">{ format!("Back to {}", person.preferred_name) }</NavLink>
                </div>
            </section>
        </div>
        <PlanDocument person={person.clone()} plan={plan.clone()} assessment={assessment.clone()}
            template={template.clone()} worker={worker.clone()} printed_on={today()} />
        </>
    }
}
