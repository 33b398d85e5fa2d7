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
    /// True when `a` was taken with this template and version (records
    /// from before templates had ids or versions count as holistic, 1).
    pub fn is_for(&self, a: &super::model::Assessment) -> bool {
        super::progress::template_id_of(a) == self.id
            && self.version.max(1) == a.template_version.max(1)
    }

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

// The built-in templates live in `builtin_templates.rs`.
pub use super::builtin_templates::*;

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
