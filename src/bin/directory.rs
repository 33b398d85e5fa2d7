//! A bundle loaded when first needed: the community directory
//! (`pages::directory_pages`). Built by `tests/tools/bundles.mjs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    linkwheel::start("app-directory", linkwheel::pages::directory_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
