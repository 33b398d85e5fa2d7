//! Directory services on the plan: each goal's attached services with their
//! status over time, a search of the directory to attach more, and the
//! entries that match the life areas marked for support.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::service::{areas_text, service_contact_rows};
use crate::components::{action, error_banner, link, prose, Look};
use crate::domain::directory::{Filter, Service};
use crate::domain::referrals::{history_text, ServiceEdit};
use crate::domain::{Connection, GoalService, ServiceStatus};
use crate::hooks::{use_db, use_task, use_value};
use crate::platform::today;
use crate::state::Shared;
use crate::storage::directory::all_services;

/// Most results shown at once; typing more narrows them.
const MAX_RESULTS: usize = 8;

const STATUS_LABELS: [&str; 6] = [
    ServiceStatus::ALL[0].label(),
    ServiceStatus::ALL[1].label(),
    ServiceStatus::ALL[2].label(),
    ServiceStatus::ALL[3].label(),
    ServiceStatus::ALL[4].label(),
    ServiceStatus::ALL[5].label(),
];

#[derive(Properties, PartialEq)]
pub struct GoalServicesProps {
    pub goal_id: AttrValue,
    /// "goal 2", to name the buttons.
    pub label: AttrValue,
    /// The directory category of the goal's life area, or empty.
    pub category: AttrValue,
    pub attached: Shared<Vec<GoalService>>,
    pub on_edit: Callback<ServiceEdit>,
}

/// What the find panel is doing.
#[derive(Clone, PartialEq)]
enum Panel {
    Closed,
    Loading,
    Open(Shared<Vec<Service>>),
}

