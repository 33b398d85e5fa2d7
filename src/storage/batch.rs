//! Several writes across stores in one transaction: all land, or none do.

use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::{fail, Storage};
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
        let js = serde_wasm_bindgen::to_value(value).map_err(fail("prepare the records"))?;
        Ok(self.put_raw(store, js))
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
        const ACTION: &str = "save the records";
        if self.puts.is_empty() {
            return Ok(());
        }
        let mut names: Vec<&str> = self.puts.iter().map(|(s, _)| *s).collect();
        names.sort_unstable();
        names.dedup();
        let tx = db.tx(&names, TransactionMode::Readwrite, ACTION)?;
        for (name, value) in self.puts {
            let store = tx.object_store(name).map_err(fail(ACTION))?;
            store
                .put(value)
                .primitive()
                .map_err(fail(ACTION))?
                .await
                .map_err(fail(ACTION))?;
        }
        tx.commit().await.map_err(fail(ACTION))
    }
}
