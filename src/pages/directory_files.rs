//! Importing directory entries (Open Referral UK JSON or CSV) with a
//! preview before anything is saved, and exporting the whole directory.

use yew::prelude::*;

use crate::app::Route;
use crate::components::{
    action, button_link, error_banner, loader, prose, Heading, LoadPage, Look,
};
use crate::domain::directory::import::{preview, read, Format, Preview, MAX_FILE_BYTES};
use crate::domain::directory::{csv, oruk, Service};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{chosen_file_size, download, log_error, now_ms, read_chosen_file, today};
use crate::state::Shared;
use crate::storage::directory::{all_services, save_services};
use crate::storage::Db;

const FILE_ID: &str = "directory-file";
const RESULT_ID: &str = "directory-import-result";

const IMPORT_HELP: &str = concat!(
    "<p>Choose an Open Referral UK file (JSON) or a spreadsheet saved as CSV. ",
    "You will see what it holds before anything is saved: how many entries are new, ",
    "how many update entries already here, and any rows that cannot be used, with the reason.</p>",
);

pub fn directory_files_page() -> Html {
    html! {
        <div class="page page-narrow">
            <Heading text="Import or export the directory" title="Import or export the directory" />
            { loader("directory-files", AttrValue::default(), None, load_files) }
        </div>
    }
}

fn load_files(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let services = match db {
            Some(db) => all_services(&db).await?,
            None => Vec::new(),
        };
        let services = Shared::new(services);
        Ok(html! { <DirectoryFiles {services} /> })
    })
}

#[derive(Properties, PartialEq)]
struct DirectoryFilesProps {
    services: Shared<Vec<Service>>,
}

/// Where an import is.
#[derive(Clone)]
enum Stage {
    Choosing,
    /// The file could not be used at all.
    Refused(String),
    Checked {
        file: String,
        format: Format,
        preview: Preview,
    },
    Saved(String),
    Cancelled,
}

