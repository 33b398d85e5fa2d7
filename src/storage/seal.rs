//! Encryption at rest. When the device's data is protected by a passphrase
//! (`keyring`), every personal record (every one of `people`,
//! `assessments`, `plans` and `contacts`, and the `settings` record
//! `worker`) is stored sealed:
//!
//! ```text
//! { id, person_id?, created_at?, updated_at?, review_date?, next_review?,
//!   sealed: { iv: Uint8Array(12), data: ArrayBuffer } }
//! ```
//!
//! `data` is AES-256-GCM of the whole record's JSON under the data key,
//! with a fresh 96-bit IV for every write and `"{store}/{id}"` as
//! additional data, so a sealed record opens only where it was written.
//! The outer fields, copied only if the record has them, are ids and dates
//! that indexes and `plans::save_plan` (inside its transaction, where
//! nothing can be decrypted) need; opening a record copies them back over
//! the inner ones, so an outer `next_review` that `save_plan` changed wins.
//!
//! Reads open records after their transaction; writes seal before theirs
//! opens (only IndexedDB requests are awaited inside a transaction). A
//! sealed record read while locked, or a personal record written while
//! locked, is [`AppError::Locked`]. Records without `sealed` pass as they
//! are, so a device that is not protected works exactly as before.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use super::schema::{ASSESSMENTS, CONTACTS, PEOPLE, PLANS, SETTINGS};
use crate::crypto::{self, CryptoError};
use crate::error::AppError;

/// The fields a sealed record keeps in plain view, when it has them.
pub const PLAIN_FIELDS: [&str; 6] = [
    "id",
    "person_id",
    "created_at",
    "updated_at",
    "review_date",
    "next_review",
];

/// The stores whose every record is personal.
pub const PERSONAL_STORES: [&str; 4] = [PEOPLE, ASSESSMENTS, PLANS, CONTACTS];

/// The personal record of the `settings` store: the link worker's details.
pub const WORKER: &str = "worker";

