//! In-browser tests of encryption at rest: wrapping the data key
//! (`crypto`), sealing and opening records (`storage::seal`), turning
//! protection on, unlocking and changing the passphrase
//! (`storage::keyring`), backups of a protected device, and the app's gate.
//!
//! The keyholder is `static/boot.js`'s in the app; here each test makes a
//! small one of its own (`keyholder`), which tells the page the same events.

#![cfg(target_arch = "wasm32")]

use gloo::timers::future::TimeoutFuture;
use indexed_db_futures::prelude::*;
use js_sys::{Array, Object, Reflect, Uint8Array};
use linkwheel::crypto::{self, CryptoError};
use linkwheel::domain::{Answer, Assessment, Contact, Goal, Person, Plan, WorkerProfile};
use linkwheel::error::AppError;
use linkwheel::storage::backup::{
    contents_json, make_backup, open_backup, restore, Backup, RestoreMode,
};
use linkwheel::storage::keyring::{self, Unlock};
use linkwheel::storage::schema::{ASSESSMENTS, CONTACTS, DIRECTORY, PEOPLE, PLANS, SETTINGS};
use linkwheel::storage::{
    assessments, contacts, delete_database, directory, people, plans, seal, settings, Storage,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "correct horse battery";
const SECRETS: [&str; 8] = [
    "Zephyrine",
    "Quillfeather",
    "marmalade",
    "kestrel",
    "tangerine",
    "Orbison",
    "Jo Linkworker",
    "07700 900999",
];

/// A fresh keyholder like `static/boot.js`'s: holds the key, tells the page.
fn keyholder() {
    js_sys::Function::new_no_args(
        r#"window.linkwheelKeys = {
            protected: false, key: null,
            get: function () { return this.key; },
            set: function (k) { this.key = k; this.protected = true; window.dispatchEvent(new CustomEvent("linkwheel-unlocked")); },
            idle: function () {},
            drop: function () { this.key = null; window.dispatchEvent(new CustomEvent("linkwheel-locked")); }
        };"#,
    )
    .call0(&JsValue::NULL)
    .expect("make the keyholder");
}

async fn fresh(test: &str) -> Storage {
    keyholder();
    Storage::open(&format!("lw-encrypt-{}-{}", test, js_sys::Math::random()))
        .await
        .expect("open")
}

async fn finish(db: Storage) {
    let name = db.name();
    db.close();
    delete_database(&name).await.expect("delete");
}

fn person() -> Person {
    Person {
        id: "p1".into(),
        preferred_name: "Zephyrine".into(),
        full_name: "Zephyrine Quillfeather".into(),
        phone: "07700 900999".into(),
        note: "Loves marmalade".into(),
        created_at: 10.0,
        updated_at: 11.0,
        ..Person::default()
    }
}

/// [`person`] as [`fill`] leaves them: the plan set their next review.
fn filled_person() -> Person {
    Person {
        next_review: "2027-01-10".into(),
        ..person()
    }
}

fn plan() -> Plan {
    Plan {
        id: "pl1".into(),
        person_id: "p1".into(),
        what_matters: "Watching the kestrel".into(),
        goals: vec![Goal {
            id: "g1".into(),
            text: "Grow a tangerine tree".into(),
            ..Goal::default()
        }],
        review_date: "2027-01-10".into(),
        created_at: 20.0,
        updated_at: 20.0,
        ..Plan::default()
    }
}

fn assessment() -> Assessment {
    Assessment {
        id: "a1".into(),
        person_id: "p1".into(),
        answers: vec![Answer {
            area_id: "home".into(),
            score: Some(3),
            what_matters: "Singing Orbison songs".into(),
            ..Answer::default()
        }],
        created_at: 15.0,
        updated_at: 15.0,
        ..Assessment::default()
    }
}

