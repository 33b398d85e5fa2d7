//! Caseload search: case-insensitive, every word must match somewhere.

use serde::Deserialize;

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
    let words = fold(query);
    let hay = fold(&format!("{} {}", person.preferred_name, person.full_name));
    words.split_whitespace().all(|word| hay.contains(word))
}

/// A count as people write it: "10,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How the caseload is listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Name,
    /// Soonest (or most overdue) review first; people with no review date
    /// (and closed people, who have no review coming) last, by name.
    NextReview,
}

/// One person as the caseload lists and searches them: the few fields of
/// the stored person record it shows or searches, not the whole record, so
/// 10,000 people cost a third of the reading, memory and freeing.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PersonRow {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub preferred_name: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub risk_flag: bool,
    /// The episode is closed (the record's `closed` is set).
    #[serde(default, deserialize_with = "is_set")]
    pub closed: bool,
    /// `YYYY-MM-DD` or empty, as [`Person::next_review`].
    #[serde(default)]
    pub next_review: String,
    /// `YYYY-MM-DD` or empty, as [`Person::last_assessed`].
    #[serde(default)]
    pub last_assessed: String,
}

impl From<&Person> for PersonRow {
    fn from(p: &Person) -> Self {
        PersonRow {
            id: p.id.clone(),
            preferred_name: p.preferred_name.clone(),
            full_name: p.full_name.clone(),
            risk_flag: p.risk_flag,
            closed: p.closed.is_some(),
            next_review: p.next_review.clone(),
            last_assessed: p.last_assessed.clone(),
        }
    }
}

/// True when the field holds anything but `null` (its contents unread).
fn is_set<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Option::<serde::de::IgnoredAny>::deserialize(d).map(|v| v.is_some())
}

/// Everything the caseload needs to filter and sort as fast as a person
/// types, worked out once when the people are loaded: each person's folded
/// names, and the two orders. A keystroke then only tests substrings and
/// keeps the order; it never folds, sorts or reads the database again.
#[derive(Debug, Default)]
pub struct CaseloadIndex {
    /// Folded "preferred full" names, in the order of the people given, one
    /// after another in one string (one allocation, not one per person).
    hay: String,
    /// Where each person's folded names end in `hay`.
    ends: Vec<usize>,
    by_name: Vec<usize>,
    by_review: Vec<usize>,
}

impl CaseloadIndex {
    pub fn new(people: &[PersonRow]) -> Self {
        let mut hay = String::new();
        let mut ends = Vec::with_capacity(people.len());
        for p in people {
            hay.push_str(&fold(&format!("{} {}", p.preferred_name, p.full_name)));
            ends.push(hay.len());
        }
        let names: Vec<String> = people.iter().map(|p| fold(&p.preferred_name)).collect();
        let mut by_name: Vec<usize> = (0..people.len()).collect();
        sort_by_less(&mut by_name, |&a, &b| {
            (&names[a], &people[a].id) < (&names[b], &people[b].id)
        });
        // Closed people have no review coming.
        let review = |i: usize| {
            if people[i].closed {
                ""
            } else {
                people[i].next_review.as_str()
            }
        };
        let mut by_review = by_name.clone();
        sort_by_less(&mut by_review, |&a, &b| {
            let (ra, rb) = (review(a), review(b));
            (ra.is_empty(), ra, &names[a], &people[a].id)
                < (rb.is_empty(), rb, &names[b], &people[b].id)
        });
        CaseloadIndex {
            hay,
            ends,
            by_name,
            by_review,
        }
    }