fn get(record: &JsValue, field: &str) -> JsValue {
    Reflect::get(record, &field.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(target: &JsValue, field: &str, value: &JsValue) -> Result<(), AppError> {
    Reflect::set(target, &field.into(), value)
        .map(|_| ())
        .map_err(|e| AppError::storage("seal the records", format!("{e:?}")))
}

/// Whether `record` of `store` is personal, so stored sealed.
pub fn is_personal(store: &str, record: &JsValue) -> bool {
    PERSONAL_STORES.contains(&store)
        || (store == SETTINGS && get(record, "id").as_string().as_deref() == Some(WORKER))
}

/// Whether `record` as stored is sealed.
pub fn is_sealed(record: &JsValue) -> bool {
    get(record, "sealed").is_object()
}

/// The additional data of a sealed record: where it is kept.
fn place(store: &str, record: &JsValue) -> Result<Vec<u8>, AppError> {
    let id = get(record, "id")
        .as_string()
        .ok_or_else(|| AppError::storage("seal the records", "a record has no id"))?;
    Ok(format!("{store}/{id}").into_bytes())
}

fn crypto_fail(action: &'static str) -> impl Fn(CryptoError) -> AppError {
    move |e| AppError::storage(action, e.cause())
}

/// The key to seal personal records with: `Some` while unlocked, `None` when
/// the device is not protected, [`AppError::Locked`] when it is and
/// Linkwheel is locked.
pub fn sealing_key() -> Result<Option<CryptoKey>, AppError> {
    match crate::platform::data_key() {
        Some(key) => Ok(Some(key)),
        None if crate::platform::is_protected() => Err(AppError::Locked),
        None => Ok(None),
    }
}

/// `records` (store, record) ready to write: the personal ones sealed with
/// `key`, the rest (and any already sealed) as they are. The encryptions run
/// at once.
pub async fn seal_with(
    key: &CryptoKey,
    records: Vec<(&'static str, JsValue)>,
    action: &'static str,
) -> Result<Vec<(&'static str, JsValue)>, AppError> {
    let started = Array::new();
    let mut ivs = Vec::new();
    for (store, record) in &records {
        if !is_personal(store, record) || is_sealed(record) {
            continue;
        }
        let json = JSON::stringify(record)
            .map_err(|e| AppError::storage(action, format!("{e:?}")))?
            .as_string()
            .unwrap_or_default();
        let iv = crypto::random_bytes(12).map_err(crypto_fail(action))?;
        let aad = place(store, record)?;
        let promise = crypto::encrypt_promise(key, &iv, &aad, json.as_bytes())
            .map_err(crypto_fail(action))?;
        started.push(&promise);
        ivs.push(iv);
    }
    if ivs.is_empty() {
        return Ok(records);
    }
    let data: Array = JsFuture::from(Promise::all(&started))
        .await
        .map_err(|e| crypto_fail(action)(crypto::refused_or_failed(e)))?
        .unchecked_into();
    let mut sealed = ivs.into_iter().zip(data.iter());
    let mut out = Vec::with_capacity(records.len());
    for (store, record) in records {
        if !is_personal(store, &record) || is_sealed(&record) {
            out.push((store, record));
            continue;
        }
        let Some((iv, data)) = sealed.next() else {
            return Err(AppError::storage(action, "a record was not sealed"));
        };
        let outer: JsValue = Object::new().into();
        for field in PLAIN_FIELDS {
            let value = get(&record, field);
            if !value.is_undefined() {
                set(&outer, field, &value)?;
            }
        }
        let box_: JsValue = Object::new().into();
        set(&box_, "iv", &Uint8Array::from(iv.as_slice()).into())?;
        set(&box_, "data", &data)?;
        set(&outer, "sealed", &box_)?;
        out.push((store, outer));
    }
    Ok(out)
}

/// [`seal_with`] the key Linkwheel holds: personal records are sealed while
/// unlocked, kept plain when the device is not protected, and refused
/// ([`AppError::Locked`]) when it is locked.
pub async fn seal(
    records: Vec<(&'static str, JsValue)>,
    action: &'static str,
) -> Result<Vec<(&'static str, JsValue)>, AppError> {
    if !records.iter().any(|(s, r)| is_personal(s, r)) {
        return Ok(records);
    }
    match sealing_key()? {
        Some(key) => seal_with(&key, records, action).await,
        None => Ok(records),
    }
}

/// One record of `store` ready to write ([`seal`]).
pub async fn seal_one(
    store: &'static str,
    record: JsValue,
    action: &'static str,
) -> Result<JsValue, AppError> {
    let mut out = seal(vec![(store, record)], action).await?;
    Ok(out.pop().map(|(_, r)| r).unwrap_or_default())
}

/// Records of `store` as stored, opened: each sealed one decrypted (all at
/// once) with its plain outer fields copied over the inner ones; the rest
/// as they are. A sealed record while locked is [`AppError::Locked`].
pub async fn open(
    store: &str,
    rows: Vec<JsValue>,
    action: &'static str,
) -> Result<Vec<JsValue>, AppError> {
    if !rows.iter().any(is_sealed) {
        return Ok(rows);
    }
    let key = crate::platform::data_key().ok_or(AppError::Locked)?;
    open_with(&key, store, rows, action).await
}

/// [`open`] with `key`.
pub async fn open_with(
    key: &CryptoKey,
    store: &str,
    rows: Vec<JsValue>,
    action: &'static str,
) -> Result<Vec<JsValue>, AppError> {
    let started = Array::new();
    for row in rows.iter().filter(|r| is_sealed(r)) {
        let sealed = get(row, "sealed");
        let iv = Uint8Array::new(&get(&sealed, "iv")).to_vec();
        let data: Object = get(&sealed, "data")
            .dyn_into()
            .map_err(|_| AppError::storage(action, "a sealed record has no data"))?;
        let aad = place(store, row)?;
        let promise =
            crypto::decrypt_promise(key, &iv, &aad, &data).map_err(crypto_fail(action))?;
        started.push(&promise);
    }
    let plain: Array = JsFuture::from(Promise::all(&started))
        .await
        .map_err(|e| crypto_fail(action)(crypto::refused_or_failed(e)))?
        .unchecked_into();
    let mut plain = plain.iter();
    let decoder =
        web_sys::TextDecoder::new().map_err(|_| AppError::storage(action, "no TextDecoder"))?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if !is_sealed(&row) {
            out.push(row);
            continue;
        }
        let text = decoder
            .decode_with_buffer_source(&plain.next().unwrap_or_default().unchecked_into())
            .map_err(|_| AppError::storage(action, "a sealed record is not text"))?;
        let inner = JSON::parse(&text).map_err(|e| AppError::storage(action, format!("{e:?}")))?;
        for field in PLAIN_FIELDS {
            let value = get(&row, field);
            if !value.is_undefined() {
                set(&inner, field, &value)?;
            }
        }
        out.push(inner);
    }
    Ok(out)
}

/// One record of `store` as stored, opened ([`open`]).
pub async fn open_one(
    store: &str,
    row: JsValue,
    action: &'static str,
) -> Result<JsValue, AppError> {
    let mut rows = open(store, vec![row], action).await?;
    Ok(rows.pop().unwrap_or_default())
}
