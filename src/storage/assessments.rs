//! Assessments. Starting one also stamps the person's "last assessed" date,
//! in the same transaction.

use super::batch::Batch;
use super::schema::{ASSESSMENTS, PEOPLE};
use super::{get_one, list_by_person, put_one, Storage};
use crate::domain::order::sort_by_less;
use crate::domain::{Assessment, Person};
use crate::error::AppError;

pub async fn get_assessment(db: &Storage, id: &str) -> Result<Option<Assessment>, AppError> {
    get_one(db, ASSESSMENTS, id, "load the assessment").await
}

/// Saves every answer of the assessment; resolves once committed.
pub async fn save_assessment(db: &Storage, a: &Assessment) -> Result<(), AppError> {
    put_one(db, ASSESSMENTS, a, "save the answer").await
}

/// A person's assessments, newest first.
pub async fn assessments_for(db: &Storage, person_id: &str) -> Result<Vec<Assessment>, AppError> {
    let mut list: Vec<Assessment> =
        list_by_person(db, ASSESSMENTS, person_id, "load the assessments").await?;
    newest_first(&mut list);
    Ok(list)
}

/// Newest first (by `created_at`, ties by id), as [`assessments_for`] lists them.
pub(crate) fn newest_first(list: &mut [Assessment]) {
    sort_by_less(list, |a, b| {
        b.created_at
            .total_cmp(&a.created_at)
            .then_with(|| a.id.cmp(&b.id))
            .is_lt()
    });
}

/// Saves a new assessment and the person's updated "last assessed" date
/// together, in one transaction.
pub async fn start_assessment(
    db: &Storage,
    a: &Assessment,
    person: &Person,
) -> Result<(), AppError> {
    const ACTION: &str = "start the assessment";
    let mut batch = Batch::new();
    batch.put(ASSESSMENTS, a)?.put(PEOPLE, person)?;
    batch.commit_for(db, ACTION).await
}
