//! Pure Rust: the model, templates, outcome measures, scoring, progress over
//! time, wheel and chart geometry, validation and dates. Nothing here touches
//! the browser, so all of it is tested natively.

pub mod backup;
pub mod builtin_templates;
pub mod chart;
pub mod dates;
pub mod directory;
pub mod edit;
pub mod kiosk;
pub mod lock;
pub mod measures;
pub mod model;
pub mod order;
pub mod progress;
pub mod referrals;
pub mod scoring;
pub mod search;
pub mod template;
pub mod validate;
pub mod wheel;

pub use model::*;
