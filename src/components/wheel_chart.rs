use yew::prelude::*;

use crate::domain::scoring::{score_text, AreaSummary};
use crate::domain::wheel::{layout, num, Segment, SIZE};

/// The wheel of life as an SVG drawn from pure geometry. Each area's score is
/// written beside it too, so the wheel reads in greyscale and on paper. `id`
/// is unique on the page, for the SVG's title and description ids.
pub fn wheel_chart(id: &'static str, areas: &[AreaSummary], min: u8, max: u8) -> Html {
    let pairs: Vec<(String, Option<u8>)> =
        areas.iter().map(|a| (a.title.clone(), a.score)).collect();
    let wheel = layout(&pairs, min, max);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let desc = areas
        .iter()
        .map(|a| format!("{}: {}", a.title, score_text(a.score, max)))
        .collect::<Vec<_>>()
        .join("; ");
    let view_box = format!("0 0 {0} {0}", num(SIZE));
    let centre = num(wheel.centre);
    html! {
        <svg class="wheel" viewBox={view_box} role="img" aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()}
            xmlns="http://www.w3.org/2000/svg">
            <title id={title_id}>{ "Wheel of life" }</title>
            <desc id={desc_id}>{ desc }</desc>
            { for wheel.rings.iter().map(|r| html! {
                <circle class="wheel-ring" cx={centre.clone()} cy={centre.clone()} r={num(*r)} />
            }) }
            { for wheel.segments.iter().map(segment) }
        </svg>
    }
}

/// One life area's wedge and label. Classes are literals (see `Look`).
fn segment(s: &Segment) -> Html {
    let x = num(s.label.x);
    let last = s.label.lines.len().saturating_sub(1);
    let inner = html! {
        <>
            <path class="wheel-outline" d={s.outline.clone()} />
            if let Some(fill) = &s.fill { <path class="wheel-fill" d={fill.clone()} /> }
            <text x={x.clone()} y={num(s.label.y)} text-anchor={s.label.anchor} class="wheel-label">
                { for s.label.lines.iter().enumerate().map(|(i, line)| {
                    let dy = if i == 0 { "0" } else { "1.15em" };
                    if i == last {
                        html! { <tspan x={x.clone()} {dy} class="wheel-score">{ line.clone() }</tspan> }
                    } else {
                        html! { <tspan x={x.clone()} {dy}>{ line.clone() }</tspan> }
                    }
                }) }
            </text>
        </>
    };
    if s.fill.is_some() {
        html! { <g class="wheel-segment">{ inner }</g> }
    } else {
        html! { <g class="wheel-segment unscored">{ inner }</g> }
    }
}

/// The wheel's figures as a table, for screen readers and for anyone who
/// prefers numbers to a picture.
pub fn wheel_table(areas: &[AreaSummary], max: u8) -> Html {
    html! {
        <table class="wheel-table">
            <caption>{ "Scores for each part of life" }</caption>
            <thead>
                <tr><th scope="col">{ "Part of life" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Would like support" }</th></tr>
            </thead>
            <tbody>
                { for areas.iter().map(|a| html! {
                    <tr>
                        <th scope="row">{ a.title.clone() }</th>
                        <td>{ score_text(a.score, max) }</td>
                        <td>{ if a.wants_support { "Yes" } else { "No" } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
