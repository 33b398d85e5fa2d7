//! In-browser tests of the storage layer: schema and migrations, each
//! repository, the cascade delete, batch atomicity and plain error messages.
//!
//! Every test opens its own database under a fresh random name and deletes it
//! at the end, so tests never see each other's records.

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::prelude::*;
use indexed_db_futures::KeyPath;
use linkwheel::domain::search::PersonRow;
use linkwheel::domain::template::{holistic_template, Template, HOLISTIC_ID};
use linkwheel::domain::{
    Answer, Assessment, Closure, Contact, ContactKind, Goal, Outcome, Person, Plan, Term,
    WorkerProfile,
};
use linkwheel::error::AppError;
use linkwheel::storage::batch::Batch;
use linkwheel::storage::schema::{
    self, ASSESSMENTS, BY_PERSON, CONTACTS, PEOPLE, PLANS, SETTINGS, TEMPLATES,
};
use linkwheel::storage::{
    assessments, contacts, delete_database, people, plans, settings, templates, Storage,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------- helpers

fn fresh_name(test: &str) -> String {
    format!("lw-test-{}-{}", test, js_sys::Math::random())
}

async fn open_fresh(test: &str) -> Storage {
    let name = fresh_name(test);
    Storage::open(&name)
        .await
        .unwrap_or_else(|e| panic!("open {name}: {e}"))
}

/// Closes the connection and deletes the database.
async fn finish(db: Storage) {
    let name = db.name();
    db.close();
    delete_database(&name)
        .await
        .unwrap_or_else(|e| panic!("delete {name}: {e}"));
}

fn person(id: &str, name: &str) -> Person {
    Person {
        id: id.into(),
        preferred_name: name.into(),
        full_name: format!("{name} Example"),
        date_of_birth: "1960-02-29".into(),
        pronouns: "they/them".into(),
        phone: "07700 900123".into(),
        email: format!("{}@example.org", name.to_lowercase()),
        referral_source: "GP".into(),
        note: "Prefers mornings".into(),
        last_assessed: String::new(),
        created_at: 1_700_000_000_000.0,
        updated_at: 1_700_000_000_000.0,
        ..Person::default()
    }
}

fn assessment(id: &str, person_id: &str, created_at: f64) -> Assessment {
    Assessment {
        id: id.into(),
        person_id: person_id.into(),
        template_id: "wheel-8".into(),
        date: "2025-03-14".into(),
        current_step: 0,
        answers: Vec::new(),
        priorities: Vec::new(),
        completed: false,
        created_at,
        updated_at: created_at,
        ..Assessment::default()
    }
}

fn plan(id: &str, person_id: &str, created_at: f64) -> Plan {
    Plan {
        id: id.into(),
        person_id: person_id.into(),
        assessment_id: format!("a-for-{id}"),
        what_matters: "Getting out of the house".into(),
        goals: Vec::new(),
        review_date: "2025-06-01".into(),
        created_at,
        updated_at: created_at,
    }
}

fn contact(id: &str, person_id: &str, date: &str, created_at: f64) -> Contact {
    Contact {
        id: id.into(),
        person_id: person_id.into(),
        date: date.into(),
        kind: ContactKind::Phone,
        note: format!("Contact {id}"),
        created_at,
    }
}

/// A small template of our own, as an import would give it.
fn local_template(id: &str, version: u32, title: &str) -> Template {
    let base = holistic_template();
    Template {
        id: id.into(),
        version,
        title: title.into(),
        description: format!("{title}, version {version}"),
        areas: base.areas[..3].to_vec(),
        measures: Vec::new(),
        ..base
    }
}

/// The database's store names, sorted (as the browser gives them).
fn store_names(db: &Storage) -> Vec<String> {
    db.database().object_store_names().collect()
}

/// A plain JavaScript object from JSON.
fn plain(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

// Records exactly as the version 1 release wrote them: only the fields the
// model had then (an unscored answer's `score` was `undefined`, so absent).
const OLD_PERSON: &str = r#"{"id":"p1","preferred_name":"Ada","full_name":"Ada Example",
  "date_of_birth":"1960-02-29","pronouns":"they/them","phone":"07700 900123",
  "email":"ada@example.org","referral_source":"GP","note":"Prefers mornings",
  "last_assessed":"2024-11-05","created_at":1700000000000,"updated_at":1700000000000}"#;
const OLD_ASSESSMENT: &str = r#"{"id":"a1","person_id":"p1","template_id":"holistic-12",
  "date":"2024-11-05","current_step":2,"completed":true,"priorities":["money-benefits"],
  "answers":[{"area_id":"money-benefits","score":0,"concerns":["Debt"],
    "own_concerns":["Council tax letter"],"what_matters":"Sleeping without worrying",
    "wants_support":true},
   {"area_id":"physical-health","concerns":[],"own_concerns":[],
    "what_matters":"","wants_support":false}],
  "created_at":1700000100000,"updated_at":1700000100000}"#;
const OLD_PLAN: &str = r#"{"id":"pl1","person_id":"p1","assessment_id":"a-for-pl1",
  "what_matters":"Getting out of the house","review_date":"2025-06-01",
  "goals":[{"id":"g1","area_id":"money-benefits","text":"Sort out the council tax",
    "first_step":"Ring the advice line","who_can_help":"Citizens Advice",
    "target_date":"2025-01-31","term":"short"}],
  "created_at":1700000200000,"updated_at":1700000200000}"#;

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    list.iter().map(|x| id(x).to_string()).collect()
}

/// A plain JavaScript object with no `id`: every store's key path is `id`,
/// so putting it fails with a DataError.
fn record_without_id() -> JsValue {
    let obj = js_sys::Object::new();
    js_sys::Reflect::set(&obj, &"person_id".into(), &"p-batch".into()).unwrap();
    js_sys::Reflect::set(&obj, &"preferred_name".into(), &"No key".into()).unwrap();
    obj.into()
}

/// A batch whose first two writes are valid and whose last one is not.
async fn failing_batch(db: &Storage) -> AppError {
    let mut batch = Batch::new();
    batch
        .put(PEOPLE, &person("p-batch", "Batch"))
        .expect("queue person")
        .put(ASSESSMENTS, &assessment("a-batch", "p-batch", 1.0))
        .expect("queue assessment")
        .put_raw(PLANS, record_without_id());
    assert_eq!(batch.len(), 3);
    batch
        .commit(db)
        .await
        .expect_err("a record without its key must fail the batch")
}

// ---------------------------------------------------------------- schema

