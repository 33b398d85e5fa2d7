//! Records kept on the device. Every record is a plain serde struct; optional
//! text is an empty string rather than `None` so forms stay simple.
//!
//! Every field has `#[serde(default)]`, so records saved before a field
//! existed still load. It is written per field rather than once per struct:
//! the result is the same, and serde's code for it is much smaller.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, as JavaScript's `Date.now()` gives it.
pub type Millis = f64;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub preferred_name: String,
    #[serde(default)]
    pub full_name: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub pronouns: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub referral_source: String,
    #[serde(default)]
    pub note: String,
    /// Date (`YYYY-MM-DD`) of the latest assessment, kept here so the
    /// caseload can list people without reading every assessment.
    #[serde(default)]
    pub last_assessed: String,
    #[serde(default)]
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Millis,
}

/// One life area's answers in an assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(default)]
    pub area_id: String,
    /// `None` means "not scored", which is never the same as 0.
    #[serde(default)]
    pub score: Option<u8>,
    /// Concerns ticked from the template's list, in the list's order.
    #[serde(default)]
    pub concerns: Vec<String>,
    /// Concerns the person added in their own words.
    #[serde(default)]
    pub own_concerns: Vec<String>,
    #[serde(default)]
    pub what_matters: String,
    #[serde(default)]
    pub wants_support: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub person_id: String,
    #[serde(default)]
    pub template_id: String,
    /// `YYYY-MM-DD` the assessment was started.
    #[serde(default)]
    pub date: String,
    /// Zero-based step the person was last on, so a reload resumes there.
    #[serde(default)]
    pub current_step: usize,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Up to three life area ids to work on first.
    #[serde(default)]
    pub priorities: Vec<String>,
    #[serde(default)]
    pub completed: bool,
    #[serde(default)]
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Millis,
}

impl Assessment {
    pub fn answer(&self, area_id: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.area_id == area_id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    #[default]
    Short,
    Long,
}

impl Term {
    pub fn label(self) -> &'static str {
        match self {
            Term::Short => "Short-term",
            Term::Long => "Long-term",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub area_id: String,
    /// The goal in the person's own words.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub first_step: String,
    #[serde(default)]
    pub who_can_help: String,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub target_date: String,
    #[serde(default)]
    pub term: Term,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub person_id: String,
    /// The assessment the plan was agreed after.
    #[serde(default)]
    pub assessment_id: String,
    #[serde(default)]
    pub what_matters: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// `YYYY-MM-DD` or empty.
    #[serde(default)]
    pub review_date: String,
    #[serde(default)]
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Millis,
}

/// The link worker's own details, set once in Settings and shown on plans.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkerProfile {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub phone: String,
}
