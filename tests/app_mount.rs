//! Mounts the real `App` on a fresh database: it must open it and show the
//! empty caseload, then show a person saved through the storage layer.

#![cfg(target_arch = "wasm32")]

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

use gloo::timers::future::TimeoutFuture;
use linkwheel::domain::Person;
use linkwheel::storage::{delete_database, people, Storage};
use linkwheel::{App, AppProps};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const POLL_MS: u32 = 25;
const LIMIT_MS: u32 = 5_000;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

fn set_hash(hash: &str) {
    web_sys::window()
        .expect("window")
        .location()
        .set_hash(hash)
        .expect("set location.hash");
}

/// A fresh `<div>` in the page for the app to render into.
fn new_root() -> Element {
    let root = document().create_element("div").expect("create div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append root");
    root
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn heading(root: &Element) -> Option<String> {
    root.query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content())
}

fn person_names(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all(".person-name")
        .expect("query .person-name");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

/// Polls until `ready` holds, failing with the page text after `LIMIT_MS`.
async fn wait_until(root: &Element, what: &str, ready: impl Fn(&Element) -> bool) {
    let mut waited = 0;
    while !ready(root) {
        assert!(
            waited < LIMIT_MS,
            "waited {LIMIT_MS} ms for {what}; the page says: {:?}",
            text(root)
        );
        TimeoutFuture::new(POLL_MS).await;
        waited += POLL_MS;
    }
}

/// `fut`'s output, or `None` if it has not finished after `ms`.
async fn within<F: Future>(ms: u32, fut: F) -> Option<F::Output> {
    let mut fut = pin!(fut);
    let mut timer = TimeoutFuture::new(ms);
    std::future::poll_fn(|cx| {
        if let Poll::Ready(out) = fut.as_mut().poll(cx) {
            Poll::Ready(Some(out))
        } else if std::pin::Pin::new(&mut timer).poll(cx).is_ready() {
            Poll::Ready(None)
        } else {
            Poll::Pending
        }
    })
    .await
}

fn mount(root: &Element, db_name: &str) -> yew::AppHandle<App> {
    linkwheel::set_pages(linkwheel::pages::all_pages);
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            db_name: db_name.to_string().into(),
        },
    )
    .render()
}

fn is_empty_caseload(root: &Element) -> bool {
    heading(root).as_deref() == Some("People") && text(root).contains("No one here yet")
}

#[wasm_bindgen_test]
async fn app_opens_a_fresh_database_and_shows_people_saved_to_it() {
    let name = format!("lw-test-app-{}", js_sys::Math::random());
    set_hash("#/");
    let root = new_root();
    let app = mount(&root, &name);

    // 1. A fresh database: the app opens it and shows the empty caseload.
    wait_until(&root, "the empty caseload", is_empty_caseload).await;
    assert!(
        !text(&root).contains("Linkwheel cannot start"),
        "{}",
        text(&root)
    );

    // 2. Save someone through a second connection (the app holds its own).
    let ada = Person {
        id: "p-app-1".into(),
        preferred_name: "Ada Testperson".into(),
        created_at: 1_700_000_000_000.0,
        updated_at: 1_700_000_000_000.0,
        ..Person::default()
    };
    let second = Storage::open(&name).await.expect("second connection");
    people::save_person(&second, &ada)
        .await
        .expect("save through storage");
    second.close();

    // Leave the caseload and come back: it lists the people again.
    set_hash("#/about");
    wait_until(&root, "the About page", |r| {
        heading(r).as_deref() == Some("About Linkwheel")
    })
    .await;
    set_hash("#/");
    wait_until(&root, "the saved person on the caseload", |r| {
        heading(r).as_deref() == Some("People") && person_names(r) == ["Ada Testperson"]
    })
    .await;
    assert!(
        text(&root).contains("1 person on this device"),
        "{}",
        text(&root)
    );
    assert!(!text(&root).contains("No one here yet"));

    // 3. A new App on the same database finds the person straight away.
    app.destroy();
    let app = mount(&root, &name);
    wait_until(&root, "the person after remounting", |r| {
        person_names(r) == ["Ada Testperson"]
    })
    .await;
    app.destroy();
    root.remove();
    set_hash("");

    // The app's own connections are never closed (unmounting drops the
    // `Storage` without closing it), so deleting may be blocked until the
    // browser collects them; do not let that hang the suite.
    if let Some(deleted) = within(2_000, delete_database(&name)).await {
        deleted.expect("delete the test database");
    }
}

#[wasm_bindgen_test]
async fn idle_steps_run_one_at_a_time_until_the_last_says_done() {
    use std::cell::Cell;
    use std::rc::Rc;
    let steps = Rc::new(Cell::new(0));
    let counted = steps.clone();
    linkwheel::platform::in_idle_steps(move || {
        counted.set(counted.get() + 1);
        counted.get() == 3
    });
    assert_eq!(steps.get(), 0, "nothing runs before an idle moment");
    let mut waited = 0;
    while steps.get() < 3 {
        assert!(waited < LIMIT_MS, "only {} steps ran", steps.get());
        TimeoutFuture::new(POLL_MS).await;
        waited += POLL_MS;
    }
    TimeoutFuture::new(300).await;
    assert_eq!(
        steps.get(),
        3,
        "no step after the one that said it was done"
    );
}
