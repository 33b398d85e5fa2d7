use std::future::Future;
use std::pin::Pin;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::app::Route;
use crate::error::AppError;
use crate::hooks::{use_value, Value};

type Work = Pin<Box<dyn Future<Output = Result<Option<Route>, AppError>>>>;

/// A write that leads to another page: start an assessment, make a plan,
/// save a person, delete one. Returned by [`use_task`].
#[derive(Clone)]
pub struct Task {
    /// True from the start of a write until it fails (on success the page
    /// moves on). Read at its newest, it guards against a double click.
    running: Value<bool>,
    failure: Value<Option<AppError>>,
}

impl Task {
    /// True while the write runs, for `disabled` on its button.
    pub fn running(&self) -> bool {
        *self.running
    }

    /// Why the last write failed, to show in plain words.
    pub fn failure(&self) -> Option<&AppError> {
        self.failure.as_ref()
    }

    /// Runs `work` unless a write is already under way (a double click),
    /// then opens the page it returns. If it fails, the page says so and the
    /// write may be tried again.
    pub fn run(&self, work: impl Future<Output = Result<Route, AppError>> + 'static) {
        self.start(Box::pin(async move { work.await.map(Some) }));
    }

    /// Like [`Task::run`], for a write that stays on this page (adding a
    /// note, closing an episode): `work` updates the page itself when done.
    pub fn run_here(&self, work: impl Future<Output = Result<(), AppError>> + 'static) {
        self.start(Box::pin(async move { work.await.map(|()| None) }));
    }

    fn start(&self, work: Work) {
        if *self.running.latest() {
            return;
        }
        self.running.set(true);
        let this = self.clone();
        spawn_local(async move {
            match work.await {
                Ok(Some(route)) => crate::platform::go(&route),
                Ok(None) => {
                    this.failure.set(None);
                    this.running.set(false);
                }
                Err(e) => {
                    crate::platform::log_error(&e);
                    this.failure.set(Some(e));
                    this.running.set(false);
                }
            }
        });
    }
}

#[hook]
pub fn use_task() -> Task {
    Task {
        running: use_value(|| false),
        failure: use_value(|| None),
    }
}
