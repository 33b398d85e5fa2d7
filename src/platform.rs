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

/// Removes index.html's copy of the first screen (shown by `boot.js` where
/// Linkwheel has never opened its database) once the app has drawn its
/// own: `#app-main` is out of sight while the copy is there, so the app's
/// page appears in the same frame as the copy goes. A link on the copy with
/// keyboard focus hands it to the same link on the app's page (the two
/// pages have the same links in the same order, the skip link aside).
pub fn first_run_done() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(copy) = doc.get_element_by_id("first-run") else {
        return;
    };
    let focused = doc
        .active_element()
        .filter(|el| copy.contains(Some(el)))
        .and_then(|el| {
            let links = copy.query_selector_all("a").ok()?;
            (0..links.length()).find(|&i| links.get(i).is_some_and(|l| l == *el))
        });
    copy.remove();
    let same = focused.and_then(|i| {
        doc.get_element_by_id("app-main")?
            .query_selector_all("a:not(.skip-link)")
            .ok()?
            .get(i)?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()
    });
    if let Some(link) = same {
        let _ = link.focus();
    }
}

/// Writes the full error, cause included, to the console for whoever
/// supports the device. People only ever see `user_message()`.
pub fn log_error(err: &crate::error::AppError) {
    web_sys::console::error_1(&format!("Linkwheel: {err}").into());
}

/// The text of the first file chosen in the file input `id`, or `None` when
/// no file is chosen. A file that cannot be read gives `Err` with the cause.
pub async fn read_chosen_file(id: &str) -> Result<Option<(String, String)>, String> {
    let Some(file) = input_by_id(id)
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    else {
        return Ok(None);
    };
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Some((file.name(), text.as_string().unwrap_or_default())))
}

/// The size in bytes of the first file chosen in the file input `id`.
pub fn chosen_file_size(id: &str) -> Option<f64> {
    input_by_id(id)
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
        .map(|file| file.size())
}

/// Offers `text` as a file download named `name`. Nothing leaves the device:
/// the browser saves it from memory.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked a little later: revoking at once can cancel the download.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// `value` as indented JSON text, through the browser's own `JSON`.
pub fn to_json<T: serde::Serialize>(value: &T) -> Option<String> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .ok()?;
    js_sys::JSON::stringify_with_replacer_and_space(
        &js,
        &wasm_bindgen::JsValue::NULL,
        &wasm_bindgen::JsValue::from(2),
    )
    .ok()?
    .as_string()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a JavaScript string, which stays in JavaScript.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_js(text: &js_sys::JsString) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;

    /// The browser's `TextDecoder`, whose `decode` here gives a JavaScript
    /// string rather than a Rust one.
    #[wasm_bindgen(js_name = TextDecoder)]
    type JsTextDecoder;

    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new(label: &str, options: &js_sys::Object) -> Result<JsTextDecoder, wasm_bindgen::JsValue>;

    #[wasm_bindgen(method, catch)]
    fn decode(
        this: &JsTextDecoder,
        bytes: &js_sys::ArrayBuffer,
    ) -> Result<js_sys::JsString, wasm_bindgen::JsValue>;
}

/// UTF-8 JSON `bytes` as the browser's own values (`JSON.parse`), all in
/// JavaScript: nothing is copied into WebAssembly. `Err` (the cause) when
/// the bytes are not UTF-8 or not JSON.
pub fn json_from_utf8(bytes: &js_sys::ArrayBuffer) -> Result<wasm_bindgen::JsValue, String> {
    let fail = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"fatal".into(), &true.into()).map_err(fail)?;
    let decoder = JsTextDecoder::new("utf-8", &options).map_err(fail)?;
    parse_js(&decoder.decode(bytes).map_err(fail)?).map_err(fail)
}

/// Opens the page for `route` by setting the address's hash, as a link
/// would: every module of the page (and `static/boot.js`, which loads the
/// module a route needs) hears of it, which the router's own `push` (history
/// `pushState`) would not tell them.
pub fn go(route: &crate::app::Route) {
    use yew_router::Routable;
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.to_path());
    }
}

/// Like [`go`], replacing the current address in the history instead of
/// adding one (kiosk mode: Back never leads anywhere else).
pub fn go_replace(route: &crate::app::Route) {
    use yew_router::Routable;
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace(&format!("#{}", route.to_path()));
    }
}

/// Runs `step` in the browser's idle moments (`requestIdleCallback`, or a
/// short timeout in a browser without it), again each time until it returns
/// true: for work nobody is waiting for, such as freeing a page's records
/// once the page has gone, which must not hold up the page drawn next.
pub fn in_idle_steps(step: impl FnMut() -> bool + 'static) {
    idle_step(Box::new(step));
}

