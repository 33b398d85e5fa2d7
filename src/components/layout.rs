use yew::prelude::*;

use crate::app::Route;
use crate::components::{focus_on_click, href};

/// The page frame: skip link, header with navigation, and the main area
/// holding `page`. The router renders it for every route, so the links know
/// which page is the current one.
pub fn layout(route: &Route, page: Html) -> Html {
    let nav_item = |to: Route, text: &'static str| {
        let current = (*route == to).then_some("page");
        html! { <li><a href={href(&to)} aria-current={current}>{ text }</a></li> }
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={focus_on_click("main".to_string())}>
                { "Skip to main content" }
            </a>
            <header class="site-header">
                <div class="header-inner">
                    <a href="#/" class="brand"><span class="brand-mark" aria-hidden="true"></span>{ "Linkwheel" }</a>
                    <nav aria-label="Main">
                        <ul>
                            { nav_item(Route::Caseload, "People") }
                            { nav_item(Route::Directory, "Directory") }
                            { nav_item(Route::Templates, "Templates") }
                            { nav_item(Route::Settings, "Settings") }
                            { nav_item(Route::About, "About") }
                        </ul>
                    </nav>
                    // Shown only while the data is protected and unlocked
                    // (`static/boot.js` marks the page `unlocked`).
                    <button type="button" class="button button-secondary lock-now" onclick={Callback::from(|_: MouseEvent| crate::platform::lock_now())}>
                        { "Lock now" }
                    </button>
                </div>
            </header>
            <main id="main" tabindex="-1">{ page }</main>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// `h1` for the page; `h2` or `h3` for a panel that opens within it.
    #[prop_or("h1")]
    pub tag: &'static str,
    #[prop_or(AttrValue::Static("page-heading"))]
    pub id: AttrValue,
    pub text: AttrValue,
    /// The browser tab's title ("… – Linkwheel"), set when a page's heading
    /// appears. `None` keeps the title as it was (a panel, or a page that
    /// could not load).
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

/// A heading that takes focus when it appears, so keyboard and screen
/// reader users land on it: the page's `h1` after a route change, an "are
/// you sure?" question, a goal form.
#[component]
pub fn Heading(props: &HeadingProps) -> Html {
    {
        let id = props.id.clone();
        use_effect_with(
            (props.text.clone(), props.title.clone()),
            move |(_, title)| {
                if let Some(title) = title {
                    crate::platform::set_title(title);
                }
                crate::platform::focus_id(&id)
            },
        );
    }
    html! { <@{props.tag} id={props.id.clone()} tabindex="-1">{ props.text.clone() }</@> }
}
