//! A bundle loaded when first needed: kiosk mode for a community venue
//! (`pages::kiosk_pages`). Built by `tests/tools/bundles.mjs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    linkwheel::start("app-kiosk", linkwheel::pages::kiosk_pages);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
