//! Hooks that connect components to storage: loading records, and saving
//! them with a visible status that says "Saved" only after the commit.

mod use_autosave;
mod use_load;
mod use_task;
mod use_value;
mod use_window;

pub use use_autosave::{use_autosave, Autosave, SaveFuture, SaveStatus};
pub use use_load::{use_load, Load};
pub use use_task::{use_task, Task};
pub use use_value::{use_value, Value};
pub use use_window::use_window;

use yew::prelude::*;

use crate::platform::now_ms;
use crate::state::{Draft, DraftAction, Editable};
use crate::storage::Db;

/// The open database, provided by `App` once it has opened.
#[hook]
pub fn use_db() -> Option<Db> {
    use_context::<Db>()
}

/// A record being edited, saved after every change the person makes: the
/// [`Draft`] as rendered, its [`Autosave`] (for the status), and the callback
/// that applies an edit and saves the result.
#[hook]
pub fn use_draft<T: Editable>(
    init: impl FnOnce() -> T,
    save: fn(Db, T) -> SaveFuture,
) -> (Value<Draft<T>>, Autosave<T>, Callback<T::Edit>) {
    let draft = use_value(|| Draft::new(init()));
    let autosave = use_autosave(save);
    let edit = {
        let (draft, autosave) = (draft.clone(), autosave.clone());
        Callback::from(move |edit: T::Edit| {
            if let Some(next) = draft.dispatch(DraftAction::Edit(edit, now_ms())) {
                autosave.save(next.value.clone());
            }
        })
    };
    (draft, autosave, edit)
}
