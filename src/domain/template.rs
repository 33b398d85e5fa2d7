//! Assessment templates are data: the life areas, their wording and their
//! concern lists live here, not in components, so more templates can be added.

use serde::{Deserialize, Serialize};

use super::measures::MeasureId;

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

    /// The score question for `area`: its own, or the template's when blank.
    pub fn area_question<'a>(&'a self, area: &'a LifeArea) -> &'a str {
        if area.question.trim().is_empty() {
            &self.question
        } else {
            &area.question
        }
    }

    /// The outcome measures this template offers, in its order. Codes
    /// Linkwheel does not know, and repeats, are left out.
    pub fn measure_ids(&self) -> Vec<MeasureId> {
        let mut out: Vec<MeasureId> = Vec::new();
        for id in self.measures.iter().filter_map(|c| MeasureId::from_code(c)) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// Steps of an assessment: one per life area, then one per measure.
    pub fn step_count(&self) -> usize {
        self.areas.len() + self.measure_ids().len()
    }

    /// Every problem that makes the template unusable, one plain sentence
    /// each. Life areas are numbered from 1, as a person counts them.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.schema_version == 0 {
            out.push(
                "The file does not say which template format it uses (schema_version).".to_string(),
            );
        } else if self.schema_version > TEMPLATE_SCHEMA_VERSION {
            // The rest of a newer format cannot be judged by this version.
            out.push(format!(
                "This template is for a newer version of Linkwheel (template format {}). This version reads format {}.",
                self.schema_version, TEMPLATE_SCHEMA_VERSION
            ));
            return out;
        }
        if self.id.trim().is_empty() {
            out.push("The template has no id.".to_string());
        }
        if self.title.trim().is_empty() {
            out.push("The template has no title.".to_string());
        }
        if self.areas.is_empty() {
            out.push("The template has no life areas.".to_string());
        } else if self.areas.len() > MAX_AREAS {
            out.push(format!(
                "A template can have at most {MAX_AREAS} life areas."
            ));
        }
        let scale = &self.scale;
        if scale.min >= scale.max {
            out.push("The scale maximum must be greater than the minimum.".to_string());
        } else if usize::from(scale.max - scale.min) + 1 > MAX_SCALE_POINTS {
            out.push(format!(
                "The scale can have at most {MAX_SCALE_POINTS} points, for example 0 to 10."
            ));
        }
        if scale.min_label.trim().is_empty() || scale.max_label.trim().is_empty() {
            out.push("The scale needs words for its lowest and highest scores.".to_string());
        }
        if self.question.trim().is_empty()
            && self.areas.iter().any(|a| a.question.trim().is_empty())
        {
            out.push(
                "The template needs a question to ask about each life area (question).".to_string(),
            );
        }
        for (i, area) in self.areas.iter().enumerate() {
            let n = i + 1;
            if area.title.trim().is_empty() {
                out.push(format!("Life area {n} has no title."));
            }
            if area.id.trim().is_empty() {
                out.push(format!("Life area {n} has no id."));
            } else if let Some(first) = self.areas[..i].iter().position(|a| a.id == area.id) {
                out.push(format!(
                    "Life areas {} and {n} share the id \"{}\".",
                    first + 1,
                    area.id
                ));
            }
            let bad_worry = area.concerns.iter().enumerate().any(|(j, c)| {
                c.trim().is_empty() || area.concerns[..j].iter().any(|d| d.trim() == c.trim())
            });
            if bad_worry {
                out.push(format!("Life area {n} has a blank or repeated worry."));
            }
        }
        let offered = offered_measures();
        for (i, code) in self.measures.iter().enumerate() {
            if MeasureId::from_code(code).is_none() {
                out.push(format!(
                    "\"{code}\" is not a measure Linkwheel offers. It can offer {offered}."
                ));
            } else if self.measures[..i].contains(code) {
                out.push(format!("The measure \"{code}\" is listed more than once."));
            }
        }
        out
    }
}

/// The most life areas a template can have (the wheel stays readable).
pub const MAX_AREAS: usize = 16;
/// The most points a score scale can have: 0 to 10 is 11.
pub const MAX_SCALE_POINTS: usize = 11;