/// A person with an assessment, a plan and a contact, the worker's details,
/// a directory entry and the last backup's date.
async fn fill(db: &Storage) {
    people::save_person(db, &person()).await.expect("person");
    assessments::save_assessment(db, &assessment())
        .await
        .expect("assessment");
    plans::save_plan(db, &plan()).await.expect("plan");
    contacts::save_contact(
        db,
        &Contact {
            id: "c1".into(),
            person_id: "p1".into(),
            date: "2026-11-01".into(),
            note: "Phoned about the kestrel walk".into(),
            created_at: 30.0,
            ..Contact::default()
        },
    )
    .await
    .expect("contact");
    settings::save_worker(
        db,
        &WorkerProfile {
            name: "Jo Linkworker".into(),
            ..WorkerProfile::default()
        },
    )
    .await
    .expect("worker");
    settings::set_last_backup(db, 5.0)
        .await
        .expect("last backup");
    directory::save_service(
        db,
        &linkwheel::domain::directory::Service {
            id: "d1".into(),
            name: "Allotment club".into(),
            ..Default::default()
        },
    )
    .await
    .expect("entry");
}

/// Every record of a store as stored.
async fn raw(db: &Storage, store_name: &str) -> Vec<JsValue> {
    let tx = db
        .database()
        .transaction(store_name)
        .build()
        .expect("readonly transaction");
    let store = tx.object_store(store_name).expect("store");
    let rows = store
        .get_all::<JsValue>()
        .primitive()
        .expect("request")
        .await
        .expect("get all");
    rows.map(|r| r.expect("row")).collect()
}

/// All the text a stored value holds: strings, numbers, and any binary
/// (ArrayBuffer, Uint8Array) read as UTF-8, so nothing hides from a search.
fn text_of(value: &JsValue, out: &mut String) {
    if let Some(s) = value.as_string() {
        out.push_str(&s);
    } else if let Some(n) = value.as_f64() {
        out.push_str(&n.to_string());
    } else if value.is_instance_of::<js_sys::ArrayBuffer>() || value.is_instance_of::<Uint8Array>()
    {
        out.push_str(&String::from_utf8_lossy(&Uint8Array::new(value).to_vec()));
    } else if value.is_object() {
        for entry in Object::entries(value.unchecked_ref::<Object>()).iter() {
            let pair: Array = entry.unchecked_into();
            out.push_str(&pair.get(0).as_string().unwrap_or_default());
            out.push(' ');
            text_of(&pair.get(1), out);
            out.push(' ');
        }
    }
    out.push(' ');
}

async fn stored_text(db: &Storage, stores: &[&str]) -> String {
    let mut out = String::new();
    for store in stores {
        for row in raw(db, store).await {
            text_of(&row, &mut out);
        }
    }
    out
}

fn get(value: &JsValue, field: &str) -> JsValue {
    Reflect::get(value, &field.into()).expect("get")
}

async fn keyring_record(db: &Storage) -> JsValue {
    raw(db, SETTINGS)
        .await
        .into_iter()
        .find(|r| get(r, "id").as_string().as_deref() == Some(keyring::KEYRING))
        .expect("the keyring")
}

#[wasm_bindgen_test]
async fn a_wrapped_data_key_unwraps_as_a_key_that_cannot_be_exported() {
    let fresh = crypto::new_data_key().await.expect("generate");
    assert!(fresh.extractable(), "extractable only so it can be wrapped");
    let salt = crypto::random_bytes(16).expect("salt");
    let iv = crypto::random_bytes(12).expect("iv");
    let kek = crypto::derive_wrapping_key(PASS, &salt, 600_000)
        .await
        .expect("derive");
    assert!(!kek.extractable());
    let wrapped = crypto::wrap_key(&fresh, &kek, &iv).await.expect("wrap");
    assert_eq!(wrapped.len(), 32 + 16, "a 256-bit key and the GCM tag");

    let key = crypto::unwrap_key(&wrapped, &kek, &iv, false)
        .await
        .expect("unwrap");
    assert!(!key.extractable(), "the key in use can never be read out");
    let sealed = crypto::encrypt(&key, &iv, b"here", b"Zephyrine")
        .await
        .expect("encrypt");
    assert_eq!(
        crypto::decrypt(&fresh, &iv, b"here", &sealed)
            .await
            .expect("the same key"),
        b"Zephyrine"
    );

    let wrong = crypto::derive_wrapping_key("not the passphrase", &salt, 600_000)
        .await
        .expect("derive");
    assert_eq!(
        crypto::unwrap_key(&wrapped, &wrong, &iv, false).await.err(),
        Some(CryptoError::Refused)
    );
    let mut changed = wrapped.clone();
    changed[0] ^= 1;
    assert_eq!(
        crypto::unwrap_key(&changed, &kek, &iv, false).await.err(),
        Some(CryptoError::Refused)
    );
}

