//! How a directory entry is shown: on the Directory page, under a goal, in
//! the suggestions and in the printed plan. Website and email addresses are
//! text, never links that load anything.

use yew::prelude::*;

use crate::components::markup::detail;
use crate::domain::dates;
use crate::domain::directory::{category_title, possibly_out_of_date, Service};

/// The life areas of an entry, by title: "Getting active, Hobbies…".
pub fn areas_text(s: &Service) -> String {
    s.categories
        .iter()
        .filter_map(|c| category_title(c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the person needs to get there: where, when, cost, who for, and how
/// to get in touch, as `<dt>`/`<dd>` rows (the empty ones left out).
pub fn service_contact_rows(s: &Service) -> Html {
    html! {
        <>
            { detail("Where", &s.place_text()) }
            { detail("When", &s.times) }
            { detail("Cost", &s.cost_text()) }
            { detail("Ages", &s.ages_text()) }
            { detail("Who it is for", &s.eligibility) }
            { detail("Access", &s.accessibility) }
            { detail("Phone", &s.phone) }
            { detail("Email", &s.email) }
            { detail("Website", &s.website) }
        </>
    }
}

/// Everything about an entry, for the link worker.
pub fn service_details(s: &Service, today: &str) -> Html {
    let checked = if s.last_checked.is_empty() {
        "Never".to_string()
    } else {
        dates::show(&s.last_checked, "")
    };
    html! {
        <>
            if !s.organisation.is_empty() { <p class="service-org">{ s.organisation.clone() }</p> }
            <p class="tags">
                <span class="tag">{ s.referral.label() }</span>
                if s.free { <span class="tag">{ "Free" }</span> }
                if s.sample { <span class="tag">{ "Sample" }</span> }
                if possibly_out_of_date(s, today) {
                    <span class="tag tag-warning">{ "Possibly out of date" }</span>
                }
            </p>
            if !s.description.is_empty() { <p>{ s.description.clone() }</p> }
            <dl class="details">
                { detail("Life areas", &areas_text(s)) }
                { service_contact_rows(s) }
                { detail("Last checked", &checked) }
            </dl>
        </>
    }
}
