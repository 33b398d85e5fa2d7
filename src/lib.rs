//! Linkwheel: social prescribing needs assessments, wheel of life and action
//! plans, kept in the browser's IndexedDB. See ARCHITECTURE.md for the map.

pub mod domain;
pub mod error;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub use app::{
    require_passphrase, set_lock_screen, set_pages, start, App, AppProps, Pages, Route, Screen,
    REQUIRE_PASSPHRASE,
};
#[cfg(target_arch = "wasm32")]
pub mod platform;

/// Benchmark seeder (`make bench`): never in the user's build.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
pub mod bench;
