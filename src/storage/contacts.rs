//! A person's contact log: one record per contact, in its own store,
//! found through the `by_person` index.

use super::schema::CONTACTS;
use super::{delete_one, list_by_person, put_one, Storage};
use crate::domain::order::newest_contacts_first;
use crate::domain::Contact;
use crate::error::AppError;

/// Adds or replaces a contact; resolves once committed.
pub async fn save_contact(db: &Storage, c: &Contact) -> Result<(), AppError> {
    put_one(db, CONTACTS, c, "save the contact").await
}

/// A person's contacts, newest first: by date, then the one written down
/// later first, then by id.
pub async fn contacts_for(db: &Storage, person_id: &str) -> Result<Vec<Contact>, AppError> {
    let mut list: Vec<Contact> =
        list_by_person(db, CONTACTS, person_id, "load the contacts").await?;
    newest_contacts_first(&mut list);
    Ok(list)
}

/// Deletes one contact. Deleting one that is not there is not an error.
pub async fn delete_contact(db: &Storage, id: &str) -> Result<(), AppError> {
    delete_one(db, CONTACTS, id, "delete the contact").await
}
