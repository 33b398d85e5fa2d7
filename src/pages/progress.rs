//! Progress over time: two assessments on one wheel, the distance
//! travelled in each part of life, and each score over time.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::{
    button_link, card, loader, overlay_legend, prose, wheel_overlay, LoadPage, Look,
};
use crate::domain::chart::{
    line_chart, CHART_H, CHART_W, PLOT_LEFT, PLOT_RIGHT, X_LABEL_Y, Y_LABEL_X,
};
use crate::domain::progress::{change_text, comparable, distance_travelled, series, AreaChange};
use crate::domain::scoring::summarise;
use crate::domain::template::Template;
use crate::domain::wheel::num;
use crate::domain::{dates, Assessment, Person};
use crate::error::AppError;
use crate::hooks::use_value;
use crate::pages::person::change_cell;
use crate::pages::titled_heading;
use crate::state::Shared;
use crate::storage::assessments::assessments_for;
use crate::storage::people::get_person;
use crate::storage::templates::find_template;
use crate::storage::Db;

struct ProgressRecords {
    person: Person,
    /// Finished assessments, oldest first, each with its template.
    done: Vec<(Assessment, Rc<Template>)>,
}

pub fn progress_page(id: AttrValue) -> Html {
    loader("progress", id, Some("Person not found"), load_progress)
}

fn load_progress(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let db = db.ok_or(AppError::NotFound { what: "person" })?;
        let person = get_person(&db, &id)
            .await?
            .ok_or(AppError::NotFound { what: "person" })?;
        let mut done: Vec<(Assessment, Rc<Template>)> = Vec::new();
        for a in assessments_for(&db, &id).await?.into_iter().rev() {
            if !a.completed {
                continue;
            }
            // Templates are shared between assessments that used the same one.
            let known = done
                .iter()
                .find(|(_, t)| t.is_for(&a))
                .map(|(_, t)| t.clone());
            let t = match known {
                Some(t) => t,
                None => Rc::new(
                    find_template(&db, &a.template_id, a.template_version)
                        .await?
                        .ok_or(AppError::NotFound { what: "template" })?,
                ),
            };
            done.push((a, t));
        }
        let records = Shared::new(ProgressRecords { person, done });
        Ok(html! { <ProgressView {records} /> })
    })
}

#[derive(Properties, PartialEq)]
struct ProgressViewProps {
    records: Shared<ProgressRecords>,
}

/// "Assessment 2, 3 March 2026 (Quick check-in)": unique, so it can be the
/// option's value.
fn option_label(i: usize, (a, t): &(Assessment, Rc<Template>)) -> String {
    format!(
        "{}. {} ({})",
        i + 1,
        dates::show(&a.date, "Undated"),
        t.title
    )
}

#[component]
fn ProgressView(props: &ProgressViewProps) -> Html {
    let ProgressRecords { person, done } = &*props.records;
    let last = done.len().saturating_sub(1);
    // By default: the first earlier assessment that can be compared with the
    // latest (never the latest itself); when there is none, the first, so
    // the page says why they cannot be compared.
    let first = done[..last]
        .iter()
        .position(|(a, _)| done.get(last).is_some_and(|(l, _)| comparable(a, l)))
        .unwrap_or(0);
    let before = use_value(|| first);
    let after = use_value(|| last);
    let labels: Vec<String> = done
        .iter()
        .enumerate()
        .map(|(i, d)| option_label(i, d))
        .collect();
    let pick = |which: &crate::hooks::Value<usize>| {
        let (which, labels) = (which.clone(), labels.clone());
        Callback::from(move |v: String| {
            if let Some(i) = labels.iter().position(|l| *l == v) {
                which.set(i);
            }
        })
    };
    let name = &person.preferred_name;
    let back = button_link(
        &Route::Person {
            id: person.id.clone(),
        },
        Look::Secondary,
        format!("Back to {name}"),
    );
    let heading = titled_heading(format!("Progress for {name}"));
    if done.len() < 2 {
        return html! {
            <div class="page">
                { heading }
                <p class="lead">{ format!("Progress shows here once {name} has two finished assessments. Start a review from their page when you meet again.") }</p>
                { back }
            </div>
        };
    }
    // Compared oldest to newest, whichever way round the two were chosen.
    let (first_i, last_i) = if *before <= *after {
        (*before, *after)
    } else {
        (*after, *before)
    };
    let (Some(b), Some(l)) = (done.get(first_i), done.get(last_i)) else {
        return Html::default();
    };
    let compared = if first_i == last_i {
        Err("Choose two different assessments to compare.".to_string())
    } else {
        distance_travelled(&b.0, &b.1, &l.0, &l.1)
    };
    let (earlier, later) = (
        dates::show(&b.0.date, "undated"),
        dates::show(&l.0.date, "undated"),
    );
    html! {
        <div class="page progress">
            <div class="page-top">{ heading }{ back }</div>
            <section class="card" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{ "Compare two assessments" }</h2>
                <div class="form-row">
                    { select_field("compare-before", "Earlier", &labels, None, &labels[*before], &pick(&before)) }
                    { select_field("compare-after", "Later", &labels, None, &labels[*after], &pick(&after)) }
                </div>
                { match &compared {
                    Err(why) => html! { <div class="banner banner-info" role="status"><p>{ why.clone() }</p></div> },
                    Ok(changes) => {
                        let before_scores: Vec<Option<u8>> = changes.iter().map(|c| c.before).collect();
                        html! {
                            <div class="compare-layout">
                                <figure class="wheel-figure">
                                    { wheel_overlay("compare-wheel", &summarise(&l.0, &l.1), &before_scores, l.1.scale.min, l.1.scale.max) }
                                    <figcaption>{ overlay_legend("compare-wheel", &earlier, &later) }</figcaption>
                                </figure>
                                { distance_table(changes, &earlier, &later) }
                            </div>
                        }
                    }
                } }
            </section>
            { card("over-time-heading", "Each score over time", over_time(done, l)) }
        </div>
    }
}

