use yew::prelude::*;

use crate::app::Route;
use crate::components::{link, prose, Heading};

/// Fixed text: written here, never built from records.
const ABOUT: &str = concat!(
    r#"<p class="lead">Linkwheel helps social prescribing link workers and the people they support talk about what matters, look at life as a whole, and agree a plan to take home.</p>"#,
    r#"<h2>How it works</h2><ol>"#,
    r#"<li>Add a person.</li>"#,
    r#"<li>Go through the needs assessment together, one part of life at a time.</li>"#,
    r#"<li>See the wheel of life and choose up to three things to work on first.</li>"#,
    r#"<li>Write an action plan with small steps, and print it.</li></ol>"#,
    r#"<h2>Your information stays here</h2>"#,
    r#"<p>Everything is kept in this browser on this device. Nothing is sent anywhere: there is no account and no server. Clearing the browser's data for this site deletes Linkwheel's records.</p>"#,
    r#"<h2>The questions</h2>"#,
    r#"<p>The life areas and questions are Linkwheel's own wording. Linkwheel does not include licensed questionnaires.</p>"#,
);

/// What Linkwheel is, and where the data lives.
pub fn about_page() -> Html {
    html! {
        <div class="page page-narrow prose">
            <Heading text="About Linkwheel" title="About" />
            { prose(ABOUT) }
        </div>
    }
}

/// A route that does not exist.
pub fn not_found_page() -> Html {
    html! {
        <div class="page page-narrow">
            <Heading text="Page not found" title="Page not found" />
            <p>{ "We could not find that page. " }{ link(&Route::Caseload, "Go to the list of people") }</p>
        </div>
    }
}
