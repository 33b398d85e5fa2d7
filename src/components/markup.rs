//! Plain functions for markup that appears in many places. Every `html!`
//! element and every closure is code in the WebAssembly, so shapes used more
//! than once are built here, once. None of these have state: stateful pieces
//! are components.

use yew::prelude::*;
use yew::virtual_dom::VText;
use yew_router::Routable;

use crate::app::Route;
use crate::error::AppError;
use crate::hooks::SaveStatus;

/// Fixed markup written in this source code. Only ever for compile-time
/// strings: never for anything a person typed or a record holds.
pub fn prose(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// The `href` of a route: hash routing, so `dist/` works from any folder.
pub fn href(to: &Route) -> AttrValue {
    AttrValue::from(format!("#{}", to.to_path()))
}

/// A link to a route. The router follows the hash the browser sets, so a
/// plain link works with the keyboard, in a new tab and with history.
pub fn link(to: &Route, text: impl Into<AttrValue>) -> Html {
    html! { <a href={href(to)}>{ VText::new(text) }</a> }
}

/// For an in-page link to `id`: moves focus there instead of following the
/// link (with hash routing, following it would change the page).
pub fn focus_on_click(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        crate::platform::focus_id(&id);
    })
}

/// How a button (or a link that looks like one) is styled.
///
/// Classes are written as literals, never computed: `html!` turns a computed
/// `class` into a `Classes` set, and that one feature costs kilobytes of
/// WebAssembly (splitting, hashing, joining) that fixed strings do not need.
#[derive(Clone, Copy, PartialEq)]
pub enum Look {
    /// `button`: the main thing to do.
    Primary,
    /// `button button-secondary`.
    Secondary,
    /// `button button-danger`: deletes something.
    Danger,
}

/// A link to a route that looks like a button.
pub fn button_link(to: &Route, look: Look, text: impl Into<AttrValue>) -> Html {
    let (href, content) = (href(to), VText::new(text));
    match look {
        Look::Primary => html! { <a {href} class="button">{ content }</a> },
        Look::Secondary => html! { <a {href} class="button button-secondary">{ content }</a> },
        Look::Danger => html! { <a {href} class="button button-danger">{ content }</a> },
    }
}

/// A `type="button"` button that sends `value` through `on` when clicked.
/// `aria_label` names it when its text alone is not enough (list items).
pub fn action<A: Clone + 'static>(
    look: Look,
    text: impl Into<AttrValue>,
    aria_label: Option<String>,
    on: &Callback<A>,
    value: A,
) -> Html {
    button(
        look,
        text.into(),
        aria_label,
        on.reform(move |_: MouseEvent| value.clone()),
    )
}

fn button(
    look: Look,
    text: AttrValue,
    aria_label: Option<String>,
    onclick: Callback<MouseEvent>,
) -> Html {
    let text = VText::new(text);
    match look {
        Look::Primary => html! {
            <button type="button" class="button" {onclick} aria-label={aria_label}>{ text }</button>
        },
        Look::Secondary => html! {
            <button type="button" class="button button-secondary" {onclick} aria-label={aria_label}>{ text }</button>
        },
        Look::Danger => html! {
            <button type="button" class="button button-danger" {onclick} aria-label={aria_label}>{ text }</button>
        },
    }
}

/// A checkbox with its label after it, sending `value` through `on` when
/// ticked or unticked.
pub fn checkbox<A: Clone + 'static>(
    id: String,
    checked: bool,
    disabled: bool,
    label: Html,
    on: &Callback<A>,
    value: A,
) -> Html {
    let onchange = on.reform(move |_: Event| value.clone());
    html! {
        <div class="checkbox">
            <input type="checkbox" id={id.clone()} {checked} {disabled} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

/// A `section.card` named by its `h2`, which has the id `heading_id`.
pub fn card(heading_id: &'static str, heading: &'static str, body: Html) -> Html {
    html! {
        <section class="card" aria-labelledby={heading_id}>
            <h2 id={heading_id}>{ heading }</h2>
            { body }
        </section>
    }
}

/// One `<dt>`/`<dd>` pair of a definition list, or nothing when `value` is
/// empty.
pub fn detail(label: &'static str, value: &str) -> Html {
    if value.is_empty() {
        return Html::default();
    }
    html! { <><dt>{ label }</dt><dd>{ value.to_string() }</dd></> }
}

/// Shown while a page's records load from IndexedDB.
pub fn loading() -> Html {
    prose(r#"<p class="loading" role="status">Loading…</p>"#)
}

/// A plain-words message when something went wrong. The cause goes to the
/// console, never to the screen.
pub fn error_banner(error: Option<&AppError>) -> Html {
    match error {
        Some(e) => html! {
            <div class="banner banner-error" role="alert"><p>{ e.user_message() }</p></div>
        },
        None => Html::default(),
    }
}

/// "Saving…" then "Saved", announced politely to screen readers. "Saved"
/// appears only after the IndexedDB transaction has committed.
pub fn save_status(status: &SaveStatus) -> Html {
    match status {
        SaveStatus::Idle => html! {
            <p class="save-status" role="status" aria-live="polite" data-testid="save-status">{ "Changes save by themselves" }</p>
        },
        SaveStatus::Saving => html! {
            <p class="save-status saving" role="status" aria-live="polite" data-testid="save-status">{ "Saving…" }</p>
        },
        SaveStatus::Saved => html! {
            <p class="save-status saved" role="status" aria-live="polite" data-testid="save-status">{ "Saved" }</p>
        },
        SaveStatus::Failed(e) => html! {
            <p class="save-status failed" role="alert" data-testid="save-status">
                { format!("Not saved. {}", e.user_message()) }
            </p>
        },
    }
}
