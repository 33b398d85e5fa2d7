//! Rendering only the rows of a long list that are on screen ("windowing"),
//! so a caseload of 10,000 people costs the same to draw as one of twenty.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::use_value;

/// Rows drawn above and below the screen, so scrolling and tabbing through
/// the links never meet an empty row.
const OVERSCAN: usize = 12;
/// Rows drawn before the first scroll tells us how tall the screen is.
const FIRST_ROWS: usize = 24;

/// Which rows of the list with id `list_id` (all rows the same height, as
/// its first row) to draw: `start..end` of `total`. It follows the page's
/// scrolling and resizing; nothing is drawn again until the range moves.
#[hook]
pub fn use_window(list_id: &'static str, total: usize) -> (usize, usize) {
    // (first row on screen, rows that fit on the screen)
    let range = use_value(|| (0usize, FIRST_ROWS));
    // The id of the element inside the list that had focus when the range
    // moved: redrawing the rows can take a focused row out of the page for a
    // moment, and keyboard users must not be thrown back to the top.
    let had_focus = use_mut_ref(|| None::<String>);
    {
        let (range, had_focus) = (range.clone(), had_focus.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                let Some((first, fit)) = on_screen(list_id) else {
                    return;
                };
                if *range.latest() != (first, fit) {
                    *had_focus.borrow_mut() = focused_in(list_id);
                    range.set((first, fit));
                }
            };
            // Once now (the screen may be taller than the first guess, or
            // the page already scrolled), then on every scroll and resize.
            measure();
            let window = web_sys::window();
            let listeners = window.map(|w| {
                let on_scroll = measure.clone();
                [
                    EventListener::new(&w, "scroll", move |_| on_scroll()),
                    EventListener::new(&w, "resize", move |_| measure()),
                ]
            });
            move || drop(listeners)
        });
    }
    let (first, fit) = *range;
    let end = (first + fit + OVERSCAN).min(total);
    let start = first.saturating_sub(OVERSCAN).min(total);
    // A shorter list (a search) may leave the old range past its end.
    let start = if start >= end {
        end.saturating_sub(fit + OVERSCAN)
    } else {
        start
    };
    // The list's full height, and the space above the rows drawn, are set
    // through the CSSOM: the Content Security Policy forbids inline `style`
    // attributes. Rows are `--row` tall (see the CSS).
    use_effect_with((total, start), move |&(total, start)| {
        if let Some(id) = had_focus.borrow_mut().take() {
            refocus(&id);
        }
        let list = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(list_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(list) = list {
            let style = list.style();
            let _ = style.set_property("height", &format!("calc(var(--row) * {total})"));
            let _ = style.set_property("padding-top", &format!("calc(var(--row) * {start})"));
        }
    });
    (start, end)
}

/// The id of the focused element, if it is inside the list `list_id`.
fn focused_in(list_id: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let active = document.active_element()?;
    let list = document.get_element_by_id(list_id)?;
    (list.contains(Some(&active)) && !active.id().is_empty()).then(|| active.id())
}

/// Puts focus back on `id` if a redraw took it away (focus is on the body).
fn refocus(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        _ => false,
    };
    if lost {
        if let Some(el) = document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
}

/// The first row on screen and how many rows fit, from the list's place on
/// the page and its first row's height.
fn on_screen(list_id: &str) -> Option<(usize, usize)> {
    let window = web_sys::window()?;
    let list = window.document()?.get_element_by_id(list_id)?;
    let row = list
        .first_element_child()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?
        .offset_height();
    if row <= 0 {
        return None;
    }
    let row = f64::from(row);
    let height = window.inner_height().ok()?.as_f64()?;
    // How far the top of the screen is below the top of the list's rows
    // (the list's padding holds the rows not drawn above).
    let above = -list.get_bounding_client_rect().top();
    let first = if above > 0.0 {
        (above / row) as usize
    } else {
        0
    };
    Some((first, (height / row) as usize + 1))
}
