use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::error::AppError;

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

type SaveFn<T> = Rc<dyn Fn(T) -> Pin<Box<dyn Future<Output = Result<(), AppError>>>>>;

struct Queue<T> {
    writing: bool,
    /// The newest change that arrived while a write was under way. Older
    /// waiting changes are replaced: each write holds the whole record.
    next: Option<T>,
    /// Called once `next` (or a later change) has committed.
    next_done: Vec<Callback<()>>,
}

/// Handle returned by [`use_autosave`].
pub struct Autosave<T: 'static> {
    pub status: SaveStatus,
    queue: Rc<RefCell<Queue<T>>>,
    status_handle: UseStateHandle<SaveStatus>,
    save: SaveFn<T>,
}

impl<T: 'static> Clone for Autosave<T> {
    fn clone(&self) -> Self {
        Self {
            status: self.status.clone(),
            queue: self.queue.clone(),
            status_handle: self.status_handle.clone(),
            save: self.save.clone(),
        }
    }
}

impl<T: 'static> Autosave<T> {
    /// Saves `value`. At most one write is under way at a time; a change that
    /// arrives meanwhile is written as soon as that write commits.
    pub fn save(&self, value: T) {
        self.save_then(value, None);
    }

    /// Saves `value` and calls `done` once it has committed (not if it fails).
    pub fn save_then(&self, value: T, done: Option<Callback<()>>) {
        self.status_handle.set(SaveStatus::Saving);
        let mut q = self.queue.borrow_mut();
        q.next_done.extend(done);
        if q.writing {
            q.next = Some(value);
            return;
        }
        q.writing = true;
        drop(q);
        write(
            self.queue.clone(),
            self.status_handle.clone(),
            self.save.clone(),
            value,
        );
    }
}

fn write<T: 'static>(
    queue: Rc<RefCell<Queue<T>>>,
    status: UseStateHandle<SaveStatus>,
    save: SaveFn<T>,
    value: T,
) {
    spawn_local(async move {
        let mut value = value;
        loop {
            let done = std::mem::take(&mut queue.borrow_mut().next_done);
            let result = save(value).await;
            if let Err(e) = result {
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
                Some(v) => value = v,
                None => break,
            }
        }
        queue.borrow_mut().writing = false;
        status.set(SaveStatus::Saved);
    });
}

/// Saves a record every time it changes, and tells the truth about it: the
/// status is `Saved` only after the last change's transaction has committed.
#[hook]
pub fn use_autosave<T, F, Fut>(save: F) -> Autosave<T>
where
    T: 'static,
    F: Fn(T) -> Fut + 'static,
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    let status_handle = use_state(|| SaveStatus::Idle);
    let queue = use_mut_ref(|| Queue {
        writing: false,
        next: None,
        next_done: Vec::new(),
    });
    let save: SaveFn<T> = {
        let save = Rc::new(save);
        (*use_memo((), move |_| {
            let f: SaveFn<T> = Rc::new(move |v: T| Box::pin(save(v)));
            f
        }))
        .clone()
    };
    Autosave {
        status: (*status_handle).clone(),
        queue,
        status_handle,
        save,
    }
}
