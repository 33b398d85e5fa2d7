//! The kiosk PIN: stored only as a salted PBKDF2-HMAC-SHA256 hash made by
//! the browser's WebCrypto, and the prompt that leaves kiosk mode with it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::{action, prose, Look};
use crate::crypto::{pbkdf2_bits, random_bytes};
use crate::domain::backup::{base64_decode, base64_encode};
use crate::domain::kiosk::KioskSettings;
use crate::domain::kiosk::{same_bytes, seconds_text, Action, PIN_ITERATIONS, SALT_BYTES};
use crate::error::AppError;
use crate::hooks::{use_value, Value};
use crate::platform::{focus_id_soon, log_error, now_ms, reload_at};
use crate::storage::settings::{get_kiosk, save_kiosk};
use crate::storage::Db;

fn crypto_failed(e: crate::crypto::CryptoError) -> AppError {
    AppError::storage("check the PIN", format!("{e:?}"))
}

/// A new PIN's (hash, salt), both base64, made with a fresh random salt and
/// [`PIN_ITERATIONS`].
pub async fn new_pin(pin: &str) -> Result<(String, String), AppError> {
    let salt = random_bytes(SALT_BYTES).map_err(crypto_failed)?;
    let hash = pbkdf2_bits(pin, &salt, PIN_ITERATIONS)
        .await
        .map_err(crypto_failed)?;
    Ok((base64_encode(&hash), base64_encode(&salt)))
}

/// True when `pin` hashes to the stored hash with the stored salt and
/// iterations. False when no PIN is stored.
pub async fn pin_matches(kiosk: &KioskSettings, pin: &str) -> Result<bool, AppError> {
    let (Some(hash), Some(salt)) = (base64_decode(&kiosk.pin_hash), base64_decode(&kiosk.salt))
    else {
        return Ok(false);
    };
    if hash.is_empty() || kiosk.iterations == 0 {
        return Ok(false);
    }
    let typed = pbkdf2_bits(pin, &salt, kiosk.iterations)
        .await
        .map_err(crypto_failed)?;
    Ok(same_bytes(&typed, &hash))
}

/// What a try at the PIN came to.
enum Tried {
    /// Right: kiosk mode is off and the page is reloading.
    Left,
    /// Wrong (`true`), or refused unchecked because it is too soon
    /// (`false`); the next try is allowed in this many milliseconds.
    Wait(f64, bool),
}

/// Checks `pin` against the stored hash, unless the last wrong PIN was too
/// recent. Right: kiosk mode off, and back to the app. Wrong: the wait
/// before the next try grows, and is stored, so a reload does not skip it.
async fn try_pin(db: &crate::storage::Storage, pin: &str) -> Result<Tried, AppError> {
    let mut kiosk = get_kiosk(db).await?;
    let now = now_ms();
    if now < kiosk.locked_until {
        return Ok(Tried::Wait(kiosk.locked_until - now, false));
    }
    if pin_matches(&kiosk, pin).await? {
        save_kiosk(db, &kiosk.turned_off()).await?;
        reload_at("#/");
        return Ok(Tried::Left);
    }
    kiosk.failed(now_ms());
    save_kiosk(db, &kiosk).await?;
    Ok(Tried::Wait(kiosk.locked_until - now_ms(), true))
}

const PIN_ID: &str = "kiosk-leave-pin";

/// The PIN prompt's state. The kiosk holds it (one component costs less
/// WebAssembly than two); the typed PIN goes when the prompt closes.
#[derive(Clone)]
pub struct PinBox {
    pin: Value<String>,
    message: Value<String>,
    busy: Value<bool>,
    /// Dropped with the kiosk, so a wait that ends later changes nothing.
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl PinBox {
    /// Forgets the typed PIN.
    pub fn clear(&self) {
        if !self.pin.latest().is_empty() {
            self.pin.set(String::new());
        }
    }
}

#[hook]
pub fn use_pin_box() -> PinBox {
    PinBox {
        pin: use_value(String::new),
        message: use_value(String::new),
        busy: use_value(|| false),
        timer: use_mut_ref(|| None),
    }
}

/// "Leave kiosk mode", for staff: the PIN, then the normal app.
pub fn pin_screen(b: &PinBox, db: Option<Db>, act: &Callback<Action>) -> Html {
    let onsubmit = {
        let b = b.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *b.busy.latest() {
                return;
            }
            let typed = (*b.pin.latest()).clone();
            if typed.is_empty() {
                b.message.set("Type the PIN first.".into());
                focus_id_soon(PIN_ID.into());
                return;
            }
            let Some(db) = db.clone() else { return };
            b.busy.set(true);
            b.message.set("Checking…".into());
            let b = b.clone();
            spawn_local(async move {
                match try_pin(&db, &typed).await {
                    Ok(Tried::Left) => {}
                    Ok(Tried::Wait(ms, checked)) => {
                        b.pin.set(String::new());
                        b.message.set(if checked {
                            format!(
                                "That PIN is not right. You can try again in {}.",
                                seconds_text(ms)
                            )
                        } else {
                            format!("Please wait {} before trying again.", seconds_text(ms))
                        });
                        wait_then_allow(&b, ms);
                        focus_id_soon(PIN_ID.into());
                    }
                    Err(e) => {
                        log_error(&e);
                        b.message.set(e.user_message());
                        b.busy.set(false);
                    }
                }
            });
        })
    };
    let oninput = b
        .pin
        .setter(|p, v| *p = v)
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <>
            { prose("<p class=\"kiosk-lead\">For staff. Type the kiosk PIN to go back to Linkwheel.</p>") }
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for={PIN_ID}>{ "Kiosk PIN" }</label>
                    <input id={PIN_ID} type="password" inputmode="numeric" autocomplete="off"
                        value={(*b.pin).clone()} {oninput} aria-describedby="kiosk-pin-message" />
                </div>
                <p id="kiosk-pin-message" class="kiosk-message" role="status" aria-live="polite">{ (*b.message).clone() }</p>
                <div class="button-row kiosk-nav">
                    { action(Look::Secondary, "Back", None, act, Action::Back) }
                    <button type="submit" class="button" disabled={*b.busy}>{ "Leave kiosk mode" }</button>
                </div>
            </form>
        </>
    }
}

/// Keeps the button off for `ms`, then allows another try.
fn wait_then_allow(b: &PinBox, ms: f64) {
    let (busy, message) = (b.busy.clone(), b.message.clone());
    let t = Timeout::new(ms.ceil().max(0.0) as u32, move || {
        busy.set(false);
        message.set("You can try again now.".into());
    });
    *b.timer.borrow_mut() = Some(t);
}
