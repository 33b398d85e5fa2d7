//! People, and deleting a person with everything about them.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

use super::schema::{ASSESSMENTS, BY_PERSON, CONTACTS, PEOPLE, PLANS};
use super::{fail, get_all, get_one, put_one, Storage};
use crate::domain::Person;
use crate::error::AppError;

pub async fn list_people(db: &Storage) -> Result<Vec<Person>, AppError> {
    get_all(db, PEOPLE, "load the people on this device").await
}

pub async fn get_person(db: &Storage, id: &str) -> Result<Option<Person>, AppError> {
    get_one(db, PEOPLE, id, "load this person").await
}

pub async fn save_person(db: &Storage, person: &Person) -> Result<(), AppError> {
    put_one(db, PEOPLE, person, "save this person").await
}

/// Deletes the person and every assessment, plan and contact about them, in
/// one transaction: all of it goes, or none of it.
pub async fn delete_person(db: &Storage, id: &str) -> Result<(), AppError> {
    const ACTION: &str = "delete this person";
    let tx = db.tx(
        &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS],
        TransactionMode::Readwrite,
        ACTION,
    )?;
    for name in [ASSESSMENTS, PLANS, CONTACTS] {
        let store = tx.object_store(name).map_err(fail(ACTION))?;
        let index = store.index(BY_PERSON).map_err(fail(ACTION))?;
        let keys = index
            .get_all_keys::<String>()
            .with_query(id)
            .primitive()
            .map_err(fail(ACTION))?
            .await
            .map_err(fail(ACTION))?;
        for key in keys {
            let key = key.map_err(fail(ACTION))?;
            store
                .delete(key)
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
    }
    let people = tx.object_store(PEOPLE).map_err(fail(ACTION))?;
    people
        .delete(id)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    super::commit(tx, ACTION).await
}
