use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::goal_review::{goal_history, GoalReviewForm};
use crate::components::plan_document::goal_details;
use crate::components::{
    action, button_link, link, loader, prose, save_status, Confirm, GoalForm, LoadPage, Look,
    PlanDocument, TextArea,
};
use crate::domain::directory::{category_for_area, Service};
use crate::domain::edit::{Move, PlanEdit};
use crate::domain::referrals::{attached_ids, refresh_copies};
use crate::domain::template::{holistic_template, Template};
use crate::domain::{Assessment, Goal, Person, Plan, WorkerProfile};
use crate::error::AppError;
use crate::hooks::{use_draft, use_value, SaveFuture};
use crate::pages::plan_services::{suggestions_card, GoalServices};
use crate::pages::titled_heading;
use crate::platform::{focus_id, new_id, print, today};
use crate::state::Shared;
use crate::storage::assessments::get_assessment;
use crate::storage::directory::{get_service, services_in};
use crate::storage::people::get_person;
use crate::storage::plans::{get_plan, save_plan};
use crate::storage::settings::get_worker;
use crate::storage::templates::find_template;
use crate::storage::Db;

/// The review date's label and hint: fixed text.
const REVIEW_DATE: &str = concat!(
    r#"<label for="plan-review-date">Next review date</label>"#,
    r#"<p class="hint" id="plan-review-hint">When you will look at this plan together again.</p>"#,
);

struct PlanRecords {
    plan: Plan,
    /// Directory entries for the life areas marked for support.
    suggested: Vec<Service>,
    /// Titles of those areas.
    support_areas: Vec<String>,
    person: Person,
    assessment: Option<Assessment>,
    template: Shared<Template>,
    worker: WorkerProfile,
}

/// The personalised action plan: what matters, goals, review date, print.
pub fn plan_page(id: AttrValue) -> Html {
    loader("plan", id, Some("Plan not found"), load_plan)
}

fn load_plan(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let db = db.ok_or(AppError::NotFound { what: "plan" })?;
        let mut plan = get_plan(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "plan" })?;
        let person = get_person(&db, &plan.person_id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let assessment = get_assessment(&db, &plan.assessment_id).await?;
        let template = match &assessment {
            Some(a) => find_template(&db, &a.template_id, a.template_version)
                .await?
                .ok_or(AppError::NotFound { what: "template" })?,
            None => holistic_template(),
        };
        let worker = get_worker(&db).await?;
        // Attached services show the directory's current details.
        let mut current = Vec::new();
        for id in attached_ids(&plan) {
            current.extend(get_service(&db, &id).await?);
        }
        refresh_copies(&mut plan, &current);
        let (support_areas, categories) = support_areas(assessment.as_ref(), &template);
        let suggested = services_in(&db, &categories).await?;
        let records = Shared::new(PlanRecords {
            plan,
            suggested,
            support_areas,
            person,
            assessment,
            template: Shared::new(template),
            worker,
        });
        Ok(html! { <PlanEditor {records} /> })
    })
}

/// The titles of the parts of life marked for support or chosen to work on
/// first, and the directory categories they match.
fn support_areas(
    assessment: Option<&Assessment>,
    template: &Template,
) -> (Vec<String>, Vec<&'static str>) {
    let (mut titles, mut categories) = (Vec::new(), Vec::new());
    let Some(a) = assessment else {
        return (titles, categories);
    };
    for area in &template.areas {
        let marked = a.priorities.contains(&area.id)
            || a.answers
                .iter()
                .any(|x| x.area_id == area.id && x.wants_support);
        if marked {
            titles.push(area.title.clone());
            if let Some(c) = category_for_area(&area.id) {
                if !categories.contains(&c) {
                    categories.push(c);
                }
            }
        }
    }
    (titles, categories)
}

fn save_plan_now(db: Db, plan: Plan) -> SaveFuture {
    Box::pin(async move { save_plan(&db, &plan).await })
}

