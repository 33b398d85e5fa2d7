//! The check-in's questions: a score for each part of life, what matters,
//! what to work on, and a first step for each.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::{action, checkbox, prose, score_picker, Look};
use crate::domain::kiosk::{Action, Session, MAX_CHOSEN};
use crate::domain::template::Template;

/// Back and Next, big, at the bottom of every question.
pub fn back_next(act: &Callback<Action>) -> Html {
    html! {
        <div class="button-row kiosk-nav">
            { action(Look::Secondary, "Back", None, act, Action::Back) }
            { action(Look::Primary, "Next", None, act, Action::Next) }
        </div>
    }
}

/// A text box for the visitor's own words. Never autocompleted or kept by
/// the browser.
fn own_words(
    id: String,
    label: Html,
    value: &str,
    rows: &'static str,
    on: Callback<String>,
) -> Html {
    let oninput =
        on.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }<span class="optional">{ " (optional)" }</span></label>
            <textarea {id} {rows} value={value.to_string()} {oninput} autocomplete="off" spellcheck="false" />
        </div>
    }
}

/// One part of life: its name, a line about it, and big score buttons.
pub fn area_screen(t: &Template, i: usize, s: &Session, act: &Callback<Action>) -> Html {
    let Some(area) = t.areas.get(i) else {
        return Html::default();
    };
    let n = t.areas.len();
    let score = s.scores.get(i).copied().flatten();
    html! {
        <>
            <p class="step-count" id="kiosk-count">{ format!("Question {} of {n}", i + 1) }</p>
            <progress max={n.to_string()} value={(i + 1).to_string()} aria-labelledby="kiosk-count"></progress>
            <p class="kiosk-lead">{ area.prompt.clone() }</p>
            { score_picker(&format!("kiosk-score-{i}"), t.area_question(area), &t.scale, score,
                &act.reform(move |v| Action::Score(i, v))) }
            { back_next(act) }
        </>
    }
}

pub fn what_matters_screen(s: &Session, act: &Callback<Action>) -> Html {
    html! {
        <>
            { prose(r#"<p class="kiosk-lead">What matters most to you at the moment? A few words are plenty. You can leave it empty.</p>"#) }
            { own_words("kiosk-matters".into(), html! { "In my own words" }, &s.what_matters, "4",
                act.reform(Action::WhatMatters)) }
            { back_next(act) }
        </>
    }
}

/// Up to three parts of life to work on, each with the score it was given.
pub fn choose_screen(t: &Template, s: &Session, act: &Callback<Action>) -> Html {
    let full = s.chosen.len() >= MAX_CHOSEN;
    let toggle = act.reform(Action::Toggle);
    html! {
        <>
            <fieldset class="kiosk-choices">
                <legend>{ "Choose up to 3 parts of life. You can also choose none." }</legend>
                { for t.areas.iter().enumerate().map(|(i, a)| {
                    let checked = s.chosen.contains(&i);
                    let score = match s.scores.get(i).copied().flatten() {
                        Some(n) => format!("you gave it {n}"),
                        None => "no score".to_string(),
                    };
                    let label = html! { <>{ a.title.clone() }<span class="kiosk-score">{ format!(" ({score})") }</span></> };
                    checkbox(format!("kiosk-choose-{i}"), checked, full && !checked, label, &toggle, i)
                }) }
                <p class="hint" aria-live="polite">{ format!("{} of {MAX_CHOSEN} chosen.", s.chosen.len()) }</p>
            </fieldset>
            { back_next(act) }
        </>
    }
}

/// A small first step for each part of life chosen.
pub fn first_steps_screen(t: &Template, s: &Session, act: &Callback<Action>) -> Html {
    html! {
        <>
            { prose(r#"<p class="kiosk-lead">What is one small thing you could do first? For example: ring someone, go along once, or ask a friend. You can leave these empty.</p>"#) }
            { for s.chosen.iter().zip(&s.first_steps).enumerate().map(|(n, (&i, text))| {
                let title = t.areas.get(i).map(|a| a.title.clone()).unwrap_or_default();
                own_words(format!("kiosk-step-{i}"), html! { { format!("A first step for {title}") } }, text, "2",
                    act.reform(move |v| Action::FirstStep(n, v)))
            }) }
            { back_next(act) }
        </>
    }
}
