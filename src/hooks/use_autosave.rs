use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::error::AppError;
use crate::hooks::{use_db, use_value, Value};
use crate::storage::Db;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Idle,
    /// A change is being written.
    Saving,
    /// Every change shown has been committed to IndexedDB.
    Saved,
    Failed(AppError),
}

/// One write of a record; its transaction starts when it is first polled.
pub type SaveFuture = Pin<Box<dyn Future<Output = Result<(), AppError>>>>;

/// Handle returned by [`use_autosave`].
pub struct Autosave<T: 'static> {
    /// Writes started and not yet finished.
    in_flight: Rc<Cell<u32>>,
    status_handle: Value<SaveStatus>,
    db: Option<Db>,
    save: fn(Db, T) -> SaveFuture,
}

impl<T: 'static> Clone for Autosave<T> {
    fn clone(&self) -> Self {
        Self {
            in_flight: self.in_flight.clone(),
            status_handle: self.status_handle.clone(),
            db: self.db.clone(),
            save: self.save,
        }
    }
}

impl<T: 'static> Autosave<T> {
    /// What to show: "Saving…", "Saved" and so on, as of this render.
    pub fn status(&self) -> &SaveStatus {
        &self.status_handle
    }

    /// Saves `value` (the whole record) at once.
    pub fn save(&self, value: T) {
        self.save_then(value, None);
    }

    /// Saves `value` and calls `done` once it has committed (not if it fails).
    ///
    /// Every write starts its own transaction straight away. IndexedDB runs
    /// read-write transactions on a store in the order they were created, and
    /// a read made later (on this page or the next) sees them all, so the
    /// newest record always wins and no page can load an older copy.
    pub fn save_then(&self, value: T, done: Option<Callback<()>>) {
        let write = match &self.db {
            Some(db) => (self.save)(db.clone(), value),
            // Never claim "Saved" without a database to save in.
            None => Box::pin(async {
                Err(AppError::StorageUnavailable {
                    cause: "no database is open".into(),
                })
            }),
        };
        self.status_handle.set(SaveStatus::Saving);
        self.in_flight.set(self.in_flight.get() + 1);
        let (in_flight, status) = (self.in_flight.clone(), self.status_handle.clone());
        spawn_local(async move {
            let result = write.await;
            in_flight.set(in_flight.get() - 1);
            match result {
                Err(e) => {
                    crate::platform::log_error(&e);
                    status.set(SaveStatus::Failed(e));
                }
                Ok(()) => {
                    // Writes commit in order: when the last one has, the
                    // newest record is stored, whatever happened before it.
                    if in_flight.get() == 0 {
                        status.set(SaveStatus::Saved);
                    }
                    if let Some(done) = done {
                        done.emit(());
                    }
                }
            }
        });
    }
}

/// Saves a record with `save` every time it changes, and tells the truth
/// about it: the status is `Saved` only after the last change's transaction
/// has committed.
#[hook]
pub fn use_autosave<T: 'static>(save: fn(Db, T) -> SaveFuture) -> Autosave<T> {
    let status_handle = use_value(|| SaveStatus::Idle);
    let in_flight = (*use_memo((), |_| Rc::new(Cell::new(0u32)))).clone();
    Autosave {
        in_flight,
        status_handle,
        db: use_db(),
        save,
    }
}
