//! Action plans. Saving one also keeps the person's `next_review` (the
//! review date of their newest plan) up to date, in the same transaction.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::schema::{BY_PERSON, PEOPLE, PLANS};
use super::{fail, get_one, list_by_person, to_js, Storage};
use crate::domain::order::sort_by_less;
use crate::domain::Plan;
use crate::error::AppError;

pub async fn get_plan(db: &Storage, id: &str) -> Result<Option<Plan>, AppError> {
    get_one(db, PLANS, id, "load the plan").await
}

/// Saves the plan and, in the same transaction, sets the person's
/// `next_review` to the review date of their newest plan (by `created_at`,
/// ties to the lowest id: the first one `plans_for` lists). The person is
/// written only if that changes it; a plan for someone not on this device
/// is still saved.
pub async fn save_plan(db: &Storage, plan: &Plan) -> Result<(), AppError> {
    const ACTION: &str = "save the plan";
    let value = to_js(plan, ACTION)?;
    let tx = db.tx(&[PLANS, PEOPLE], TransactionMode::Readwrite, ACTION)?;
    let plans = tx.object_store(PLANS).map_err(fail(ACTION))?;
    plans
        .put(value)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;

    // The person's plans as stored now, this one included with its new content.
    let rows = plans
        .index(BY_PERSON)
        .map_err(fail(ACTION))?
        .get_all::<JsValue>()
        .with_query(plan.person_id.as_str())
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    let mut newest: Option<(f64, String, String)> = None;
    for row in rows {
        let row = row.map_err(fail(ACTION))?;
        let created_at = field(&row, "created_at").as_f64().unwrap_or(0.0);
        let id = field(&row, "id").as_string().unwrap_or_default();
        let is_newer = newest.as_ref().is_none_or(|(at, best, _)| {
            created_at.total_cmp(at).then_with(|| best.cmp(&id)).is_gt()
        });
        if is_newer {
            let review = field(&row, "review_date").as_string().unwrap_or_default();
            newest = Some((created_at, id, review));
        }
    }
    let review = newest.map(|(_, _, review)| review).unwrap_or_default();

    let people = tx.object_store(PEOPLE).map_err(fail(ACTION))?;
    let person = people
        .get::<JsValue, _, _>(plan.person_id.as_str())
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    if let Some(person) = person {
        if field(&person, "next_review")
            .as_string()
            .unwrap_or_default()
            != review
        {
            js_sys::Reflect::set(&person, &"next_review".into(), &review.into())
                .map_err(|e| AppError::storage(ACTION, format!("{e:?}")))?;
            people
                .put(person)
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
    }
    tx.commit().await.map_err(fail(ACTION))
}

/// A field of a stored record, or `undefined`.
fn field(record: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A person's plans, newest first.
pub async fn plans_for(db: &Storage, person_id: &str) -> Result<Vec<Plan>, AppError> {
    let mut list: Vec<Plan> = list_by_person(db, PLANS, person_id, "load the plans").await?;
    sort_by_less(&mut list, |a, b| {
        b.created_at
            .total_cmp(&a.created_at)
            .then_with(|| a.id.cmp(&b.id))
            .is_lt()
    });
    Ok(list)
}
