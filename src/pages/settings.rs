use yew::prelude::*;

use crate::components::{loader, prose, save_status, Heading, LoadPage, TextField};
use crate::domain::WorkerProfile;
use crate::hooks::{use_autosave, use_value, SaveFuture};
use crate::pages::settings_backup::{BackUp, Restore};
use crate::pages::settings_device::{DeleteEverything, DeviceStorage};
use crate::pages::settings_protect::Protection;
use crate::state::Shared;
use crate::storage::settings::{get_worker, save_worker};
use crate::storage::Db;

/// The link worker's own details, shown on every printed plan.
pub fn settings_page() -> Html {
    html! {
        <div class="page page-narrow">
            <Heading text="Settings" title="Settings" />
            { loader("settings", AttrValue::default(), None, load_worker_form) }
            <Protection />
            <BackUp />
            <Restore />
            <DeviceStorage />
            { crate::pages::kiosk::kiosk_settings_section() }
            <DeleteEverything />
        </div>
    }
}

fn load_worker_form(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let worker = match db {
            Some(db) => get_worker(&db).await?,
            None => WorkerProfile::default(),
        };
        let worker = Shared::new(worker);
        Ok(html! { <WorkerForm {worker} /> })
    })
}

fn save_worker_now(db: Db, worker: WorkerProfile) -> SaveFuture {
    Box::pin(async move { save_worker(&db, &worker).await })
}

#[derive(Properties, PartialEq)]
struct WorkerFormProps {
    worker: Shared<WorkerProfile>,
}

#[component]
fn WorkerForm(props: &WorkerFormProps) -> Html {
    let worker = use_value(|| (*props.worker).clone());
    let autosave = use_autosave(save_worker_now);
    let set = |f: fn(&mut WorkerProfile, String)| {
        let (worker, autosave) = (worker.clone(), autosave.clone());
        Callback::from(move |v: String| {
            let mut w = (*worker.latest()).clone();
            f(&mut w, v);
            worker.set(w.clone());
            autosave.save(w);
        })
    };
    let onsubmit = {
        let (worker, autosave) = (worker.clone(), autosave.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            autosave.save((*worker.latest()).clone());
        })
    };
    html! {
        <form class="card" {onsubmit}>
            { prose("<h2>About you</h2><p>These go on every printed plan so people know who to contact. They are kept on this device only.</p>") }
            { TextField::new("worker-name", "Your name", &worker.name, set(|w, v| w.name = v)).autocomplete("name").view() }
            { TextField::new("worker-organisation", "Organisation", &worker.organisation, set(|w, v| w.organisation = v))
                .hint("For example, the GP practice or charity you work for.").autocomplete("organization").view() }
            { TextField::new("worker-phone", "Phone", &worker.phone, set(|w, v| w.phone = v)).kind("tel").autocomplete("tel").view() }
            <div class="button-row">
                <button type="submit" class="button">{ "Save" }</button>
                { save_status(autosave.status()) }
            </div>
        </form>
    }
}
