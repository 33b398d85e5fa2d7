//! The kiosk component: one visitor's check-in, held in memory only.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::activities::activities_screen;
use super::document::kiosk_document;
use super::idle::{idle_dialog, use_idle};
use super::pin::{pin_screen, use_pin_box};
use super::questions::{area_screen, choose_screen, first_steps_screen, what_matters_screen};
use super::summary::summary_screen;
use super::welcome::welcome_screen;
use crate::components::Heading;
use crate::domain::directory::Service;
use crate::domain::kiosk::{activities, Action, Flow, Session, Step};
use crate::domain::template::Template;
use crate::hooks::{use_db, use_value};
use crate::platform::{log_error, today};
use crate::state::Shared;
use crate::storage::settings::count_check_in;

#[derive(Properties, PartialEq)]
pub struct KioskViewProps {
    pub template: Shared<Template>,
    /// The whole directory, read once: only matching entries are shown.
    pub services: Shared<Vec<Service>>,
    /// Milliseconds without a touch before the check-in is wiped.
    pub idle_ms: f64,
}

/// The kiosk: the welcome screen, then one visitor's check-in, one screen at
/// a time. The check-in is this component's state and nothing else: a
/// reload, the back button or a reopened tab starts at the welcome screen.
#[component]
pub fn KioskView(props: &KioskViewProps) -> Html {
    let db = use_db();
    let session = use_value(Session::default);
    let pin_box = use_pin_box();
    let act = {
        let (db, session, template, services, pin_box) = (
            db.clone(),
            session.clone(),
            props.template.clone(),
            props.services.clone(),
            pin_box.clone(),
        );
        Callback::from(move |action: Action| {
            let old = session.latest();
            let flow = Flow {
                areas: template.areas.len(),
                activities: !activities(&services, &template, &old.chosen).is_empty(),
            };
            let new = old.apply(action, flow);
            if new.counted && !old.counted {
                // Reaching the summary is a completed check-in: count it,
                // and only that.
                if let Some(db) = db.clone() {
                    spawn_local(async move {
                        if let Err(e) = count_check_in(&db, &today()).await {
                            log_error(&e);
                        }
                    });
                }
            }
            if new.step != Step::Pin {
                pin_box.clear();
            }
            session.set(new);
        })
    };
    let step = session.step;
    let warning = use_idle(
        step != Step::Welcome,
        props.idle_ms,
        act.reform(|()| Action::Wipe),
    );
    {
        let act = act.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| guard_the_page(&w, &act));
            move || drop(listeners)
        });
    }
    let (t, s) = (&*props.template, &*session);
    let found = activities(&props.services, t, &s.chosen);
    let screen = match step {
        Step::Welcome => welcome_screen(&act),
        Step::Area(i) => area_screen(t, i, s, &act),
        Step::WhatMatters => what_matters_screen(s, &act),
        Step::Choose => choose_screen(t, s, &act),
        Step::FirstSteps => first_steps_screen(t, s, &act),
        Step::Activities => activities_screen(t, &props.services, &found, &act),
        Step::Summary => summary_screen(t, s, &act),
        Step::Pin => pin_screen(&pin_box, db.clone(), &act),
    };
    html! {
        <>
            <div class="screen-only kiosk-screen">
                <Heading text={heading(step, t)} title="Check in with yourself" />
                { screen }
            </div>
            if step == Step::Summary {
                { kiosk_document(t, s, &props.services, &found, &today()) }
            }
            if let Some(seconds) = warning { { idle_dialog(seconds) } }
        </>
    }
}

/// Each screen's `h1`. It takes focus when the screen changes. The tab's
/// title stays the same throughout, so history holds nothing of the visitor.
fn heading(step: Step, t: &Template) -> AttrValue {
    AttrValue::Static(match step {
        Step::Welcome => "Check in with yourself",
        Step::Area(i) => {
            return t
                .areas
                .get(i)
                .map(|a| AttrValue::from(a.title.clone()))
                .unwrap_or_default()
        }
        Step::WhatMatters => "What matters to me",
        Step::Choose => "What would you like to work on?",
        Step::FirstSteps => "Small first steps",
        Step::Activities => "Things near you that could help",
        Step::Summary => "Your check-in",
        Step::Pin => "Leave kiosk mode",
    })
}

/// While the kiosk is showing: printing ends the check-in (once the print
/// dialog closes), so does leaving the page or coming back to it from the
/// browser's page cache; and there is no context menu outside text boxes.
fn guard_the_page(w: &web_sys::Window, act: &Callback<Action>) -> [EventListener; 4] {
    let wipe = |act: &Callback<Action>| {
        let act = act.clone();
        move |_: &Event| act.emit(Action::Wipe)
    };
    let shown = {
        let act = act.clone();
        move |e: &Event| {
            let persisted = js_sys::Reflect::get(e, &"persisted".into())
                .ok()
                .and_then(|p| p.as_bool());
            if persisted == Some(true) {
                act.emit(Action::Wipe);
            }
        }
    };
    let no_menu = |e: &Event| {
        let text_box = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                el.matches("textarea, input[type=text], input[type=password]")
                    .unwrap_or(false)
            });
        if !text_box {
            e.prevent_default();
        }
    };
    [
        EventListener::new(w, "afterprint", wipe(act)),
        EventListener::new(w, "pagehide", wipe(act)),
        EventListener::new(w, "pageshow", shown),
        EventListener::new_with_options(
            w,
            "contextmenu",
            EventListenerOptions::enable_prevent_default(),
            no_menu,
        ),
    ]
}
