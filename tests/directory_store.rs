//! In-browser tests of the community directory store (schema version 3):
//! the migration arm, the category index, saving many entries in one
//! transaction, and removing the sample directory.
//!
//! Every test opens its own database under a fresh random name.

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use linkwheel::domain::directory::sample::sample_directory;
use linkwheel::domain::directory::Service;
use linkwheel::domain::{Goal, GoalService, Plan, ServiceStatus, ServiceUpdate};
use linkwheel::storage::batch::Batch;
use linkwheel::storage::schema::{self, BY_CATEGORY, DIRECTORY, PEOPLE};
use linkwheel::storage::{delete_database, directory, people, plans, Storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_name(test: &str) -> String {
    format!("lw-dir-{}-{}", test, js_sys::Math::random())
}

async fn finish(db: Storage) {
    let name = db.name();
    db.close();
    delete_database(&name)
        .await
        .expect("delete the test database");
}

fn service(id: &str, name: &str, categories: &[&str]) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        organisation: "Riverside Trust".into(),
        categories: categories.iter().map(|c| c.to_string()).collect(),
        phone: "01632 960100".into(),
        last_checked: "2026-01-05".into(),
        ..Service::default()
    }
}

fn names(list: &[Service]) -> Vec<&str> {
    list.iter().map(|s| s.name.as_str()).collect()
}

