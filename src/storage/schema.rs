//! Schema version and migrations: one arm per version, run in order from
//! whatever version the browser has up to [`VERSION`].

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

use crate::error::AppError;

pub const VERSION: u32 = 1;

pub const PEOPLE: &str = "people";
pub const ASSESSMENTS: &str = "assessments";
pub const PLANS: &str = "plans";
pub const SETTINGS: &str = "settings";
/// Index on `person_id`, in the assessments and plans stores.
pub const BY_PERSON: &str = "by_person";

/// Every store the current schema has.
pub const ALL_STORES: [&str; 4] = [PEOPLE, ASSESSMENTS, PLANS, SETTINGS];

pub(crate) async fn open(name: &str) -> Result<Database, AppError> {
    if web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .is_none()
    {
        return Err(AppError::StorageUnavailable {
            cause: "window.indexedDB is missing".into(),
        });
    }
    Database::open(name)
        .with_version(VERSION)
        .with_on_upgrade_needed(|event, db| {
            // Versions are whole numbers; the browser reports them as floats.
            let from = event.old_version() as u32;
            for version in from + 1..=VERSION {
                migrate_to(&db, version)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| AppError::StorageUnavailable {
            cause: e.to_string(),
        })
}

/// One arm per schema version. New versions add an arm; old arms never change.
#[allow(clippy::single_match)]
pub(crate) fn migrate_to(db: &Database, version: u32) -> indexed_db_futures::Result<()> {
    match version {
        1 => {
            db.create_object_store(PEOPLE)
                .with_key_path("id".into())
                .build()?;
            for name in [ASSESSMENTS, PLANS] {
                let store = db
                    .create_object_store(name)
                    .with_key_path("id".into())
                    .build()?;
                store.create_index(BY_PERSON, "person_id".into()).build()?;
            }
            db.create_object_store(SETTINGS)
                .with_key_path("id".into())
                .build()?;
        }
        _ => {}
    }
    Ok(())
}