/// Reads and checks the chosen file against the entries already here.
async fn check_file(existing: &[Service]) -> Stage {
    if chosen_file_size(FILE_ID).is_some_and(|size| size > MAX_FILE_BYTES) {
        return Stage::Refused(
            "This file is larger than 5 MB, too large to be a directory. Nothing has been saved or changed.".into(),
        );
    }
    let (file, text) = match read_chosen_file(FILE_ID).await {
        Ok(Some(found)) => found,
        Ok(None) => return Stage::Refused("Choose a file first.".into()),
        Err(cause) => {
            log_error(&AppError::storage("read the file", cause));
            return Stage::Refused(
                "The file could not be read. Try choosing it again. Nothing has been saved or changed.".into(),
            );
        }
    };
    match read(&text) {
        Err(message) => Stage::Refused(format!(
            "\u{201c}{file}\u{201d} cannot be imported. {message} Nothing has been saved or changed."
        )),
        Ok((format, rows)) => Stage::Checked {
            file,
            format,
            preview: preview(format, rows, existing, now_ms()),
        },
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
fn DirectoryFiles(props: &DirectoryFilesProps) -> Html {
    let db = use_db();
    let task = use_task();
    let services = use_value(|| (*props.services).clone());
    let stage = use_value(|| Stage::Choosing);

    let onsubmit = {
        let (task, services, stage) = (task.clone(), services.clone(), stage.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (services, stage) = (services.clone(), stage.clone());
            task.run_here(async move {
                stage.set(check_file(&services.latest()).await);
                crate::platform::focus_id_soon(RESULT_ID.into());
                Ok(())
            });
        })
    };
    let on_decide = {
        let (task, services, stage) = (task.clone(), services.clone(), stage.clone());
        Callback::from(move |save: bool| {
            let Stage::Checked { preview, .. } = &*stage.latest() else {
                return;
            };
            if !save {
                stage.set(Stage::Cancelled);
                crate::platform::focus_id_soon(RESULT_ID.into());
                return;
            }
            let Some(db) = db.clone() else { return };
            let accepted = preview.accepted();
            let text = format!(
                "Saved: {} and {}. They are in the directory now.",
                plural(preview.new.len(), "new entry", "new entries"),
                plural(preview.updated.len(), "update", "updates")
            );
            let (services, stage) = (services.clone(), stage.clone());
            task.run_here(async move {
                save_services(&db, &accepted).await?;
                services.set(all_services(&db).await?);
                stage.set(Stage::Saved(text));
                crate::platform::focus_id_soon(RESULT_ID.into());
                Ok(())
            });
        })
    };
    let on_export = {
        let services = services.clone();
        Callback::from(move |kind: u8| {
            let list = services.latest();
            let day = today();
            let (name, text, mime) = match kind {
                0 => (
                    format!("linkwheel-directory-{day}.json"),
                    oruk::export(&list),
                    "application/json",
                ),
                1 => (
                    format!("linkwheel-directory-{day}.csv"),
                    csv::export(&list),
                    "text/csv",
                ),
                _ => (
                    "linkwheel-directory-template.csv".to_string(),
                    csv::template(),
                    "text/csv",
                ),
            };
            if let Err(cause) = download(&name, &text, mime) {
                log_error(&AppError::storage("download the directory", cause));
            }
        })
    };

    let result = match &*stage {
        Stage::Choosing => Html::default(),
        Stage::Refused(message) => html! {
            <div class="banner banner-error" id={RESULT_ID} tabindex="-1" role="alert">
                { prose("<h3>The file was not imported</h3>") }
                <p>{ message.clone() }</p>
            </div>
        },
        Stage::Cancelled => html! {
            <div class="banner" id={RESULT_ID} tabindex="-1" role="status">
                { prose("<p>Nothing was imported. The directory has not changed.</p>") }
            </div>
        },
        Stage::Saved(text) => html! {
            <div class="banner banner-success" id={RESULT_ID} tabindex="-1" role="status">
                <p>{ text.clone() }</p>
                <p>{ crate::components::link(&Route::Directory, "Go to the directory") }</p>
            </div>
        },
        Stage::Checked {
            file,
            format,
            preview,
        } => preview_view(file, *format, preview, &on_decide, task.running()),
    };

    html! {
        <>
            { error_banner(task.failure()) }
            <section class="card" aria-labelledby="import-heading">
                { prose(r#"<h2 id="import-heading">Import</h2>"#) }
                { prose(IMPORT_HELP) }
                <form {onsubmit}>
                    <div class="field">
                        <label for={FILE_ID}>{ "Directory file" }</label>
                        <input id={FILE_ID} type="file" accept=".json,.csv,application/json,text/csv" />
                    </div>
                    <button type="submit" class="button" disabled={task.running()}>{ "Check the file" }</button>
                </form>
                { result }
            </section>
            <section class="card" aria-labelledby="export-heading">
                { prose(r#"<h2 id="export-heading">Export</h2>"#) }
                <p>{ format!("Download all {} to share with other link workers. The files hold no personal information: only the directory.",
                    plural(services.len(), "entry", "entries")) }</p>
                <div class="button-row">
                    { action(Look::Secondary, "Download as Open Referral UK (JSON)", None, &on_export, 0) }
                    { action(Look::Secondary, "Download as CSV", None, &on_export, 1) }
                </div>
                { prose("<h3>Making a CSV file</h3><p>Start from the template: it has the column names Linkwheel reads, and one made-up example row.</p>") }
                { action(Look::Secondary, "Download the CSV template", None, &on_export, 2) }
            </section>
            <p>{ button_link(&Route::Directory, Look::Secondary, "Back to the directory") }</p>
        </>
    }
}

fn preview_view(
    file: &str,
    format: Format,
    p: &Preview,
    on_decide: &Callback<bool>,
    running: bool,
) -> Html {
    let kind = match format {
        Format::OpenReferral => "Open Referral UK file",
        Format::Csv => "CSV file",
    };
    let accepted = p.new.len() + p.updated.len();
    let names = |list: &[Service]| {
        html! { <ul>{ for list.iter().map(|s| html! { <li>{ s.name.clone() }</li> }) }</ul> }
    };
    html! {
        <div class="banner preview" id={RESULT_ID} tabindex="-1" role="region" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{ format!("Check before saving: \u{201c}{file}\u{201d}") }</h3>
            <p>{ format!("This {kind} holds:") }</p>
            <ul class="preview-counts">
                <li>{ plural(p.new.len(), "new entry", "new entries") }</li>
                <li>{ format!("{} to entries already here", plural(p.updated.len(), "update", "updates")) }</li>
                <li>{ format!("{} that cannot be used", plural(p.rejected.len(), format.row_word(), &format!("{}s", format.row_word()))) }</li>
            </ul>
            if !p.rejected.is_empty() {
                { prose("<h4>Not imported</h4>") }
                <ul class="rejected">{ for p.rejected.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            if !p.new.is_empty() {
                <details><summary>{ "New entries" }</summary>{ names(&p.new) }</details>
            }
            if !p.updated.is_empty() {
                <details><summary>{ "Entries that will be updated" }</summary>{ names(&p.updated) }</details>
            }
            if accepted == 0 {
                { prose("<p>Nothing in this file can be imported. Nothing has been saved or changed.</p>") }
                { action(Look::Secondary, "Close", None, on_decide, false) }
            } else {
                <p>{ "Nothing is saved until you choose to save." }</p>
                <div class="button-row">
                    <button type="button" class="button" disabled={running}
                        onclick={on_decide.reform(|_: MouseEvent| true)}>{ format!("Save {}", plural(accepted, "entry", "entries")) }</button>
                    { action(Look::Secondary, "Cancel", None, on_decide, false) }
                </div>
            }
        </div>
    }
}
