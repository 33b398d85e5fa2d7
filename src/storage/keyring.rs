//! Protecting the device's data with a passphrase: the keyring, a plain
//! record `settings`/`keyring`:
//!
//! ```text
//! { id: "keyring", version: 1, iterations: 600000, salt: Uint8Array(16),
//!   iv: Uint8Array(12), wrapped: ArrayBuffer, idle_minutes: 10,
//!   failures: 0, last_failure: 0 }
//! ```
//!
//! A random AES-256-GCM data key seals the personal records (`seal`). It is
//! kept only wrapped (WebCrypto `wrapKey`, "raw", AES-GCM with the random
//! `iv`) by a key-encryption key derived from the passphrase (PBKDF2-HMAC-
//! SHA256, `iterations`, the random `salt`). Unlocking derives that key and
//! unwraps the data key as a non-extractable `CryptoKey`, held in memory
//! only (`platform::hold_key`). Changing the passphrase wraps the same data
//! key again: no record is sealed again. `failures` and `last_failure`
//! (milliseconds) count wrong passphrases in a row, so the wait between
//! tries survives a reload.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use super::batch::Batch;
use super::schema::SETTINGS;
use super::seal::{seal_with, PERSONAL_STORES, WORKER};
use super::{all_js_in, fail, get_js, Storage};
use crate::crypto::{self, CryptoError};
use crate::domain::lock::{wait_after, wait_left, ITERATIONS};
use crate::error::AppError;
use crate::platform::now_ms;

/// The keyring's id in the `settings` store.
pub const KEYRING: &str = "keyring";

