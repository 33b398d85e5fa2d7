//! Settings, one record per kind under a fixed id.

use serde::{Deserialize, Serialize};

use super::schema::SETTINGS;
use super::{get_one, put_one, Storage};
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
