//! Reusable pieces of the interface. Pages put them together.

pub mod confirm;
pub mod error_banner;
pub mod field;
pub mod goal_form;
pub mod layout;
pub mod plan_document;
pub mod save_status;
pub mod score_picker;
pub mod step_nav;
pub mod wheel_chart;

pub use confirm::Confirm;
pub use error_banner::ErrorBanner;
pub use field::{TextArea, TextField};
pub use goal_form::GoalForm;
pub use layout::{Layout, Loading, NavLink, PageHeading};
pub use plan_document::PlanDocument;
pub use save_status::SaveStatusView;
pub use score_picker::ScorePicker;
pub use step_nav::{StepInfo, StepNav};
pub use wheel_chart::{WheelChart, WheelTable};
