use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::{button_link, error_banner, href, loading, prose, Heading, Look};
use crate::domain::search::filter_people;
use crate::domain::{dates, Person};
use crate::hooks::{use_load, use_value, Load};
use crate::storage::people::list_people;

/// Fixed text: written here, never built from records.
const NO_ONE_YET: &str = concat!(
    r#"<div class="empty-state"><h2>No one here yet</h2>"#,
    r#"<p>Start by adding the first person you are supporting. Choose <strong>New person</strong> above.</p>"#,
    r#"<p>Everything you add stays on this device. Nothing is sent anywhere.</p></div>"#,
);

/// The start page: everyone on this device, with search as you type.
#[component]
pub fn Caseload() -> Html {
    let query = use_value(String::new);
    let people = use_load(AttrValue::default(), |db, _| async move {
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
        Load::Loading => loading(),
        Load::Failed(e) => error_banner(Some(e)),
        Load::Ready(list) if list.is_empty() => prose(NO_ONE_YET),
        Load::Ready(list) => people_list(list, &query),
    };
    html! {
        <div class="page">
            <div class="page-top">
                <Heading text="People" title="People" />
                { button_link(&Route::NewPerson, Look::Primary, "New person") }
            </div>
            <div class="field search-field">
                { prose(r#"<label for="search">Search people</label>"#) }
                <input id="search" type="search" value={(*query).clone()} {oninput} autocomplete="off"
                    placeholder="Type a name" />
            </div>
            { body }
        </div>
    }
}

/// Everyone who matches the search, with how many that is.
fn people_list(list: &[Person], query: &str) -> Html {
    let shown = filter_people(list, query);
    let count = if query.trim().is_empty() {
        let noun = if list.len() == 1 { "person" } else { "people" };
        format!("{} {noun} on this device", list.len())
    } else if shown.is_empty() {
        format!("No one matches \u{201c}{}\u{201d}", query.trim())
    } else {
        format!("{} of {} shown", shown.len(), list.len())
    };
    html! {
        <>
            <p class="result-count" role="status" aria-live="polite">{ count }</p>
            <ul class="person-list" aria-label="People">
                { for shown.iter().map(|p| html! {
                    <li key={p.id.clone()}>
                        <a href={href(&Route::Person { id: p.id.clone() })} class="person-card">{ person_card(p) }</a>
                    </li>
                }) }
            </ul>
        </>
    }
}

fn person_card(p: &Person) -> Html {
    let meta = if p.last_assessed.is_empty() {
        "No assessment yet".to_string()
    } else {
        format!("Last assessment: {}", dates::show(&p.last_assessed, ""))
    };
    html! {
        <>
            <span class="person-name">{ p.preferred_name.clone() }</span>
            <span class="person-meta">{ meta }</span>
        </>
    }
}
