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
    r#"<li>Write an action plan with small steps, and print it.</li>"#,
    r#"<li>Meet again for reviews: each one asks the same questions, shows last time's answers, and the progress page shows what changed.</li></ol>"#,
    r#"<h2>Your information stays here</h2>"#,
    r#"<p>Everything is kept in this browser on this device. Nothing is sent anywhere: there is no account and no server. Clearing the browser's data for this site deletes Linkwheel's records.</p>"#,
    r#"<h2>The questions</h2>"#,
    r#"<p>The life areas, questions and templates are Linkwheel's own wording. Linkwheel does not include licensed questionnaires such as WEMWBS, SWEMWBS, PAM or any Outcomes Star.</p>"#,
    r#"<h2>Wellbeing and loneliness questions</h2>"#,
    r#"<p>Two free, well-known sets of questions can be added as optional steps. They are used with their exact wording, as their authors ask.</p>"#,
    r#"<h3>ONS4 personal wellbeing</h3>"#,
    r#"<p>Four questions, each answered from 0 (not at all) to 10 (completely). Each is reported on its own and they are never added up. For the anxiety question, a lower score is better.</p>"#,
    r#"<p class="citation">Source: Office for National Statistics, Personal well-being harmonised standard, Government Statistical Service (Analysis Function). Crown copyright, used under the Open Government Licence.</p>"#,
    r#"<h3>UCLA 3-item loneliness scale</h3>"#,
    r#"<p>Three questions answered hardly ever (1), some of the time (2) or often (3). The total goes from 3 to 9; a higher total means lonelier.</p>"#,
    r#"<p class="citation">Source: Hughes, M. E., Waite, L. J., Hawkley, L. C. and Cacioppo, J. T. (2004). A short scale for measuring loneliness in large surveys: results from two population-based studies. Research on Aging, 26(6), 655&ndash;672.</p>"#,
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
