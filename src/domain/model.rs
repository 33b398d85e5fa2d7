//! Records kept on the device. Every record is a plain serde struct; optional
//! text is an empty string rather than `None` so forms stay simple.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, as JavaScript's `Date.now()` gives it.
pub type Millis = f64;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub id: String,
    pub preferred_name: String,
    pub full_name: String,
    /// `YYYY-MM-DD` or empty.
    pub date_of_birth: String,
    pub pronouns: String,
    pub phone: String,
    pub email: String,
    pub referral_source: String,
    pub note: String,
    /// Date (`YYYY-MM-DD`) of the latest assessment, kept here so the
    /// caseload can list people without reading every assessment.
    pub last_assessed: String,
    pub created_at: Millis,
    pub updated_at: Millis,
}

/// One life area's answers in an assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    pub area_id: String,
    /// `None` means "not scored", which is never the same as 0.
    pub score: Option<u8>,
    /// Concerns ticked from the template's list, in the list's order.
    pub concerns: Vec<String>,
    /// Concerns the person added in their own words.
    pub own_concerns: Vec<String>,
    pub what_matters: String,
    pub wants_support: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub id: String,
    pub person_id: String,
    pub template_id: String,
    /// `YYYY-MM-DD` the assessment was started.
    pub date: String,
    /// Zero-based step the person was last on, so a reload resumes there.
    pub current_step: usize,
    pub answers: Vec<Answer>,
    /// Up to three life area ids to work on first.
    pub priorities: Vec<String>,
    pub completed: bool,
    pub created_at: Millis,
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
#[serde(default)]
pub struct Goal {
    pub id: String,
    pub area_id: String,
    /// The goal in the person's own words.
    pub text: String,
    pub first_step: String,
    pub who_can_help: String,
    /// `YYYY-MM-DD` or empty.
    pub target_date: String,
    pub term: Term,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub id: String,
    pub person_id: String,
    /// The assessment the plan was agreed after.
    pub assessment_id: String,
    pub what_matters: String,
    pub goals: Vec<Goal>,
    /// `YYYY-MM-DD` or empty.
    pub review_date: String,
    pub created_at: Millis,
    pub updated_at: Millis,
}

/// The link worker's own details, set once in Settings and shown on plans.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkerProfile {
    pub name: String,
    pub organisation: String,
    pub phone: String,
}
