use std::future::Future;
use std::pin::Pin;

use yew::prelude::*;

use crate::components::{error_banner, loading};
use crate::error::AppError;
use crate::hooks::{use_load, Load};
use crate::pages::not_found;
use crate::storage::Db;

/// Reads a page's records, then makes the page from them.
pub type LoadPage = Pin<Box<dyn Future<Output = Result<Html, AppError>>>>;

/// Starts a [`LoadPage`] with the database (`None`: there is none) and the
/// record id the page is about.
pub type LoadFn = fn(Option<Db>, AttrValue) -> LoadPage;

#[derive(Properties)]
pub struct LoaderProps {
    /// The record the page is about (`""` for none); another id loads again.
    #[prop_or_default]
    pub id: AttrValue,
    /// The heading to show if the records cannot be loaded. `None` shows
    /// the message alone, under the page's own heading.
    #[prop_or_default]
    pub failed: Option<&'static str>,
    /// Reads the records (`None`: no database) and returns the page.
    pub load: LoadFn,
}

impl PartialEq for LoaderProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.failed == other.failed
            && std::ptr::fn_addr_eq(self.load, other.load)
    }
}

/// What a page that loads records renders: a [`Loader`] keyed by the kind
/// of page (`key`), so moving between two pages about the same record (an
/// assessment and its wheel) starts afresh.
pub fn loader(
    key: &'static str,
    id: AttrValue,
    failed: Option<&'static str>,
    load: LoadFn,
) -> Html {
    html! { <Loader {key} {id} {failed} {load} /> }
}

/// "Loading…", then the page, or why it could not be shown. One component
/// for every page that loads records: the pages themselves are made once
/// their records are in hand, so their state can start from them.
#[component]
pub fn Loader(props: &LoaderProps) -> Html {
    let loaded = use_load(props.id.clone(), props.load);
    match (&*loaded, props.failed) {
        (Load::Loading, _) => loading(),
        (Load::Failed(e), Some(title)) => not_found(title, e),
        (Load::Failed(e), None) => error_banner(Some(e)),
        (Load::Ready(page), _) => page.clone(),
    }
}