#[component]
pub fn GoalServices(props: &GoalServicesProps) -> Html {
    let db = use_db();
    let task = use_task();
    let panel = use_value(|| Panel::Closed);
    let query = use_value(String::new);
    let message = use_value(String::new);
    let prefix = format!("services-{}", props.goal_id);
    let search_id = format!("{prefix}-search");

    // The whole directory is read only when the panel is first opened.
    let on_open = {
        let (panel, task, search_id) = (panel.clone(), task.clone(), search_id.clone());
        Callback::from(move |open: bool| {
            if !open {
                panel.set(Panel::Closed);
                return;
            }
            let Some(db) = db.clone() else { return };
            panel.set(Panel::Loading);
            let (panel, search_id) = (panel.clone(), search_id.clone());
            task.run_here(async move {
                let list = all_services(&db).await;
                panel.set(match list {
                    Ok(list) => Panel::Open(Shared::new(list)),
                    Err(e) => {
                        panel.set(Panel::Closed);
                        return Err(e);
                    }
                });
                crate::platform::focus_id_soon(search_id);
                Ok(())
            });
        })
    };
    let on_attach = {
        let (on_edit, panel, message, label) = (
            props.on_edit.clone(),
            panel.clone(),
            message.clone(),
            props.label.clone(),
        );
        let heading = format!("{prefix}-heading");
        Callback::from(move |(service, connection): (Service, Connection)| {
            message.set(format!(
                "{} is on {label} now, as {}.",
                service.name,
                connection.label().to_lowercase()
            ));
            on_edit.emit(ServiceEdit::Attach {
                service: Box::new(service),
                connection,
                date: today(),
            });
            panel.set(Panel::Closed);
            crate::platform::focus_id_soon(heading.clone());
        })
    };
    let attached = &*props.attached;
    let label = &props.label;
    let results = match &*panel {
        Panel::Closed => Html::default(),
        Panel::Loading => prose(r#"<p class="loading" role="status">Loading the directory…</p>"#),
        Panel::Open(all) => {
            let on_query = {
                let query = query.clone();
                Callback::from(move |e: InputEvent| {
                    query.set(e.target_unchecked_into::<HtmlInputElement>().value())
                })
            };
            let (kept, heading) = if query.trim().is_empty() && !props.category.is_empty() {
                let f = Filter {
                    category: props.category.to_string(),
                    ..Filter::default()
                };
                (f.apply(all), "Suggested for this part of life")
            } else {
                let f = Filter {
                    query: (*query).clone(),
                    ..Filter::default()
                };
                (f.apply(all), "Found in the directory")
            };
            let result = |s: &Service| {
                let on = |c: Connection| {
                    let (on_attach, s) = (on_attach.clone(), s.clone());
                    Callback::from(move |_: MouseEvent| on_attach.emit((s.clone(), c)))
                };
                let done = attached.iter().any(|a| a.service.id == s.id);
                html! {
                    <li key={s.id.clone()} class="service service-result">
                        <h5>{ s.name.clone() }</h5>
                        <p class="hint">{ summary_line(s) }</p>
                        if done {
                            { prose("<p><strong>Already on this goal.</strong></p>") }
                        } else {
                            <div class="button-row button-row-small">
                                <button type="button" class="button button-secondary" onclick={on(Connection::Signposted)}
                                    aria-label={format!("Signpost to {}", s.name)}>{ "Signposted" }</button>
                                <button type="button" class="button button-secondary" onclick={on(Connection::Referred)}
                                    aria-label={format!("Refer to {}", s.name)}>{ "Referred" }</button>
                            </div>
                        }
                    </li>
                }
            };
            html! {
                <div class="find-service">
                    if all.is_empty() {
                        <p>{ "The directory on this device is empty. " }{ link(&Route::Directory, "Add entries in the Directory") }</p>
                    } else {
                        <div class="field search-field">
                            <label for={search_id.clone()}>{ format!("Search the directory for {label}") }</label>
                            <p class="hint" id={format!("{search_id}-hint")}>{ "Choose \u{201c}Signposted\u{201d} if the person will contact them, \u{201c}Referred\u{201d} if you made a referral." }</p>
                            <input id={search_id.clone()} type="search" value={(*query).clone()} oninput={on_query}
                                autocomplete="off" aria-describedby={format!("{search_id}-hint")} />
                        </div>
                        <h4>{ heading }</h4>
                        if kept.is_empty() {
                            { prose("<p role=\"status\">Nothing matches. Try other words.</p>") }
                        } else {
                            <p class="hint" role="status">{ if kept.len() > MAX_RESULTS {
                                format!("Showing {MAX_RESULTS} of {}. Type more to narrow it down.", kept.len())
                            } else {
                                format!("{} found.", kept.len())
                            } }</p>
                            <ul class="service-list">{ for kept.iter().take(MAX_RESULTS).map(|&i| result(&all[i])) }</ul>
                        }
                    }
                    { action(Look::Secondary, "Close the search", None, &on_open, false) }
                </div>
            }
        }
    };
    html! {
        <div class="goal-services">
            <h4 id={format!("{prefix}-heading")} tabindex="-1">{ "Services and activities" }</h4>
            { error_banner(task.failure()) }
            if attached.is_empty() {
                { prose("<p class=\"hint\">None yet.</p>") }
            } else {
                <ul class="attached-list">
                    { for attached.iter().map(|a| html! {
                        <AttachedService key={a.service.id.clone()} goal_id={props.goal_id.clone()}
                            service={Shared::new(a.clone())} on_edit={props.on_edit.clone()} />
                    }) }
                </ul>
            }
            <p class="hint" role="status">{ (*message).clone() }</p>
            if *panel == Panel::Closed {
                { action(Look::Secondary, "Find a service", Some(format!("Find a service for {label}")), &on_open, true) }
            }
            { results }
        </div>
    }
}

/// Where, when and what it costs, in one line.
fn summary_line(s: &Service) -> String {
    [
        s.organisation.clone(),
        s.place_text(),
        s.times.clone(),
        s.cost_text(),
        s.referral.label().to_string(),
    ]
    .into_iter()
    .filter(|t| !t.is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

#[derive(Properties, PartialEq)]
struct AttachedServiceProps {
    goal_id: AttrValue,
    service: Shared<GoalService>,
    on_edit: Callback<ServiceEdit>,
}

/// One attached service: its details, its history, and a new status.
#[component]
fn AttachedService(props: &AttachedServiceProps) -> Html {
    let a = &*props.service;
    let s = &a.service;
    let status = use_value(|| a.status());
    let date = use_value(today);
    let prefix = format!("svc-{}-{}", props.goal_id, s.id);
    let onsubmit = {
        let (status, date, on_edit, id) = (
            status.clone(),
            date.clone(),
            props.on_edit.clone(),
            s.id.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_edit.emit(ServiceEdit::Status {
                service_id: id.clone(),
                status: *status.latest(),
                date: (*date.latest()).clone(),
            });
        })
    };
    let on_status = {
        let status = status.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            status.set(
                ServiceStatus::ALL
                    .into_iter()
                    .find(|s| s.label() == v)
                    .unwrap_or_default(),
            )
        })
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |e: Event| {
            date.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_remove = props.on_edit.reform(|id: String| ServiceEdit::Detach(id));
    html! {
        <li class="attached">
            <h5>{ s.name.clone() }</h5>
            <p>
                <span class="tag">{ a.connection.label() }</span>
                { format!(" Now: {}", a.status().label()) }
            </p>
            <p class="hint">{ history_text(a) }</p>
            <dl class="details">{ service_contact_rows(s) }</dl>
            <form class="service-status" {onsubmit} novalidate=true>
                <div class="field">
                    <label for={format!("{prefix}-status")}>{ format!("New status for {}", s.name) }</label>
                    <select id={format!("{prefix}-status")} onchange={on_status}>
                        { for STATUS_LABELS.iter().map(|l| html! {
                            <option value={*l} selected={*l == status.label()}>{ *l }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for={format!("{prefix}-date")}>{ "Date" }</label>
                    <input id={format!("{prefix}-date")} type="date" value={(*date).clone()} onchange={on_date} />
                </div>
                <div class="button-row button-row-small">
                    <button type="submit" class="button button-secondary">{ "Update status" }</button>
                    { action(Look::Secondary, "Remove", Some(format!("Remove {} from this goal", s.name)), &on_remove, s.id.clone()) }
                </div>
            </form>
        </li>
    }
}

/// The directory entries that match the life areas marked for support.
pub fn suggestions_card(suggested: &[Service], areas: &[String]) -> Html {
    if areas.is_empty() {
        return Html::default();
    }
    html! {
        <section class="card" aria-labelledby="suggested-heading">
            { prose(r#"<h2 id="suggested-heading">From the directory</h2>"#) }
            <p>{ format!("Local services for the parts of life marked for support: {}.", areas.join(", ")) }</p>
            if suggested.is_empty() {
                <p>{ "Nothing in the directory matches these yet. " }{ link(&Route::Directory, "Open the directory") }</p>
            } else {
                { prose("<p class=\"hint\">To add one to a goal, choose \u{201c}Find a service\u{201d} under the goal.</p>") }
                <ul class="service-list">
                    { for suggested.iter().map(|s| html! {
                        <li key={s.id.clone()} class="service">
                            <h3>{ s.name.clone() }</h3>
                            <p class="hint">{ summary_line(s) }</p>
                            <p>{ format!("Helps with: {}", areas_text(s)) }</p>
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
