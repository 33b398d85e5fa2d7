//! Schema version and migrations: one arm per version, run in order from
//! whatever version the browser has up to [`VERSION`].

use std::cell::Cell;
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

use super::{plans, Storage};
use crate::error::AppError;

pub const VERSION: u32 = 3;

pub const PEOPLE: &str = "people";
pub const ASSESSMENTS: &str = "assessments";
pub const PLANS: &str = "plans";
pub const SETTINGS: &str = "settings";
/// A person's contact log (version 2), keyed by `id`, indexed by person.
pub const CONTACTS: &str = "contacts";
/// Imported assessment templates (version 2), keyed by `key`
/// (`Template::key()`, `"{id}@{version}"`).
pub const TEMPLATES: &str = "templates";
/// The community directory (version 3): `Service` entries keyed by `id`,
/// indexed by category.
pub const DIRECTORY: &str = "directory";
/// Multi-entry index on a service's `categories`.
pub const BY_CATEGORY: &str = "by_category";
/// Index on `person_id`, in the assessments, plans and contacts stores.
pub const BY_PERSON: &str = "by_person";

/// Every store the current schema has.
pub const ALL_STORES: [&str; 7] = [
    PEOPLE,
    ASSESSMENTS,
    PLANS,
    SETTINGS,
    CONTACTS,
    TEMPLATES,
    DIRECTORY,
];

/// Opens the named database at `version`, running only the migration arms
/// from the browser's version up to `version`.
///
/// For tests: `open_at(name, 1)` makes a database exactly as the release with
/// schema version 1 did, so a test can then upgrade it with `Storage::open`.
/// Only the migration arms run here, not [`after_upgrade`]. The app itself
/// always uses `Storage::open` (that is, [`VERSION`]).
pub async fn open_at(name: &str, version: u32) -> Result<Storage, AppError> {
    let (db, _) = open(name, version).await?;
    Ok(Storage { db })
}

/// Opens the named database at `version`, running the migration arms. Also
/// gives the version it was upgraded from (0 for a new database), or `None`
/// if no upgrade ran, for [`after_upgrade`].
pub(crate) async fn open(name: &str, version: u32) -> Result<(Database, Option<u32>), AppError> {
    if web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .is_none()
    {
        return Err(AppError::StorageUnavailable {
            cause: "window.indexedDB is missing".into(),
        });
    }
    // The upgrade callback is synchronous and cannot await requests, so it
    // only notes where it started; `after_upgrade` does the rest once open.
    let upgraded_from = Rc::new(Cell::new(None));
    let noted = Rc::clone(&upgraded_from);
    let db = Database::open(name)
        .with_version(version)
        // An older Linkwheel still holds the database in another tab: say
        // so, and carry on as soon as it lets go (newer tabs always do).
        .with_on_blocked(|_| {
            crate::platform::announce("linkwheel-blocked");
            Ok(())
        })
        .with_on_upgrade_needed(move |event, db| {
            // Versions are whole numbers; the browser reports them as floats.
            let from = event.old_version() as u32;
            noted.set(Some(from));
            for step in from + 1..=version {
                migrate_to(&db, step)?;
            }
            Ok(())
        })
        .await
        .map_err(|e| AppError::StorageUnavailable {
            cause: e.to_string(),
        })?;
    Ok((db, upgraded_from.get()))
}

/// What an upgrade from version `from` needs done to the records, once the
/// database is open at [`VERSION`]: the work `migrate_to` cannot do inside
/// the synchronous upgrade callback. Runs only straight after that upgrade,
/// so once. A new database (`from` 0) has no records to change.
pub(crate) async fn after_upgrade(db: &Storage, from: u32) -> Result<(), AppError> {
    // Version 2 added `Person.next_review`; version 1 already had plans.
    if from == 1 {
        plans::backfill_next_review(db).await?;
    }
    Ok(())
}

/// One arm per schema version. New versions add an arm; old arms never change.
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
        2 => {
            let contacts = db
                .create_object_store(CONTACTS)
                .with_key_path("id".into())
                .build()?;
            contacts
                .create_index(BY_PERSON, "person_id".into())
                .build()?;
            db.create_object_store(TEMPLATES)
                .with_key_path("key".into())
                .build()?;
        }
        3 => {
            let directory = db
                .create_object_store(DIRECTORY)
                .with_key_path("id".into())
                .build()?;
            directory
                .create_index(BY_CATEGORY, "categories".into())
                .with_multi_entry(true)
                .build()?;
        }
        _ => {}
    }
    Ok(())
}
