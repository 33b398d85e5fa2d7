//! One component per route.

mod about;
pub(crate) mod assessment;
mod caseload;
mod directory;
mod directory_files;
pub mod kiosk;
mod lock;
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
mod settings_protect;
mod summary;
mod templates;

pub use about::{about_page, not_found_page};
pub use assessment::assessment_page;
pub use caseload::Caseload;
pub use directory::directory_page;
pub use directory_files::directory_files_page;
pub use lock::unlock_screen;
pub use person::person_page;
pub use person_form::person_form;
pub use plan::plan_page;
pub use progress::progress_page;
pub use service_form::service_form;
pub use settings::settings_page;
pub use settings_protect::setup_screen;
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

use crate::app::Route;

// The bundles. Each WebAssembly module draws the routes of one of these
// (its `main` passes it to `app::start`), and `static/boot.js` loads the
// module a route needs when it is first visited. Keep the route table in
// `boot.js` (`bundleFor`) the same as this.

/// The first load: the caseload, and addresses that are not found.
pub fn main_pages(route: &Route) -> Option<Html> {
    match route {
        Route::Caseload => Some(html! { <Caseload /> }),
        Route::NotFound => Some(not_found_page()),
        _ => None,
    }
}

/// A person and their journey: details, assessments, summary, plan, progress.
pub fn people_pages(route: &Route) -> Option<Html> {
    Some(match route.clone() {
        Route::NewPerson => person_form(None),
        Route::EditPerson { id } => person_form(Some(id.into())),
        Route::Person { id } => person_page(id.into()),
        Route::Assessment { id } => assessment_page(id.into()),
        Route::Summary { id } => summary_page(id.into()),
        Route::Plan { id } => plan_page(id.into()),
        Route::Progress { id } => progress_page(id.into()),
        _ => return None,
    })
}

/// The community directory, its entries, import and export.
pub fn directory_pages(route: &Route) -> Option<Html> {
    Some(match route.clone() {
        Route::Directory => directory_page(),
        Route::NewService => service_form(None),
        Route::DirectoryFiles => directory_files_page(),
        Route::EditService { id } => service_form(Some(id.into())),
        _ => return None,
    })
}

/// Settings (backup and restore among them), templates, about.
pub fn settings_pages(route: &Route) -> Option<Html> {
    Some(match route {
        Route::Settings => settings_page(),
        Route::Templates => templates_page(),
        Route::About => about_page(),
        _ => return None,
    })
}

/// Kiosk mode: the check-in for members of the public while it is on, a
/// short note that it is off otherwise. (Its settings are in Settings.)
pub fn kiosk_pages(route: &Route) -> Option<Html> {
    match route {
        Route::Kiosk if crate::app::kiosk_on() => Some(kiosk::kiosk_app()),
        Route::Kiosk => Some(kiosk::kiosk_off_page()),
        _ => None,
    }
}

/// Every page, in one module: for tests that mount the whole app.
pub fn all_pages(route: &Route) -> Option<Html> {
    main_pages(route)
        .or_else(|| people_pages(route))
        .or_else(|| directory_pages(route))
        .or_else(|| settings_pages(route))
        .or_else(|| kiosk_pages(route))
}
