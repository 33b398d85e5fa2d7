//! The root component: opens the database, provides it through context, and
//! routes (hash-based, so `dist/` works from any folder of any web server).
//! With the device's data protected, the gate ([`Gated`]) draws the pages
//! only while Linkwheel is unlocked.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::{layout, LoadFn, LoadPage};
use crate::error::AppError;
use crate::hooks::{use_load, Load};
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

/// The pages one bundle draws: `Some` for its own routes, `None` for the
/// rest (another bundle draws those; see `pages/mod.rs` and ARCHITECTURE.md).
pub type Pages = fn(&Route) -> Option<Html>;

thread_local! {
    /// Set once by the bundle's `main` (or a test) before the app renders.
    /// It is a pointer, not a match over every page, so each bundle's
    /// WebAssembly holds only its own pages.
    static PAGES: Cell<Option<Pages>> = const { Cell::new(None) };
}

/// Which pages this WebAssembly module draws.
pub fn set_pages(pages: Pages) {
    PAGES.with(|p| p.set(Some(pages)));
}

/// A screen drawn instead of the pages: the unlock screen, the set-up one.
pub type Screen = fn() -> Html;

/// True when the crate was built with `LINKWHEEL_REQUIRE_PASSPHRASE=1`: the
/// set-up screen comes before anything else until the device's data is
/// protected by a passphrase (docs/deploying.md).
pub const REQUIRE_PASSPHRASE: bool = match option_env!("LINKWHEEL_REQUIRE_PASSPHRASE") {
    Some(v) => v.len() == 1 && v.as_bytes()[0] == b'1',
    None => false,
};

thread_local! {
    /// Set by the first module only (`main.rs`), so the other modules hold
    /// none of their code: the unlock screen, and the set-up screen when a
    /// passphrase is required.
    static LOCK_SCREEN: Cell<Option<Screen>> = const { Cell::new(None) };
    static SETUP_SCREEN: Cell<Option<Screen>> = const { Cell::new(None) };
}

/// This module draws the unlock screen while Linkwheel is locked.
pub fn set_lock_screen(screen: Screen) {
    LOCK_SCREEN.with(|s| s.set(Some(screen)));
}

/// A passphrase is required before anything else, and this module draws
/// `screen` to set it (on every route but Settings, which stays open for a
/// backup first).
pub fn require_passphrase(screen: Screen) {
    SETUP_SCREEN.with(|s| s.set(Some(screen)));
}

/// What the gate lets through.
#[derive(Clone, Copy, PartialEq)]
enum Gate {
    /// The pages: the data is unlocked, or not protected.
    Open,
    /// Nothing but the unlock screen.
    Locked,
    /// A passphrase is required and not yet set: only the set-up screen,
    /// and Settings.
    SetUp,
}

fn gate() -> Gate {
    use crate::platform::{data_key, is_protected};
    // The kiosk reads and writes nothing personal, so it needs no key (the
    // data stays locked while it runs), and every other address leads to it.
    if kiosk_on() || data_key().is_some() {
        Gate::Open
    } else if is_protected() {
        Gate::Locked
    } else if REQUIRE_PASSPHRASE || SETUP_SCREEN.with(Cell::get).is_some() {
        Gate::SetUp
    } else {
        Gate::Open
    }
}

fn screen(which: &'static std::thread::LocalKey<Cell<Option<Screen>>>) -> Html {
    which.with(Cell::get).map(|f| f()).unwrap_or_default()
}

