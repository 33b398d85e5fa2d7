use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

/// The page frame: skip link, header with navigation, and the main area.
#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let route = use_route::<Route>();
    let current = |r: Route| (route.as_ref() == Some(&r)).then_some("page");
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                crate::platform::focus_id("main");
            })}>{ "Skip to main content" }</a>
            <header class="site-header">
                <div class="header-inner">
                    <NavLink to={Route::Caseload} class="brand">
                        <span class="brand-mark" aria-hidden="true"></span>{ "Linkwheel" }
                    </NavLink>
                    <nav aria-label="Main">
                        <ul>
                            <li><NavLink to={Route::Caseload} current={current(Route::Caseload)}>{ "People" }</NavLink></li>
                            <li><NavLink to={Route::Settings} current={current(Route::Settings)}>{ "Settings" }</NavLink></li>
                            <li><NavLink to={Route::About} current={current(Route::About)}>{ "About" }</NavLink></li>
                        </ul>
                    </nav>
                </div>
            </header>
            <main id="main" tabindex="-1">
                { props.children.clone() }
            </main>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub current: Option<&'static str>,
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

/// A link to a route that can carry `aria-current` and any class.
#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let to = props.to.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        e.prevent_default();
        if let Some(n) = &navigator {
            n.push(&to);
        }
    });
    html! {
        <a href={format!("#{}", props.to.to_path())} class={props.class.clone()} aria-current={props.current} {onclick}>
            { props.children.clone() }
        </a>
    }
}

#[derive(Properties, PartialEq)]
pub struct PageHeadingProps {
    pub text: AttrValue,
}

/// The page's `h1`. It takes focus when the page opens, so screen readers
/// announce the new page after a route change.
#[component]
pub fn PageHeading(props: &PageHeadingProps) -> Html {
    use_effect_with(props.text.clone(), |_| {
        crate::platform::focus_id("page-heading")
    });
    html! { <h1 id="page-heading" tabindex="-1">{ props.text.clone() }</h1> }
}

/// Shown while a page's records load from IndexedDB.
#[component]
pub fn Loading() -> Html {
    html! { <p class="loading" role="status">{ "Loading…" }</p> }
}
