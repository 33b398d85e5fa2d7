//! The unlock screen, drawn by the first module alone (`main.rs` hands it to
//! `app::set_lock_screen`) while Linkwheel is locked. It shows no personal
//! data: only the passphrase box, and why a try did not unlock.

use gloo::timers::future::TimeoutFuture;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::field::field_div;
use crate::components::prose;
use crate::domain::lock::wait_words;
use crate::hooks::{use_db, use_value};
use crate::platform::{focus_id, input_by_id, set_title};
use crate::storage::keyring::{unlock, Unlock};

const FIELD: &str = "unlock-passphrase";

/// What the gate draws while Linkwheel is locked.
pub fn unlock_screen() -> Html {
    html! { <UnlockScreen /> }
}

/// Why the last try did not unlock (empty: none yet), and whether a try is
/// under way or must wait. One value, and the passphrase read from its box
/// only when Unlock is pressed: the screen stays small.
#[derive(Default)]
struct Tries {
    why: String,
    busy: bool,
    waiting: bool,
}

#[component]
fn UnlockScreen() -> Html {
    let db = use_db();
    let tries = use_value(Tries::default);
    use_effect_with((), |_| {
        set_title("Locked");
        focus_id(FIELD);
    });
    let onsubmit = {
        let tries = tries.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (busy, waiting) = {
                let now = tries.latest();
                (now.busy, now.waiting)
            };
            let Some(input) = input_by_id(FIELD) else {
                return;
            };
            let Some(db) = db.clone().filter(|_| !busy && !waiting) else {
                return;
            };
            let p = input.value();
            let tries = tries.clone();
            tries.set(Tries {
                why: String::new(),
                busy: true,
                waiting: false,
            });
            spawn_local(async move {
                let (why, wait) = match unlock(&db, &p).await {
                    // The gate takes this screen away.
                    Ok(Unlock::Unlocked) => return,
                    Ok(Unlock::Wrong(wait)) => ("That is not the passphrase.", wait),
                    Ok(Unlock::Wait(wait)) => ("Too many wrong tries.", wait),
                    Err(e) => {
                        crate::platform::log_error(&e);
                        tries.set(Tries {
                            why: e.user_message(),
                            ..Tries::default()
                        });
                        return;
                    }
                };
                input.set_value("");
                tries.set(Tries {
                    why: format!("{why} You can try again in {}.", wait_words(wait)),
                    busy: false,
                    waiting: true,
                });
                focus_id(FIELD);
                TimeoutFuture::new(wait * 1000).await;
                tries.set(Tries {
                    why: format!("{why} Try again."),
                    ..Tries::default()
                });
            });
        })
    };
    let invalid = !tries.why.is_empty();
    let field = html! {
        <>
            <label for={FIELD}>{ "Passphrase" }</label>
            if invalid {
                <p class="error-message" id="unlock-passphrase-error" role="alert">{ tries.why.clone() }</p>
            }
            <input id={FIELD} type="password" autocomplete="current-password" aria-required="true"
                aria-invalid={invalid.then_some("true")}
                aria-describedby={invalid.then_some("unlock-passphrase-error")} />
        </>
    };
    html! {
        <main id="main" class="lock-screen" tabindex="-1">
            <div class="card lock-panel">
                { prose(concat!(
                    r#"<p class="lock-brand"><span class="brand-mark" aria-hidden="true"></span>Linkwheel</p>"#,
                    "<h1>Linkwheel is locked</h1>",
                    "<p>The data on this device is protected. Type the passphrase to carry on.</p>")) }
                <form {onsubmit} novalidate=true>
                    { field_div(invalid, field) }
                    <div class="button-row">
                        <button type="submit" class="button" disabled={tries.busy || tries.waiting}>{ "Unlock" }</button>
                        <p class="hint" role="status" aria-live="polite">
                            { if tries.busy { "Unlocking…" } else { "" } }
                        </p>
                    </div>
                </form>
                { prose(concat!(
                    r#"<p class="hint">Forgotten it? Without the passphrase the records on this device cannot be opened, by anyone. "#,
                    "Whoever looks after this device can clear Linkwheel's data in the browser's settings ",
                    "and start again, restoring a backup if there is one.</p>")) }
            </div>
        </main>
    }
}
