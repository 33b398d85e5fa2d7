use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::score_picker::choice_picker;
use crate::components::{
    action, checkbox, error_banner, link, loader, prose, save_status, score_picker, step_nav,
    LoadPage, Look, StepInfo, TextArea,
};
use crate::domain::edit::{AnswerEdit, AssessmentEdit};
use crate::domain::measures::{answers, is_given, measure, MeasureId};
use crate::domain::progress::comparable;
use crate::domain::scoring::is_answered;
use crate::domain::template::Scale;
use crate::domain::{dates, Answer, Assessment, Person};
use crate::error::AppError;
use crate::hooks::{use_draft, use_value, SaveFuture};
use crate::pages::titled_heading;
use crate::platform::{focus_id, input_by_id, now_ms};
use crate::state::{AssessmentDraft, DraftAction, Shared};
use crate::storage::assessments::{assessments_for, get_assessment, save_assessment};
use crate::storage::people::get_person;
use crate::storage::templates::find_template;
use crate::storage::Db;

/// The guided needs assessment, one life area per step, saved as it goes.
pub fn assessment_page(id: AttrValue) -> Html {
    loader("assessment", id, Some("Assessment not found"), load_editor)
}

fn load_editor(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let (draft, person) = load_draft(db.clone(), &id).await?;
        // The last finished assessment before this one, with the same
        // template, gives "Last time: 4" on each step.
        let previous = match &db {
            Some(db) => assessments_for(db, &person.id)
                .await?
                .into_iter()
                .find(|a| {
                    a.completed
                        && a.id != draft.assessment.id
                        && a.created_at <= draft.assessment.created_at
                        && comparable(a, &draft.assessment)
                }),
            None => None,
        };
        let (draft, person) = (Shared::new(draft), Shared::new(person));
        let previous = previous.map(Shared::new);
        Ok(html! { <AssessmentEditor {draft} {person} {previous} /> })
    })
}

/// Writes the draft's assessment (both assessment pages save as they go).
pub(super) fn save_draft(db: Db, draft: AssessmentDraft) -> SaveFuture {
    Box::pin(async move { save_assessment(&db, &draft.assessment).await })
}

/// The assessment `id` with its template, and the person it is about.
pub(super) async fn load_draft(
    db: Option<Db>,
    id: &str,
) -> Result<(AssessmentDraft, Person), AppError> {
    let db = db.ok_or(AppError::NotFound { what: "assessment" })?;
    let assessment = get_assessment(&db, id)
        .await?
        .ok_or(AppError::NotFound { what: "assessment" })?;
    let person = get_person(&db, &assessment.person_id)
        .await?
        .ok_or(AppError::NotFound { what: "person" })?;
    let template = find_template(&db, &assessment.template_id, assessment.template_version)
        .await?
        .ok_or(AppError::NotFound { what: "template" })?;
    let template = Rc::new(template);
    let draft = AssessmentDraft {
        assessment,
        template,
    };
    Ok((draft, person))
}

#[derive(Properties, PartialEq)]
struct AssessmentEditorProps {
    draft: Shared<AssessmentDraft>,
    person: Shared<Person>,
    previous: Option<Shared<Assessment>>,
}

