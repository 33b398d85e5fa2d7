//! The templates built into Linkwheel, in our own words: the data tables
//! and the functions that make them into [`Template`]s. The types and the
//! checks are in `template.rs`, which re-exports all of this.

use super::template::{LifeArea, Need, Scale, Template, TEMPLATE_SCHEMA_VERSION};

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
