//! The root component: opens the database, provides it through context, and
//! routes (hash-based, so `dist/` works from any folder of any web server).

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::Layout;
use crate::error::AppError;
use crate::pages;
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
    #[at("/assessments/:id")]
    Assessment { id: String },
    #[at("/assessments/:id/summary")]
    Summary { id: String },
    #[at("/plans/:id")]
    Plan { id: String },
    #[at("/settings")]
    Settings,
    #[at("/about")]
    About,
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Caseload => html! { <pages::Caseload /> },
        Route::NewPerson => html! { <pages::PersonForm /> },
        Route::EditPerson { id } => html! { <pages::PersonForm id={Some(AttrValue::from(id))} /> },
        Route::Person { id } => html! { <pages::PersonPage {id} /> },
        Route::Assessment { id } => html! { <pages::AssessmentPage {id} /> },
        Route::Summary { id } => html! { <pages::SummaryPage {id} /> },
        Route::Plan { id } => html! { <pages::PlanPage {id} /> },
        Route::Settings => html! { <pages::SettingsPage /> },
        Route::About => html! { <pages::AboutPage /> },
        Route::NotFound => html! { <pages::NotFound /> },
    }
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

enum DbState {
    Opening,
    Open(Db),
    Failed(AppError),
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let opening = use_state(|| DbState::Opening);
    {
        let opening = opening.clone();
        use_effect_with(props.db_name.clone(), move |name| {
            let name = name.to_string();
            spawn_local(async move {
                let next = match Storage::open(&name).await {
                    Ok(s) => DbState::Open(Rc::new(s)),
                    Err(e) => {
                        crate::platform::log_error(&e);
                        DbState::Failed(e)
                    }
                };
                crate::platform::hide_boot_message();
                opening.set(next);
            });
        });
    }
    match &*opening {
        DbState::Opening => html! {},
        DbState::Failed(e) => html! {
            <main id="main" class="fatal">
                <h1>{ match e {
                    AppError::StorageUnavailable { .. } => "Linkwheel cannot keep information here",
                    _ => "Linkwheel cannot start",
                } }</h1>
                <p role="alert">{ e.user_message() }</p>
            </main>
        },
        DbState::Open(db) => html! {
            <ContextProvider<Db> context={db.clone()}>
                <HashRouter>
                    <Layout>
                        <Switch<Route> render={switch} />
                    </Layout>
                </HashRouter>
            </ContextProvider<Db>>
        },
    }
}
