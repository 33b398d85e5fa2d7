//! The root component: opens the database, provides it through context, and
//! routes (hash-based, so `dist/` works from any folder of any web server).

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{layout, LoadFn, LoadPage};
use crate::error::AppError;
use crate::hooks::{use_load, Load};
use crate::pages;
use crate::state::DbContext;
use crate::storage::{Db, Storage, DB_NAME};

#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Caseload,
    #[at("/people/new")]
    NewPerson,
    #[at("/people/:id")]
    Person { id: String },
    #[at("/people/:id/edit")]
    EditPerson { id: String },
    #[at("/people/:id/progress")]
    Progress { id: String },
    #[at("/assessments/:id")]
    Assessment { id: String },
    #[at("/assessments/:id/summary")]
    Summary { id: String },
    #[at("/plans/:id")]
    Plan { id: String },
    #[at("/directory")]
    Directory,
    #[at("/directory/new")]
    NewService,
    #[at("/directory/files")]
    DirectoryFiles,
    #[at("/directory/:id")]
    EditService { id: String },
    #[at("/settings")]
    Settings,
    #[at("/templates")]
    Templates,
    #[at("/about")]
    About,
    /// Kiosk mode (`pages/kiosk`). While it is on, every route shows it.
    #[at("/kiosk")]
    Kiosk,
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

fn switch(route: Route) -> Html {
    let page = match route.clone() {
        Route::Caseload => html! { <pages::Caseload /> },
        Route::NewPerson => pages::person_form(None),
        Route::EditPerson { id } => pages::person_form(Some(id.into())),
        Route::Person { id } => pages::person_page(id.into()),
        Route::Assessment { id } => pages::assessment_page(id.into()),
        Route::Summary { id } => pages::summary_page(id.into()),
        Route::Plan { id } => pages::plan_page(id.into()),
        Route::Progress { id } => pages::progress_page(id.into()),
        Route::Directory => pages::directory_page(),
        Route::NewService => pages::service_form(None),
        Route::DirectoryFiles => pages::directory_files_page(),
        Route::EditService { id } => pages::service_form(Some(id.into())),
        Route::Settings => pages::settings_page(),
        Route::Templates => pages::templates_page(),
        Route::About => pages::about_page(),
        Route::Kiosk => pages::kiosk::kiosk_off_page(),
        Route::NotFound => pages::not_found_page(),
    };
    layout(&route, page)
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Tests mount the app on a database of their own.
    #[prop_or(AttrValue::Static(DB_NAME))]
    pub db_name: AttrValue,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            db_name: AttrValue::Static(DB_NAME),
        }
    }
}

/// Opens the database `name`, then the app with it.
fn open_app(_: Option<Db>, name: AttrValue) -> LoadPage {
    Box::pin(async move {
        crate::platform::wait_for_tab().await;
        let opened = Storage::open(&name).await;
        crate::platform::hide_boot_message();
        let db: Db = Rc::new(opened?);
        // Kiosk mode: the kiosk, whatever the route, and no way to the rest
        // of the app but its PIN.
        if crate::storage::settings::get_kiosk(&db).await?.enabled {
            return Ok(html! { <DbContext context={db}>{ pages::kiosk::kiosk_app() }</DbContext> });
        }
        Ok(html! {
            <DbContext context={db}>
                <HashRouter>
                    <Switch<Route> render={switch} />
                </HashRouter>
            </DbContext>
        })
    })
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // Typed as a `LoadFn` like the pages' loaders, so `use_load` is compiled
    // once for both.
    let app = use_load(props.db_name.clone(), open_app as LoadFn);
    match &*app {
        Load::Loading => html! {},
        Load::Failed(e) => html! {
            <main id="main" class="fatal">
                <h1>{ match e {
                    AppError::StorageUnavailable { .. } => "Linkwheel cannot keep information here",
                    _ => "Linkwheel cannot start",
                } }</h1>
                <p role="alert">{ e.user_message() }</p>
            </main>
        },
        Load::Ready(app) => app.clone(),
    }
}
