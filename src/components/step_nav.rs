use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct StepInfo {
    pub title: String,
    /// Anything given on this step yet.
    pub answered: bool,
}

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub steps: Vec<StepInfo>,
    pub current: usize,
    pub on_go: Callback<usize>,
}

/// Jump to any step. Each button says whether that step has answers.
#[component]
pub fn StepNav(props: &StepNavProps) -> Html {
    html! {
        <nav class="step-nav" aria-label="All steps">
            <ol>
                { for props.steps.iter().enumerate().map(|(i, step)| {
                    let go = props.on_go.reform(move |_: MouseEvent| i);
                    let state = if step.answered { "answered" } else { "not answered yet" };
                    html! {
                        <li class={classes!(step.answered.then_some("answered"), (i == props.current).then_some("current"))}>
                            <button type="button" onclick={go}
                                aria-current={(i == props.current).then_some("step")}
                                aria-label={format!("Step {}: {}, {}", i + 1, step.title, state)}>
                                <span class="step-number" aria-hidden="true">{ if step.answered { "✓".to_string() } else { (i + 1).to_string() } }</span>
                                <span class="step-title">{ step.title.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
