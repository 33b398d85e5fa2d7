//! The first WebAssembly module (Trunk's): the caseload. The other pages are
//! in bundles of their own (`src/bin/`), loaded when first visited.

#[cfg(target_arch = "wasm32")]
fn main() {
    linkwheel::start("app-main", linkwheel::pages::main_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Linkwheel runs in the browser: use `make run`.");
}
