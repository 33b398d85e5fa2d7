use yew::prelude::*;

use crate::domain::scoring::{score_text, AreaSummary};
use crate::domain::wheel::{layout, num, SIZE};

#[derive(Properties, PartialEq)]
pub struct WheelChartProps {
    /// Unique on the page, for the SVG's title and description ids.
    pub id: AttrValue,
    pub areas: Vec<AreaSummary>,
    pub min: u8,
    pub max: u8,
}

/// The wheel of life as an SVG drawn from pure geometry. Each area's score is
/// written beside it too, so the wheel reads in greyscale and on paper.
#[component]
pub fn WheelChart(props: &WheelChartProps) -> Html {
    let pairs: Vec<(String, Option<u8>)> = props
        .areas
        .iter()
        .map(|a| (a.title.clone(), a.score))
        .collect();
    let wheel = use_memo((pairs, props.min, props.max), |(pairs, min, max)| {
        layout(pairs, *min, *max)
    });
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let desc = props
        .areas
        .iter()
        .map(|a| format!("{}: {}", a.title, score_text(a.score, props.max)))
        .collect::<Vec<_>>()
        .join("; ");
    let view_box = format!("0 0 {0} {0}", num(SIZE));
    html! {
        <svg class="wheel" viewBox={view_box} role="img" aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()}
            xmlns="http://www.w3.org/2000/svg">
            <title id={title_id}>{ "Wheel of life" }</title>
            <desc id={desc_id}>{ desc }</desc>
            { for wheel.rings.iter().map(|r| html! {
                <circle class="wheel-ring" cx={num(wheel.centre)} cy={num(wheel.centre)} r={num(*r)} />
            }) }
            { for wheel.segments.iter().map(|s| html! {
                <g class={classes!("wheel-segment", s.fill.is_none().then_some("unscored"))}>
                    <path class="wheel-outline" d={s.outline.clone()} />
                    if let Some(fill) = &s.fill { <path class="wheel-fill" d={fill.clone()} /> }
                    <text x={num(s.label.x)} y={num(s.label.y)} text-anchor={s.label.anchor} class="wheel-label">
                        { for s.label.lines.iter().enumerate().map(|(i, line)| {
                            let last = i + 1 == s.label.lines.len();
                            html! {
                                <tspan x={num(s.label.x)} dy={if i == 0 { "0" } else { "1.15em" }}
                                    class={classes!(last.then_some("wheel-score"))}>{ line.clone() }</tspan>
                            }
                        }) }
                    </text>
                </g>
            }) }
        </svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct WheelTableProps {
    pub areas: Vec<AreaSummary>,
    pub max: u8,
    #[prop_or(AttrValue::Static("Scores for each part of life"))]
    pub caption: AttrValue,
}

/// The wheel's figures as a table, for screen readers and for anyone who
/// prefers numbers to a picture.
#[component]
pub fn WheelTable(props: &WheelTableProps) -> Html {
    html! {
        <table class="wheel-table">
            <caption>{ props.caption.clone() }</caption>
            <thead>
                <tr><th scope="col">{ "Part of life" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Would like support" }</th></tr>
            </thead>
            <tbody>
                { for props.areas.iter().map(|a| html! {
                    <tr>
                        <th scope="row">{ a.title.clone() }</th>
                        <td>{ score_text(a.score, props.max) }</td>
                        <td>{ if a.wants_support { "Yes" } else { "No" } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
