//! The idle timer: after a few minutes without a touch the check-in is
//! wiped, with "Are you still there?" for the last 30 seconds.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::kiosk::{idle_phase, seconds_text, Idle};
use crate::hooks::{use_value, Value};
use crate::platform::{focus_id, now_ms};

/// Any of these, anywhere on the page, counts as someone being there.
const TOUCHES: [&str; 5] = ["pointerdown", "touchstart", "keydown", "wheel", "input"];

const STILL_HERE: &str = "kiosk-still-here";

/// While `active`, watches for touches and keys. After `limit_ms` without
/// one, `on_expire`; for the last 30 seconds before that, gives the seconds
/// left, for [`idle_dialog`]. A touch puts the clock back and focus back
/// where it was.
#[hook]
pub fn use_idle(active: bool, limit_ms: f64, on_expire: Callback<()>) -> Option<u32> {
    let last = use_mut_ref(now_ms);
    let warning = use_value(|| None::<u32>);
    let focused = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let (last, warning, focused) = (last.clone(), warning.clone(), focused.clone());
        use_effect_with(active, move |&active| {
            let running = active.then(|| watch(last, warning, focused, limit_ms, on_expire));
            move || drop(running)
        });
    }
    (*warning).filter(|_| active)
}

fn watch(
    last: Rc<RefCell<f64>>,
    warning: Value<Option<u32>>,
    focused: Rc<RefCell<Option<web_sys::HtmlElement>>>,
    limit_ms: f64,
    on_expire: Callback<()>,
) -> (Vec<EventListener>, Interval) {
    *last.borrow_mut() = now_ms();
    if warning.latest().is_some() {
        warning.set(None);
    }
    let show = move |warning: &Value<Option<u32>>, next: Option<u32>| {
        let was = *warning.latest();
        if was == next {
            return;
        }
        warning.set(next);
        if was.is_none() {
            // The dialog opens: focus goes into it, and back afterwards.
            *focused.borrow_mut() = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into().ok());
            yew::platform::spawn_local(async { focus_id(STILL_HERE) });
        } else if next.is_none() {
            if let Some(el) = focused.borrow_mut().take() {
                let _ = el.focus();
            }
        }
    };
    let touched = {
        let (last, warning, show) = (last.clone(), warning.clone(), show.clone());
        move |_: &Event| {
            *last.borrow_mut() = now_ms();
            show(&warning, None);
        }
    };
    let listeners = match web_sys::window() {
        Some(w) => TOUCHES
            .iter()
            .map(|name| EventListener::new(&w, *name, touched.clone()))
            .collect(),
        None => Vec::new(),
    };
    let tick = Interval::new(1_000, move || {
        match idle_phase(now_ms() - *last.borrow(), limit_ms) {
            Idle::Active => show(&warning, None),
            Idle::Warning(seconds) => show(&warning, Some(seconds)),
            Idle::Expired => {
                show(&warning, None);
                on_expire.emit(());
            }
        }
    });
    (listeners, tick)
}

/// "Are you still there?", over the screen. Any touch or key closes it.
pub fn idle_dialog(seconds: u32) -> Html {
    let left = seconds_text(f64::from(seconds) * 1000.0);
    html! {
        <div class="kiosk-overlay screen-only">
            <div class="kiosk-dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-text">
                <h2 id="kiosk-idle-title">{ "Are you still there?" }</h2>
                <p id="kiosk-idle-text">
                    { format!("Touch the screen to carry on. In {left}, everything you have put in will be cleared.") }
                </p>
                <button type="button" class="button" id={STILL_HERE}>{ "I am still here" }</button>
            </div>
        </div>
    }
}
