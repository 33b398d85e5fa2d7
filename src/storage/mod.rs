//! IndexedDB, and nothing else. Opening and migrating the database lives in
//! `schema`; each kind of record has a repository of async functions.
//!
//! Rules: inside a transaction we await only IndexedDB requests, and every
//! write ends in `commit()` (indexed_db_futures rolls back on drop).

pub mod assessments;
pub mod batch;
pub mod people;
pub mod plans;
pub mod schema;
pub mod settings;

use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

use crate::error::AppError;

/// The database the app uses; tests open their own with a fresh name.
pub const DB_NAME: &str = "linkwheel";

/// An open database connection, shared through context as [`Db`].
#[derive(Debug)]
pub struct Storage {
    db: Database,
}

pub type Db = Rc<Storage>;

impl PartialEq for Storage {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Storage {
    /// Opens (creating or upgrading as needed) the named database.
    pub async fn open(name: &str) -> Result<Storage, AppError> {
        let db = schema::open(name).await?;
        Ok(Storage { db })
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    pub fn name(&self) -> String {
        self.db.name()
    }

    /// Closes the connection (tests, and before deleting the database).
    pub fn close(self) {
        self.db.close();
    }

    pub(crate) fn tx(
        &self,
        stores: &[&str],
        mode: TransactionMode,
        action: &'static str,
    ) -> Result<Transaction<'_>, AppError> {
        self.db
            .transaction(stores)
            .with_mode(mode)
            .build()
            .map_err(|e| AppError::storage(action, e))
    }
}

/// Deletes a whole database by name (used by tests and "start afresh").
pub async fn delete_database(name: &str) -> Result<(), AppError> {
    Database::delete_by_name(name)
        .map_err(|e| AppError::storage("delete the database", e))?
        .await
        .map_err(|e| AppError::storage("delete the database", e))
}

/// Maps any storage error into an [`AppError`] for `action`.
pub(crate) fn fail<E: std::fmt::Display>(action: &'static str) -> impl Fn(E) -> AppError {
    move |e| AppError::storage(action, e)
}

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Reads one record by id.
pub(crate) async fn get_one<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    id: &str,
    action: &'static str,
) -> Result<Option<T>, AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readonly, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    store
        .get(id)
        .serde()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))
}

/// Writes one record and waits for the transaction to commit.
pub(crate) async fn put_one<T: Serialize>(
    db: &Storage,
    store_name: &str,
    value: &T,
    action: &'static str,
) -> Result<(), AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readwrite, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    store
        .put(value)
        .serde()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))?;
    tx.commit().await.map_err(fail(action))
}

/// Every record in a store.
pub(crate) async fn get_all<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readonly, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    let rows = store
        .get_all::<T>()
        .serde()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(fail(action))
}

/// Every record in a store whose `person_id` is `person_id`, through the index.
pub(crate) async fn list_by_person<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    person_id: &str,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readonly, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    let index = store.index(schema::BY_PERSON).map_err(fail(action))?;
    let rows = index
        .get_all::<T>()
        .with_query(person_id)
        .serde()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(fail(action))
}
