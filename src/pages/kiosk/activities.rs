//! Local activities from the community directory for the parts of life
//! chosen: name, where, when, cost and phone.

use yew::prelude::*;

use super::questions::back_next;
use crate::components::{detail, prose};
use crate::domain::directory::Service;
use crate::domain::kiosk::Action;
use crate::domain::template::Template;

/// Where, when, cost and phone, as `<dt>`/`<dd>` rows (empty ones left out).
pub fn activity_rows(s: &Service) -> Html {
    html! {
        <>
            { detail("Where", &s.place_text()) }
            { detail("When", &s.times) }
            { detail("Cost", &s.cost_text()) }
            { detail("Phone", &s.phone) }
        </>
    }
}

pub fn activities_screen(
    t: &Template,
    services: &[Service],
    found: &[(usize, Vec<usize>)],
    act: &Callback<Action>,
) -> Html {
    html! {
        <>
            { prose(r#"<p class="kiosk-lead">Local groups and services for what you chose. You can contact them yourself. They will be on your printed plan too.</p>"#) }
            { for found.iter().map(|(i, list)| {
                let id = format!("kiosk-for-{i}");
                let title = t.areas.get(*i).map(|a| a.title.clone()).unwrap_or_default();
                html! {
                    <section class="kiosk-activities" aria-labelledby={id.clone()}>
                        <h2 {id}>{ format!("For {title}") }</h2>
                        <ul class="service-list">
                            { for list.iter().filter_map(|&n| services.get(n)).map(|s| html! {
                                <li class="service">
                                    <h3>{ s.name.clone() }</h3>
                                    if !s.description.is_empty() { <p>{ s.description.clone() }</p> }
                                    <dl class="details">{ activity_rows(s) }</dl>
                                </li>
                            }) }
                        </ul>
                    </section>
                }
            }) }
            { back_next(act) }
        </>
    }
}
