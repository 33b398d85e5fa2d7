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
                    } else if i == 0 {
                        // The first line starts where the text does: no tspan needed.
                        Html::from(line.clone())
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

/// Two assessments on one wheel: the later one as solid slices, the earlier
/// one as striped slices with a dashed edge on top, so the two read apart
/// without colour. `before` holds the earlier scores in the same area order.
pub fn wheel_overlay(
    id: &'static str,
    after: &[AreaSummary],
    before: &[Option<u8>],
    min: u8,
    max: u8,
) -> Html {
    let pairs: Vec<(String, Option<u8>)> =
        after.iter().map(|a| (a.title.clone(), a.score)).collect();
    let mut wheel = layout(&pairs, min, max);
    let then: Vec<(String, Option<u8>)> = pairs
        .iter()
        .zip(before)
        .map(|((t, _), s)| (t.clone(), *s))
        .collect();
    let earlier = layout(&then, min, max);
    let word = |s: Option<u8>| s.map_or_else(|| "–".to_string(), |s| s.to_string());
    for (i, seg) in wheel.segments.iter_mut().enumerate() {
        if let Some(last) = seg.label.lines.last_mut() {
            // "4 → 7": earlier, then later, as the legend reads.
            *last = format!(
                "{} \u{2192} {}",
                word(before.get(i).copied().flatten()),
                word(after.get(i).and_then(|a| a.score))
            );
        }
    }
    let desc = after
        .iter()
        .zip(before)
        .map(|(a, b)| {
            format!(
                "{}: earlier {}, later {}",
                a.title,
                score_text(*b, max),
                score_text(a.score, max)
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let (title_id, desc_id, hatch) = (
        format!("{id}-title"),
        format!("{id}-desc"),
        format!("{id}-hatch"),
    );
    let hatch_fill = format!("url(#{hatch})");
    let centre = num(wheel.centre);
    html! {
        <svg class="wheel wheel-compare" viewBox={format!("0 0 {0} {0}", num(SIZE))} role="img"
            aria-labelledby={title_id.clone()} aria-describedby={desc_id.clone()} xmlns="http://www.w3.org/2000/svg">
            <title id={title_id}>{ "Wheel of life, earlier and later" }</title>
            <desc id={desc_id}>{ desc }</desc>
            <defs>
                <pattern id={hatch} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="10" height="10" class="hatch-bg" />
                    <line x1="0" y1="0" x2="0" y2="10" class="hatch-line" />
                </pattern>
            </defs>
            { for wheel.rings.iter().map(|r| html! {
                <circle class="wheel-ring" cx={centre.clone()} cy={centre.clone()} r={num(*r)} />
            }) }
            { for wheel.segments.iter().map(segment) }
            { for earlier.segments.iter().filter_map(|s| s.fill.clone()).map(|d| html! {
                <path class="wheel-before" {d} fill={hatch_fill.clone()} />
            }) }
        </svg>
    }
}

/// The key to [`wheel_overlay`]: which look is which date.
pub fn overlay_legend(id: &'static str, earlier: &str, later: &str) -> Html {
    let hatch = format!("url(#{id}-hatch)");
    html! {
        <ul class="wheel-legend">
            <li>
                <svg width="36" height="24" aria-hidden="true" focusable="false"><rect class="legend-after" x="2" y="2" width="32" height="20" /></svg>
                { format!("Solid: later, {later} (the second number)") }
            </li>
            <li>
                <svg width="36" height="24" aria-hidden="true" focusable="false"><rect class="wheel-before" x="2" y="2" width="32" height="20" fill={hatch} /></svg>
                { format!("Striped with a dashed edge: earlier, {earlier} (the first number)") }
            </li>
        </ul>
    }
}
