use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A labelled input with an optional hint and an error shown beside it.
/// Build it with [`TextField::new`] and the setters, then call `view`.
pub struct TextField {
    id: &'static str,
    label: &'static str,
    value: AttrValue,
    on_change: Callback<String>,
    hint: Option<&'static str>,
    error: Option<String>,
    input_type: &'static str,
    autocomplete: Option<&'static str>,
    required: bool,
}

/// The field's box. Its class is a literal in each case (see [`crate::components::Look`]).
pub fn field_div(invalid: bool, inner: Html) -> Html {
    if invalid {
        html! { <div class="field field-invalid">{ inner }</div> }
    } else {
        html! { <div class="field">{ inner }</div> }
    }
}

/// The ids a field's `aria-describedby` points at: its hint, its error.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    match (hint, error) {
        (true, true) => Some(format!("{id}-hint {id}-error")),
        (true, false) => Some(format!("{id}-hint")),
        (false, true) => Some(format!("{id}-error")),
        (false, false) => None,
    }
}

fn hint_view(id: &str, hint: Option<&'static str>) -> Html {
    match hint {
        Some(hint) => html! { <p class="hint" id={format!("{id}-hint")}>{ hint }</p> },
        None => Html::default(),
    }
}

/// The field's error message, tied to it by `{id}-error`, or nothing.
fn error_view(id: &str, error: Option<String>) -> Html {
    match error {
        Some(error) => html! { <p class="error-message" id={format!("{id}-error")}>{ error }</p> },
        None => Html::default(),
    }
}

impl TextField {
    pub fn new(
        id: &'static str,
        label: &'static str,
        value: &str,
        on_change: Callback<String>,
    ) -> Self {
        TextField {
            id,
            label,
            value: AttrValue::from(value.to_string()),
            on_change,
            hint: None,
            error: None,
            input_type: "text",
            autocomplete: None,
            required: false,
        }
    }

    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = error;
        self
    }

    /// The input's `type`: `date`, `tel`, `email`…
    pub fn kind(mut self, input_type: &'static str) -> Self {
        self.input_type = input_type;
        self
    }

    pub fn autocomplete(mut self, autocomplete: &'static str) -> Self {
        self.autocomplete = Some(autocomplete);
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn view(self) -> Html {
        let TextField {
            id,
            label,
            value,
            on_change,
            hint,
            error,
            input_type,
            autocomplete,
            required,
        } = self;
        let oninput =
            on_change.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let invalid = error.is_some();
        let inner = html! {
            <>
                <label for={id}>
                    { label }
                    if !required { <span class="optional">{ " (optional)" }</span> }
                </label>
                { hint_view(id, hint) }
                { error_view(id, error) }
                <input
                    {id}
                    type={input_type}
                    {value}
                    {oninput}
                    {autocomplete}
                    aria-invalid={invalid.then_some("true")}
                    aria-required={required.then_some("true")}
                    aria-describedby={described_by(id, hint.is_some(), invalid)}
                />
            </>
        };
        field_div(invalid, inner)
    }
}

/// A labelled multi-line box for words in the person's own voice.
pub struct TextArea {
    id: String,
    label: &'static str,
    value: AttrValue,
    on_change: Callback<String>,
    hint: Option<&'static str>,
    error: Option<String>,
    rows: &'static str,
}

impl TextArea {
    pub fn new(id: String, label: &'static str, value: &str, on_change: Callback<String>) -> Self {
        TextArea {
            id,
            label,
            value: AttrValue::from(value.to_string()),
            on_change,
            hint: None,
            error: None,
            rows: "4",
        }
    }

    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = error;
        self
    }

    pub fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn rows(mut self, rows: &'static str) -> Self {
        self.rows = rows;
        self
    }

    pub fn view(self) -> Html {
        let TextArea {
            id,
            label,
            value,
            on_change,
            hint,
            error,
            rows,
        } = self;
        let oninput = on_change
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        let invalid = error.is_some();
        let inner = html! {
            <>
                <label for={id.clone()}>{ label }</label>
                { hint_view(&id, hint) }
                { error_view(&id, error) }
                <textarea
                    id={id.clone()}
                    {rows}
                    {value}
                    {oninput}
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={described_by(&id, hint.is_some(), invalid)}
                />
            </>
        };
        field_div(invalid, inner)
    }
}

/// A labelled `<select>`. Each option's value is its label, so callers map
/// the chosen label back (for enums, through their `ALL` and `label()`).
/// `blank` adds a first, empty choice with that text.
pub fn select_field<O: AsRef<str>>(
    id: &'static str,
    label: &'static str,
    options: &[O],
    blank: Option<&'static str>,
    value: &str,
    on_change: &Callback<String>,
) -> Html {
    let onchange = on_change.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    // A value saved before the list had it (older free text) stays choosable.
    let known = options.iter().any(|o| o.as_ref() == value);
    let extra = (!value.is_empty() && !known).then(|| value.to_string());
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                if let Some(text) = blank {
                    <option value="" selected={value.is_empty()}>{ text }</option>
                }
                { for options.iter().map(|o| {
                    let o = o.as_ref();
                    html! { <option value={o.to_string()} selected={o == value}>{ o.to_string() }</option> }
                }) }
                if let Some(v) = extra {
                    <option value={v.clone()} selected=true>{ v }</option>
                }
            </select>
        </div>
    }
}