#[wasm_bindgen_test]
async fn open_fresh_database_creates_every_store_and_reopens() {
    let name = fresh_name("open");
    let db = Storage::open(&name).await.expect("first open");

    let mut expected: Vec<String> = schema::ALL_STORES.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(
        expected,
        [
            "assessments",
            "contacts",
            "directory",
            "people",
            "plans",
            "settings",
            "templates"
        ]
    );
    assert_eq!(store_names(&db), expected, "exactly the seven stores");
    assert_eq!(schema::VERSION, 3);
    assert_eq!(db.database().version(), f64::from(schema::VERSION));
    assert_eq!(db.name(), name);

    people::save_person(&db, &person("p1", "Ada"))
        .await
        .expect("save before reopening");
    db.close();

    // Same name, same version: no upgrade runs, so no "store already exists".
    let again = Storage::open(&name).await.expect("second open");
    assert_eq!(store_names(&again), expected);
    assert_eq!(again.database().version(), f64::from(schema::VERSION));
    let kept = people::get_person(&again, "p1")
        .await
        .expect("get after reopen");
    assert_eq!(
        kept,
        Some(person("p1", "Ada")),
        "reopening keeps the records"
    );
    finish(again).await;
}

/// Migration arm 1 alone, from a browser with no database at all: exactly
/// what the release with schema version 1 made.
#[wasm_bindgen_test]
async fn migration_arm_1_from_empty_browser_creates_by_person_indexes() {
    let db = schema::open_at(&fresh_name("migrate-v1"), 1)
        .await
        .expect("open at version 1");
    assert_eq!(db.database().version(), 1.0);
    assert_eq!(
        store_names(&db),
        ["assessments", "people", "plans", "settings"],
        "version 1 has only the first four stores"
    );
    let tx = db
        .database()
        .transaction([PEOPLE, ASSESSMENTS, PLANS, SETTINGS])
        .build()
        .expect("readonly transaction over every store");

    for name in [ASSESSMENTS, PLANS] {
        let store = tx.object_store(name).expect(name);
        assert_eq!(
            store.key_path(),
            Some(KeyPath::One("id".to_string())),
            "{name} key path"
        );
        let indexes: Vec<String> = store.index_names().collect();
        assert_eq!(indexes, [BY_PERSON], "{name} has the by_person index");
        let index = store.index(BY_PERSON).expect("open by_person");
        assert_eq!(
            index.key_path(),
            Some(KeyPath::One("person_id".to_string())),
            "{name}.by_person is on person_id"
        );
    }
    for name in [PEOPLE, SETTINGS] {
        let store = tx.object_store(name).expect(name);
        assert_eq!(
            store.key_path(),
            Some(KeyPath::One("id".to_string())),
            "{name} key path"
        );
        assert_eq!(store.index_names().count(), 0, "{name} has no index");
    }
    drop(tx);
    finish(db).await;
}

/// Migration arm 2 alone, on a version 1 database: the contacts store with
/// its by_person index and the templates store keyed by `key`.
#[wasm_bindgen_test]
async fn migration_arm_2_alone_creates_contacts_with_index_and_templates() {
    let name = fresh_name("migrate-v2");
    schema::open_at(&name, 1)
        .await
        .expect("open at version 1")
        .close();
    let db = schema::open_at(&name, 2)
        .await
        .expect("upgrade to version 2");
    assert_eq!(db.database().version(), 2.0);
    assert_eq!(store_names(&db).len(), 6);
    {
        let tx = db
            .database()
            .transaction([CONTACTS, TEMPLATES])
            .build()
            .expect("readonly transaction");
        let contacts = tx.object_store(CONTACTS).expect("contacts");
        assert_eq!(contacts.key_path(), Some(KeyPath::One("id".to_string())));
        let indexes: Vec<String> = contacts.index_names().collect();
        assert_eq!(indexes, [BY_PERSON]);
        assert_eq!(
            contacts.index(BY_PERSON).expect("by_person").key_path(),
            Some(KeyPath::One("person_id".to_string()))
        );
        let templates = tx.object_store(TEMPLATES).expect("templates");
        assert_eq!(templates.key_path(), Some(KeyPath::One("key".to_string())));
        assert_eq!(templates.index_names().count(), 0);
    }

    for c in [
        contact("c1", "p1", "2025-03-01", 1.0),
        contact("c2", "p2", "2025-03-02", 2.0),
        contact("c3", "p1", "2025-03-03", 3.0),
        contact("c4", "p10", "2025-03-04", 4.0),
    ] {
        contacts::save_contact(&db, &c).await.expect("save contact");
    }
    // The index itself, not only the repository on top of it.
    let mut found = {
        let tx = db
            .database()
            .transaction(CONTACTS)
            .build()
            .expect("readonly transaction");
        let store = tx.object_store(CONTACTS).expect("contacts");
        let keys = store
            .index(BY_PERSON)
            .expect("by_person")
            .get_all_keys::<String>()
            .with_query("p1")
            .primitive()
            .expect("request")
            .await
            .expect("index lookup");
        keys.map(|k| k.expect("key")).collect::<Vec<String>>()
    };
    found.sort();
    assert_eq!(found, ["c1", "c3"], "only p1's contacts");
    finish(db).await;
}

/// A database as the version 1 release left it, with records as it wrote
/// them (no fields added since), is upgraded by `Storage::open` and keeps
/// every record.
#[wasm_bindgen_test]
async fn migration_from_version_1_keeps_records_and_adds_the_new_stores() {
    let name = fresh_name("upgrade");
    let old = schema::open_at(&name, 1).await.expect("open at version 1");
    let mut batch = Batch::new();
    batch
        .put_raw(PEOPLE, plain(OLD_PERSON))
        .put_raw(ASSESSMENTS, plain(OLD_ASSESSMENT))
        .put_raw(PLANS, plain(OLD_PLAN));
    batch.commit(&old).await.expect("write version 1 records");
    old.close();

    let db = Storage::open(&name).await.expect("upgrade");
    assert_eq!(db.database().version(), 3.0);
    assert_eq!(store_names(&db).len(), 7);

    let expected_person = Person {
        last_assessed: "2024-11-05".into(),
        // Filled in from the plan by the upgrade.
        next_review: "2025-06-01".into(),
        ..person("p1", "Ada")
    };
    assert_eq!(
        people::list_people(&db).await.expect("people"),
        vec![expected_person]
    );
    let expected_assessment = Assessment {
        template_id: "holistic-12".into(),
        date: "2024-11-05".into(),
        current_step: 2,
        completed: true,
        priorities: vec!["money-benefits".into()],
        answers: vec![
            Answer {
                area_id: "money-benefits".into(),
                score: Some(0),
                concerns: vec!["Debt".into()],
                own_concerns: vec!["Council tax letter".into()],
                what_matters: "Sleeping without worrying".into(),
                wants_support: true,
            },
            Answer {
                area_id: "physical-health".into(),
                score: None,
                ..Answer::default()
            },
        ],
        ..assessment("a1", "p1", 1_700_000_100_000.0)
    };
    assert_eq!(
        assessments::assessments_for(&db, "p1")
            .await
            .expect("assessments"),
        vec![expected_assessment]
    );
    let expected_plan = Plan {
        goals: vec![Goal {
            id: "g1".into(),
            area_id: "money-benefits".into(),
            text: "Sort out the council tax".into(),
            first_step: "Ring the advice line".into(),
            who_can_help: "Citizens Advice".into(),
            target_date: "2025-01-31".into(),
            term: Term::Short,
            ..Goal::default()
        }],
        ..plan("pl1", "p1", 1_700_000_200_000.0)
    };
    assert_eq!(
        plans::plans_for(&db, "p1").await.expect("plans"),
        vec![expected_plan]
    );

    // The new stores work.
    let c = contact("c1", "p1", "2025-03-01", 1.0);
    contacts::save_contact(&db, &c).await.expect("save contact");
    assert_eq!(
        contacts::contacts_for(&db, "p1").await.expect("contacts"),
        vec![c]
    );
    let t = local_template("local-6", 1, "Local wellbeing");
    templates::save_template(&db, &t, 5.0)
        .await
        .expect("save template");
    assert_eq!(
        templates::find_template(&db, "local-6", 1)
            .await
            .expect("find"),
        Some(t)
    );
    db.close();

    // Opening again does not migrate again.
    let again = Storage::open(&name).await.expect("reopen");
    assert_eq!(again.database().version(), 3.0);
    assert_eq!(
        contacts::contacts_for(&again, "p1")
            .await
            .expect("contacts")
            .len(),
        1
    );
    finish(again).await;
}

