use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::{button_link, checkbox, error_banner, href, loading, prose, Heading, Look};
use crate::domain::dates;
use crate::domain::progress::{review_due, ReviewDue};
use crate::domain::search::{thousands, CaseloadIndex, PersonRow, SortBy};
use crate::hooks::{use_load, use_value, use_window, Load};
use crate::pages::settings_backup::BackupReminder;
use crate::state::Shared;
use crate::storage::people::list_rows;

/// Fixed text: written here, never built from records.
const NO_ONE_YET: &str = concat!(
    r#"<div class="empty-state"><h2>No one here yet</h2>"#,
    r#"<p>Start by adding the first person you are supporting. Choose <strong>New person</strong> above.</p>"#,
    r#"<p>Everything you add stays on this device. Nothing is sent anywhere.</p></div>"#,
);

/// On the empty caseload of a device whose data is not protected yet.
const PROTECT_OFFER: &str = concat!(
    r#"<section class="card" aria-labelledby="protect-offer-heading">"#,
    r#"<h2 id="protect-offer-heading">Protect this device's data with a passphrase</h2>"#,
    "<p>With a passphrase, everything you add is kept encrypted on this device, ",
    "and Linkwheel locks itself when it has not been used for a while.</p>",
    r##"<p><a href="#/settings">Set a passphrase in Settings</a></p></section>"##,
);

