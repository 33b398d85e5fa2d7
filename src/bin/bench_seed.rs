//! The benchmark seeder's page (`tests/bench/seed.html`, built by
//! `make bench-seed`): no app, only `linkwheel::bench`'s exports
//! (`seed`, `sample`) on `window.wasmBindings`.

// Links the library, whose `bench` module holds the exports.
extern crate linkwheel;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The benchmark seeder runs in the browser: use `make bench`.");
}