#[component]
fn AssessmentEditor(props: &AssessmentEditorProps) -> Html {
    let (draft, autosave, edit) = use_draft(|| (*props.draft).clone(), save_draft);
    let AssessmentDraft {
        assessment,
        template,
    } = &draft.value;
    let total = template.step_count();
    let step = assessment.current_step.min(total.saturating_sub(1));
    let previous = props.previous.as_deref();
    {
        let first = use_mut_ref(|| true);
        use_effect_with(step, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                focus_id("step-heading");
            }
        });
    }
    let steps: Vec<StepInfo> = template
        .areas
        .iter()
        .map(|a| StepInfo {
            title: a.title.clone(),
            answered: assessment.answer(&a.id).is_some_and(is_answered),
        })
        .chain(template.measure_ids().into_iter().map(|m| StepInfo {
            title: measure(m).title.to_string(),
            answered: is_given(assessment, m),
        }))
        .collect();
    let name = &props.person.preferred_name;
    let is_review = previous.is_some();
    let heading = if is_review {
        format!("Review for {name}")
    } else {
        format!("Assessment for {name}")
    };
    // Set while "Finish" saves, so a double click saves and moves on once;
    // a failed save (shown in the status) lets it be tried again.
    let finishing = use_value(|| false);
    let save_failed = matches!(autosave.status(), crate::hooks::SaveStatus::Failed(_));
    let finish = {
        let (draft, autosave, finishing) = (draft.clone(), autosave.clone(), finishing.clone());
        Callback::from(move |_: MouseEvent| {
            if *finishing.latest() && !save_failed {
                return;
            }
            finishing.set(true);
            // Through the draft, so a later edit still carries `completed`.
            let done = draft
                .dispatch(DraftAction::Edit(AssessmentEdit::Complete, now_ms()))
                .unwrap_or_else(|| draft.latest());
            let id = done.value.assessment.id.clone();
            let go = Callback::from(move |()| {
                crate::platform::go(&Route::Summary { id: id.clone() });
            });
            autosave.save_then(done.value.clone(), Some(go));
        })
    };
    let buttons = html! {
        <div class="button-row step-buttons">
            if step > 0 {
                { action(Look::Secondary, "Back", None, &edit, AssessmentEdit::GoToStep(step - 1)) }
            }
            if step + 1 < total {
                { action(Look::Primary, "Next", None, &edit, AssessmentEdit::GoToStep(step + 1)) }
            } else {
                <button type="button" class="button" onclick={finish} disabled={*finishing && !save_failed}>{ "Finish and see the wheel" }</button>
            }
        </div>
    };
    let frame = |body: Html| {
        html! {
            <div class="page assessment">
                <div class="page-top">
                    { titled_heading(heading.clone()) }
                    { save_status(autosave.status()) }
                </div>
                <p class="step-count" id="step-count">{ format!("Step {} of {}", step + 1, total) }</p>
                <progress max={total.to_string()} value={(step + 1).to_string()} aria-labelledby="step-count"></progress>
                <div class="assessment-layout">
                    { body }
                    <aside class="step-aside">
                        { step_nav(&steps, step, &edit.reform(AssessmentEdit::GoToStep)) }
                        <p>{ link(&Route::Person { id: props.person.id.clone() }, format!("Stop for now and go back to {name}")) }</p>
                    </aside>
                </div>
            </div>
        }
    };
    let Some(area) = template.areas.get(step).cloned() else {
        let Some(m) = template
            .measure_ids()
            .get(step - template.areas.len())
            .copied()
        else {
            return error_banner(Some(&AppError::NotFound { what: "life area" }));
        };
        return frame(measure_step(m, assessment, previous, &edit, buttons));
    };
    let answer = assessment
        .answer(&area.id)
        .cloned()
        .unwrap_or_else(|| Answer {
            area_id: area.id.clone(),
            ..Answer::default()
        });

    // Every change to this step's answer.
    let answer_edit = {
        let (edit, area_id) = (edit.clone(), area.id.clone());
        Callback::from(move |e: AnswerEdit| {
            edit.emit(AssessmentEdit::Answer {
                area_id: area_id.clone(),
                edit: e,
            })
        })
    };
    let on_support = answer_edit.reform(|e: Event| {
        AnswerEdit::WantsSupport(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let concern = |id: String, label: Html, checked: bool, change: AnswerEdit| {
        checkbox(id, checked, false, label, &answer_edit, change)
    };
    // Unticking an own-words worry removes its box: keep focus nearby.
    let remove_own = {
        let (answer_edit, input) = (answer_edit.clone(), format!("own-{}", area.id));
        Callback::from(move |e: AnswerEdit| {
            answer_edit.emit(e);
            crate::platform::focus_id_soon(input.clone());
        })
    };
    let support_id = format!("support-{}", area.id);
    let last_score = previous.map(|p| p.answer(&area.id).and_then(|a| a.score));

    frame(html! {
                <section class="step" aria-labelledby="step-heading" key={area.id.clone()}>
                    <h2 id="step-heading" tabindex="-1">{ area.title.clone() }</h2>
                    <p class="lead">{ area.prompt.clone() }</p>
                    { last_time(previous, last_score, &template.scale) }
                    { score_picker(&format!("score-{}", area.id), template.area_question(&area), &template.scale,
                        answer.score, &answer_edit.reform(AnswerEdit::Score)) }
                    if !area.concerns.is_empty() || !answer.own_concerns.is_empty() {
                    <fieldset class="checkbox-group">
                        { prose("<legend>Is anything here a worry? Tick any that apply.</legend>") }
                        { for area.concerns.iter().map(|c| concern(
                            format!("concern-{}-{}", area.id, c.to_ascii_lowercase().replace(|ch: char| !ch.is_ascii_alphanumeric(), "-")),
                            Html::from(c.as_str()),
                            answer.concerns.contains(c),
                            AnswerEdit::ToggleConcern(c.clone()),
                        )) }
                        { for answer.own_concerns.iter().enumerate().map(|(i, c)| checkbox(
                            format!("own-concern-{}-{i}", area.id),
                            true,
                            false,
                            html! { <>{ c.clone() }<span class="tag">{ "own words" }</span></> },
                            &remove_own,
                            AnswerEdit::RemoveOwnConcern(c.clone()),
                        )) }
                    </fieldset>
                    }
                    { own_concern_form(&area.id, answer_edit.reform(AnswerEdit::AddOwnConcern)) }
                    { TextArea::new(format!("matters-{}", area.id), "What matters to me here", &answer.what_matters,
                        answer_edit.reform(AnswerEdit::WhatMatters)).hint("In your own words. Saved as you type.").view() }
                    <div class="checkbox checkbox-large">
                        <input type="checkbox" id={support_id.clone()} checked={answer.wants_support} onchange={on_support} />
                        <label for={support_id}>{ "I would like support with this" }</label>
                    </div>
                    { buttons }
                </section>
    })
}

/// "Last time: 4 out of 10 (3 March 2026)" on a review, for reference.
fn last_time(previous: Option<&Assessment>, score: Option<Option<u8>>, scale: &Scale) -> Html {
    let (Some(p), Some(score)) = (previous, score) else {
        return Html::default();
    };
    let when = dates::show(&p.date, "the last assessment");
    let text = match score {
        Some(s) => format!("Last time: {s} out of {} ({when})", scale.max),
        None => format!("Last time: not scored ({when})"),
    };
    html! { <p class="last-time">{ text }</p> }
}

/// An optional outcome-measure step: ONS4 (four 0 to 10 questions) or the
/// UCLA loneliness scale (three questions answered in words).
fn measure_step(
    m: MeasureId,
    a: &Assessment,
    previous: Option<&Assessment>,
    edit: &Callback<AssessmentEdit>,
    buttons: Html,
) -> Html {
    let def = measure(m);
    let given = answers(a, m);
    let before = previous.map(|p| answers(p, m));
    let item = |(i, text): (usize, &&'static str)| {
        let name = format!("{}-{i}", m.code());
        let value = given.get(i).copied().flatten();
        let on = edit.reform(move |value: Option<u8>| AssessmentEdit::Measure {
            id: m,
            item: i,
            value,
        });
        let last = before.map(|b| b.get(i).copied().flatten());
        let picker = match m {
            MeasureId::Ons4 => {
                let scale = Scale {
                    min: def.min,
                    max: def.max,
                    min_label: "not at all".into(),
                    max_label: "completely".into(),
                };
                html! { <>{ last_time(previous, last, &scale) }{ score_picker(&name, text, &scale, value, &on) }</> }
            }
            MeasureId::Ucla3 => {
                let word = |v: Option<u8>| {
                    def.answer_words
                        .iter()
                        .find(|(n, _)| Some(*n) == v)
                        .map_or("not answered", |(_, w)| *w)
                };
                let last = match (previous, last) {
                    (Some(p), Some(l)) => {
                        html! { <p class="last-time">{ format!("Last time: {} ({})", word(l), dates::show(&p.date, "the last assessment")) }</p> }
                    }
                    _ => Html::default(),
                };
                html! { <>{ last }{ choice_picker(&name, text, def.answer_words, value, &on) }</> }
            }
        };
        html! { <div class="measure-item" key={name.clone()}>{ picker }</div> }
    };
    html! {
        <section class="step" aria-labelledby="step-heading" key={m.code()}>
            <h2 id="step-heading" tabindex="-1">{ def.title }</h2>
            <p class="lead">{ def.intro }</p>
            <p class="hint">{ def.how_to_read }</p>
            { for def.items.iter().enumerate().map(item) }
            { buttons }
        </section>
    }
}

/// "Add a worry in your own words". The box is not tied to state: the words
/// are read when the form is sent. The form is keyed by life area, so
/// half-typed words never follow the person to the next step.
fn own_concern_form(area_id: &str, on_add: Callback<String>) -> Html {
    let id = format!("own-{area_id}");
    let onsubmit = {
        let id = id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = input_by_id(&id) else {
                return;
            };
            let text = input.value();
            if !text.trim().is_empty() {
                on_add.emit(text);
                input.set_value("");
            }
        })
    };
    html! {
        <form key={area_id} class="inline-form" {onsubmit}>
            <label for={id.clone()}>{ "Add a worry in your own words" }</label>
            <div class="inline-row">
                <input {id} type="text" />
                <button type="submit" class="button button-secondary">{ "Add" }</button>
            </div>
        </form>
    }
}
