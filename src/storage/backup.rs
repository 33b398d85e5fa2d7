//! Backing up every store into one encrypted file, and restoring one: all
//! of it in a single transaction, so a restore lands whole or not at all.
//! The file format and the merge rules are in `domain::backup`; the
//! encryption is WebCrypto's (`crate::crypto`).

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::JsValue;

use super::{all_js_in, fail, Storage};
use crate::crypto::{self, CryptoError};
use crate::domain::backup::{
    merge, BackupProblem, Contents, Envelope, ITERATIONS, STORES, VERSION,
};
use crate::error::AppError;

/// Every record of every store, read in one transaction (so the backup is
/// one moment's copy), as the JSON of [`Contents`].
pub async fn contents_json(db: &Storage, created_at: f64) -> Result<String, AppError> {
    const ACTION: &str = "read everything for the backup";
    let names: Vec<&str> = STORES.iter().map(|(s, _)| *s).collect();
    let stores = Object::new();
    {
        let tx = db.tx(&names, TransactionMode::Readonly, ACTION)?;
        for name in &names {
            let store = tx.object_store(name).map_err(fail(ACTION))?;
            let rows: Array = all_js_in(&store, None, ACTION).await?.into_iter().collect();
            Reflect::set(&stores, &(*name).into(), &rows).map_err(|e| js_fail(ACTION, e))?;
        }
    }
    let contents = Object::new();
    let set = |k: &str, v: &JsValue| {
        Reflect::set(&contents, &k.into(), v).map_err(|e| js_fail(ACTION, e))
    };
    set("version", &VERSION.into())?;
    set("created_at", &created_at.into())?;
    set("stores", &stores)?;
    JSON::stringify(&contents)
        .map_err(|e| js_fail(ACTION, e))?
        .as_string()
        .ok_or_else(|| AppError::storage(ACTION, "not a string"))
}

fn js_fail(action: &'static str, e: JsValue) -> AppError {
    AppError::storage(action, format!("{e:?}"))
}

fn crypto_fail(action: &'static str) -> impl Fn(CryptoError) -> AppError {
    move |e| AppError::storage(action, format!("{e:?}"))
}

/// The whole device as a backup file's text, encrypted with a key derived
/// from `passphrase` (a fresh salt and IV every time).
pub async fn make_backup(db: &Storage, passphrase: &str, now: f64) -> Result<String, AppError> {
    const ACTION: &str = "make the backup";
    let plain = contents_json(db, now).await?;
    let salt = crypto::random_bytes(16).map_err(crypto_fail(ACTION))?;
    let iv = crypto::random_bytes(12).map_err(crypto_fail(ACTION))?;
    let key = crypto::derive_key(passphrase, &salt, ITERATIONS)
        .await
        .map_err(crypto_fail(ACTION))?;
    let mut envelope = Envelope::new(now, &salt, &iv, &[]);
    let data = crypto::encrypt(&key, &iv, envelope.header().as_bytes(), plain.as_bytes())
        .await
        .map_err(crypto_fail(ACTION))?;
    envelope.data = crate::domain::backup::base64_encode(&data);
    serde_json::to_string_pretty(&envelope).map_err(fail(ACTION))
}

/// Why a backup could not be opened: the file's fault (in plain words), or
/// the device's.
#[derive(Debug)]
pub enum OpenError {
    File(BackupProblem),
    Device(AppError),
}

/// Checks and decrypts a backup file. Nothing on the device is touched.
pub async fn open_backup(text: &str, passphrase: &str) -> Result<Contents, OpenError> {
    const ACTION: &str = "open the backup";
    let opened = Envelope::parse(text).map_err(OpenError::File)?;
    let key = crypto::derive_key(passphrase, &opened.salt, opened.envelope.kdf.iterations)
        .await
        .map_err(|e| OpenError::Device(crypto_fail(ACTION)(e)))?;
    let plain = crypto::decrypt(
        &key,
        &opened.iv,
        opened.envelope.header().as_bytes(),
        &opened.data,
    )
    .await
    .map_err(|e| match e {
        CryptoError::Refused => OpenError::File(BackupProblem::CannotOpen),
        other => OpenError::Device(crypto_fail(ACTION)(other)),
    })?;
    let plain = String::from_utf8(plain).map_err(|_| OpenError::File(BackupProblem::Damaged))?;
    Contents::parse(&plain).map_err(OpenError::File)
}

/// Replace everything, or merge the backup in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    Replace,
    Merge,
}

fn to_js(records: &[Value], action: &'static str) -> Result<Vec<JsValue>, AppError> {
    let text = serde_json::to_string(records).map_err(fail(action))?;
    let parsed: Array = JSON::parse(&text).map_err(|e| js_fail(action, e))?.into();
    Ok(parsed.iter().collect())
}

/// Restores `contents` in one transaction across every store: with
/// `Replace`, each store is emptied first; with `Merge`, records only in the
/// backup are added and, where both have a record, the newer copy wins.
/// Returns the merge's conflicts, in words. If anything fails, nothing on
/// the device changes.
pub async fn restore(
    db: &Storage,
    contents: &Contents,
    mode: RestoreMode,
) -> Result<Vec<String>, AppError> {
    const ACTION: &str = "restore the backup";
    let names: Vec<&str> = STORES.iter().map(|(s, _)| *s).collect();
    // Worked out before the transaction: only IndexedDB requests are awaited
    // inside it.
    let mut incoming = Vec::new();
    for name in &names {
        incoming.push(to_js(contents.records(name), ACTION)?);
    }
    let mut conflicts = Vec::new();
    let tx = db.tx(&names, TransactionMode::Readwrite, ACTION)?;
    for (i, name) in names.iter().enumerate() {
        let store = tx.object_store(name).map_err(fail(ACTION))?;
        let puts = match mode {
            RestoreMode::Replace => {
                store
                    .clear()
                    .map_err(fail(ACTION))?
                    .await
                    .map_err(fail(ACTION))?;
                std::mem::take(&mut incoming[i])
            }
            RestoreMode::Merge => {
                let existing: Array = all_js_in(&store, None, ACTION).await?.into_iter().collect();
                let existing: Vec<Value> = JSON::stringify(&existing)
                    .ok()
                    .and_then(|s| s.as_string())
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(|| AppError::storage(ACTION, "could not read the records"))?;
                let m = merge(name, &existing, contents.records(name));
                conflicts.extend(m.conflicts);
                to_js(&m.puts, ACTION)?
            }
        };
        for record in puts {
            store
                .put(record)
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
    }
    super::commit(tx, ACTION).await?;
    Ok(conflicts)
}