/// Distance travelled: each part of life, earlier and later, and the change
/// in words (the arrows are decoration).
fn distance_table(changes: &[AreaChange], earlier: &str, later: &str) -> Html {
    let score = |s: Option<u8>| s.map_or_else(|| "Not scored".to_string(), |s| s.to_string());
    html! {
        // Focusable: on a narrow screen the table scrolls sideways in its box.
        <div class="table-wrap" tabindex="0" role="region" aria-label="Distance travelled">
            <table class="data-table distance-table">
                <caption>{ "Distance travelled" }</caption>
                <thead><tr>
                    <th scope="col">{ "Part of life" }</th>
                    <th scope="col">{ "Earlier" }<span class="cell-note">{ earlier.to_string() }</span></th>
                    <th scope="col">{ "Later" }<span class="cell-note">{ later.to_string() }</span></th>
                    <th scope="col">{ "Change" }</th>
                </tr></thead>
                <tbody>
                    { for changes.iter().map(|c| html! {
                        <tr>
                            <th scope="row">{ c.title.clone() }</th>
                            <td>{ score(c.before) }</td>
                            <td>{ score(c.after) }</td>
                            <td>
                                if c.direction.is_some() { { change_cell(c.change, c.direction) } } else { { change_text(c) } }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// One small line chart per part of life, across every finished assessment
/// made with the same template as `latest`.
fn over_time(done: &[(Assessment, Rc<Template>)], latest: &(Assessment, Rc<Template>)) -> Html {
    let t = &latest.1;
    let same: Vec<&Assessment> = done
        .iter()
        .map(|(a, _)| a)
        .filter(|a| comparable(a, &latest.0))
        .collect();
    let others = done.len() - same.len();
    let dates_long: Vec<String> = same
        .iter()
        .map(|a| dates::show(&a.date, "undated"))
        .collect();
    // "3 Mar" under each point; with many points, only the first and last.
    let crowded = same.len() > 5;
    let dates_short: Vec<String> = dates_long
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if crowded && i != 0 && i + 1 != dates_long.len() {
                return String::new();
            }
            let mut parts = d.split_whitespace();
            match (parts.next(), parts.next()) {
                (Some(day), Some(month)) => format!("{day} {}", month.get(..3).unwrap_or(month)),
                _ => d.clone(),
            }
        })
        .collect();
    let all = series(&same, t);
    let view_box = format!("0 0 {} {}", num(CHART_W), num(CHART_H));
    html! {
        <>
            <p>{ format!("{} {} made with \u{201c}{}\u{201d}, oldest on the left. Scores from {} (lowest) to {} (highest).", same.len(), if same.len() == 1 { "assessment" } else { "assessments" }, t.title, t.scale.min, t.scale.max) }</p>
            if others > 0 {
                <p class="hint">{ if others == 1 { "1 assessment made with a different template is left out: its scores cannot be compared.".to_string() } else { format!("{others} assessments made with a different template are left out: their scores cannot be compared.") } }</p>
            }
            <div class="chart-grid">
                { for all.iter().map(|s| {
                    let chart = line_chart(&s.points, &dates_short, t.scale.min, t.scale.max);
                    let label = format!("{} over time: {}", s.title, s.points.iter().zip(&dates_long)
                        .map(|(p, d)| format!("{d}, {}", p.map_or_else(|| "not scored".to_string(), |p| p.to_string())))
                        .collect::<Vec<_>>().join("; "));
                    html! {
                        <figure class="chart" key={s.area_id.clone()}>
                            <figcaption>{ s.title.clone() }</figcaption>
                            <svg viewBox={view_box.clone()} role="img" aria-label={label} xmlns="http://www.w3.org/2000/svg">
                                { for chart.grid.iter().map(|(y, text)| html! {
                                    <>
                                        <line class="chart-grid-line" x1={num(PLOT_LEFT - 4.0)} x2={num(PLOT_RIGHT + 4.0)} y1={y.clone()} y2={y.clone()} />
                                        <text class="chart-axis" x={num(Y_LABEL_X)} y={y.clone()} text-anchor="end" dy="0.35em">{ text.clone() }</text>
                                    </>
                                }) }
                                <path class="chart-line" d={chart.path.clone()} />
                                { for chart.points.iter().map(|p| html! {
                                    <>
                                        <circle class="chart-dot" cx={p.x.clone()} cy={p.y.clone()} r="6" />
                                        <text class="chart-value" x={p.x.clone()} y={p.y.clone()} dy="-12" text-anchor="middle">{ p.label.clone() }</text>
                                    </>
                                }) }
                                { for chart.x_labels.iter().map(|(x, text)| html! {
                                    <text class="chart-axis" x={x.clone()} y={num(X_LABEL_Y)} text-anchor="middle">{ text.clone() }</text>
                                }) }
                            </svg>
                        </figure>
                    }
                }) }
            </div>
            { prose("<p class=\"hint\">A gap in a line means that part of life was not scored that time.</p>") }
        </>
    }
}
