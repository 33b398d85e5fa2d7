//! Settings about the device itself: how safe the browser keeps Linkwheel's
//! data and how much space it uses, and deleting everything.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::{error_banner, prose, TextField};
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{ask_to_persist, focus_id, reload_at, storage_estimate, storage_persisted};

/// What the browser says: kept safe from clearing, and (used, available).
type DeviceInfo = (Option<bool>, Option<(f64, f64)>);

async fn device_info() -> DeviceInfo {
    (storage_persisted().await, storage_estimate().await)
}

/// "about 12 MB", in whole units: no float formatting code needed.
fn amount(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    let (unit, size) = if bytes >= 1_000_000_000 {
        ("GB", 1_000_000_000)
    } else {
        ("MB", 1_000_000)
    };
    if bytes < size {
        return "less than 1 MB".to_string();
    }
    format!("about {} {unit}", (bytes + size / 2) / size)
}

/// Whether the browser keeps the data safe from clearing, how much space
/// it uses, and a way to ask it to keep the data.
#[component]
pub fn DeviceStorage() -> Html {
    let info = use_value(|| None::<DeviceInfo>);
    let message = use_value(String::new);
    {
        let info = info.clone();
        use_effect_with((), move |_| {
            spawn_local(async move { info.set(Some(device_info().await)) });
        });
    }
    let ask = {
        let (info, message) = (info.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let (info, message) = (info.clone(), message.clone());
            spawn_local(async move {
                let kept = ask_to_persist().await;
                message.set(match kept {
                    Some(true) => "The browser has agreed to keep Linkwheel's data.".into(),
                    _ => "The browser did not agree this time. It may agree later, for example once Linkwheel is installed or used more often.".into(),
                });
                info.set(Some(device_info().await));
            });
        })
    };
    let body = match &*info {
        None => prose(r#"<p role="status">Checking…</p>"#),
        Some((kept, space)) => {
            let kept_text = match kept {
                Some(true) => "Yes: the browser will not clear it to free up space.",
                Some(false) => {
                    "Not yet: the browser may clear it if the device runs short of space."
                }
                None => "This browser does not say.",
            };
            let space_text = match space {
                Some((used, quota)) => format!(
                    "{} used, of {} this browser allows.",
                    amount(*used),
                    amount(*quota)
                ),
                None => "This browser does not say.".to_string(),
            };
            html! {
                <>
                    <dl class="details">
                        <dt>{ "Kept safe from clearing" }</dt><dd data-testid="persisted">{ kept_text }</dd>
                        <dt>{ "Space" }</dt><dd data-testid="space">{ space_text }</dd>
                    </dl>
                    if *kept == Some(false) {
                        <div class="button-row">
                            <button type="button" class="button button-secondary" onclick={ask}>{ "Ask the browser to keep it" }</button>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="device-heading">
            <h2 id="device-heading">{ "Storage on this device" }</h2>
            { prose(concat!(
                "<p>Everything Linkwheel keeps is in this browser on this device, and nowhere else. ",
                "<strong>Clearing this browser's data for this site deletes it</strong>, and there is no other copy.</p>")) }
            { body }
            <p class="hint" role="status" aria-live="polite">{ (*message).clone() }</p>
        </section>
    }
}

const WORD: &str = "DELETE";

/// Deletes the whole database after the person types the word, then starts
/// afresh.
#[component]
pub fn DeleteEverything() -> Html {
    let db = use_db();
    let task = use_task();
    let typed = use_value(String::new);
    let error = use_value(|| None::<String>);
    let failed = use_value(|| false);
    let on_type = {
        let typed = typed.clone();
        Callback::from(move |v: String| typed.set(v))
    };
    let onsubmit = {
        let (typed, error, task, failed) =
            (typed.clone(), error.clone(), task.clone(), failed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if typed.latest().trim() != WORD {
                error.set(Some(format!(
                    "To delete everything, type {WORD} in capital letters. Nothing has been deleted."
                )));
                focus_id("delete-all-word");
                return;
            }
            error.set(None);
            let Some(db) = db.clone() else { return };
            let failed = failed.clone();
            task.run_here(async move {
                match db.delete_everything().await {
                    Ok(()) => reload_at("#/"),
                    Err(e) => {
                        // This tab's connection is closed by now: say to reload.
                        crate::platform::log_error(&e);
                        failed.set(true);
                    }
                }
                Ok(())
            });
        })
    };
    html! {
        <section class="card card-danger" aria-labelledby="delete-all-heading">
            <h2 id="delete-all-heading">{ "Delete all data on this device" }</h2>
            { prose(concat!(
                "<p>This deletes every person, assessment, plan, contact, directory entry, imported template and setting that ",
                "Linkwheel keeps in this browser. It cannot be undone. Plans already printed are not affected.</p>")) }
            { error_banner(task.failure()) }
            if *failed {
                { prose(concat!(r#"<div class="banner banner-error" role="alert"><p>Linkwheel could not delete the data. "#,
                    "Close any other Linkwheel tabs or windows, reload this page and try again.</p></div>")) }
            }
            <form {onsubmit} novalidate=true>
                { TextField::new("delete-all-word", "Type DELETE to confirm", &typed, on_type)
                    .required().autocomplete("off").error((*error).clone()).view() }
                <button type="submit" class="button button-danger" disabled={task.running()}>{ "Delete everything" }</button>
            </form>
        </section>
    }
}
