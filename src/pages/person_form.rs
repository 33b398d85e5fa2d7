use web_sys::HtmlTextAreaElement;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::{ErrorBanner, Loading, PageHeading, TextField};
use crate::domain::validate::{message_for, tidy_person, validate_person, FieldError};
use crate::domain::Person;
use crate::error::AppError;
use crate::hooks::{use_busy, use_db, use_load, use_title, Load};
use crate::platform::{focus_id, new_id, now_ms};
use crate::storage::people::{get_person, save_person};

#[derive(Properties, PartialEq)]
pub struct PersonFormProps {
    /// Edit this person; `None` registers a new one.
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// Register a person, or edit their details. Only the preferred name is needed.
#[component]
pub fn PersonForm(props: &PersonFormProps) -> Html {
    let db = use_db();
    let loaded = use_load((db.clone(), props.id.clone()), |(db, id)| async move {
        match (db, id) {
            (Some(db), Some(id)) => get_person(&db, &id)
                .await?
                .ok_or(AppError::NotFound { what: "person" }),
            _ => Ok(Person::default()),
        }
    });
    match &*loaded {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => {
            html! { <div class="page"><PageHeading text="Person not found" /><ErrorBanner error={Some(e.clone())} /></div> }
        }
        Load::Ready(p) => {
            html! { <PersonFormBody person={p.clone()} is_new={props.id.is_none()} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct PersonFormBodyProps {
    person: Person,
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
    use_title(title.clone());
    let db = use_db();
    let navigator = use_navigator();
    let person = use_state(|| props.person.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let failure = use_state(|| None::<AppError>);
    let busy = use_busy();

    let setter = |f: Setter| {
        let person = person.clone();
        Callback::from(move |v: String| {
            let mut next = (*person).clone();
            f(&mut next, v);
            person.set(next);
        })
    };
    let note_input = {
        let person = person.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*person).clone();
            next.note = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            person.set(next);
        })
    };

    let onsubmit = {
        let (person, errors, failure, busy, is_new) = (
            person.clone(),
            errors.clone(),
            failure.clone(),
            busy.clone(),
            props.is_new,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut p = (*person).clone();
            tidy_person(&mut p);
            let found = validate_person(&p);
            if let Some(first) = found.first() {
                focus_id(&format!("person-{}", first.field));
                errors.set(found);
                return;
            }
            errors.set(Vec::new());
            let Some(db) = db.clone() else { return };
            if !busy.start() {
                return;
            }
            let (navigator, failure, busy) = (navigator.clone(), failure.clone(), busy.clone());
            spawn_local(async move {
                let now = now_ms();
                if is_new {
                    p.id = new_id();
                    p.created_at = now;
                }
                p.updated_at = now;
                match save_person(&db, &p).await {
                    Ok(()) => {
                        if let Some(n) = navigator {
                            n.push(&Route::Person { id: p.id.clone() });
                        }
                    }
                    Err(err) => {
                        crate::platform::log_error(&err);
                        failure.set(Some(err));
                        busy.done();
                    }
                }
            });
        })
    };

    let err = |field: &str| message_for(&errors, field).map(|m| AttrValue::from(m.to_string()));
    let p = &*person;
    html! {
        <div class="page page-narrow">
            <PageHeading text={title} />
            <ErrorBanner error={(*failure).clone()} />
            if !errors.is_empty() {
                <div class="banner banner-error" role="alert">
                    <h2>{ "Please check the form" }</h2>
                    <ul>
                        { for errors.iter().map(|e| html! {
                            <li><a href={format!("#person-{}", e.field)} onclick={
                                let id = format!("person-{}", e.field);
                                Callback::from(move |ev: MouseEvent| { ev.prevent_default(); focus_id(&id); })
                            }>{ e.message.clone() }</a></li>
                        }) }
                    </ul>
                </div>
            }
            <form {onsubmit} novalidate=true>
                <TextField id="person-preferred_name" label="Preferred name" required=true value={p.preferred_name.clone()}
                    hint={Some(AttrValue::from("The name they like to be called."))}
                    error={err("preferred_name")} on_change={setter(|p, v| p.preferred_name = v)} autocomplete={Some(AttrValue::from("off"))} />
                <TextField id="person-full_name" label="Full name" value={p.full_name.clone()}
                    on_change={setter(|p, v| p.full_name = v)} autocomplete={Some(AttrValue::from("off"))} />
                <TextField id="person-date_of_birth" label="Date of birth" input_type="date" value={p.date_of_birth.clone()}
                    error={err("date_of_birth")} on_change={setter(|p, v| p.date_of_birth = v)} />
                <TextField id="person-pronouns" label="Pronouns" value={p.pronouns.clone()}
                    hint={Some(AttrValue::from("For example: she/her, he/him, they/them."))}
                    on_change={setter(|p, v| p.pronouns = v)} />
                <TextField id="person-phone" label="Phone" input_type="tel" value={p.phone.clone()}
                    error={err("phone")} on_change={setter(|p, v| p.phone = v)} autocomplete={Some(AttrValue::from("off"))} />
                <TextField id="person-email" label="Email" input_type="email" value={p.email.clone()}
                    error={err("email")} on_change={setter(|p, v| p.email = v)} autocomplete={Some(AttrValue::from("off"))} />
                <TextField id="person-referral_source" label="Referred by" value={p.referral_source.clone()}
                    hint={Some(AttrValue::from("For example: GP, practice nurse, self-referral, community group."))}
                    on_change={setter(|p, v| p.referral_source = v)} />
                <div class="field">
                    <label for="person-note">{ "Note" }<span class="optional">{ " (optional)" }</span></label>
                    <textarea id="person-note" rows="4" value={p.note.clone()} oninput={note_input} />
                </div>
                <div class="button-row">
                    <button type="submit" class="button" disabled={busy.now}>{ if props.is_new { "Save person" } else { "Save changes" } }</button>
                </div>
            </form>
        </div>
    }
}
