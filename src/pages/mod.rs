//! One component per route.

mod about;
pub(crate) mod assessment;
mod caseload;
mod directory;
mod directory_files;
pub mod kiosk;
mod person;
mod person_episode;
mod person_form;
mod plan;
mod plan_services;
mod progress;
mod service_form;
mod settings;
mod settings_backup;
mod settings_device;
mod summary;
mod templates;

pub use about::{about_page, not_found_page};
pub use assessment::assessment_page;
pub use caseload::Caseload;
pub use directory::directory_page;
pub use directory_files::directory_files_page;
pub use person::person_page;
pub use person_form::person_form;
pub use plan::plan_page;
pub use progress::progress_page;
pub use service_form::service_form;
pub use settings::settings_page;
pub use summary::summary_page;
pub use templates::templates_page;

use yew::prelude::*;

use crate::components::{error_banner, Heading};
use crate::error::AppError;

/// The page's heading, which is also its tab title.
fn titled_heading(text: String) -> Html {
    let text = AttrValue::from(text);
    html! { <Heading text={text.clone()} title={text} /> }
}

/// A page whose records could not be loaded: its heading, and why.
pub(crate) fn not_found(title: &'static str, e: &AppError) -> Html {
    html! { <div class="page"><Heading text={title} />{ error_banner(Some(e)) }</div> }
}
