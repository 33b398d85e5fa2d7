//! People, and deleting a person with everything about them.

use indexed_db_futures::future::{BasicRequest, GetAllPrimitiveRequest};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::JsValue;

use super::schema::{ASSESSMENTS, BY_PERSON, CONTACTS, PEOPLE, PLANS, TEMPLATES};
use super::{all_from_js, fail, from_js, get_all, get_one, put_one, seal, Storage};
use crate::domain::order::newest_contacts_first;
use crate::domain::search::PersonRow;
use crate::domain::template::Template;
use crate::domain::{Assessment, Contact, Person};
use crate::error::AppError;

pub async fn list_people(db: &Storage) -> Result<Vec<Person>, AppError> {
    get_all(db, PEOPLE, "load the people on this device").await
}

/// Everyone on this device as the caseload lists them: only the fields of
/// each record that it shows or searches are read.
pub async fn list_rows(db: &Storage) -> Result<Vec<PersonRow>, AppError> {
    get_all(db, PEOPLE, "load the people on this device").await
}

pub async fn get_person(db: &Storage, id: &str) -> Result<Option<Person>, AppError> {
    get_one(db, PEOPLE, id, "load this person").await
}

/// A person and everything their page shows about them.
#[derive(Debug)]
pub struct PersonFile {
    pub person: Person,
    /// Newest first, as `assessments::assessments_for` lists them.
    pub assessments: Vec<Assessment>,
    /// The id of their newest plan, the one `plans::plans_for` lists first
    /// (the page only links to it).
    pub newest_plan: Option<String>,
    /// Newest first, as `contacts::contacts_for` lists them.
    pub contacts: Vec<Contact>,
    /// The imported templates (not the built-in ones), as
    /// `templates::imported_templates` lists them.
    pub templates: Vec<Template>,
}

/// The person `id` with their assessments, newest plan and contacts, and
/// the imported templates, or `None` if there is no such person. One
/// read-only transaction: every request is made when this is called, before
/// anything is awaited (the database works on them while the page draws),
/// and the database answers them all in one go, not one after another.
pub fn person_file(
    db: &Storage,
    id: &str,
) -> impl std::future::Future<Output = Result<Option<PersonFile>, AppError>> + 'static {
    let requested = request_person_file(db, id);
    async move {
        let (person, requests) = requested?;
        let person = person.await.map_err(fail(ACTION))?;
        let mut rows: [Vec<JsValue>; 4] = Default::default();
        for (list, request) in rows.iter_mut().zip(requests) {
            for row in request.await.map_err(fail(ACTION))? {
                list.push(row.map_err(fail(ACTION))?);
            }
        }
        let Some(person) = person else {
            return Ok(None);
        };
        // Sealed records are opened now the transaction is over.
        let [assessments, plans, contacts, templates] = rows;
        let person = from_js(seal::open_one(PEOPLE, person, ACTION).await?, ACTION)?;
        let mut assessments =
            all_from_js(seal::open(ASSESSMENTS, assessments, ACTION).await?, ACTION)?;
        super::assessments::newest_first(&mut assessments);
        let newest_plan = super::plans::newest(&plans)
            .and_then(|plan| super::plans::field(plan, "id").as_string());
        let mut contacts = all_from_js(seal::open(CONTACTS, contacts, ACTION).await?, ACTION)?;
        newest_contacts_first(&mut contacts);
        Ok(Some(PersonFile {
            person,
            assessments,
            newest_plan,
            contacts,
            templates: super::templates::from_rows(templates, ACTION)?,
        }))
    }
}

const ACTION: &str = "load this person";

type Requested = (
    BasicRequest<Option<JsValue>>,
    [GetAllPrimitiveRequest<JsValue>; 4],
);

/// [`person_file`]'s requests: the person, their assessments, plans and
/// contacts through `by_person`, and the imported templates. The
/// transaction is committed once they are made (a read-only one has nothing
/// to save; committing says no more requests are coming, and the answers to
/// these still arrive), so dropping it here cannot abort them.
fn request_person_file(db: &Storage, id: &str) -> Result<Requested, AppError> {
    use indexed_db_futures::internals::SystemRepr;
    let tx = db.tx(
        &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS, TEMPLATES],
        TransactionMode::Readonly,
        ACTION,
    )?;
    let store = |name| tx.object_store(name).map_err(fail(ACTION));
    let person = store(PEOPLE)?
        .get::<JsValue, _, _>(id)
        .primitive()
        .map_err(fail(ACTION))?;
    let by_person = |name| {
        store(name)?
            .index(BY_PERSON)
            .map_err(fail(ACTION))?
            .get_all::<JsValue>()
            .with_query(id)
            .primitive()
            .map_err(fail(ACTION))
    };
    let requests = [
        by_person(ASSESSMENTS)?,
        by_person(PLANS)?,
        by_person(CONTACTS)?,
        store(TEMPLATES)?
            .get_all::<JsValue>()
            .primitive()
            .map_err(fail(ACTION))?,
    ];
    use wasm_bindgen::JsCast;
    let sys: &ReadOnly = tx.as_sys().unchecked_ref();
    sys.commit()
        .map_err(|e| AppError::storage(ACTION, format!("{e:?}")))?;
    Ok((person, requests))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// An `IDBTransaction` whose requests have all been made.
    #[wasm_bindgen(extends = web_sys::IdbTransaction, js_name = IDBTransaction)]
    type ReadOnly;

    /// `commit()`, without waiting for it to complete.
    #[wasm_bindgen(catch, method)]
    fn commit(this: &ReadOnly) -> Result<(), JsValue>;
}

pub async fn save_person(db: &Storage, person: &Person) -> Result<(), AppError> {
    put_one(db, PEOPLE, person, "save this person").await
}

/// Deletes the person and every assessment, plan and contact about them, in
/// one transaction: all of it goes, or none of it.
pub async fn delete_person(db: &Storage, id: &str) -> Result<(), AppError> {
    const ACTION: &str = "delete this person";
    let tx = db.tx(
        &[PEOPLE, ASSESSMENTS, PLANS, CONTACTS],
        TransactionMode::Readwrite,
        ACTION,
    )?;
    for name in [ASSESSMENTS, PLANS, CONTACTS] {
        let store = tx.object_store(name).map_err(fail(ACTION))?;
        let index = store.index(BY_PERSON).map_err(fail(ACTION))?;
        let keys = index
            .get_all_keys::<String>()
            .with_query(id)
            .primitive()
            .map_err(fail(ACTION))?
            .await
            .map_err(fail(ACTION))?;
        for key in keys {
            let key = key.map_err(fail(ACTION))?;
            store
                .delete(key)
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
    }
    let people = tx.object_store(PEOPLE).map_err(fail(ACTION))?;
    people
        .delete(id)
        .primitive()
        .map_err(fail(ACTION))?
        .await
        .map_err(fail(ACTION))?;
    super::commit(tx, ACTION).await
}
