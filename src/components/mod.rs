//! Reusable pieces of the interface. Pages put them together. Pieces with
//! state or effects are components; the rest are plain functions that
//! return `Html`, which costs less code in the WebAssembly.

pub mod confirm;
pub mod field;
pub mod goal_form;
pub mod goal_review;
pub mod layout;
pub mod loader;
pub mod markup;
pub mod plan_document;
pub mod score_picker;
pub mod service;
pub mod step_nav;
pub mod wheel_chart;

pub use confirm::Confirm;
pub use field::{TextArea, TextField};
pub use goal_form::GoalForm;
pub use layout::{layout, Heading};
pub use loader::{loader, LoadFn, LoadPage};
pub use markup::{
    action, button_link, card, checkbox, detail, error_banner, focus_on_click, href, link, loading,
    prose, save_status, Look,
};
pub use plan_document::PlanDocument;
pub use score_picker::score_picker;
pub use step_nav::{step_nav, StepInfo};
pub use wheel_chart::{overlay_legend, wheel_chart, wheel_overlay, wheel_table};
