//! Pure Rust: the model, templates, scoring, wheel geometry, validation and
//! dates. Nothing here touches the browser, so all of it is tested natively.

pub mod dates;
pub mod edit;
pub mod model;
pub mod order;
pub mod scoring;
pub mod search;
pub mod template;
pub mod validate;
pub mod wheel;

pub use model::*;
