use yew::prelude::*;

use crate::error::AppError;

#[derive(Properties, PartialEq)]
pub struct ErrorBannerProps {
    pub error: Option<AppError>,
}

/// A plain-words message when something went wrong. The cause goes to the
/// console, never to the screen.
#[component]
pub fn ErrorBanner(props: &ErrorBannerProps) -> Html {
    match &props.error {
        Some(e) => html! {
            <div class="banner banner-error" role="alert">
                <p>{ e.user_message() }</p>
            </div>
        },
        None => html! {},
    }
}
