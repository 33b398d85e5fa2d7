//! A bundle loaded when first needed: settings, templates and about
//! (`pages::settings_pages`). Built by `tests/tools/bundles.mjs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    linkwheel::start("app-settings", linkwheel::pages::settings_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
