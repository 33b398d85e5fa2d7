use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub message: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// An in-page "are you sure?" panel. It takes focus when it opens so a
/// keyboard or screen reader user lands on the question.
#[component]
pub fn Confirm(props: &ConfirmProps) -> Html {
    let heading_id = format!("{}-title", props.id);
    {
        let heading_id = heading_id.clone();
        use_effect_with((), move |_| crate::platform::focus_id(&heading_id));
    }
    let confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="confirm" role="alertdialog" aria-labelledby={heading_id.clone()} aria-describedby={format!("{}-msg", props.id)}>
            <h2 id={heading_id} tabindex="-1">{ props.title.clone() }</h2>
            <p id={format!("{}-msg", props.id)}>{ props.message.clone() }</p>
            <div class="button-row">
                <button type="button" class="button button-danger" onclick={confirm}>{ props.confirm_label.clone() }</button>
                <button type="button" class="button button-secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}
