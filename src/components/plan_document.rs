use yew::prelude::*;

use crate::components::WheelChart;
use crate::domain::scoring::summarise;
use crate::domain::template::Template;
use crate::domain::{dates, Assessment, Person, Plan, WorkerProfile};

#[derive(Properties, PartialEq)]
pub struct PlanDocumentProps {
    pub person: Person,
    pub plan: Plan,
    pub assessment: Option<Assessment>,
    pub template: Template,
    pub worker: WorkerProfile,
    /// `YYYY-MM-DD` printed at the top.
    pub printed_on: String,
}

/// The plan as the person takes it home: one clean A4 document. It is hidden
/// on screen and is the only thing printed (see `styles/print.css`).
#[component]
pub fn PlanDocument(props: &PlanDocumentProps) -> Html {
    let PlanDocumentProps {
        person,
        plan,
        assessment,
        template,
        worker,
        printed_on,
    } = props;
    let areas = assessment.as_ref().map(|a| summarise(a, template));
    let priorities: Vec<String> = assessment
        .as_ref()
        .map(|a| {
            a.priorities
                .iter()
                .map(|id| template.area_title(id).to_string())
                .collect()
        })
        .unwrap_or_default();
    let has_worker =
        !(worker.name.is_empty() && worker.organisation.is_empty() && worker.phone.is_empty());
    html! {
        <article class="plan-document print-only" aria-label="Printable plan">
            <header class="doc-header">
                <p class="doc-kicker">{ "My action plan" }</p>
                <h2 class="doc-name">{ person.preferred_name.clone() }</h2>
                <p>{ format!("Made on {}", dates::show(printed_on, "")) }</p>
            </header>
            if !plan.what_matters.trim().is_empty() {
                <section class="doc-section">
                    <h3>{ "What matters to me" }</h3>
                    <p class="doc-quote">{ plan.what_matters.clone() }</p>
                </section>
            }
            if let Some(areas) = areas {
                <section class="doc-section doc-wheel">
                    <h3>{ "My wheel of life" }</h3>
                    <WheelChart id="print-wheel" areas={areas} min={template.scale.min} max={template.scale.max} />
                </section>
            }
            if !priorities.is_empty() {
                <section class="doc-section">
                    <h3>{ "What I am working on first" }</h3>
                    <ol>{ for priorities.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ol>
                </section>
            }
            <section class="doc-section">
                <h3>{ "My goals" }</h3>
                if plan.goals.is_empty() {
                    <p>{ "No goals written yet." }</p>
                }
                { for plan.goals.iter().enumerate().map(|(i, g)| html! {
                    <div class="doc-goal">
                        <h4>{ format!("{}. {}", i + 1, g.text) }</h4>
                        <dl>
                            <dt>{ "Part of life" }</dt><dd>{ template.area_title(&g.area_id).to_string() }</dd>
                            <dt>{ "Kind of goal" }</dt><dd>{ g.term.label() }</dd>
                            if !g.first_step.is_empty() { <dt>{ "First small step" }</dt><dd>{ g.first_step.clone() }</dd> }
                            if !g.who_can_help.is_empty() { <dt>{ "Who can help" }</dt><dd>{ g.who_can_help.clone() }</dd> }
                            if !g.target_date.is_empty() { <dt>{ "Aim to do it by" }</dt><dd>{ dates::show(&g.target_date, "") }</dd> }
                        </dl>
                    </div>
                }) }
            </section>
            <section class="doc-section doc-contact">
                <h3>{ "Who to contact" }</h3>
                if has_worker {
                    <p>
                        { format!("Your link worker: {}", if worker.name.is_empty() { "ask at your surgery" } else { &worker.name }) }
                        if !worker.organisation.is_empty() { <br />{ worker.organisation.clone() } }
                        if !worker.phone.is_empty() { <br />{ format!("Phone: {}", worker.phone) } }
                    </p>
                } else {
                    <p>{ "Your link worker, through the place you met them." }</p>
                }
                <p class="doc-review">
                    { if plan.review_date.is_empty() {
                        "We will agree a date to look at this plan again.".to_string()
                    } else {
                        format!("Next review: {}", dates::show(&plan.review_date, ""))
                    } }
                </p>
            </section>
            <footer class="doc-footer">{ "This plan is yours to keep. You can change it at any time." }</footer>
        </article>
    }
}
