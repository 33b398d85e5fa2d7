//! Assessment templates: the built-in ones, the imported ones, importing a
//! template from a JSON file (checked before anything is saved), and
//! downloading one as a starting point.

use yew::prelude::*;

use crate::components::{error_banner, loader, prose, Heading, LoadPage};
use crate::domain::measures::measure;
use crate::domain::template::{builtin_templates, Template};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{download, log_error, now_ms, read_chosen_file};
use crate::state::Shared;
use crate::storage::templates::{imported_templates, save_template};
use crate::storage::Db;

const INTRO: &str = concat!(
    "<p class=\"lead\">A template sets the parts of life an assessment asks about, the question, ",
    "the score scale and any wellbeing questions. Choose one when you start an assessment.</p>",
    "<p>Scores are only compared between assessments made with the same template.</p>",
);

pub fn templates_page() -> Html {
    html! {
        <div class="page">
            <Heading text="Templates" title="Templates" />
            { prose(INTRO) }
            { loader("templates", AttrValue::default(), None, load_templates) }
        </div>
    }
}

fn load_templates(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let imported = match db {
            Some(db) => imported_templates(&db).await?,
            None => Vec::new(),
        };
        let imported = Shared::new(imported);
        Ok(html! { <TemplateList {imported} /> })
    })
}

#[derive(Properties, PartialEq)]
struct TemplateListProps {
    imported: Shared<Vec<Template>>,
}

/// What happened to the last file chosen.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Imported(String),
    Refused(Vec<String>),
}

const FILE_ID: &str = "template-file";

/// Reads the chosen file as a template, in plain words when it cannot.
async fn read_template() -> Result<Template, Vec<String>> {
    let (name, text) = match read_chosen_file(FILE_ID).await {
        Ok(Some(file)) => file,
        Ok(None) => return Err(vec!["Choose a template file first.".into()]),
        Err(cause) => {
            crate::platform::log_error(&AppError::storage("read the file", cause));
            return Err(vec![
                "The file could not be read. Try choosing it again.".into()
            ]);
        }
    };
    let js = js_sys::JSON::parse(text.trim_start_matches('\u{feff}')).map_err(|_| {
        vec![format!(
            "\u{201c}{name}\u{201d} is not a template file: it is not written in JSON, the format Linkwheel templates use."
        )]
    })?;
    serde_wasm_bindgen::from_value::<Template>(js).map_err(|e| {
        log_error(&AppError::storage("read the template", e));
        vec![format!(
            "\u{201c}{name}\u{201d} is not a template Linkwheel can read: some parts hold the wrong kind of value, for example words where a list or a number should be. Start from a downloaded template and change that."
        )]
    })
}

