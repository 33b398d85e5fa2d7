use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
}

fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A labelled input with an optional hint and an error shown beside it.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let id = props.id.clone();
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-invalid"))}>
            <label for={id.clone()}>
                { props.label.clone() }
                if !props.required { <span class="optional">{ " (optional)" }</span> }
            </label>
            if let Some(hint) = &props.hint { <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p> }
            if let Some(error) = &props.error {
                <p class="error-message" id={format!("{id}-error")}>{ error.clone() }</p>
            }
            <input
                id={id.clone()}
                type={props.input_type.clone()}
                value={props.value.clone()}
                {oninput}
                autocomplete={props.autocomplete.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-required={props.required.then_some("true")}
                aria-describedby={described_by(&id, props.hint.is_some(), props.error.is_some())}
            />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextAreaProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or(4)]
    pub rows: u32,
}

/// A labelled multi-line box for words in the person's own voice.
#[component]
pub fn TextArea(props: &TextAreaProps) -> Html {
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let id = props.id.clone();
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint { <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p> }
            <textarea
                id={id.clone()}
                rows={props.rows.to_string()}
                value={props.value.clone()}
                {oninput}
                aria-describedby={props.hint.is_some().then(|| format!("{id}-hint"))}
            />
        </div>
    }
}
