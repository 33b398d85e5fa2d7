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
    /// Who referred the person: one of [`REFERRAL_SOURCES`], or older free text.
    #[serde(default)]
    pub referral_source: String,
    /// `YYYY-MM-DD` the referral was received, or empty.
    #[serde(default)]
    pub referral_date: String,
    #[serde(default)]
    pub referral_reason: String,
    /// The person agreed to their information being kept on this device.
    #[serde(default)]
    pub consent_given: bool,
    #[serde(default)]
    pub consent_date: String,
    #[serde(default)]
    pub consent_note: String,
    /// A safeguarding or risk concern, shown on the person page and caseload.
    #[serde(default)]
    pub risk_flag: bool,
    #[serde(default)]
    pub risk_note: String,
    /// Set when the episode is closed; `None` while it is open.
    #[serde(default)]
    pub closed: Option<Closure>,
    /// `YYYY-MM-DD` review date of the person's latest plan, kept here (and
    /// updated with the plan, in one transaction) so the caseload can sort
    /// by it without reading every plan.
    #[serde(default)]
    pub next_review: String,
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

/// Who can refer a person, as the referral form offers them.
pub const REFERRAL_SOURCES: [&str; 6] = [
    "GP",
    "Practice nurse",
    "Self-referral",
    "Community group",
    "Hospital",
    "Other",
];

/// How an episode ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    GoalsMet,
    MovedToAnotherService,
    ChoseToStop,
    LostContact,
    #[default]
    Other,
}

impl Outcome {
    pub const ALL: [Outcome; 5] = [
        Outcome::GoalsMet,
        Outcome::MovedToAnotherService,
        Outcome::ChoseToStop,
        Outcome::LostContact,
        Outcome::Other,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Outcome::GoalsMet => "Goals met",
            Outcome::MovedToAnotherService => "Moved to another service",
            Outcome::ChoseToStop => "The person chose to stop",
            Outcome::LostContact => "Lost contact",
            Outcome::Other => "Other",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Closure {
    #[serde(default)]
    pub outcome: Outcome,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub note: String,
}

/// How a contact with the person happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    #[default]
    FaceToFace,
    Phone,
    Video,
    HomeVisit,
    Group,
}

impl ContactKind {
    pub const ALL: [ContactKind; 5] = [
        ContactKind::FaceToFace,
        ContactKind::Phone,
        ContactKind::Video,
        ContactKind::HomeVisit,
        ContactKind::Group,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ContactKind::FaceToFace => "Face to face",
            ContactKind::Phone => "Phone",
            ContactKind::Video => "Video",
            ContactKind::HomeVisit => "Home visit",
            ContactKind::Group => "Group",
        }
    }
}

/// One entry in a person's contact log (its own store, indexed by person).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub person_id: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub kind: ContactKind,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub created_at: Millis,
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
    /// The version of the template the assessment was taken with, so it
    /// still displays as it was after the template changes. 0 in records
    /// saved before templates had versions (read as version 1).
    #[serde(default)]
    pub template_version: u32,
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
    /// ONS4 personal wellbeing answers, 0 to 10 each, in the ONS order
    /// (satisfied, worthwhile, happy, anxious). `None` is "not answered".
    #[serde(default)]
    pub ons4: [Option<u8>; 4],
    /// UCLA 3-item loneliness answers, 1 to 3 each.
    #[serde(default)]
    pub ucla3: [Option<u8>; 3],
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
    pub const fn label(self) -> &'static str {
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
    #[serde(default)]
    pub status: GoalStatus,
    /// Dated review notes, oldest first; the history is never rewritten.
    #[serde(default)]
    pub reviews: Vec<GoalReview>,
    /// Directory services attached to the goal, in the order attached.
    #[serde(default)]
    pub services: Vec<GoalService>,
}

/// How the person was connected to a service.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// The person was told about it and will contact it themselves.
    #[default]
    Signposted,
    /// The link worker made a referral.
    Referred,
}

impl Connection {
    pub const fn label(self) -> &'static str {
        match self {
            Connection::Signposted => "Signposted",
            Connection::Referred => "Referred",
        }
    }
}

/// Where a person is with a service they were connected to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    #[default]
    Suggested,
    Referred,
    Attended,
    StillAttending,
    Declined,
    NotSuitable,
}

impl ServiceStatus {
    pub const ALL: [ServiceStatus; 6] = [
        ServiceStatus::Suggested,
        ServiceStatus::Referred,
        ServiceStatus::Attended,
        ServiceStatus::StillAttending,
        ServiceStatus::Declined,
        ServiceStatus::NotSuitable,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ServiceStatus::Suggested => "Suggested",
            ServiceStatus::Referred => "Referred",
            ServiceStatus::Attended => "Attended",
            ServiceStatus::StillAttending => "Still attending",
            ServiceStatus::Declined => "Declined",
            ServiceStatus::NotSuitable => "Not suitable",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ServiceStatus::Suggested => "suggested",
            ServiceStatus::Referred => "referred",
            ServiceStatus::Attended => "attended",
            ServiceStatus::StillAttending => "still_attending",
            ServiceStatus::Declined => "declined",
            ServiceStatus::NotSuitable => "not_suitable",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// A dated status of an attached service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceUpdate {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub status: ServiceStatus,
}

/// A directory service attached to a goal. The service's details are copied
/// when it is attached, so the plan still prints them if the directory
/// entry is later changed or deleted; the directory's copy is used while
/// it exists.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoalService {
    #[serde(default)]
    pub service: crate::domain::directory::Service,
    #[serde(default)]
    pub connection: Connection,
    /// Oldest first; the last is the current status.
    #[serde(default)]
    pub history: Vec<ServiceUpdate>,
}

impl GoalService {
    pub fn status(&self) -> ServiceStatus {
        self.history.last().map(|u| u.status).unwrap_or_default()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    NotStarted,
    InProgress,
    Achieved,
    NoLongerRelevant,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::NotStarted,
        GoalStatus::InProgress,
        GoalStatus::Achieved,
        GoalStatus::NoLongerRelevant,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started",
            GoalStatus::InProgress => "In progress",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::NoLongerRelevant => "No longer relevant",
        }
    }
}

/// A dated note on a goal, with the status it was given then.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoalReview {
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub status: GoalStatus,
    #[serde(default)]
    pub note: String,
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
