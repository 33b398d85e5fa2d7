//! The welcome screen, for a member of the public.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::{action, prose, Look};
use crate::domain::kiosk::Action;

/// "Check in with yourself", a big Start button, full screen, and the way
/// out for staff.
pub fn welcome_screen(act: &Callback<Action>) -> Html {
    html! {
        <div class="kiosk-welcome">
            { prose(concat!(
                r#"<p class="kiosk-lead">A few quick questions about how life is going for you. It takes about five minutes.</p>"#,
                "<ul><li>Touch a number for each part of life.</li>",
                "<li>Choose what you would like to work on.</li>",
                "<li>Print your plan to take home, if you like.</li></ul>",
                "<p><strong>Nothing you put in is kept.</strong> When you finish, it is all cleared.</p>")) }
            <div class="kiosk-start">{ action(Look::Primary, "Start", None, act, Action::Start) }</div>
            if can_go_full_screen() {
                <button type="button" class="button button-secondary kiosk-full-screen" onclick={Callback::from(|_: MouseEvent| full_screen())}>
                    { "Full screen" }
                </button>
            }
            <p class="kiosk-staff">
                <button type="button" class="button-link" onclick={act.reform(|_: MouseEvent| Action::Staff)}>
                    { "Staff: leave kiosk mode" }
                </button>
            </p>
        </div>
    }
}

fn can_go_full_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_enabled() && d.fullscreen_element().is_none())
}

/// The whole page full screen. A browser that refuses says so in its own
/// way; nothing changes here.
fn full_screen() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(f) = js_sys::Reflect::get(&root, &"requestFullscreen".into()) else {
        return;
    };
    let Ok(f) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f) else {
        return;
    };
    if let Ok(promise) = f.call0(&root) {
        if let Ok(promise) = wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(promise) {
            spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
