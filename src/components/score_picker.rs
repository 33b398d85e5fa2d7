use yew::prelude::*;

use crate::domain::template::Scale;

#[derive(Properties, PartialEq)]
pub struct ScorePickerProps {
    /// Unique per step so radio groups never clash.
    pub name: AttrValue,
    pub legend: AttrValue,
    pub scale: Scale,
    pub value: Option<u8>,
    pub on_change: Callback<Option<u8>>,
}

/// Eleven (or however many the scale has) large radio buttons. Native radios
/// give keyboard use for free: arrows move, Space picks.
#[component]
pub fn ScorePicker(props: &ScorePickerProps) -> Html {
    let Scale {
        min,
        max,
        min_label,
        max_label,
    } = props.scale.clone();
    let hint_id = format!("{}-hint", props.name);
    let clear = {
        let cb = props.on_change.clone();
        Callback::from(move |_: MouseEvent| cb.emit(None))
    };
    html! {
        <fieldset class="score-picker" aria-describedby={hint_id.clone()}>
            <legend>{ props.legend.clone() }</legend>
            <p class="hint" id={hint_id}>
                { format!("{min} means {min_label}. {max} means {max_label}. You can leave it blank.") }
            </p>
            <div class="score-options">
                { for (min..=max).map(|n| {
                    let id = format!("{}-{n}", props.name);
                    let cb = props.on_change.clone();
                    let onchange = Callback::from(move |_: Event| cb.emit(Some(n)));
                    html! {
                        <div class="score-option">
                            <input type="radio" id={id.clone()} name={props.name.clone()} value={n.to_string()}
                                checked={props.value == Some(n)} {onchange} />
                            <label for={id}>{ n }</label>
                        </div>
                    }
                }) }
            </div>
            <div class="score-ends" aria-hidden="true">
                <span>{ format!("{min}: {min_label}") }</span>
                <span>{ format!("{max}: {max_label}") }</span>
            </div>
            if props.value.is_some() {
                <button type="button" class="button-link" onclick={clear}>{ "Clear the score" }</button>
            } else {
                <p class="not-scored">{ "Not scored yet" }</p>
            }
        </fieldset>
    }
}
