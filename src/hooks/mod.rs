//! Hooks that connect components to storage: loading records, and saving
//! them with a visible status that says "Saved" only after the commit.

mod use_autosave;
mod use_load;

pub use use_autosave::{use_autosave, Autosave, SaveStatus};
pub use use_load::{use_load, Load};

use yew::prelude::*;

use crate::storage::Db;

/// The open database, provided by `App` once it has opened.
#[hook]
pub fn use_db() -> Option<Db> {
    use_context::<Db>()
}

/// Sets the tab title for the page.
#[hook]
pub fn use_title(title: String) {
    use_effect_with(title, |t| crate::platform::set_title(t));
}
