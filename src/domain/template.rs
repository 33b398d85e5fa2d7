//! Assessment templates are data: the life areas, their wording and their
//! concern lists live here, not in components, so more templates can be added.

use serde::{Deserialize, Serialize};

/// Bumped when the shape of [`Template`] changes.
pub const TEMPLATE_SCHEMA_VERSION: u32 = 1;

/// The kind of need a life area speaks to, as in a holistic needs assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Physical,
    Emotional,
    Social,
    Practical,
    Spiritual,
    Cultural,
}

// Every field has `#[serde(default)]` so an imported file with a field
// missing parses, and `problems()` can say in plain words what is missing.

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    #[serde(default)]
    pub min: u8,
    #[serde(default)]
    pub max: u8,
    #[serde(default)]
    pub min_label: String,
    #[serde(default)]
    pub max_label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LifeArea {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// A short line that helps the person think about the area.
    #[serde(default)]
    pub prompt: String,
    /// The score question for this area; empty means the template's.
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub need: Option<Need>,
    #[serde(default)]
    pub concerns: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Template {
    #[serde(default)]
    pub schema_version: u32,
    #[serde(default)]
    pub id: String,
    /// Bumped when the wording or areas change; assessments keep the
    /// version they were taken with. 0 is read as 1.
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The score question asked on every step.
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub scale: Scale,
    #[serde(default)]
    pub areas: Vec<LifeArea>,
    /// Outcome measures offered as optional extra steps: "ons4", "ucla3".
    #[serde(default)]
    pub measures: Vec<String>,
}

impl Template {
    /// The key a template is stored under: its id and version.
    pub fn key(&self) -> String {
        format!("{}@{}", self.id, self.version.max(1))
    }

    pub fn area(&self, id: &str) -> Option<&LifeArea> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn area_title<'a>(&'a self, id: &'a str) -> &'a str {
        self.area(id).map_or(id, |a| a.title.as_str())
    }

    /// Every problem that makes the template unusable, in plain words.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.id.trim().is_empty() {
            out.push("The template has no id.".to_string());
        }
        if self.title.trim().is_empty() {
            out.push("The template has no title.".to_string());
        }
        if self.areas.is_empty() {
            out.push("The template has no life areas.".to_string());
        }
        if self.scale.min >= self.scale.max {
            out.push("The score scale must go from a lower to a higher number.".to_string());
        }
        for (i, area) in self.areas.iter().enumerate() {
            if area.id.trim().is_empty() || area.title.trim().is_empty() {
                out.push(format!("Life area {} needs an id and a title.", i + 1));
            }
            if self.areas[..i].iter().any(|a| a.id == area.id) {
                out.push(format!("Two life areas share the id \"{}\".", area.id));
            }
            let mut seen: Vec<&str> = Vec::new();
            for c in &area.concerns {
                if c.trim().is_empty() || seen.contains(&c.as_str()) {
                    out.push(format!("{} has a blank or repeated concern.", area.title));
                }
                seen.push(c);
            }
        }
        out
    }
}

/// Id of the default template.
pub const HOLISTIC_ID: &str = "holistic-12";

/// (id, title, prompt, need, concerns), in our own words.
type AreaRow = (
    &'static str,
    &'static str,
    &'static str,
    Need,
    &'static [&'static str],
);

const HOLISTIC_AREAS: &[AreaRow] = &[
    (
        "physical-health",
        "Physical health",
        "Your body, pain, sleep, eating and any health conditions.",
        Need::Physical,
        &[
            "Pain",
            "Sleep",
            "Tiredness",
            "Eating and drinking",
            "Managing a health condition",
            "Medicines",
        ],
    ),
    (
        "mental-wellbeing",
        "Mental and emotional wellbeing",
        "How you feel in yourself from day to day.",
        Need::Emotional,
        &[
            "Feeling low",
            "Worry or stress",
            "Feeling lonely",
            "Grief or loss",
            "Confidence",
        ],
    ),
    (
        "friends-social",
        "Friends and social life",
        "Seeing people, having someone to talk to, feeling part of things.",
        Need::Social,
        &[
            "Not seeing people",
            "No one to talk to",
            "Getting out of the house",
            "Making new friends",
        ],
    ),
    (
        "family-relationships",
        "Family and relationships",
        "The people closest to you and how things are between you.",
        Need::Social,
        &[
            "Arguments or tension",
            "Caring for someone",
            "Being cared for",
            "Feeling unsafe at home",
        ],
    ),
    (
        "money-benefits",
        "Money and benefits",
        "Having enough money, and getting the help you are entitled to.",
        Need::Practical,
        &["Debt", "Paying bills", "Benefits", "Food", "Heating"],
    ),
    (
        "home-housing",
        "Home and housing",
        "Where you live and how safe and comfortable it feels.",
        Need::Practical,
        &[
            "Repairs",
            "Damp or cold",
            "Rent or mortgage",
            "Risk of losing my home",
            "Moving",
        ],
    ),
    (
        "work-learning",
        "Work, volunteering and learning",
        "Paid work, volunteering, courses and learning new things.",
        Need::Practical,
        &[
            "Finding work",
            "Stress at work",
            "Volunteering",
            "Learning or training",
            "Reading and writing",
        ],
    ),
    (
        "getting-active",
        "Getting active",
        "Moving more in a way that suits you.",
        Need::Physical,
        &[
            "Not sure where to start",
            "Mobility",
            "Cost of activities",
            "Getting there",
        ],
    ),
    (
        "daily-living",
        "Daily living and looking after yourself",
        "Washing, dressing, cooking, shopping and getting about.",
        Need::Practical,
        &[
            "Cooking",
            "Shopping",
            "Personal care",
            "Transport",
            "Keeping the home clean",
        ],
    ),
    (
        "hobbies-fun",
        "Hobbies, creativity and fun",
        "Things you enjoy doing or would like to try.",
        Need::Emotional,
        &[
            "Nothing to look forward to",
            "Lost interest",
            "Would like to try something new",
        ],
    ),
    (
        "faith-meaning",
        "Faith, meaning and purpose",
        "What gives your life meaning, including faith or beliefs if you have them.",
        Need::Spiritual,
        &[
            "Feeling without purpose",
            "Connecting with a faith group",
            "Big life changes",
        ],
    ),
    (
        "culture-community",
        "Culture, identity and community",
        "Feeling you belong, your language, your culture and who you are.",
        Need::Cultural,
        &[
            "Language",
            "Feeling I do not belong",
            "Discrimination",
            "Finding my community",
        ],
    ),
];

