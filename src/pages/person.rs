use yew::prelude::*;

use crate::app::Route;
use crate::components::{
    action, button_link, card, detail, error_banner, link, loader, prose, Confirm, LoadPage, Look,
};
use crate::domain::template::HOLISTIC_ID;
use crate::domain::{dates, Assessment, Person, Plan};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::pages::titled_heading;
use crate::platform::{new_id, now_ms, today};
use crate::state::Shared;
use crate::storage::assessments::{assessments_for, start_assessment};
use crate::storage::people::{delete_person, get_person};
use crate::storage::plans::plans_for;
use crate::storage::Db;

struct PersonRecords {
    person: Person,
    assessments: Vec<Assessment>,
    plans: Vec<Plan>,
}

/// One person: their details, assessments and plan, and what to do next.
pub fn person_page(id: AttrValue) -> Html {
    loader("person", id, Some("Person not found"), load_person)
}

fn load_person(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let db = db.ok_or(AppError::NotFound { what: "person" })?;
        let person = get_person(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let assessments = assessments_for(&db, &id).await?;
        let plans = plans_for(&db, &id).await?;
        let records = Shared::new(PersonRecords {
            person,
            assessments,
            plans,
        });
        Ok(html! { <PersonView {records} /> })
    })
}

#[derive(Properties, PartialEq)]
struct PersonViewProps {
    records: Shared<PersonRecords>,
}

#[component]
fn PersonView(props: &PersonViewProps) -> Html {
    let PersonRecords {
        person,
        assessments,
        plans,
    } = &*props.records;
    let db = use_db();
    let task = use_task();
    let confirming = use_value(|| false);
    let unfinished = assessments.iter().find(|a| !a.completed).cloned();

    let start = {
        let (db, task, person) = (db.clone(), task.clone(), person.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            let mut person = person.clone();
            task.run(async move {
                let now = now_ms();
                let a = Assessment {
                    id: new_id(),
                    person_id: person.id.clone(),
                    template_id: HOLISTIC_ID.to_string(),
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
    html! {
        <div class="page">
            <div class="page-top">
                { titled_heading(name.clone()) }
                { button_link(&Route::EditPerson { id: person.id.clone() }, Look::Secondary, "Edit details") }
            </div>
            { error_banner(task.failure()) }
            { card("next-heading", "What next", html! {
                <>
                    <div class="button-row">
                        if let Some(a) = &unfinished {
                            { button_link(&Route::Assessment { id: a.id.clone() }, Look::Primary, "Carry on with the assessment") }
                        } else {
                            <button type="button" class="button" onclick={start} disabled={task.running()}>{ "Start an assessment" }</button>
                        }
                        if let Some(plan) = plans.first() {
                            { button_link(&Route::Plan { id: plan.id.clone() }, Look::Secondary, "Open the action plan") }
                        }
                    </div>
                    if let Some(plan) = plans.first().filter(|p| !p.review_date.is_empty()) {
                        <p>{ format!("Next review: {}", dates::show(&plan.review_date, "")) }</p>
                    }
                </>
            }) }
            { card("assessments-heading", "Assessments", if assessments.is_empty() {
                prose("<p>No assessments yet.</p>")
            } else {
                html! { <ul class="plain-list">{ for assessments.iter().map(assessment_item) }</ul> }
            }) }
            { card("details-heading", "Details", details(person)) }
            <section class="card card-quiet" aria-labelledby="delete-heading">
                { prose(r#"<h2 id="delete-heading" tabindex="-1">Delete</h2>"#) }
                if *confirming {
                    { Confirm {
                        id: "confirm-delete".to_string(),
                        title: format!("Delete {name}?"),
                        message: "This deletes their details, every assessment and every plan from this device. It cannot be undone.".into(),
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

/// One assessment: when, whether it is finished, and the way back into it.
fn assessment_item(a: &Assessment) -> Html {
    let when = dates::show(&a.date, "Undated");
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
            <span>{ format!("{when}: {state}") }</span>
            { " " }
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
            { row("Note", &person.note) }
        </dl>
    }
}
