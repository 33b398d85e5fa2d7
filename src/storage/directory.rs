//! The community directory: `Service` entries in their own store, keyed by
//! `id` and indexed by category (multi-entry), so the plan page can find the
//! services for the life areas marked for support without reading them all.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::batch::Batch;
use super::schema::{BY_CATEGORY, DIRECTORY};
use super::Storage;
use super::{all_js_in, delete_one, fail, from_js, get_all, get_one, list_by_index, put_one};
use crate::domain::directory::{by_favourite_then_name, Service};
use crate::domain::order::sort_by_less;
use crate::error::AppError;

fn sorted(mut list: Vec<Service>) -> Vec<Service> {
    sort_by_less(&mut list, by_favourite_then_name);
    list
}

/// Every entry, favourites first, then by name.
pub async fn all_services(db: &Storage) -> Result<Vec<Service>, AppError> {
    Ok(sorted(get_all(db, DIRECTORY, "load the directory").await?))
}

pub async fn get_service(db: &Storage, id: &str) -> Result<Option<Service>, AppError> {
    get_one(db, DIRECTORY, id, "load the directory entry").await
}

/// Adds or replaces one entry; resolves once committed.
pub async fn save_service(db: &Storage, service: &Service) -> Result<(), AppError> {
    put_one(db, DIRECTORY, service, "save the directory entry").await
}

/// Adds or replaces many entries in one transaction: all or none (an import,
/// or the sample directory).
pub async fn save_services(db: &Storage, services: &[Service]) -> Result<(), AppError> {
    let mut batch = Batch::new();
    for s in services {
        batch.put(DIRECTORY, s)?;
    }
    batch.commit_for(db, "save the directory entries").await
}

/// Deletes one entry. Plans that attached it keep their own copy.
pub async fn delete_service(db: &Storage, id: &str) -> Result<(), AppError> {
    delete_one(db, DIRECTORY, id, "delete the directory entry").await
}

/// Entries in any of `categories`, through the category index, each once,
/// favourites first, then by name.
pub async fn services_in(db: &Storage, categories: &[&str]) -> Result<Vec<Service>, AppError> {
    let mut found: Vec<Service> = Vec::new();
    for category in categories {
        let list: Vec<Service> = list_by_index(
            db,
            DIRECTORY,
            BY_CATEGORY,
            category,
            "find directory entries",
        )
        .await?;
        for s in list {
            if !found.iter().any(|f| f.id == s.id) {
                found.push(s);
            }
        }
    }
    Ok(sorted(found))
}

/// Removes every entry of the sample directory in one transaction, and
/// gives how many went. Entries added or imported by the user stay.
pub async fn remove_sample(db: &Storage) -> Result<usize, AppError> {
    const ACTION: &str = "remove the sample directory";
    let tx = db.tx(&[DIRECTORY], TransactionMode::Readwrite, ACTION)?;
    let store = tx.object_store(DIRECTORY).map_err(fail(ACTION))?;
    let mut removed = 0;
    for row in all_js_in(&store, None, ACTION).await? {
        let service: Service = from_js(row, ACTION)?;
        if service.sample {
            store
                .delete(JsValue::from_str(&service.id))
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
            removed += 1;
        }
    }
    super::commit(tx, ACTION).await?;
    Ok(removed)
}
