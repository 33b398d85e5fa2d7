use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::{checkbox, error_banner, loader, prose, LoadPage, TextArea, TextField};
use crate::domain::validate::{message_for, tidy_person, validate_person_on, FieldError};
use crate::domain::{Person, REFERRAL_SOURCES};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::pages::person_episode::{error_summary, form_ok};
use crate::pages::titled_heading;
use crate::platform::{new_id, now_ms};
use crate::state::Shared;
use crate::storage::people::{get_person, save_person};
use crate::storage::Db;

/// Register a person (`id` is `None`), or edit their details. Only the
/// preferred name is needed.
pub fn person_form(id: Option<AttrValue>) -> Html {
    let id = id.unwrap_or_default();
    loader("person-form", id, Some("Person not found"), load_form)
}

fn load_form(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let is_new = id.is_empty();
        let person = match db {
            Some(db) if !is_new => get_person(&db, &id)
                .await?
                .ok_or(AppError::NotFound { what: "person" })?,
            _ => Person::default(),
        };
        let person = Shared::new(person);
        Ok(html! { <PersonFormBody {person} {is_new} /> })
    })
}

#[derive(Properties, PartialEq)]
struct PersonFormBodyProps {
    person: Shared<Person>,
    is_new: bool,
}

type Setter = fn(&mut Person, String);

#[component]
fn PersonFormBody(props: &PersonFormBodyProps) -> Html {
    let title = if props.is_new {
        "New person".to_string()
    } else {
        format!("Edit {}", props.person.preferred_name)
    };
    let db = use_db();
    let task = use_task();
    let person = use_value(|| (*props.person).clone());
    let errors = use_value(Vec::<FieldError>::new);

    let setter = |f| person.setter(f);
    let note_input = setter(|p, v| p.note = v)
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    // Ticking consent fills in today's date if none is given yet.
    let set_flag = {
        let person = person.clone();
        Callback::from(move |(which, on): (u8, bool)| {
            let mut next = (*person.latest()).clone();
            if which == 0 {
                next.consent_given = on;
                if on && next.consent_date.is_empty() {
                    next.consent_date = crate::platform::today();
                }
            } else {
                next.risk_flag = on;
            }
            person.set(next);
        })
    };

    let onsubmit = {
        let (person, errors, task, is_new) =
            (person.clone(), errors.clone(), task.clone(), props.is_new);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut p = (*person.latest()).clone();
            tidy_person(&mut p);
            if !form_ok(
                &errors,
                "person",
                validate_person_on(&p, &crate::platform::today()),
            ) {
                return;
            }
            let Some(db) = db.clone() else { return };
            task.run(async move {
                let now = now_ms();
                if is_new {
                    p.id = new_id();
                    p.created_at = now;
                }
                p.updated_at = now;
                save_person(&db, &p).await?;
                if is_new {
                    // Personal data is on the device now: ask the browser
                    // not to clear it when space runs low.
                    yew::platform::spawn_local(crate::platform::keep_data_safe());
                }
                Ok(Route::Person { id: p.id })
            });
        })
    };

    let err = |field: &str| message_for(&errors, field).map(str::to_string);
    let field = |id, label, value: &str, set: Setter| TextField::new(id, label, value, setter(set));
    let p = &*person;
    html! {
        <div class="page page-narrow">
            { titled_heading(title) }
            { error_banner(task.failure()) }
            { error_summary("person", &errors, true) }
            <form {onsubmit} novalidate=true>
                { field("person-preferred_name", "Preferred name", &p.preferred_name, |p, v| p.preferred_name = v)
                    .required().hint("The name they like to be called.").error(err("preferred_name")).autocomplete("off").view() }
                { field("person-full_name", "Full name", &p.full_name, |p, v| p.full_name = v).autocomplete("off").view() }
                { field("person-date_of_birth", "Date of birth", &p.date_of_birth, |p, v| p.date_of_birth = v)
                    .kind("date").error(err("date_of_birth")).view() }
                { field("person-pronouns", "Pronouns", &p.pronouns, |p, v| p.pronouns = v)
                    .hint("For example: she/her, he/him, they/them.").view() }
                { field("person-phone", "Phone", &p.phone, |p, v| p.phone = v)
                    .kind("tel").error(err("phone")).autocomplete("off").view() }
                { field("person-email", "Email", &p.email, |p, v| p.email = v)
                    .kind("email").error(err("email")).autocomplete("off").view() }
                <fieldset class="form-group">
                    { prose("<legend>Referral</legend>") }
                    { select_field("person-referral_source", "Who referred them", &REFERRAL_SOURCES, Some("Not known yet"),
                        &p.referral_source, &setter(|p, v| p.referral_source = v)) }
                    { field("person-referral_date", "Date the referral came in", &p.referral_date, |p, v| p.referral_date = v)
                        .kind("date").error(err("referral_date")).view() }
                    { TextArea::new("person-referral_reason".into(), "Reason for the referral", &p.referral_reason,
                        setter(|p, v| p.referral_reason = v)).rows("3").view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Consent</legend>") }
                    { checkbox("person-consent_given".into(), p.consent_given, false,
                        Html::from("They agreed to their information being kept on this device"), &set_flag, (0, !p.consent_given)) }
                    { field("person-consent_date", "Date they agreed", &p.consent_date, |p, v| p.consent_date = v)
                        .kind("date").error(err("consent_date")).view() }
                    { TextArea::new("person-consent_note".into(), "Notes about consent", &p.consent_note,
                        setter(|p, v| p.consent_note = v)).rows("2").view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Safeguarding or risk concern</legend>") }
                    { checkbox("person-risk_flag".into(), p.risk_flag, false,
                        Html::from("There is a safeguarding or risk concern"), &set_flag, (1, !p.risk_flag)) }
                    { TextArea::new("person-risk_note".into(), "What the concern is", &p.risk_note,
                        setter(|p, v| p.risk_note = v)).rows("3")
                        .hint("Shown at the top of their page and marked on the list of people.").view() }
                </fieldset>
                <div class="field">
                    { prose(r#"<label for="person-note">Note<span class="optional"> (optional)</span></label>"#) }
                    <textarea id="person-note" rows="4" value={p.note.clone()} oninput={note_input} />
                </div>
                <div class="button-row">
                    <button type="submit" class="button" disabled={task.running()}>{ if props.is_new { "Save person" } else { "Save changes" } }</button>
                </div>
            </form>
        </div>
    }
}
