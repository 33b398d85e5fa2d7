//! Several writes across stores in one transaction: all land, or none do.

use indexed_db_futures::transaction::TransactionMode;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::{put_all, to_js, Storage};
use crate::error::AppError;

#[derive(Default)]
pub struct Batch {
    puts: Vec<(&'static str, JsValue)>,
}

impl Batch {
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues a record for `store`. Fails only if the value cannot be turned
    /// into a JavaScript object.
    pub fn put<T: Serialize>(
        &mut self,
        store: &'static str,
        value: &T,
    ) -> Result<&mut Self, AppError> {
        Ok(self.put_raw(store, to_js(value, "prepare the records")?))
    }

    /// Queues an already-built JavaScript value.
    pub fn put_raw(&mut self, store: &'static str, value: JsValue) -> &mut Self {
        self.puts.push((store, value));
        self
    }

    pub fn len(&self) -> usize {
        self.puts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.puts.is_empty()
    }

    /// Writes everything in one transaction. If any write fails the
    /// transaction is rolled back and nothing is saved.
    pub async fn commit(self, db: &Storage) -> Result<(), AppError> {
        self.commit_for(db, "save the records").await
    }

    /// [`Batch::commit`], with `action` naming what failed in the message.
    /// Personal records are sealed first, before the transaction opens
    /// (`seal::seal`): while locked they are refused and nothing is written.
    pub async fn commit_for(self, db: &Storage, action: &'static str) -> Result<(), AppError> {
        if self.puts.is_empty() {
            return Ok(());
        }
        let puts = super::seal::seal(self.puts, action).await?;
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in &puts {
            if !names.contains(name) {
                names.push(name);
            }
        }
        let tx = db.tx(&names, TransactionMode::Readwrite, action)?;
        put_all(&tx, puts, action)?;
        super::commit(tx, action).await
    }
}
