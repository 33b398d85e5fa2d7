//! The community directory: search as you type, filters, favourites, the
//! sample directory, and links to add an entry or import and export.

use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::service::service_details;
use crate::components::{action, button_link, checkbox, error_banner, loader, prose};
use crate::components::{Heading, LoadPage, Look};
use crate::domain::directory::sample::sample_directory;
use crate::domain::directory::{categories, CostFilter, Filter, ReferralFilter, Service};
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::{now_ms, today};
use crate::state::Shared;
use crate::storage::directory::{all_services, remove_sample, save_service, save_services};
use crate::storage::Db;

const INTRO: &str = concat!(
    "<p class=\"lead\">Local activities and services to suggest or refer people to. ",
    "The directory holds no personal information, so it can be shared with other link workers.</p>",
);

const EMPTY: &str = concat!(
    r#"<div class="empty-state"><h2>The directory is empty</h2>"#,
    r#"<p>Add the activities and services you know, import a file from another link worker, "#,
    r#"or load the sample directory below to try things out.</p></div>"#,
);

const COST_LABELS: [&str; 3] = ["Any cost", "Free only", "Costs money"];
const REFERRAL_LABELS: [&str; 3] = ["Any", "Takes referrals", "Signpost only"];

pub fn directory_page() -> Html {
    html! {
        <div class="page">
            <div class="page-top">
                <Heading text="Community directory" title="Community directory" />
                <div class="button-row">
                    { button_link(&Route::NewService, Look::Primary, "Add an entry") }
                    { button_link(&Route::DirectoryFiles, Look::Secondary, "Import or export") }
                </div>
            </div>
            { prose(INTRO) }
            { loader("directory", AttrValue::default(), None, load_directory) }
        </div>
    }
}

fn load_directory(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let services = match db {
            Some(db) => all_services(&db).await?,
            None => Vec::new(),
        };
        let services = Shared::new(services);
        Ok(html! { <DirectoryList {services} /> })
    })
}

#[derive(Properties, PartialEq)]
struct DirectoryListProps {
    services: Shared<Vec<Service>>,
}

/// What the filters were changed to.
#[derive(Clone)]
enum FilterChange {
    Query(String),
    Category(String),
    Cost(String),
    Referral(String),
    Favourites(bool),
}

fn changed(mut f: Filter, change: FilterChange) -> Filter {
    match change {
        FilterChange::Query(q) => f.query = q,
        FilterChange::Category(title) => {
            f.category = categories()
                .into_iter()
                .find(|(_, t)| *t == title)
                .map(|(id, _)| id)
                .unwrap_or_default()
        }
        FilterChange::Cost(label) => {
            f.cost = match COST_LABELS.iter().position(|l| *l == label) {
                Some(1) => CostFilter::Free,
                Some(2) => CostFilter::Paid,
                _ => CostFilter::Any,
            }
        }
        FilterChange::Referral(label) => {
            f.referral = match REFERRAL_LABELS.iter().position(|l| *l == label) {
                Some(1) => ReferralFilter::TakesReferrals,
                Some(2) => ReferralFilter::SignpostOnly,
                _ => ReferralFilter::Any,
            }
        }
        FilterChange::Favourites(on) => f.favourites_only = on,
    }
    f
}

/// "1 entry", "8 entries".
fn entries(n: usize) -> String {
    format!("{n} {}", if n == 1 { "entry" } else { "entries" })
}