/// "\"ons4\" and \"ucla3\"": the measure codes, for messages.
fn offered_measures() -> String {
    let codes = MeasureId::ALL;
    let mut text = String::new();
    for (i, id) in codes.iter().enumerate() {
        if i > 0 {
            text.push_str(if i + 1 == codes.len() { " and " } else { ", " });
        }
        text.push('"');
        text.push_str(id.code());
        text.push('"');
    }
    text
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

/// Id of the quick check-in template.
pub const QUICK_ID: &str = "quick-8";

const QUICK_AREAS: &[AreaRow] = &[
    (
        "health",
        "Health",
        "How your body feels: pain, sleep, energy and any conditions.",
        Need::Physical,
        &["Pain", "Sleep", "Tiredness", "A health condition"],
    ),
    (
        "feelings",
        "Feelings",
        "How you feel in yourself most days.",
        Need::Emotional,
        &["Feeling low", "Worry or stress", "Confidence"],
    ),
    (
        "people",
        "People around you",
        "Friends, family and having someone to talk to.",
        Need::Social,
        &[
            "Feeling lonely",
            "No one to talk to",
            "Problems with family",
        ],
    ),
    (
        "home",
        "Home",
        "Where you live and how safe it feels.",
        Need::Practical,
        &[
            "Repairs, damp or cold",
            "Rent or mortgage",
            "Feeling unsafe at home",
        ],
    ),
    (
        "money",
        "Money",
        "Having enough to live on.",
        Need::Practical,
        &["Debt", "Paying bills", "Benefits", "Food"],
    ),
    (
        "your-days",
        "Your days",
        "Work, volunteering, learning and how you spend your time.",
        Need::Practical,
        &["Finding work", "Not much to do", "Learning something new"],
    ),
    (
        "getting-about",
        "Getting out and about",
        "Moving more and getting where you need to go.",
        Need::Physical,
        &["Transport", "Mobility", "Getting active"],
    ),
    (
        "looking-forward",
        "Things to look forward to",
        "Fun, hobbies, faith and what gives your life meaning.",
        Need::Spiritual,
        &[
            "Nothing to look forward to",
            "Lost interest",
            "Feeling without purpose",
        ],
    ),
];

/// Id of the satisfaction review template.
pub const SATISFACTION_ID: &str = "satisfaction-8";

const SATISFACTION_AREAS: &[AreaRow] = &[
    (
        "mental-health",
        "Mental health",
        "Your mood and how you feel in your mind.",
        Need::Emotional,
        &[],
    ),
    (
        "physical-health",
        "Physical health",
        "Your body, fitness and any health conditions.",
        Need::Physical,
        &[],
    ),
    (
        "daytime",
        "Work or daytime activity",
        "Paid work, volunteering, study or how you fill your days.",
        Need::Practical,
        &[],
    ),
    (
        "home",
        "Where you live",
        "Your home and how well it suits you.",
        Need::Practical,
        &[],
    ),
    (
        "money",
        "Money",
        "Having enough money for what you need.",
        Need::Practical,
        &[],
    ),
    (
        "friendships",
        "Friendships",
        "Friends and the people you spend time with.",
        Need::Social,
        &[],
    ),
    (
        "family",
        "Family and partner",
        "Your family, partner and the people closest to you.",
        Need::Social,
        &[],
    ),
    (
        "safety",
        "Feeling safe",
        "How safe you feel at home and when you are out.",
        Need::Practical,
        &[],
    ),
];

/// The fixed parts of a built-in template.
struct Builtin {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    question: &'static str,
    scale: (u8, u8, &'static str, &'static str),
    measures: &'static [&'static str],
    areas: &'static [AreaRow],
}

fn build(b: &Builtin) -> Template {
    let text = |s: &str| s.to_string();
    Template {
        schema_version: TEMPLATE_SCHEMA_VERSION,
        id: text(b.id),
        version: 1,
        title: text(b.title),
        description: text(b.description),
        question: text(b.question),
        scale: Scale {
            min: b.scale.0,
            max: b.scale.1,
            min_label: text(b.scale.2),
            max_label: text(b.scale.3),
        },
        areas: b
            .areas
            .iter()
            .map(|(id, title, prompt, need, concerns)| LifeArea {
                id: text(id),
                title: text(title),
                prompt: text(prompt),
                question: String::new(),
                need: Some(*need),
                concerns: concerns.iter().map(|c| text(c)).collect(),
            })
            .collect(),
        measures: b.measures.iter().map(|m| text(m)).collect(),
    }
}

