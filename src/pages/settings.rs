use yew::prelude::*;

use crate::components::{ErrorBanner, Loading, PageHeading, SaveStatusView, TextField};
use crate::domain::WorkerProfile;
use crate::hooks::{use_autosave, use_db, use_load, use_title, Load};
use crate::storage::settings::{get_worker, save_worker};

/// The link worker's own details, shown on every printed plan.
#[component]
pub fn SettingsPage() -> Html {
    use_title("Settings".to_string());
    let db = use_db();
    let loaded = use_load(db.clone(), |db| async move {
        match db {
            Some(db) => get_worker(&db).await,
            None => Ok(WorkerProfile::default()),
        }
    });
    html! {
        <div class="page page-narrow">
            <PageHeading text="Settings" />
            { match &*loaded {
                Load::Loading => html! { <Loading /> },
                Load::Failed(e) => html! { <ErrorBanner error={Some(e.clone())} /> },
                Load::Ready(w) => html! { <WorkerForm worker={w.clone()} /> },
            } }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct WorkerFormProps {
    worker: WorkerProfile,
}

#[component]
fn WorkerForm(props: &WorkerFormProps) -> Html {
    let db = use_db();
    let worker = use_state(|| props.worker.clone());
    let autosave = {
        let db = db.clone();
        use_autosave(move |w: WorkerProfile| {
            let db = db.clone();
            async move {
                match db {
                    Some(db) => save_worker(&db, &w).await,
                    None => Ok(()),
                }
            }
        })
    };
    let set = |f: fn(&mut WorkerProfile, String)| {
        let (worker, autosave) = (worker.clone(), autosave.clone());
        Callback::from(move |v: String| {
            let mut w = (*worker).clone();
            f(&mut w, v);
            worker.set(w.clone());
            autosave.save(w);
        })
    };
    let onsubmit = {
        let (worker, autosave) = (worker.clone(), autosave.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let w = (*worker).clone();
            autosave.save(w);
        })
    };
    html! {
        <form class="card" {onsubmit}>
            <h2>{ "About you" }</h2>
            <p>{ "These go on every printed plan so people know who to contact. They are kept on this device only." }</p>
            <ErrorBanner error={None} />
            <TextField id="worker-name" label="Your name" value={worker.name.clone()} on_change={set(|w, v| w.name = v)} autocomplete={Some(AttrValue::from("name"))} />
            <TextField id="worker-organisation" label="Organisation" value={worker.organisation.clone()}
                hint={Some(AttrValue::from("For example, the GP practice or charity you work for."))}
                on_change={set(|w, v| w.organisation = v)} autocomplete={Some(AttrValue::from("organization"))} />
            <TextField id="worker-phone" label="Phone" input_type="tel" value={worker.phone.clone()} on_change={set(|w, v| w.phone = v)} autocomplete={Some(AttrValue::from("tel"))} />
            <div class="button-row">
                <button type="submit" class="button">{ "Save" }</button>
                <SaveStatusView status={autosave.status.clone()} />
            </div>
        </form>
    }
}
