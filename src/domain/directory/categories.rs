//! The directory's categories are the life areas of the holistic template,
//! so a life area marked for support finds matching services. Other
//! templates' areas are mapped onto them here.

use crate::domain::builtin_templates::holistic_template;

/// Category ids and titles, in the holistic template's order.
pub fn categories() -> Vec<(String, String)> {
    holistic_template()
        .areas
        .into_iter()
        .map(|a| (a.id, a.title))
        .collect()
}

/// The title of a category id, or `None` for an id we do not know.
pub fn category_title(id: &str) -> Option<String> {
    categories()
        .into_iter()
        .find(|(c, _)| c == id)
        .map(|(_, t)| t)
}

/// Areas of the other built-in templates, and the category each matches.
const SYNONYMS: &[(&str, &str)] = &[
    ("health", "physical-health"),
    ("feelings", "mental-wellbeing"),
    ("mental-health", "mental-wellbeing"),
    ("people", "friends-social"),
    ("friendships", "friends-social"),
    ("family", "family-relationships"),
    ("home", "home-housing"),
    ("safety", "home-housing"),
    ("money", "money-benefits"),
    ("your-days", "hobbies-fun"),
    ("daytime", "work-learning"),
    ("getting-about", "getting-active"),
    ("looking-forward", "faith-meaning"),
];

/// The directory category for a life area of any template: the same id
/// when the area is one of the holistic ones, else a known synonym.
pub fn category_for_area(area_id: &str) -> Option<&'static str> {
    if let Some(&(_, cat)) = SYNONYMS.iter().find(|(a, _)| *a == area_id) {
        return Some(cat);
    }
    HOLISTIC_IDS.iter().copied().find(|id| *id == area_id)
}

const HOLISTIC_IDS: &[&str] = &[
    "physical-health",
    "mental-wellbeing",
    "friends-social",
    "family-relationships",
    "money-benefits",
    "home-housing",
    "work-learning",
    "getting-active",
    "daily-living",
    "hobbies-fun",
    "faith-meaning",
    "culture-community",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin_templates::builtin_templates;

    #[test]
    fn holistic_ids_are_the_categories() {
        let ids: Vec<String> = categories().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, HOLISTIC_IDS);
    }

    #[test]
    fn every_builtin_area_has_a_category() {
        for t in builtin_templates() {
            for a in &t.areas {
                assert!(
                    category_for_area(&a.id).is_some(),
                    "{} in {} has no category",
                    a.id,
                    t.id
                );
            }
        }
        assert_eq!(category_for_area("feelings"), Some("mental-wellbeing"));
        assert_eq!(category_for_area("money-benefits"), Some("money-benefits"));
        assert_eq!(category_for_area("nothing-like-it"), None);
    }
}
