use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

/// What [`use_value`] returns: the value as it was when the component
/// rendered, and a way to change it.
pub struct Value<T> {
    now: Rc<T>,
    cell: Rc<RefCell<Rc<T>>>,
    update: UseForceUpdateHandle,
}

impl<T> Value<T> {
    /// The newest value, which may be newer than the one rendered.
    pub fn latest(&self) -> Rc<T> {
        self.cell.borrow().clone()
    }

    /// Replaces the value and renders the component again.
    pub fn set(&self, value: T) {
        *self.cell.borrow_mut() = Rc::new(value);
        self.update.force_update();
    }
}

impl<T: Clone + 'static> Value<T> {
    /// A callback for a form field: `change` writes the field's new text
    /// into a copy of the newest value, which then replaces it.
    pub fn setter(&self, change: fn(&mut T, String)) -> Callback<String> {
        let this = self.clone();
        Callback::from(move |text: String| {
            let mut next = (*this.latest()).clone();
            change(&mut next, text);
            this.set(next);
        })
    }
}

impl<T: Reducible> Value<T> {
    /// Applies `action` to the newest value (not the one rendered), like
    /// `use_reducer`'s dispatch, and renders again if that changed anything.
    /// Returns the new value when there is one.
    pub fn dispatch(&self, action: T::Action) -> Option<Rc<T>> {
        let old = self.cell.borrow().clone();
        let new = old.clone().reduce(action);
        if Rc::ptr_eq(&old, &new) {
            return None;
        }
        *self.cell.borrow_mut() = new.clone();
        self.update.force_update();
        Some(new)
    }
}

impl<T> Deref for Value<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.now
    }
}

impl<T> Clone for Value<T> {
    fn clone(&self) -> Self {
        Value {
            now: self.now.clone(),
            cell: self.cell.clone(),
            update: self.update.clone(),
        }
    }
}

/// Component state, like Yew's `use_state` (and, for a [`Reducible`] value,
/// `use_reducer`), built on `use_mut_ref` and `use_force_update`. Yew's own
/// hooks go through reducer machinery that is compiled again for every type
/// of state; this is a few lines per type, and Linkwheel has about a dozen.
#[hook]
pub fn use_value<T: 'static>(init: impl FnOnce() -> T) -> Value<T> {
    let cell = use_mut_ref(|| Rc::new(init()));
    let update = use_force_update();
    let now = cell.borrow().clone();
    Value { now, cell, update }
}
