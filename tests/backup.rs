//! In-browser tests of WebCrypto key derivation and AES-GCM (`crypto`) and of
//! backup and restore (`storage::backup`) against real IndexedDB.

#![cfg(target_arch = "wasm32")]

use linkwheel::crypto::{self, CryptoError};
use linkwheel::domain::backup::{BackupProblem, Contents, VERSION};
use linkwheel::domain::directory::Service;
use linkwheel::domain::{Contact, Person, Plan, WorkerProfile};
use linkwheel::storage::backup::{make_backup, open_backup, restore, OpenError, RestoreMode};
use linkwheel::storage::{contacts, delete_database, directory, people, plans, settings, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(test: &str) -> Storage {
    Storage::open(&format!("lw-backup-{}-{}", test, js_sys::Math::random()))
        .await
        .expect("open")
}

async fn finish(db: Storage) {
    let name = db.name();
    db.close();
    delete_database(&name).await.expect("delete");
}

#[wasm_bindgen_test]
async fn a_derived_key_decrypts_only_what_it_encrypted_with_the_same_extra_data() {
    let salt = crypto::random_bytes(16).expect("salt");
    let other_salt = crypto::random_bytes(16).expect("salt");
    assert_ne!(salt, other_salt, "random salts differ");
    let key = crypto::derive_key("correct horse", &salt, 600_000)
        .await
        .expect("derive");
    assert!(!key.extractable(), "the key's bytes can never be read out");
    let iv = crypto::random_bytes(12).expect("iv");
    let plain = "Ada: worried about money".as_bytes();
    let sealed = crypto::encrypt(&key, &iv, b"header", plain)
        .await
        .expect("encrypt");
    assert_eq!(sealed.len(), plain.len() + 16, "the data and a 16-byte tag");
    assert!(!sealed.windows(3).any(|w| w == b"Ada"));
    assert_eq!(
        crypto::decrypt(&key, &iv, b"header", &sealed)
            .await
            .expect("decrypt"),
        plain
    );

    let same = crypto::derive_key("correct horse", &salt, 600_000)
        .await
        .expect("derive again");
    assert_eq!(
        crypto::decrypt(&same, &iv, b"header", &sealed)
            .await
            .expect("same key"),
        plain
    );

    let wrong = crypto::derive_key("correct horsf", &salt, 600_000)
        .await
        .expect("derive");
    assert_eq!(
        crypto::decrypt(&wrong, &iv, b"header", &sealed).await,
        Err(CryptoError::Refused)
    );
    assert_eq!(
        crypto::decrypt(&key, &iv, b"headex", &sealed).await,
        Err(CryptoError::Refused)
    );
    let mut flipped = sealed.clone();
    flipped[3] ^= 1;
    assert_eq!(
        crypto::decrypt(&key, &iv, b"header", &flipped).await,
        Err(CryptoError::Refused)
    );
    let other_iv = crypto::random_bytes(12).expect("iv");
    let again = crypto::encrypt(&key, &other_iv, b"header", plain)
        .await
        .expect("encrypt");
    assert_ne!(again, sealed, "a fresh IV gives a different ciphertext");
}

fn ada() -> Person {
    Person {
        id: "p1".into(),
        preferred_name: "Ada".into(),
        full_name: "Ada Quietly-Private".into(),
        note: "Worried about the gas bill".into(),
        updated_at: 10.0,
        ..Person::default()
    }
}

async fn fill(db: &Storage) {
    people::save_person(db, &ada()).await.expect("person");
    plans::save_plan(
        db,
        &Plan {
            id: "pl1".into(),
            person_id: "p1".into(),
            what_matters: "Seeing my grandchildren".into(),
            ..Plan::default()
        },
    )
    .await
    .expect("plan");
    contacts::save_contact(
        db,
        &Contact {
            id: "c1".into(),
            person_id: "p1".into(),
            date: "2026-11-01".into(),
            note: "Phoned about the choir".into(),
            ..Contact::default()
        },
    )
    .await
    .expect("contact");
    directory::save_service(
        db,
        &Service {
            id: "d1".into(),
            name: "Choir".into(),
            ..Service::default()
        },
    )
    .await
    .expect("entry");
    settings::save_worker(
        db,
        &WorkerProfile {
            name: "Jo Link".into(),
            ..WorkerProfile::default()
        },
    )
    .await
    .expect("worker");
}

/// Every store's records, for comparing whole databases (the order of
/// fields within a record does not matter).
async fn snapshot(db: &Storage) -> serde_json::Value {
    let text = linkwheel::storage::backup::contents_json(db, 0.0)
        .await
        .expect("read everything");
    serde_json::from_str(&text).expect("JSON")
}

#[wasm_bindgen_test]
async fn back_up_then_restore_into_an_empty_device_gives_everything_back() {
    let a = fresh("from").await;
    fill(&a).await;
    let text = make_backup(&a, "a long passphrase", 1_763_700_000_000.0)
        .await
        .expect("backup");
    for secret in [
        "Ada",
        "Quietly",
        "gas bill",
        "grandchildren",
        "choir",
        "Jo Link",
    ] {
        assert!(
            !text.contains(secret),
            "{secret} must not be readable in the file"
        );
    }
    let contents = open_backup(&text, "a long passphrase").await.expect("open");
    assert_eq!(contents.version, VERSION);
    assert_eq!(contents.created_at, 1_763_700_000_000.0);
    assert_eq!(&contents.summary()[..2], ["1 person", "0 assessments"]);
    assert_eq!(contents.summary()[5], "1 directory entry");

    let b = fresh("to").await;
    let conflicts = restore(&b, &contents, RestoreMode::Replace)
        .await
        .expect("restore");
    assert!(conflicts.is_empty());
    assert_eq!(
        snapshot(&b).await,
        snapshot(&a).await,
        "every record comes back as it was"
    );
    assert_eq!(
        people::get_person(&b, "p1").await.expect("get"),
        Some(ada())
    );
    finish(a).await;
    finish(b).await;
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_or_a_changed_or_cut_file_opens_nothing() {
    let a = fresh("bad").await;
    fill(&a).await;
    let text = make_backup(&a, "a long passphrase", 5.0)
        .await
        .expect("backup");
    let problem = |r: Result<Contents, OpenError>| match r {
        Err(OpenError::File(p)) => p,
        other => panic!("expected a file problem, got {other:?}"),
    };
    assert_eq!(
        problem(open_backup(&text, "a long passphrasf").await),
        BackupProblem::CannotOpen
    );
    // One character of the encrypted data changed.
    let data_at = text.find("\"data\"").expect("data") + 12;
    let mut changed = text.clone().into_bytes();
    changed[data_at] = if changed[data_at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).expect("text");
    assert_eq!(
        problem(open_backup(&changed, "a long passphrase").await),
        BackupProblem::CannotOpen
    );
    // The date in the header changed: the header is authenticated too.
    let redated = text.replace("\"created_at\": 5.0", "\"created_at\": 6.0");
    assert_ne!(redated, text);
    assert_eq!(
        problem(open_backup(&redated, "a long passphrase").await),
        BackupProblem::CannotOpen
    );
    assert_eq!(
        problem(open_backup(&text[..text.len() - 40], "a long passphrase").await),
        BackupProblem::Damaged
    );
    assert_eq!(
        problem(open_backup("{\"people\": []}", "a long passphrase").await),
        BackupProblem::NotABackup
    );
    finish(a).await;
}

#[wasm_bindgen_test]
async fn merging_keeps_the_newer_copy_and_lists_the_conflicts() {
    let a = fresh("merge-from").await;
    fill(&a).await;
    let contents = open_backup(
        &make_backup(&a, "a long passphrase", 5.0)
            .await
            .expect("backup"),
        "a long passphrase",
    )
    .await
    .expect("open");

    let b = fresh("merge-to").await;
    let newer = Person {
        preferred_name: "Ada L".into(),
        updated_at: 99.0,
        ..ada()
    };
    people::save_person(&b, &newer)
        .await
        .expect("newer Ada here");
    let bo = Person {
        id: "p2".into(),
        preferred_name: "Bo".into(),
        ..Person::default()
    };
    people::save_person(&b, &bo).await.expect("Bo only here");
    let conflicts = restore(&b, &contents, RestoreMode::Merge)
        .await
        .expect("merge");
    assert_eq!(
        conflicts,
        ["The person \u{201c}Ada L\u{201d}: the copy on this device is newer, so it was kept."]
    );
    assert_eq!(
        people::get_person(&b, "p1").await.expect("get"),
        Some(newer)
    );
    assert_eq!(
        people::get_person(&b, "p2").await.expect("get"),
        Some(bo),
        "kept"
    );
    assert!(
        plans::get_plan(&b, "pl1").await.expect("get").is_some(),
        "added"
    );
    assert_eq!(directory::all_services(&b).await.expect("list").len(), 1);
    finish(a).await;
    finish(b).await;
}

#[wasm_bindgen_test]
async fn a_restore_that_fails_part_way_changes_nothing() {
    let a = fresh("atomic-from").await;
    fill(&a).await;
    let mut contents = open_backup(
        &make_backup(&a, "a long passphrase", 5.0)
            .await
            .expect("backup"),
        "a long passphrase",
    )
    .await
    .expect("open");
    // The directory is restored after people, plans and contacts: a record
    // there without its key fails the transaction late.
    contents
        .stores
        .insert("directory".into(), serde_json::json!([{ "name": "no id" }]));
    let b = fresh("atomic-to").await;
    people::save_person(
        &b,
        &Person {
            id: "keep".into(),
            preferred_name: "Kept".into(),
            ..Person::default()
        },
    )
    .await
    .expect("a person already here");
    let before = snapshot(&b).await;
    restore(&b, &contents, RestoreMode::Replace)
        .await
        .expect_err("the bad record fails the restore");
    assert_eq!(
        snapshot(&b).await,
        before,
        "nothing changed: not even the people store was cleared"
    );
    finish(a).await;
    finish(b).await;
}