/// Renders the app into the element with id `root` (the page's body if
/// there is none), drawing `pages`' routes.
pub fn start(root: &str, pages: Pages) {
    set_pages(pages);
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(root));
    match element {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

thread_local! {
    /// Kiosk mode is on (read when the database opens): every address
    /// shows the kiosk, and nothing else can be reached without its PIN.
    static KIOSK: Cell<bool> = const { Cell::new(false) };
}

/// True while kiosk mode is on.
pub fn kiosk_on() -> bool {
    KIOSK.with(Cell::get)
}

/// This bundle's page for the route inside the layout; nothing for another
/// bundle's route (that bundle, loaded by `static/boot.js`, draws it). In
/// kiosk mode every other address is replaced by the kiosk's (no history
/// entry), which the kiosk bundle draws on its own, without the layout.
fn switch(route: Route) -> Html {
    if kiosk_on() && route != Route::Kiosk {
        crate::platform::go_replace(&Route::Kiosk);
        return Html::default();
    }
    if route != Route::Settings && gate() == Gate::SetUp {
        return screen(&SETUP_SCREEN);
    }
    match PAGES.with(Cell::get).and_then(|pages| pages(&route)) {
        Some(page) if kiosk_on() => page,
        Some(page) => layout(&route, page),
        None => Html::default(),
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

/// Opens the database `name`, then the app with it.
fn open_app(_: Option<Db>, name: AttrValue) -> LoadPage {
    Box::pin(async move {
        crate::platform::wait_for_tab().await;
        let opened = Storage::open(&name).await;
        crate::platform::hide_boot_message();
        let db: Db = Rc::new(opened?);
        // boot.js notes that this device has used Linkwheel (its first-run
        // screen is for new devices only).
        crate::platform::announce("linkwheel-opened");
        let kiosk = crate::storage::settings::get_kiosk(&db).await?.enabled;
        KIOSK.with(|k| k.set(kiosk));
        if kiosk {
            // The kiosk needs no key and shows nothing personal: lock.
            crate::platform::lock_now();
        }
        // Tells the keyholder, so a protected device starts locked.
        crate::storage::keyring::is_protected(&db).await?;
        Ok(html! {
            <DbContext context={db}>
                <Gated />
            </DbContext>
        })
    })
}

/// The pages while the gate is open; while Linkwheel is locked, the unlock
/// screen in the first module and nothing in the others. Drawn again when
/// the keyholder (`static/boot.js`) says Linkwheel has been locked or
/// unlocked: locking takes every page away, and with it the records they
/// held.
#[component]
fn Gated() -> Html {
    let update = use_force_update();
    use_effect_with((), move |_| {
        let listen = |name: &'static str| {
            let update = update.clone();
            web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, name, move |_| update.force_update()))
        };
        let listeners = [listen("linkwheel-locked"), listen("linkwheel-unlocked")];
        move || drop(listeners)
    });
    // Keyed by the gate, so the pages start afresh when it changes.
    let key = match gate() {
        Gate::Locked => {
            // Never behind index.html's copy of a new device's first screen.
            crate::platform::first_run_done();
            return screen(&LOCK_SCREEN);
        }
        Gate::Open => "open",
        Gate::SetUp => {
            crate::platform::first_run_done();
            "set-up"
        }
    };
    html! { <HashRouter {key}><Switch<Route> render={switch} /></HashRouter> }
}

thread_local! {
    /// Why the database could not be opened, for [`fatal`].
    static FATAL: std::cell::RefCell<Option<AppError>> = const { std::cell::RefCell::new(None) };
}

/// The database could not be opened: say so in plain words, on this
/// module's routes only.
fn fatal(route: Route) -> Html {
    if PAGES
        .with(Cell::get)
        .and_then(|pages| pages(&route))
        .is_none()
    {
        return Html::default();
    }
    let Some(e) = FATAL.with(|f| f.borrow().clone()) else {
        return Html::default();
    };
    html! {
        <main id="main" class="fatal">
            <h1>{ match e {
                AppError::StorageUnavailable { .. } => "Linkwheel cannot keep information here",
                _ => "Linkwheel cannot start",
            } }</h1>
            <p role="alert">{ e.user_message() }</p>
        </main>
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // Typed as a `LoadFn` like the pages' loaders, so `use_load` is compiled
    // once for both.
    let app = use_load(props.db_name.clone(), open_app as LoadFn);
    match &*app {
        Load::Loading => html! {},
        Load::Failed(e) => {
            FATAL.with(|f| *f.borrow_mut() = Some(e.clone()));
            // The message must not be hidden behind a new device's first
            // screen from index.html.
            crate::platform::first_run_done();
            // Shown by the module whose route it is, so the page says it once.
            html! { <HashRouter><Switch<Route> render={fatal} /></HashRouter> }
        }
        Load::Ready(app) => app.clone(),
    }
}
