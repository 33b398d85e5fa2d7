//! Hooks that connect components to storage: loading records, and saving
//! them with a visible status that says "Saved" only after the commit.

mod use_autosave;
mod use_busy;
mod use_load;

pub use use_autosave::{use_autosave, Autosave, SaveStatus};
pub use use_busy::{use_busy, Busy};
pub use use_load::{use_load, Load};

use yew::prelude::*;

use crate::storage::Db;

/// The open database, provided by `App` once it has opened.
#[hook]
pub fn use_db() -> Option<Db> {
    use_context::<Db>()
}

/// Saves `value` through `autosave` whenever `revision` moves past 0, that
/// is after every change the person makes to a [`crate::state::Draft`].
#[hook]
pub fn use_save_on_change<T: Clone + 'static>(revision: u32, value: T, autosave: Autosave<T>) {
    use_effect_with(revision, move |rev| {
        if *rev > 0 {
            autosave.save(value);
        }
    });
}

/// Sets the tab title for the page.
#[hook]
pub fn use_title(title: String) {
    use_effect_with(title, |t| crate::platform::set_title(t));
}