/// The default holistic needs assessment: twelve life areas scored 0 to 10.
pub fn holistic_template() -> Template {
    build(&Builtin {
        id: HOLISTIC_ID,
        title: "Holistic needs and wheel of life",
        description: "Twelve parts of life, each scored from 0 to 10, with worries, what matters and whether support is wanted.",
        question: "How satisfied are you with this part of your life right now?",
        scale: (0, 10, "not at all", "completely"),
        measures: &["ons4", "ucla3"],
        areas: HOLISTIC_AREAS,
    })
}

/// A shorter check-in: eight broad parts of life scored 0 to 10.
pub fn quick_check_template() -> Template {
    build(&Builtin {
        id: QUICK_ID,
        title: "Quick check-in",
        description: "A shorter check-in: eight parts of life, each scored from 0 to 10, with a few worries to tick.",
        question: "How are things in this part of your life at the moment?",
        scale: (0, 10, "very bad", "very good"),
        measures: &["ons4"],
        areas: QUICK_AREAS,
    })
}

/// A satisfaction review: eight parts of life rated from 1 to 7, asking
/// each time whether the person would like more help.
pub fn satisfaction_template() -> Template {
    build(&Builtin {
        id: SATISFACTION_ID,
        title: "Satisfaction review",
        description: "Eight parts of life, each rated from 1 (very unhappy) to 7 (very happy), and whether the person would like more help with it.",
        question: "How happy are you with this part of your life?",
        scale: (1, 7, "very unhappy with it", "very happy with it"),
        measures: &[],
        areas: SATISFACTION_AREAS,
    })
}

/// The templates built into this version of Linkwheel, the default first.
pub fn builtin_templates() -> Vec<Template> {
    vec![
        holistic_template(),
        quick_check_template(),
        satisfaction_template(),
    ]
}

