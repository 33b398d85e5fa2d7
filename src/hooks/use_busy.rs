use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// Guards an action that writes and then moves on (start an assessment,
/// make a plan, save a form) against a double click creating two records.
#[derive(Clone)]
pub struct Busy {
    /// For `disabled` on the button while the action runs.
    pub now: bool,
    flag: Rc<Cell<bool>>,
    state: UseStateHandle<bool>,
}

impl Busy {
    /// True if the action may start; false if one is already running.
    pub fn start(&self) -> bool {
        if self.flag.replace(true) {
            return false;
        }
        self.state.set(true);
        true
    }

    /// Lets the action run again (after it failed; on success pages move on).
    pub fn done(&self) {
        self.flag.set(false);
        self.state.set(false);
    }
}

#[hook]
pub fn use_busy() -> Busy {
    let state = use_state(|| false);
    let flag = use_memo((), |_| Cell::new(false));
    Busy {
        now: *state,
        flag: Rc::clone(&flag),
        state,
    }
}
