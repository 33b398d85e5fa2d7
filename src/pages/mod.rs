//! One component per route.

mod about;
mod assessment;
mod caseload;
mod person;
mod person_form;
mod plan;
mod settings;
mod summary;

pub use about::{AboutPage, NotFound};
pub use assessment::AssessmentPage;
pub use caseload::Caseload;
pub use person::PersonPage;
pub use person_form::PersonForm;
pub use plan::PlanPage;
pub use settings::SettingsPage;
pub use summary::SummaryPage;
