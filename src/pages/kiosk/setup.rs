//! Settings, "Kiosk mode": turn it on with a PIN and a template, and the
//! number of check-ins completed each day.

use yew::prelude::*;

use super::new_pin;
use crate::components::field::select_field;
use crate::components::{error_banner, loader, prose, LoadPage, TextField};
use crate::domain::builtin_templates::builtin_templates;
use crate::domain::dates;
use crate::domain::kiosk::{last_days, pin_problem, KioskSettings, IDLE_CHOICES, PIN_ITERATIONS};
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{focus_id, reload_at, today};
use crate::state::Shared;
use crate::storage::settings::{get_kiosk, kiosk_counts, save_kiosk};
use crate::storage::Db;

/// Days of counts shown.
const SHOWN_DAYS: i64 = 14;

/// The "Kiosk mode" section of Settings.
pub fn kiosk_settings_section() -> Html {
    loader("kiosk-setup", AttrValue::default(), None, load_setup)
}

fn load_setup(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let (kiosk, counts) = match db {
            Some(db) => (get_kiosk(&db).await?, kiosk_counts(&db).await?),
            None => Default::default(),
        };
        let days = last_days(&counts, &today(), SHOWN_DAYS);
        Ok(html! { <KioskSetup kiosk={Shared::new(kiosk)} days={Shared::new(days)} /> })
    })
}

#[derive(Properties, PartialEq)]
struct KioskSetupProps {
    kiosk: Shared<KioskSettings>,
    /// (`YYYY-MM-DD`, check-ins), newest first.
    days: Shared<Vec<(String, u32)>>,
}

/// What the form holds: template title, minutes label, PIN, PIN again.
#[derive(Clone, Default)]
struct Form {
    template: String,
    minutes: String,
    pin: String,
    again: String,
}

fn minutes_label(m: u32) -> String {
    format!("{m} minutes")
}

#[component]
fn KioskSetup(props: &KioskSetupProps) -> Html {
    let db = use_db();
    let task = use_task();
    let templates = builtin_templates();
    let titles: Vec<String> = templates.iter().map(|t| t.title.clone()).collect();
    let minutes: Vec<String> = IDLE_CHOICES.iter().map(|&m| minutes_label(m)).collect();
    let form = use_value(|| Form {
        template: templates
            .iter()
            .find(|t| t.id == props.kiosk.template_id)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        minutes: minutes_label(props.kiosk.idle_minutes),
        ..Form::default()
    });
    let error = use_value(|| None::<(&'static str, &'static str)>);
    let onsubmit = {
        let (form, error, task) = (form.clone(), error.clone(), task.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let f = (*form.latest()).clone();
            let problem = pin_problem(&f.pin, &f.again);
            error.set(problem);
            if let Some((field, _)) = problem {
                focus_id(field);
                return;
            }
            let Some(db) = db.clone() else { return };
            let template_id = builtin_templates()
                .into_iter()
                .find(|t| t.title == f.template)
                .map(|t| t.id)
                .unwrap_or_else(|| KioskSettings::default().template_id);
            let idle_minutes = IDLE_CHOICES
                .into_iter()
                .find(|&m| minutes_label(m) == f.minutes)
                .unwrap_or(KioskSettings::default().idle_minutes);
            task.run_here(async move {
                let (pin_hash, salt) = new_pin(&f.pin).await?;
                let kiosk = KioskSettings {
                    enabled: true,
                    pin_hash,
                    salt,
                    iterations: PIN_ITERATIONS,
                    template_id,
                    idle_minutes,
                    ..KioskSettings::default()
                };
                save_kiosk(&db, &kiosk).await?;
                reload_at("#/kiosk");
                Ok(())
            });
        })
    };
    let err = |field: &str| {
        error
            .filter(|(f, _)| *f == field)
            .map(|(_, m)| m.to_string())
    };
    let total: u32 = props.days.iter().map(|(_, n)| n).sum();
    html! {
        <section class="card" aria-labelledby="kiosk-heading">
            <h2 id="kiosk-heading">{ "Kiosk mode" }</h2>
            { prose(concat!(
                "<p>For a tablet in a library, café or community centre: members of the public check in with themselves ",
                "(a short wheel of life, what matters, first steps and local activities from the directory) and can print it. ",
                "Nothing they put in is kept. While kiosk mode is on, nothing else of Linkwheel can be reached without the PIN.</p>",
                "<p><strong>Kiosk mode hides the rest of Linkwheel; it does not lock it away.</strong> ",
                "Use a device kept for the kiosk where you can. If the PIN is forgotten, there is no way back from the kiosk: ",
                "the browser's data for Linkwheel would have to be cleared, which deletes everything on this device. Back up first.</p>")) }
            { error_banner(task.failure()) }
            <form {onsubmit} novalidate=true>
                { select_field("kiosk-template", "Check-in to offer", &titles, None, &form.template, &form.setter(|f, v| f.template = v)) }
                { select_field("kiosk-idle", "Clear a check-in after no touch for", &minutes, None, &form.minutes, &form.setter(|f, v| f.minutes = v)) }
                { TextField::new("kiosk-pin", "Choose a kiosk PIN", &form.pin, form.setter(|f, v| f.pin = v))
                    .kind("password").autocomplete("off").required()
                    .hint("4 to 8 digits. Staff need it to leave kiosk mode.").error(err("kiosk-pin")).view() }
                { TextField::new("kiosk-pin-again", "Type the PIN again", &form.again, form.setter(|f, v| f.again = v))
                    .kind("password").autocomplete("off").required().error(err("kiosk-pin-again")).view() }
                <button type="submit" class="button" disabled={task.running()}>{ "Turn on kiosk mode" }</button>
            </form>
            <table class="kiosk-counts">
                <caption>{ "Check-ins completed in the last 14 days" }</caption>
                <thead><tr><th scope="col">{ "Day" }</th><th scope="col">{ "Check-ins" }</th></tr></thead>
                <tbody>
                    { for props.days.iter().map(|(day, n)| html! {
                        <tr><th scope="row">{ dates::show(day, "") }</th><td>{ *n }</td></tr>
                    }) }
                </tbody>
            </table>
            <p class="hint">{ format!("{total} in all. Only these numbers are kept: nothing anyone put in.") }</p>
        </section>
    }
}
