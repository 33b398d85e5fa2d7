use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::{ErrorBanner, Loading, NavLink, PageHeading};
use crate::domain::dates;
use crate::domain::search::filter_people;
use crate::hooks::{use_db, use_load, use_title, Load};
use crate::storage::people::list_people;

/// The start page: everyone on this device, with search as you type.
#[component]
pub fn Caseload() -> Html {
    use_title("People".to_string());
    let db = use_db();
    let query = use_state(String::new);
    let people = use_load(db.clone(), |db| async move {
        match db {
            Some(db) => list_people(&db).await,
            None => Ok(Vec::new()),
        }
    });
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let body = match &*people {
        Load::Loading => html! { <Loading /> },
        Load::Failed(e) => html! { <ErrorBanner error={Some(e.clone())} /> },
        Load::Ready(list) if list.is_empty() => html! {
            <div class="empty-state">
                <h2>{ "No one here yet" }</h2>
                <p>{ "Start by adding the first person you are supporting. Choose " }<strong>{ "New person" }</strong>{ " above." }</p>
                <p>{ "Everything you add stays on this device. Nothing is sent anywhere." }</p>
            </div>
        },
        Load::Ready(list) => {
            let shown = filter_people(list, &query);
            html! {
                <>
                    <p class="result-count" role="status" aria-live="polite">
                        { if query.trim().is_empty() {
                            format!("{} {} on this device", list.len(), if list.len() == 1 { "person" } else { "people" })
                        } else if shown.is_empty() {
                            format!("No one matches \u{201c}{}\u{201d}", query.trim())
                        } else {
                            format!("{} of {} shown", shown.len(), list.len())
                        } }
                    </p>
                    <ul class="person-list" aria-label="People">
                        { for shown.iter().map(|p| html! {
                            <li key={p.id.clone()}>
                                <NavLink to={Route::Person { id: p.id.clone() }} class="person-card">
                                    <span class="person-name">{ p.preferred_name.clone() }</span>
                                    <span class="person-meta">
                                        { if p.last_assessed.is_empty() {
                                            "No assessment yet".to_string()
                                        } else {
                                            format!("Last assessment: {}", dates::show(&p.last_assessed, ""))
                                        } }
                                    </span>
                                </NavLink>
                            </li>
                        }) }
                    </ul>
                </>
            }
        }
    };
    html! {
        <div class="page">
            <div class="page-top">
                <PageHeading text="People" />
                <NavLink to={Route::NewPerson} class="button">{ "New person" }</NavLink>
            </div>
            <div class="field search-field">
                <label for="search">{ "Search people" }</label>
                <input id="search" type="search" value={(*query).clone()} {oninput} autocomplete="off"
                    placeholder="Type a name" />
            </div>
            { body }
        </div>
    }
}
