//! Finding services: search as you type, filters, favourites first, and
//! whether an entry may be out of date.

use super::Service;
use crate::domain::dates;
use crate::domain::order::sort_by_less;
use crate::domain::search::fold;

/// Cost filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CostFilter {
    #[default]
    Any,
    Free,
    Paid,
}

/// Referral filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReferralFilter {
    #[default]
    Any,
    TakesReferrals,
    SignpostOnly,
}

/// What the directory page (or a goal's service search) is showing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    /// A category id, or empty for every category.
    pub category: String,
    pub cost: CostFilter,
    pub referral: ReferralFilter,
    pub favourites_only: bool,
}

/// The folded text a query is matched against: name, description and
/// organisation.
pub fn haystack(s: &Service) -> String {
    fold(&format!("{} {} {}", s.name, s.description, s.organisation))
}

impl Filter {
    /// True when the service passes every filter and every word of the query
    /// is found in its name, description or organisation.
    pub fn keeps(&self, s: &Service, hay: &str) -> bool {
        let category_ok = self.category.is_empty() || s.categories.contains(&self.category);
        let cost_ok = match self.cost {
            CostFilter::Any => true,
            CostFilter::Free => s.free,
            CostFilter::Paid => !s.free,
        };
        let referral_ok = match self.referral {
            ReferralFilter::Any => true,
            ReferralFilter::TakesReferrals => s.referral == super::ReferralType::TakesReferrals,
            ReferralFilter::SignpostOnly => s.referral == super::ReferralType::SignpostOnly,
        };
        category_ok
            && cost_ok
            && referral_ok
            && (!self.favourites_only || s.favourite)
            && fold(&self.query)
                .split_whitespace()
                .all(|word| hay.contains(word))
    }

    /// Indexes of the services kept, favourites first, then by name.
    pub fn apply(&self, services: &[Service]) -> Vec<usize> {
        let mut kept: Vec<usize> = services
            .iter()
            .enumerate()
            .filter(|(_, s)| self.keeps(s, &haystack(s)))
            .map(|(i, _)| i)
            .collect();
        sort_by_less(&mut kept, |&a, &b| {
            by_favourite_then_name(&services[a], &services[b])
        });
        kept
    }
}

/// Favourites first, then by name (case-insensitive).
pub fn by_favourite_then_name(a: &Service, b: &Service) -> bool {
    if a.favourite != b.favourite {
        return a.favourite;
    }
    fold(&a.name) < fold(&b.name)
}

/// Days after which an entry is shown as possibly out of date (12 months).
pub const STALE_AFTER_DAYS: i64 = 365;

/// True when the entry was last checked more than 12 months before `today`,
/// or was never checked.
pub fn possibly_out_of_date(s: &Service, today: &str) -> bool {
    match dates::days_between(&s.last_checked, today) {
        Some(days) => days > STALE_AFTER_DAYS,
        None => true,
    }
}

/// Services in any of the given categories, favourites first, then by name:
/// what the plan page suggests for the areas marked for support.
pub fn suggest_for(services: &[Service], categories: &[&str]) -> Vec<usize> {
    let mut kept: Vec<usize> = services
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.categories
                .iter()
                .any(|c| categories.contains(&c.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    sort_by_less(&mut kept, |&a, &b| {
        by_favourite_then_name(&services[a], &services[b])
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::ReferralType;

    fn svc(name: &str, cats: &[&str], free: bool, fav: bool) -> Service {
        Service {
            id: name.to_lowercase(),
            name: name.into(),
            organisation: "Riverside Trust".into(),
            description: "A friendly group".into(),
            categories: cats.iter().map(|c| c.to_string()).collect(),
            free,
            favourite: fav,
            ..Service::default()
        }
    }

    fn names(services: &[Service], kept: &[usize]) -> Vec<String> {
        kept.iter().map(|&i| services[i].name.clone()).collect()
    }

    #[test]
    fn search_matches_name_description_and_organisation_in_any_case() {
        let list = vec![
            svc("Walking Football", &["getting-active"], true, false),
            svc("Café Chat", &["friends-social"], false, false),
        ];
        let mut f = Filter {
            query: "cafe".into(),
            ..Filter::default()
        };
        assert_eq!(names(&list, &f.apply(&list)), ["Café Chat"]);
        f.query = "RIVERSIDE friendly".into();
        assert_eq!(f.apply(&list).len(), 2);
        f.query = "riverside swimming".into();
        assert!(f.apply(&list).is_empty());
    }

    #[test]
    fn filters_combine_and_favourites_come_first() {
        let mut list = vec![
            svc("Allotment", &["getting-active", "hobbies-fun"], true, false),
            svc("Benefits advice", &["money-benefits"], true, true),
            svc("Art class", &["hobbies-fun"], false, false),
        ];
        list[2].referral = ReferralType::TakesReferrals;
        let all = Filter::default();
        assert_eq!(
            names(&list, &all.apply(&list)),
            ["Benefits advice", "Allotment", "Art class"]
        );
        let hobbies = Filter {
            category: "hobbies-fun".into(),
            ..Filter::default()
        };
        assert_eq!(
            names(&list, &hobbies.apply(&list)),
            ["Allotment", "Art class"]
        );
        let free_hobbies = Filter {
            cost: CostFilter::Free,
            ..hobbies.clone()
        };
        assert_eq!(names(&list, &free_hobbies.apply(&list)), ["Allotment"]);
        let referrals = Filter {
            referral: ReferralFilter::TakesReferrals,
            ..Filter::default()
        };
        assert_eq!(names(&list, &referrals.apply(&list)), ["Art class"]);
        let favs = Filter {
            favourites_only: true,
            ..Filter::default()
        };
        assert_eq!(names(&list, &favs.apply(&list)), ["Benefits advice"]);
    }

    #[test]
    fn out_of_date_after_twelve_months_or_when_never_checked() {
        let mut s = svc("A", &[], true, false);
        assert!(possibly_out_of_date(&s, "2026-11-21"));
        s.last_checked = "2025-11-21".into();
        assert!(!possibly_out_of_date(&s, "2026-11-21"));
        s.last_checked = "2025-11-20".into();
        assert!(possibly_out_of_date(&s, "2026-11-21"));
    }

    #[test]
    fn suggestions_match_any_category() {
        let list = vec![
            svc("Allotment", &["getting-active"], true, false),
            svc("Debt help", &["money-benefits"], true, false),
            svc("Choir", &["hobbies-fun"], true, true),
        ];
        let kept = suggest_for(&list, &["money-benefits", "hobbies-fun"]);
        assert_eq!(names(&list, &kept), ["Choir", "Debt help"]);
    }
}
