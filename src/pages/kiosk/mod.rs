//! Kiosk mode: a self-guided check-in for members of the public at a
//! community venue. While it is on, `app.rs` shows [`kiosk_app`] whatever
//! the route, and nothing else of Linkwheel can be reached without the PIN.
//!
//! A visitor's answers live in [`KioskView`]'s memory only (the pure
//! `domain::kiosk::Session`): never in IndexedDB, the URL or history.
//! Finish, printing, or a few minutes without a touch wipe them. Only the
//! number of completed check-ins per day is stored.
//!
//! - `view.rs`: the kiosk component: the check-in, its screens, wiping.
//! - `idle.rs`: the idle timer and "Are you still there?".
//! - `welcome.rs`, `questions.rs`, `activities.rs`, `summary.rs`: screens.
//! - `document.rs`: the printed check-in.
//! - `pin.rs`: the PIN's hash (WebCrypto PBKDF2) and "leave kiosk mode".
//! - `setup.rs`: the Settings section: turn it on, the counts.

mod activities;
mod document;
mod idle;
mod pin;
mod questions;
mod setup;
mod summary;
mod view;
mod welcome;

pub use pin::{new_pin, pin_matches};
pub use setup::kiosk_settings_section;
pub use view::KioskView;

use yew::prelude::*;

use crate::components::{loader, prose, Heading, LoadPage};
use crate::domain::builtin_templates::{builtin, quick_check_template};
use crate::state::Shared;
use crate::storage::directory::all_services;
use crate::storage::settings::get_kiosk;
use crate::storage::Db;

/// The kiosk, in place of the whole app while kiosk mode is on.
pub fn kiosk_app() -> Html {
    html! {
        <main id="main" class="kiosk" tabindex="-1">
            { loader("kiosk", AttrValue::default(), Some("Check in with yourself"), load_kiosk) }
        </main>
    }
}

fn load_kiosk(db: Option<Db>, _: AttrValue) -> LoadPage {
    Box::pin(async move {
        let Some(db) = db else {
            return Ok(Html::default());
        };
        let settings = get_kiosk(&db).await?;
        let template = builtin(&settings.template_id, 1).unwrap_or_else(quick_check_template);
        let services = all_services(&db).await?;
        Ok(html! {
            <KioskView template={Shared::new(template)} services={Shared::new(services)}
                idle_ms={settings.idle_ms()} />
        })
    })
}

/// `#/kiosk` while kiosk mode is off.
pub fn kiosk_off_page() -> Html {
    html! {
        <div class="page page-narrow">
            <Heading text="Kiosk mode is off" title="Kiosk mode is off" />
            { prose(r##"<p>A link worker can turn it on in <a href="#/settings">Settings</a>.</p>"##) }
        </div>
    }
}
