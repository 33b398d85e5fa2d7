//! IndexedDB, and nothing else. Opening and migrating the database lives in
//! `schema`; each kind of record has a repository of async functions.
//!
//! Rules: inside a transaction we await only IndexedDB requests, and every
//! write ends in `commit()` (indexed_db_futures rolls back on drop). With the
//! device's data protected, personal records are sealed before a write's
//! transaction opens and opened after a read's has finished (`seal`).

pub mod assessments;
pub mod backup;
pub mod batch;
pub mod contacts;
pub mod directory;
pub mod keyring;
pub mod people;
pub mod plans;
pub mod schema;
pub mod seal;
pub mod settings;
pub mod templates;

use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
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
    /// Opens (creating or upgrading as needed) the named database. After an
    /// upgrade it also brings older records up to date
    /// ([`schema::after_upgrade`]); if that fails the error is logged and the
    /// database still opens, since the records themselves are intact.
    pub async fn open(name: &str) -> Result<Storage, AppError> {
        let (db, upgraded_from) = schema::open(name, schema::VERSION).await?;
        let storage = Storage { db };
        storage.let_go_for_newer_versions();
        if let Some(from) = upgraded_from {
            if let Err(e) = schema::after_upgrade(&storage, from).await {
                crate::platform::log_error(&e);
            }
        }
        Ok(storage)
    }

    /// When a newer Linkwheel (in another tab) needs to upgrade the schema,
    /// or the database is being deleted, close this connection at once so
    /// the other tab is never blocked, and tell the page: nothing more can
    /// be saved here until it reloads.
    fn let_go_for_newer_versions(&self) {
        use indexed_db_futures::internals::SystemRepr;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let sys = self.db.as_sys().clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            sys.close();
            crate::platform::announce("linkwheel-versionchange");
        });
        self.db
            .as_sys()
            .set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        // The handler lives as long as the page: one per open database.
        on_change.forget();
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    pub fn name(&self) -> String {
        self.db.name()
    }

    /// Deletes the whole database: every person, assessment, plan, contact,
    /// template and setting. This connection is closed first, so the delete
    /// is not held up by it; other tabs let go by themselves.
    pub async fn delete_everything(&self) -> Result<(), AppError> {
        use indexed_db_futures::internals::SystemRepr;
        // The page's other modules hold connections too: they let go like
        // another tab would, and the page must not say it was stopped.
        crate::platform::announce("linkwheel-deleting");
        self.db.as_sys().close();
        delete_database(&self.name()).await
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

/// Commits `tx` and waits for it. A transaction the browser aborted for
/// want of space (its error is a `QuotaExceededError`, which the commit's
/// own error does not name) is [`AppError::StorageFull`], so the page can
/// say so; nothing of an aborted transaction is saved.
pub(crate) async fn commit(tx: Transaction<'_>, action: &'static str) -> Result<(), AppError> {
    use indexed_db_futures::internals::SystemRepr;
    let sys = tx.as_sys().clone();
    tx.commit().await.map_err(|e| {
        let quota = sys
            .error()
            .is_some_and(|d| d.name() == "QuotaExceededError");
        if quota {
            AppError::StorageFull { action }
        } else {
            AppError::storage(action, e)
        }
    })
}

/// Issues a put of every `(store, record)` in `tx`, awaiting none: IndexedDB
/// runs a transaction's requests in order, so a thousand records cost one
/// wait, not a thousand. A request that fails aborts the transaction and
/// [`commit`] reports it, so nothing lands; a put the browser refuses at
/// once (a record without its key) is `Err`, and dropping `tx` aborts it.
pub(crate) fn put_all(
    tx: &Transaction<'_>,
    records: impl IntoIterator<Item = (&'static str, JsValue)>,
    action: &'static str,
) -> Result<(), AppError> {
    let mut current: Option<(&str, ObjectStore<'_>)> = None;
    for (name, record) in records {
        if current.as_ref().is_none_or(|(open, _)| *open != name) {
            current = Some((name, tx.object_store(name).map_err(fail(action))?));
        }
        if let Some((_, store)) = &current {
            // Issued now; its future is not needed.
            drop(store.put(record).primitive().map_err(fail(action))?);
        }
    }
    Ok(())
}

/// Maps any storage error into an [`AppError`] for `action`.
pub(crate) fn fail<E: std::fmt::Display>(action: &'static str) -> impl Fn(E) -> AppError {
    move |e| AppError::storage(action, e)
}

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

// Records cross into and out of IndexedDB as plain `JsValue`s, and serde
// turns them into Rust types outside the async code. That keeps one copy of
// each request future instead of one per record type.

/// A record as the JavaScript object IndexedDB keeps, exactly as
/// `indexed_db_futures`' serde support would make it.
pub(crate) fn to_js<T: Serialize>(value: &T, action: &'static str) -> Result<JsValue, AppError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .map_err(fail(action))
}

pub(crate) fn from_js<T: DeserializeOwned>(
    js: JsValue,
    action: &'static str,
) -> Result<T, AppError> {
    serde_wasm_bindgen::from_value(js).map_err(fail(action))
}

pub(crate) fn all_from_js<T: DeserializeOwned>(
    rows: Vec<JsValue>,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    let mut records = Vec::with_capacity(rows.len());
    for js in rows {
        records.push(from_js(js, action)?);
    }
    Ok(records)
}

/// Reads one record by id, as stored.
pub(crate) async fn get_js(
    db: &Storage,
    store_name: &str,
    id: &str,
    action: &'static str,
) -> Result<Option<JsValue>, AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readonly, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    store
        .get::<JsValue, _, _>(id)
        .primitive()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))
}

