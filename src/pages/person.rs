use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::{Confirm, ErrorBanner, Loading, NavLink, PageHeading};
use crate::domain::template::holistic_template;
use crate::domain::{dates, Assessment, Person, Plan};
use crate::error::AppError;
use crate::hooks::{use_busy, use_db, use_load, use_title, Load};
use crate::platform::{new_id, now_ms, today};
use crate::storage::assessments::{assessments_for, start_assessment};
use crate::storage::people::{delete_person, get_person};
use crate::storage::plans::plans_for;

#[derive(Properties, PartialEq)]
pub struct PersonPageProps {
    pub id: String,
}

#[derive(Clone, PartialEq)]
struct PersonRecords {
    person: Person,
    assessments: Vec<Assessment>,
    plans: Vec<Plan>,
}

/// One person: their details, assessments and plan, and what to do next.
#[component]
pub fn PersonPage(props: &PersonPageProps) -> Html {
    let db = use_db();
    let loaded = use_load((db.clone(), props.id.clone()), |(db, id)| async move {
        let db = db.ok_or(AppError::NotFound { what: "person" })?;
        let person = get_person(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let assessments = assessments_for(&db, &id).await?;
        let plans = plans_for(&db, &id).await?;
        Ok(PersonRecords {
            person,
            assessments,
            plans,
        })
    });
    match &*loaded {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => {
            html! { <div class="page"><PageHeading text="Person not found" /><ErrorBanner error={Some(e.clone())} /></div> }
        }
        Load::Ready(r) => html! { <PersonView records={r.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct PersonViewProps {
    records: PersonRecords,
}

fn detail(label: &str, value: &str) -> Html {
    if value.trim().is_empty() {
        return html! {};
    }
    html! { <><dt>{ label.to_string() }</dt><dd>{ value.to_string() }</dd></> }
}

#[component]
fn PersonView(props: &PersonViewProps) -> Html {
    let PersonRecords {
        person,
        assessments,
        plans,
    } = &props.records;
    use_title(person.preferred_name.clone());
    let db = use_db();
    let navigator = use_navigator();
    let confirming = use_state(|| false);
    let busy = use_busy();
    let failure = use_state(|| None::<AppError>);
    let unfinished = assessments.iter().find(|a| !a.completed).cloned();

    let start = {
        let (db, navigator, failure, person, busy) = (
            db.clone(),
            navigator.clone(),
            failure.clone(),
            person.clone(),
            busy.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            if !busy.start() {
                return;
            }
            let (navigator, failure, mut person, busy) = (
                navigator.clone(),
                failure.clone(),
                person.clone(),
                busy.clone(),
            );
            spawn_local(async move {
                let now = now_ms();
                let a = Assessment {
                    id: new_id(),
                    person_id: person.id.clone(),
                    template_id: holistic_template().id,
                    date: today(),
                    created_at: now,
                    updated_at: now,
                    ..Assessment::default()
                };
                person.last_assessed = a.date.clone();
                person.updated_at = now;
                match start_assessment(&db, &a, &person).await {
                    Ok(()) => {
                        if let Some(n) = navigator {
                            n.push(&Route::Assessment { id: a.id });
                        }
                    }
                    Err(e) => {
                        failure.set(Some(e));
                        busy.done();
                    }
                }
            });
        })
    };
    let delete = {
        let (db, navigator, failure, id) = (
            db.clone(),
            navigator.clone(),
            failure.clone(),
            person.id.clone(),
        );
        Callback::from(move |()| {
            let Some(db) = db.clone() else { return };
            let (navigator, failure, id) = (navigator.clone(), failure.clone(), id.clone());
            spawn_local(async move {
                match delete_person(&db, &id).await {
                    Ok(()) => {
                        if let Some(n) = navigator {
                            n.push(&Route::Caseload);
                        }
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let ask_delete = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_delete = {
        let confirming = confirming.clone();
        Callback::from(move |()| {
            confirming.set(false);
            crate::platform::focus_id("delete-heading");
        })
    };

    html! {
        <div class="page">
            <div class="page-top">
                <PageHeading text={person.preferred_name.clone()} />
                <NavLink to={Route::EditPerson { id: person.id.clone() }} class="button button-secondary">{ "Edit details" }</NavLink>
            </div>
            <ErrorBanner error={(*failure).clone()} />
            <section class="card" aria-labelledby="next-heading">
                <h2 id="next-heading">{ "What next" }</h2>
                <div class="button-row">
                    if let Some(a) = &unfinished {
                        <NavLink to={Route::Assessment { id: a.id.clone() }} class="button">{ "Carry on with the assessment" }</NavLink>
                    } else {
                        <button type="button" class="button" onclick={start} disabled={busy.now}>{ "Start an assessment" }</button>
                    }
                    if let Some(plan) = plans.first() {
                        <NavLink to={Route::Plan { id: plan.id.clone() }} class="button button-secondary">{ "Open the action plan" }</NavLink>
                    }
                </div>
                if let Some(plan) = plans.first() {
                    if !plan.review_date.is_empty() {
                        <p>{ format!("Next review: {}", dates::show(&plan.review_date, "")) }</p>
                    }
                }
            </section>
            <section class="card" aria-labelledby="assessments-heading">
                <h2 id="assessments-heading">{ "Assessments" }</h2>
                if assessments.is_empty() {
                    <p>{ "No assessments yet." }</p>
                } else {
                    <ul class="plain-list">
                        { for assessments.iter().map(|a| {
                            let when = dates::show(&a.date, "Undated");
                            html! {
                                <li key={a.id.clone()}>
                                    <span>{ format!("{when}: {}", if a.completed { "finished" } else { "not finished" }) }</span>
                                    { " " }
                                    if a.completed {
                                        <NavLink to={Route::Summary { id: a.id.clone() }}>{ format!("See the wheel from {when}") }</NavLink>
                                    } else {
                                        <NavLink to={Route::Assessment { id: a.id.clone() }}>{ format!("Carry on with the assessment from {when}") }</NavLink>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            <section class="card" aria-labelledby="details-heading">
                <h2 id="details-heading">{ "Details" }</h2>
                <dl class="details">
                    { detail("Preferred name", &person.preferred_name) }
                    { detail("Full name", &person.full_name) }
                    { detail("Date of birth", &dates::show(&person.date_of_birth, "")) }
                    { detail("Pronouns", &person.pronouns) }
                    { detail("Phone", &person.phone) }
                    { detail("Email", &person.email) }
                    { detail("Referred by", &person.referral_source) }
                    { detail("Note", &person.note) }
                </dl>
            </section>
            <section class="card card-quiet" aria-labelledby="delete-heading">
                <h2 id="delete-heading" tabindex="-1">{ "Delete" }</h2>
                if *confirming {
                    <Confirm id="confirm-delete" title={format!("Delete {}?", person.preferred_name)}
                        message="This deletes their details, every assessment and every plan from this device. It cannot be undone."
                        confirm_label={format!("Yes, delete {}", person.preferred_name)}
                        on_confirm={delete} on_cancel={cancel_delete} />
                } else {
                    <p>{ "Remove this person and everything about them from this device." }</p>
                    <button type="button" class="button button-danger" onclick={ask_delete}>{ format!("Delete {}", person.preferred_name) }</button>
                }
            </section>
        </div>
    }
}
