use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::{
    ErrorBanner, Loading, NavLink, PageHeading, SaveStatusView, WheelChart, WheelTable,
};
use crate::domain::edit::{AssessmentEdit, MAX_PRIORITIES};
use crate::domain::scoring::{scored_count, suggested_priorities, summarise};
use crate::domain::template::template_by_id;
use crate::domain::{dates, Person, Plan};
use crate::error::AppError;
use crate::hooks::{use_autosave, use_busy, use_db, use_load, use_save_on_change, use_title, Load};
use crate::platform::{new_id, now_ms};
use crate::state::{AssessmentDraft, Draft, DraftAction};
use crate::storage::assessments::{get_assessment, save_assessment};
use crate::storage::people::get_person;
use crate::storage::plans::{plans_for, save_plan};

#[derive(Properties, PartialEq)]
pub struct SummaryPageProps {
    pub id: String,
}

/// The wheel of life for a finished assessment, and choosing priorities.
#[component]
pub fn SummaryPage(props: &SummaryPageProps) -> Html {
    let db = use_db();
    let loaded = use_load((db.clone(), props.id.clone()), |(db, id)| async move {
        let db = db.ok_or(AppError::NotFound { what: "assessment" })?;
        let assessment = get_assessment(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "assessment" })?;
        let person = get_person(&db, &assessment.person_id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let plan = plans_for(&db, &person.id)
            .await?
            .into_iter()
            .find(|p| p.assessment_id == id);
        let template = Rc::new(template_by_id(&assessment.template_id));
        Ok((
            AssessmentDraft {
                assessment,
                template,
            },
            person,
            plan,
        ))
    });
    match &*loaded {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => {
            html! { <div class="page"><PageHeading text="Assessment not found" /><ErrorBanner error={Some(e.clone())} /></div> }
        }
        Load::Ready((draft, person, plan)) => html! {
            <SummaryView draft={draft.clone()} person={person.clone()} plan={plan.clone()} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct SummaryViewProps {
    draft: AssessmentDraft,
    person: Person,
    plan: Option<Plan>,
}

#[component]
fn SummaryView(props: &SummaryViewProps) -> Html {
    use_title(format!("Wheel of life for {}", props.person.preferred_name));
    let db = use_db();
    let navigator = use_navigator();
    let failure = use_state(|| None::<AppError>);
    let busy = use_busy();
    let draft = use_reducer(|| Draft::new(props.draft.clone()));
    let autosave = {
        let db = db.clone();
        use_autosave(move |d: AssessmentDraft| {
            let db = db.clone();
            async move {
                match db {
                    Some(db) => save_assessment(&db, &d.assessment).await,
                    None => Ok(()),
                }
            }
        })
    };
    use_save_on_change(draft.revision, draft.value.clone(), autosave.clone());
    let AssessmentDraft {
        assessment,
        template,
    } = &draft.value;
    let areas = summarise(assessment, template);
    let suggested = suggested_priorities(assessment, template);
    let (scored, total) = scored_count(assessment, template);
    let full = assessment.priorities.len() >= MAX_PRIORITIES;

    let open_plan = {
        let (db, failure, existing, busy) = (
            db.clone(),
            failure.clone(),
            props.plan.clone(),
            busy.clone(),
        );
        let (person_id, assessment_id) = (props.person.id.clone(), assessment.id.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            if !busy.start() {
                return;
            }
            let (navigator, failure, existing, busy) = (
                navigator.clone(),
                failure.clone(),
                existing.clone(),
                busy.clone(),
            );
            let (person_id, assessment_id) = (person_id.clone(), assessment_id.clone());
            spawn_local(async move {
                let plan = match existing {
                    Some(p) => p,
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
                        if let Err(e) = save_plan(&db, &p).await {
                            failure.set(Some(e));
                            busy.done();
                            return;
                        }
                        p
                    }
                };
                if let Some(n) = navigator {
                    n.push(&Route::Plan { id: plan.id });
                }
            });
        })
    };

    html! {
        <div class="page summary">
            <div class="page-top">
                <PageHeading text={format!("Wheel of life for {}", props.person.preferred_name)} />
                <SaveStatusView status={autosave.status.clone()} />
            </div>
            <ErrorBanner error={(*failure).clone()} />
            <p class="lead">{ format!("Assessment of {}. {scored} of {total} parts of life scored.", dates::show(&assessment.date, "an unknown date")) }</p>
            <div class="wheel-layout">
                <figure class="wheel-figure">
                    <WheelChart id="summary-wheel" areas={areas.clone()} min={template.scale.min} max={template.scale.max} />
                    <figcaption>{ "Each slice reaches further out the higher the score. Empty slices were not scored." }</figcaption>
                </figure>
                <WheelTable areas={areas.clone()} max={template.scale.max} />
            </div>
            <section class="card" aria-labelledby="priorities-heading">
                <h2 id="priorities-heading">{ "What to work on first" }</h2>
                <fieldset class="checkbox-group">
                    <legend>{ format!("Choose up to {MAX_PRIORITIES} parts of life to work on first.") }</legend>
                    if !suggested.is_empty() {
                        <p class="hint">{ "Parts marked \u{201c}suggested\u{201d} are where support was asked for." }</p>
                    }
                    { for areas.iter().map(|a| {
                        let checked = assessment.priorities.contains(&a.area_id);
                        let id = format!("priority-{}", a.area_id);
                        let draft = draft.clone();
                        let area_id = a.area_id.clone();
                        let onchange = Callback::from(move |_: Event| draft.dispatch(DraftAction::Edit(AssessmentEdit::TogglePriority(area_id.clone()), now_ms())));
                        html! {
                            <div class="checkbox">
                                <input type="checkbox" id={id.clone()} {checked} disabled={full && !checked} {onchange} />
                                <label for={id}>
                                    { a.title.clone() }
                                    if suggested.contains(&a.area_id) { <span class="tag">{ "suggested" }</span> }
                                </label>
                            </div>
                        }
                    }) }
                    <p class="hint" aria-live="polite">{ format!("{} of {MAX_PRIORITIES} chosen.", assessment.priorities.len()) }</p>
                </fieldset>
            </section>
            <div class="button-row">
                <button type="button" class="button" onclick={open_plan} disabled={busy.now}>
                    { if props.plan.is_some() { "Open the action plan" } else { "Make an action plan" } }
                </button>
                <NavLink to={Route::Assessment { id: assessment.id.clone() }} class="button button-secondary">{ "Change answers" }</NavLink>
            </div>
        </div>
    }
}