#[wasm_bindgen_test]
async fn migration_arm_3_adds_the_directory_with_a_multi_entry_category_index() {
    let name = fresh_name("migrate-v3");
    let old = schema::open_at(&name, 2).await.expect("open at version 2");
    let mut batch = Batch::new();
    batch.put_raw(
        PEOPLE,
        js_sys::JSON::parse(r#"{"id":"p1","preferred_name":"Ada"}"#).expect("json"),
    );
    batch.commit(&old).await.expect("a version 2 person");
    old.close();

    let db = Storage::open(&name).await.expect("upgrade to version 3");
    assert_eq!(db.database().version(), 3.0);
    {
        let tx = db
            .database()
            .transaction(DIRECTORY)
            .build()
            .expect("readonly transaction");
        let store = tx.object_store(DIRECTORY).expect("directory store");
        assert_eq!(store.key_path(), Some(KeyPath::One("id".to_string())));
        let index = store.index(BY_CATEGORY).expect("by_category");
        assert_eq!(
            index.key_path(),
            Some(KeyPath::One("categories".to_string()))
        );
        assert!(index.as_sys().multi_entry(), "one index entry per category");
    }
    let ada = people::get_person(&db, "p1").await.expect("get Ada");
    assert_eq!(
        ada.map(|p| p.preferred_name),
        Some("Ada".to_string()),
        "the upgrade keeps version 2 records"
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn entries_save_list_update_and_delete_with_favourites_first() {
    let db = Storage::open(&fresh_name("crud")).await.expect("open");
    assert!(directory::all_services(&db)
        .await
        .expect("empty")
        .is_empty());
    let walk = service("walk", "Walking Football", &["getting-active"]);
    let art = service("art", "art group", &["hobbies-fun"]);
    let mut debt = service("debt", "Debt advice", &["money-benefits"]);
    debt.favourite = true;
    for s in [&walk, &art, &debt] {
        directory::save_service(&db, s).await.expect("save");
    }
    let all = directory::all_services(&db).await.expect("list");
    assert_eq!(
        names(&all),
        ["Debt advice", "art group", "Walking Football"]
    );

    let renamed = Service {
        name: "Walking Netball".into(),
        ..walk.clone()
    };
    directory::save_service(&db, &renamed)
        .await
        .expect("update");
    assert_eq!(
        directory::get_service(&db, "walk").await.expect("get"),
        Some(renamed)
    );
    assert_eq!(directory::all_services(&db).await.expect("list").len(), 3);

    directory::delete_service(&db, "art").await.expect("delete");
    directory::delete_service(&db, "not-there")
        .await
        .expect("deleting a missing entry is fine");
    assert_eq!(directory::get_service(&db, "art").await.expect("get"), None);
    assert_eq!(directory::all_services(&db).await.expect("list").len(), 2);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn the_category_index_finds_each_entry_once_for_any_of_the_categories() {
    let db = Storage::open(&fresh_name("index")).await.expect("open");
    let list = [
        service("garden", "Garden", &["getting-active", "hobbies-fun"]),
        service("choir", "Choir", &["hobbies-fun", "friends-social"]),
        service("debt", "Debt advice", &["money-benefits"]),
        service("none", "No category", &[]),
    ];
    directory::save_services(&db, &list)
        .await
        .expect("save all");

    let active = directory::services_in(&db, &["getting-active"])
        .await
        .expect("by one category");
    assert_eq!(names(&active), ["Garden"]);
    let several = directory::services_in(&db, &["hobbies-fun", "getting-active", "friends-social"])
        .await
        .expect("by several");
    assert_eq!(names(&several), ["Choir", "Garden"], "each once, by name");
    assert!(directory::services_in(&db, &["faith-meaning"])
        .await
        .expect("none")
        .is_empty());

    // The index itself: the multi-entry key for each category.
    let keys = {
        let tx = db
            .database()
            .transaction(DIRECTORY)
            .build()
            .expect("readonly transaction");
        let store = tx.object_store(DIRECTORY).expect("store");
        let found = store
            .index(BY_CATEGORY)
            .expect("by_category")
            .get_all_keys::<String>()
            .with_query("hobbies-fun")
            .primitive()
            .expect("request")
            .await
            .expect("index lookup");
        let mut keys: Vec<String> = found.map(|k| k.expect("key")).collect();
        keys.sort();
        keys
    };
    assert_eq!(keys, ["choir", "garden"]);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn saving_many_is_all_or_nothing() {
    let db = Storage::open(&fresh_name("atomic")).await.expect("open");
    directory::save_service(&db, &service("kept", "Kept", &[]))
        .await
        .expect("one entry first");
    // A record with no `id` cannot be stored (the key path is `id`), so the
    // whole batch fails, and the good record queued before it is not saved.
    let mut batch = Batch::new();
    batch
        .put(DIRECTORY, &service("new", "New", &[]))
        .expect("queue")
        .put_raw(DIRECTORY, js_sys::Object::new().into());
    batch
        .commit(&db)
        .await
        .expect_err("the bad record fails the batch");
    let all = directory::all_services(&db).await.expect("list");
    assert_eq!(names(&all), ["Kept"], "nothing from the failed batch");
    finish(db).await;
}

#[wasm_bindgen_test]
async fn removing_the_sample_keeps_the_users_own_entries() {
    let db = Storage::open(&fresh_name("sample")).await.expect("open");
    let sample = sample_directory("2026-11-21", 1.0);
    directory::save_services(&db, &sample)
        .await
        .expect("load sample");
    directory::save_service(&db, &service("mine", "My group", &["hobbies-fun"]))
        .await
        .expect("an entry of my own");
    assert_eq!(
        directory::all_services(&db).await.expect("list").len(),
        sample.len() + 1
    );
    let removed = directory::remove_sample(&db).await.expect("remove");
    assert_eq!(removed, sample.len());
    let left = directory::all_services(&db).await.expect("list");
    assert_eq!(names(&left), ["My group"]);
    assert_eq!(directory::remove_sample(&db).await.expect("again"), 0);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn a_plan_keeps_its_attached_service_after_the_entry_is_deleted() {
    let db = Storage::open(&fresh_name("attached")).await.expect("open");
    let choir = service("choir", "Choir", &["hobbies-fun"]);
    directory::save_service(&db, &choir).await.expect("save");
    let plan = Plan {
        id: "pl1".into(),
        person_id: "p1".into(),
        goals: vec![Goal {
            id: "g1".into(),
            text: "Sing again".into(),
            services: vec![GoalService {
                service: choir.clone(),
                connection: linkwheel::domain::Connection::Referred,
                history: vec![
                    ServiceUpdate {
                        date: "2026-11-01".into(),
                        status: ServiceStatus::Referred,
                    },
                    ServiceUpdate {
                        date: "2026-11-15".into(),
                        status: ServiceStatus::StillAttending,
                    },
                ],
            }],
            ..Goal::default()
        }],
        ..Plan::default()
    };
    plans::save_plan(&db, &plan).await.expect("save plan");
    directory::delete_service(&db, "choir")
        .await
        .expect("delete");
    let kept = plans::get_plan(&db, "pl1")
        .await
        .expect("get plan")
        .expect("plan");
    assert_eq!(kept, plan);
    assert_eq!(
        kept.goals[0].services[0].status(),
        ServiceStatus::StillAttending
    );
    assert_eq!(kept.goals[0].services[0].service.phone, "01632 960100");
    finish(db).await;
}
