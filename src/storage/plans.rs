//! Action plans. Saving one also keeps the person's `next_review` (the
//! review date of their newest plan) up to date, in the same transaction.

use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::schema::{BY_PERSON, PEOPLE, PLANS};
use super::{all_js_in, fail, get_one, list_by_person, to_js, Storage};
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
    // Sealed before the transaction opens: inside it, only IndexedDB
    // requests are awaited. The person is changed in its plain outer
    // `next_review` alone, which opening it copies over the sealed one.
    let value = super::seal::seal_one(PLANS, to_js(plan, ACTION)?, ACTION).await?;
    let tx = db.tx(&[PLANS, PEOPLE], TransactionMode::Readwrite, ACTION)?;
    let plans = tx.object_store(PLANS).map_err(fail(ACTION))?;
    plans
        .put(value)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;

    // The person's plans as stored now, this one included with its new content.
    let review = newest_review(&plans, &plan.person_id, ACTION).await?;

    let people = tx.object_store(PEOPLE).map_err(fail(ACTION))?;
    let person = people
        .get::<JsValue, _, _>(plan.person_id.as_str())
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    if let Some(person) = person {
        set_next_review(&people, person, review, ACTION).await?;
    }
    super::commit(tx, ACTION).await
}

/// Fills in every person's `next_review` from their newest plan, in one
/// transaction over plans and people: what [`save_plan`] keeps, for plans
/// saved before schema version 2 added the field. People with no plans keep
/// an empty one; only people whose date changes are written, and only
/// `next_review` changes in them.
pub(crate) async fn backfill_next_review(db: &Storage) -> Result<(), AppError> {
    const ACTION: &str = "fill in the next review dates";
    let tx = db.tx(&[PLANS, PEOPLE], TransactionMode::Readwrite, ACTION)?;
    let plans = tx.object_store(PLANS).map_err(fail(ACTION))?;
    let people = tx.object_store(PEOPLE).map_err(fail(ACTION))?;
    for person in all_js_in(&people, None, ACTION).await? {
        // Every person is keyed by a string id; anything else has no plans.
        let Some(id) = field(&person, "id").as_string() else {
            continue;
        };
        let review = newest_review(&plans, &id, ACTION).await?;
        set_next_review(&people, person, review, ACTION).await?;
    }
    super::commit(tx, ACTION).await
}

/// The review date of `person_id`'s newest plan in `plans` (by `created_at`,
/// ties to the lowest id, as [`plans_for`] orders them), or empty if they
/// have none.
async fn newest_review(
    plans: &ObjectStore<'_>,
    person_id: &str,
    action: &'static str,
) -> Result<String, AppError> {
    let rows = all_js_in(plans, Some((BY_PERSON, person_id)), action).await?;
    Ok(newest(&rows)
        .and_then(|row| field(row, "review_date").as_string())
        .unwrap_or_default())
}

/// The newest of a person's plans as stored: the latest `created_at`, ties
/// to the lowest id, the one [`plans_for`] lists first. Only plain fields
/// are read, which a sealed plan keeps in view, so nothing is opened.
pub(crate) fn newest(rows: &[JsValue]) -> Option<&JsValue> {
    let mut newest: Option<(f64, String, &JsValue)> = None;
    for row in rows {
        let created_at = field(row, "created_at").as_f64().unwrap_or(0.0);
        let id = field(row, "id").as_string().unwrap_or_default();
        let is_newer = newest.as_ref().is_none_or(|(at, best, _)| {
            created_at.total_cmp(at).then_with(|| best.cmp(&id)).is_gt()
        });
        if is_newer {
            newest = Some((created_at, id, row));
        }
    }
    newest.map(|(_, _, row)| row)
}

/// Sets `next_review` on the stored person record `person` (a plain
/// JavaScript object, so fields this version does not know are kept) and
/// writes it back, unless it already says `review` (an absent field counts
/// as empty).
async fn set_next_review(
    people: &ObjectStore<'_>,
    person: JsValue,
    review: String,
    action: &'static str,
) -> Result<(), AppError> {
    if field(&person, "next_review")
        .as_string()
        .unwrap_or_default()
        == review
    {
        return Ok(());
    }
    js_sys::Reflect::set(&person, &"next_review".into(), &review.into())
        .map_err(|e| AppError::storage(action, format!("{e:?}")))?;
    people
        .put(person)
        .primitive()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))
}

/// A field of a stored record, or `undefined`.
pub(crate) fn field(record: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A person's plans, newest first.
pub async fn plans_for(db: &Storage, person_id: &str) -> Result<Vec<Plan>, AppError> {
    let mut list: Vec<Plan> = list_by_person(db, PLANS, person_id, "load the plans").await?;
    newest_first(&mut list);
    Ok(list)
}

/// Newest first (by `created_at`, ties by id), as [`plans_for`] lists them.
pub(crate) fn newest_first(list: &mut [Plan]) {
    sort_by_less(list, |a, b| {
        b.created_at
            .total_cmp(&a.created_at)
            .then_with(|| a.id.cmp(&b.id))
            .is_lt()
    });
}