    /// Person `i`'s folded names.
    fn hay(&self, i: usize) -> Option<&str> {
        let start = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)?,
        };
        self.hay.get(start..*self.ends.get(i)?)
    }

    /// Positions in `people` (the same slice the index was made from) of
    /// everyone matching `query`, closed episodes only when `show_closed`,
    /// in the order `sort`.
    pub fn select(
        &self,
        people: &[PersonRow],
        query: &str,
        show_closed: bool,
        sort: SortBy,
    ) -> Vec<usize> {
        let words = fold(query);
        let words: Vec<&str> = words.split_whitespace().collect();
        let order = match sort {
            SortBy::Name => &self.by_name,
            SortBy::NextReview => &self.by_review,
        };
        order
            .iter()
            .copied()
            .filter(|&i| {
                (show_closed || people.get(i).is_some_and(|p| !p.closed))
                    && self
                        .hay(i)
                        .is_some_and(|hay| words.iter().all(|w| hay.contains(w)))
            })
            .collect()
    }
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
        let mut people = [
            person("Ann", ""),
            person("Bob", ""),
            person("Cy", ""),
            person("Di", ""),
        ];
        people[0].next_review = "2027-03-01".into();
        people[1].next_review = "2026-11-01".into();
        people[3].next_review = "2026-12-01".into();
        people[3].closed = Some(crate::domain::Closure::default());
        let people: Vec<PersonRow> = people.iter().map(PersonRow::from).collect();
        assert!(people[3].closed);
        let names = |list: Vec<&PersonRow>| -> Vec<String> {
            list.iter().map(|p| p.preferred_name.clone()).collect()
        };
        let index = CaseloadIndex::new(&people);
        let caseload = |q: &str, closed: bool, sort: SortBy| -> Vec<&PersonRow> {
            index
                .select(&people, q, closed, sort)
                .into_iter()
                .map(|i| &people[i])
                .collect()
        };
        assert_eq!(
            names(caseload("", false, SortBy::Name)),
            ["Ann", "Bob", "Cy"]
        );
        assert_eq!(
            names(caseload("", false, SortBy::NextReview)),
            ["Bob", "Ann", "Cy"]
        );
        // A closed person is shown when asked, with no review to sort by.
        assert_eq!(
            names(caseload("", true, SortBy::NextReview)),
            ["Bob", "Ann", "Cy", "Di"]
        );
        assert_eq!(names(caseload("d", true, SortBy::Name)), ["Di"]);
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(10000), "10,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn filters_and_sorts() {
        let people: Vec<PersonRow> = [
            person("Tom", ""),
            person("alice", ""),
            person("Bea", "Beatrice Tomlin"),
        ]
        .iter()
        .map(PersonRow::from)
        .collect();
        let index = CaseloadIndex::new(&people);
        let names: Vec<&str> = index
            .select(&people, "tom", false, SortBy::Name)
            .into_iter()
            .map(|i| people[i].preferred_name.as_str())
            .collect();
        assert_eq!(names, ["Bea", "Tom"]);
        let all = index.select(&people, "", false, SortBy::Name);
        let names: Vec<&str> = all
            .iter()
            .map(|&i| people[i].preferred_name.as_str())
            .collect();
        assert_eq!(names, ["alice", "Bea", "Tom"], "sorted by folded name");
    }

    #[test]
    fn a_word_never_matches_across_two_people() {
        let people: Vec<PersonRow> = [person("Tom", "Tom Al"), person("Al", "Al Bee")]
            .iter()
            .map(PersonRow::from)
            .collect();
        let index = CaseloadIndex::new(&people);
        assert!(index
            .select(&people, "altom", false, SortBy::Name)
            .is_empty());
        assert!(index
            .select(&people, "beetom", false, SortBy::Name)
            .is_empty());
        assert_eq!(index.select(&people, "al", false, SortBy::Name), [1, 0]);
        assert_eq!(index.select(&people, "bee", false, SortBy::Name), [1]);
    }

    #[test]
    fn a_row_reads_only_its_fields_of_a_stored_person() {
        let mut ada = person("Ada", "Ada Lovelace");
        ada.id = "p1".into();
        ada.note = "Prefers mornings".into();
        ada.next_review = "2026-12-01".into();
        ada.last_assessed = "2026-11-02".into();
        ada.risk_flag = true;
        let stored = serde_json::to_string(&ada).expect("json");
        let row: PersonRow = serde_json::from_str(&stored).expect("row");
        assert_eq!(row, PersonRow::from(&ada));
        assert!(!row.closed);
        ada.closed = Some(crate::domain::Closure::default());
        let row: PersonRow =
            serde_json::from_str(&serde_json::to_string(&ada).expect("json")).expect("row");
        assert!(row.closed);
        let row: PersonRow = serde_json::from_str(r#"{"id":"p2","closed":null}"#).expect("row");
        assert_eq!(row.id, "p2");
        assert!(!row.closed, "null is not closed");
    }
}