/// The start page: everyone on this device, with search as you type.
#[component]
pub fn Caseload() -> Html {
    let query = use_value(String::new);
    let show_closed = use_value(|| false);
    let sort = use_value(SortBy::default);
    // The people and their search index, made once per visit.
    let people = use_load(AttrValue::default(), |db, _| async move {
        let list = match db {
            Some(db) => list_rows(&db).await?,
            None => Vec::new(),
        };
        let index = CaseloadIndex::new(&list);
        Ok((list, index))
    });
    // When the caseload goes, its rows are freed in idle moments, a
    // thousand at a time: freeing 10,000 at once would hold up the next page.
    use_effect_with(Rc::as_ptr(&people) as usize, {
        let people = people.clone();
        move |_| move || free_later(people)
    });
    // On a new device, index.html's copy of this page is shown until the
    // app's own has its answer; then the app's takes its place.
    let settled = !matches!(&*people, Load::Loading);
    use_effect_with(settled, |settled| {
        if *settled {
            crate::platform::first_run_done();
        }
    });
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let body = match &*people {
        Load::Loading => loading(),
        Load::Failed(e) => error_banner(Some(e)),
        Load::Ready((list, _)) if list.is_empty() => html! {
            <>
                { prose(NO_ONE_YET) }
                if !crate::platform::is_protected() { { prose(PROTECT_OFFER) } }
            </>
        },
        Load::Ready((list, index)) => {
            let shown = index.select(list, &query, *show_closed, *sort);
            html! {
                <>
                    <BackupReminder />
                    <p class="result-count" role="status" aria-live="polite">{ count_text(list, shown.len(), &query, *show_closed) }</p>
                    <PeopleRows people={Shared::from(people.clone())} {shown} />
                </>
            }
        }
    };
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |v: String| {
            sort.set(if v == SORT_LABELS[1] {
                SortBy::NextReview
            } else {
                SortBy::Name
            })
        })
    };
    let on_closed = {
        let show_closed = show_closed.clone();
        Callback::from(move |on: bool| show_closed.set(on))
    };
    let sort_label = SORT_LABELS[usize::from(*sort == SortBy::NextReview)];
    // Search and sort only once there is someone to find.
    let has_people = matches!(&*people, Load::Ready((list, _)) if !list.is_empty());
    html! {
        <div class="page">
            <div class="page-top">
                <Heading text="People" title="People" />
                { button_link(&Route::NewPerson, Look::Primary, "New person") }
            </div>
            if has_people { <>
                <div class="field search-field">
                    { prose(r#"<label for="search">Search people</label>"#) }
                    <input id="search" type="search" value={(*query).clone()} {oninput} autocomplete="off"
                        placeholder="Type a name" />
                </div>
                <div class="list-controls">
                    { select_field("sort", "Sort by", &SORT_LABELS, None, sort_label, &on_sort) }
                    { checkbox("show-closed".into(), *show_closed, false, Html::from("Show closed episodes"), &on_closed, !*show_closed) }
                </div>
            </> }
            { body }
        </div>
    }
}

const SORT_LABELS: [&str; 2] = ["Name", "Next review date"];

/// Rows freed in one idle moment: well under a millisecond's work.
const ROWS_PER_STEP: usize = 1000;

/// Frees the caseload's rows in idle moments, [`ROWS_PER_STEP`] at a time.
fn free_later(people: Rc<Load<(Vec<PersonRow>, CaseloadIndex)>>) {
    if !matches!(*people, Load::Ready(_)) {
        return;
    }
    let mut held = Some(people);
    let mut rows = Vec::new();
    crate::platform::in_idle_steps(move || {
        if let Some(people) = held.take() {
            // By now the page, and everything else that held the rows, has gone.
            match Rc::try_unwrap(people) {
                Ok(Load::Ready((list, _))) => rows = list,
                _ => return true,
            }
        }
        rows.truncate(rows.len().saturating_sub(ROWS_PER_STEP));
        rows.is_empty()
    });
}

/// "3 people on this device", "1 of 3 shown", "No one matches …".
fn count_text(list: &[PersonRow], shown: usize, query: &str, show_closed: bool) -> String {
    let closed = list.iter().filter(|p| p.closed).count();
    let total = if show_closed {
        list.len()
    } else {
        list.len() - closed
    };
    let hidden = if show_closed || closed == 0 {
        String::new()
    } else {
        format!(" ({} closed not shown)", thousands(closed))
    };
    if query.trim().is_empty() {
        let noun = if total == 1 { "person" } else { "people" };
        format!("{} {noun} on this device{hidden}", thousands(total))
    } else if shown == 0 {
        format!("No one matches \u{201c}{}\u{201d}{hidden}", query.trim())
    } else {
        format!("{} of {} shown{hidden}", thousands(shown), thousands(total))
    }
}

#[derive(Properties, PartialEq)]
struct PeopleRowsProps {
    people: Shared<Load<(Vec<PersonRow>, CaseloadIndex)>>,
    /// Positions in the loaded list, in the order shown.
    shown: Vec<usize>,
}

/// The matching people, drawing only the rows on screen: the list keeps the
/// full height (every row is the same height, `--row` in the CSS) so the
/// scroll bar is true, and says how long it is to screen readers.
#[component]
fn PeopleRows(props: &PeopleRowsProps) -> Html {
    let total = props.shown.len();
    let (start, end) = use_window("people-list", total);
    let Load::Ready((list, _)) = &*props.people else {
        return Html::default();
    };
    let set_size = total.to_string();
    html! {
        <ul id="people-list" class="person-list" aria-label="People">
            { for props.shown[start..end].iter().enumerate().filter_map(|(k, &i)| {
                let p = list.get(i)?;
                Some(html! {
                    <li key={p.id.clone()} aria-setsize={set_size.clone()} aria-posinset={(start + k + 1).to_string()}>
                        <a id={format!("row-{}", p.id)} href={href(&Route::Person { id: p.id.clone() })} class="person-card">{ person_card(p) }</a>
                    </li>
                })
            }) }
        </ul>
    }
}

fn person_card(p: &PersonRow) -> Html {
    let meta = if p.last_assessed.is_empty() {
        "No assessment yet".to_string()
    } else {
        format!(
            "Last assessment: {}",
            dates::show_short(&p.last_assessed, "")
        )
    };
    let review = if p.closed {
        Html::default()
    } else {
        let when = dates::show_short(&p.next_review, "");
        // The date may be shortened to fit; the tag never is.
        let line = |tag: Html| {
            html! {
                <span class="person-meta person-review"><span>{ format!("Next review: {when}") }</span>{ tag }</span>
            }
        };
        match review_due(&p.next_review, &crate::platform::today()) {
            ReviewDue::NotSet => Html::default(),
            ReviewDue::Later => line(Html::default()),
            ReviewDue::ThisWeek => {
                line(html! { <span class="tag tag-due">{ "Due this week" }</span> })
            }
            ReviewDue::Overdue => {
                line(html! { <span class="tag tag-overdue">{ "Overdue" }</span> })
            }
        }
    };
    html! {
        <>
            <span class="person-line">
                <span class="person-name">{ p.preferred_name.clone() }</span>
                if p.risk_flag { <span class="tag tag-risk">{ "Risk concern" }</span> }
                if p.closed { <span class="tag">{ "Closed" }</span> }
            </span>
            <span class="person-meta">{ meta }</span>
            { review }
        </>
    }
}
