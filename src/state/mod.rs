//! Records being edited, and records handed to components. A [`Draft`] is
//! reduced by pure edits (`hooks::use_draft` saves each change); [`Shared`]
//! passes loaded records to a page component without copying them.

mod draft;
mod shared;

pub use draft::{AssessmentDraft, Draft, DraftAction, Editable};
pub use shared::Shared;

use crate::storage::Db;
use yew::prelude::*;

/// The open database, as components receive it.
pub type DbContext = ContextProvider<Db>;
