//! In-browser tests of WebCrypto key derivation and AES-GCM (`crypto`) and of
//! backup and restore (`storage::backup`) against real IndexedDB.

#![cfg(target_arch = "wasm32")]

use linkwheel::crypto::{self, CryptoError};
use linkwheel::domain::backup::{base64_encode, BackupProblem, Contents, Envelope, VERSION};
use linkwheel::domain::directory::Service;
use linkwheel::domain::{Assessment, Contact, Person, Plan, WorkerProfile};
use linkwheel::storage::backup::{
    make_backup, open_backup, restore, Backup, OpenError, RestoreMode,
};
use linkwheel::storage::batch::Batch;
use linkwheel::storage::{contacts, delete_database, directory, people, plans, settings, Storage};
use wasm_bindgen::JsCast;
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
    let problem = |r: Result<Backup, OpenError>| match r {
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
    let contents = open_backup(
        &make_backup(&a, "a long passphrase", 5.0)
            .await
            .expect("backup"),
        "a long passphrase",
    )
    .await
    .expect("open");
    // The directory is restored after people, plans and contacts: a record
    // there that has lost its key (after the checks) fails the transaction
    // late, once the other stores' requests are under way.
    let entry = &contents.records("directory")[0];
    js_sys::Reflect::delete_property(entry.unchecked_ref::<js_sys::Object>(), &"id".into())
        .expect("delete");
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

/// A few hundred records: `n` people, each with an assessment, a plan and
/// two contacts, `n / 10` directory entries and two imported templates (the
/// one store keyed by `key`), written in one batch.
async fn fill_many(db: &Storage, n: usize) {
    let mut batch = Batch::new();
    for i in 0..n {
        let person = format!("many-{i:03}");
        batch
            .put(
                "people",
                &Person {
                    id: person.clone(),
                    preferred_name: format!("Person {i}"),
                    updated_at: i as f64,
                    ..Person::default()
                },
            )
            .expect("person");
        batch
            .put(
                "assessments",
                &Assessment {
                    id: format!("{person}-a"),
                    person_id: person.clone(),
                    ..Assessment::default()
                },
            )
            .expect("assessment");
        batch
            .put(
                "plans",
                &Plan {
                    id: format!("{person}-p"),
                    person_id: person.clone(),
                    what_matters: format!("Matters to {i}"),
                    ..Plan::default()
                },
            )
            .expect("plan");
        for c in 0..2 {
            batch
                .put(
                    "contacts",
                    &Contact {
                        id: format!("{person}-c{c}"),
                        person_id: person.clone(),
                        date: "2026-11-01".into(),
                        note: format!("Contact {c} of {i}"),
                        ..Contact::default()
                    },
                )
                .expect("contact");
        }
    }
    for i in 0..n / 10 {
        batch
            .put(
                "directory",
                &Service {
                    id: format!("many-d{i}"),
                    name: format!("Group {i}"),
                    ..Service::default()
                },
            )
            .expect("entry");
    }
    for key in ["local-1@1", "local-2@3"] {
        batch
            .put(
                "templates",
                &serde_json::json!({ "key": key, "imported_at": 1.0, "template": { "title": key } }),
            )
            .expect("template");
    }
    batch.commit(db).await.expect("fill");
}

#[wasm_bindgen_test]
async fn a_few_hundred_records_are_replaced_or_merged_whole() {
    let a = fresh("many-from").await;
    fill(&a).await;
    fill_many(&a, 200).await;
    let text = make_backup(&a, "a long passphrase", 7.0)
        .await
        .expect("backup");
    let backup = open_backup(&text, "a long passphrase").await.expect("open");
    assert_eq!(
        backup.summary(),
        [
            "201 people",
            "200 assessments",
            "201 action plans",
            "401 contacts",
            "2 imported templates",
            "21 directory entries"
        ]
    );

    // Replacing: what was here goes, the backup's records come back as
    // they were.
    let b = fresh("many-replace").await;
    fill_many(&b, 30).await;
    people::save_person(
        &b,
        &Person {
            id: "only-here".into(),
            ..Person::default()
        },
    )
    .await
    .expect("a person only here");
    let conflicts = restore(&b, &backup, RestoreMode::Replace)
        .await
        .expect("replace");
    assert!(conflicts.is_empty());
    assert_eq!(snapshot(&b).await, snapshot(&a).await);

    // Merging into a device with some of the records, one of them newer.
    let c = fresh("many-merge").await;
    fill_many(&c, 50).await;
    let newer = Person {
        id: "many-007".into(),
        preferred_name: "Seven, changed here".into(),
        updated_at: 1000.0,
        ..Person::default()
    };
    people::save_person(&c, &newer).await.expect("newer here");
    let conflicts = restore(&c, &backup, RestoreMode::Merge)
        .await
        .expect("merge");
    assert_eq!(
        conflicts,
        ["The person \u{201c}Seven, changed here\u{201d}: the copy on this device is newer, so it was kept."]
    );
    assert_eq!(
        people::get_person(&c, "many-007").await.expect("get"),
        Some(newer)
    );
    assert_eq!(people::list_people(&c).await.expect("all").len(), 201);
    assert_eq!(
        contacts::contacts_for(&c, "many-199")
            .await
            .expect("list")
            .len(),
        2
    );
    finish(a).await;
    finish(b).await;
    finish(c).await;
}

/// A backup file around `plain`, as `make_backup` writes one (with fewer
/// PBKDF2 iterations, so the test is quick): contents that no Linkwheel
/// would write, encrypted properly.
async fn file_around(plain: &[u8]) -> String {
    let salt = linkwheel::crypto::random_bytes(16).expect("salt");
    let iv = linkwheel::crypto::random_bytes(12).expect("iv");
    let mut envelope = Envelope::new(5.0, &salt, &iv, &[]);
    envelope.kdf.iterations = 100_000;
    let key = crypto::derive_key("a long passphrase", &salt, 100_000)
        .await
        .expect("derive");
    let data = crypto::encrypt(&key, &iv, envelope.header().as_bytes(), plain)
        .await
        .expect("encrypt");
    envelope.data = base64_encode(&data);
    serde_json::to_string(&envelope).expect("file")
}

#[wasm_bindgen_test]
async fn damaged_contents_are_refused_as_contents_parse_would_and_change_nothing() {
    let a = fresh("damaged-from").await;
    fill(&a).await;
    fill_many(&a, 200).await;
    let good = linkwheel::storage::backup::contents_json(&a, 5.0)
        .await
        .expect("contents");
    assert!(good.contains("\"id\":\"many-150-c1\""));
    let cases = vec![
        // One contact among hundreds without its key.
        (
            good.replace("\"id\":\"many-150-c1\"", "\"ref\":\"many-150-c1\""),
            Some(BackupProblem::Damaged),
        ),
        // A template keyed by `id` rather than `key`.
        (
            good.replace("\"key\":\"local-2@3\"", "\"id\":\"local-2@3\""),
            Some(BackupProblem::Damaged),
        ),
        (
            good[..good.len() / 2].to_string(),
            Some(BackupProblem::Damaged),
        ),
        (
            good.replacen("\"version\":1", "\"version\":2", 1),
            Some(BackupProblem::Newer(2)),
        ),
        (
            good.replacen("\"version\":1", "\"version\":\"1\"", 1),
            Some(BackupProblem::Damaged),
        ),
        (
            "{\"version\":1,\"created_at\":1,\"stores\":{\"people\":{}}}".into(),
            Some(BackupProblem::Damaged),
        ),
        (
            "{\"version\":1,\"created_at\":1,\"stores\":{\"people\":[null]}}".into(),
            Some(BackupProblem::Damaged),
        ),
        (
            "{\"version\":1,\"created_at\":1,\"stores\":{\"people\":[[]]}}".into(),
            Some(BackupProblem::Damaged),
        ),
        (
            "{\"version\":1,\"stores\":{}}".into(),
            Some(BackupProblem::Damaged),
        ),
        ("[]".into(), Some(BackupProblem::Damaged)),
        // A store Linkwheel does not have is checked too, then left out.
        (
            "{\"version\":1,\"created_at\":1,\"stores\":{\"later\":[{\"x\":1}]}}".into(),
            Some(BackupProblem::Damaged),
        ),
        (
            "{\"version\":1,\"created_at\":1,\"stores\":{\"later\":[{\"id\":\"x\"}]}}".into(),
            None,
        ),
        (good.clone(), None),
    ];
    let b = fresh("damaged-to").await;
    fill_many(&b, 30).await;
    let before = snapshot(&b).await;
    for (plain, want) in cases {
        let file = file_around(plain.as_bytes()).await;
        let got = open_backup(&file, "a long passphrase").await;
        let reference = Contents::parse(&plain);
        match (&got, &want) {
            (Err(OpenError::File(problem)), Some(want)) => assert_eq!(problem, want),
            (Ok(backup), None) => assert_eq!(
                backup.summary(),
                reference
                    .as_ref()
                    .expect("the reference reads it")
                    .summary()
            ),
            _ => panic!(
                "{got:?}, wanted {want:?}, for {}",
                &plain[..plain.len().min(80)]
            ),
        }
        assert_eq!(reference.err(), want, "the same as Contents::parse");
    }
    // Bytes that are not UTF-8.
    let mut bytes = good.clone().into_bytes();
    let at = good.find("Person 42").expect("a name");
    bytes[at] = 0xff;
    let file = file_around(&bytes).await;
    assert!(matches!(
        open_backup(&file, "a long passphrase").await,
        Err(OpenError::File(BackupProblem::Damaged))
    ));
    assert_eq!(snapshot(&b).await, before, "nothing on the device changed");
    finish(a).await;
    finish(b).await;
}