fn get(record: &JsValue, field: &str) -> JsValue {
    Reflect::get(record, &field.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(record: &JsValue, field: &str, value: JsValue) {
    let _ = Reflect::set(record, &field.into(), &value);
}

fn number(record: &JsValue, field: &str) -> f64 {
    get(record, field).as_f64().unwrap_or(0.0)
}

fn bytes(record: &JsValue, field: &str) -> Vec<u8> {
    let value = get(record, field);
    if value.is_object() {
        Uint8Array::new(&value).to_vec()
    } else {
        Vec::new()
    }
}

fn crypto_fail(action: &'static str) -> impl Fn(CryptoError) -> AppError {
    move |e| AppError::storage(action, e.cause())
}

/// The keyring as stored, if the device's data is protected.
async fn read(db: &Storage, action: &'static str) -> Result<Option<JsValue>, AppError> {
    get_js(db, SETTINGS, KEYRING, action).await
}

/// Writes the keyring (plain: nothing in it is personal) in one transaction.
async fn write(db: &Storage, record: JsValue, action: &'static str) -> Result<(), AppError> {
    let tx = db.tx(&[SETTINGS], TransactionMode::Readwrite, action)?;
    let store = tx.object_store(SETTINGS).map_err(fail(action))?;
    store
        .put(record)
        .primitive()
        .map_err(fail(action))?
        .await
        .map_err(fail(action))?;
    super::commit(tx, action).await
}

/// Sets the new salt, iv and wrapped key on `record`, and clears the count
/// of wrong passphrases.
fn set_wrapping(record: &JsValue, salt: &[u8], iv: &[u8], wrapped: &[u8]) {
    set(record, "version", 1.into());
    set(record, "iterations", ITERATIONS.into());
    set(record, "salt", Uint8Array::from(salt).into());
    set(record, "iv", Uint8Array::from(iv).into());
    set(record, "wrapped", Uint8Array::from(wrapped).buffer().into());
    set(record, "failures", 0.into());
    set(record, "last_failure", 0.into());
}

/// A new salt and iv, and the data `key` wrapped under a key derived from
/// `passphrase` with them.
async fn wrap_for(
    key: &web_sys::CryptoKey,
    passphrase: &str,
    action: &'static str,
) -> Result<(Vec<u8>, Vec<u8>, Vec<u8>), AppError> {
    let salt = crypto::random_bytes(16).map_err(crypto_fail(action))?;
    let iv = crypto::random_bytes(12).map_err(crypto_fail(action))?;
    let kek = crypto::derive_wrapping_key(passphrase, &salt, ITERATIONS)
        .await
        .map_err(crypto_fail(action))?;
    let wrapped = crypto::wrap_key(key, &kek, &iv)
        .await
        .map_err(crypto_fail(action))?;
    Ok((salt, iv, wrapped))
}

/// The data key `record` wraps, if `passphrase` is the one it was wrapped
/// with (`None` if not).
async fn unwrap(
    record: &JsValue,
    passphrase: &str,
    extractable: bool,
    action: &'static str,
) -> Result<Option<web_sys::CryptoKey>, AppError> {
    let iterations = number(record, "iterations") as u32;
    let kek = crypto::derive_wrapping_key(passphrase, &bytes(record, "salt"), iterations)
        .await
        .map_err(crypto_fail(action))?;
    match crypto::unwrap_key(
        &bytes(record, "wrapped"),
        &kek,
        &bytes(record, "iv"),
        extractable,
    )
    .await
    {
        Ok(key) => Ok(Some(key)),
        Err(CryptoError::Refused) => Ok(None),
        Err(e) => Err(crypto_fail(action)(e)),
    }
}

/// Whether the device's data is protected by a passphrase. Also tells the
/// keyholder, so that Linkwheel stays locked until it is unlocked.
pub async fn is_protected(db: &Storage) -> Result<bool, AppError> {
    let protected = read(db, "open Linkwheel").await?.is_some();
    if protected {
        crate::platform::mark_protected();
    }
    Ok(protected)
}

/// Minutes without use before Linkwheel locks; `None` when the device's
/// data is not protected.
pub async fn idle_minutes(db: &Storage) -> Result<Option<u32>, AppError> {
    Ok(read(db, "load your settings")
        .await?
        .map(|r| number(&r, "idle_minutes") as u32))
}

/// Protects the device's data with `passphrase`: a new data key, wrapped,
/// then every personal record sealed with it and written, with the keyring,
/// in one transaction, so either all of it is protected or nothing has
/// changed. Unlocks Linkwheel with the new key.
pub async fn protect(db: &Storage, passphrase: &str, idle_minutes: u32) -> Result<(), AppError> {
    const ACTION: &str = "protect the data on this device";
    if read(db, ACTION).await?.is_some() {
        return Err(AppError::storage(ACTION, "already protected"));
    }
    // Extractable only until it is wrapped; the key used from then on is
    // the non-extractable copy unwrapped from what is stored, which also
    // proves the stored keyring opens.
    let fresh = crypto::new_data_key().await.map_err(crypto_fail(ACTION))?;
    let (salt, iv, wrapped) = wrap_for(&fresh, passphrase, ACTION).await?;
    drop(fresh);
    let record: JsValue = js_sys::Object::new().into();
    set(&record, "id", KEYRING.into());
    set_wrapping(&record, &salt, &iv, &wrapped);
    set(&record, "idle_minutes", idle_minutes.into());
    let key = unwrap(&record, passphrase, false, ACTION)
        .await?
        .ok_or_else(|| AppError::storage(ACTION, "the new keyring did not open"))?;

    // Every personal record as it is now, read in one transaction, then
    // sealed (outside any transaction).
    let mut stores = PERSONAL_STORES.to_vec();
    stores.push(SETTINGS);
    let mut records = Vec::new();
    {
        let tx = db.tx(&stores, TransactionMode::Readonly, ACTION)?;
        for name in PERSONAL_STORES {
            let store = tx.object_store(name).map_err(fail(ACTION))?;
            for row in all_js_in(&store, None, ACTION).await? {
                records.push((name, row));
            }
        }
        let settings = tx.object_store(SETTINGS).map_err(fail(ACTION))?;
        let worker = settings
            .get::<JsValue, _, _>(WORKER)
            .primitive()
            .map_err(fail(ACTION))?
            .await
            .map_err(fail(ACTION))?;
        if let Some(worker) = worker {
            records.push((SETTINGS, worker));
        }
    }
    let mut batch = Batch::new();
    for (store, record) in seal_with(&key, records, ACTION).await? {
        batch.put_raw(store, record);
    }
    batch.put_raw(SETTINGS, record);
    batch.commit_for(db, ACTION).await?;
    crate::platform::hold_key(&key, idle_minutes);
    Ok(())
}

/// What came of trying a passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unlock {
    /// Right: Linkwheel is unlocked.
    Unlocked,
    /// Wrong: try again after this many seconds.
    Wrong(u32),
    /// Not tried: too soon after a wrong one; this many seconds are left.
    Wait(u32),
}

/// Tries `passphrase`. Right, the data key is held and Linkwheel unlocks;
/// wrong, the count of wrong passphrases grows (kept in the keyring, so a
/// reload does not reset it) and so does the wait before the next try.
pub async fn unlock(db: &Storage, passphrase: &str) -> Result<Unlock, AppError> {
    const ACTION: &str = "unlock Linkwheel";
    let record = read(db, ACTION)
        .await?
        .ok_or(AppError::NotFound { what: "passphrase" })?;
    let failures = number(&record, "failures") as u32;
    let left = wait_left(failures, number(&record, "last_failure"), now_ms());
    if left > 0 {
        return Ok(Unlock::Wait(left));
    }
    match unwrap(&record, passphrase, false, ACTION).await? {
        Some(key) => {
            if failures > 0 {
                set(&record, "failures", 0.into());
                set(&record, "last_failure", 0.into());
                write(db, record.clone(), ACTION).await?;
            }
            let idle = number(&record, "idle_minutes") as u32;
            crate::platform::hold_key(&key, idle);
            Ok(Unlock::Unlocked)
        }
        None => {
            let failures = failures.saturating_add(1);
            set(&record, "failures", failures.into());
            set(&record, "last_failure", now_ms().into());
            write(db, record, ACTION).await?;
            Ok(Unlock::Wrong(wait_after(failures)))
        }
    }
}

/// Changes the passphrase from `current` to `new`: the data key is
/// unwrapped (extractable, for this moment only), wrapped again under the
/// new passphrase with a new salt and iv, and the keyring written in one
/// transaction. No record changes. False, and nothing changed, when
/// `current` is not the passphrase.
pub async fn change_passphrase(db: &Storage, current: &str, new: &str) -> Result<bool, AppError> {
    const ACTION: &str = "change the passphrase";
    let record = read(db, ACTION)
        .await?
        .ok_or(AppError::NotFound { what: "passphrase" })?;
    let Some(key) = unwrap(&record, current, true, ACTION).await? else {
        return Ok(false);
    };
    let (salt, iv, wrapped) = wrap_for(&key, new, ACTION).await?;
    drop(key);
    set_wrapping(&record, &salt, &iv, &wrapped);
    write(db, record, ACTION).await?;
    Ok(true)
}

/// Sets the minutes without use before Linkwheel locks.
pub async fn set_idle_minutes(db: &Storage, minutes: u32) -> Result<(), AppError> {
    const ACTION: &str = "save your settings";
    let record = read(db, ACTION)
        .await?
        .ok_or(AppError::NotFound { what: "passphrase" })?;
    set(&record, "idle_minutes", minutes.into());
    write(db, record, ACTION).await?;
    crate::platform::set_idle_minutes(minutes);
    Ok(())
}