#[component]
fn TemplateList(props: &TemplateListProps) -> Html {
    let db = use_db();
    let task = use_task();
    let imported = use_value(|| (*props.imported).clone());
    let outcome = use_value(|| Outcome::None);

    let onsubmit = {
        let (task, imported, outcome) = (task.clone(), imported.clone(), outcome.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(db) = db.clone() else { return };
            let (imported, outcome) = (imported.clone(), outcome.clone());
            task.run_here(async move {
                let t = match read_template().await {
                    Ok(t) => t,
                    Err(problems) => {
                        outcome.set(Outcome::Refused(problems));
                        crate::platform::focus_id_soon("import-result".into());
                        return Ok(());
                    }
                };
                let problems = t.problems();
                if !problems.is_empty() {
                    outcome.set(Outcome::Refused(problems));
                    crate::platform::focus_id_soon("import-result".into());
                    return Ok(());
                }
                if builtin_templates().iter().any(|b| b.id == t.id) {
                    outcome.set(Outcome::Refused(vec![format!(
                        "\u{201c}{}\u{201d} is the id of a template built into Linkwheel. Give your template an id of its own.",
                        t.id
                    )]));
                    crate::platform::focus_id_soon("import-result".into());
                    return Ok(());
                }
                match save_template(&db, &t, now_ms()).await {
                    Ok(()) => {}
                    // A different template under the same id and version:
                    // the file's to fix. Any other failure is the device's,
                    // shown by the task's own message.
                    Err(e @ AppError::TemplateClash { .. }) => {
                        outcome.set(Outcome::Refused(vec![e.user_message()]));
                        crate::platform::focus_id_soon("import-result".into());
                        return Ok(());
                    }
                    Err(e) => return Err(e),
                }
                let mut list = (*imported.latest()).clone();
                list.retain(|x| x.key() != t.key());
                list.push(t.clone());
                imported.set(list);
                outcome.set(Outcome::Imported(format!(
                    "\u{201c}{}\u{201d} (version {}) is ready. Choose it when you start an assessment.",
                    t.title,
                    t.version.max(1)
                )));
                crate::platform::focus_id_soon("import-result".into());
                Ok(())
            });
        })
    };

    html! {
        <>
            <section class="card" aria-labelledby="builtin-heading">
                <h2 id="builtin-heading">{ "Built into Linkwheel" }</h2>
                <ul class="template-list">{ for builtin_templates().iter().map(template_item) }</ul>
            </section>
            <section class="card" aria-labelledby="imported-heading">
                <h2 id="imported-heading">{ "Imported on this device" }</h2>
                if imported.is_empty() {
                    { prose("<p>None yet.</p>") }
                } else {
                    <ul class="template-list">{ for imported.iter().map(template_item) }</ul>
                }
            </section>
            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">{ "Import a template" }</h2>
                { prose(concat!(
                    "<p>Choose a template file (JSON). It is checked first: if anything is wrong, ",
                    "you will see what, and nothing is saved. To make one, download a built-in template ",
                    "above, change it, and give it an id and title of its own.</p>")) }
                { error_banner(task.failure()) }
                <form {onsubmit}>
                    <div class="field">
                        <label for={FILE_ID}>{ "Template file" }</label>
                        <input id={FILE_ID} type="file" accept=".json,application/json" />
                    </div>
                    <button type="submit" class="button" disabled={task.running()}>{ "Check and import" }</button>
                </form>
                { result(&outcome) }
            </section>
        </>
    }
}

fn result(outcome: &Outcome) -> Html {
    match outcome {
        Outcome::None => Html::default(),
        Outcome::Imported(text) => html! {
            <div class="banner banner-success" id="import-result" tabindex="-1" role="status"><p>{ text.clone() }</p></div>
        },
        Outcome::Refused(problems) => html! {
            <div class="banner banner-error" id="import-result" tabindex="-1" role="alert">
                <h3>{ "The template was not imported" }</h3>
                <p>{ if problems.len() == 1 { "Please fix this and try again:" } else { "Please fix these and try again:" } }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                <p>{ "Nothing has been saved or changed." }</p>
            </div>
        },
    }
}

/// A template's title, what it asks, and a button to download it.
fn template_item(t: &Template) -> Html {
    let measures: Vec<&str> = t
        .measure_ids()
        .into_iter()
        .map(|m| measure(m).title)
        .collect();
    let file = format!("linkwheel-template-{}-v{}.json", t.id, t.version.max(1));
    let onclick = {
        let (t, file) = (t.clone(), file.clone());
        Callback::from(move |_: MouseEvent| {
            let text = crate::platform::to_json(&t).unwrap_or_default();
            if let Err(cause) = download(&file, &text, "application/json") {
                log_error(&AppError::storage("download the template", cause));
            }
        })
    };
    html! {
        <li key={t.key()}>
            <h3>{ t.title.clone() }</h3>
            <p>{ t.description.clone() }</p>
            <p class="hint">
                { format!("{} parts of life, scored {} ({}) to {} ({}). Version {}.", t.areas.len(), t.scale.min,
                    t.scale.min_label, t.scale.max, t.scale.max_label, t.version.max(1)) }
                if !measures.is_empty() { { format!(" Optional extra steps: {}.", measures.join(", ")) } }
            </p>
            <button type="button" class="button button-secondary" {onclick} aria-label={format!("Download {} as a file", t.title)}>{ "Download as a file" }</button>
        </li>
    }
}
