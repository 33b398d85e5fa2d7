use yew::prelude::*;

use crate::app::Route;
use crate::components::{
    button_link, card, checkbox, error_banner, loader, prose, save_status, wheel_chart,
    wheel_table, LoadPage, Look,
};
use crate::domain::edit::{AssessmentEdit, MAX_PRIORITIES};
use crate::domain::scoring::{scored_count, suggested_priorities, summarise, AreaSummary};
use crate::domain::{dates, Person, Plan};
use crate::hooks::{use_db, use_draft, use_task};
use crate::pages::assessment::{load_draft, save_draft};
use crate::pages::titled_heading;
use crate::platform::{new_id, now_ms};
use crate::state::{AssessmentDraft, Shared};
use crate::storage::plans::{plans_for, save_plan};
use crate::storage::Db;

/// The wheel of life for a finished assessment, and choosing priorities.
pub fn summary_page(id: AttrValue) -> Html {
    loader("summary", id, Some("Assessment not found"), load_summary)
}

fn load_summary(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let (draft, person) = load_draft(db.clone(), &id).await?;
        let plan = match db {
            Some(db) => plans_for(&db, &person.id)
                .await?
                .into_iter()
                .find(|p| p.assessment_id == id),
            None => None,
        };
        let (draft, person) = (Shared::new(draft), Shared::new(person));
        let plan = plan.map(Shared::new);
        Ok(html! { <SummaryView {draft} {person} {plan} /> })
    })
}

#[derive(Properties, PartialEq)]
struct SummaryViewProps {
    draft: Shared<AssessmentDraft>,
    person: Shared<Person>,
    plan: Option<Shared<Plan>>,
}

#[component]
fn SummaryView(props: &SummaryViewProps) -> Html {
    let db = use_db();
    let task = use_task();
    let (draft, autosave, edit) = use_draft(|| (*props.draft).clone(), save_draft);
    let AssessmentDraft {
        assessment,
        template,
    } = &draft.value;
    let areas = summarise(assessment, template);
    let suggested = suggested_priorities(assessment, template);
    let (scored, total) = scored_count(assessment, template);
    let full = assessment.priorities.len() >= MAX_PRIORITIES;

    let open_plan = {
        let existing = props.plan.as_ref().map(|p| p.id.clone());
        let (db, task) = (db.clone(), task.clone());
        let (person_id, assessment_id) = (props.person.id.clone(), assessment.id.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            let (existing, person_id, assessment_id) =
                (existing.clone(), person_id.clone(), assessment_id.clone());
            task.run(async move {
                let id = match existing {
                    Some(id) => id,
                    None => {
                        let now = now_ms();
                        let p = Plan {
                            id: new_id(),
                            person_id,
                            assessment_id,
                            created_at: now,
                            updated_at: now,
                            ..Plan::default()
                        };
                        save_plan(&db, &p).await?;
                        p.id
                    }
                };
                Ok(Route::Plan { id })
            });
        })
    };

    let toggle = edit.reform(AssessmentEdit::TogglePriority);
    let priority = |a: &AreaSummary| {
        let checked = assessment.priorities.contains(&a.area_id);
        let label = html! {
            <>
                { a.title.clone() }
                if suggested.contains(&a.area_id) { <span class="tag">{ "suggested" }</span> }
            </>
        };
        let id = format!("priority-{}", a.area_id);
        checkbox(
            id,
            checked,
            full && !checked,
            label,
            &toggle,
            a.area_id.clone(),
        )
    };

    html! {
        <div class="page summary">
            <div class="page-top">
                { titled_heading(format!("Wheel of life for {}", props.person.preferred_name)) }
                { save_status(autosave.status()) }
            </div>
            { error_banner(task.failure()) }
            <p class="lead">{ format!("Assessment of {}. {scored} of {total} parts of life scored.", dates::show(&assessment.date, "an unknown date")) }</p>
            <div class="wheel-layout">
                <figure class="wheel-figure">
                    { wheel_chart("summary-wheel", &areas, template.scale.min, template.scale.max) }
                    { prose("<figcaption>Each slice reaches further out the higher the score. Empty slices were not scored.</figcaption>") }
                </figure>
                { wheel_table(&areas, template.scale.max) }
            </div>
            { card("priorities-heading", "What to work on first", html! {
                <fieldset class="checkbox-group">
                    <legend>{ format!("Choose up to {MAX_PRIORITIES} parts of life to work on first.") }</legend>
                    if !suggested.is_empty() {
                        { prose("<p class=\"hint\">Parts marked \u{201c}suggested\u{201d} are where support was asked for.</p>") }
                    }
                    { for areas.iter().map(priority) }
                    <p class="hint" aria-live="polite">{ format!("{} of {MAX_PRIORITIES} chosen.", assessment.priorities.len()) }</p>
                </fieldset>
            }) }
            <div class="button-row">
                <button type="button" class="button" onclick={open_plan} disabled={task.running()}>
                    { if props.plan.is_some() { "Open the action plan" } else { "Make an action plan" } }
                </button>
                { button_link(&Route::Assessment { id: assessment.id.clone() }, Look::Secondary, "Change answers") }
                { button_link(&Route::Progress { id: props.person.id.clone() }, Look::Secondary, "See progress over time") }
            </div>
        </div>
    }
}
