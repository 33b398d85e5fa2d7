#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<linkwheel::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Linkwheel runs in the browser: use `make run`.");
}
