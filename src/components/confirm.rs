use yew::prelude::*;

use crate::components::{action, Heading, Look};

/// An in-page "are you sure?" panel. Its heading takes focus when it opens
/// so a keyboard or screen reader user lands on the question.
pub struct Confirm {
    /// Unique on the page; the heading and message ids start with it.
    pub id: String,
    pub title: String,
    pub message: AttrValue,
    pub confirm_label: AttrValue,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

impl Confirm {
    pub fn view(self) -> Html {
        let heading_id = format!("{}-title", self.id);
        let message_id = format!("{}-msg", self.id);
        html! {
            <section class="confirm" role="alertdialog" aria-labelledby={heading_id.clone()} aria-describedby={message_id.clone()}>
                <Heading tag="h2" id={heading_id} text={self.title} />
                <p id={message_id}>{ self.message }</p>
                <div class="button-row">
                    { action(Look::Danger, self.confirm_label, None, &self.on_confirm, ()) }
                    { action(Look::Secondary, "Cancel", None, &self.on_cancel, ()) }
                </div>
            </section>
        }
    }
}
