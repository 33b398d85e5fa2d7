use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct StepInfo {
    pub title: String,
    /// Anything given on this step yet.
    pub answered: bool,
}

/// Jump to any step. Each button says whether that step has answers.
pub fn step_nav(steps: &[StepInfo], current: usize, on_go: &Callback<usize>) -> Html {
    html! {
        <nav class="step-nav" aria-label="All steps">
            <ol>
                { for steps.iter().enumerate().map(|(i, step)| {
                    let go = on_go.reform(move |_: MouseEvent| i);
                    let state = if step.answered { "answered" } else { "not answered yet" };
                    let button = html! {
                        <button type="button" onclick={go}
                            aria-current={(i == current).then_some("step")}
                            aria-label={format!("Step {}: {}, {}", i + 1, step.title, state)}>
                            <span class="step-number" aria-hidden="true">{ if step.answered { "✓".to_string() } else { (i + 1).to_string() } }</span>
                            <span class="step-title">{ step.title.clone() }</span>
                        </button>
                    };
                    // Literal classes: see `Look`.
                    match (step.answered, i == current) {
                        (true, true) => html! { <li class="answered current">{ button }</li> },
                        (true, false) => html! { <li class="answered">{ button }</li> },
                        (false, true) => html! { <li class="current">{ button }</li> },
                        (false, false) => html! { <li>{ button }</li> },
                    }
                }) }
            </ol>
        </nav>
    }
}
