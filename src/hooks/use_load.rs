use std::future::Future;
use std::pin::Pin;

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::error::AppError;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(AppError),
}

type LoadFuture<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// Runs `load` whenever `deps` change and keeps its result. Results from an
/// older run are ignored if a newer one has started.
#[hook]
pub fn use_load<T, D, F, Fut>(deps: D, load: F) -> UseStateHandle<Load<T>>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, AppError>> + 'static,
{
    let state = use_state(|| Load::Loading);
    let generation = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(deps, move |deps| {
            // Boxing keeps one copy of the code below per result type.
            start(Box::pin(load(deps.clone())), state, generation);
        });
    }
    state
}

fn start<T: 'static>(
    fut: LoadFuture<T>,
    state: UseStateHandle<Load<T>>,
    generation: std::rc::Rc<std::cell::RefCell<u32>>,
) {
    *generation.borrow_mut() += 1;
    let mine = *generation.borrow();
    state.set(Load::Loading);
    spawn_local(async move {
        let result = fut.await;
        if *generation.borrow() != mine {
            return;
        }
        match result {
            Ok(v) => state.set(Load::Ready(v)),
            Err(e) => {
                crate::platform::log_error(&e);
                state.set(Load::Failed(e));
            }
        }
    });
}
