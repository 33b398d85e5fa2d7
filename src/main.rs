//! The first WebAssembly module (Trunk's): the caseload, and the unlock
//! screen. The other pages are in bundles of their own (`src/bin/`), loaded
//! when first visited.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The unlock screen lives here alone; so does the set-up screen, and
    // only in a build that requires a passphrase (a constant: otherwise its
    // code is left out).
    linkwheel::set_lock_screen(linkwheel::pages::unlock_screen);
    if linkwheel::REQUIRE_PASSPHRASE {
        linkwheel::require_passphrase(linkwheel::pages::setup_screen);
    }
    linkwheel::start("app-main", linkwheel::pages::main_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Linkwheel runs in the browser: use `make run`.");
}