#[component]
fn DirectoryList(props: &DirectoryListProps) -> Html {
    let db = use_db();
    let task = use_task();
    let services = use_value(|| (*props.services).clone());
    let filter = use_value(Filter::default);
    let message = use_value(String::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |change: FilterChange| {
            filter.set(changed((*filter.latest()).clone(), change))
        })
    };
    // Marks or unmarks a favourite, saved at once.
    let on_favourite = {
        let (db, task, services) = (db.clone(), task.clone(), services.clone());
        Callback::from(move |id: String| {
            let Some(db) = db.clone() else { return };
            let services = services.clone();
            task.run_here(async move {
                let mut list = (*services.latest()).clone();
                let Some(s) = list.iter_mut().find(|s| s.id == id) else {
                    return Ok(());
                };
                s.favourite = !s.favourite;
                s.updated_at = now_ms();
                save_service(&db, s).await?;
                services.set(list);
                Ok(())
            });
        })
    };
    let on_sample = {
        let (db, task, services, message) =
            (db.clone(), task.clone(), services.clone(), message.clone());
        Callback::from(move |load: bool| {
            let Some(db) = db.clone() else { return };
            let (services, message) = (services.clone(), message.clone());
            task.run_here(async move {
                if load {
                    let sample = sample_directory(&today(), now_ms());
                    save_services(&db, &sample).await?;
                    message.set(format!(
                        "The sample directory is loaded: {} made-up entries, each marked \u{201c}Sample\u{201d}.",
                        sample.len()
                    ));
                } else {
                    let removed = remove_sample(&db).await?;
                    message.set(format!(
                        "The sample directory is removed ({removed} entries). Your own entries are still here."
                    ));
                }
                services.set(all_services(&db).await?);
                crate::platform::focus_id_soon("sample-message".into());
                Ok(())
            });
        })
    };

    let f = &*filter;
    let shown = f.apply(&services);
    let has_sample = services.iter().any(|s| s.sample);
    let titles: Vec<String> = categories().into_iter().map(|(_, t)| t).collect();
    let category_title = categories()
        .into_iter()
        .find(|(id, _)| *id == f.category)
        .map(|(_, t)| t)
        .unwrap_or_default();
    let cost_label = COST_LABELS[match f.cost {
        CostFilter::Any => 0,
        CostFilter::Free => 1,
        CostFilter::Paid => 2,
    }];
    let referral_label = REFERRAL_LABELS[match f.referral {
        ReferralFilter::Any => 0,
        ReferralFilter::TakesReferrals => 1,
        ReferralFilter::SignpostOnly => 2,
    }];
    let today = today();
    let item = |s: &Service| {
        let pressed = if s.favourite { "true" } else { "false" };
        let on_click = {
            let (on_favourite, id) = (on_favourite.clone(), s.id.clone());
            Callback::from(move |_: MouseEvent| on_favourite.emit(id.clone()))
        };
        html! {
            <li key={s.id.clone()} class="service">
                <div class="service-top">
                    <h3>{ s.name.clone() }</h3>
                    <div class="button-row button-row-small">
                        <button type="button" class="button button-secondary" aria-pressed={pressed}
                            aria-label={format!("Favourite: {}", s.name)} onclick={on_click}>
                            { if s.favourite { "\u{2605} Favourite" } else { "\u{2606} Favourite" } }
                        </button>
                        <a class="button button-secondary" href={crate::components::href(&Route::EditService { id: s.id.clone() })}
                            aria-label={format!("Change {}", s.name)}>{ "Change" }</a>
                    </div>
                </div>
                { service_details(s, &today) }
            </li>
        }
    };

    html! {
        <>
            { error_banner(task.failure()) }
            <section class="card filters" aria-label="Search and filters">
                <div class="field search-field">
                    { prose(r#"<label for="directory-search">Search the directory</label>"#) }
                    <input id="directory-search" type="search" value={f.query.clone()} autocomplete="off"
                        placeholder="Name, activity or organisation"
                        oninput={on_filter.reform(|e: InputEvent| FilterChange::Query(
                            e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))} />
                </div>
                <div class="filter-row">
                    { select_field("filter-area", "Life area", &titles, Some("All life areas"), &category_title,
                        &on_filter.reform(FilterChange::Category)) }
                    { select_field("filter-cost", "Cost", &COST_LABELS, None, cost_label, &on_filter.reform(FilterChange::Cost)) }
                    { select_field("filter-referral", "Referrals", &REFERRAL_LABELS, None, referral_label,
                        &on_filter.reform(FilterChange::Referral)) }
                </div>
                { checkbox("filter-favourites".into(), f.favourites_only, false, Html::from("Favourites only"),
                    &on_filter.reform(FilterChange::Favourites), !f.favourites_only) }
            </section>
            if services.is_empty() {
                { prose(EMPTY) }
            } else {
                <p class="result-count" role="status" aria-live="polite">
                    { if shown.len() == services.len() {
                        entries(services.len())
                    } else {
                        format!("Showing {} of {}", shown.len(), entries(services.len()))
                    } }
                </p>
                <ul class="service-list">{ for shown.iter().map(|&i| item(&services[i])) }</ul>
            }
            <section class="card" aria-labelledby="sample-heading">
                { prose(r#"<h2 id="sample-heading">Sample directory</h2>"#) }
                { prose("<p>Made-up entries for demonstrations and training. They are marked \u{201c}Sample\u{201d} and can be removed in one step, leaving your own entries alone.</p>") }
                if has_sample {
                    { action(Look::Secondary, "Remove the sample directory", None, &on_sample, false) }
                } else {
                    { action(Look::Secondary, "Load the sample directory", None, &on_sample, true) }
                }
                <p id="sample-message" class="hint" tabindex="-1" role="status">{ (*message).clone() }</p>
            </section>
        </>
    }
}