fn idle_step(mut step: Box<dyn FnMut() -> bool>) {
    let Some(w) = web_sys::window() else { return };
    let next = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !step() {
            idle_step(step);
        }
    });
    let next: &js_sys::Function = next.unchecked_ref();
    if w.request_idle_callback(next).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(next, 50);
    }
}

/// Waits until this tab may run Linkwheel: `static/boot.js` holds a lock so
/// only one tab runs it at a time (another tab asks first, then takes over).
/// Without boot.js (tests that mount the app) there is nothing to wait for.
pub async fn wait_for_tab() {
    let Some(w) = web_sys::window() else { return };
    let Ok(f) = js_sys::Reflect::get(&w, &"linkwheelTabLock".into()) else {
        return;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return;
    };
    if let Ok(promise) = f.call0(&w) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
}

/// Tells `static/boot.js` something the page must show even if the app
/// cannot: a `CustomEvent` named `name` on `window`.
pub fn announce(name: &str) {
    if let (Some(w), Ok(event)) = (web_sys::window(), web_sys::CustomEvent::new(name)) {
        let _ = w.dispatch_event(&event);
    }
}

/// Calls `navigator.storage[method]()` and waits for its promise. `None`
/// when the browser has no storage manager or the call fails.
async fn storage_call(method: &str) -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &method_key("storage")).ok()?;
    if storage.is_undefined() {
        return None;
    }
    let f: js_sys::Function = js_sys::Reflect::get(&storage, &method_key(method))
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = f.call0(&storage).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

fn method_key(name: &str) -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(name)
}

/// Whether the browser has promised not to clear this site's data when
/// space runs low.
pub async fn storage_persisted() -> Option<bool> {
    storage_call("persisted").await?.as_bool()
}

/// Asks the browser to keep this site's data (it may say no, or ask the
/// person). Returns what it decided.
pub async fn ask_to_persist() -> Option<bool> {
    storage_call("persist").await?.as_bool()
}

/// (bytes used, bytes the site may use), as the browser estimates them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let estimate = storage_call("estimate").await?;
    let number = |key: &str| {
        js_sys::Reflect::get(&estimate, &method_key(key))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((number("usage")?, number("quota")?))
}

/// Reloads the page at `hash` (for example `#/` after deleting everything).
/// The address changes without telling the router, so the page being left
/// does not start loading another one first.
pub fn reload_at(hash: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
    let _ = window.location().reload();
}

/// Asks the browser to keep Linkwheel's data safe from clearing, unless it
/// already does. Called when personal data is first saved.
pub async fn keep_data_safe() {
    if storage_persisted().await == Some(false) {
        let _ = ask_to_persist().await;
    }
}

// The keyholder. With the device's data protected by a passphrase, the data
// key (a `CryptoKey` that cannot be exported) is held in memory only, by
// `window.linkwheelKeys` in `static/boot.js`, so that the page's WebAssembly
// modules share it; a reload forgets it. Without boot.js (tests that mount
// the app or use storage alone) there is no keyholder unless a test makes
// one: nothing is protected, and nothing is sealed.

fn keyholder() -> Option<js_sys::Object> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &"linkwheelKeys".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Calls `window.linkwheelKeys[method](...args)`.
fn keys_call(method: &str, args: &[wasm_bindgen::JsValue]) -> Option<wasm_bindgen::JsValue> {
    let keys = keyholder()?;
    let f: js_sys::Function = js_sys::Reflect::get(&keys, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.apply(&keys, &args.iter().collect()).ok()
}

/// The data key, while Linkwheel is unlocked.
pub fn data_key() -> Option<web_sys::CryptoKey> {
    keys_call("get", &[])?.dyn_into().ok()
}

/// Whether this device's data is protected by a passphrase (known once a
/// module has opened the database, or a key has been held).
pub fn is_protected() -> bool {
    keyholder()
        .and_then(|k| js_sys::Reflect::get(&k, &"protected".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Notes that this device's data is protected: until a key is held,
/// Linkwheel is locked.
pub fn mark_protected() {
    if let Some(k) = keyholder() {
        let _ = js_sys::Reflect::set(&k, &"protected".into(), &true.into());
    }
}

/// Holds the data key: Linkwheel is unlocked (every module hears
/// `linkwheel-unlocked`) until `idle_minutes` pass without use, or
/// [`lock_now`].
pub fn hold_key(key: &web_sys::CryptoKey, idle_minutes: u32) {
    keys_call("set", &[key.into(), idle_minutes.into()]);
}

/// Changes how long Linkwheel waits without use before it locks.
pub fn set_idle_minutes(minutes: u32) {
    keys_call("idle", &[minutes.into()]);
}

/// Drops the data key: Linkwheel is locked (every module hears
/// `linkwheel-locked` and lets go of its pages).
pub fn lock_now() {
    keys_call("drop", &[]);
}
