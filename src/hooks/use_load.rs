use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::error::AppError;
use crate::hooks::use_db;
use crate::storage::Db;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(AppError),
}

/// A load under way. It resolves to the step that keeps its result, so
/// `use_jobs` can drop that step when a newer load has begun.
type Job = Pin<Box<dyn Future<Output = Box<dyn FnOnce()>>>>;
type StartJob = Rc<dyn Fn(Option<Db>, AttrValue) -> Job>;

/// Runs `load` with the database and `key` (a record id, or `""`) when the
/// page opens and whenever `key` changes, and keeps its result. Results
/// from an older run are ignored if a newer one has started.
///
/// Only the lines here depend on the record type `T`: the result lives in a
/// `use_mut_ref`, and the effect that runs the loads is one non-generic hook.
#[hook]
pub fn use_load<T, F, Fut>(key: AttrValue, load: F) -> Rc<Load<T>>
where
    T: 'static,
    F: Fn(Option<Db>, AttrValue) -> Fut + 'static,
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    let slot = use_mut_ref(|| Rc::new(Load::Loading));
    let start: StartJob = {
        let slot = slot.clone();
        Rc::new(move |db, key| {
            *slot.borrow_mut() = Rc::new(Load::Loading);
            let (slot, fut) = (slot.clone(), load(db, key));
            Box::pin(async move {
                let result = fut.await;
                let keep: Box<dyn FnOnce()> = Box::new(move || {
                    *slot.borrow_mut() = Rc::new(match result {
                        Ok(v) => Load::Ready(v),
                        Err(e) => {
                            crate::platform::log_error(&e);
                            Load::Failed(e)
                        }
                    });
                });
                keep
            })
        })
    };
    use_jobs(key, start);
    let now = slot.borrow().clone();
    now
}

/// Starts a job when the database or `key` changes, and renders again when
/// the newest job has kept its result. A job starts while the component
/// renders, not once it has been drawn, so whatever a load requests at once
/// (`storage::people::person_file` makes all its reads when called) is on
/// its way while the page around it draws.
#[hook]
fn use_jobs(key: AttrValue, start: StartJob) {
    let db = use_db();
    let generation = use_mut_ref(|| 0u32);
    let started = use_mut_ref(|| None::<(Option<Db>, AttrValue)>);
    let update = use_force_update();
    let now = (db, key);
    if started.borrow().as_ref() == Some(&now) {
        return;
    }
    *generation.borrow_mut() += 1;
    let mine = *generation.borrow();
    let job = start(now.0.clone(), now.1.clone());
    *started.borrow_mut() = Some(now);
    spawn_local(async move {
        let keep = job.await;
        if *generation.borrow() == mine {
            keep();
            update.force_update();
        }
    });
}
