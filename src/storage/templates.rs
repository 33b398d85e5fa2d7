//! Imported assessment templates. The built-in ones live in
//! `domain::template` and are never stored.
//!
//! Each imported template is stored as `{ key, template, imported_at }`:
//! `key` is `Template::key()` (`"{id}@{version}"`, version 0 read as 1) and
//! is the store's key path, `template` is the template object exactly as
//! serde writes it, and `imported_at` is when it was saved (milliseconds).
//! A key is never reused for different content: an assessment records the
//! template id and version it was taken with, so it must always find the
//! same wording.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use super::schema::TEMPLATES;
use super::{fail, from_js, get_one, to_js, Storage};
use crate::domain::model::Millis;
use crate::domain::order::sort_by_less;
use crate::domain::template::{builtin_templates, holistic_template, Template};
use crate::error::AppError;

/// One record of the templates store.
#[derive(Serialize, Deserialize)]
struct Imported {
    #[serde(default)]
    key: String,
    #[serde(default)]
    template: Template,
    #[serde(default)]
    imported_at: Millis,
}

/// Every imported template (not the built-in ones), by title, then version.
pub async fn imported_templates(db: &Storage) -> Result<Vec<Template>, AppError> {
    let rows = super::get_all_js(db, TEMPLATES, None, "load the templates").await?;
    from_rows(rows, "load the templates")
}

/// Imported templates from the store's records as read, by title, then
/// version, as [`imported_templates`] lists them.
pub(crate) fn from_rows(
    rows: Vec<JsValue>,
    action: &'static str,
) -> Result<Vec<Template>, AppError> {
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        list.push(from_js::<Imported>(row, action)?.template);
    }
    sort_by_less(&mut list, |a, b| {
        a.title
            .cmp(&b.title)
            .then_with(|| a.version.max(1).cmp(&b.version.max(1)))
            .then_with(|| a.id.cmp(&b.id))
            .is_lt()
    });
    Ok(list)
}

/// Keeps an imported template on this device under its id and version.
///
/// Saving the same template again changes nothing. If a different template
/// (built in, or imported before) already has this id and version, nothing
/// is saved and the error is [`AppError::TemplateClash`]. A version of 0 is
/// saved as 1. The template is not checked here: call `Template::problems()`
/// first.
pub async fn save_template(db: &Storage, t: &Template, now: f64) -> Result<(), AppError> {
    const ACTION: &str = "save the template";
    let mut template = t.clone();
    template.version = template.version.max(1);
    let key = template.key();
    let clash = || AppError::TemplateClash { key: key.clone() };
    if let Some(builtin) = builtin_templates().into_iter().find(|b| b.key() == key) {
        return if builtin == template {
            Ok(())
        } else {
            Err(clash())
        };
    }
    let record = Imported {
        key: key.clone(),
        template,
        imported_at: now,
    };
    let value = to_js(&record, ACTION)?;

    // Check and write in one transaction, so two imports cannot both win.
    let tx = db.tx(&[TEMPLATES], TransactionMode::Readwrite, ACTION)?;
    let store = tx.object_store(TEMPLATES).map_err(fail(ACTION))?;
    let existing = store
        .get::<JsValue, _, _>(key.as_str())
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    if let Some(js) = existing {
        let stored: Imported = from_js(js, ACTION)?;
        // Nothing was written, so dropping the transaction loses nothing.
        return if stored.template == record.template {
            Ok(())
        } else {
            Err(clash())
        };
    }
    store
        .put(value)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    super::commit(tx, ACTION).await
}

/// The template an assessment was taken with: a built-in one first, then an
/// imported one with this id and version (0 is read as 1). An empty id (an
/// assessment from before templates had ids) gives the default holistic
/// template. `None` if this device does not have it.
pub async fn find_template(
    db: &Storage,
    id: &str,
    version: u32,
) -> Result<Option<Template>, AppError> {
    if id.trim().is_empty() {
        return Ok(Some(holistic_template()));
    }
    let version = version.max(1);
    if let Some(t) = builtin_templates()
        .into_iter()
        .find(|t| t.id == id && t.version.max(1) == version)
    {
        return Ok(Some(t));
    }
    // The same key as `Template::key()`.
    let key = format!("{id}@{version}");
    let record: Option<Imported> = get_one(db, TEMPLATES, &key, "load the template").await?;
    Ok(record.map(|r| r.template))
}
