use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::{
    action, button_link, card, detail, error_banner, link, loader, prose, wheel_chart, Confirm,
    LoadPage, Look,
};
use crate::domain::measures::measure_rows;
use crate::domain::progress::{review_due, ReviewDue};
use crate::domain::template::{Template, HOLISTIC_ID};
use crate::domain::{dates, Assessment, Closure, Contact, Person};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::pages::person_episode::{CloseForm, ContactLog};
use crate::pages::titled_heading;
use crate::platform::{new_id, now_ms, today};
use crate::state::Shared;
use crate::storage::assessments::start_assessment;
use crate::storage::people::{delete_person, person_file, save_person};
use crate::storage::Db;

struct PersonRecords {
    person: Person,
    assessments: Vec<Assessment>,
    /// The id of their newest plan.
    newest_plan: Option<String>,
    contacts: Shared<Vec<Contact>>,
    /// Built-in templates, then the imported ones.
    templates: Vec<Template>,
}

/// One person: their episode, assessments, plan, measures and contacts.
pub fn person_page(id: AttrValue) -> Html {
    loader("person", id, Some("Person not found"), load_person)
}

fn load_person(db: Option<Db>, id: AttrValue) -> LoadPage {
    // Every read is requested now, before the page around it draws.
    let file = db.map(|db| person_file(&db, &id));
    Box::pin(async move {
        let file = file
            .ok_or(AppError::NotFound { what: "person" })?
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let mut templates = crate::domain::template::builtin_templates();
        templates.extend(file.templates);
        let records = Shared::new(PersonRecords {
            person: file.person,
            assessments: file.assessments,
            newest_plan: file.newest_plan,
            contacts: Shared::new(file.contacts),
            templates,
        });
        Ok(html! { <PersonView {records} /> })
    })
}

/// How a template is named in the "which template" list.
fn template_label(t: &Template, all: &[Template]) -> String {
    if all.iter().filter(|o| o.id == t.id).count() > 1 {
        format!("{} (version {})", t.title, t.version.max(1))
    } else {
        t.title.clone()
    }
}

#[derive(Properties, PartialEq)]
struct PersonViewProps {
    records: Shared<PersonRecords>,
}