/// Reads one record by id.
pub(crate) async fn get_one<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    id: &str,
    action: &'static str,
) -> Result<Option<T>, AppError> {
    match get_js(db, store_name, id, action).await? {
        Some(js) => Ok(Some(from_js(
            seal::open_one(store_name, js, action).await?,
            action,
        )?)),
        None => Ok(None),
    }
}

/// Writes one record and waits for the transaction to commit.
pub(crate) async fn put_one<T: Serialize>(
    db: &Storage,
    store_name: &'static str,
    value: &T,
    action: &'static str,
) -> Result<(), AppError> {
    let mut batch = batch::Batch::new();
    batch.put_raw(store_name, to_js(value, action)?);
    batch.commit_for(db, action).await
}

/// Deletes one record by key and waits for the transaction to commit.
/// Deleting a record that is not there is not an error.
pub(crate) async fn delete_one(
    db: &Storage,
    store_name: &str,
    key: &str,
    action: &'static str,
) -> Result<(), AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readwrite, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    store
        .delete(key)
        .primitive()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))?;
    commit(tx, action).await
}

/// Every record in a store, or (with `by: Some((index, key))`) every record
/// that `index` finds under `key`. As stored.
pub(crate) async fn get_all_js(
    db: &Storage,
    store_name: &str,
    by: Option<(&str, &str)>,
    action: &'static str,
) -> Result<Vec<JsValue>, AppError> {
    let tx = db.tx(&[store_name], TransactionMode::Readonly, action)?;
    let store = tx.object_store(store_name).map_err(fail(action))?;
    all_js_in(&store, by, action).await
}

/// [`get_all_js`] in a transaction the caller already has.
pub(crate) async fn all_js_in(
    store: &ObjectStore<'_>,
    by: Option<(&str, &str)>,
    action: &'static str,
) -> Result<Vec<JsValue>, AppError> {
    let rows = match by {
        Some((index, key)) => {
            let index = store.index(index).map_err(fail(action))?;
            index
                .get_all::<JsValue>()
                .with_query(key)
                .primitive()
                .map_err(fail(action))?
                .await
        }
        None => {
            store
                .get_all::<JsValue>()
                .primitive()
                .map_err(fail(action))?
                .await
        }
    }
    .map_err(fail(action))?;
    let mut all = Vec::new();
    for row in rows {
        all.push(row.map_err(fail(action))?);
    }
    Ok(all)
}

/// Every record in a store.
pub(crate) async fn get_all<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    let rows = get_all_js(db, store_name, None, action).await?;
    all_from_js(seal::open(store_name, rows, action).await?, action)
}

/// Every record in a store whose `person_id` is `person_id`, through the index.
pub(crate) async fn list_by_person<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    person_id: &str,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    list_by_index(db, store_name, schema::BY_PERSON, person_id, action).await
}

/// Every record in a store that `index` finds under `key`.
pub(crate) async fn list_by_index<T: DeserializeOwned>(
    db: &Storage,
    store_name: &str,
    index: &str,
    key: &str,
    action: &'static str,
) -> Result<Vec<T>, AppError> {
    let rows = get_all_js(db, store_name, Some((index, key)), action).await?;
    all_from_js(seal::open(store_name, rows, action).await?, action)
}
