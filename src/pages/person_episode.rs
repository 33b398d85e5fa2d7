//! The person page's episode parts that hold their own state: the contact
//! log, and the form that closes an episode.

use yew::prelude::*;

use crate::components::field::select_field;
use crate::components::{
    action, error_banner, focus_on_click, prose, Confirm, Look, TextArea, TextField,
};
use crate::domain::order::newest_contacts_first;
use crate::domain::validate::{message_for, validate_closure, validate_contact, FieldError};
use crate::domain::{dates, Closure, Contact, ContactKind, Outcome};
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{focus_id, new_id, now_ms, today};
use crate::state::Shared;
use crate::storage::contacts::{delete_contact, save_contact};

/// "Please check the form" with a link to each field in error. `page_level`
/// makes its heading an `h2` (a form that is the page), otherwise an `h3`
/// (a form inside a card).
pub(crate) fn error_summary(prefix: &'static str, errors: &[FieldError], page_level: bool) -> Html {
    if errors.is_empty() {
        return Html::default();
    }
    html! {
        <div class="banner banner-error" role="alert">
            { if page_level { prose("<h2>Please check the form</h2>") } else { prose("<h3>Please check the form</h3>") } }
            <ul>
                { for errors.iter().map(|e| {
                    let id = format!("{prefix}-{}", e.field);
                    html! { <li><a href={format!("#{id}")} onclick={focus_on_click(id.clone())}>{ e.message.clone() }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// Shows `found` (or clears the errors) and, if there are any, moves focus
/// to the first field in error. True when the form can be saved.
pub(crate) fn form_ok(
    errors: &crate::hooks::Value<Vec<FieldError>>,
    prefix: &str,
    found: Vec<FieldError>,
) -> bool {
    if let Some(first) = found.first() {
        focus_id(&format!("{prefix}-{}", first.field));
    }
    let ok = found.is_empty();
    errors.set(found);
    ok
}

fn kind_by_label(label: &str) -> ContactKind {
    ContactKind::ALL
        .into_iter()
        .find(|k| k.label() == label)
        .unwrap_or_default()
}

const KIND_LABELS: [&str; 5] = [
    ContactKind::ALL[0].label(),
    ContactKind::ALL[1].label(),
    ContactKind::ALL[2].label(),
    ContactKind::ALL[3].label(),
    ContactKind::ALL[4].label(),
];

#[derive(Properties, PartialEq)]
pub struct ContactLogProps {
    pub person_id: AttrValue,
    pub contacts: Shared<Vec<Contact>>,
}

/// Add a contact (date, how, a short note) and see the log, newest first.
#[component]
pub fn ContactLog(props: &ContactLogProps) -> Html {
    let db = use_db();
    let task = use_task();
    let list = use_value(|| (*props.contacts).clone());
    let fresh = || Contact {
        date: today(),
        ..Contact::default()
    };
    let draft = use_value(fresh);
    let errors = use_value(Vec::<FieldError>::new);
    let added = use_value(String::new);
    // The contact being asked about ("Remove this contact?"), if any.
    let removing = use_value(|| None::<String>);
    let ask_remove = {
        let removing = removing.clone();
        Callback::from(move |id: Option<String>| {
            let closing = id.is_none();
            removing.set(id);
            if closing {
                focus_id("contacts-heading");
            }
        })
    };
    let remove = {
        let (db, task, list, added, removing) = (
            db.clone(),
            task.clone(),
            list.clone(),
            added.clone(),
            removing.clone(),
        );
        Callback::from(move |()| {
            let (Some(db), Some(id)) = (db.clone(), (*removing.latest()).clone()) else {
                return;
            };
            let (list, added, removing) = (list.clone(), added.clone(), removing.clone());
            task.run_here(async move {
                delete_contact(&db, &id).await?;
                let mut next = (*list.latest()).clone();
                next.retain(|c| c.id != id);
                list.set(next);
                removing.set(None);
                added.set("Contact removed from the log.".into());
                focus_id("contacts-heading");
                Ok(())
            });
        })
    };

    let set = |f| draft.setter(f);
    let onsubmit = {
        let (draft, errors, list, added, task) = (
            draft.clone(),
            errors.clone(),
            list.clone(),
            added.clone(),
            task.clone(),
        );
        let person_id = props.person_id.to_string();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut c = (*draft.latest()).clone();
            c.note = c.note.trim().to_string();
            if !form_ok(&errors, "contact", validate_contact(&c, &today())) {
                return;
            }
            let Some(db) = db.clone() else { return };
            c.id = new_id();
            c.person_id = person_id.clone();
            c.created_at = now_ms();
            let (draft, list, added) = (draft.clone(), list.clone(), added.clone());
            task.run_here(async move {
                save_contact(&db, &c).await?;
                let mut next = (*list.latest()).clone();
                let when = dates::show(&c.date, "");
                next.push(c);
                newest_contacts_first(&mut next);
                list.set(next);
                draft.set(fresh());
                added.set(format!("Contact on {when} added to the log."));
                Ok(())
            });
        })
    };
    let err = |field: &str| message_for(&errors, field).map(str::to_string);
    let c = &*draft;
    html! {
        <section class="card" aria-labelledby="contacts-heading">
            <h2 id="contacts-heading" tabindex="-1">{ "Contacts" }</h2>
            { error_banner(task.failure()) }
            { error_summary("contact", &errors, false) }
            <form class="contact-form" onsubmit={onsubmit} novalidate=true>
                <div class="form-row">
                    { TextField::new("contact-date", "Date", &c.date, set(|c, v| c.date = v))
                        .kind("date").required().error(err("date")).view() }
                    { select_field("contact-kind", "How", &KIND_LABELS, None, c.kind.label(),
                        &set(|c, v| c.kind = kind_by_label(&v))) }
                </div>
                { TextArea::new("contact-note".into(), "Short note", &c.note, set(|c, v| c.note = v)).error(err("note"))
                    .rows("3").view() }
                <button type="submit" class="button button-secondary" disabled={task.running()}>{ "Add to the log" }</button>
            </form>
            <p class="hint" role="status" aria-live="polite">{ (*added).clone() }</p>
            if list.is_empty() {
                { prose("<p>No contacts logged yet.</p>") }
            } else {
                <ol class="contact-log" aria-label="Contacts, newest first">
                    { for list.iter().map(|c| {
                        let when = dates::show(&c.date, "Undated");
                        html! {
                            <li key={c.id.clone()}>
                                <p class="contact-when"><strong>{ when.clone() }</strong>{ format!(": {}", c.kind.label()) }</p>
                                if !c.note.is_empty() { <p class="contact-note">{ c.note.clone() }</p> }
                                if removing.as_ref() == Some(&c.id) {
                                    { Confirm {
                                        id: format!("remove-contact-{}", c.id),
                                        title: format!("Remove the contact on {when}?"),
                                        message: "It will be taken out of the log. This cannot be undone.".into(),
                                        confirm_label: "Yes, remove it".into(),
                                        on_confirm: remove.clone(),
                                        on_cancel: ask_remove.reform(|()| None),
                                    }.view() }
                                } else {
                                    { action(Look::Secondary, "Remove", Some(format!("Remove the contact on {when}")), &ask_remove, Some(c.id.clone())) }
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CloseFormProps {
    pub on_close: Callback<Closure>,
    pub busy: bool,
}

const OUTCOME_LABELS: [&str; 5] = [
    Outcome::ALL[0].label(),
    Outcome::ALL[1].label(),
    Outcome::ALL[2].label(),
    Outcome::ALL[3].label(),
    Outcome::ALL[4].label(),
];

/// Close the episode with an outcome and a date.
#[component]
pub fn CloseForm(props: &CloseFormProps) -> Html {
    let draft = use_value(|| Closure {
        date: today(),
        outcome: Outcome::GoalsMet,
        ..Closure::default()
    });
    let errors = use_value(Vec::<FieldError>::new);
    let set = |f| draft.setter(f);
    let onsubmit = {
        let (draft, errors, on_close) = (draft.clone(), errors.clone(), props.on_close.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut c = (*draft.latest()).clone();
            c.note = c.note.trim().to_string();
            if form_ok(&errors, "close", validate_closure(&c, &today())) {
                on_close.emit(c);
            }
        })
    };
    let err = |field: &str| message_for(&errors, field).map(str::to_string);
    let c = &*draft;
    html! {
        <section class="card" aria-labelledby="close-heading">
            <h2 id="close-heading" tabindex="-1">{ "Close this episode" }</h2>
            { prose("<p>When your work together ends. Nothing is deleted, and you can reopen it later.</p>") }
            { error_summary("close", &errors, false) }
            <form onsubmit={onsubmit} novalidate=true>
                <div class="form-row">
                    { select_field("close-outcome", "Outcome", &OUTCOME_LABELS, None, c.outcome.label(),
                        &set(|c, v| c.outcome = Outcome::ALL.into_iter().find(|o| o.label() == v).unwrap_or_default())) }
                    { TextField::new("close-date", "Date closed", &c.date, set(|c, v| c.date = v))
                        .kind("date").required().error(err("date")).view() }
                </div>
                { TextArea::new("close-note".into(), "Note", &c.note, set(|c, v| c.note = v)).rows("2").error(err("note")).view() }
                <button type="submit" class="button button-secondary" disabled={props.busy}>{ "Close the episode" }</button>
            </form>
        </section>
    }
}
