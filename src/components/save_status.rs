use yew::prelude::*;

use crate::hooks::SaveStatus;

#[derive(Properties, PartialEq)]
pub struct SaveStatusViewProps {
    pub status: SaveStatus,
}

/// "Saving…" then "Saved", announced politely to screen readers. "Saved"
/// appears only after the IndexedDB transaction has committed.
#[component]
pub fn SaveStatusView(props: &SaveStatusViewProps) -> Html {
    let (class, text) = match &props.status {
        SaveStatus::Idle => ("save-status", "Changes save by themselves".to_string()),
        SaveStatus::Saving => ("save-status saving", "Saving…".to_string()),
        SaveStatus::Saved => ("save-status saved", "Saved".to_string()),
        SaveStatus::Failed(e) => (
            "save-status failed",
            format!("Not saved. {}", e.user_message()),
        ),
    };
    html! {
        <p class={class} role="status" aria-live="polite" data-testid="save-status">{ text }</p>
    }
}
