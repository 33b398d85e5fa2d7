//! Backing up every store into one encrypted file, and restoring one: all
//! of it in a single transaction, so a restore lands whole or not at all.
//! The file format and the merge rules are in `domain::backup`; the
//! encryption is WebCrypto's (`crate::crypto`).

use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, ArrayBuffer, Object, Reflect, JSON};
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

use super::keyring::KEYRING;
use super::schema::SETTINGS;
use super::{all_js_in, fail, get_js, put_all, seal, Storage};
use crate::crypto::{self, CryptoError};
use crate::domain::backup::{
    check_contents, merge, summary, BackupProblem, Envelope, JsonValue, ITERATIONS, STORES, VERSION,
};
use crate::error::AppError;
use crate::platform;

/// Every record of every store, read in one transaction (so the backup is
/// one moment's copy), as the JSON of [`crate::domain::backup::Contents`].
/// Sealed records are opened after the transaction (the backup file has its
/// own passphrase); the device's keyring is left out: it belongs to this
/// device.
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

/// A backup opened and checked ([`check_contents`]). Its records stay the
/// browser's own objects, as `JSON.parse` made them, from the file to
/// IndexedDB: a restore writes them as they are.
#[derive(Debug)]
pub struct Backup {
    pub version: u32,
    pub created_at: f64,
    /// The records of each store Linkwheel has (stores it does not know
    /// were checked and are left out).
    stores: Vec<(&'static str, Vec<JsValue>)>,
}

impl Backup {
    /// The records of `store` (none when the backup has no such store).
    pub fn records(&self, store: &str) -> &[JsValue] {
        self.stores
            .iter()
            .find(|(s, _)| *s == store)
            .map(|(_, records)| records.as_slice())
            .unwrap_or(&[])
    }

    /// The records of `store` as serde's values (a merge compares them).
    pub fn values(&self, store: &str) -> Result<Vec<Value>, AppError> {
        values(self.records(store), "read the backup")
    }

    /// "3 people, 5 assessments, 2 plans…": what the backup holds.
    pub fn summary(&self) -> Vec<String> {
        summary(|store| self.records(store).len())
    }
}

/// Records as serde's values, through the browser's `JSON.stringify`.
fn values(records: &[JsValue], action: &'static str) -> Result<Vec<Value>, AppError> {
    let list: Array = records.iter().collect();
    JSON::stringify(&list)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .ok_or_else(|| AppError::storage(action, "could not read the records"))
}

/// The browser's own JSON values, for [`check_contents`].
impl JsonValue for JsValue {
    type Name = JsValue;
    fn name(text: &str) -> JsValue {
        text.into()
    }
    fn field(&self, name: &JsValue) -> Option<JsValue> {
        if !JsonValue::is_object(self) {
            return None;
        }
        Reflect::get(self, name).ok().filter(|v| !v.is_undefined())
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn is_text(&self) -> bool {
        self.is_string()
    }
    fn is_object(&self) -> bool {
        JsValue::is_object(self) && !Array::is_array(self)
    }
    fn items(&self) -> Option<Vec<JsValue>> {
        Array::is_array(self).then(|| Array::from(self).iter().collect())
    }
    fn fields(&self) -> Option<Vec<(String, JsValue)>> {
        if !JsonValue::is_object(self) {
            return None;
        }
        let entries = Object::entries(self.unchecked_ref());
        let mut fields = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let entry = Array::from(&entry);
            fields.push((entry.get(0).as_string().unwrap_or_default(), entry.get(1)));
        }
        Some(fields)
    }
}

/// Decrypted contents (UTF-8 JSON, left in JavaScript) read and checked.
fn read_contents(plain: &ArrayBuffer) -> Result<Backup, BackupProblem> {
    let contents = platform::json_from_utf8(plain).map_err(|_| BackupProblem::Damaged)?;
    let checked = check_contents(&contents)?;
    let stores = checked
        .stores
        .into_iter()
        .filter_map(|(name, records)| {
            let known = STORES.iter().find(|(s, _)| *s == name)?.0;
            Some((known, records))
        })
        .collect();
    Ok(Backup {
        version: checked.version,
        created_at: checked.created_at,
        stores,
    })
}

/// Checks and decrypts a backup file. Nothing on the device is touched.
/// The decrypted contents never enter WebAssembly: they are read in
/// JavaScript (`JSON.parse`) and checked there.
pub async fn open_backup(text: &str, passphrase: &str) -> Result<Backup, OpenError> {
    const ACTION: &str = "open the backup";
    let opened = Envelope::parse(text).map_err(OpenError::File)?;
    let key = crypto::derive_key(passphrase, &opened.salt, opened.envelope.kdf.iterations)
        .await
        .map_err(|e| OpenError::Device(crypto_fail(ACTION)(e)))?;
    let plain = crypto::decrypt_in_js(
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
    drop(opened);
    read_contents(&plain).map_err(OpenError::File)
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

/// Restores `backup` in one transaction across every store: with
/// `Replace`, each store is emptied first; with `Merge`, records only in the
/// backup are added and, where both have a record, the newer copy wins.
/// Returns the merge's conflicts, in words. If anything fails, nothing on
/// the device changes. The device's keyring stays as it is; with the data
/// protected, what is written is sealed with the device's key.
pub async fn restore(
    db: &Storage,
    backup: &Backup,
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
                for record in backup.records(name) {
                    writes.push((*name, record.clone()));
                }
            }
        }
        RestoreMode::Merge => {
            for (name, rows) in read_all(db, &names, ACTION).await? {
                let existing = values(&seal::open(name, rows, ACTION).await?, ACTION)?;
                let m = merge(name, &existing, &backup.values(name)?);
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
    // Every request is issued at once and none awaited: IndexedDB runs them
    // in order, a failed one aborts the transaction, and the commit reports
    // it (an early return drops the transaction, which aborts it too).
    let tx = db.tx(&names, TransactionMode::Readwrite, ACTION)?;
    if mode == RestoreMode::Replace {
        for name in &names {
            let store = tx.object_store(name).map_err(fail(ACTION))?;
            drop(store.clear().map_err(fail(ACTION))?);
        }
    }
    let kept = keyring.map(|k| (SETTINGS, k));
    put_all(&tx, kept.into_iter().chain(writes), ACTION)?;
    super::commit(tx, ACTION).await?;
    Ok(conflicts)
}
