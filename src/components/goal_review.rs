//! Reviewing a goal: a new status and a dated note. The goal keeps every
//! review, so the history of how it went stays with it.

use yew::prelude::*;

use crate::components::TextArea;
use crate::domain::{dates, Goal, GoalReview, GoalStatus};
use crate::hooks::use_value;
use crate::platform::today;

const STATUS_LABELS: [&str; 4] = [
    GoalStatus::ALL[0].label(),
    GoalStatus::ALL[1].label(),
    GoalStatus::ALL[2].label(),
    GoalStatus::ALL[3].label(),
];

#[derive(Properties, PartialEq)]
pub struct GoalReviewFormProps {
    pub goal_id: AttrValue,
    pub status: GoalStatus,
    /// Sends the goal id and the review to add.
    pub on_review: Callback<(String, GoalReview)>,
}

/// Status and an optional note, added to the goal's history with today's date.
#[component]
pub fn GoalReviewForm(props: &GoalReviewFormProps) -> Html {
    let status = use_value(|| props.status);
    let note = use_value(String::new);
    let message = use_value(String::new);
    let prefix = format!("review-{}", props.goal_id);
    let on_status = {
        let status = status.clone();
        Callback::from(move |v: String| {
            status.set(
                GoalStatus::ALL
                    .into_iter()
                    .find(|s| s.label() == v)
                    .unwrap_or_default(),
            )
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |v: String| note.set(v))
    };
    let onsubmit = {
        let (status, note, message) = (status.clone(), note.clone(), message.clone());
        let (on_review, goal_id, current) = (
            props.on_review.clone(),
            props.goal_id.to_string(),
            props.status,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = note.latest().trim().to_string();
            let chosen = *status.latest();
            if text.is_empty() && chosen == current {
                message.set("Choose a new status or write a note first.".into());
                return;
            }
            on_review.emit((
                goal_id.clone(),
                GoalReview {
                    date: today(),
                    status: chosen,
                    note: text,
                },
            ));
            note.set(String::new());
            message.set(format!("Review added: {}.", chosen.label()));
        })
    };
    // Ids are per goal (select_field takes a fixed id), so the list is here.
    let select_id = format!("{prefix}-status");
    let on_change = on_status.reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    html! {
        <form class="goal-review" {onsubmit} novalidate=true>
            <div class="field">
                <label for={select_id.clone()}>{ "Status" }</label>
                <select id={select_id} onchange={on_change}>
                    { for STATUS_LABELS.iter().map(|l| html! {
                        <option value={*l} selected={*l == status.label()}>{ *l }</option>
                    }) }
                </select>
            </div>
            { TextArea::new(format!("{prefix}-note"), "Review note", &note, on_note).rows("2")
                .hint("How it is going, in a few words. Dated today.").view() }
            <button type="submit" class="button button-secondary">{ "Add review" }</button>
            <p class="hint" role="status" aria-live="polite">{ (*message).clone() }</p>
        </form>
    }
}

/// The goal's reviews, newest first.
pub fn goal_history(g: &Goal) -> Html {
    if g.reviews.is_empty() {
        return Html::default();
    }
    html! {
        <div class="goal-history">
            <h4>{ "Reviews" }</h4>
            <ol>
                { for g.reviews.iter().rev().map(|r| html! {
                    <li>
                        <strong>{ dates::show(&r.date, "Undated") }</strong>
                        { format!(": {}", r.status.label()) }
                        if !r.note.is_empty() { { format!(". {}", r.note) } }
                    </li>
                }) }
            </ol>
        </div>
    }
}