/// The built-in template with this id and version (0 counts as 1).
pub fn builtin(id: &str, version: u32) -> Option<Template> {
    builtin_templates()
        .into_iter()
        .find(|t| t.id == id && t.version.max(1) == version.max(1))
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
    fn each_builtin_has_its_shape() {
        let ids: Vec<String> = builtin_templates().into_iter().map(|t| t.id).collect();
        assert_eq!(ids, [HOLISTIC_ID, QUICK_ID, SATISFACTION_ID]);
        let quick = quick_check_template();
        assert_eq!(quick.areas.len(), 8);
        assert_eq!((quick.scale.min, quick.scale.max), (0, 10));
        assert_eq!(quick.measure_ids(), [MeasureId::Ons4]);
        assert!(quick.areas.iter().all(|a| !a.concerns.is_empty()));
        let sat = satisfaction_template();
        assert_eq!(sat.areas.len(), 8);
        assert_eq!((sat.scale.min, sat.scale.max), (1, 7));
        assert_eq!(sat.scale.min_label, "very unhappy with it");
        assert_eq!(sat.scale.max_label, "very happy with it");
        assert_eq!(
            sat.question,
            "How happy are you with this part of your life?"
        );
        assert!(sat.measure_ids().is_empty());
        for t in builtin_templates() {
            assert_eq!(t.version, 1, "{}", t.id);
            assert!(t.areas.iter().all(|a| a.need.is_some()), "{}", t.id);
            assert!(t.areas.iter().all(|a| !a.prompt.is_empty()), "{}", t.id);
        }
    }

    #[test]
    fn builtin_finds_by_id_and_version() {
        assert_eq!(
            builtin(QUICK_ID, 1).map(|t| t.id).as_deref(),
            Some(QUICK_ID)
        );
        assert_eq!(
            builtin(HOLISTIC_ID, 0).map(|t| t.key()).as_deref(),
            Some("holistic-12@1")
        );
        assert_eq!(builtin(HOLISTIC_ID, 2), None);
        assert_eq!(builtin("gone", 1), None);
        assert_eq!(template_by_id(SATISFACTION_ID).id, SATISFACTION_ID);
    }

    #[test]
    fn steps_are_areas_then_measures() {
        let t = holistic_template();
        assert_eq!(t.measure_ids(), [MeasureId::Ons4, MeasureId::Ucla3]);
        assert_eq!(t.step_count(), 14);
        assert_eq!(quick_check_template().step_count(), 9);
        assert_eq!(satisfaction_template().step_count(), 8);
        let mut odd = holistic_template();
        odd.measures = vec!["ucla3".into(), "wemwbs".into(), "ucla3".into()];
        assert_eq!(odd.measure_ids(), [MeasureId::Ucla3]);
        assert_eq!(odd.step_count(), 13);
    }

    #[test]
    fn area_question_falls_back_to_the_template_question() {
        let mut t = holistic_template();
        t.areas[1].question = "How is your mood?".into();
        assert_eq!(t.area_question(&t.areas[1]), "How is your mood?");
        assert_eq!(t.area_question(&t.areas[0]), t.question);
        t.areas[0].question = "   ".into();
        assert_eq!(t.area_question(&t.areas[0]), t.question);
    }

    /// Every file under tests/fixtures/templates, and the one message it
    /// must give (none for good.json).
    const FIXTURES: &[(&str, &str)] = &[
        ("good.json", ""),
        (
            "missing-schema-version.json",
            "The file does not say which template format it uses (schema_version).",
        ),
        (
            "newer-format.json",
            "This template is for a newer version of Linkwheel (template format 2). This version reads format 1.",
        ),
        ("no-id.json", "The template has no id."),
        ("no-title.json", "The template has no title."),
        ("no-areas.json", "The template has no life areas."),
        (
            "too-many-areas.json",
            "A template can have at most 16 life areas.",
        ),
        (
            "bad-scale.json",
            "The scale maximum must be greater than the minimum.",
        ),
        (
            "too-many-points.json",
            "The scale can have at most 11 points, for example 0 to 10.",
        ),
        (
            "no-scale-words.json",
            "The scale needs words for its lowest and highest scores.",
        ),
        (
            "no-question.json",
            "The template needs a question to ask about each life area (question).",
        ),
        ("area-3-no-title.json", "Life area 3 has no title."),
        ("area-3-no-id.json", "Life area 3 has no id."),
        (
            "duplicate-area-ids.json",
            "Life areas 2 and 5 share the id \"money\".",
        ),
        (
            "repeated-worry.json",
            "Life area 4 has a blank or repeated worry.",
        ),
        ("blank-worry.json", "Life area 4 has a blank or repeated worry."),
        (
            "unknown-measure.json",
            "\"wemwbs\" is not a measure Linkwheel offers. It can offer \"ons4\" and \"ucla3\".",
        ),
        (
            "repeated-measure.json",
            "The measure \"ons4\" is listed more than once.",
        ),
    ];

    /// Files whose JSON has the wrong types, so they do not parse at all.
    const UNREADABLE: &[&str] = &["wrong-types.json", "wrong-scale-type.json"];

    fn fixture(name: &str) -> String {
        let path = format!(
            "{}/tests/fixtures/templates/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn each_fixture_gives_its_one_message() {
        for (name, want) in FIXTURES {
            let t: Template =
                serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            let want: Vec<String> = if want.is_empty() {
                Vec::new()
            } else {
                vec![(*want).to_string()]
            };
            assert_eq!(t.problems(), want, "{name}");
        }
    }

    #[test]
    fn wrong_json_types_do_not_parse() {
        for name in UNREADABLE {
            assert!(
                serde_json::from_str::<Template>(&fixture(name)).is_err(),
                "{name}"
            );
        }
        assert!(serde_json::from_str::<Template>(r#"{"areas": "x"}"#).is_err());
        assert!(serde_json::from_str::<Template>("not json").is_err());
    }

    #[test]
    fn every_fixture_file_is_checked() {
        let dir = format!("{}/tests/fixtures/templates", env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let name = entry.map(|e| e.file_name()).unwrap_or_default();
            let name = name.to_string_lossy();
            assert!(
                FIXTURES.iter().any(|(f, _)| *f == name) || UNREADABLE.contains(&&*name),
                "{name} has no expected message"
            );
            seen += 1;
        }
        assert_eq!(seen, FIXTURES.len() + UNREADABLE.len());
    }

    #[test]
    fn several_problems_are_all_listed() {
        let mut t = holistic_template();
        t.id.clear();
        t.areas[2].title.clear();
        t.areas[2].id.clear();
        t.areas[4].id = "physical-health".into();
        t.measures.push("phq9".into());
        assert_eq!(
            t.problems(),
            [
                "The template has no id.",
                "Life area 3 has no title.",
                "Life area 3 has no id.",
                "Life areas 1 and 5 share the id \"physical-health\".",
                "\"phq9\" is not a measure Linkwheel offers. It can offer \"ons4\" and \"ucla3\".",
            ]
        );
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
