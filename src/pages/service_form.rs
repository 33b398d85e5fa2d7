//! Add a directory entry (`id` empty), or change or delete one.

use yew::prelude::*;

use crate::app::Route;
use crate::components::field::select_field;
use crate::components::{action, checkbox, error_banner, loader, prose, Confirm, LoadPage, Look};
use crate::components::{TextArea, TextField};
use crate::domain::directory::{categories, ReferralType, Service};
use crate::domain::validate::{message_for, validate_service, FieldError};
use crate::error::AppError;
use crate::hooks::{use_db, use_task, use_value};
use crate::pages::person_episode::{error_summary, form_ok};
use crate::pages::titled_heading;
use crate::platform::{new_id, now_ms, today};
use crate::state::Shared;
use crate::storage::directory::{delete_service, get_service, save_service};
use crate::storage::Db;

const REFERRAL_LABELS: [&str; 2] = [
    ReferralType::TakesReferrals.label(),
    ReferralType::SignpostOnly.label(),
];

pub fn service_form(id: Option<AttrValue>) -> Html {
    loader(
        "service-form",
        id.unwrap_or_default(),
        Some("Entry not found"),
        load_form,
    )
}

fn load_form(db: Option<Db>, id: AttrValue) -> LoadPage {
    Box::pin(async move {
        let is_new = id.is_empty();
        let service = match db {
            Some(db) if !is_new => get_service(&db, &id).await?.ok_or(AppError::NotFound {
                what: "directory entry",
            })?,
            _ => Service {
                last_checked: today(),
                ..Service::default()
            },
        };
        let service = Shared::new(service);
        Ok(html! { <ServiceFormBody {service} {is_new} /> })
    })
}

#[derive(Properties, PartialEq)]
struct ServiceFormBodyProps {
    service: Shared<Service>,
    is_new: bool,
}

type Setter = fn(&mut Service, String);

fn age(text: String) -> Option<u8> {
    text.trim()
        .parse::<u16>()
        .ok()
        .map(|n| u8::try_from(n).unwrap_or(u8::MAX))
}

/// A change that is not typed text: a tick box or a life area.
#[derive(Clone)]
enum Tick {
    Area(String),
    Online,
    Free,
}

