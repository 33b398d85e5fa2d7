use yew::prelude::*;

use crate::domain::template::Scale;

/// Eleven (or however many the scale has) large radio buttons. Native radios
/// give keyboard use for free: arrows move, Space picks. `name` is unique per
/// step so radio groups never clash.
pub fn score_picker(
    name: &str,
    legend: &str,
    scale: &Scale,
    value: Option<u8>,
    on_change: &Callback<Option<u8>>,
) -> Html {
    let Scale {
        min,
        max,
        min_label,
        max_label,
    } = scale;
    let hint_id = format!("{name}-hint");
    // The button goes away once the score is cleared: keep focus in the group.
    let clear = {
        let (on_change, first) = (on_change.clone(), format!("{name}-{min}"));
        Callback::from(move |_: MouseEvent| {
            on_change.emit(None);
            crate::platform::focus_id_soon(first.clone());
        })
    };
    html! {
        <fieldset class="score-picker" aria-describedby={hint_id.clone()}>
            <legend>{ legend.to_string() }</legend>
            <p class="hint" id={hint_id}>
                { format!("{min} means {min_label}. {max} means {max_label}. You can leave it blank.") }
            </p>
            <div class="score-options">
                { for (*min..=*max).map(|n| {
                    let id = format!("{name}-{n}");
                    let onchange = on_change.reform(move |_: Event| Some(n));
                    html! {
                        <div class="score-option">
                            <input type="radio" id={id.clone()} name={name.to_string()} value={n.to_string()}
                                checked={value == Some(n)} {onchange} />
                            <label for={id}>{ n }</label>
                        </div>
                    }
                }) }
            </div>
            <div class="score-ends" aria-hidden="true">
                <span>{ format!("{min}: {min_label}") }</span>
                <span>{ format!("{max}: {max_label}") }</span>
            </div>
            if value.is_some() {
                <button type="button" class="button-link" onclick={clear}>{ "Clear the score" }</button>
            } else {
                <p class="not-scored">{ "Not scored yet" }</p>
            }
        </fieldset>
    }
}

/// Radio buttons whose answers are words with a number behind them (the
/// UCLA loneliness scale: hardly ever = 1, some of the time = 2, often = 3).
pub fn choice_picker(
    name: &str,
    legend: &str,
    choices: &[(u8, &'static str)],
    value: Option<u8>,
    on_change: &Callback<Option<u8>>,
) -> Html {
    let first = choices.first().map_or(0, |(n, _)| *n);
    let clear = {
        let (on_change, first) = (on_change.clone(), format!("{name}-{first}"));
        Callback::from(move |_: MouseEvent| {
            on_change.emit(None);
            crate::platform::focus_id_soon(first.clone());
        })
    };
    html! {
        <fieldset class="choice-picker">
            <legend>{ legend.to_string() }</legend>
            <div class="choice-options">
                { for choices.iter().map(|(n, word)| {
                    let (n, id) = (*n, format!("{name}-{n}"));
                    let onchange = on_change.reform(move |_: Event| Some(n));
                    html! {
                        <div class="choice-option">
                            <input type="radio" id={id.clone()} name={name.to_string()} value={n.to_string()}
                                checked={value == Some(n)} {onchange} />
                            <label for={id}>{ *word }</label>
                        </div>
                    }
                }) }
            </div>
            if value.is_some() {
                <button type="button" class="button-link" onclick={clear}>{ "Clear the answer" }</button>
            }
        </fieldset>
    }
}
