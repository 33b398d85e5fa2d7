//! Settings, "Back up and restore": one encrypted file with everything on
//! the device, and putting such a file back (replacing or merging).

use yew::prelude::*;

use crate::components::{action, error_banner, prose, Confirm, Look, TextField};
use crate::domain::backup::MIN_PASSPHRASE;
use crate::domain::dates;
use crate::hooks::{use_db, use_load, use_task, use_value, Load};
use crate::platform::{download, focus_id, now_ms, read_chosen_file, today};
use crate::storage::backup::{make_backup, open_backup, restore, Backup, OpenError, RestoreMode};
use crate::storage::settings::{last_backup, set_last_backup};

const FILE_ID: &str = "restore-file";

/// "21 November 2026", from milliseconds since 1970.
pub fn day_of(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    let iso = format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    dates::show(&iso, "")
}

/// Makes and downloads a backup file with a passphrase typed twice.
#[component]
pub fn BackUp() -> Html {
    let db = use_db();
    let task = use_task();
    let passphrase = use_value(String::new);
    let again = use_value(String::new);
    let error = use_value(|| None::<(&'static str, String)>);
    let done = use_value(String::new);
    let made = use_value(|| None::<f64>);
    let last = use_load(AttrValue::default(), |db, _| async move {
        match db {
            Some(db) => last_backup(&db).await,
            None => Ok(None),
        }
    });
    let onsubmit = {
        let (passphrase, again, error, done, made, task) = (
            passphrase.clone(),
            again.clone(),
            error.clone(),
            done.clone(),
            made.clone(),
            task.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (p, a) = (passphrase.latest(), again.latest());
            let problem = if p.chars().count() < MIN_PASSPHRASE {
                Some((
                    "backup-passphrase",
                    format!("Choose a passphrase of at least {MIN_PASSPHRASE} characters."),
                ))
            } else if *p != *a {
                Some((
                    "backup-again",
                    "The two passphrases are not the same. Type it again.".to_string(),
                ))
            } else {
                None
            };
            if let Some((field, _)) = &problem {
                focus_id(field);
                error.set(problem);
                return;
            }
            error.set(None);
            let Some(db) = db.clone() else { return };
            let (p, done, made) = ((*p).clone(), done.clone(), made.clone());
            done.set("Making the backup. This takes a few seconds…".into());
            task.run_here(async move {
                let now = now_ms();
                let text = make_backup(&db, &p, now).await?;
                download(
                    &format!("linkwheel-backup-{}.json", today()),
                    &text,
                    "application/json",
                )
                .map_err(|cause| crate::error::AppError::storage("download the backup", cause))?;
                set_last_backup(&db, now).await?;
                made.set(Some(now));
                done.set(format!(
                    "Backup made on {}. Keep the file and the passphrase in different safe places.",
                    day_of(now)
                ));
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
    let last_text = match (*made, &*last) {
        (Some(ms), _) | (None, &Load::Ready(Some(ms))) => {
            format!("Last backup on this device: {}.", day_of(ms))
        }
        (None, Load::Ready(None)) => "No backup has been made on this device yet.".to_string(),
        _ => String::new(),
    };
    html! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">{ "Back up everything" }</h2>
            { prose(concat!(
                "<p>Download one file with every person, assessment, plan, contact, directory entry, ",
                "imported template and setting on this device. The file is locked with a passphrase you choose.</p>",
                "<p><strong>Without the passphrase, nobody can open the backup, not even you.</strong> ",
                "Write it down and keep it apart from the file.</p>")) }
            <p>{ last_text }</p>
            { error_banner(task.failure()) }
            <form {onsubmit} novalidate=true>
                { TextField::new("backup-passphrase", "Passphrase for the backup", &passphrase, passphrase.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required()
                    .hint("At least 8 characters. A few words you will remember is best.").error(err("backup-passphrase")).view() }
                { TextField::new("backup-again", "Type the passphrase again", &again, again.setter(|p, v| *p = v))
                    .kind("password").autocomplete("new-password").required().error(err("backup-again")).view() }
                <button type="submit" class="button" disabled={task.running()}>{ "Back up everything" }</button>
            </form>
            <p class="hint" role="status" aria-live="polite">{ (*done).clone() }</p>
        </section>
    }
}

/// Where a restore is.
#[derive(Clone)]
enum Stage {
    Choosing,
    Refused(String),
    Opened(std::rc::Rc<Backup>),
    Confirming(std::rc::Rc<Backup>),
    Restored(String, Vec<String>),
}

/// Opens a backup file, shows what it holds, then replaces or merges.
#[component]
pub fn Restore() -> Html {
    let db = use_db();
    let task = use_task();
    let passphrase = use_value(String::new);
    let stage = use_value(|| Stage::Choosing);
    let onsubmit = {
        let (passphrase, stage, task) = (passphrase.clone(), stage.clone(), task.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (p, stage) = ((*passphrase.latest()).clone(), stage.clone());
            task.run_here(async move {
                let text = match read_chosen_file(FILE_ID).await {
                    Ok(Some((_, text))) => text,
                    Ok(None) => {
                        stage.set(Stage::Refused("Choose a backup file first.".into()));
                        crate::platform::focus_id_soon("restore-result".into());
                        return Ok(());
                    }
                    Err(cause) => {
                        return Err(crate::error::AppError::storage("read the file", cause))
                    }
                };
                stage.set(match open_backup(&text, &p).await {
                    Ok(backup) => Stage::Opened(std::rc::Rc::new(backup)),
                    Err(OpenError::File(problem)) => Stage::Refused(problem.message()),
                    Err(OpenError::Device(e)) => return Err(e),
                });
                crate::platform::focus_id_soon("restore-result".into());
                Ok(())
            });
        })
    };
    let on_restore = {
        let (stage, task) = (stage.clone(), task.clone());
        Callback::from(move |mode: Option<RestoreMode>| {
            let backup = match &*stage.latest() {
                Stage::Opened(c) | Stage::Confirming(c) => c.clone(),
                _ => return,
            };
            let Some(mode) = mode else {
                stage.set(Stage::Choosing);
                return;
            };
            let Some(db) = db.clone() else { return };
            let stage = stage.clone();
            task.run_here(async move {
                let conflicts = restore(&db, &backup, mode).await?;
                let how = match mode {
                    RestoreMode::Replace => {
                        "Everything on this device has been replaced by the backup."
                    }
                    RestoreMode::Merge => "The backup has been merged into this device.",
                };
                stage.set(Stage::Restored(how.into(), conflicts));
                crate::platform::focus_id_soon("restore-result".into());
                Ok(())
            });
        })
    };
    let ask_replace = {
        let stage = stage.clone();
        Callback::from(move |()| {
            if let Stage::Opened(c) = &*stage.latest() {
                stage.set(Stage::Confirming(c.clone()));
            }
        })
    };
    let result = match &*stage {
        Stage::Choosing => Html::default(),
        Stage::Refused(message) => html! {
            <div class="banner banner-error" id="restore-result" tabindex="-1" role="alert">
                { prose("<h3>The backup was not restored</h3>") }
                <p>{ message.clone() }</p>
            </div>
        },
        Stage::Opened(c) => html! {
            <div class="banner preview" id="restore-result" tabindex="-1" role="region" aria-label="What the backup holds">
                <h3>{ format!("Backup made on {}", day_of(c.created_at)) }</h3>
                <p>{ "It holds:" }</p>
                <ul>{ for c.summary().into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                { prose(concat!(
                    "<p><strong>Replace</strong> deletes everything now on this device and puts the backup in its place. ",
                    "<strong>Merge</strong> adds what is only in the backup and, where both have the same record, keeps the newer copy.</p>")) }
                <div class="button-row">
                    { action(Look::Danger, "Replace everything", None, &ask_replace, ()) }
                    { action(Look::Secondary, "Merge into this device", None, &on_restore, Some(RestoreMode::Merge)) }
                    { action(Look::Secondary, "Cancel", None, &on_restore, None) }
                </div>
            </div>
        },
        Stage::Confirming(_) => Confirm {
            id: "replace-all".into(),
            title: "Replace everything on this device?".into(),
            message: "Everything now on this device will be deleted and replaced by the backup. This cannot be undone.".into(),
            confirm_label: "Yes, replace everything".into(),
            on_confirm: on_restore.reform(|()| Some(RestoreMode::Replace)),
            on_cancel: on_restore.reform(|()| None),
        }
        .view(),
        Stage::Restored(how, conflicts) => html! {
            <div class="banner banner-success" id="restore-result" tabindex="-1" role="status">
                <p>{ how.clone() }</p>
                if !conflicts.is_empty() {
                    { prose("<h3>Records on both</h3>") }
                    <ul>{ for conflicts.iter().map(|c| html! { <li>{ c.clone() }</li> }) }</ul>
                }
            </div>
        },
    };
    html! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">{ "Restore from a backup" }</h2>
            { prose("<p>Choose a Linkwheel backup file and type its passphrase. You will see what it holds before anything changes.</p>") }
            { error_banner(task.failure()) }
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for={FILE_ID}>{ "Backup file" }</label>
                    <input id={FILE_ID} type="file" accept=".json,application/json" />
                </div>
                { TextField::new("restore-passphrase", "Passphrase of the backup", &passphrase, passphrase.setter(|p, v| *p = v))
                    .kind("password").autocomplete("off").required().view() }
                <button type="submit" class="button" disabled={task.running()}>{ "Open the backup" }</button>
            </form>
            { result }
        </section>
    }
}

/// Days after which the caseload reminds the user to back up.
const REMIND_AFTER_DAYS: f64 = 7.0;

/// On the caseload: a reminder when there is personal data on the device
/// and no backup in the last 7 days.
#[component]
pub fn BackupReminder() -> Html {
    let last = use_load(AttrValue::default(), |db, _| async move {
        match db {
            Some(db) => last_backup(&db).await,
            None => Ok(None),
        }
    });
    let text = match &*last {
        Load::Ready(None) => "Nothing on this device has been backed up yet.".to_string(),
        Load::Ready(Some(ms)) if now_ms() - ms > REMIND_AFTER_DAYS * 86_400_000.0 => {
            format!(
                "The last backup was on {}, more than a week ago.",
                day_of(*ms)
            )
        }
        _ => return Html::default(),
    };
    html! {
        <div class="banner banner-info backup-reminder">
            <p>
                { text }{ " If this device is lost or its browser data is cleared, everything on it goes too. " }
                <a href={crate::components::href(&crate::app::Route::Settings)}>{ "Back up in Settings" }</a>
            </p>
        </div>
    }
}
