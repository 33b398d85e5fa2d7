use yew::prelude::*;

use crate::components::markup::{detail, prose};
use crate::components::service::service_contact_rows;
use crate::components::wheel_chart;
use crate::domain::scoring::summarise;
use crate::domain::template::Template;
use crate::domain::{
    dates, Assessment, Connection, Goal, GoalService, Person, Plan, WorkerProfile,
};

/// What the printed plan is made from.
pub struct PlanDocument<'a> {
    pub person: &'a Person,
    pub plan: &'a Plan,
    pub assessment: Option<&'a Assessment>,
    pub template: &'a Template,
    pub worker: &'a WorkerProfile,
    /// `YYYY-MM-DD` printed at the top.
    pub printed_on: &'a str,
    /// Titles of the parts of life chosen to work on first.
    pub priorities: &'a [&'a str],
}

/// A goal's details as `<dt>`/`<dd>` rows, the empty ones left out. The
/// screen and the printed plan word two labels differently: `labels` gives
/// the kind of goal's and the target date's.
pub fn goal_details(g: &Goal, template: &Template, labels: [&'static str; 2]) -> Html {
    let [kind, target] = labels;
    html! {
        <>
            { detail("Part of life", template.area_title(&g.area_id)) }
            { detail("Status", g.status.label()) }
            { detail(kind, g.term.label()) }
            { detail("First small step", &g.first_step) }
            { detail("Who can help", &g.who_can_help) }
            { detail(target, &dates::show(&g.target_date, "")) }
        </>
    }
}

/// An attached service as the person needs it: how they were connected,
/// then where, when, cost and how to get in touch.
fn service_to_print(a: &GoalService) -> Html {
    let s = &a.service;
    let how = match a.connection {
        Connection::Referred => "Your link worker has referred you.",
        Connection::Signposted => "You can contact them yourself.",
    };
    html! {
        <div class="doc-service">
            <p class="doc-service-name"><strong>{ s.name.clone() }</strong>
                if !s.organisation.is_empty() { { format!(" ({})", s.organisation) } }
            </p>
            <p>{ how }</p>
            <dl>{ service_contact_rows(s) }</dl>
        </div>
    }
}

impl PlanDocument<'_> {
    /// The plan as the person takes it home: one clean A4 document. It is
    /// hidden on screen and is the only thing printed (see `styles/print.css`).
    pub fn view(&self) -> Html {
        let PlanDocument {
            person,
            plan,
            assessment,
            template,
            printed_on,
            priorities,
            ..
        } = self;
        html! {
            <article class="plan-document print-only" aria-label="Printable plan">
                <header class="doc-header">
                    { prose(r#"<p class="doc-kicker">My action plan</p>"#) }
                    <h2 class="doc-name">{ person.preferred_name.clone() }</h2>
                    <p>{ format!("Made on {}", dates::show(printed_on, "")) }</p>
                </header>
                if !plan.what_matters.trim().is_empty() {
                    <section class="doc-section">
                        { prose("<h3>What matters to me</h3>") }
                        <p class="doc-quote">{ plan.what_matters.clone() }</p>
                    </section>
                }
                if let Some(a) = assessment {
                    <section class="doc-section doc-wheel">
                        { prose("<h3>My wheel of life</h3>") }
                        { wheel_chart("print-wheel", &summarise(a, template), template.scale.min, template.scale.max) }
                    </section>
                }
                if !priorities.is_empty() {
                    <section class="doc-section">
                        { prose("<h3>What I am working on first</h3>") }
                        <ol>{ for priorities.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ol>
                    </section>
                }
                <section class="doc-section">
                    if plan.goals.is_empty() {
                        { prose("<h3>My goals</h3><p>No goals written yet.</p>") }
                    } else {
                        { prose("<h3>My goals</h3>") }
                    }
                    { for plan.goals.iter().enumerate().map(|(i, g)| self.goal(i, g)) }
                </section>
                { self.contact() }
                { prose(r#"<footer class="doc-footer">This plan is yours to keep. You can change it at any time.</footer>"#) }
            </article>
        }
    }

    fn goal(&self, i: usize, g: &Goal) -> Html {
        html! {
            <div class="doc-goal">
                <h4>{ format!("{}. {}", i + 1, g.text) }</h4>
                <dl>{ goal_details(g, self.template, ["Kind of goal", "Aim to do it by"]) }</dl>
                if !g.services.is_empty() {
                    <div class="doc-services">
                        { prose("<h5>Places and people that can help</h5>") }
                        { for g.services.iter().map(service_to_print) }
                    </div>
                }
            </div>
        }
    }

    fn contact(&self) -> Html {
        let (worker, plan) = (self.worker, self.plan);
        let has_worker =
            !(worker.name.is_empty() && worker.organisation.is_empty() && worker.phone.is_empty());
        html! {
            <section class="doc-section doc-contact">
                { prose("<h3>Who to contact</h3>") }
                if has_worker {
                    <p>
                        { format!("Your link worker: {}", if worker.name.is_empty() { "ask at your surgery" } else { &worker.name }) }
                        if !worker.organisation.is_empty() { <br />{ worker.organisation.clone() } }
                        if !worker.phone.is_empty() { <br />{ format!("Phone: {}", worker.phone) } }
                    </p>
                } else {
                    { prose("<p>Your link worker, through the place you met them.</p>") }
                }
                <p class="doc-review">
                    { if plan.review_date.is_empty() {
                        "We will agree a date to look at this plan again.".to_string()
                    } else {
                        format!("Next review: {}", dates::show(&plan.review_date, ""))
                    } }
                </p>
            </section>
        }
    }
}
