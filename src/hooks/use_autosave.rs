use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::error::AppError;

/// How long typing waits before it is saved.
const TYPING_DELAY_MS: u32 = 400;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Idle,
    /// A change is waiting to be written or is being written.
    Saving,
    /// Every change shown has been committed to IndexedDB.
    Saved,
    Failed(AppError),
}

type SaveFn<T> = Rc<dyn Fn(T) -> Pin<Box<dyn Future<Output = Result<(), AppError>>>>>;

struct Inner<T> {
    requested: u32,
    finished: u32,
    timer: Option<Timeout>,
    pending: Option<T>,
}

/// Handle returned by [`use_autosave`].
pub struct Autosave<T: 'static> {
    pub status: SaveStatus,
    inner: Rc<RefCell<Inner<T>>>,
    status_handle: UseStateHandle<SaveStatus>,
    save: SaveFn<T>,
}

impl<T: Clone + 'static> Clone for Autosave<T> {
    fn clone(&self) -> Self {
        Self {
            status: self.status.clone(),
            inner: self.inner.clone(),
            status_handle: self.status_handle.clone(),
            save: self.save.clone(),
        }
    }
}

impl<T: Clone + 'static> Autosave<T> {
    /// Saves `value` now: for clicks, ticks and choices.
    pub fn now(&self, value: T) {
        self.inner.borrow_mut().timer = None;
        self.inner.borrow_mut().pending = None;
        run(&self.inner, &self.status_handle, &self.save, value);
    }

    /// Saves `value` after a short pause in typing.
    pub fn soon(&self, value: T) {
        self.status_handle.set(SaveStatus::Saving);
        let (inner, status, save) = (
            self.inner.clone(),
            self.status_handle.clone(),
            self.save.clone(),
        );
        let timer = Timeout::new(TYPING_DELAY_MS, move || flush(&inner, &status, &save));
        let mut b = self.inner.borrow_mut();
        b.pending = Some(value);
        b.timer = Some(timer);
    }

    /// Writes any change still waiting for the typing pause.
    pub fn flush(&self) {
        flush(&self.inner, &self.status_handle, &self.save);
    }
}

fn flush<T: Clone + 'static>(
    inner: &Rc<RefCell<Inner<T>>>,
    status: &UseStateHandle<SaveStatus>,
    save: &SaveFn<T>,
) {
    let pending = {
        let mut b = inner.borrow_mut();
        b.timer = None;
        b.pending.take()
    };
    if let Some(value) = pending {
        run(inner, status, save, value);
    }
}

fn run<T: 'static>(
    inner: &Rc<RefCell<Inner<T>>>,
    status: &UseStateHandle<SaveStatus>,
    save: &SaveFn<T>,
    value: T,
) {
    let mine = {
        let mut b = inner.borrow_mut();
        b.requested += 1;
        b.requested
    };
    status.set(SaveStatus::Saving);
    // IndexedDB runs read-write transactions on one store in the order they
    // were created, so the last request is also the last to commit.
    let fut = save(value);
    let (inner, status) = (inner.clone(), status.clone());
    spawn_local(async move {
        let result = fut.await;
        let mut b = inner.borrow_mut();
        b.finished = b.finished.max(mine);
        match result {
            Err(e) => {
                crate::platform::log_error(&e);
                status.set(SaveStatus::Failed(e));
            }
            Ok(()) if b.finished == b.requested && b.pending.is_none() => {
                status.set(SaveStatus::Saved)
            }
            Ok(()) => {}
        }
    });
}

/// Saves a record as it changes, and tells the truth about it: the status is
/// `Saved` only after the last write's transaction has committed. A change
/// still waiting on the typing pause is written at once if the page is hidden.
#[hook]
pub fn use_autosave<T, F, Fut>(save: F) -> Autosave<T>
where
    T: Clone + 'static,
    F: Fn(T) -> Fut + 'static,
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    let status_handle = use_state(|| SaveStatus::Idle);
    let inner = use_mut_ref(|| Inner {
        requested: 0,
        finished: 0,
        timer: None,
        pending: None,
    });
    let save: SaveFn<T> = {
        let save = Rc::new(save);
        (*use_memo((), move |_| {
            let f: SaveFn<T> = Rc::new(move |v: T| Box::pin(save(v)));
            f
        }))
        .clone()
    };
    {
        let (inner, status, save) = (inner.clone(), status_handle.clone(), save.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "pagehide", move |_| flush(&inner, &status, &save))
            });
            move || drop(listener)
        });
    }
    Autosave {
        status: (*status_handle).clone(),
        inner,
        status_handle,
        save,
    }
}
