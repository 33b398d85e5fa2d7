//! Settings, one record per kind under a fixed id.

use serde::{Deserialize, Serialize};

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::schema::SETTINGS;
use super::{fail, get_js, get_one, put_one, Storage};
use crate::domain::kiosk::{add_check_in, Counts, KioskSettings};
use crate::domain::WorkerProfile;
use crate::error::AppError;

const WORKER: &str = "worker";

#[derive(Serialize, Deserialize)]
struct Record<T> {
    id: String,
    value: T,
}

/// The link worker's details, or blank ones when never set.
pub async fn get_worker(db: &Storage) -> Result<WorkerProfile, AppError> {
    let rec: Option<Record<WorkerProfile>> =
        get_one(db, SETTINGS, WORKER, "load your settings").await?;
    Ok(rec.map(|r| r.value).unwrap_or_default())
}

pub async fn save_worker(db: &Storage, worker: &WorkerProfile) -> Result<(), AppError> {
    let rec = Record {
        id: WORKER.to_string(),
        value: worker.clone(),
    };
    put_one(db, SETTINGS, &rec, "save your settings").await
}

const LAST_BACKUP: &str = "last_backup";

/// When the last backup was made on this device (milliseconds), if ever.
pub async fn last_backup(db: &Storage) -> Result<Option<f64>, AppError> {
    let rec: Option<Record<f64>> = get_one(db, SETTINGS, LAST_BACKUP, "load your settings").await?;
    Ok(rec.map(|r| r.value))
}

pub async fn set_last_backup(db: &Storage, at: f64) -> Result<(), AppError> {
    let rec = Record {
        id: LAST_BACKUP.to_string(),
        value: at,
    };
    put_one(db, SETTINGS, &rec, "save your settings").await
}

// Kiosk mode (pages/kiosk): its settings, and completed check-ins per day.
// Nothing a visitor types is ever stored.

const KIOSK: &str = "kiosk";
const KIOSK_COUNTS: &str = "kiosk_counts";

/// Kiosk mode's settings, or the defaults (off) when never set.
pub async fn get_kiosk(db: &Storage) -> Result<KioskSettings, AppError> {
    let rec: Option<Record<KioskSettings>> =
        get_one(db, SETTINGS, KIOSK, "load the kiosk settings").await?;
    Ok(rec.map(|r| r.value).unwrap_or_default())
}

pub async fn save_kiosk(db: &Storage, kiosk: &KioskSettings) -> Result<(), AppError> {
    let rec = Record {
        id: KIOSK.to_string(),
        value: kiosk.clone(),
    };
    put_one(db, SETTINGS, &rec, "save the kiosk settings").await
}

/// Completed check-ins per day.
pub async fn kiosk_counts(db: &Storage) -> Result<Counts, AppError> {
    let rec = get_js(db, SETTINGS, KIOSK_COUNTS, "load the check-in counts").await?;
    Ok(rec.map(|r| counts_from_js(&r)).unwrap_or_default())
}

/// The counts record, `{ id: "kiosk_counts", value: { "2026-11-21": 3 } }`,
/// read and written with `js_sys`: a map through serde would cost more
/// WebAssembly than the whole feature's storage.
fn counts_from_js(rec: &JsValue) -> Counts {
    let value = Reflect::get(rec, &"value".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(value) = value.dyn_ref::<Object>() else {
        return Counts::new();
    };
    Object::keys(value)
        .iter()
        .filter_map(|day| {
            let n = Reflect::get(value, &day).ok()?.as_f64()?;
            Some((day.as_string()?, n as u32))
        })
        .collect()
}

fn counts_to_js(counts: &Counts) -> JsValue {
    let (rec, value) = (Object::new(), Object::new());
    for (day, n) in counts {
        let _ = Reflect::set(&value, &day.into(), &(*n).into());
    }
    let _ = Reflect::set(&rec, &"id".into(), &KIOSK_COUNTS.into());
    let _ = Reflect::set(&rec, &"value".into(), &value);
    rec.into()
}

/// One more completed check-in on `today`, read and written in one
/// transaction.
pub async fn count_check_in(db: &Storage, today: &str) -> Result<(), AppError> {
    const ACTION: &str = "count the check-in";
    let tx = db.tx(&[SETTINGS], TransactionMode::Readwrite, ACTION)?;
    let store = tx.object_store(SETTINGS).map_err(fail(ACTION))?;
    let old = store
        .get::<JsValue, _, _>(KIOSK_COUNTS)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    let mut counts = old.map(|r| counts_from_js(&r)).unwrap_or_default();
    add_check_in(&mut counts, today);
    store
        .put(counts_to_js(&counts))
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    tx.commit().await.map_err(fail(ACTION))
}
