use std::cell::RefCell;
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
    /// A change is being written, or waits for the write before it.
    Saving,
    /// Every change shown has been committed to IndexedDB.
    Saved,
    Failed(AppError),
}

/// One write of a record, not started until it is polled.
pub type SaveFuture = Pin<Box<dyn Future<Output = Result<(), AppError>>>>;

/// Writes waiting their turn. A write is a future that has not been polled
/// yet, so nothing is written until its turn comes; the queue itself does
/// not depend on the record type.
struct Queue {
    writing: bool,
    /// The newest change that arrived while a write was under way. Older
    /// waiting changes are replaced: each write holds the whole record.
    next: Option<SaveFuture>,
    /// Called once `next` (or a later change) has committed.
    next_done: Vec<Callback<()>>,
}

/// Handle returned by [`use_autosave`].
pub struct Autosave<T: 'static> {
    queue: Rc<RefCell<Queue>>,
    status_handle: Value<SaveStatus>,
    db: Option<Db>,
    save: fn(Db, T) -> SaveFuture,
}

impl<T: 'static> Clone for Autosave<T> {
    fn clone(&self) -> Self {
        Self {
            queue: self.queue.clone(),
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

    /// Saves `value`. At most one write is under way at a time; a change that
    /// arrives meanwhile is written as soon as that write commits.
    pub fn save(&self, value: T) {
        self.save_then(value, None);
    }

    /// Saves `value` and calls `done` once it has committed (not if it fails).
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
        enqueue(&self.queue, &self.status_handle, write, done);
    }
}

fn enqueue(
    queue: &Rc<RefCell<Queue>>,
    status: &Value<SaveStatus>,
    write: SaveFuture,
    done: Option<Callback<()>>,
) {
    status.set(SaveStatus::Saving);
    let mut q = queue.borrow_mut();
    q.next_done.extend(done);
    if q.writing {
        q.next = Some(write);
        return;
    }
    q.writing = true;
    drop(q);
    run(queue.clone(), status.clone(), write);
}

fn run(queue: Rc<RefCell<Queue>>, status: Value<SaveStatus>, write: SaveFuture) {
    spawn_local(async move {
        let mut write = write;
        loop {
            let done = std::mem::take(&mut queue.borrow_mut().next_done);
            if let Err(e) = write.await {
                crate::platform::log_error(&e);
                let mut q = queue.borrow_mut();
                q.writing = false;
                q.next = None;
                q.next_done.clear();
                status.set(SaveStatus::Failed(e));
                return;
            }
            done.iter().for_each(|cb| cb.emit(()));
            let next = queue.borrow_mut().next.take();
            match next {
                Some(w) => write = w,
                None => break,
            }
        }
        queue.borrow_mut().writing = false;
        status.set(SaveStatus::Saved);
    });
}

/// Saves a record with `save` every time it changes, and tells the truth
/// about it: the status is `Saved` only after the last change's transaction
/// has committed.
#[hook]
pub fn use_autosave<T: 'static>(save: fn(Db, T) -> SaveFuture) -> Autosave<T> {
    let status_handle = use_value(|| SaveStatus::Idle);
    let queue = use_mut_ref(|| Queue {
        writing: false,
        next: None,
        next_done: Vec::new(),
    });
    Autosave {
        queue,
        status_handle,
        db: use_db(),
        save,
    }
}
