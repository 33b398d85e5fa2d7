use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::{
    ErrorBanner, Loading, NavLink, PageHeading, SaveStatusView, ScorePicker, StepInfo, StepNav,
    TextArea,
};
use crate::domain::edit::{AnswerEdit, AssessmentEdit};
use crate::domain::scoring::is_answered;
use crate::domain::template::template_by_id;
use crate::domain::{Answer, Person};
use crate::error::AppError;
use crate::hooks::{use_autosave, use_db, use_load, use_save_on_change, use_title, Load};
use crate::platform::{focus_id, now_ms};
use crate::state::{AssessmentDraft, Draft, DraftAction, Editable};
use crate::storage::assessments::{get_assessment, save_assessment};
use crate::storage::people::get_person;

#[derive(Properties, PartialEq)]
pub struct AssessmentPageProps {
    pub id: String,
}

/// The guided needs assessment, one life area per step, saved as it goes.
#[component]
pub fn AssessmentPage(props: &AssessmentPageProps) -> Html {
    let db = use_db();
    let loaded = use_load((db.clone(), props.id.clone()), |(db, id)| async move {
        let db = db.ok_or(AppError::NotFound { what: "assessment" })?;
        let assessment = get_assessment(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "assessment" })?;
        let person = get_person(&db, &assessment.person_id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let template = Rc::new(template_by_id(&assessment.template_id));
        Ok((
            AssessmentDraft {
                assessment,
                template,
            },
            person,
        ))
    });
    match &*loaded {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => {
            html! { <div class="page"><PageHeading text="Assessment not found" /><ErrorBanner error={Some(e.clone())} /></div> }
        }
        Load::Ready((draft, person)) => {
            html! { <AssessmentEditor draft={draft.clone()} person={person.clone()} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct AssessmentEditorProps {
    draft: AssessmentDraft,
    person: Person,
}

#[component]
fn AssessmentEditor(props: &AssessmentEditorProps) -> Html {
    use_title(format!("Assessment for {}", props.person.preferred_name));
    let db = use_db();
    let navigator = use_navigator();
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
    let total = template.areas.len();
    let step = assessment.current_step.min(total.saturating_sub(1));
    {
        let first = use_mut_ref(|| true);
        use_effect_with(step, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_id("step-heading");
            }
        });
    }
    let Some(area) = template.areas.get(step).cloned() else {
        return html! { <ErrorBanner error={Some(AppError::NotFound { what: "life area" })} /> };
    };
    let answer = assessment
        .answer(&area.id)
        .cloned()
        .unwrap_or_else(|| Answer {
            area_id: area.id.clone(),
            ..Answer::default()
        });

    let edit = {
        let draft = draft.clone();
        Callback::from(move |e: AssessmentEdit| draft.dispatch(DraftAction::Edit(e, now_ms())))
    };
    let answer_edit = |f: fn(String) -> AnswerEdit| {
        let (edit, area_id) = (edit.clone(), area.id.clone());
        Callback::from(move |v: String| {
            edit.emit(AssessmentEdit::Answer {
                area_id: area_id.clone(),
                edit: f(v),
            })
        })
    };
    let on_score = {
        let (edit, area_id) = (edit.clone(), area.id.clone());
        Callback::from(move |s: Option<u8>| {
            edit.emit(AssessmentEdit::Answer {
                area_id: area_id.clone(),
                edit: AnswerEdit::Score(s),
            })
        })
    };
    let on_support = {
        let (edit, area_id) = (edit.clone(), area.id.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            edit.emit(AssessmentEdit::Answer {
                area_id: area_id.clone(),
                edit: AnswerEdit::WantsSupport(on),
            })
        })
    };
    let go = edit.reform(AssessmentEdit::GoToStep);
    let add_own = {
        let (edit, area_id) = (edit.clone(), area.id.clone());
        Callback::from(move |text: String| {
            edit.emit(AssessmentEdit::Answer {
                area_id: area_id.clone(),
                edit: AnswerEdit::AddOwnConcern(text),
            })
        })
    };
    // Finishing saves the completed assessment, then shows the wheel.
    let finish = {
        let (draft, autosave) = (draft.clone(), autosave.clone());
        Callback::from(move |_: MouseEvent| {
            let mut done = draft.value.clone();
            if done.apply(AssessmentEdit::Complete) {
                done.touch(now_ms());
            }
            let (navigator, id) = (navigator.clone(), done.assessment.id.clone());
            let go = Callback::from(move |()| {
                if let Some(n) = &navigator {
                    n.push(&Route::Summary { id: id.clone() });
                }
            });
            autosave.save_then(done, Some(go));
        })
    };
    let steps: Vec<StepInfo> = template
        .areas
        .iter()
        .map(|a| StepInfo {
            title: a.title.clone(),
            answered: assessment.answer(&a.id).is_some_and(is_answered),
        })
        .collect();

    html! {
        <div class="page assessment">
            <div class="page-top">
                <PageHeading text={format!("Assessment for {}", props.person.preferred_name)} />
                <SaveStatusView status={autosave.status.clone()} />
            </div>
            <p class="step-count" id="step-count">{ format!("Step {} of {}", step + 1, total) }</p>
            <progress max={total.to_string()} value={(step + 1).to_string()} aria-labelledby="step-count"></progress>
            <div class="assessment-layout">
                <section class="step" aria-labelledby="step-heading" key={area.id.clone()}>
                    <h2 id="step-heading" tabindex="-1">{ area.title.clone() }</h2>
                    <p class="lead">{ area.prompt.clone() }</p>
                    <ScorePicker name={format!("score-{}", area.id)} legend={template.question.clone()}
                        scale={template.scale.clone()} value={answer.score} on_change={on_score} />
                    <fieldset class="checkbox-group">
                        <legend>{ "Is anything here a worry? Tick any that apply." }</legend>
                        { for area.concerns.iter().map(|c| {
                            let id = format!("concern-{}-{}", area.id, c.to_ascii_lowercase().replace(|ch: char| !ch.is_ascii_alphanumeric(), "-"));
                            let (edit, area_id, concern) = (edit.clone(), area.id.clone(), c.clone());
                            let onchange = Callback::from(move |_: Event| edit.emit(AssessmentEdit::Answer { area_id: area_id.clone(), edit: AnswerEdit::ToggleConcern(concern.clone()) }));
                            html! {
                                <div class="checkbox">
                                    <input type="checkbox" id={id.clone()} checked={answer.concerns.contains(c)} {onchange} />
                                    <label for={id}>{ c.clone() }</label>
                                </div>
                            }
                        }) }
                        { for answer.own_concerns.iter().enumerate().map(|(i, c)| {
                            let id = format!("own-concern-{}-{i}", area.id);
                            let (edit, area_id, concern) = (edit.clone(), area.id.clone(), c.clone());
                            let onchange = Callback::from(move |_: Event| edit.emit(AssessmentEdit::Answer { area_id: area_id.clone(), edit: AnswerEdit::RemoveOwnConcern(concern.clone()) }));
                            html! {
                                <div class="checkbox">
                                    <input type="checkbox" id={id.clone()} checked=true {onchange} />
                                    <label for={id}>{ c.clone() }<span class="tag">{ "own words" }</span></label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <OwnConcernForm key={area.id.clone()} area_id={area.id.clone()} on_add={add_own} />
                    <TextArea id={format!("matters-{}", area.id)} label="What matters to me here"
                        hint={Some(AttrValue::from("In your own words. Saved as you type."))}
                        value={answer.what_matters.clone()} on_change={answer_edit(AnswerEdit::WhatMatters)} />
                    <div class="checkbox checkbox-large">
                        <input type="checkbox" id={format!("support-{}", area.id)} checked={answer.wants_support} onchange={on_support} />
                        <label for={format!("support-{}", area.id)}>{ "I would like support with this" }</label>
                    </div>
                    <div class="button-row step-buttons">
                        if step > 0 {
                            <button type="button" class="button button-secondary" onclick={go.reform(move |_: MouseEvent| step - 1)}>{ "Back" }</button>
                        }
                        if step + 1 < total {
                            <button type="button" class="button" onclick={go.reform(move |_: MouseEvent| step + 1)}>{ "Next" }</button>
                        } else {
                            <button type="button" class="button" onclick={finish}>{ "Finish and see the wheel" }</button>
                        }
                    </div>
                </section>
                <aside class="step-aside">
                    <StepNav steps={steps} current={step} on_go={go.clone()} />
                    <p><NavLink to={Route::Person { id: props.person.id.clone() }}>{ format!("Stop for now and go back to {}", props.person.preferred_name) }</NavLink></p>
                </aside>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OwnConcernFormProps {
    area_id: String,
    on_add: Callback<String>,
}

/// "Add a worry in your own words". Keyed by life area, so half-typed words
/// never follow the person to the next step.
#[component]
fn OwnConcernForm(props: &OwnConcernFormProps) -> Html {
    let text = use_state(String::new);
    let onsubmit = {
        let (text, on_add) = (text.clone(), props.on_add.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !text.trim().is_empty() {
                on_add.emit((*text).clone());
                text.set(String::new());
            }
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let id = format!("own-{}", props.area_id);
    html! {
        <form class="inline-form" {onsubmit}>
            <label for={id.clone()}>{ "Add a worry in your own words" }</label>
            <div class="inline-row">
                <input {id} type="text" value={(*text).clone()} {oninput} />
                <button type="submit" class="button button-secondary">{ "Add" }</button>
            </div>
        </form>
    }
}
