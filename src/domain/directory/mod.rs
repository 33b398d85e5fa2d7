//! The community directory: local activities and services kept on the
//! device, with no personal data in them. `Service` is one entry.
//!
//! - `categories.rs`: the directory's categories (the holistic template's
//!   life areas) and how other templates' areas map onto them.
//! - `filter.rs`: search as you type, filters, "possibly out of date".
//! - `oruk.rs`: Open Referral UK JSON import and export.
//! - `csv.rs`: CSV import and export with documented column names.
//! - `import.rs`: the preview of an import (new, updated, rejected rows).
//! - `sample.rs`: a small, clearly fictional directory for demos.

pub mod categories;
pub mod csv;
pub mod filter;
pub mod import;
pub mod oruk;
pub mod sample;

use serde::{Deserialize, Serialize};

pub use categories::*;
pub use filter::*;

/// Whether a service takes referrals from a link worker, or the person
/// contacts it themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferralType {
    TakesReferrals,
    #[default]
    SignpostOnly,
}

impl ReferralType {
    pub const fn label(self) -> &'static str {
        match self {
            ReferralType::TakesReferrals => "Takes referrals",
            ReferralType::SignpostOnly => "Signpost only",
        }
    }
}

/// One activity or service in the directory. Optional text is `""`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// Made on this device, or the Open Referral UK `id` of an imported
    /// entry, so importing the same service again updates it.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub organisation: String,
    /// Category ids from [`CATEGORIES`] (the holistic life areas).
    #[serde(default)]
    pub categories: Vec<String>,
    /// Takes place online (there may still be an address).
    #[serde(default)]
    pub online: bool,
    /// The address on one or more lines, postcode included.
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// Shown as text and never loaded.
    #[serde(default)]
    pub website: String,
    /// Days and times in words: "Tuesdays, 10am to 12 noon".
    #[serde(default)]
    pub times: String,
    /// Free to use. When false, `cost` says how much.
    #[serde(default)]
    pub free: bool,
    /// What it costs in words: "£3 a session".
    #[serde(default)]
    pub cost: String,
    #[serde(default)]
    pub min_age: Option<u8>,
    #[serde(default)]
    pub max_age: Option<u8>,
    /// Who it is for, in words: "Carers", "People over 50".
    #[serde(default)]
    pub eligibility: String,
    #[serde(default)]
    pub accessibility: String,
    #[serde(default)]
    pub referral: ReferralType,
    /// `YYYY-MM-DD` the details were last checked, or empty.
    #[serde(default)]
    pub last_checked: String,
    #[serde(default)]
    pub favourite: bool,
    /// Part of the fictional sample directory, removed with it.
    #[serde(default)]
    pub sample: bool,
    #[serde(default)]
    pub updated_at: crate::domain::Millis,
}

impl Service {
    /// "Free", or the cost in words, or "" when nothing is known.
    pub fn cost_text(&self) -> String {
        if self.free {
            "Free".into()
        } else {
            self.cost.clone()
        }
    }

    /// "Ages 18 to 65", "Ages 50 and over", "Up to age 16", or "".
    pub fn ages_text(&self) -> String {
        match (self.min_age, self.max_age) {
            (Some(a), Some(b)) => format!("Ages {a} to {b}"),
            (Some(a), None) => format!("Ages {a} and over"),
            (None, Some(b)) => format!("Up to age {b}"),
            (None, None) => String::new(),
        }
    }

    /// Where: the address, "Online", or both.
    pub fn place_text(&self) -> String {
        match (self.online, self.address.trim().is_empty()) {
            (true, true) => "Online".into(),
            (true, false) => format!("Online, and at {}", self.address.trim()),
            (false, _) => self.address.trim().to_string(),
        }
    }
}
