//! Action plans.

use super::schema::PLANS;
use super::{get_one, list_by_person, put_one, Storage};
use crate::domain::order::sort_by_less;
use crate::domain::Plan;
use crate::error::AppError;

pub async fn get_plan(db: &Storage, id: &str) -> Result<Option<Plan>, AppError> {
    get_one(db, PLANS, id, "load the plan").await
}

pub async fn save_plan(db: &Storage, plan: &Plan) -> Result<(), AppError> {
    put_one(db, PLANS, plan, "save the plan").await
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
