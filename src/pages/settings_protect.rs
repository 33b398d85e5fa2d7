//! Settings, "Protect this device's data": setting a passphrase (which
//! seals every personal record), and once set, how soon Linkwheel locks,
//! "Lock now" and changing the passphrase. The set-up form is also the
//! screen shown first when a passphrase is required (`setup_screen`).

use yew::prelude::*;

use crate::components::field::select_field;
use crate::components::{error_banner, loading, prose, Heading, TextField};
use crate::domain::lock::{
    idle_minutes as minutes_of, idle_words, passphrase_problem, DEFAULT_IDLE_MINUTES, IDLE_CHOICES,
};
use crate::hooks::{use_db, use_load, use_task, use_value, Load};
use crate::platform::{focus_id, lock_now};
use crate::storage::keyring::{change_passphrase, idle_minutes, protect, set_idle_minutes};

const LOCK_AFTER: &str = "Lock after this long without use";

/// The screen before anything else when the build requires a passphrase
/// (`LINKWHEEL_REQUIRE_PASSPHRASE=1`; `main.rs` hands it to
/// `app::require_passphrase`).
pub fn setup_screen() -> Html {
    html! {
        <main id="main" class="lock-screen" tabindex="-1">
            <div class="card lock-panel">
                <Heading text="Protect this device's data" title="Protect this device's data" />
                { prose("<p><strong>Choose a passphrase before Linkwheel is used on this device.</strong></p>") }
                <SetUp in_settings=false on_done={Callback::noop()} />
            </div>
        </main>
    }
}

