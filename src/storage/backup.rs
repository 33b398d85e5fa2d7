//! Backing up every store into one encrypted file, and restoring one: all
//! of it in a single transaction, so a restore lands whole or not at all.
//! The file format and the merge rules are in `domain::backup`; the
//! encryption is WebCrypto's (`crate::crypto`).

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::JsValue;

use super::keyring::KEYRING;
use super::schema::SETTINGS;
use super::{all_js_in, fail, get_js, seal, Storage};
use crate::crypto::{self, CryptoError};
use crate::domain::backup::{
    merge, BackupProblem, Contents, Envelope, ITERATIONS, STORES, VERSION,
};
use crate::error::AppError;

/// Every record of every store, read in one transaction (so the backup is
/// one moment's copy), as the JSON of [`Contents`]. Sealed records are
/// opened after the transaction (the backup file has its own passphrase);
/// the device's keyring is left out: it belongs to this device.
pub async fn contents_json(db: &Storage, created_at: f64) -> Result<String, AppError> {
    const ACTION: &str = "read everything for the backup";
    let names: Vec<&'static str> = STORES.iter().map(|(s, _)| *s).collect();
    let read = read_all(db, &names, ACTION).await?;
    let stores = Object::new();
    for (name, rows) in read {
        let rows: Array = seal::open(name, rows, ACTION).await?.into_iter().collect();
        Reflect::set(&stores, &name.into(), &rows).map_err(|e| js_fail(ACTION, e))?;
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

/// Whether `record` of `store` is the device's keyring, which backups and
/// restores leave alone.
fn is_keyring(store: &str, record: &JsValue) -> bool {
    store == SETTINGS
        && Reflect::get(record, &"id".into())
            .ok()
            .and_then(|id| id.as_string())
            .as_deref()
            == Some(KEYRING)
}

/// Every record of the stores `names` as stored, read in one transaction,
/// the keyring left out.
async fn read_all(
    db: &Storage,
    names: &[&'static str],
    action: &'static str,
) -> Result<Vec<(&'static str, Vec<JsValue>)>, AppError> {
    let tx = db.tx(names, TransactionMode::Readonly, action)?;
    let mut all = Vec::new();
    for name in names {
        let store = tx.object_store(name).map_err(fail(action))?;
        let mut rows = all_js_in(&store, None, action).await?;
        rows.retain(|r| !is_keyring(name, r));
        all.push((*name, rows));
    }
    Ok(all)
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
/// the device changes. The device's keyring stays as it is; with the data
/// protected, what is written is sealed with the device's key.
pub async fn restore(
    db: &Storage,
    contents: &Contents,
    mode: RestoreMode,
) -> Result<Vec<String>, AppError> {
    const ACTION: &str = "restore the backup";
    let names: Vec<&'static str> = STORES.iter().map(|(s, _)| *s).collect();
    // Worked out before the transaction: only IndexedDB requests are awaited
    // inside it. A merge reads (and opens) what is here first.
    let mut conflicts = Vec::new();
    let mut writes = Vec::new();
    match mode {
        RestoreMode::Replace => {
            for name in &names {
                for record in to_js(contents.records(name), ACTION)? {
                    writes.push((*name, record));
                }
            }
        }
        RestoreMode::Merge => {
            for (name, rows) in read_all(db, &names, ACTION).await? {
                let existing: Array = seal::open(name, rows, ACTION).await?.into_iter().collect();
                let existing: Vec<Value> = JSON::stringify(&existing)
                    .ok()
                    .and_then(|s| s.as_string())
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(|| AppError::storage(ACTION, "could not read the records"))?;
                let m = merge(name, &existing, contents.records(name));
                conflicts.extend(m.conflicts);
                for record in to_js(&m.puts, ACTION)? {
                    writes.push((name, record));
                }
            }
        }
    }
    writes.retain(|(name, record)| !is_keyring(name, record));
    let writes = seal::seal(writes, ACTION).await?;
    let keyring = match mode {
        RestoreMode::Replace => get_js(db, SETTINGS, KEYRING, ACTION).await?,
        RestoreMode::Merge => None,
    };
    let tx = db.tx(&names, TransactionMode::Readwrite, ACTION)?;
    if mode == RestoreMode::Replace {
        for name in &names {
            let store = tx.object_store(name).map_err(fail(ACTION))?;
            store
                .clear()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
    }
    let kept = keyring.map(|k| (SETTINGS, k));
    for (name, record) in kept.into_iter().chain(writes) {
        let store = tx.object_store(name).map_err(fail(ACTION))?;
        store
            .put(record)
            .primitive()
            .map_err(fail(ACTION))?
            .await
            .map_err(fail(ACTION))?;
    }
    super::commit(tx, ACTION).await?;
    Ok(conflicts)
}
