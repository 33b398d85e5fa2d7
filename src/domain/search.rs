//! Caseload search: case-insensitive, every word must match somewhere.

use super::order::sort_by_less;
use super::Person;

/// Lower-cases and folds the accented letters common in UK names. Only
/// ASCII and Latin-1 letters are lower-cased: this keeps Unicode's large
/// case tables out of the WebAssembly.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            other => other,
        })
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// True when every word of `query` is found in the person's names.
pub fn matches(person: &Person, query: &str) -> bool {
    let hay = fold(&format!("{} {}", person.preferred_name, person.full_name));
    fold(query)
        .split_whitespace()
        .all(|word| hay.contains(word))
}

/// People matching `query`, sorted by preferred name.
pub fn filter_people<'a>(people: &'a [Person], query: &str) -> Vec<&'a Person> {
    let mut out: Vec<(String, &Person)> = people
        .iter()
        .filter(|p| matches(p, query))
        .map(|p| (fold(&p.preferred_name), p))
        .collect();
    sort_by_less(&mut out, |a, b| (&a.0, &a.1.id) < (&b.0, &b.1.id));
    out.into_iter().map(|(_, p)| p).collect()
}

/// How the caseload is listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Name,
    /// Soonest (or most overdue) review first; people with no review date
    /// last, by name.
    NextReview,
}

/// The caseload as shown: matching `query`, closed episodes only when
/// `show_closed`, sorted by `sort`.
pub fn caseload<'a>(
    people: &'a [Person],
    query: &str,
    show_closed: bool,
    sort: SortBy,
) -> Vec<&'a Person> {
    let mut out: Vec<(bool, &str, String, &Person)> = people
        .iter()
        .filter(|p| (show_closed || p.closed.is_none()) && matches(p, query))
        .map(|p| {
            let review = match sort {
                // Closed people have no review coming.
                SortBy::NextReview if p.closed.is_none() => p.next_review.as_str(),
                _ => "",
            };
            (review.is_empty(), review, fold(&p.preferred_name), p)
        })
        .collect();
    sort_by_less(&mut out, |a, b| {
        (a.0, a.1, &a.2, &a.3.id) < (b.0, b.1, &b.2, &b.3.id)
    });
    out.into_iter().map(|(_, _, _, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(preferred: &str, full: &str) -> Person {
        Person {
            preferred_name: preferred.into(),
            full_name: full.into(),
            ..Person::default()
        }
    }

    #[test]
    fn matches_any_order_and_case() {
        let p = person("Sam", "Samira Okafor");
        assert!(matches(&p, "okafor"));
        assert!(matches(&p, "OKA sam"));
        assert!(matches(&p, "  "));
        assert!(!matches(&p, "smith"));
    }

    #[test]
    fn folds_accents() {
        assert!(matches(&person("Zoë", ""), "zoe"));
        assert!(matches(&person("Siân", ""), "SIAN"));
        assert!(matches(&person("ÉLODIE", ""), "elodie"));
    }

    #[test]
    fn caseload_hides_closed_and_sorts_by_review() {
        let mut people = vec![
            person("Ann", ""),
            person("Bob", ""),
            person("Cy", ""),
            person("Di", ""),
        ];
        people[0].next_review = "2027-03-01".into();
        people[1].next_review = "2026-11-01".into();
        people[3].next_review = "2026-12-01".into();
        people[3].closed = Some(crate::domain::Closure::default());
        let names = |list: Vec<&Person>| -> Vec<String> {
            list.iter().map(|p| p.preferred_name.clone()).collect()
        };
        assert_eq!(
            names(caseload(&people, "", false, SortBy::Name)),
            ["Ann", "Bob", "Cy"]
        );
        assert_eq!(
            names(caseload(&people, "", false, SortBy::NextReview)),
            ["Bob", "Ann", "Cy"]
        );
        // A closed person is shown when asked, with no review to sort by.
        assert_eq!(
            names(caseload(&people, "", true, SortBy::NextReview)),
            ["Bob", "Ann", "Cy", "Di"]
        );
        assert_eq!(names(caseload(&people, "d", true, SortBy::Name)), ["Di"]);
    }

    #[test]
    fn filters_and_sorts() {
        let people = vec![
            person("Tom", ""),
            person("alice", ""),
            person("Bea", "Beatrice Tomlin"),
        ];
        let names: Vec<&str> = filter_people(&people, "tom")
            .iter()
            .map(|p| p.preferred_name.as_str())
            .collect();
        assert_eq!(names, ["Bea", "Tom"]);
        assert_eq!(filter_people(&people, "").len(), 3);
    }
}