/// The Settings card.
#[component]
pub fn Protection() -> Html {
    let idle = use_load(AttrValue::default(), |db, _| async move {
        match db {
            Some(db) => idle_minutes(&db).await,
            None => Ok(None),
        }
    });
    // Set here since the card loaded: shown at once.
    let set_now = use_value(|| None::<u32>);
    let on_done = {
        let set_now = set_now.clone();
        Callback::from(move |minutes: u32| set_now.set(Some(minutes)))
    };
    let body = match (*set_now, &*idle) {
        (Some(minutes), _) | (None, &Load::Ready(Some(minutes))) => {
            html! { <Protected {minutes} /> }
        }
        (None, Load::Ready(None)) => html! { <SetUp in_settings=true {on_done} /> },
        (None, Load::Loading) => loading(),
        (None, Load::Failed(e)) => error_banner(Some(e)),
    };
    html! {
        <section class="card" aria-labelledby="protect-heading">
            <h2 id="protect-heading">{ "Protect this device's data" }</h2>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SetUpProps {
    /// On the Settings page, next to "Back up everything".
    in_settings: bool,
    /// Told the idle minutes once the data is protected.
    on_done: Callback<u32>,
}

/// The set-up form: a passphrase typed twice and the idle time, with the
/// warning that a forgotten passphrase means the data cannot be recovered.
#[component]
fn SetUp(props: &SetUpProps) -> Html {
    let db = use_db();
    let task = use_task();
    let new = use_value(String::new);
    let again = use_value(String::new);
    let idle = use_value(|| idle_words(DEFAULT_IDLE_MINUTES).to_string());
    let error = use_value(|| None::<(&'static str, String)>);
    let onsubmit = {
        let (new, again, idle, error, task) = (
            new.clone(),
            again.clone(),
            idle.clone(),
            error.clone(),
            task.clone(),
        );
        let on_done = props.on_done.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (p, a) = (new.latest(), again.latest());
            let problem = passphrase_problem(&p, &a);
            if let Some((field, _)) = &problem {
                focus_id(if *field == "new" {
                    "protect-new"
                } else {
                    "protect-again"
                });
                error.set(problem);
                return;
            }
            error.set(None);
            let Some(db) = db.clone() else { return };
            let minutes = minutes_of(&idle.latest()).unwrap_or(DEFAULT_IDLE_MINUTES);
            let (p, on_done) = ((*p).clone(), on_done.clone());
            task.run_here(async move {
                protect(&db, &p, minutes).await?;
                on_done.emit(minutes);
                Ok(())
            });
        })
    };
    let err = |field: &str| {
        error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };
    let backup = if props.in_settings {
        html! {
            <p>
                { "Make a backup first: " }
                <a href="#backup-heading" onclick={crate::components::focus_on_click("backup-passphrase".into())}>
                    { "Back up everything" }
                </a>
                { " (below) keeps a copy, with a passphrase of its own, that you can restore if this one is lost." }
            </p>
        }
    } else {
        prose(concat!(
            r##"<p>If this device already holds records, make a backup first in <a href="#/settings">Settings</a>: "##,
            "it keeps a copy, with a passphrase of its own, that you can restore if this one is lost.</p>"
        ))
    };
    let on_idle = idle.setter(|i, v| *i = v);
    html! {
        <>
            { prose(concat!(
                "<p>With a passphrase, the names, notes, answers and scores on this device are kept encrypted, ",
                "and Linkwheel locks itself when it has not been used for a while. ",
                "Type the passphrase to unlock it.</p>",
                r#"<div class="banner banner-warning"><p><strong>If the passphrase is forgotten, the data on this device cannot be recovered.</strong> "#,
                "Nobody can unlock it without the passphrase, not even whoever looks after this device. ",
                "Write it down and keep it somewhere safe, apart from the device.</p></div>")) }
            { backup }
            { error_banner(task.failure()) }
            <form {onsubmit} novalidate=true>
                { TextField::new("protect-new", "New passphrase for this device", &new, new.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required()
                    .hint("At least 10 characters. A few words you will remember is best.").error(err("new")).view() }
                { TextField::new("protect-again", "Type the new passphrase again", &again, again.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required().error(err("again")).view() }
                { select_field("protect-idle", LOCK_AFTER, &IDLE_CHOICES, None, &idle, &on_idle) }
                <div class="button-row">
                    <button type="submit" class="button" disabled={task.running()}>{ "Protect with this passphrase" }</button>
                    <p class="hint" role="status" aria-live="polite">
                        { if task.running() { "Protecting the data on this device. This takes a few seconds…" } else { "" } }
                    </p>
                </div>
            </form>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ProtectedProps {
    minutes: u32,
}

/// Once protected: how soon Linkwheel locks, "Lock now", and changing the
/// passphrase.
#[component]
fn Protected(props: &ProtectedProps) -> Html {
    let db = use_db();
    let task = use_task();
    let idle = use_value(|| idle_words(props.minutes).to_string());
    let idle_said = use_value(String::new);
    let current = use_value(String::new);
    let new = use_value(String::new);
    let again = use_value(String::new);
    let error = use_value(|| None::<(&'static str, String)>);
    let done = use_value(String::new);
    let on_idle = {
        let (db, idle, idle_said, task) =
            (db.clone(), idle.clone(), idle_said.clone(), task.clone());
        Callback::from(move |words: String| {
            let Some(minutes) = minutes_of(&words) else {
                return;
            };
            idle.set(words.clone());
            let Some(db) = db.clone() else { return };
            let idle_said = idle_said.clone();
            task.run_here(async move {
                set_idle_minutes(&db, minutes).await?;
                idle_said.set(format!("Linkwheel now locks after {words} without use."));
                Ok(())
            });
        })
    };
    let onsubmit = {
        let (current, new, again, error, done, task) = (
            current.clone(),
            new.clone(),
            again.clone(),
            error.clone(),
            done.clone(),
            task.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (c, p, a) = (current.latest(), new.latest(), again.latest());
            let problem = if c.is_empty() {
                Some(("current", "Type the passphrase you use now.".to_string()))
            } else {
                passphrase_problem(&p, &a)
            };
            if let Some((field, _)) = &problem {
                focus_id(match *field {
                    "current" => "protect-current",
                    "new" => "protect-new",
                    _ => "protect-again",
                });
                error.set(problem);
                return;
            }
            error.set(None);
            done.set(String::new());
            let Some(db) = db.clone() else { return };
            let (current, new, again, error, done) = (
                current.clone(),
                new.clone(),
                again.clone(),
                error.clone(),
                done.clone(),
            );
            let (c, p) = ((*c).clone(), (*p).clone());
            task.run_here(async move {
                if change_passphrase(&db, &c, &p).await? {
                    for field in [&current, &new, &again] {
                        field.set(String::new());
                    }
                    done.set(
                        "The passphrase has been changed. Use the new one from now on.".into(),
                    );
                } else {
                    error.set(Some((
                        "current",
                        "That is not the passphrase you use now. Nothing has changed.".into(),
                    )));
                    focus_id("protect-current");
                }
                Ok(())
            });
        })
    };
    let err = |field: &str| {
        error
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
    };
    html! {
        <>
            { prose(concat!(
                "<p>The data on this device is protected with a passphrase: names, notes, answers and scores are kept encrypted. ",
                "Dates and record numbers are not, nor are the directory and templates, which hold no personal data.</p>",
                "<p><strong>If the passphrase is forgotten, the data on this device cannot be recovered.</strong></p>")) }
            { error_banner(task.failure()) }
            { select_field("protect-idle", LOCK_AFTER, &IDLE_CHOICES, None, &idle, &on_idle) }
            <p class="hint" role="status" aria-live="polite">{ (*idle_said).clone() }</p>
            <div class="button-row">
                <button type="button" class="button button-secondary" onclick={Callback::from(|_: MouseEvent| lock_now())}>{ "Lock now" }</button>
            </div>
            <h3 class="section-gap">{ "Change the passphrase" }</h3>
            <form {onsubmit} novalidate=true>
                { TextField::new("protect-current", "Passphrase you use now", &current, current.setter(|p, v| *p = v))
                    .kind("password").autocomplete("current-password").required().error(err("current")).view() }
                { TextField::new("protect-new", "New passphrase for this device", &new, new.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required()
                    .hint("At least 10 characters.").error(err("new")).view() }
                { TextField::new("protect-again", "Type the new passphrase again", &again, again.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required().error(err("again")).view() }
                <div class="button-row">
                    <button type="submit" class="button" disabled={task.running()}>{ "Change the passphrase" }</button>
                </div>
            </form>
            <p class="hint" role="status" aria-live="polite">{ (*done).clone() }</p>
        </>
    }
}