// ---------------------------------------------------------------- people

#[wasm_bindgen_test]
async fn people_save_get_list_update_delete() {
    let db = open_fresh("people").await;

    assert_eq!(
        people::list_people(&db).await.expect("list empty"),
        Vec::new()
    );
    assert_eq!(
        people::get_person(&db, "missing")
            .await
            .expect("get missing"),
        None
    );

    let ada = person("p1", "Ada");
    let bo = person("p2", "Bo");
    people::save_person(&db, &ada).await.expect("save Ada");
    people::save_person(&db, &bo).await.expect("save Bo");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get Ada"),
        Some(ada.clone())
    );

    let mut listed = people::list_people(&db).await.expect("list two");
    listed.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(listed, vec![ada.clone(), bo.clone()]);

    // Saving again under the same id replaces the record.
    let mut renamed = ada.clone();
    renamed.preferred_name = "Addie".into();
    renamed.phone = String::new();
    renamed.updated_at += 60_000.0;
    people::save_person(&db, &renamed)
        .await
        .expect("update Ada");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get updated"),
        Some(renamed.clone())
    );
    assert_eq!(
        people::list_people(&db)
            .await
            .expect("list after update")
            .len(),
        2
    );

    people::delete_person(&db, "p1").await.expect("delete Ada");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get deleted"),
        None
    );
    assert_eq!(
        people::list_people(&db).await.expect("list after delete"),
        vec![bo]
    );

    // Deleting someone who is not there is not an error.
    people::delete_person(&db, "p1")
        .await
        .expect("delete twice");
    finish(db).await;
}

#[wasm_bindgen_test]
async fn list_rows_gives_what_the_caseload_shows_of_everyone() {
    let db = open_fresh("people-rows").await;
    assert!(people::list_rows(&db).await.expect("none").is_empty());
    let mut ada = person("p1", "Ada");
    ada.next_review = "2026-12-01".into();
    ada.last_assessed = "2026-11-02".into();
    ada.risk_flag = true;
    let mut bo = person("p2", "Bo");
    bo.closed = Some(Closure {
        outcome: Outcome::GoalsMet,
        date: "2026-10-01".into(),
        note: "Moved away".into(),
    });
    people::save_person(&db, &ada).await.expect("save Ada");
    people::save_person(&db, &bo).await.expect("save Bo");
    let mut rows = people::list_rows(&db).await.expect("rows");
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(rows, vec![PersonRow::from(&ada), PersonRow::from(&bo)]);
    assert_eq!(rows[0].full_name, "Ada Example");
    assert_eq!(
        (rows[0].risk_flag, rows[0].closed, rows[1].closed),
        (true, false, true)
    );
    assert_eq!(rows[0].next_review, "2026-12-01");
    assert_eq!(rows[0].last_assessed, "2026-11-02");
    finish(db).await;
}

// ---------------------------------------------------------------- assessments