#[wasm_bindgen_test]
async fn a_sealed_record_opens_where_it_was_written_and_its_plain_fields_win() {
    keyholder();
    let salt = crypto::random_bytes(16).expect("salt");
    let key = crypto::derive_key(PASS, &salt, 100_000).await.expect("key");
    let js = |v: &Person| serde_wasm_bindgen::to_value(v).expect("to js");
    let worker: JsValue =
        js_sys::JSON::parse(r#"{"id":"worker","value":{"name":"Jo Linkworker"}}"#).expect("worker");
    let last: JsValue = js_sys::JSON::parse(r#"{"id":"last_backup","value":5}"#).expect("last");
    let service: JsValue =
        js_sys::JSON::parse(r#"{"id":"d1","name":"Allotment club"}"#).expect("entry");
    let records = vec![
        (PEOPLE, js(&person())),
        (SETTINGS, worker),
        (SETTINGS, last.clone()),
        (DIRECTORY, service.clone()),
    ];
    let sealed = seal::seal_with(&key, records, "test").await.expect("seal");

    let p = &sealed[0].1;
    let mut fields: Vec<String> = Object::keys(p.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        ["created_at", "id", "next_review", "sealed", "updated_at"],
        "only ids and dates stay in plain view"
    );
    let inner = get(p, "sealed");
    assert!(get(&inner, "iv").is_instance_of::<Uint8Array>());
    assert_eq!(Uint8Array::new(&get(&inner, "iv")).length(), 12);
    assert!(get(&inner, "data").is_instance_of::<js_sys::ArrayBuffer>());
    let mut text = String::new();
    text_of(p, &mut text);
    text_of(&sealed[1].1, &mut text);
    for secret in ["Zephyrine", "Quillfeather", "marmalade", "Jo Linkworker"] {
        assert!(!text.contains(secret), "{secret} is not readable");
    }
    assert!(
        seal::is_sealed(&sealed[1].1),
        "the worker's details are sealed"
    );
    assert_eq!(sealed[2].1, last, "other settings stay as they are");
    assert_eq!(sealed[3].1, service, "the directory stays as it is");

    // A fresh IV every time: the same record seals differently.
    let again = seal::seal_with(&key, vec![(PEOPLE, js(&person()))], "test")
        .await
        .expect("seal again");
    let iv = |r: &JsValue| Uint8Array::new(&get(&get(r, "sealed"), "iv")).to_vec();
    assert_ne!(iv(p), iv(&again[0].1));

    // Opened: the record as it was, except what the outer fields now say.
    Reflect::set(p, &"next_review".into(), &"2027-02-01".into()).expect("set");
    let opened = seal::open_with(&key, PEOPLE, vec![p.clone()], "test")
        .await
        .expect("open")
        .pop()
        .expect("one");
    let back: Person = serde_wasm_bindgen::from_value(opened).expect("a person");
    assert_eq!(
        back,
        Person {
            next_review: "2027-02-01".into(),
            ..person()
        },
        "the plain outer field wins"
    );

    // Moved to another id, or another store, it does not open.
    let moved = p.clone();
    Reflect::set(&moved, &"id".into(), &"p2".into()).expect("set");
    assert!(matches!(
        seal::open_with(&key, PEOPLE, vec![moved], "test").await,
        Err(AppError::Storage { .. })
    ));
    Reflect::set(p, &"id".into(), &"p1".into()).expect("set");
    assert!(seal::open_with(&key, CONTACTS, vec![p.clone()], "test")
        .await
        .is_err());
    // Plain records pass through opening untouched.
    assert_eq!(
        seal::open_with(&key, DIRECTORY, vec![service.clone()], "test")
            .await
            .expect("open")[0],
        service
    );
}

#[wasm_bindgen_test]
async fn turning_protection_on_seals_every_personal_record_at_once() {
    let db = fresh("protect").await;
    fill(&db).await;
    let personal = [PEOPLE, ASSESSMENTS, PLANS, CONTACTS, SETTINGS];
    let before = stored_text(&db, &personal).await;
    for secret in SECRETS {
        assert!(before.contains(secret), "{secret} is stored plain before");
    }
    let snapshot = contents_json(&db, 0.0).await.expect("read everything");

    keyring::protect(&db, PASS, 15).await.expect("protect");
    assert!(linkwheel::platform::data_key().is_some(), "unlocked");
    let after = stored_text(&db, &personal).await;
    for secret in SECRETS {
        assert!(!after.contains(secret), "{secret} is not stored plain");
    }
    for store in [PEOPLE, ASSESSMENTS, PLANS, CONTACTS] {
        for row in raw(&db, store).await {
            assert!(seal::is_sealed(&row), "{store}: every record is sealed");
        }
    }
    assert!(
        stored_text(&db, &[DIRECTORY])
            .await
            .contains("Allotment club"),
        "the directory is not personal and stays plain"
    );
    let ring = keyring_record(&db).await;
    assert_eq!(get(&ring, "iterations").as_f64(), Some(600_000.0));
    assert_eq!(Uint8Array::new(&get(&ring, "salt")).length(), 16);
    assert_eq!(Uint8Array::new(&get(&ring, "iv")).length(), 12);
    assert!(get(&ring, "wrapped").is_instance_of::<js_sys::ArrayBuffer>());
    assert_eq!(get(&ring, "idle_minutes").as_f64(), Some(15.0));
    assert_eq!(keyring::idle_minutes(&db).await.expect("idle"), Some(15));

    // Everything reads back through the storage layer as it was, indexes
    // and all, and the backup's view of the device is the same.
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get"),
        Some(filled_person())
    );
    assert_eq!(
        plans::plans_for(&db, "p1").await.expect("plans")[0].goals[0].text,
        "Grow a tangerine tree"
    );
    assert_eq!(
        assessments::assessments_for(&db, "p1")
            .await
            .expect("assessments"),
        [assessment()]
    );
    assert_eq!(
        contacts::contacts_for(&db, "p1").await.expect("contacts")[0].note,
        "Phoned about the kestrel walk"
    );
    assert_eq!(
        people::list_rows(&db).await.expect("rows"),
        [linkwheel::domain::search::PersonRow::from(&filled_person())]
    );
    let file = people::person_file(&db, "p1")
        .await
        .expect("the person's page")
        .expect("there");
    assert_eq!(file.person, filled_person());
    assert_eq!(file.assessments, [assessment()]);
    assert_eq!(file.newest_plan.as_deref(), Some(plan().id.as_str()));
    assert_eq!(file.contacts[0].note, "Phoned about the kestrel walk");
    assert_eq!(
        settings::get_worker(&db).await.expect("worker").name,
        "Jo Linkworker"
    );
    assert_eq!(
        contents_json(&db, 0.0).await.expect("read everything"),
        snapshot,
        "opened, the records are exactly what they were; the keyring is not in a backup"
    );

    // Saving a plan still keeps the person's next review, which still opens.
    plans::save_plan(
        &db,
        &Plan {
            review_date: "2027-03-03".into(),
            ..plan()
        },
    )
    .await
    .expect("save the plan");
    assert_eq!(
        people::get_person(&db, "p1")
            .await
            .expect("get")
            .expect("there")
            .next_review,
        "2027-03-03"
    );
    assert!(!stored_text(&db, &[PLANS, PEOPLE])
        .await
        .contains("tangerine"));
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_failure_while_sealing_leaves_everything_as_it_was() {
    let db = fresh("protect-fails").await;
    fill(&db).await;
    // A record that cannot be sealed (its id is not text): protecting fails
    // before anything is written.
    let tx = db
        .database()
        .transaction(PEOPLE)
        .with_mode(indexed_db_futures::transaction::TransactionMode::Readwrite)
        .build()
        .expect("transaction");
    let store = tx.object_store(PEOPLE).expect("store");
    let odd = js_sys::JSON::parse(r#"{"id":5,"preferred_name":"Numbered"}"#).expect("odd");
    store
        .put(odd)
        .primitive()
        .expect("request")
        .await
        .expect("put");
    tx.commit().await.expect("commit");
    let before = stored_text(&db, &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS, SETTINGS]).await;

    keyring::protect(&db, PASS, 10)
        .await
        .expect_err("cannot seal a record without a text id");
    assert_eq!(
        stored_text(&db, &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS, SETTINGS]).await,
        before,
        "nothing changed, and no keyring"
    );
    assert!(linkwheel::platform::data_key().is_none());
    assert!(!linkwheel::platform::is_protected());
    finish(db).await;
}

#[wasm_bindgen_test]
async fn locked_nothing_personal_is_read_or_written() {
    let db = fresh("locked").await;
    fill(&db).await;
    keyring::protect(&db, PASS, 10).await.expect("protect");
    linkwheel::platform::lock_now();
    assert!(linkwheel::platform::data_key().is_none());

    assert_eq!(people::get_person(&db, "p1").await, Err(AppError::Locked));
    assert_eq!(
        people::person_file(&db, "p1").await.err(),
        Some(AppError::Locked)
    );
    assert_eq!(people::list_people(&db).await, Err(AppError::Locked));
    assert_eq!(people::list_rows(&db).await, Err(AppError::Locked));
    assert_eq!(plans::plans_for(&db, "p1").await, Err(AppError::Locked));
    assert_eq!(settings::get_worker(&db).await, Err(AppError::Locked));
    assert_eq!(
        contents_json(&db, 0.0).await.err(),
        Some(AppError::Locked),
        "no backup while locked"
    );
    let before = stored_text(&db, &[PEOPLE, PLANS]).await;
    let bo = Person {
        id: "p2".into(),
        preferred_name: "Tangerine Bo".into(),
        ..Person::default()
    };
    assert_eq!(people::save_person(&db, &bo).await, Err(AppError::Locked));
    assert_eq!(plans::save_plan(&db, &plan()).await, Err(AppError::Locked));
    assert_eq!(
        stored_text(&db, &[PEOPLE, PLANS]).await,
        before,
        "nothing written"
    );
    assert_eq!(
        AppError::Locked.user_message(),
        "Linkwheel is locked. Unlock it to carry on."
    );
    // What is not personal still works: the directory, the last backup.
    assert_eq!(directory::all_services(&db).await.expect("list").len(), 1);
    settings::set_last_backup(&db, 9.0)
        .await
        .expect("not personal");

    // A new connection (as after a reload) knows the data is protected.
    keyholder();
    let name = db.name();
    let again = Storage::open(&name).await.expect("open again");
    assert!(keyring::is_protected(&again).await.expect("read"));
    assert!(linkwheel::platform::is_protected());
    assert_eq!(
        people::get_person(&again, "p1").await,
        Err(AppError::Locked)
    );
    again.close();
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_is_refused_and_each_wait_is_longer() {
    let db = fresh("wrong").await;
    fill(&db).await;
    keyring::protect(&db, PASS, 10).await.expect("protect");
    linkwheel::platform::lock_now();

    assert_eq!(
        keyring::unlock(&db, "not the passphrase")
            .await
            .expect("try"),
        Unlock::Wrong(2)
    );
    assert!(linkwheel::platform::data_key().is_none(), "still locked");
    // Too soon, even with the right one; and a new connection (a reload)
    // remembers.
    assert!(matches!(
        keyring::unlock(&db, PASS).await.expect("try"),
        Unlock::Wait(1 | 2)
    ));
    let ring = keyring_record(&db).await;
    assert_eq!(get(&ring, "failures").as_f64(), Some(1.0));
    assert!(get(&ring, "last_failure").as_f64().unwrap_or(0.0) > 0.0);
    let again = Storage::open(&db.name()).await.expect("open again");
    assert!(matches!(
        keyring::unlock(&again, PASS).await.expect("try"),
        Unlock::Wait(1 | 2)
    ));
    again.close();

    TimeoutFuture::new(2_100).await;
    assert_eq!(
        keyring::unlock(&db, "still not it!").await.expect("try"),
        Unlock::Wrong(4),
        "the wait doubles"
    );
    TimeoutFuture::new(4_100).await;
    assert_eq!(
        keyring::unlock(&db, PASS).await.expect("try"),
        Unlock::Unlocked
    );
    assert!(linkwheel::platform::data_key().is_some());
    assert_eq!(
        get(&keyring_record(&db).await, "failures").as_f64(),
        Some(0.0),
        "the count starts again"
    );
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get"),
        Some(filled_person())
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn changing_the_passphrase_wraps_the_same_key_again() {
    let db = fresh("change").await;
    fill(&db).await;
    keyring::protect(&db, PASS, 10).await.expect("protect");
    let sealed_before = stored_text(&db, &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS]).await;
    let ring_before = keyring_record(&db).await;

    assert!(
        !keyring::change_passphrase(&db, "not the passphrase", "a new passphrase")
            .await
            .expect("try"),
        "the wrong current passphrase changes nothing"
    );
    assert_eq!(
        Uint8Array::new(&get(&keyring_record(&db).await, "wrapped")).to_vec(),
        Uint8Array::new(&get(&ring_before, "wrapped")).to_vec()
    );
    assert!(keyring::change_passphrase(&db, PASS, "a new passphrase")
        .await
        .expect("change"));
    let ring = keyring_record(&db).await;
    assert_ne!(
        Uint8Array::new(&get(&ring, "salt")).to_vec(),
        Uint8Array::new(&get(&ring_before, "salt")).to_vec(),
        "a new salt"
    );
    assert_eq!(
        stored_text(&db, &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS]).await,
        sealed_before,
        "no record was sealed again"
    );

    linkwheel::platform::lock_now();
    assert_eq!(
        keyring::unlock(&db, PASS).await.expect("try"),
        Unlock::Wrong(2),
        "the old passphrase no longer opens it"
    );
    TimeoutFuture::new(2_100).await;
    assert_eq!(
        keyring::unlock(&db, "a new passphrase").await.expect("try"),
        Unlock::Unlocked
    );
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get"),
        Some(filled_person()),
        "the records still open"
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_protected_device_backs_up_and_restores_sealed() {
    let db = fresh("backup").await;
    fill(&db).await;
    keyring::protect(&db, PASS, 10).await.expect("protect");
    let text = make_backup(&db, "backup passphrase", 5.0)
        .await
        .expect("backup");
    let contents: Backup = open_backup(&text, "backup passphrase").await.expect("open");
    assert_eq!(
        contents.values("people").expect("people")[0]["preferred_name"],
        "Zephyrine",
        "the backup holds the records opened (it has its own passphrase)"
    );
    assert!(
        contents
            .values("settings")
            .expect("settings")
            .iter()
            .all(|r| r["id"] != keyring::KEYRING),
        "and not the device's keyring"
    );
    let ring = keyring_record(&db).await;

    // Changed here, then replaced by the backup: back as it was, sealed.
    people::save_person(
        &db,
        &Person {
            preferred_name: "Changed".into(),
            updated_at: 99.0,
            ..filled_person()
        },
    )
    .await
    .expect("change");
    restore(&db, &contents, RestoreMode::Replace)
        .await
        .expect("replace");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get"),
        Some(filled_person())
    );
    let stored = stored_text(&db, &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS, SETTINGS]).await;
    for secret in SECRETS {
        assert!(!stored.contains(secret), "{secret} is not stored plain");
    }
    assert_eq!(
        Uint8Array::new(&get(&keyring_record(&db).await, "wrapped")).to_vec(),
        Uint8Array::new(&get(&ring, "wrapped")).to_vec(),
        "the device keeps its keyring"
    );

    // Merging: the newer copy here is kept, and everything stays sealed.
    people::save_person(
        &db,
        &Person {
            full_name: "Zephyrine Newer".into(),
            updated_at: 99.0,
            ..filled_person()
        },
    )
    .await
    .expect("change");
    let conflicts = restore(&db, &contents, RestoreMode::Merge)
        .await
        .expect("merge");
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(
        people::get_person(&db, "p1")
            .await
            .expect("get")
            .expect("there")
            .full_name,
        "Zephyrine Newer"
    );
    assert!(!stored_text(&db, &[PEOPLE]).await.contains("Zephyrine"));
    finish(db).await;
}