#[component]
fn ServiceFormBody(props: &ServiceFormBodyProps) -> Html {
    let db = use_db();
    let task = use_task();
    let service = use_value(|| (*props.service).clone());
    let errors = use_value(Vec::<FieldError>::new);
    let deleting = use_value(|| false);
    let setter = |f: Setter| service.setter(f);
    let on_tick = {
        let service = service.clone();
        Callback::from(move |tick: Tick| {
            let mut next = (*service.latest()).clone();
            match tick {
                Tick::Area(id) => {
                    if next.categories.contains(&id) {
                        next.categories.retain(|c| *c != id);
                    } else {
                        next.categories.push(id);
                    }
                }
                Tick::Online => next.online = !next.online,
                Tick::Free => next.free = !next.free,
            }
            service.set(next);
        })
    };
    let onsubmit = {
        let (service, errors, task, db, is_new) = (
            service.clone(),
            errors.clone(),
            task.clone(),
            db.clone(),
            props.is_new,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut s = (*service.latest()).clone();
            for text in [
                &mut s.name,
                &mut s.organisation,
                &mut s.phone,
                &mut s.email,
                &mut s.website,
            ] {
                *text = text.trim().to_string();
            }
            if !form_ok(&errors, "service", validate_service(&s, &today())) {
                return;
            }
            let Some(db) = db.clone() else { return };
            task.run(async move {
                if is_new {
                    s.id = new_id();
                }
                // Keep the life areas in the directory's order.
                let order = categories();
                s.categories
                    .sort_by_key(|c| order.iter().position(|(id, _)| id == c));
                s.updated_at = now_ms();
                save_service(&db, &s).await?;
                Ok(Route::Directory)
            });
        })
    };
    let on_delete = {
        let (task, db, id) = (task.clone(), db.clone(), props.service.id.clone());
        Callback::from(move |()| {
            let Some(db) = db.clone() else { return };
            let id = id.clone();
            task.run(async move {
                delete_service(&db, &id).await?;
                Ok(Route::Directory)
            });
        })
    };
    let err = |field: &str| message_for(&errors, field).map(str::to_string);
    let field = |id, label, value: &str, set: Setter| TextField::new(id, label, value, setter(set));
    let s = &*service;
    let min_age = s.min_age.map(|a| a.to_string()).unwrap_or_default();
    let max_age = s.max_age.map(|a| a.to_string()).unwrap_or_default();
    let title = if props.is_new {
        "New directory entry".to_string()
    } else {
        format!("Change {}", props.service.name)
    };
    let area_box = |(id, title): (String, String)| {
        let checked = s.categories.contains(&id);
        checkbox(
            format!("service-area-{id}"),
            checked,
            false,
            Html::from(title),
            &on_tick,
            Tick::Area(id),
        )
    };
    html! {
        <div class="page page-narrow">
            { titled_heading(title) }
            { error_banner(task.failure()) }
            { error_summary("service", &errors, true) }
            <form onsubmit={onsubmit} novalidate=true>
                <fieldset class="form-group">
                    { prose("<legend>About it</legend>") }
                    { field("service-name", "Name", &s.name, |s, v| s.name = v).required()
                        .hint("For example: Walking football at Meadowbank.").error(err("name")).view() }
                    { field("service-organisation", "Organisation that runs it", &s.organisation, |s, v| s.organisation = v).view() }
                    { TextArea::new("service-description".into(), "What it is", &s.description, setter(|s, v| s.description = v))
                        .rows("4").error(err("description")).view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Life areas it helps with</legend>") }
                    <div class="checkbox-grid">{ for categories().into_iter().map(area_box) }</div>
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Where and when</legend>") }
                    { checkbox("service-online".into(), s.online, false, Html::from("It takes place online"), &on_tick, Tick::Online) }
                    { TextArea::new("service-address".into(), "Address", &s.address, setter(|s, v| s.address = v))
                        .rows("3").hint("With the postcode. Leave blank if it is only online.").view() }
                    { field("service-times", "Days and times", &s.times, |s, v| s.times = v)
                        .hint("For example: Tuesdays, 10am to 12 noon.").view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Cost and who it is for</legend>") }
                    { checkbox("service-free".into(), s.free, false, Html::from("It is free"), &on_tick, Tick::Free) }
                    if !s.free {
                        { field("service-cost", "What it costs", &s.cost, |s, v| s.cost = v)
                            .hint("For example: £3 a session.").view() }
                    }
                    <div class="filter-row">
                        { field("service-min_age", "Youngest age", &min_age, |s, v| s.min_age = age(v))
                            .kind("number").error(err("min_age")).view() }
                        { field("service-max_age", "Oldest age", &max_age, |s, v| s.max_age = age(v))
                            .kind("number").error(err("max_age")).view() }
                    </div>
                    { field("service-eligibility", "Who it is for", &s.eligibility, |s, v| s.eligibility = v)
                        .hint("For example: carers, or people living in Hillside.").view() }
                    { TextArea::new("service-accessibility".into(), "Access", &s.accessibility, setter(|s, v| s.accessibility = v))
                        .rows("2").hint("Step-free access, hearing loop, quiet space, help with getting there.").view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>How to get in touch</legend>") }
                    { field("service-phone", "Phone", &s.phone, |s, v| s.phone = v).kind("tel").error(err("phone")).view() }
                    { field("service-email", "Email", &s.email, |s, v| s.email = v).kind("email").error(err("email")).view() }
                    { field("service-website", "Website", &s.website, |s, v| s.website = v)
                        .hint("Shown as text. Linkwheel never opens it.").view() }
                </fieldset>
                <fieldset class="form-group">
                    { prose("<legend>Referrals and checking</legend>") }
                    { select_field("service-referral", "Referrals", &REFERRAL_LABELS, None, s.referral.label(),
                        &setter(|s, v| s.referral = if v == REFERRAL_LABELS[0] { ReferralType::TakesReferrals } else { ReferralType::SignpostOnly })) }
                    { field("service-last_checked", "Details last checked", &s.last_checked, |s, v| s.last_checked = v)
                        .kind("date").hint("After 12 months an entry is shown as possibly out of date.").error(err("last_checked")).view() }
                </fieldset>
                <div class="button-row">
                    <button type="submit" class="button" disabled={task.running()}>{ if props.is_new { "Save entry" } else { "Save changes" } }</button>
                    if !props.is_new && !*deleting {
                        { action(Look::Danger, "Delete this entry", None, &deleting.setter(|d, _| *d = true), String::new()) }
                    }
                </div>
            </form>
            if *deleting {
                { Confirm {
                    id: "delete-service".into(),
                    title: format!("Delete {}?", props.service.name),
                    message: "It will be taken out of the directory. Plans that list it keep their own copy of its details.".into(),
                    confirm_label: "Yes, delete it".into(),
                    on_confirm: on_delete,
                    on_cancel: deleting.setter(|d, _| *d = false).reform(|()| String::new()),
                }.view() }
            }
        </div>
    }
}