#[derive(Properties, PartialEq)]
struct PlanEditorProps {
    records: Shared<PlanRecords>,
}

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Goal(String),
}

/// A change to what the goals section shows besides the list.
#[derive(Clone)]
enum Show {
    /// Open a goal form, or close it (`Editing::None`).
    Form(Editing),
    /// Ask "are you sure?" about removing the goal with this id, or stop.
    Remove(Option<String>),
}

#[component]
fn PlanEditor(props: &PlanEditorProps) -> Html {
    let PlanRecords {
        person,
        assessment,
        template,
        worker,
        suggested,
        support_areas,
        ..
    } = &*props.records;
    let (draft, autosave, edit) = use_draft(|| props.records.plan.clone(), save_plan_now);
    let editing = use_value(|| Editing::None);
    let removing = use_value(|| None::<String>);
    let plan = &draft.value;
    // Opens or closes a goal form or a question; closing one puts focus
    // back on the goals.
    let show = {
        let (editing, removing) = (editing.clone(), removing.clone());
        Callback::from(move |change: Show| {
            let closing = match change {
                Show::Form(next) => {
                    let closing = next == Editing::None;
                    editing.set(next);
                    closing
                }
                Show::Remove(id) => {
                    let closing = id.is_none();
                    removing.set(id);
                    closing
                }
            };
            if closing {
                focus_id("goals-heading");
            }
        })
    };
    let on_save_goal = {
        let (edit, show) = (edit.clone(), show.clone());
        Callback::from(move |g: Goal| {
            edit.emit(PlanEdit::SaveGoal(g));
            show.emit(Show::Form(Editing::None));
        })
    };
    let on_goal_review = edit.reform(|(goal_id, review)| PlanEdit::ReviewGoal { goal_id, review });
    let on_review = edit.reform(|e: Event| {
        PlanEdit::ReviewDate(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let priorities: Vec<&str> = assessment
        .as_ref()
        .map(|a| {
            a.priorities
                .iter()
                .map(|id| template.area_title(id))
                .collect()
        })
        .unwrap_or_default();
    let goal_form = |goal: Goal, is_new: bool| {
        html! {
            <GoalForm goal={Shared::new(goal)} template={template.clone()} is_new={is_new}
                on_save={on_save_goal.clone()} on_cancel={show.reform(|()| Show::Form(Editing::None))} />
        }
    };
    let count = plan.goals.len();
    let goal_item = |(i, g): (usize, &Goal)| {
        if matches!(&*editing, Editing::Goal(id) if *id == g.id) {
            return html! { <li key={g.id.clone()}>{ goal_form(g.clone(), false) }</li> };
        }
        let label = format!("goal {}", i + 1);
        let id = || g.id.clone();
        let secondary = Look::Secondary;
        let on_remove = {
            let (edit, show, id) = (edit.clone(), show.clone(), id());
            Callback::from(move |()| {
                edit.emit(PlanEdit::RemoveGoal(id.clone()));
                show.emit(Show::Remove(None));
            })
        };
        // Moving a goal may remove the button pressed: focus its title instead.
        let on_move = {
            let (edit, title) = (edit.clone(), format!("goal-title-{}", g.id));
            Callback::from(move |e: PlanEdit| {
                edit.emit(e);
                crate::platform::focus_id_soon(title.clone());
            })
        };
        html! {
            <li key={g.id.clone()} class="goal">
                <h3 id={format!("goal-title-{}", g.id)} tabindex="-1">{ g.text.clone() }</h3>
                <dl class="details">{ goal_details(g, template, ["Kind", "Target date"]) }</dl>
                { goal_history(g) }
                <GoalServices goal_id={g.id.clone()} label={label.clone()}
                    category={category_for_area(&g.area_id).unwrap_or_default()}
                    attached={Shared::new(g.services.clone())}
                    on_edit={edit.reform({ let id = id(); move |e| PlanEdit::Services { goal_id: id.clone(), edit: e } })} />
                if removing.as_ref() == Some(&g.id) {
                    { Confirm {
                        id: format!("remove-{}", g.id),
                        title: format!("Remove {label}?"),
                        message: format!("\u{201c}{}\u{201d} will be taken off the plan.", g.text).into(),
                        confirm_label: "Yes, remove it".into(),
                        on_confirm: on_remove,
                        on_cancel: show.reform(|()| Show::Remove(None)),
                    }.view() }
                } else if *editing == Editing::None {
                    // While a goal form is open, the other goals wait: a
                    // second form would throw away what is being typed.
                    <div class="button-row button-row-small">
                        { action(secondary, "Change", Some(format!("Change {label}")), &show, Show::Form(Editing::Goal(id()))) }
                        if i > 0 {
                            { action(secondary, "Move up", Some(format!("Move {label} up")), &on_move, PlanEdit::MoveGoal(id(), Move::Up)) }
                        }
                        if i + 1 < count {
                            { action(secondary, "Move down", Some(format!("Move {label} down")), &on_move, PlanEdit::MoveGoal(id(), Move::Down)) }
                        }
                        { action(secondary, "Remove", Some(format!("Remove {label}")), &show, Show::Remove(Some(id()))) }
                    </div>
                    <details class="goal-review-box">
                        <summary>{ format!("Review {label}") }</summary>
                        <GoalReviewForm key={g.id.clone()} goal_id={g.id.clone()} status={g.status} on_review={on_goal_review.clone()} />
                    </details>
                }
            </li>
        }
    };
    let name = &person.preferred_name;

    html! {
        <>
        <div class="page plan screen-only">
            <div class="page-top">
                { titled_heading(format!("Action plan for {name}")) }
                { save_status(autosave.status()) }
            </div>
            if !priorities.is_empty() {
                <p class="lead">{ format!("Working on first: {}.", priorities.join(", ")) }</p>
            }
            <section class="card">
                { TextArea::new("plan-what-matters".to_string(), "What matters to me", &plan.what_matters, edit.reform(PlanEdit::WhatMatters))
                    .rows("3").hint("The person's own words about what they want from life right now.").view() }
            </section>
            <section class="card" aria-labelledby="goals-heading">
                { prose(r#"<h2 id="goals-heading" tabindex="-1">Goals</h2>"#) }
                if plan.goals.is_empty() && *editing == Editing::None {
                    { prose("<p>No goals yet. Add one below, in the person's own words.</p>") }
                }
                <ol class="goal-list">{ for plan.goals.iter().enumerate().map(goal_item) }</ol>
                if *editing == Editing::New {
                    { goal_form(Goal { id: new_id(), ..Goal::default() }, true) }
                } else if *editing == Editing::None {
                    { action(Look::Primary, "Add a goal", None, &show, Show::Form(Editing::New)) }
                }
            </section>
            { suggestions_card(suggested, support_areas) }
            <section class="card">
                <div class="field">
                    { prose(REVIEW_DATE) }
                    <input id="plan-review-date" type="date" value={plan.review_date.clone()} onchange={on_review} aria-describedby="plan-review-hint" />
                </div>
            </section>
            <section class="card">
                { prose("<h2>Print</h2>") }
                if worker.name.is_empty() {
                    <p>{ "Your name and phone number are not on the plan yet. " }{ link(&Route::Settings, "Add them in Settings") }</p>
                } else {
                    <p>{ format!("The plan shows {} as the person to contact.", worker.name) }</p>
                }
                <div class="button-row">
                    <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| print())}>{ "Print my plan" }</button>
                    { button_link(&Route::Person { id: person.id.clone() }, Look::Secondary, format!("Back to {name}")) }
                </div>
            </section>
        </div>
        { PlanDocument { person, plan, assessment: assessment.as_ref(), template, worker, printed_on: &today(), priorities: &priorities }.view() }
        </>
    }
}