/// The default holistic needs assessment: twelve life areas scored 0 to 10.
pub fn holistic_template() -> Template {
    Template {
        schema_version: TEMPLATE_SCHEMA_VERSION,
        id: HOLISTIC_ID.to_string(),
        title: "Holistic needs and wheel of life".to_string(),
        description: "Twelve parts of life, each scored from 0 to 10, with worries, what matters and whether support is wanted."
            .to_string(),
        question: "How satisfied are you with this part of your life right now?".to_string(),
        scale: Scale {
            min: 0,
            max: 10,
            min_label: "not at all".to_string(),
            max_label: "completely".to_string(),
        },
        version: 1,
        measures: vec!["ons4".to_string(), "ucla3".to_string()],
        areas: HOLISTIC_AREAS
            .iter()
            .map(|(id, title, prompt, need, concerns)| LifeArea {
                id: (*id).to_string(),
                title: (*title).to_string(),
                prompt: (*prompt).to_string(),
                question: String::new(),
                need: Some(*need),
                concerns: concerns.iter().map(|c| (*c).to_string()).collect(),
            })
            .collect(),
    }
}

/// The templates built into this version of Linkwheel.
pub fn builtin_templates() -> Vec<Template> {
    vec![holistic_template()]
}

/// Finds a built-in template by id, falling back to the default one so an
/// assessment made with a template this build lacks still opens.
pub fn template_by_id(id: &str) -> Template {
    builtin_templates()
        .into_iter()
        .find(|t| t.id == id)
        .unwrap_or_else(holistic_template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_templates_are_valid() {
        for t in builtin_templates() {
            assert_eq!(t.problems(), Vec::<String>::new(), "{}", t.id);
        }
    }

    #[test]
    fn holistic_template_has_the_twelve_areas_in_order() {
        let t = holistic_template();
        let titles: Vec<&str> = t.areas.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles.len(), 12);
        assert_eq!(titles[0], "Physical health");
        assert_eq!(titles[4], "Money and benefits");
        assert_eq!(titles[11], "Culture, identity and community");
        assert_eq!((t.scale.min, t.scale.max), (0, 10));
        let money = t
            .area("money-benefits")
            .map(|a| a.concerns.clone())
            .unwrap_or_default();
        assert!(money.contains(&"Debt".to_string()) && money.contains(&"Paying bills".to_string()));
    }

    #[test]
    fn every_need_is_covered() {
        let t = holistic_template();
        for need in [
            Need::Physical,
            Need::Emotional,
            Need::Social,
            Need::Practical,
            Need::Spiritual,
            Need::Cultural,
        ] {
            assert!(t.areas.iter().any(|a| a.need == Some(need)), "{need:?}");
        }
    }

    #[test]
    fn problems_catch_duplicates_and_bad_scales() {
        let mut t = holistic_template();
        t.areas[1].id = t.areas[0].id.clone();
        t.scale.min = 10;
        t.areas[2].concerns.push("Not seeing people".to_string());
        let p = t.problems();
        assert_eq!(p.len(), 3, "{p:?}");
    }

    #[test]
    fn unknown_template_falls_back_to_default() {
        assert_eq!(template_by_id("gone").id, HOLISTIC_ID);
    }

    #[test]
    fn template_round_trips_through_json() -> Result<(), serde_json::Error> {
        let t = holistic_template();
        let back: Template = serde_json::from_str(&serde_json::to_string(&t)?)?;
        assert_eq!(back, t);
        Ok(())
    }
}
