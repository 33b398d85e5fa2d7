//! Small browser helpers that are not storage: clock, ids, page title,
//! focus and printing. Kept here so components stay about layout.

use wasm_bindgen::JsCast;

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's local date as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A new random id. Uses `crypto.randomUUID()`; falls back to time and
/// `Math.random` where that is missing (old browsers, and plain http, where
/// `crypto` exists but `randomUUID` does not).
pub fn new_id() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .filter(|c| js_sys::Reflect::has(c, &"randomUUID".into()).unwrap_or(false))
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            let rand = (js_sys::Math::random() * 1e12) as u64;
            format!("{:x}-{:x}", now_ms() as u64, rand)
        })
}

/// Sets the browser tab's title: "Page – Linkwheel".
pub fn set_title(page: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{page} – Linkwheel"));
    }
}

/// Moves keyboard and screen reader focus to the element with `id`.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The input element with `id`, to read what was typed in it.
pub fn input_by_id(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into().ok())
}

/// Moves focus to `id` once the current render has finished, for elements
/// that an action re-creates or moves.
pub fn focus_id_soon(id: String) {
    // Yew queues its render as a task before this one runs.
    yew::platform::spawn_local(async move { focus_id(&id) });
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Removes the plain-HTML loading message once the app has taken over,
/// unless `boot.js` has replaced it with a message that matters more.
pub fn hide_boot_message() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        if !el.class_name().contains("boot-failed") {
            el.remove();
        }
    }
}

/// Writes the full error, cause included, to the console for whoever
/// supports the device. People only ever see `user_message()`.
pub fn log_error(err: &crate::error::AppError) {
    web_sys::console::error_1(&format!("Linkwheel: {err}").into());
}
