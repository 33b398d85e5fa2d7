//! The printed check-in: what the visitor takes home. Hidden on screen; the
//! only thing printed (see `styles/print.css`).

use yew::prelude::*;

use super::activities::activity_rows;
use super::summary::matters_and_steps;
use crate::components::{prose, wheel_chart};
use crate::domain::dates;
use crate::domain::directory::Service;
use crate::domain::kiosk::{each_once, Session};
use crate::domain::template::Template;

pub fn kiosk_document(
    t: &Template,
    s: &Session,
    services: &[Service],
    found: &[(usize, Vec<usize>)],
    today: &str,
) -> Html {
    html! {
        <article class="plan-document print-only" aria-label="Printable check-in">
            <header class="doc-header">
                { prose(r#"<p class="doc-kicker">My check-in</p><p class="doc-name">My wheel of life and first steps</p>"#) }
                <p>{ format!("Made on {}", dates::show(today, "")) }</p>
            </header>
            <section class="doc-section doc-wheel">
                { wheel_chart("kiosk-print-wheel", &s.summaries(t), t.scale.min, t.scale.max) }
            </section>
            { matters_and_steps(t, s) }
            if !found.is_empty() {
                <section class="doc-section">
                    { prose("<h2>Places that could help</h2>") }
                    { for each_once(found).into_iter().filter_map(|n| services.get(n)).map(|sv| html! {
                        <div class="doc-service">
                            <p class="doc-service-name"><strong>{ sv.name.clone() }</strong></p>
                            <dl>{ activity_rows(sv) }</dl>
                        </div>
                    }) }
                </section>
            }
            { prose(r#"<footer class="doc-footer">This is yours to keep. Nothing you put in was kept on the device you used. A link worker at your GP practice or a local charity can help with the next steps.</footer>"#) }
        </article>
    }
}