#[component]
fn PersonView(props: &PersonViewProps) -> Html {
    let PersonRecords {
        assessments,
        newest_plan,
        contacts,
        templates,
        ..
    } = &*props.records;
    let db = use_db();
    let task = use_task();
    let person = use_value(|| props.records.person.clone());
    let confirming = use_value(|| false);
    let unfinished = assessments.iter().find(|a| !a.completed);
    let last_done = assessments.iter().find(|a| a.completed);
    let labels: Vec<String> = templates
        .iter()
        .map(|t| template_label(t, templates))
        .collect();
    // A review uses the template of the last finished assessment.
    let default_label = last_done
        .and_then(|a| templates.iter().position(|t| t.is_for(a)))
        .or_else(|| templates.iter().position(|t| t.id == HOLISTIC_ID))
        .and_then(|i| labels.get(i).cloned())
        .unwrap_or_default();
    let chosen = use_value(|| default_label);

    let start = {
        let (db, task, person, chosen) = (db.clone(), task.clone(), person.clone(), chosen.clone());
        let records = props.records.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            let mut person = (*person.latest()).clone();
            let chosen = chosen.latest();
            let templates = &records.templates;
            let template = templates
                .iter()
                .position(|t| template_label(t, templates) == *chosen)
                .and_then(|i| templates.get(i))
                .or_else(|| templates.first())
                .map(|t| (t.id.clone(), t.version.max(1)))
                .unwrap_or_default();
            task.run(async move {
                let now = now_ms();
                let a = Assessment {
                    id: new_id(),
                    person_id: person.id.clone(),
                    template_id: template.0,
                    template_version: template.1,
                    date: today(),
                    created_at: now,
                    updated_at: now,
                    ..Assessment::default()
                };
                person.last_assessed = a.date.clone();
                person.updated_at = now;
                start_assessment(&db, &a, &person).await?;
                Ok(Route::Assessment { id: a.id })
            });
        })
    };
    // Closing (Some) or reopening (None) the episode, saved at once.
    let set_closed = {
        let (db, task, person) = (db.clone(), task.clone(), person.clone());
        Callback::from(move |closed: Option<Closure>| {
            let Some(db) = db.clone() else { return };
            let mut next = (*person.latest()).clone();
            let reopening = closed.is_none();
            next.closed = closed;
            next.updated_at = now_ms();
            let person = person.clone();
            task.run_here(async move {
                save_person(&db, &next).await?;
                person.set(next);
                crate::platform::focus_id_soon(
                    if reopening {
                        "page-heading"
                    } else {
                        "closed-heading"
                    }
                    .to_string(),
                );
                Ok(())
            });
        })
    };
    let delete = {
        let (db, task, id) = (db.clone(), task.clone(), person.id.clone());
        Callback::from(move |()| {
            let Some(db) = db.clone() else { return };
            let id = id.clone();
            task.run(async move {
                delete_person(&db, &id).await?;
                Ok(Route::Caseload)
            });
        })
    };
    // True asks "are you sure?"; false closes the question.
    let confirm_delete = {
        let confirming = confirming.clone();
        Callback::from(move |open: bool| {
            confirming.set(open);
            if !open {
                crate::platform::focus_id("delete-heading");
            }
        })
    };

    let name = &person.preferred_name;
    let oldest_first: Vec<&Assessment> = assessments.iter().rev().filter(|a| a.completed).collect();
    let rows = measure_rows(&oldest_first);
    let any_measures = rows.iter().any(|r| r.baseline.is_some());
    let start_label = if last_done.is_some() {
        "Start a review"
    } else {
        "Start an assessment"
    };
    html! {
        <div class="page">
            <div class="page-top">
                { titled_heading(name.clone()) }
                { button_link(&Route::EditPerson { id: person.id.clone() }, Look::Secondary, "Edit details") }
            </div>
            { error_banner(task.failure()) }
            if person.risk_flag {
                <section class="banner banner-risk" aria-labelledby="risk-heading">
                    <h2 id="risk-heading">{ "Safeguarding or risk concern" }</h2>
                    <p>{ if person.risk_note.is_empty() { "A concern has been recorded. See their details.".to_string() } else { person.risk_note.clone() } }</p>
                </section>
            }
            if let Some(c) = &person.closed {
                <section class="banner banner-closed" aria-labelledby="closed-heading">
                    <h2 id="closed-heading" tabindex="-1">{ "This episode is closed" }</h2>
                    <p>{ format!("Closed on {}. Outcome: {}.", dates::show(&c.date, "an unknown date"), c.outcome.label()) }</p>
                    if !c.note.is_empty() { <p>{ c.note.clone() }</p> }
                    { action(Look::Secondary, "Reopen the episode", None, &set_closed, None) }
                </section>
            } else {
                { card("next-heading", "What next", html! {
                    <>
                        if let Some(a) = &unfinished {
                            <div class="button-row">
                                { button_link(&Route::Assessment { id: a.id.clone() }, Look::Primary, "Carry on with the assessment") }
                            </div>
                        } else {
                            { select_field("start-template", "Which assessment", &labels, None, &chosen,
                                &Callback::from({ let chosen = chosen.clone(); move |v: String| chosen.set(v) })) }
                            <div class="button-row">
                                <button type="button" class="button" onclick={start} disabled={task.running()}>{ start_label }</button>
                            </div>
                        }
                        <div class="button-row">
                            if let Some(plan) = newest_plan {
                                { button_link(&Route::Plan { id: plan.clone() }, Look::Secondary, "Open the action plan") }
                            }
                            if last_done.is_some() {
                                { button_link(&Route::Progress { id: person.id.clone() }, Look::Secondary, "See progress over time") }
                            }
                        </div>
                        { next_review(&person.next_review) }
                    </>
                }) }
            }
            if let Some(wheel) = latest_wheel(last_done, templates) {
                { card("wheel-heading", "Wheel of life", wheel) }
            }
            if any_measures {
                { card("measures-heading", "Wellbeing and loneliness", measures_table(&rows)) }
            }
            { card("assessments-heading", "Assessments", if assessments.is_empty() {
                prose("<p>No assessments yet.</p>")
            } else {
                html! { <ul class="plain-list">{ for assessments.iter().map(|a| assessment_item(a, assessments, templates)) }</ul> }
            }) }
            <ContactLog person_id={person.id.clone()} contacts={contacts.clone()} />
            { card("details-heading", "Details", details(&person)) }
            if person.closed.is_none() {
                <CloseForm on_close={set_closed.reform(Some)} busy={task.running()} />
            }
            <section class="card card-quiet" aria-labelledby="delete-heading">
                { prose(r#"<h2 id="delete-heading" tabindex="-1">Delete</h2>"#) }
                if *confirming {
                    { Confirm {
                        id: "confirm-delete".to_string(),
                        title: format!("Delete {name}?"),
                        message: "This deletes their details, every assessment, plan and contact from this device. It cannot be undone.".into(),
                        confirm_label: format!("Yes, delete {name}").into(),
                        on_confirm: delete,
                        on_cancel: confirm_delete.reform(|()| false),
                    }.view() }
                } else {
                    { prose("<p>Remove this person and everything about them from this device.</p>") }
                    { action(Look::Danger, format!("Delete {name}"), None, &confirm_delete, true) }
                }
            </section>
        </div>
    }
}

/// The wheel from the latest finished assessment, with a way to its page.
fn latest_wheel(a: Option<&Assessment>, templates: &[Template]) -> Option<Html> {
    let a = a?;
    let t = templates.iter().find(|t| t.is_for(a))?;
    let when = dates::show(&a.date, "an unknown date");
    Some(html! {
        <div class="person-wheel">
            <figure class="wheel-figure">
                { wheel_chart("person-wheel", &crate::domain::scoring::summarise(a, t), t.scale.min, t.scale.max) }
                <figcaption>{ format!("From the assessment on {when}.") }</figcaption>
            </figure>
            <p>{ link(&Route::Summary { id: a.id.clone() }, format!("See the scores and priorities from {when}")) }</p>
        </div>
    })
}

/// "Next review: 3 December 2026", marked when due this week or overdue.
pub(crate) fn next_review(date: &str) -> Html {
    let when = dates::show(date, "");
    match review_due(date, &today()) {
        ReviewDue::NotSet => Html::default(),
        ReviewDue::Later => html! { <p class="review-line">{ format!("Next review: {when}") }</p> },
        ReviewDue::ThisWeek => html! {
            <p class="review-line">{ format!("Next review: {when} ") }<span class="tag tag-due">{ "Due this week" }</span></p>
        },
        ReviewDue::Overdue => html! {
            <p class="review-line">{ format!("Next review: {when} ") }<span class="tag tag-overdue">{ "Overdue" }</span></p>
        },
    }
}

/// First, latest and the change for each ONS4 question and the UCLA total.
fn measures_table(rows: &[crate::domain::measures::MeasureRow]) -> Html {
    let cell = |v: &Option<(String, u8)>| match v {
        Some((date, score)) => {
            html! { <td><strong>{ *score }</strong>{ format!(" on {}", dates::show(date, "an unknown date")) }</td> }
        }
        None => html! { <td>{ "Not yet" }</td> },
    };
    html! {
        <>
            { prose("<p class=\"hint\">The four wellbeing questions are shown one by one and never added up.</p>") }
            // Focusable: on a narrow screen the table scrolls sideways in its box.
            <div class="table-wrap" tabindex="0" role="region" aria-label="Wellbeing and loneliness table">
                <table class="data-table">
                    <caption class="visually-hidden">{ "Wellbeing and loneliness: first answer, latest answer and the change" }</caption>
                    <thead><tr><th scope="col">{ "Question" }</th><th scope="col">{ "First" }</th><th scope="col">{ "Latest" }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().filter(|r| r.baseline.is_some()).map(|r| html! {
                            <tr>
                                <th scope="row">{ r.label.clone() }<span class="cell-note">{ r.note }</span></th>
                                { cell(&r.baseline) }
                                { cell(&r.latest) }
                                <td>{ change_cell(r.change, r.direction) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// "↑ Up 2: better". The arrow is decoration; the words carry the meaning.
pub(crate) fn change_cell(
    change: Option<i16>,
    direction: Option<crate::domain::progress::Direction>,
) -> Html {
    match (change, direction) {
        (Some(c), Some(d)) => {
            let amount = if c > 0 {
                format!("Up {c}: ")
            } else if c < 0 {
                format!("Down {}: ", -c)
            } else {
                "No change: ".to_string()
            };
            let arrow = crate::domain::progress::change_arrow(c);
            html! { <><span aria-hidden="true" class="arrow">{ arrow }</span>{ " " }{ amount }{ d.word().to_ascii_lowercase() }</> }
        }
        _ => Html::from("Not yet"),
    }
}

/// One assessment: when, which kind, whether it is finished, and the way
/// back into it. `all` is newest first, so the last one is the first.
fn assessment_item(a: &Assessment, all: &[Assessment], templates: &[Template]) -> Html {
    let when = dates::show(&a.date, "Undated");
    let kind = if all.last().is_some_and(|f| f.id == a.id) {
        "First assessment"
    } else {
        "Review"
    };
    let template = templates
        .iter()
        .find(|t| t.is_for(a))
        .map_or("", |t| t.title.as_str());
    let (state, to, text) = if a.completed {
        let to = Route::Summary { id: a.id.clone() };
        ("finished", to, format!("See the wheel from {when}"))
    } else {
        let to = Route::Assessment { id: a.id.clone() };
        (
            "not finished",
            to,
            format!("Carry on with the assessment from {when}"),
        )
    };
    html! {
        <li key={a.id.clone()}>
            <span>{ format!("{kind}, {when}: {state}. ") }</span>
            if !template.is_empty() { <span class="hint-inline">{ format!("{template}. ") }</span> }
            { link(&to, text) }
        </li>
    }
}

/// The person's details that have been given.
fn details(person: &Person) -> Html {
    // Blank or only spaces: the row is left out.
    let row = |label, value: &str| detail(label, if value.trim().is_empty() { "" } else { value });
    html! {
        <dl class="details">
            { row("Preferred name", &person.preferred_name) }
            { row("Full name", &person.full_name) }
            { row("Date of birth", &dates::show(&person.date_of_birth, "")) }
            { row("Pronouns", &person.pronouns) }
            { row("Phone", &person.phone) }
            { row("Email", &person.email) }
            { row("Referred by", &person.referral_source) }
            { row("Referral received", &dates::show(&person.referral_date, "")) }
            { row("Reason for referral", &person.referral_reason) }
            { row("Consent", if person.consent_given { "Agreed to their information being kept on this device" } else { "Not recorded" }) }
            { row("Consent given on", &dates::show(&person.consent_date, "")) }
            { row("Notes about consent", &person.consent_note) }
            { row("Note", &person.note) }
        </dl>
    }
}
