use yew::prelude::*;

use crate::app::Route;
use crate::components::{NavLink, PageHeading};
use crate::hooks::use_title;

/// What Linkwheel is, and where the data lives.
#[component]
pub fn AboutPage() -> Html {
    use_title("About".to_string());
    html! {
        <div class="page page-narrow prose">
            <PageHeading text="About Linkwheel" />
            <p class="lead">{ "Linkwheel helps social prescribing link workers and the people they support talk about what matters, look at life as a whole, and agree a plan to take home." }</p>
            <h2>{ "How it works" }</h2>
            <ol>
                <li>{ "Add a person." }</li>
                <li>{ "Go through the needs assessment together, one part of life at a time." }</li>
                <li>{ "See the wheel of life and choose up to three things to work on first." }</li>
                <li>{ "Write an action plan with small steps, and print it." }</li>
            </ol>
            <h2>{ "Your information stays here" }</h2>
            <p>{ "Everything is kept in this browser on this device. Nothing is sent anywhere: there is no account and no server. Clearing the browser's data for this site deletes Linkwheel's records." }</p>
            <h2>{ "The questions" }</h2>
            <p>{ "The life areas and questions are Linkwheel's own wording. Linkwheel does not include licensed questionnaires." }</p>
        </div>
    }
}

/// A route that does not exist.
#[component]
pub fn NotFound() -> Html {
    use_title("Page not found".to_string());
    html! {
        <div class="page page-narrow">
            <PageHeading text="Page not found" />
            <p>{ "We could not find that page. " }<NavLink to={Route::Caseload}>{ "Go to the list of people" }</NavLink></p>
        </div>
    }
}