#[wasm_bindgen_test]
async fn start_assessment_writes_assessment_and_person_together() {
    let db = open_fresh("start").await;
    let before = person("p1", "Ada");
    people::save_person(&db, &before)
        .await
        .expect("save person");

    let a = assessment("a1", "p1", 1_700_000_100_000.0);
    let mut after = before.clone();
    after.last_assessed = "2025-03-14".into();
    after.updated_at = 1_700_000_100_000.0;
    assessments::start_assessment(&db, &a, &after)
        .await
        .expect("start");

    assert_eq!(
        assessments::get_assessment(&db, "a1")
            .await
            .expect("get a1"),
        Some(a)
    );
    let stored = people::get_person(&db, "p1")
        .await
        .expect("get person")
        .expect("person kept");
    assert_eq!(stored.last_assessed, "2025-03-14");
    assert_eq!(stored, after);

    // A person not saved before is created by starting their assessment.
    let newcomer = Person {
        last_assessed: "2025-03-15".into(),
        ..person("p2", "Bo")
    };
    let b = assessment("a2", "p2", 1_700_000_200_000.0);
    assessments::start_assessment(&db, &b, &newcomer)
        .await
        .expect("start for newcomer");
    assert_eq!(
        people::get_person(&db, "p2").await.expect("get p2"),
        Some(newcomer)
    );
    assert_eq!(
        assessments::get_assessment(&db, "a2")
            .await
            .expect("get a2"),
        Some(b)
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn save_assessment_round_trips_answers_keeping_unscored_apart_from_zero() {
    let db = open_fresh("answers").await;
    let mut a = assessment("a1", "p1", 1_700_000_000_000.0);
    a.current_step = 3;
    a.priorities = vec!["money".into(), "home".into()];
    a.completed = true;
    a.answers = vec![
        Answer {
            area_id: "home".into(),
            score: None,
            concerns: vec!["Damp".into(), "Rent".into()],
            own_concerns: vec!["Noisy neighbour".into()],
            what_matters: "Somewhere warm".into(),
            wants_support: true,
        },
        Answer {
            area_id: "money".into(),
            score: Some(0),
            ..Answer::default()
        },
        Answer {
            area_id: "health".into(),
            score: Some(10),
            ..Answer::default()
        },
        Answer {
            area_id: "friends".into(),
            score: Some(7),
            wants_support: false,
            ..Answer::default()
        },
    ];

    assessments::save_assessment(&db, &a).await.expect("save");
    let got = assessments::get_assessment(&db, "a1")
        .await
        .expect("get")
        .expect("present");
    assert_eq!(
        got.answer("home").map(|x| x.score),
        Some(None),
        "not scored stays None"
    );
    assert_eq!(
        got.answer("money").map(|x| x.score),
        Some(Some(0)),
        "0 stays 0"
    );
    assert_eq!(got.answer("health").map(|x| x.score), Some(Some(10)));
    assert_eq!(got, a, "every field round-trips, answers in order");

    // Saving again replaces the answers: a score can go back to not scored.
    let mut changed = got.clone();
    changed.answers[1].score = None;
    changed.answers[0].score = Some(0);
    assessments::save_assessment(&db, &changed)
        .await
        .expect("save again");
    let got = assessments::get_assessment(&db, "a1")
        .await
        .expect("get again")
        .expect("present");
    assert_eq!(got.answer("money").map(|x| x.score), Some(None));
    assert_eq!(got.answer("home").map(|x| x.score), Some(Some(0)));
    assert_eq!(got, changed);
    assert_eq!(
        assessments::get_assessment(&db, "nope")
            .await
            .expect("get missing"),
        None
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn assessments_for_returns_only_that_persons_newest_first() {
    let db = open_fresh("assessments-for").await;
    for a in [
        assessment("a-old", "p1", 1_000.0),
        assessment("a-new", "p1", 3_000.0),
        assessment("a-mid", "p1", 2_000.0),
        assessment("b-1", "p2", 4_000.0),
        // An id that sorts between p1's, and a person id that shares a prefix.
        assessment("a-other", "p10", 2_500.0),
    ] {
        assessments::save_assessment(&db, &a).await.expect("save");
    }
    let list = assessments::assessments_for(&db, "p1").await.expect("p1's");
    assert_eq!(ids(&list, |a| &a.id), ["a-new", "a-mid", "a-old"]);
    assert!(list.iter().all(|a| a.person_id == "p1"));
    let list = assessments::assessments_for(&db, "p2").await.expect("p2's");
    assert_eq!(ids(&list, |a| &a.id), ["b-1"]);
    assert!(assessments::assessments_for(&db, "nobody")
        .await
        .expect("none")
        .is_empty());
    finish(db).await;
}

// ---------------------------------------------------------------- plans

#[wasm_bindgen_test]
async fn plans_round_trip_with_goals_in_order_and_filter_by_person() {
    let db = open_fresh("plans").await;
    let goal = |id: &str, area: &str, term: Term| Goal {
        id: id.into(),
        area_id: area.into(),
        text: format!("Goal {id} in my own words"),
        first_step: "Ring the number".into(),
        who_can_help: "My daughter".into(),
        target_date: if term == Term::Long {
            "2025-12-01".into()
        } else {
            String::new()
        },
        term,
        ..Goal::default()
    };
    let mut p = plan("plan-1", "p1", 2_000.0);
    // Ids deliberately not in alphabetical order: order is the person's.
    p.goals = vec![
        goal("g3", "money", Term::Short),
        goal("g1", "home", Term::Long),
        goal("g2", "friends", Term::Short),
    ];
    plans::save_plan(&db, &p).await.expect("save plan");
    let got = plans::get_plan(&db, "plan-1")
        .await
        .expect("get")
        .expect("present");
    assert_eq!(ids(&got.goals, |g| &g.id), ["g3", "g1", "g2"]);
    assert_eq!(got.goals[1].term, Term::Long);
    assert_eq!(got, p);
    assert_eq!(
        plans::get_plan(&db, "missing").await.expect("get missing"),
        None
    );

    plans::save_plan(&db, &plan("plan-0", "p1", 1_000.0))
        .await
        .expect("older plan");
    plans::save_plan(&db, &plan("plan-x", "p2", 3_000.0))
        .await
        .expect("other's plan");
    let list = plans::plans_for(&db, "p1").await.expect("p1's plans");
    assert_eq!(
        ids(&list, |p| &p.id),
        ["plan-1", "plan-0"],
        "only p1's, newest first"
    );
    let list = plans::plans_for(&db, "p2").await.expect("p2's plans");
    assert_eq!(ids(&list, |p| &p.id), ["plan-x"]);
    finish(db).await;
}

// ---------------------------------------------------------------- cascade

#[wasm_bindgen_test]
async fn delete_person_removes_their_assessments_and_plans_only() {
    let db = open_fresh("cascade").await;
    let ada = person("p1", "Ada");
    let bo = person("p2", "Bo");
    people::save_person(&db, &ada).await.expect("save Ada");
    people::save_person(&db, &bo).await.expect("save Bo");
    for a in [
        assessment("a1", "p1", 1.0),
        assessment("a2", "p1", 2.0),
        assessment("b1", "p2", 3.0),
    ] {
        assessments::save_assessment(&db, &a)
            .await
            .expect("save assessment");
    }
    for p in [
        plan("pl1", "p1", 1.0),
        plan("pl2", "p1", 2.0),
        plan("pl3", "p2", 3.0),
    ] {
        plans::save_plan(&db, &p).await.expect("save plan");
    }
    assert_eq!(
        assessments::assessments_for(&db, "p1")
            .await
            .expect("before")
            .len(),
        2
    );
    assert_eq!(plans::plans_for(&db, "p1").await.expect("before").len(), 2);

    people::delete_person(&db, "p1").await.expect("delete Ada");

    assert_eq!(people::get_person(&db, "p1").await.expect("get Ada"), None);
    assert!(assessments::assessments_for(&db, "p1")
        .await
        .expect("Ada's")
        .is_empty());
    assert!(plans::plans_for(&db, "p1").await.expect("Ada's").is_empty());
    for id in ["a1", "a2"] {
        assert_eq!(
            assessments::get_assessment(&db, id).await.expect("get"),
            None,
            "{id} gone"
        );
    }
    for id in ["pl1", "pl2"] {
        assert_eq!(
            plans::get_plan(&db, id).await.expect("get"),
            None,
            "{id} gone"
        );
    }

    let bo = Person {
        next_review: "2025-06-01".into(),
        ..bo
    };
    assert_eq!(people::list_people(&db).await.expect("list"), vec![bo]);
    assert_eq!(
        assessments::assessments_for(&db, "p2").await.expect("Bo's"),
        vec![assessment("b1", "p2", 3.0)]
    );
    assert_eq!(
        plans::plans_for(&db, "p2").await.expect("Bo's"),
        vec![plan("pl3", "p2", 3.0)]
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn delete_person_removes_their_contacts_and_leaves_others_alone() {
    let db = open_fresh("cascade-contacts").await;
    people::save_person(&db, &person("p1", "Ada"))
        .await
        .expect("save Ada");
    people::save_person(&db, &person("p2", "Bo"))
        .await
        .expect("save Bo");
    for c in [
        contact("c1", "p1", "2025-03-01", 1.0),
        contact("c2", "p1", "2025-03-02", 2.0),
        contact("c3", "p2", "2025-03-03", 3.0),
        contact("c4", "p10", "2025-03-04", 4.0),
    ] {
        contacts::save_contact(&db, &c).await.expect("save contact");
    }

    people::delete_person(&db, "p1").await.expect("delete Ada");

    assert!(contacts::contacts_for(&db, "p1")
        .await
        .expect("Ada's")
        .is_empty());
    assert_eq!(
        contacts::contacts_for(&db, "p2").await.expect("Bo's"),
        vec![contact("c3", "p2", "2025-03-03", 3.0)]
    );
    assert_eq!(
        contacts::contacts_for(&db, "p10").await.expect("p10's"),
        vec![contact("c4", "p10", "2025-03-04", 4.0)]
    );
    assert_eq!(
        people::get_person(&db, "p2").await.expect("get Bo"),
        Some(person("p2", "Bo"))
    );
    finish(db).await;
}

// ---------------------------------------------------------------- contacts

#[wasm_bindgen_test]
async fn contacts_for_returns_only_that_persons_newest_first_and_delete_removes_one() {
    let db = open_fresh("contacts").await;
    assert!(contacts::contacts_for(&db, "p1")
        .await
        .expect("none yet")
        .is_empty());
    for c in [
        contact("c-old", "p1", "2025-01-10", 5_000.0),
        // Same date: the one written down later comes first.
        contact("c-same-early", "p1", "2025-02-20", 1_000.0),
        contact("c-same-late", "p1", "2025-02-20", 2_000.0),
        // Written down last, but about an earlier date.
        contact("c-backdated", "p1", "2024-12-31", 9_000.0),
        contact("c-new", "p1", "2025-03-01", 3_000.0),
        contact("b-other", "p2", "2025-04-01", 4_000.0),
        contact("c-prefix", "p10", "2025-02-21", 4_500.0),
    ] {
        contacts::save_contact(&db, &c).await.expect("save");
    }
    let list = contacts::contacts_for(&db, "p1").await.expect("p1's");
    assert_eq!(
        ids(&list, |c| &c.id),
        [
            "c-new",
            "c-same-late",
            "c-same-early",
            "c-old",
            "c-backdated"
        ]
    );
    assert_eq!(list[0], contact("c-new", "p1", "2025-03-01", 3_000.0));

    // Saving under the same id replaces the contact.
    let mut edited = contact("c-old", "p1", "2025-01-10", 5_000.0);
    edited.kind = ContactKind::HomeVisit;
    edited.note = "Met at home, brought leaflets".into();
    contacts::save_contact(&db, &edited).await.expect("edit");

    contacts::delete_contact(&db, "c-same-late")
        .await
        .expect("delete");
    let list = contacts::contacts_for(&db, "p1").await.expect("after");
    assert_eq!(
        ids(&list, |c| &c.id),
        ["c-new", "c-same-early", "c-old", "c-backdated"]
    );
    assert_eq!(list[2], edited);
    // Deleting one that is not there is not an error.
    contacts::delete_contact(&db, "c-same-late")
        .await
        .expect("delete twice");
    assert_eq!(
        ids(
            &contacts::contacts_for(&db, "p2").await.expect("p2's"),
            |c| &c.id
        ),
        ["b-other"]
    );
    finish(db).await;
}

#[wasm_bindgen_test]
async fn person_file_reads_one_person_and_everything_about_them_in_order() {
    let db = open_fresh("person-file").await;
    assert!(
        people::person_file(&db, "p1")
            .await
            .expect("read nobody")
            .is_none(),
        "no such person"
    );
    let ada = person("p1", "Ada");
    people::save_person(&db, &ada).await.expect("save Ada");
    people::save_person(&db, &person("p10", "Bo"))
        .await
        .expect("save Bo");

    // Ada alone, with nothing yet: empty lists, and the built-in templates
    // are not in the store.
    let file = people::person_file(&db, "p1")
        .await
        .expect("read Ada")
        .expect("Ada is there");
    assert_eq!(file.person, ada);
    assert!(file.assessments.is_empty() && file.contacts.is_empty());
    assert_eq!(file.newest_plan, None);
    assert!(file.templates.is_empty());

    for a in [
        assessment("a-old", "p1", 1_000.0),
        assessment("a-new", "p1", 3_000.0),
        assessment("a-mid", "p1", 2_000.0),
        // Bo's: a person id sharing Ada's as a prefix.
        assessment("a-bo", "p10", 4_000.0),
    ] {
        assessments::save_assessment(&db, &a).await.expect("save");
    }
    for p in [
        plan("plan-0", "p1", 1_000.0),
        plan("plan-1", "p1", 2_000.0),
        plan("plan-bo", "p10", 3_000.0),
    ] {
        plans::save_plan(&db, &p).await.expect("save plan");
    }
    for c in [
        contact("c-old", "p1", "2025-01-10", 5_000.0),
        contact("c-same-early", "p1", "2025-02-20", 1_000.0),
        contact("c-same-late", "p1", "2025-02-20", 2_000.0),
        contact("c-bo", "p10", "2025-04-01", 4_000.0),
    ] {
        contacts::save_contact(&db, &c).await.expect("save contact");
    }
    let v1 = local_template("local-6", 1, "Local wellbeing");
    let other = local_template("carers", 1, "Carers check-in");
    for t in [&v1, &other] {
        templates::save_template(&db, t, 1_700_000_000_000.0)
            .await
            .expect("save template");
    }

    // The same records, in the same order, as each store's own reads give.
    let file = people::person_file(&db, "p1")
        .await
        .expect("read Ada again")
        .expect("Ada is still there");
    // Saving plans set her next review from the newest one.
    let ada = people::get_person(&db, "p1")
        .await
        .expect("get Ada")
        .expect("Ada");
    assert_eq!(file.person, ada);
    assert_eq!(
        ids(&file.assessments, |a| &a.id),
        ["a-new", "a-mid", "a-old"]
    );
    assert_eq!(
        file.assessments,
        assessments::assessments_for(&db, "p1").await.expect("hers")
    );
    assert_eq!(file.newest_plan.as_deref(), Some("plan-1"));
    assert_eq!(
        file.newest_plan,
        Some(
            plans::plans_for(&db, "p1").await.expect("hers")[0]
                .id
                .clone()
        )
    );
    assert_eq!(
        ids(&file.contacts, |c| &c.id),
        ["c-same-late", "c-same-early", "c-old"]
    );
    assert_eq!(
        file.contacts,
        contacts::contacts_for(&db, "p1").await.expect("hers")
    );
    assert_eq!(file.templates, vec![other, v1], "by title");
    assert_eq!(
        file.templates,
        templates::imported_templates(&db).await.expect("all")
    );

    // Two plans made at the same moment: the lowest id counts as the newest.
    plans::save_plan(&db, &plan("plan-1a", "p1", 2_000.0))
        .await
        .expect("save a tie");
    plans::save_plan(&db, &plan("plan-0a", "p1", 2_000.0))
        .await
        .expect("save another");
    let file = people::person_file(&db, "p1")
        .await
        .expect("read Ada with ties")
        .expect("Ada");
    assert_eq!(file.newest_plan.as_deref(), Some("plan-0a"));
    assert_eq!(
        plans::plans_for(&db, "p1").await.expect("hers")[0].id,
        "plan-0a"
    );

    // Bo's file holds only his.
    let bo = people::person_file(&db, "p10")
        .await
        .expect("read Bo")
        .expect("Bo");
    assert_eq!(ids(&bo.assessments, |a| &a.id), ["a-bo"]);
    assert_eq!(bo.newest_plan.as_deref(), Some("plan-bo"));
    assert_eq!(ids(&bo.contacts, |c| &c.id), ["c-bo"]);
    finish(db).await;
}

// ---------------------------------------------------------------- templates

#[wasm_bindgen_test]
async fn find_template_gives_builtins_without_the_store_and_defaults_empty_ids() {
    let db = open_fresh("templates-builtin").await;
    let holistic = holistic_template();
    for version in [0, 1] {
        assert_eq!(
            templates::find_template(&db, HOLISTIC_ID, version)
                .await
                .expect("find builtin"),
            Some(holistic.clone()),
            "version {version}"
        );
    }
    // Records from before templates had ids.
    assert_eq!(
        templates::find_template(&db, "", 0)
            .await
            .expect("empty id"),
        Some(holistic.clone())
    );
    assert_eq!(
        templates::find_template(&db, HOLISTIC_ID, 2)
            .await
            .expect("no version 2"),
        None
    );
    assert_eq!(
        templates::find_template(&db, "never-imported", 1)
            .await
            .expect("unknown"),
        None
    );
    assert!(templates::imported_templates(&db)
        .await
        .expect("list")
        .is_empty());

    // The built-in template again is fine and stores nothing; a different
    // one under its id and version is refused.
    templates::save_template(&db, &holistic, 1.0)
        .await
        .expect("same as built in");
    assert!(templates::imported_templates(&db)
        .await
        .expect("list")
        .is_empty());
    let mut changed = holistic.clone();
    changed.title = "My holistic".into();
    let err = templates::save_template(&db, &changed, 1.0)
        .await
        .expect_err("clashes with the built-in one");
    assert_eq!(
        err,
        AppError::TemplateClash {
            key: "holistic-12@1".into()
        }
    );
    assert!(templates::imported_templates(&db)
        .await
        .expect("list")
        .is_empty());
    finish(db).await;
}

#[wasm_bindgen_test]
async fn imported_templates_save_list_find_and_refuse_a_different_one_under_the_same_key() {
    let db = open_fresh("templates").await;
    let v1 = local_template("local-6", 1, "Local wellbeing");
    let mut v2 = local_template("local-6", 2, "Local wellbeing");
    v2.areas[0].title = "Health and body".into();
    let other = local_template("carers", 1, "Carers check-in");
    for t in [&v2, &other, &v1] {
        templates::save_template(&db, t, 1_700_000_000_000.0)
            .await
            .expect("save");
    }

    assert_eq!(
        templates::imported_templates(&db).await.expect("list"),
        vec![other.clone(), v1.clone(), v2.clone()],
        "by title, then version"
    );
    assert_eq!(
        templates::find_template(&db, "local-6", 1)
            .await
            .expect("v1"),
        Some(v1.clone())
    );
    assert_eq!(
        templates::find_template(&db, "local-6", 0)
            .await
            .expect("0 is 1"),
        Some(v1.clone())
    );
    assert_eq!(
        templates::find_template(&db, "local-6", 2)
            .await
            .expect("v2"),
        Some(v2.clone())
    );
    assert_eq!(
        templates::find_template(&db, "local-6", 3)
            .await
            .expect("v3"),
        None
    );

    // A different template under an existing id and version is refused,
    // and the stored one is unchanged.
    let mut clash = v1.clone();
    clash.areas[1].concerns.push("Something new".into());
    let err = templates::save_template(&db, &clash, 1_800_000_000_000.0)
        .await
        .expect_err("refused");
    assert_eq!(
        err,
        AppError::TemplateClash {
            key: "local-6@1".into()
        }
    );
    assert_eq!(
        err.user_message(),
        "A different template with this id and version is already on this device. Give the new one a higher version number."
    );
    assert_eq!(
        templates::find_template(&db, "local-6", 1)
            .await
            .expect("still v1"),
        Some(v1.clone())
    );

    // The same template again (also with version 0, which is 1) is fine.
    templates::save_template(&db, &v1, 1_800_000_000_000.0)
        .await
        .expect("identical again");
    let unversioned = Template {
        version: 0,
        ..v1.clone()
    };
    templates::save_template(&db, &unversioned, 1_800_000_000_000.0)
        .await
        .expect("version 0 is version 1");
    assert_eq!(
        templates::imported_templates(&db).await.expect("list"),
        vec![other, v1, v2]
    );

    // A template first saved as version 0 is kept, and found, as version 1.
    let fresh = local_template("walking", 0, "Walking group");
    templates::save_template(&db, &fresh, 1.0)
        .await
        .expect("save version 0");
    assert_eq!(
        templates::find_template(&db, "walking", 1)
            .await
            .expect("find"),
        Some(Template {
            version: 1,
            ..fresh
        })
    );
    finish(db).await;
}

// ---------------------------------------------------------------- next review

#[wasm_bindgen_test]
async fn save_plan_keeps_next_review_from_the_newest_plan() {
    let db = open_fresh("next-review").await;
    let ada = person("p1", "Ada");
    let bo = person("p2", "Bo");
    people::save_person(&db, &ada).await.expect("save Ada");
    people::save_person(&db, &bo).await.expect("save Bo");
    let review_of = |p: Option<Person>| p.map(|p| p.next_review);
    let plan_with = |id: &str, created_at: f64, review: &str| Plan {
        review_date: review.into(),
        ..plan(id, "p1", created_at)
    };

    plans::save_plan(&db, &plan_with("pl-2", 2_000.0, "2025-06-01"))
        .await
        .expect("first plan");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get"),
        Some(Person {
            next_review: "2025-06-01".into(),
            ..ada.clone()
        }),
        "only next_review changes"
    );

    // An older plan with another review date does not change it.
    plans::save_plan(&db, &plan_with("pl-1", 1_000.0, "2025-01-15"))
        .await
        .expect("older plan");
    assert_eq!(
        review_of(people::get_person(&db, "p1").await.expect("get")),
        Some("2025-06-01".into())
    );

    // A newer plan does.
    plans::save_plan(&db, &plan_with("pl-3", 3_000.0, "2025-09-01"))
        .await
        .expect("newer plan");
    assert_eq!(
        review_of(people::get_person(&db, "p1").await.expect("get")),
        Some("2025-09-01".into())
    );

    // Editing the newest plan counts with its new content, including
    // clearing the date; editing an older one does not.
    plans::save_plan(&db, &plan_with("pl-3", 3_000.0, "2025-10-15"))
        .await
        .expect("edit newest");
    assert_eq!(
        review_of(people::get_person(&db, "p1").await.expect("get")),
        Some("2025-10-15".into())
    );
    plans::save_plan(&db, &plan_with("pl-2", 2_000.0, "2026-01-01"))
        .await
        .expect("edit older");
    assert_eq!(
        review_of(people::get_person(&db, "p1").await.expect("get")),
        Some("2025-10-15".into())
    );
    plans::save_plan(&db, &plan_with("pl-3", 3_000.0, ""))
        .await
        .expect("clear newest");
    assert_eq!(
        review_of(people::get_person(&db, "p1").await.expect("get")),
        Some(String::new())
    );
    assert_eq!(
        plans::get_plan(&db, "pl-3").await.expect("get plan"),
        Some(plan_with("pl-3", 3_000.0, "")),
        "the plan itself is saved too"
    );

    // Other people are untouched.
    assert_eq!(
        people::get_person(&db, "p2").await.expect("get Bo"),
        Some(bo)
    );

    // A plan for someone not on this device still saves, and creates no one.
    let orphan = plan("pl-ghost", "ghost", 4_000.0);
    plans::save_plan(&db, &orphan).await.expect("orphan plan");
    assert_eq!(
        plans::get_plan(&db, "pl-ghost").await.expect("get orphan"),
        Some(orphan)
    );
    assert_eq!(
        people::get_person(&db, "ghost").await.expect("get ghost"),
        None
    );
    assert_eq!(people::list_people(&db).await.expect("list").len(), 2);
    finish(db).await;
}

/// A record from JSON, with the string fields in `changes` set on it after.
fn old_record(json: &str, changes: &[(&str, &str)]) -> JsValue {
    let record = plain(json);
    for (key, value) in changes {
        js_sys::Reflect::set(&record, &(*key).into(), &(*value).into()).expect("set field");
    }
    record
}

/// A stored record exactly as IndexedDB keeps it, as JSON (fields in order).
async fn raw_json(db: &Storage, store_name: &str, id: &str) -> Option<String> {
    let tx = db
        .database()
        .transaction(store_name)
        .build()
        .expect("readonly transaction");
    let store = tx.object_store(store_name).expect("store");
    let found = store
        .get::<JsValue, _, _>(id)
        .primitive()
        .expect("request")
        .await
        .expect("get");
    found.as_ref().map(json_of)
}

fn json_of(js: &JsValue) -> String {
    js_sys::JSON::stringify(js)
        .expect("stringify")
        .as_string()
        .expect("a string")
}

/// Version 1 people as that release wrote them: Ada with two plans (the
/// newer one under the higher id), Bo with none, Cy with two plans made at
/// the same moment (the lower id counts as newest), plus a plan for someone
/// not on this device.
async fn version_1_caseload(name: &str) {
    let old = schema::open_at(name, 1).await.expect("open at version 1");
    let plan_json = |id: &str, person_id: &str, created_at: u64, review: &str| {
        plain(&format!(
            r#"{{"id":"{id}","person_id":"{person_id}","assessment_id":"a-for-{id}",
              "what_matters":"Getting out of the house","review_date":"{review}",
              "goals":[],"created_at":{created_at},"updated_at":{created_at}}}"#
        ))
    };
    let mut batch = Batch::new();
    batch
        .put_raw(PEOPLE, plain(OLD_PERSON))
        .put_raw(
            PEOPLE,
            old_record(OLD_PERSON, &[("id", "p2"), ("preferred_name", "Bo")]),
        )
        .put_raw(
            PEOPLE,
            old_record(OLD_PERSON, &[("id", "p3"), ("preferred_name", "Cy")]),
        )
        // Ada: the newer plan has the higher id, and is stored second.
        .put_raw(PLANS, plan_json("pl-a", "p1", 1_000, "2025-01-15"))
        .put_raw(PLANS, plan_json("pl-b", "p1", 2_000, "2025-06-01"))
        // Cy: a tie on created_at; pl-c (the lower id) is the newest.
        .put_raw(PLANS, plan_json("pl-d", "p3", 5_000, "2025-12-24"))
        .put_raw(PLANS, plan_json("pl-c", "p3", 5_000, "2025-08-08"))
        .put_raw(PLANS, plan_json("pl-ghost", "ghost", 9_000, "2030-01-01"));
    batch.commit(&old).await.expect("write version 1 records");
    old.close();
}

/// Upgrading from version 1 fills in `next_review` from each person's newest
/// plan, changing nothing else in any record.
#[wasm_bindgen_test]
async fn upgrade_from_version_1_fills_in_next_review_from_the_newest_plan() {
    let name = fresh_name("backfill");
    version_1_caseload(&name).await;
    let plans_before = {
        let old = schema::open_at(&name, 1)
            .await
            .expect("reopen at version 1");
        let mut all = Vec::new();
        for id in ["pl-a", "pl-b", "pl-c", "pl-d", "pl-ghost"] {
            all.push(raw_json(&old, PLANS, id).await.expect("plan stored"));
        }
        old.close();
        all
    };

    let db = Storage::open(&name).await.expect("upgrade");
    assert_eq!(db.database().version(), 3.0);

    let ada = people::get_person(&db, "p1").await.expect("get Ada");
    assert_eq!(
        ada.map(|p| p.next_review),
        Some("2025-06-01".to_string()),
        "Ada's newest plan by created_at"
    );
    let cy = people::get_person(&db, "p3").await.expect("get Cy");
    assert_eq!(
        cy.map(|p| p.next_review),
        Some("2025-08-08".to_string()),
        "a tie goes to the lower id"
    );
    let bo = people::get_person(&db, "p2").await.expect("get Bo");
    assert_eq!(bo.map(|p| p.next_review), Some(String::new()), "no plans");

    // Every other field, as stored: the old records plus `next_review` only.
    assert_eq!(
        raw_json(&db, PEOPLE, "p1").await,
        Some(json_of(&old_record(
            OLD_PERSON,
            &[("next_review", "2025-06-01")]
        )))
    );
    assert_eq!(
        raw_json(&db, PEOPLE, "p3").await,
        Some(json_of(&old_record(
            OLD_PERSON,
            &[
                ("id", "p3"),
                ("preferred_name", "Cy"),
                ("next_review", "2025-08-08")
            ]
        )))
    );
    assert_eq!(
        raw_json(&db, PEOPLE, "p2").await,
        Some(json_of(&old_record(
            OLD_PERSON,
            &[("id", "p2"), ("preferred_name", "Bo")]
        ))),
        "someone with no plans is not rewritten"
    );
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get Ada"),
        Some(Person {
            last_assessed: "2024-11-05".into(),
            next_review: "2025-06-01".into(),
            ..person("p1", "Ada")
        }),
        "the model reads it back with nothing else changed"
    );

    // Plans are untouched, and a plan for someone not here creates no one.
    let mut plans_after = Vec::new();
    for id in ["pl-a", "pl-b", "pl-c", "pl-d", "pl-ghost"] {
        plans_after.push(raw_json(&db, PLANS, id).await.expect("plan stored"));
    }
    assert_eq!(plans_after, plans_before);
    assert_eq!(people::get_person(&db, "ghost").await.expect("ghost"), None);
    assert_eq!(people::list_people(&db).await.expect("list").len(), 3);
    finish(db).await;
}

/// The backfill runs only on the upgrade from version 1: opening a database
/// that is already at version 2 leaves `next_review` as it is, whether it
/// was upgraded before or made new.
#[wasm_bindgen_test]
async fn opening_a_version_2_database_does_not_fill_in_next_review() {
    // Upgraded once, then changed: the next open does not redo it.
    let name = fresh_name("backfill-once");
    version_1_caseload(&name).await;
    let db = Storage::open(&name).await.expect("upgrade");
    let ada = people::get_person(&db, "p1")
        .await
        .expect("get Ada")
        .expect("Ada");
    assert_eq!(ada.next_review, "2025-06-01", "the upgrade filled it in");
    let deliberately = Person {
        next_review: "2031-02-03".into(),
        ..ada
    };
    people::save_person(&db, &deliberately)
        .await
        .expect("set another date");
    db.close();
    let db = Storage::open(&name).await.expect("reopen");
    assert_eq!(
        people::get_person(&db, "p1").await.expect("get Ada"),
        Some(deliberately),
        "reopening does not fill it in again"
    );
    finish(db).await;

    // Made at version 2: a plan written without save_plan leaves the
    // person's date alone, and so does opening again.
    let name = fresh_name("backfill-new");
    let db = Storage::open(&name).await.expect("new database");
    let bo = Person {
        next_review: "2031-02-03".into(),
        ..person("p2", "Bo")
    };
    let mut batch = Batch::new();
    batch
        .put(PEOPLE, &bo)
        .expect("queue Bo")
        .put(PLANS, &plan("pl-1", "p2", 1_000.0))
        .expect("queue plan");
    batch.commit(&db).await.expect("write directly");
    db.close();
    let db = Storage::open(&name).await.expect("reopen");
    assert_eq!(
        people::get_person(&db, "p2").await.expect("get Bo"),
        Some(bo)
    );
    finish(db).await;
}

// ---------------------------------------------------------------- batch

#[wasm_bindgen_test]
async fn batch_with_an_invalid_record_fails_and_writes_nothing() {
    let db = open_fresh("batch-fail").await;
    let err = failing_batch(&db).await;
    assert!(
        matches!(
            err,
            AppError::Storage {
                action: "save the records",
                ..
            }
        ),
        "unexpected error: {err:?}"
    );

    assert_eq!(
        people::get_person(&db, "p-batch").await.expect("get"),
        None,
        "no half-write"
    );
    assert!(people::list_people(&db).await.expect("list").is_empty());
    assert_eq!(
        assessments::get_assessment(&db, "a-batch")
            .await
            .expect("get"),
        None
    );
    assert!(plans::plans_for(&db, "p-batch")
        .await
        .expect("plans")
        .is_empty());

    // The connection is still usable after the rollback.
    people::save_person(&db, &person("p1", "Ada"))
        .await
        .expect("save after failure");
    assert_eq!(people::list_people(&db).await.expect("list").len(), 1);
    finish(db).await;
}

#[wasm_bindgen_test]
async fn batch_across_two_stores_commits_both() {
    let db = open_fresh("batch-ok").await;
    assert!(Batch::new().is_empty());
    Batch::new()
        .commit(&db)
        .await
        .expect("an empty batch is a no-op");

    let ada = person("p1", "Ada");
    let a = assessment("a1", "p1", 1.0);
    let mut batch = Batch::new();
    batch
        .put(PEOPLE, &ada)
        .expect("queue person")
        .put(ASSESSMENTS, &a)
        .expect("queue assessment");
    assert_eq!(batch.len(), 2);
    batch.commit(&db).await.expect("commit");

    assert_eq!(
        people::get_person(&db, "p1").await.expect("get person"),
        Some(ada)
    );
    assert_eq!(
        assessments::get_assessment(&db, "a1")
            .await
            .expect("get assessment"),
        Some(a)
    );
    finish(db).await;
}

// ---------------------------------------------------------------- settings

#[wasm_bindgen_test]
async fn worker_settings_default_blank_then_round_trip() {
    let db = open_fresh("settings").await;
    assert_eq!(
        settings::get_worker(&db).await.expect("fresh"),
        WorkerProfile::default()
    );

    let me = WorkerProfile {
        name: "Sam Link".into(),
        organisation: "Northside PCN".into(),
        phone: "0113 496 0000".into(),
    };
    settings::save_worker(&db, &me).await.expect("save");
    assert_eq!(settings::get_worker(&db).await.expect("get"), me);

    let changed = WorkerProfile {
        phone: String::new(),
        ..me
    };
    settings::save_worker(&db, &changed)
        .await
        .expect("save again");
    assert_eq!(settings::get_worker(&db).await.expect("get again"), changed);
    finish(db).await;
}

// ---------------------------------------------------------------- errors

#[wasm_bindgen_test]
async fn storage_errors_show_plain_words_but_keep_the_cause() {
    let db = open_fresh("errors").await;
    let err = failing_batch(&db).await;

    let shown = err.user_message();
    assert!(
        shown.starts_with("Sorry, we could not save the records."),
        "{shown}"
    );
    for js_detail in [
        "DataError",
        "DOMException",
        "IDB",
        "key path",
        "keyPath",
        "Failed to execute",
        "JsValue",
        "undefined",
    ] {
        assert!(
            !shown.contains(js_detail),
            "user message shows {js_detail:?}: {shown}"
        );
    }

    let full = err.to_string();
    assert!(full.starts_with("could not save the records: "), "{full}");
    assert!(
        full.contains("DataError"),
        "the cause is kept for the console: {full}"
    );
    finish(db).await;
}
