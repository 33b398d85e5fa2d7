//! A bundle loaded when first needed: a person and their journey
//! (`pages::people_pages`). Built by `tests/tools/bundles.mjs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    linkwheel::start("app-people", linkwheel::pages::people_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
