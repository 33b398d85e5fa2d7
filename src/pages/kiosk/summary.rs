//! The end of the check-in: the wheel, what was chosen, print and finish.

use yew::prelude::*;

use crate::components::{action, prose, wheel_chart, Look};
use crate::domain::kiosk::{Action, Session};
use crate::domain::template::Template;
use crate::platform::print;

pub fn summary_screen(t: &Template, s: &Session, act: &Callback<Action>) -> Html {
    html! {
        <>
            { prose(r#"<p class="kiosk-lead">Here is your wheel of life. Print your plan to take home, then touch Finish. Nothing is kept on this device.</p>"#) }
            <figure class="wheel-figure">
                { wheel_chart("kiosk-wheel", &s.summaries(t), t.scale.min, t.scale.max) }
                { prose("<figcaption>Each slice reaches further out the higher your score.</figcaption>") }
            </figure>
            { matters_and_steps(t, s) }
            <div class="button-row kiosk-nav">
                { action(Look::Secondary, "Back", None, act, Action::Back) }
                <button type="button" class="button" onclick={Callback::from(|_: MouseEvent| print())}>{ "Print my plan" }</button>
                { action(Look::Primary, "Finish", None, act, Action::Wipe) }
            </div>
        </>
    }
}

/// What matters, and each part of life chosen with its first step: on the
/// summary screen and, the same, on paper.
pub fn matters_and_steps(t: &Template, s: &Session) -> Html {
    html! {
        <>
            if !s.what_matters.trim().is_empty() {
                <section class="doc-section">
                    { prose("<h2>What matters to me</h2>") }
                    <p class="doc-quote kiosk-quote">{ s.what_matters.clone() }</p>
                </section>
            }
            if !s.chosen.is_empty() {
                <section class="doc-section">
                    { prose("<h2>What I want to work on</h2>") }
                    <ol class="kiosk-chosen">
                        { for s.chosen.iter().zip(&s.first_steps).map(|(&i, step)| html! {
                            <li>
                                <strong>{ t.areas.get(i).map(|a| a.title.clone()).unwrap_or_default() }</strong>
                                if !step.trim().is_empty() { <br />{ format!("First step: {step}") } }
                            </li>
                        }) }
                    </ol>
                </section>
            }
        </>
    }
}
