//! Reducers for records being edited. A [`Draft`] holds the record and a
//! revision number; pages save it whenever the revision moves on.

mod draft;

pub use draft::{AssessmentDraft, Draft, DraftAction, Editable};

use crate::storage::Db;
use yew::prelude::*;

/// The open database, as components receive it.
pub type DbContext = ContextProvider<Db>;
